"""What to do next, per exercise: add load, a harder variation, a longer hold, or keep going.

The rules (beginner linear progression, as in the seed workout: start light, add load after
three to four weeks, and the NSCA "2-for-2" rule):

- Sessions count when they hold working or failure sets of the exercise; the *current load* is
  the top load of the latest one, and only the latest run of sessions at that load is judged.
- The *prescription* is the template's reps (or seconds); for an exercise outside the template
  it is the fewest reps (or seconds) of any set in the first session at the current load.
- **2-for-2**: in each of the last two sessions at the current load, the last set beat the
  prescription by 2 or more reps.
- **Three weeks**: the current load has been used for at least 21 days (first to latest session
  at it) and, in each of the last two sessions, every set at that load reached the prescription.
- When either holds: a weighted move gets about 5 % more load, rounded to the plates of its
  equipment (at least one step: 2.5 kg or 5 lb for bars, machines and cables, 2 kg or 5 lb for
  dumbbells, 4 kg or 10 lb for kettlebells); a bodyweight move gets its next harder variation
  (or added weight when it has none); an assisted move one step less assistance; a timed hold
  (prescribed in seconds) 5 seconds more. Otherwise: keep going, with what is still missing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

from pipelines.db import read_sql
from pipelines.filters import DayLike, as_day
from pipelines.schemas import ProgressionSuggestion, validate
from pipelines.units import from_kg, to_kg

RECENT_WEEKS = 8
WEEKS_AT_ONE_LOAD_DAYS = 21
EXTRA_REPS = 2
TARGET_SHARE = 0.05
HOLD_STEP_S = 5
# Smallest load step per equipment, in each unit.
PLATE_STEPS: dict[str, dict[str, float]] = {
    "kg": {"dumbbell": 2.0, "kettlebells": 4.0, "default": 2.5},
    "lb": {"dumbbell": 5.0, "kettlebells": 10.0, "default": 5.0},
}


@dataclass(frozen=True)
class _Run:
    """The latest sessions of an exercise at its current load."""

    load_kg: float
    sessions: pd.DataFrame  # rows of exercise_session_progress, oldest first
    days_at_load: int


def progression(
    con: duckdb.DuckDBPyConnection,
    athlete_id: int,
    *,
    as_of: DayLike = None,
    template_id: str | None = None,
) -> pd.DataFrame:
    """One suggestion per exercise of the athlete's template or of their last eight weeks.

    Args:
        con: The database.
        athlete_id: Whose log to read.
        as_of: The day to advise for (today by default); later sessions are ignored.
        template_id: The template whose prescriptions apply; by default the template of the
            athlete's latest session that followed one.

    Returns:
        One row per exercise (template slots first, in order), validated by
        `ProgressionSuggestion`: `action`, current and suggested load (kg) or hold (seconds),
        the suggested variation, and a one-sentence `reason`.
    """
    day = as_day(as_of, "as_of") or dt.date.today()
    cur = con.cursor()
    params = {"athlete_id": athlete_id, "as_of": day}
    exercises = cur.execute(
        read_sql("marts/progression_exercises"),
        {**params, "template_id": template_id, "recent_weeks": RECENT_WEEKS},
    ).df()
    history = cur.execute(read_sql("marts/exercise_session_progress"), params).df()
    cur.close()
    by_exercise = dict(iter(history.groupby("exercise_id", sort=False)))
    rows = [
        _suggest(athlete_id, item, by_exercise.get(item["exercise_id"]))
        for item in exercises.to_dict("records")
    ]
    frame = pd.DataFrame(rows, columns=list(ProgressionSuggestion.to_schema().columns))
    return validate(ProgressionSuggestion, frame)


def next_load(current: float, unit: str, equipment: str) -> float:
    """About 5 % more than `current` (in `unit`): a whole number of the equipment's steps, >= 1."""
    steps = PLATE_STEPS.get(unit, PLATE_STEPS["kg"])
    step = steps.get(equipment, steps["default"])
    increase = max(step, round(current * TARGET_SHARE / step) * step)
    return round(current + increase, 3)


def _suggest(
    athlete_id: int, item: Mapping[Any, Any], history: pd.DataFrame | None
) -> dict[str, Any]:
    base = {
        "athlete_id": athlete_id,
        "exercise_id": item["exercise_id"],
        "exercise": item["exercise"],
        "current_kg": None,
        "suggested_kg": None,
        "current_seconds": None,
        "suggested_seconds": None,
        "suggested_variation": None,
    }
    if history is None or history.empty:
        return {
            **base,
            "action": "keep going",
            "reason": f"{item['exercise']} is not logged yet: start light and learn the movement.",
        }
    run = _latest_run(history)
    unit = str(item["unit"] or "kg")
    target_reps = _target(item["target_reps"], run.sessions.iloc[0]["min_reps"])
    target_seconds = _target(item["target_seconds"], run.sessions.iloc[0]["min_seconds"])
    load_type = str(item["load_type"])
    base["current_kg"] = run.load_kg if run.load_kg > 0 or load_type != "bodyweight" else None
    reps_rule = _rep_rule(run, target_reps)
    if reps_rule is not None:
        return {**base, **_advance(item, run, unit, reps_rule)}
    hold_rule = _hold_rule(run, target_seconds)
    if hold_rule is not None and target_seconds is not None:
        current = float(run.sessions.iloc[-1]["min_seconds"])
        longer = max(current, target_seconds) + HOLD_STEP_S
        return {
            **base,
            "action": "longer hold",
            "current_seconds": current,
            "suggested_seconds": longer,
            "reason": f"Every hold reached {target_seconds:g} s or more {hold_rule}: hold "
            f"{longer:g} s next time.",
        }
    return {
        **base,
        "action": "keep going",
        "reason": _keep_going(item, run, unit, target_reps, target_seconds),
    }


def _latest_run(history: pd.DataFrame) -> _Run:
    ordered = history.sort_values(["started_at", "session_id"]).reset_index(drop=True)
    loads = ordered["load_kg"].to_numpy()
    current = float(loads[-1])
    first = len(loads) - 1
    while first > 0 and abs(float(loads[first - 1]) - current) < 1e-6:
        first -= 1
    sessions = ordered.iloc[first:].reset_index(drop=True)
    days = (sessions["started_at"].iloc[-1].date() - sessions["started_at"].iloc[0].date()).days
    return _Run(current, sessions, days)


def _target(prescribed: Any, first_session_value: Any) -> float | None:
    for value in (prescribed, first_session_value):
        if value is not None and not pd.isna(value) and float(value) > 0:
            return float(value)
    return None


def _rep_rule(run: _Run, target: float | None) -> str | None:
    """Which rule the reps meet ("2-for-2" or "three weeks"), or None."""
    if target is None or len(run.sessions) < 2:
        return None
    last_two = run.sessions.iloc[-2:]
    if last_two["last_reps"].isna().any():
        return None
    if (last_two["last_reps"] >= target + EXTRA_REPS).all():
        return (
            f"Your last set reached {target + EXTRA_REPS:g} reps or more ({target:g} prescribed) "
            "in each of your last two sessions"
        )
    if run.days_at_load >= WEEKS_AT_ONE_LOAD_DAYS and (last_two["min_reps"] >= target).all():
        return (
            f"You have done every prescribed rep ({target:g}) at this load for "
            f"{run.days_at_load // 7} weeks"
        )
    return None


def _hold_rule(run: _Run, target: float | None) -> str | None:
    if target is None or len(run.sessions) < 2:
        return None
    last_two = run.sessions.iloc[-2:]
    if last_two["min_seconds"].isna().any() or not (last_two["min_seconds"] >= target).all():
        return None
    return "in your last two sessions"


def _advance(item: Mapping[Any, Any], run: _Run, unit: str, rule: str) -> dict[str, Any]:
    load_type = str(item["load_type"])
    name = str(item["exercise"])
    beaten = rule
    if load_type == "assisted":
        steps = PLATE_STEPS.get(unit, PLATE_STEPS["kg"])
        current = round(from_kg(run.load_kg, unit), 1)
        less = max(0.0, current - steps["default"])
        return {
            "action": "less assistance",
            "suggested_kg": to_kg(less, unit),
            "reason": f"{beaten}: take {less:g} {unit} of assistance next time.",
        }
    if load_type in ("bodyweight", "timed") and run.load_kg <= 0:
        variation = item["harder_variation"]
        if variation is None or pd.isna(variation):
            variation = "Add a little weight (hold a dumbbell or wear a vest)"
        return {
            "action": "harder variation",
            "suggested_variation": str(variation),
            "reason": f"{beaten}: move {name} on to a harder version ({str(variation).lower()}).",
        }
    current = round(from_kg(run.load_kg, unit), 1)
    suggested = next_load(current, unit, str(item["equipment"] or ""))
    return {
        "action": "add load",
        "suggested_kg": to_kg(suggested, unit),
        "reason": f"{beaten}: go from {current:g} to {suggested:g} {unit}.",
    }


def _keep_going(
    item: Mapping[Any, Any],
    run: _Run,
    unit: str,
    target_reps: float | None,
    target_seconds: float | None,
) -> str:
    at = f" at {from_kg(run.load_kg, unit):g} {unit}" if run.load_kg > 0 else ""
    sessions = len(run.sessions)
    done = f"{sessions} session{'s' if sessions != 1 else ''}{at} so far"
    if target_reps is not None:
        return (
            f"Stay{at or ' with this version'}: beat {target_reps:g} reps by {EXTRA_REPS} on the "
            f"last set twice in a row, or keep every rep for three weeks ({done})."
        )
    if target_seconds is not None:
        return (
            f"Keep holding {target_seconds:g} s until every hold gets there twice in a row "
            f"({done})."
        )
    return f"Keep logging {item['exercise']} ({done})."
