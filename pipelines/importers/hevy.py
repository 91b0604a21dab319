"""Hevy's export: one row per set, units in the column names, dates in two styles.

A session is `title` + `start_time`. Dates come as `8 Apr 2026, 16:50` or, in US locale,
`Jun 11, 2026, 1:01 PM`; `set_index` counts from 0; `set_type` is normal, warmup, dropset or
failure. An empty weight is a bodyweight set. A file re-saved by a spreadsheet may use `;` and
lack some columns: whatever is there is used.
"""

from __future__ import annotations

import pandas as pd

from pipelines.importers import values
from pipelines.importers.common import (
    ParsedFile,
    RowChecks,
    failed_attempts,
    notes_text,
    session_firsts,
    whole_reps,
    zero_to_null,
)
from pipelines.importers.layouts import Layout
from pipelines.importers.reading import LINE

SET_TYPES = {
    "normal": "working",
    "working": "working",
    "warmup": "warmup",
    "warm_up": "warmup",
    "warm up": "warmup",
    "dropset": "drop",
    "drop_set": "drop",
    "drop": "drop",
    "failure": "failure",
}


def parse(
    table: pd.DataFrame, layout: Layout, unit: str | None, distance_unit: str | None = None
) -> ParsedFile:
    """Interpret a Hevy export read by `read_table`."""
    checks = RowChecks(table, layout)
    day_first = layout.delimiter != ","
    started, bad_start = values.timestamps(checks.column("date"), day_first=day_first)
    checks.reject(bad_start, "date", checks.column("date"), "it is not a date and time")
    checks.reject(started.isna(), "date", checks.column("date"), "the start time is missing")
    ended, bad_end = values.timestamps(checks.column("end_time"), day_first=day_first)
    exercise = values.text(checks.column("exercise"))
    checks.reject(exercise.eq(""), "exercise", exercise, "the exercise name is missing")
    title = values.text(checks.column("workout_name"))

    kind = values.text(checks.column("set_type")).str.lower()
    set_type = kind.map(SET_TYPES)
    odd = set_type.isna() & kind.ne("")
    if odd.any():
        shown = ", ".join(sorted(set(kind[odd]))[:5])
        checks.warnings.append(
            f"{int(odd.sum())} row(s) had a set type Liftboard does not know ({shown}); they "
            "were imported as working sets."
        )
    index = checks.number("set_index", "set_index must be a whole number")
    weight = zero_to_null(checks.secondary_number("weight", "the weight"))
    reps = whole_reps(checks)
    distance = zero_to_null(checks.secondary_number("distance", "the distance"))
    seconds = zero_to_null(checks.secondary_number("seconds", "the time"))
    rpe = zero_to_null(checks.secondary_number("rpe", "RPE"))
    reps, set_type = failed_attempts(
        checks,
        reps,
        set_type.fillna("working"),
        weight=weight,
        seconds=seconds,
        distance=distance,
    )
    checks.skip(weight.isna() & reps.isna() & distance.isna() & seconds.isna(), "empty set")

    if layout.weight_unit == "lb":
        entered = weight
        units = pd.Series("lb", index=weight.index, dtype=object).where(weight.notna(), None)
    else:
        entered, units = values.kilograms_as_entered(weight, unit)
    factor = values.DISTANCE_UNITS.get(layout.distance_unit or distance_unit or "km", 1000.0)
    key = values.stamp_text(started) + "|" + title
    end = ended.where(~bad_end).groupby(key, sort=False).transform("first")
    sets = pd.DataFrame(
        {
            "line": table[LINE],
            "session_key": key,
            "session_source": "hevy",
            "started_at": started,
            "ended_at": end,
            "session_name": title,
            "session_notes": session_firsts(key, checks.column("workout_notes")),
            "exercise": exercise,
            "set_label": (index + 1).round().astype("Int64").astype("string").fillna(""),
            "set_type": set_type,
            "entered_weight": entered,
            "entered_unit": units,
            "weight_kg": values.to_kg(entered, units),
            "reps": reps,
            "duration_s": seconds,
            "distance_m": distance * factor,
            "rpe": rpe,
            "notes": notes_text(checks.column("notes")),
        }
    )
    return checks.finish(sets, rows_read=len(table))
