"""Plateaus and regressions, from constructed histories of one lift (sets of 5, Epley)."""

from __future__ import annotations

import datetime as dt

import duckdb

from pipelines.plateaus import confidence, lift_flags
from tests.conftest import MONDAY, log_day

SQUAT = "Barbell_Squat"
# The Sunday that closes twelve weeks of training from MONDAY.
AS_OF = MONDAY + dt.timedelta(weeks=12, days=-1)


def _history(con: duckdb.DuckDBPyConnection, athlete: int, loads: list[float]) -> None:
    """Two sessions a week (Monday and Thursday), one set of 5 at each load in turn."""
    for n, load in enumerate(loads):
        days = (n // 2) * 7 + (n % 2) * 3
        log_day(con, athlete, days, [{"exercise": SQUAT, "weight": load, "reps": 5}])


def test_a_stalled_lift_is_flagged_as_a_plateau_with_its_evidence(
    con: duckdb.DuckDBPyConnection, athlete: int
) -> None:
    # Six weeks of steady gains to 110 kg, then six weeks stuck at 105 kg.
    rising = [100.0, 101, 102, 103, 104, 105, 106, 107, 108, 109, 109.5, 110]
    _history(con, athlete, rising + [105.0] * 12)
    flags = lift_flags(con, athlete, as_of=AS_OF)
    assert flags["flag"].tolist() == ["plateau"]
    row = flags.iloc[0]
    assert row["sessions"] == 24
    assert row["confidence"] == "high"
    assert row["best_on"].date() == MONDAY + dt.timedelta(weeks=5, days=3)
    assert round(float(row["best_kg"]), 2) == round(110 * (1 + 5 / 30), 2)
    assert "12 sessions in the 6 weeks since, none above it" in row["evidence"]
    # three weeks of every rep at 105 kg: the progression rules say add load
    assert row["next_step"].startswith("Add load:")


def test_a_clear_drop_is_flagged_as_a_regression_with_a_deload(
    con: duckdb.DuckDBPyConnection, athlete: int
) -> None:
    _history(con, athlete, [100.0, 101, 102, 103, 104, 105, 106, 107] * 2 + [90.0] * 8)
    flags = lift_flags(con, athlete, as_of=AS_OF)
    assert flags["flag"].tolist() == ["regression"]
    row = flags.iloc[0]
    assert round(float(row["change_pct"]), 1) == round((90 / 107 - 1) * 100, 1)  # -15.9 %
    assert "16% below the best of the 8 weeks before" in row["evidence"]
    assert "(8 and 16 sessions)" in row["evidence"]
    assert row["next_step"].startswith("Deload:")


def test_a_noisy_flat_lift_is_not_flagged(con: duckdb.DuckDBPyConnection, athlete: int) -> None:
    # Wobbling 97-102.5 kg: the best (102.5, week 7) is recent and the last four weeks' best
    # (101) is only 1.5 % under it.
    loads = [
        100.0,
        98,
        101,
        99,
        97,
        100,
        102,
        99,
        98,
        100,
        101,
        97,
        99,
        100,
        98,
        102.5,
        99,
        97,
        100,
        98,
        101,
        99,
        97.5,
        100,
    ]
    _history(con, athlete, loads)
    assert lift_flags(con, athlete, as_of=AS_OF).empty


def test_a_noisy_lift_needs_a_drop_beyond_its_own_wobble(
    con: duckdb.DuckDBPyConnection, athlete: int
) -> None:
    # Sessions swing about 8 % back and forth; a 7 % lower recent best is within that noise.
    loads = [100.0, 92] * 8 + [93.0, 86] * 4
    _history(con, athlete, loads)
    flags = lift_flags(con, athlete, as_of=AS_OF)
    assert "regression" not in flags["flag"].tolist()


def test_a_lift_trained_fewer_than_six_times_is_not_judged(
    con: duckdb.DuckDBPyConnection, athlete: int
) -> None:
    # Five sessions only, the last two far lower: no flag.
    for days, load in ((0, 100.0), (14, 105.0), (28, 110.0), (63, 80.0), (77, 80.0)):
        log_day(con, athlete, days, [{"exercise": SQUAT, "weight": load, "reps": 5}])
    assert lift_flags(con, athlete, as_of=AS_OF).empty


def test_confidence_grows_with_the_sessions_behind_a_flag() -> None:
    assert [confidence(n) for n in (6, 7, 8, 11, 12, 30)] == [
        "low",
        "low",
        "medium",
        "medium",
        "high",
        "high",
    ]
