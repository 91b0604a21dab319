"""The store: migrations, the shipped catalog and how a newer catalog is applied."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from pipelines.athletes import ensure_athlete
from pipelines.db import DATA_DIR, connect, load_seeds, migrate, migration_files, resolve_db_path
from pipelines.errors import DatabaseUnavailableError
from pipelines.logbook import log_sets, start_session
from tests.conftest import held_open, snapshot


def test_migrations_apply_once_and_rerun_as_no_ops(con):
    versions = [v for v, _, _ in migration_files()]
    recorded = [
        r[0] for r in con.execute("select version from schema_migrations order by 1").fetchall()
    ]
    assert recorded == versions
    assert migrate(con) == []
    again = [
        r[0] for r in con.execute("select version from schema_migrations order by 1").fetchall()
    ]
    assert again == versions


def test_a_failing_migration_leaves_no_trace(con, monkeypatch):
    broken = (999, "broken", "create table half_done (x integer); select * from no_such_table;")
    shipped = migration_files()
    monkeypatch.setattr("pipelines.db.migration_files", lambda: [*shipped, broken])
    with pytest.raises(duckdb.Error):
        migrate(con)
    tables = {
        r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()
    }
    assert "half_done" not in tables
    assert con.execute("select count(*) from schema_migrations where version = 999").fetchone() == (
        0,
    )


def test_reopening_a_file_keeps_its_rows(db_file):
    first = connect(db_file)
    athlete = ensure_athlete(first, "Sam")
    session = start_session(first, athlete, "2026-11-02 07:00")
    log_sets(first, session, [{"exercise": "Suitcase Deadlift", "weight": 20, "reps": 10}])[0]
    first.close()
    second = connect(db_file)
    assert second.execute("select count(*) from sets").fetchone() == (1,)
    assert second.execute("select name from athletes").fetchall() == [("Sam",)]
    second.close()


def test_every_catalog_exercise_has_a_primary_muscle(con):
    orphans = con.execute(
        "select e.exercise_id from exercises as e where not exists (select 1 from "
        "exercise_muscles as m where m.exercise_id = e.exercise_id and m.role = 'primary')"
    ).fetchall()
    assert orphans == []
    assert con.execute("select count(*) from exercises").fetchone()[0] >= 877


@pytest.mark.parametrize(
    ("exercise_id", "primary"),
    [
        ("Suitcase_Deadlift", ["glutes", "hamstrings", "quadriceps"]),
        ("Plank_Up-Down", ["abdominals"]),
        ("Single-Leg_Pick-Up", ["glutes", "hamstrings"]),
        ("Windmill_Skater", ["glutes", "quadriceps"]),
    ],
)
def test_the_seed_moves_are_in_the_catalog_with_their_primary_muscles(con, exercise_id, primary):
    rows = con.execute(
        "select muscle_group from exercise_muscles where exercise_id = ? and role = 'primary' "
        "order by 1",
        [exercise_id],
    ).fetchall()
    assert [r[0] for r in rows] == primary


def test_the_four_round_template_is_loaded(con):
    rounds, passes, rest = con.execute(
        "select rounds, passes_per_round, rest_s from workout_templates "
        "where template_id = 'beginner_back_legs'"
    ).fetchone()
    assert (rounds, passes, rest) == (4, 2, 30)
    used = {
        r[0]
        for r in con.execute(
            "select distinct round_no from template_items where template_id = "
            "'beginner_back_legs' and role = 'main'"
        ).fetchall()
    }
    assert used == {1, 2, 3, 4}
    addons = {
        r[0]
        for r in con.execute(
            "select exercise_id from template_items where role = 'addon'"
        ).fetchall()
    }
    assert addons == {"Pullups", "Barbell_Bench_Press_-_Medium_Grip"}


def test_the_article_muscles_map_to_their_groups(con):
    mapping = dict(con.execute("select muscle, muscle_group from muscles").fetchall())
    assert mapping["gastrocnemius"] == "calves"
    assert mapping["soleus"] == "calves"
    assert mapping["latissimus dorsi"] == "lats"
    assert mapping["erector spinae"] == "lower back"
    assert mapping["trapezius"] == "traps"
    assert mapping["rhomboid major"] == mapping["rhomboid minor"] == "middle back"


def test_a_newer_catalog_updates_catalog_rows_and_keeps_user_data(tmp_path, db_file):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    first = connect(db_file)
    athlete = ensure_athlete(first, "Sam")
    session = start_session(first, athlete, "2026-11-02 07:00")
    log_sets(first, session, [{"exercise": "Pullups", "reps": 8}])[0]
    first.execute(
        "insert into exercises (exercise_id, name, name_norm, load_type, source) "
        "values ('custom:1', 'My Row', 'my row', 'weighted', 'custom')"
    )
    before_sets = first.execute("select * from sets").fetchall()
    text = (data / "exercises.csv").read_text(encoding="utf-8")
    (data / "exercises.csv").write_text(
        text.replace(",Pullups,", ",Pull-Ups (renamed),", 1), encoding="utf-8"
    )
    assert load_seeds(first, data) is True
    assert first.execute("select name from exercises where exercise_id = 'Pullups'").fetchone() == (
        "Pull-Ups (renamed)",
    )
    assert first.execute("select * from sets").fetchall() == before_sets
    assert first.execute("select name from exercises where source = 'custom'").fetchall() == [
        ("My Row",)
    ]
    assert first.execute("select count(*) from athletes").fetchone() == (1,)
    assert load_seeds(first, data) is False
    first.close()


def test_an_unchanged_catalog_is_not_reloaded(con):
    before = snapshot(con)
    assert load_seeds(con) is False
    assert snapshot(con) == before


def test_the_database_path_comes_from_argument_then_environment_then_default(monkeypatch, tmp_path):
    monkeypatch.setenv("LIFTBOARD_DB", str(tmp_path / "env.duckdb"))
    assert resolve_db_path(tmp_path / "arg.duckdb") == str(tmp_path / "arg.duckdb")
    assert resolve_db_path() == str(tmp_path / "env.duckdb")
    monkeypatch.delenv("LIFTBOARD_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_db_path() == str(tmp_path / "xdg" / "liftboard" / "liftboard.duckdb")


def test_connect_creates_the_default_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("LIFTBOARD_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    connect().close()
    assert (tmp_path / "xdg" / "liftboard" / "liftboard.duckdb").exists()


def test_a_file_held_by_another_process_gives_a_sentence(db_file):
    with (
        held_open(db_file),
        pytest.raises(DatabaseUnavailableError, match="in use by another program"),
    ):
        connect(db_file)
