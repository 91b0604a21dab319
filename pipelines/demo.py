"""A deterministic, realistic demo log: the back-and-legs circuit and some classic lifts."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import duckdb

from pipelines.athletes import ensure_athlete, log_bodyweight
from pipelines.errors import Problem, ValidationError
from pipelines.logbook import finish_session, log_sets, start_session
from pipelines.volume_targets import set_training_level

DEMO_ATHLETE = "Demo lifter"
TEMPLATE_ID = "beginner_back_legs"
# Starting loads (kg) for the weighted moves of the circuit; bodyweight moves carry none.
START_LOAD_KG = {"Suitcase_Deadlift": 12.0, "Kettlebell_Sumo_High_Pull": 8.0}
# The load steps (4 kg every four weeks) each weighted move takes at most: the suitcase
# deadlift goes up once and then stays, so its estimated one-rep max stops rising (a plateau).
MAX_LOAD_STEPS = {"Suitcase_Deadlift": 1, "Kettlebell_Sumo_High_Pull": 99}
# Classic lifts of the Saturday strength session: (exercise id, sets, reps, start kg, step kg).
CLASSICS = (
    ("Barbell_Squat", 3, 5, 40.0, 2.5),
    ("Barbell_Bench_Press_-_Medium_Grip", 3, 8, 35.0, 2.5),
    ("Pullups", 3, 6, 0.0, 0.0),
)


def write_demo(
    con: duckdb.DuckDBPyConnection,
    *,
    weeks: int = 12,
    athlete: str = DEMO_ATHLETE,
    end: dt.date | None = None,
    seed: int = 7,
) -> tuple[int, int]:
    """Write `weeks` weeks of training ending in the week of `end` (today by default).

    The demo lifter is a beginner (beginner landmarks). The circuit is done about three times a
    week; load is added every four weeks, except that the suitcase deadlift stays at its
    second load from week 4 on (a plateau); a strength session with warm-ups follows every other
    Saturday; one week in the middle is missed (under the minimum), and in the week before the
    last a keen fifth circuit makes it more than a beginner recovers from.
    Sessions carry a source key, so running it again adds nothing.

    Returns:
        (sessions added, sets added).
    """
    if not 1 <= weeks <= 520:
        raise ValidationError([Problem(None, "weeks", weeks, "it must be from 1 to 520")])
    rng = random.Random(f"{seed}:{athlete}:{weeks}")
    athlete_id = ensure_athlete(con, athlete)
    set_training_level(con, athlete_id, "beginner")
    end = end or dt.date.today()
    first_monday = end - dt.timedelta(days=end.weekday()) - dt.timedelta(weeks=weeks - 1)
    items = (
        con.cursor()
        .execute(
            "select round_no, exercise_id, reps, seconds from template_items "
            "where template_id = ? and role = 'main' order by round_no, position",
            [TEMPLATE_ID],
        )
        .fetchall()
    )
    existing = {
        row[0]
        for row in con.cursor()
        .execute(
            "select source_key from sessions where athlete_id = ? and source = 'demo'", [athlete_id]
        )
        .fetchall()
    }
    missed_week = weeks // 2 if weeks >= 6 else -1
    added_sessions = added_sets = 0
    for week in range(weeks):
        monday = first_monday + dt.timedelta(weeks=week)
        bodyweight = round(82.0 - 0.15 * week + rng.uniform(-0.4, 0.4), 1)
        if week == missed_week:
            continue
        plan: list[tuple[dt.date, str]] = [
            (monday + dt.timedelta(days=d), "circuit") for d in (0, 2, 4) if rng.random() > 0.1
        ]
        if week == weeks - 2 and weeks >= 4:  # the over week: five circuits
            plan = [(monday + dt.timedelta(days=d), "circuit") for d in (0, 1, 2, 4, 6)]
        if week % 2 == 1:
            plan.append((monday + dt.timedelta(days=5), "strength"))
        for day, kind in plan:
            if day > end:
                continue
            key = f"{day.isoformat()}:{kind}"
            sets = (
                _circuit_sets(items, week, rng) if kind == "circuit" else _strength_sets(week, rng)
            )
            hour = 7 if kind == "circuit" else 10
            started = dt.datetime.combine(day, dt.time(hour, rng.choice((0, 15, 30))))
            if key in existing:  # drawn above either way, so a re-run sees the same dice
                continue
            session_id = start_session(
                con,
                athlete_id,
                started,
                name="Beginner Back and Legs" if kind == "circuit" else "Strength",
                template_id=TEMPLATE_ID if kind == "circuit" else None,
                bodyweight_kg=bodyweight,
                source="demo",
                source_key=key,
            )
            log_sets(con, session_id, sets)
            minutes = 18 if kind == "circuit" else 45
            finish_session(con, session_id, started + dt.timedelta(minutes=minutes))
            added_sessions += 1
            added_sets += len(sets)
        log_bodyweight(con, athlete_id, monday, bodyweight, "kg")
    return added_sessions, added_sets


def _circuit_sets(
    items: list[tuple[int, str, int | None, int | None]], week: int, rng: random.Random
) -> list[dict[str, Any]]:
    """One pass through the template: each round twice; load rises every four weeks."""
    step = week // 4
    sets: list[dict[str, Any]] = [
        {"exercise": "Suitcase_Deadlift", "weight": 8.0, "reps": 8, "set_type": "warmup"}
    ]
    for round_no in sorted({r for r, _, _, _ in items}):
        for _pass in range(2):
            for item_round, exercise_id, reps, seconds in items:
                if item_round != round_no:
                    continue
                entry: dict[str, Any] = {"exercise": exercise_id}
                if exercise_id in START_LOAD_KG:
                    steps = min(step, MAX_LOAD_STEPS[exercise_id])
                    entry["weight"] = START_LOAD_KG[exercise_id] + 4.0 * steps
                if seconds is not None:
                    entry["seconds"] = seconds + 5 * step
                else:
                    entry["reps"] = max(1, int(reps or 8) - (1 if rng.random() < 0.15 else 0))
                if _pass == 1 and rng.random() < 0.2:
                    entry["rpe"] = rng.choice((7.0, 7.5, 8.0, 8.5))
                sets.append(entry)
    return sets


def _strength_sets(week: int, rng: random.Random) -> list[dict[str, Any]]:
    """Warm-ups, then working sets of the classic lifts, a little heavier each time."""
    sets: list[dict[str, Any]] = []
    for exercise_id, count, reps, start, step in CLASSICS:
        load = start + step * (week // 2)
        if load > 0:
            sets.append({"exercise": exercise_id, "weight": 20.0, "reps": 10, "set_type": "warmup"})
        for n in range(count):
            entry: dict[str, Any] = {
                "exercise": exercise_id,
                "reps": reps
                + (week // 4 if load == 0 else 0)
                - (1 if n == count - 1 and rng.random() < 0.3 else 0),
            }
            if load > 0:
                entry["weight"] = load
            if n == count - 1 and rng.random() < 0.5:
                entry["rpe"] = rng.choice((8.0, 8.5, 9.0))
            sets.append(entry)
    return sets
