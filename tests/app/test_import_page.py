"""The Data page's import: a preview before anything is written, the report grouped by reason,
the offer to switch to pounds, and taking a past import back out."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import open_page
from tests.conftest import snapshot

IMPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
DATA = "app_pages/data.py"
ROWING = "strong_classic_lb_rowing.csv"


def table(at, column: str):
    """The shown table that has `column`."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def upload(name: str, data: bytes | None = None):
    at = open_page(DATA)
    content = data if data is not None else (IMPORTS / name).read_bytes()
    at.file_uploader(key="data_upload").set_value((name, content, "text/csv")).run()
    return at


def test_the_preview_says_what_the_file_holds_before_anything_is_written(app_db, db):
    at = upload(ROWING)
    before = snapshot(db)
    at.segmented_control(key="data_import_unit").set_value("lb").run()

    assert not at.exception
    summary = at.markdown[-1].value
    assert "Recognised: **a Strong export (classic layout; no unit column)**." in summary
    assert "5 rows: 5 sets in 1 workout, from 2024-06-03 to 2024-06-03." in summary
    assert "Would add **5 sets** in 1 new session; 0 already here." in summary
    assert "Weights: 1 set in lb." in summary
    assert any(
        c.value.startswith("Distances of Rowing (Machine) were read as metres")
        for c in at.main.caption
    )
    assert snapshot(db) == before


def test_a_pound_file_offers_to_show_the_athletes_weights_in_lb(app_db, db):
    at = upload(ROWING)
    at.segmented_control(key="data_import_unit").set_value("lb").run()
    at.button(key="data_import").click().run()

    assert not at.exception
    assert at.success[0].value.startswith("Imported as import 1: 5 sets in 1 new sessions.")
    assert at.info[0].value == (
        "100% of the weights in this file were logged in pounds, and Me sees kilograms."
    )
    at.button(key="data_import_to_lb").click().run()

    assert not at.exception
    assert db.execute("select unit from athletes where name = 'Me'").fetchone() == ("lb",)


def test_rows_left_out_and_values_to_check_are_grouped_and_downloadable(app_db):
    broken = (IMPORTS / "strong_classic.csv").read_bytes() + b"".join(
        b'\r\n#REF!,"Legs",21min,"Leg Press",3,600,8,0,0,,,' for _ in range(30)
    )
    at = upload("broken.csv", broken)
    at.segmented_control(key="data_import_unit").set_value("kg").run()
    at.button(key="data_import").click().run()

    assert not at.exception
    problems = table(at, "Why")
    assert problems.iloc[0].tolist() == [
        "Left out",
        30,
        "it is not a date and time",
        "22, 23, 24 …",
    ]
    assert problems["Rows"].tolist() == [30, 1, 1, 1, 1, 1]
    assert at.get("download_button")[-1].proto.label == "Every row left out or to check (CSV)"


def test_a_past_import_is_undone_from_the_list(app_db, db):
    at = upload("hevy_kg.csv")
    before = snapshot(db)
    at.file_uploader(key="data_upload").set_value(
        (ROWING, (IMPORTS / ROWING).read_bytes(), "text/csv")
    ).run()
    at.segmented_control(key="data_import_unit").set_value("lb").run()
    at.button(key="data_import").click().run()
    assert table(at, "Undone")["File"].tolist() == [ROWING]

    at.checkbox(key="data_undo_sure").check().run()
    at.button(key="data_undo").click().run()

    assert not at.exception
    assert at.success[0].value == (
        f"Import 1 ({ROWING}) was undone: 5 set(s) and 1 session(s) removed."
    )
    after = snapshot(db)
    assert {t: after[t] for t in ("sessions", "sets")} == {
        t: before[t] for t in ("sessions", "sets")
    }
    assert table(at, "Undone")["Undone"].tolist()[0] != ""
