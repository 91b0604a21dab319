"""The Exercises, Workout and Data pages' forms, driven through their widgets."""

from __future__ import annotations

from pathlib import Path

from dashboard import data_access
from pipelines.db import connect
from tests.app.conftest import open_page
from tests.conftest import snapshot

IMPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
EXERCISES = "app_pages/exercises.py"
DATA = "app_pages/data.py"
HEVY = "hevy_kg.csv"
# An export with a name nothing in the catalog matches: it arrives as a custom exercise.
UNKNOWN = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"
    "2026-02-10 06:30:00,Morning,45m,Zercher Carry Walk Thing,1,40,3,0,0,\n"
)


def test_a_custom_exercise_is_added_with_its_muscles_and_can_be_logged(app_db, db):
    at = open_page(EXERCISES)
    at.text_input(key="ex_new_name").input("Sandbag Shouldering")
    at.selectbox(key="ex_new_equipment").select("other")
    at.multiselect(key="ex_new_primary").select("glutes").select("lower back")
    at.multiselect(key="ex_new_secondary").select("traps")
    at.button(key="ex_new_add").click().run()
    assert not at.exception
    assert at.success[0].value.startswith("Added Sandbag Shouldering")
    muscles = db.execute(
        "select m.muscle_group, m.role from exercise_muscles as m inner join exercises as e "
        "on e.exercise_id = m.exercise_id where e.name = 'Sandbag Shouldering' "
        "order by m.role, m.muscle_group"
    ).fetchall()
    assert muscles == [("glutes", "primary"), ("lower back", "primary"), ("traps", "secondary")]
    at.switch_page("app_pages/log_sets.py").run()
    assert "Sandbag Shouldering" in at.selectbox(key="log_exercise").options


def test_a_custom_exercise_without_main_muscles_is_refused_and_adds_nothing(app_db, db):
    at = open_page(EXERCISES)
    before = snapshot(db)
    at.text_input(key="ex_new_name").input("Sandbag Shouldering")
    at.button(key="ex_new_add").click().run()
    assert "primary" in at.error[0].value
    assert snapshot(db) == before


def test_an_imported_name_is_mapped_and_leaves_the_list(app_db, db):
    at = open_page(DATA)
    at.file_uploader(key="data_upload").set_value(("strong.csv", UNKNOWN.encode(), "text/csv"))
    at.run()
    at.segmented_control(key="data_import_unit").set_value("kg").run()
    at.button(key="data_import").click().run()
    assert not at.exception
    at.switch_page(EXERCISES).run()
    assert at.dataframe[1].value["Imported name"].tolist() == ["Zercher Carry Walk Thing"]
    at.selectbox(key="ex_map_target").select("Barbell_Deadlift")
    at.button(key="ex_map_save").click().run()
    assert not at.exception
    assert at.success[0].value.startswith("Zercher Carry Walk Thing is now Barbell Deadlift")
    (mapped,) = db.execute(
        "select mapped from exercises where name = 'Zercher Carry Walk Thing'"
    ).fetchone()
    assert mapped is True
    assert any(c.value.startswith("Nothing to map") for c in at.main.caption)


def test_is_the_same_as_offers_only_catalog_exercises_and_a_mapping_can_be_undone(app_db, db):
    two = UNKNOWN + "2026-02-11 06:30:00,Morning,45m,Sandbag Shouldering Thing,1,90,5,0,0,\n"
    at = open_page(DATA)
    at.file_uploader(key="data_upload").set_value(("strong.csv", two.encode(), "text/csv"))
    at.run()
    at.segmented_control(key="data_import_unit").set_value("kg").run()
    at.button(key="data_import").click().run()
    at.switch_page(EXERCISES).run()
    options = at.selectbox(key="ex_map_target").options
    assert "Barbell Squat" in options
    assert "Zercher Carry Walk Thing" not in options
    assert "Sandbag Shouldering Thing" not in options
    at.selectbox(key="ex_map_custom").select("custom:sandbag-shouldering-thing")
    at.selectbox(key="ex_map_target").select("Barbell_Squat")
    at.button(key="ex_map_save").click().run()
    assert not at.exception
    assert at.dataframe[-1].value["Counts as"].tolist() == ["Barbell Squat"]
    assert db.execute(
        "select count(*) from sets where exercise_id = 'Barbell_Squat'"
    ).fetchone() == (1,)
    at.button(key="ex_unmap_save").click().run()
    assert not at.exception
    assert "its own exercise again" in at.success[0].value
    assert db.execute(
        "select count(*) from sets where exercise_id = 'custom:sandbag-shouldering-thing'"
    ).fetchone() == (1,)


def test_an_upload_is_recognised_previewed_and_imported_for_the_current_athlete(app_db, db):
    at = open_page(DATA)
    data = (IMPORTS / HEVY).read_bytes()
    at.file_uploader(key="data_upload").set_value((HEVY, data, "text/csv")).run()
    assert "Hevy" in at.markdown[-1].value
    assert not at.dataframe[0].value.empty
    at.button(key="data_import").click().run()
    assert not at.exception
    added = int({m.label: m.value for m in at.metric}["Sets added"])
    assert added > 0
    assert db.execute(
        "select count(*) from sets as x inner join sessions as s on s.session_id = x.session_id "
        "inner join athletes as a on a.athlete_id = s.athlete_id where a.name = 'Me'"
    ).fetchone() == (added,)
    at.button(key="data_import").click().run()  # the same file again adds nothing
    assert {m.label: m.value for m in at.metric}["Sets added"] == "0"


def test_an_upload_without_a_unit_asks_for_one_before_importing(app_db, db):
    at = open_page(DATA)
    before = snapshot(db)
    at.file_uploader(key="data_upload").set_value(("strong.csv", UNKNOWN.encode(), "text/csv"))
    at.run()
    at.button(key="data_import").click().run()
    assert at.error[0].value.startswith("Choose kg or lb first")
    assert snapshot(db) == before


def test_a_backup_can_be_made_after_the_demo_is_loaded_into_an_existing_database(app_db):
    connect(app_db).close()  # as `liftboard serve` does before it starts the dashboard
    at = open_page("app_pages/log_sets.py")
    at.sidebar.button(key="frame_demo").click().run()
    backup = data_access.backup_download()()
    assert backup[8:12] == b"DUCK"  # a DuckDB database file
