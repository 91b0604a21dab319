"""The seed circuit, coached: which moves are ready for more load or the harder version.

The seed workout's advice: start light, do the circuit as written for a few weeks, then after
three to four weeks add weight or resistance (a band for the Superman, a renegade row in the
plank up-down), and add pull-ups or a bench press for more back work. From the athlete's own
sessions that followed the template:

- A session is *complete* for a move when every one of its sets the template prescribes (its
  slots times the passes per round) was done at the prescribed reps or seconds.
- A move is **ready** when the current load (or version) has been used for `READY_DAYS` (21)
  days or more, first to latest session, and its last `LAST_SESSIONS` (3) sessions were all
  complete. A weighted move then gets more load (the progression rules' plate steps), a
  bodyweight move its harder variation from the catalog (band, renegade row, ...).
- The add-ons are suggested once the circuit has been followed for 21 days; an add-on already
  being logged gets the progression rules' advice, once the circuit itself has been logged: a
  lift done only in other training (an imported history, say) is not coached as an add-on of
  a circuit the athlete never did, with the circuit's rep target.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import pandas as pd

from pipelines.athletes import athlete_unit
from pipelines.catalog import exercise_variations, template_exercises
from pipelines.db import read_sql
from pipelines.filters import DayLike, as_day
from pipelines.progression import next_load, progression
from pipelines.schemas import CircuitMoveAdvice, validate
from pipelines.units import from_kg

TEMPLATE_ID = "beginner_back_legs"
READY_DAYS = 21
LAST_SESSIONS = 3
NO_HISTORY = (
    "No circuit logged yet. Start it from this page and log each round: after 3 weeks at one "
    "load with every rep done, each move says here when it is ready for more."
)
METHOD = (
    "From your sessions of this circuit: a move is ready for more when you have used the same "
    f"load or version for {READY_DAYS // 7} weeks or more and your last {LAST_SESSIONS} circuits "
    "had every round of it at the prescribed reps or seconds (the workout's advice: add weight "
    "or resistance after 3-4 weeks)."
)


def circuit_coaching(
    con: duckdb.DuckDBPyConnection,
    athlete_id: int,
    *,
    as_of: DayLike = None,
    template_id: str = TEMPLATE_ID,
) -> pd.DataFrame:
    """One piece of advice per move of the circuit and per add-on, from the athlete's log.

    Returns:
        One row per exercise (main moves in round order, then the add-ons), validated by
        `CircuitMoveAdvice`: `state` (ready, not yet, not logged), the sessions and whole weeks
        at the current load behind it, and one sentence of `advice`.
    """
    day = as_day(as_of, "as_of") or dt.date.today()
    items = template_exercises(con, template_id)
    sessions = (
        con.cursor()
        .execute(
            read_sql("marts/circuit_sessions"),
            {"athlete_id": athlete_id, "template_id": template_id, "as_of": day},
        )
        .df()
    )
    unit = athlete_unit(con, athlete_id)
    harder = _harder_variations(con, tuple(items["exercise_id"].unique()))
    by_exercise = dict(iter(sessions.groupby("exercise_id", sort=False)))
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for item in items[items["role"] == "main"].to_dict("records"):
        exercise_id = str(item["exercise_id"])
        if exercise_id in seen:
            continue
        seen.add(exercise_id)
        rows.append(_main_move(item, by_exercise.get(exercise_id), harder.get(exercise_id), unit))
    circuit_days = 0
    if not sessions.empty:
        started = pd.to_datetime(sessions["started_at"])
        circuit_days = (started.max().date() - started.min().date()).days
    addons = items[items["role"] == "addon"]
    if not addons.empty:
        logged: dict[str, dict[Any, Any]] = {}
        if not sessions.empty:  # add-ons follow the circuit: without one there is none to add to
            advice = progression(con, athlete_id, as_of=day, template_id=template_id)
            logged = {
                str(r["exercise_id"]): r
                for r in advice.to_dict("records")
                if not str(r["reason"]).endswith("start light and learn the movement.")
            }
        for item in addons.to_dict("records"):
            rows.append(_addon(item, logged.get(str(item["exercise_id"])), circuit_days))
    frame = pd.DataFrame(rows, columns=list(CircuitMoveAdvice.to_schema().columns))
    return validate(CircuitMoveAdvice, frame)


def _main_move(
    item: dict[Any, Any], history: pd.DataFrame | None, harder: str | None, unit: str
) -> dict[str, Any]:
    name = str(item["name"])
    base = {"exercise_id": item["exercise_id"], "exercise": name, "role": "main"}
    if history is None or history.empty:
        return {
            **base,
            "state": "not logged",
            "sessions": 0,
            "weeks": 0,
            "advice": f"No {name} logged in this circuit yet: start light and learn the move.",
        }
    ordered = history.sort_values(["started_at", "session_id"]).reset_index(drop=True)
    loads = ordered["load_kg"].to_numpy(dtype=float)
    first = len(loads) - 1
    while first > 0 and abs(loads[first - 1] - loads[-1]) < 1e-6:
        first -= 1
    run = ordered.iloc[first:]
    days = (run["started_at"].iloc[-1].date() - run["started_at"].iloc[0].date()).days
    last = run.tail(LAST_SESSIONS)
    complete = last["sets_met"] >= last["expected_sets"]
    load = float(loads[-1])
    at = f" at {from_kg(load, unit):g} {unit}" if load > 0 else ""
    summary = {**base, "sessions": len(run), "weeks": days // 7}
    if days >= READY_DAYS and len(last) >= LAST_SESSIONS and bool(complete.all()):
        done = (
            f"{days // 7} weeks{at} with every round at the prescription in your last "
            f"{LAST_SESSIONS} circuits"
        )
        if load > 0:
            more = next_load(from_kg(load, unit), unit, str(item["equipment"] or ""))
            return {**summary, "state": "ready", "advice": f"{done}: go up to {more:g} {unit}."}
        version = harder or "hold a light weight"
        return {
            **summary,
            "state": "ready",
            "advice": f"{done}: move on to the harder version ({version.lower()}).",
        }
    if len(last) and not bool(complete.iloc[-1]):
        latest = last.iloc[-1]
        why = (
            f"last circuit ({latest['started_at'].date().isoformat()}): "
            f"{int(latest['sets_met'])} of {int(latest['expected_sets'])} sets at the "
            "prescription; keep the load until every round gets there"
        )
    elif days < READY_DAYS:
        why = (
            f"{days // 7} of 3 weeks{at} so far; more load or the harder version after 3-4 "
            "weeks of every round at the prescription"
        )
    else:
        why = (
            f"{int(complete.sum())} of your last {len(last)} circuits had every round at the "
            "prescription; it needs all of them"
        )
    return {**summary, "state": "not yet", "advice": why[0].upper() + why[1:] + "."}


def _addon(
    item: dict[Any, Any], advice: dict[Any, Any] | None, circuit_days: int
) -> dict[str, Any]:
    name = str(item["name"])
    base = {"exercise_id": item["exercise_id"], "exercise": name, "role": "addon", "weeks": 0}
    prescription = f"{int(item['reps'])} reps" if not pd.isna(item["reps"]) else "a few sets"
    if advice is None:
        if circuit_days >= READY_DAYS:
            return {
                **base,
                "state": "ready",
                "sessions": 0,
                "advice": f"{circuit_days // 7} weeks of the circuit done: add {name} after it "
                f"({prescription}) for more back work.",
            }
        return {
            **base,
            "state": "not logged",
            "sessions": 0,
            "advice": f"An optional add-on for more back work, once the circuit feels familiar "
            f"(after 3-4 weeks): {name}, {prescription}.",
        }
    state = "not yet" if advice["action"] == "keep going" else "ready"
    return {**base, "state": state, "sessions": 0, "advice": str(advice["reason"])}


def _harder_variations(
    con: duckdb.DuckDBPyConnection, exercise_ids: tuple[str, ...]
) -> dict[str, str]:
    """The first harder variation of each exercise, from the catalog."""
    variations = exercise_variations(con, list(exercise_ids))
    harder = variations[variations["kind"] == "harder"].sort_values(["exercise_id", "position"])
    return {
        str(k): str(v)
        for k, v in harder.groupby("exercise_id", sort=False)["variation"].first().items()
    }
