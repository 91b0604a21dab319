"""The Log page as a lifter uses it at the gym, in a real browser: what was meant is what lands.

Every test works as its own athlete on one shared server, so the tests do not see each other's
sets. What landed is read back through the Data page's CSV export of the athlete's sets.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from pipelines.athletes import ensure_athlete
from pipelines.db import connect
from pipelines.logbook import DaySession, log_sets
from tests.e2e.conftest import DESKTOP, Server, start_server, stop_server
from tests.e2e.ui import (
    add_set,
    choose,
    exported_sets,
    no_exception,
    number,
    open_extras,
    open_page,
    pick_athlete,
    settled,
    switch_unit,
    type_day,
)

TODAY = dt.date.today()
SQUAT = "Barbell Squat"
RDL = "Romanian Deadlift"
LONG_NOTE = ("Left knee caved on rep four, film the next set from the side. " * 40)[:2500]


def _seed(path: Path) -> None:
    """One athlete per test, with the history that test starts from."""
    con = connect(path)

    def log_entry(day: dt.date, athlete: str, **entry: object) -> None:
        log_sets(con, DaySession(day, athlete), [entry])

    for name in ("Picker", "Typer", "Keeper", "Carrier", "Blank", "Future", "Writer", "Wrong"):
        ensure_athlete(con, name, "kg")
    log_entry(day=TODAY, exercise=SQUAT, athlete="Picker", weight=100, unit="kg", reps=5)
    log_entry(
        day=TODAY - dt.timedelta(days=3),
        exercise=SQUAT,
        athlete="Typer",
        weight=100,
        unit="kg",
        reps=5,
    )
    log_entry(day=TODAY, exercise=SQUAT, athlete="Keeper", weight=100, unit="kg", reps=5)
    log_entry(day=TODAY, exercise=SQUAT, athlete="Blank", weight=80, unit="kg", reps=5, rpe=8)
    # Two years ago, nothing since: an athlete whose whole history was imported.
    start = TODAY - dt.timedelta(days=730)
    for week in range(8):
        for day in (0, 3):
            log_entry(
                day=start + dt.timedelta(weeks=week, days=day),
                exercise=SQUAT,
                athlete="Importer",
                weight=100,
                unit="kg",
                reps=5,
                rpe=7,
            )
    con.close()


@pytest.fixture(scope="module")
def log_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One dashboard for this module over a database with every test's athlete."""
    folder = tmp_path_factory.mktemp("log-bugs")
    _seed(folder / "liftboard.duckdb")
    running = start_server(folder / "liftboard.duckdb", folder / "server.log")
    yield running
    stop_server(running)


@pytest.fixture
def lifter(browser: Browser, log_server: Server) -> Iterator[Page]:
    """A desktop browser window on the Log page."""
    context = browser.new_context(base_url=log_server.url, viewport=DESKTOP, accept_downloads=True)
    page = context.new_page()
    open_page(page, "/")
    yield page
    context.close()


def _sets(page: Page) -> list[dict[str, object]]:
    frame = exported_sets(page)
    keep = [
        "exercise",
        "performed_on",
        "weight_kg",
        "entered_weight",
        "entered_unit",
        "reps",
        "rpe",
        "notes",
    ]
    frame = frame[keep].astype(object).where(frame[keep].notna(), None)
    return [{str(k): v for k, v in r.items()} for r in frame.to_dict("records")]


def test_switching_units_with_a_set_picked_then_saving_keeps_the_page_and_the_set(lifter):
    pick_athlete(lifter, "Picker")
    choose(lifter, "Change or delete a set", "#1", f"#1 {SQUAT} \u00b7 100 kg \u00d7 5")
    switch_unit(lifter, "lb")
    lifter.get_by_role("button", name="Save changes").click()
    settled(lifter)
    no_exception(lifter)
    expect(lifter.get_by_text("Nothing to save: the set is as it was.")).to_be_visible()
    (row,) = _sets(lifter)
    assert (row["weight_kg"], row["entered_weight"], row["entered_unit"]) == (100.0, 100.0, "kg")


def test_switching_units_converts_a_weight_already_typed(lifter):
    pick_athlete(lifter, "Typer")
    choose(lifter, "Exercise", "barbell squ", SQUAT)
    expect(number(lifter, "Weight (kg)")).to_have_value("100")
    switch_unit(lifter, "lb")
    expect(number(lifter, "Weight (lb)")).to_have_value("220.46")
    expect(lifter.get_by_text("100 kg is 220.46 lb")).to_be_visible()
    add_set(lifter)
    expect(lifter.get_by_text(f"Logged {SQUAT}: 220.46 lb \u00d7 5.")).to_be_visible()
    today = [r for r in _sets(lifter) if r["performed_on"] == TODAY.isoformat()]
    assert [(r["entered_weight"], r["entered_unit"]) for r in today] == [(220.46, "lb")]
    assert today[0]["weight_kg"] == pytest.approx(100.0, abs=0.01)


def test_saving_a_set_keeps_exactly_the_fields_the_user_did_not_touch(lifter):
    pick_athlete(lifter, "Keeper")
    switch_unit(lifter, "lb")
    choose(lifter, "Change or delete a set", "#1", f"#1 {SQUAT} \u00b7 220.46 lb \u00d7 5")
    lifter.get_by_role("button", name="Save changes").click()
    settled(lifter)
    no_exception(lifter)
    (row,) = _sets(lifter)
    assert (row["weight_kg"], row["entered_weight"], row["entered_unit"]) == (100.0, 100.0, "kg")

    open_page(lifter, "/")
    pick_athlete(lifter, "Keeper")
    choose(lifter, "Change or delete a set", "#1", f"#1 {SQUAT} \u00b7 220.46 lb \u00d7 5")
    edit = lifter.get_by_test_id("stForm").filter(has=lifter.get_by_text("Save changes"))
    edit.get_by_label("Reps", exact=True).fill("6")
    edit.get_by_label("Weight (lb)", exact=True).fill("225")
    lifter.get_by_role("button", name="Save changes").click()
    expect(lifter.get_by_text("Set changed.")).to_be_visible()
    (row,) = _sets(lifter)
    assert (row["entered_weight"], row["entered_unit"], row["reps"]) == (225.0, "lb", 6)
    assert row["weight_kg"] == pytest.approx(225 * 0.45359237)


def test_rpe_and_notes_do_not_carry_over_to_the_next_set(lifter):
    pick_athlete(lifter, "Carrier")
    choose(lifter, "Exercise", "barbell squ", SQUAT)
    expect(
        lifter.get_by_test_id("stMain").get_by_role("link", name="History")
    ).to_be_visible()  # the squat's form
    number(lifter, "Weight (kg)").fill("60")
    number(lifter, "Reps").fill("5")
    open_extras(lifter)
    number(lifter, "RPE").fill("8")
    lifter.get_by_label("Notes", exact=True).fill("belt on")
    lifter.get_by_role("button", name="Add set").click()
    expect(lifter.get_by_text(f"Logged {SQUAT}: 60 kg \u00d7 5.")).to_be_visible()
    expect(number(lifter, "RPE")).to_have_value("")
    expect(lifter.get_by_label("Notes", exact=True)).to_have_value("")
    choose(lifter, "Exercise", "romanian", RDL)
    expect(lifter.get_by_text(f"Logged {SQUAT}")).to_have_count(0)  # redrawn for the RDL
    number(lifter, "Weight (kg)").fill("70")
    number(lifter, "Reps").fill("8")
    add_set(lifter)
    expect(lifter.get_by_text(f"Logged {RDL}: 70 kg \u00d7 8.")).to_be_visible()
    assert [(r["exercise"], r["rpe"], r["notes"]) for r in _sets(lifter)] == [
        (SQUAT, 8.0, "belt on"),
        (RDL, None, None),
    ]


def test_rpe_left_empty_is_saved_as_no_rpe_on_the_add_and_the_edit_form(lifter):
    pick_athlete(lifter, "Blank")
    choose(lifter, "Change or delete a set", "#1", f"#1 {SQUAT} \u00b7 80 kg \u00d7 5")
    edit = lifter.get_by_test_id("stForm").filter(has=lifter.get_by_text("Save changes"))
    expect(edit.get_by_label("RPE", exact=True)).to_have_value("8")
    edit.get_by_label("RPE", exact=True).fill("")
    edit.get_by_label("Reps", exact=True).click()  # leave the field, as a thumb would
    expect(edit.get_by_label("RPE", exact=True)).to_have_value("")
    lifter.get_by_role("button", name="Save changes").click()
    settled(lifter)
    expect(lifter.get_by_text("Set changed.")).to_be_visible()

    choose(lifter, "Exercise", "romanian", RDL)
    expect(
        lifter.get_by_test_id("stMain").get_by_role("link", name="History")
    ).to_be_visible()  # the RDL's form
    add = lifter.get_by_test_id("stForm").filter(has=lifter.get_by_text("Add set"))
    add.get_by_label("Weight (kg)", exact=True).fill("70")
    add.get_by_label("Reps", exact=True).fill("8")
    open_extras(lifter, add)
    add.get_by_label("RPE", exact=True).fill("7")
    add.get_by_label("RPE", exact=True).fill("")
    add.get_by_label("Reps", exact=True).click()
    expect(add.get_by_label("RPE", exact=True)).to_have_value("")
    add_set(lifter)
    expect(lifter.get_by_text(f"Logged {RDL}: 70 kg \u00d7 8.")).to_be_visible()
    assert [(r["exercise"], r["rpe"]) for r in _sets(lifter)] == [(SQUAT, None), (RDL, None)]


def test_a_day_in_the_future_refuses_add_set_with_a_sentence(lifter):
    pick_athlete(lifter, "Future")
    type_day(lifter, "2099-11-29")
    expect(
        lifter.get_by_test_id("stMain").get_by_text("2099-11-29 is in the future")
    ).to_be_visible()
    choose(lifter, "Exercise", "barbell squ", SQUAT)
    expect(
        lifter.get_by_test_id("stMain").get_by_role("link", name="History")
    ).to_be_visible()  # the squat's form
    number(lifter, "Weight (kg)").fill("60")
    number(lifter, "Reps").fill("5")
    add_set(lifter)
    main = lifter.get_by_test_id("stMain")
    expect(main.get_by_text("2099-11-29 is in the future").first).to_be_visible()
    expect(main.get_by_text("Nothing was saved")).to_be_visible()
    expect(main.get_by_text(re.compile("^Logged "))).to_have_count(0)
    assert _sets(lifter) == []


def test_a_long_note_is_saved_whole(lifter):
    pick_athlete(lifter, "Writer")
    choose(lifter, "Exercise", "barbell squ", SQUAT)
    expect(
        lifter.get_by_test_id("stMain").get_by_role("link", name="History")
    ).to_be_visible()  # the squat's form
    number(lifter, "Weight (kg)").fill("60")
    number(lifter, "Reps").fill("5")
    open_extras(lifter)
    lifter.get_by_label("Notes", exact=True).fill(LONG_NOTE)
    add_set(lifter)
    expect(lifter.get_by_text(f"Logged {SQUAT}")).to_be_visible()
    assert [r["notes"] for r in _sets(lifter)] == [LONG_NOTE]


def test_every_refused_field_says_why_and_old_messages_go(lifter):
    pick_athlete(lifter, "Wrong")
    main = lifter.get_by_test_id("stMain")
    add_set(lifter)
    expect(main.get_by_text("Choose an exercise first")).to_be_visible()

    choose(lifter, "Exercise", "barbell squ", SQUAT)
    expect(main.get_by_text("Choose an exercise first")).to_have_count(0)  # the form redrawn
    number(lifter, "Weight (kg)").fill("-5")
    number(lifter, "Reps").fill("5")
    add_set(lifter)
    expect(main.get_by_text("the weight must be a number from 0")).to_be_visible()
    expect(main.get_by_text("Choose an exercise first")).to_have_count(0)

    number(lifter, "Weight (kg)").fill("60")
    open_extras(lifter)
    number(lifter, "RPE").fill("11")
    add_set(lifter)
    expect(main.get_by_text("RPE must be from 1 to 10")).to_be_visible()
    expect(main.get_by_text("the weight must be a number from 0")).to_have_count(0)
    assert _sets(lifter) == []


def test_what_to_do_next_reads_the_latest_training_and_says_when_it_was(lifter):
    pick_athlete(lifter, "Importer")
    lifter.get_by_test_id("stSidebarNav").get_by_role("link", name="Trends").click()
    settled(lifter)
    lifter.get_by_role("radio", name="Strength").click()
    settled(lifter)
    main = lifter.get_by_test_id("stMain")
    expect(main.get_by_text("What to do next")).to_be_visible()
    expect(main.get_by_text("Log a few sessions")).to_have_count(0)
    last = TODAY - dt.timedelta(days=730) + dt.timedelta(weeks=7, days=3)
    said = f"{last:%d %b %Y}".lstrip("0")
    expect(main.get_by_text(f"latest training, on {said}")).to_be_visible()
    table = main.get_by_test_id("stDataFrame").last
    expect(table.locator("td", has_text=SQUAT)).to_have_count(1)


def test_the_chosen_athlete_is_in_the_address_and_survives_a_reload(lifter):
    pick_athlete(lifter, "Writer")
    expect(lifter).to_have_url(re.compile(r"[?&]athlete=Writer"))
    open_page(lifter, lifter.url)
    expect(lifter.get_by_role("combobox", name="Athlete")).to_have_value("Writer")
    open_page(lifter, "/?athlete=keeper")
    expect(lifter.get_by_role("combobox", name="Athlete")).to_have_value("Keeper")
