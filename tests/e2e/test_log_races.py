"""The Log page under a fast thumb: taps and typing that land while the page is still redrawing.

The browser's CPU is slowed down (Chrome's CPU throttling, through the DevTools protocol), so
a redraw takes long enough for the next tap or keystroke to arrive in the middle of it, as on
a slow phone. No step waits for the page to settle between typing and tapping; the checks wait
for what the lifter would see, then read what was saved through the command line, which the
running server answers.

One server for the module; each test is its own athlete.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from pipelines.athletes import ensure_athlete
from pipelines.cli import main as liftboard
from pipelines.db import connect
from pipelines.logbook import DaySession, log_sets
from tests.e2e.conftest import DESKTOP, Server, start_server, stop_server
from tests.e2e.ui import choose, find_option, no_exception, open_page, settled

TODAY = dt.date.today()
SQUAT = "Barbell Squat"
RDL = "Romanian Deadlift"
SLOWDOWN = 6  # how many times slower than this machine the browser runs


def _seed(path: Path) -> None:
    con = connect(path)
    for name in ("Quick", "Switcher", "Tapper", "First", "Circler"):
        ensure_athlete(con, name, "kg")
    last_week = TODAY - dt.timedelta(days=7)
    for name in ("Quick", "Switcher"):
        sets = [
            {"exercise": SQUAT, "weight": 100, "unit": "kg", "reps": 5},
            {"exercise": SQUAT, "weight": 105, "unit": "kg", "reps": 3},
            {"exercise": RDL, "weight": 90, "unit": "kg", "reps": 6},
        ]
        log_sets(con, DaySession(last_week, name), sets)
    con.close()


@pytest.fixture(scope="module")
def race_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One dashboard for this module, with an athlete per test."""
    folder = tmp_path_factory.mktemp("log-races")
    _seed(folder / "liftboard.duckdb")
    running = start_server(folder / "liftboard.duckdb", folder / "server.log")
    yield running
    stop_server(running)


@pytest.fixture
def slow_phone(browser: Browser, race_server: Server) -> Iterator[Page]:
    """A browser window whose CPU runs several times slower than this machine's."""
    context = browser.new_context(base_url=race_server.url, viewport=DESKTOP)
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN})
    yield page
    context.close()


def saved(server: Server, athlete: str, tmp_path: Path) -> list[tuple[object, ...]]:
    """The athlete's sets as `liftboard export` writes them: exercise, weight, reps, RPE, notes."""
    out = tmp_path / f"{athlete}.csv"
    argv = ["export", "--what", "sets", "--athlete", athlete, "--out", str(out)]
    assert liftboard([*argv, "--db", str(server.db)]) == 0
    frame = pd.read_csv(out)
    frame = frame[frame["performed_on"] == TODAY.isoformat()]
    keep = ["exercise", "entered_weight", "reps", "rpe", "notes"]
    frame = frame[keep].astype(object).where(frame[keep].notna(), None)
    return [tuple(row) for row in frame.itertuples(index=False)]


def add_form(page: Page) -> Locator:
    return page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name="Add set"))


def tap(button: Locator) -> None:
    """A tap that leaves the focus where it is (an open list of options stays open)."""
    button.evaluate("button => button.click()")


def while_redrawing(page: Page, shown: str) -> None:
    """Wait until the server runs the page for the last tap, or `shown` is on the page.

    The next tap then lands while that run is still going, unless it was already over.
    """
    page.wait_for_function(
        """shown => document.querySelector("[data-testid='stApp']")
            ?.getAttribute('data-test-script-state') === 'running'
            || document.body.innerText.includes(shown)""",
        arg=shown,
    )


def pick_now(page: Page, typed: str, option: str) -> None:
    """Choose an exercise and go on at once, without waiting for the page to redraw."""
    find_option(page, "Exercise", typed, option).click()


FIELDS = {"weight": "Weight (kg)", "reps": "Reps", "rpe": "RPE", "notes": "Notes"}
EXTRAS = "Seconds, RPE and notes"


def type_in(form: Locator, **typed: str | bool) -> None:
    """Type into the Add set form's fields in the order given, as fast as the lifter does;
    `extras=True` taps the extras section open at that point."""
    for field, value in typed.items():
        if field == "extras":
            form.get_by_text(EXTRAS).click()
        else:
            form.get_by_label(FIELDS[field], exact=True).fill(str(value))


def logged(page: Page, text: str) -> None:
    """Wait until the page says the set `text` was logged, and has finished redrawing."""
    expect(page.get_by_test_id("stMain").get_by_text(f"Logged {text}.")).to_be_visible()
    settled(page)


def test_a_set_typed_and_added_at_once_keeps_every_field_and_the_next_starts_clean(
    slow_phone, race_server, tmp_path
):
    page = slow_phone
    open_page(page, "/?athlete=Quick")
    choose(page, "Exercise", "barbell squ", SQUAT)
    form = add_form(page)
    type_in(form, weight="60", reps="5", extras=True, rpe="8", notes="belt on")
    form.get_by_role("button", name="Add set").click()
    logged(page, f"{SQUAT}: 60 kg \u00d7 5")
    # How the set felt stays with that set; the numbers are last time's second set.
    expect(form.get_by_label("RPE", exact=True)).to_have_value("")
    expect(form.get_by_label("Notes", exact=True)).to_have_value("")
    expect(form.get_by_label("Weight (kg)", exact=True)).to_have_value("105")
    expect(form.get_by_label("Reps", exact=True)).to_have_value("3")

    # The next set typed straight away, its RPE ended with Enter instead of a tap.
    type_in(form, weight="62.5", reps="4", rpe="9")
    form.get_by_label("RPE", exact=True).press("Enter")
    logged(page, f"{SQUAT}: 62.5 kg \u00d7 4")
    expect(form.get_by_label("RPE", exact=True)).to_have_value("")
    no_exception(page)
    assert saved(race_server, "Quick", tmp_path) == [
        (SQUAT, 60.0, 5, 8.0, "belt on"),
        (SQUAT, 62.5, 4, 9.0, None),
    ]


def test_switching_exercise_right_after_add_set_does_not_carry_the_rpe_over(
    slow_phone, race_server, tmp_path
):
    page = slow_phone
    open_page(page, "/?athlete=Switcher")
    choose(page, "Exercise", "barbell squ", SQUAT)
    form = add_form(page)
    type_in(form, weight="100", reps="5", extras=True, rpe="8")
    # The next exercise is found first, then Add set tapped and the next one picked at once.
    rdl = find_option(page, "Exercise", "romanian", RDL)
    # (found by its key: while a list of options is open, the rest of the page is hidden
    # from the accessibility tree)
    page.locator(".st-key-log_add button").evaluate("b => b.click()")
    rdl.evaluate("o => o.click()")
    expect(page.get_by_text("Last time (")).to_contain_text("90 kg")
    settled(page)
    expect(form.get_by_label("Weight (kg)", exact=True)).to_have_value("90")
    expect(form.get_by_label("RPE", exact=True)).to_have_value("")
    form.get_by_role("button", name="Add set").click()
    logged(page, f"{RDL}: 90 kg \u00d7 6")
    assert saved(race_server, "Switcher", tmp_path) == [
        (SQUAT, 100.0, 5, 8.0, None),
        (RDL, 90.0, 6, None, None),
    ]


def test_the_extras_opened_and_typed_into_at_once_stay_open_and_keep_the_typing(
    slow_phone, race_server, tmp_path
):
    page = slow_phone
    open_page(page, "/?athlete=Tapper")
    pick_now(page, "barbell squ", SQUAT)  # the page redraws while the lifter goes on
    form = add_form(page)
    type_in(form, extras=True, rpe="7.5", notes="slow eccentric")
    settled(page)
    expect(form.get_by_label("RPE", exact=True)).to_be_visible()
    expect(form.get_by_label("RPE", exact=True)).to_have_value("7.5")
    type_in(form, weight="80", reps="8")
    form.get_by_role("button", name="Add set").click()
    logged(page, f"{SQUAT}: 80 kg \u00d7 8")
    assert saved(race_server, "Tapper", tmp_path) == [(SQUAT, 80.0, 8, 7.5, "slow eccentric")]


def test_the_days_first_set_shows_in_past_workouts_at_once(slow_phone, race_server, tmp_path):
    page = slow_phone
    open_page(page, "/?athlete=First")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("No workouts yet")).to_be_visible()
    choose(page, "Exercise", "barbell squ", SQUAT)
    form = add_form(page)
    type_in(form, weight="50", reps="10", extras=True, rpe="6", notes="first of the day")
    form.get_by_role("button", name="Add set").click()
    logged(page, f"{SQUAT}: 50 kg \u00d7 10")
    expect(main.get_by_text("Workouts 1 to 1 of 1")).to_be_visible()
    expect(main.get_by_text("No workouts yet")).to_have_count(0)
    # The whole page was drawn again for it, and the form still starts the next set clean.
    expect(form.get_by_label("RPE", exact=True)).to_have_value("")
    expect(form.get_by_label("Notes", exact=True)).to_have_value("")
    form.get_by_label("Weight (kg)", exact=True).fill("55")
    form.get_by_role("button", name="Add set").click()
    logged(page, f"{SQUAT}: 55 kg \u00d7 10")
    expect(main.get_by_text("Workouts 1 to 1 of 1")).to_be_visible()
    assert saved(race_server, "First", tmp_path) == [
        (SQUAT, 50.0, 10, 6.0, "first of the day"),
        (SQUAT, 55.0, 10, None, None),
    ]


def test_done_tapped_quickly_logs_each_exercise_once(slow_phone, race_server, tmp_path):
    page = slow_phone
    open_page(page, "/?athlete=Circler")
    page.get_by_role("radio", name="Circuit").click()
    page.get_by_role("button", name="Start circuit").click()
    progress = page.get_by_test_id("stProgress")
    expect(progress).to_contain_text("Round 1 of 4 \u00b7 pass 1 of 2")
    done = page.get_by_role("button", name="Done")
    logged_cards = page.get_by_test_id("stCaptionContainer").filter(has_text="Logged")
    # Both exercises of the pass, the second tapped while the page still redraws the first.
    first, second = done.nth(0).element_handle(), done.nth(1).element_handle()
    first.click()
    while_redrawing(page, "Logged")
    second.click()
    expect(progress).to_contain_text("Round 1 of 4 \u00b7 pass 2 of 2")
    settled(page)
    expect(done).to_have_count(2)
    # A double tap on one Done: the second tap reaches the server while it logs the first.
    first = done.nth(0).element_handle()
    first.evaluate("button => button.click()")
    while_redrawing(page, "Logged")
    first.evaluate("button => button.isConnected && button.click()")
    expect(logged_cards).to_have_count(1)
    settled(page)
    expect(progress).to_contain_text("Round 1 of 4 \u00b7 pass 2 of 2")
    expect(done).to_have_count(1)
    no_exception(page)
    exercises = [row[0] for row in saved(race_server, "Circler", tmp_path)]
    assert len(exercises) == 3
    assert exercises[0] == exercises[2] != exercises[1]
