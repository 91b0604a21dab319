"""The seed circuit, coached: ready for more after 3 weeks with every round at the prescription."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import pandas as pd

from pipelines.coaching import circuit_coaching
from tests.conftest import MONDAY, log_day

TEMPLATE = "beginner_back_legs"
LOADS = {"Suitcase_Deadlift": 12.0, "Kettlebell_Sumo_High_Pull": 8.0}


def _circuit(
    con: duckdb.DuckDBPyConnection, athlete: int, days: int, short: str | None = None
) -> None:
    """One circuit as the template prescribes (each round twice); `short` misses one rep once."""
    items = con.execute(
        "select round_no, exercise_id, reps, seconds from template_items "
        "where template_id = ? and role = 'main' order by round_no, position",
        [TEMPLATE],
    ).fetchall()
    sets: list[dict[str, Any]] = []
    for round_no in sorted({r for r, _, _, _ in items}):
        for _pass in range(2):
            for item_round, exercise_id, reps, seconds in items:
                if item_round != round_no:
                    continue
                entry: dict[str, Any] = {"exercise": exercise_id}
                if exercise_id in LOADS:
                    entry["weight"] = LOADS[exercise_id]
                if seconds is not None:
                    entry["seconds"] = seconds
                else:
                    entry["reps"] = reps
                if exercise_id == short and _pass == 1 and reps is not None:
                    entry["reps"] = reps - 1
                sets.append(entry)
    log_day(con, athlete, days, sets, template_id=TEMPLATE)


def _by_move(frame: pd.DataFrame) -> dict[str, dict[str, Any]]:
    return {
        str(r["exercise_id"]): {str(k): v for k, v in r.items()} for r in frame.to_dict("records")
    }


def test_after_three_weeks_of_full_rounds_moves_are_ready_for_more(
    con: duckdb.DuckDBPyConnection, athlete: int
) -> None:
    for days in (0, 3, 7, 10, 14, 17, 21):  # Monday and Thursday for three weeks, then Monday
        _circuit(con, athlete, days)
    moves = _by_move(circuit_coaching(con, athlete, as_of=MONDAY + dt.timedelta(days=21)))
    suitcase = moves["Suitcase_Deadlift"]
    assert suitcase["state"] == "ready"
    assert suitcase["weeks"] == 3
    assert suitcase["advice"].endswith("go up to 14 kg.")  # 12 kg, one 2 kg dumbbell step
    assert moves["Kettlebell_Sumo_High_Pull"]["advice"].endswith("go up to 12 kg.")  # kettlebell
    assert moves["Plank_Up-Down"]["advice"].endswith("(with a renegade row).")
    assert moves["Superman"]["advice"].endswith("(with a resistance band).")
    # the add-ons come in after three weeks of the circuit
    assert moves["Pullups"]["state"] == "ready"
    assert "add Pullups after it (5 reps)" in moves["Pullups"]["advice"]


def test_before_three_weeks_nothing_is_ready_yet(
    con: duckdb.DuckDBPyConnection, athlete: int
) -> None:
    for days in (0, 3, 7, 10):
        _circuit(con, athlete, days)
    frame = circuit_coaching(con, athlete, as_of=MONDAY + dt.timedelta(days=10))
    main = frame[frame["role"] == "main"]
    assert set(main["state"]) == {"not yet"}
    assert main["advice"].str.startswith("1 of 3 weeks").all()
    assert set(frame[frame["role"] == "addon"]["state"]) == {"not logged"}


def test_a_missed_rep_in_the_last_circuit_holds_that_move_back(
    con: duckdb.DuckDBPyConnection, athlete: int
) -> None:
    for days in (0, 3, 7, 10, 14, 17):
        _circuit(con, athlete, days)
    _circuit(con, athlete, 21, short="Suitcase_Deadlift")
    moves = _by_move(circuit_coaching(con, athlete, as_of=MONDAY + dt.timedelta(days=21)))
    assert moves["Suitcase_Deadlift"]["state"] == "not yet"
    assert moves["Suitcase_Deadlift"]["advice"] == (
        "Last circuit (2025-09-22): 1 of 2 sets at the prescription; keep the load until every "
        "round gets there."
    )
    assert moves["Plank_Up-Down"]["state"] == "ready"


def test_an_athlete_who_never_did_the_circuit_is_told_to_start_light(
    con: duckdb.DuckDBPyConnection, athlete: int
) -> None:
    frame = circuit_coaching(con, athlete, as_of=MONDAY)
    assert set(frame["state"]) == {"not logged"}
    assert frame.iloc[0]["advice"].endswith("start light and learn the move.")
