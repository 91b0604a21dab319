"""The demo log: deterministic and realistic."""

from __future__ import annotations

import datetime as dt

from pipelines.demo import write_demo
from pipelines.plateaus import lift_flags
from pipelines.volume_targets import weekly_volume_status

END = dt.date(2026, 11, 22)  # a Sunday


def test_the_demo_is_deterministic(con):
    write_demo(con, weeks=10, end=END)
    first = con.execute(
        "select s.started_at, x.exercise_id, x.weight_kg, x.reps, x.duration_s, x.set_type "
        "from sets as x join sessions as s using (session_id) order by all"
    ).fetchall()
    import pipelines.db

    other = pipelines.db.connect(":memory:")
    write_demo(other, weeks=10, end=END)
    second = other.execute(
        "select s.started_at, x.exercise_id, x.weight_kg, x.reps, x.duration_s, x.set_type "
        "from sets as x join sessions as s using (session_id) order by all"
    ).fetchall()
    assert first == second


def test_the_demo_has_a_missed_week_warmups_rpe_and_added_load(con):
    write_demo(con, weeks=10, end=END)
    weeks = {
        r[0]
        for r in con.execute(
            "select distinct date_trunc('week', started_at)::date from sessions"
        ).fetchall()
    }
    assert len(weeks) == 9
    assert con.execute("select count(*) from sets where set_type = 'warmup'").fetchone()[0] > 0
    assert con.execute("select count(*) from sets where rpe is not null").fetchone()[0] > 0
    loads = con.execute(
        "select min(weight_kg), max(weight_kg) from sets "
        "where exercise_id = 'Suitcase_Deadlift' and set_type = 'working'"
    ).fetchone()
    assert loads[1] > loads[0]
    per_week = con.execute(
        "select count(*) from sessions where name = 'Beginner Back and Legs' "
        "group by date_trunc('week', started_at)"
    ).fetchall()
    # three circuits a week at most, but five in the keen week before the last
    assert sorted(r[0] for r in per_week)[-2:] == [3, 5]


def test_the_demo_lifters_glutes_are_mostly_in_range_with_one_under_and_one_over_week(con):
    write_demo(con, weeks=12, end=END)
    statuses = weekly_volume_status(con, athlete_id=1)
    glutes = statuses[statuses["muscle_group"] == "glutes"]["target_status"].astype(str)
    counts = glutes.value_counts().to_dict()
    assert counts == {
        "productive": 10,
        "below minimum effective": 1,
        "above maximum recoverable": 1,
    }


def test_the_demo_suitcase_deadlift_stalls_into_a_plateau_and_nothing_else_is_flagged(con):
    # 12 kg for three weeks, then 16 kg from week 4 on: its best (16 kg x 10) is seven weeks old
    write_demo(con, weeks=12, end=END)
    flags = lift_flags(con, 1, as_of=END)
    assert flags[["exercise", "flag"]].values.tolist() == [["Suitcase Deadlift", "plateau"]]
    row = flags.iloc[0]
    assert round(float(row["best_kg"]), 1) == round(16 * (1 + 10 / 30), 1)
    assert row["best_on"].date() == dt.date(2026, 9, 28)
    assert "in the 7 weeks since, none above it" in row["evidence"]
