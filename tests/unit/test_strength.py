"""Estimated one-rep maxes and personal records, against values worked out by hand."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import pandas as pd
import pytest

from pipelines.errors import ValidationError
from pipelines.strength import estimated_1rm, personal_records, session_estimated_1rm
from tests.conftest import MONDAY, log_day


def squat(weight: float, reps: int, **extra: Any) -> dict[str, Any]:
    return {"exercise": "Barbell_Full_Squat", "weight": weight, "reps": reps, **extra}


def estimates(con: duckdb.DuckDBPyConnection, **filters: Any) -> list[tuple[Any, ...]]:
    frame = estimated_1rm(con, **filters)
    return list(zip(frame["reps"], frame["effective_reps"], frame["e1rm_kg"], strict=True))


def test_one_rep_returns_the_load_itself(con, athlete):
    log_day(con, athlete, 0, [squat(140, 1)])
    assert estimates(con) == [(1, 1, 140.0)]


def test_ten_reps_use_epley_by_default(con, athlete):
    log_day(con, athlete, 0, [squat(60, 10)])
    (row,) = estimates(con)
    assert row[:2] == (10, 10)
    assert row[2] == pytest.approx(60 * (1 + 10 / 30))  # 80 kg


def test_eleven_reps_give_no_estimate(con, athlete):
    log_day(con, athlete, 0, [squat(60, 11), squat(60, 12)])
    assert estimates(con) == []


def test_reps_in_reserve_add_to_the_reps(con, athlete):
    log_day(con, athlete, 0, [squat(100, 8, rir=2), squat(100, 9, rir=2), squat(100, 1, rir=2)])
    rows = estimates(con)
    assert [(r, e) for r, e, _ in rows] == [(8, 10), (1, 3)]  # 9 + 2 = 11 is out of range
    assert rows[0][2] == pytest.approx(100 * (1 + 10 / 30))
    assert rows[1][2] == pytest.approx(100 * (1 + 3 / 30))


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        ("epley", 100 * (1 + 5 / 30)),  # 116.67
        ("brzycki", 100 * 36 / (37 - 5)),  # 112.5
        ("lombardi", 100 * 5**0.1),  # 117.46
        ("oconner", 100 * (1 + 0.025 * 5)),  # 112.5
        ("O'Conner", 100 * (1 + 0.025 * 5)),
    ],
)
def test_each_formula_can_be_chosen(con, athlete, formula, expected):
    log_day(con, athlete, 0, [squat(100, 5)])
    assert estimates(con, formula=formula)[0][2] == pytest.approx(expected)


def test_an_unknown_formula_is_named(con):
    with pytest.raises(ValidationError) as caught:
        estimated_1rm(con, formula="guess")
    assert caught.value.problems[0].column == "formula"


def test_warm_ups_timed_assisted_and_unloaded_sets_have_no_estimate(con, athlete):
    log_day(
        con,
        athlete,
        0,
        [
            squat(40, 5, set_type="warmup"),
            {"exercise": "Plank", "seconds": 60},
            {"exercise": "Pullups", "reps": 8},
            {"exercise": "Band_Assisted_Pull-Up", "weight": 20, "reps": 8},
            {"exercise": "Weighted_Pull_Ups", "weight": 20, "reps": 5},
            {"exercise": "Pullups", "weight": 10, "reps": 4},
        ],
        bodyweight_kg=80.0,
    )
    frame = estimated_1rm(con)
    assert frame["exercise_id"].tolist() == ["Weighted_Pull_Ups", "Pullups"]
    assert frame["e1rm_kg"].tolist() == pytest.approx([20 * (1 + 5 / 30), 10 * (1 + 4 / 30)])


def test_the_best_estimate_of_a_session_names_its_set(con, athlete):
    # 100 x 5 -> 116.7, 110 x 3 -> 121, 90 x 10 -> 120
    session = log_day(con, athlete, 0, [squat(100, 5), squat(110, 3), squat(90, 10)])
    frame = session_estimated_1rm(con)
    assert len(frame) == 1
    row = frame.iloc[0]
    assert (row["session_id"], row["weight_kg"], row["reps"]) == (session, 110.0, 3)
    assert row["e1rm_kg"] == pytest.approx(121.0)


def records(con: duckdb.DuckDBPyConnection, **filters: Any) -> list[tuple[Any, ...]]:
    frame = personal_records(con, **filters)
    rows = frame.to_dict("records")
    return [
        (
            r["achieved_on"].date().isoformat(),
            r["record"],
            _value(r["load_kg"]),
            r["value"],
            _value(r["previous_value"]),
        )
        for r in rows
    ]


def _value(number: Any) -> Any:
    return None if pd.isna(number) else number


def test_personal_records_are_dated_events_when_a_best_is_beaten(con, athlete):
    log_day(con, athlete, 0, [squat(100, 5), squat(100, 5)])  # first: every kind's first record
    log_day(con, athlete, 2, [squat(100, 5)])  # nothing beaten
    log_day(con, athlete, 4, [squat(100, 7)])  # more reps at 100 kg, better e1RM
    log_day(con, athlete, 7, [squat(105, 3), squat(100, 6), squat(100, 6)])  # heavier
    assert records(con) == [
        ("2025-09-01", "best_e1rm", None, pytest.approx(100 * (1 + 5 / 30)), None),
        ("2025-09-01", "best_session_tonnage", None, 1000.0, None),
        ("2025-09-01", "heaviest_load", None, 100.0, None),
        ("2025-09-01", "most_reps", 100.0, 5.0, None),
        (
            "2025-09-05",
            "best_e1rm",
            None,
            pytest.approx(100 * (1 + 7 / 30)),
            pytest.approx(100 * (1 + 5 / 30)),
        ),
        ("2025-09-05", "most_reps", 100.0, 7.0, 5.0),
        ("2025-09-08", "best_session_tonnage", None, 105 * 3 + 100 * 12.0, 1000.0),
        ("2025-09-08", "heaviest_load", None, 105.0, 100.0),
    ]


def test_a_first_session_at_a_new_load_only_sets_the_reps_to_beat(con, athlete):
    log_day(con, athlete, 0, [squat(100, 5)])
    log_day(con, athlete, 2, [squat(102.5, 4)])
    log_day(con, athlete, 4, [squat(102.5, 5)])
    reps = [r for r in records(con) if r[1] == "most_reps"]
    assert reps == [
        ("2025-09-01", "most_reps", 100.0, 5.0, None),
        ("2025-09-05", "most_reps", 102.5, 5.0, 4.0),
    ]


def test_bodyweight_reps_and_estimated_tonnage_make_records(con, athlete):
    log_day(con, athlete, 0, [{"exercise": "Pullups", "reps": 8}], bodyweight_kg=80.0)
    log_day(con, athlete, 3, [{"exercise": "Pullups", "reps": 10}], bodyweight_kg=80.0)
    assert records(con) == [
        ("2025-09-01", "best_session_tonnage", None, 640.0, None),
        ("2025-09-01", "most_reps", 0.0, 8.0, None),
        ("2025-09-04", "best_session_tonnage", None, 800.0, 640.0),
        ("2025-09-04", "most_reps", 0.0, 10.0, 8.0),
    ]


def test_a_date_range_picks_events_but_bests_count_from_the_start(con, athlete):
    log_day(con, athlete, 0, [squat(100, 5)])
    log_day(con, athlete, 7, [squat(90, 5)])
    log_day(con, athlete, 14, [squat(105, 5)])
    later = records(con, start=MONDAY + dt.timedelta(days=7))
    assert [(day, kind) for day, kind, *_ in later if kind == "heaviest_load"] == [
        ("2025-09-15", "heaviest_load")
    ]
