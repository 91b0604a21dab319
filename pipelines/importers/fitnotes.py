"""FitNotes' exports: weights in kgs or lbs per file or per row, cardio by distance and time.

FitNotes records no time of day and no workout id, so every date is one session; it numbers no
sets, so rows keep their file order, and identical rows are separate sets done again.
"""

from __future__ import annotations

import pandas as pd

from pipelines.importers import values
from pipelines.importers.common import (
    ParsedFile,
    RowChecks,
    failed_attempts,
    notes_text,
    whole_reps,
    zero_to_null,
)
from pipelines.importers.layouts import Layout
from pipelines.importers.reading import LINE


def parse(
    table: pd.DataFrame, layout: Layout, unit: str | None, distance_unit: str | None = None
) -> ParsedFile:
    """Interpret a FitNotes export read by `read_table`."""
    checks = RowChecks(table, layout)
    day, bad_day = values.timestamps(checks.column("date"))
    checks.reject(bad_day, "date", checks.column("date"), "it is not a date")
    checks.reject(day.isna(), "date", checks.column("date"), "the date is missing")
    day = day.dt.normalize()
    exercise = values.text(checks.column("exercise"))
    checks.reject(exercise.eq(""), "exercise", exercise, "the exercise name is missing")

    weight = zero_to_null(checks.secondary_number("weight", "the weight"))
    reps = whole_reps(checks)
    distance = zero_to_null(checks.secondary_number("distance", "the distance"))
    time_cells = checks.column("time")
    seconds, bad_time = values.clock_durations(time_cells)
    checks.flag(
        bad_time, "time", time_cells, "the time is not written H:MM:SS: the set was kept without it"
    )
    seconds = zero_to_null(seconds)
    reps, set_type = failed_attempts(
        checks,
        reps,
        pd.Series("working", index=reps.index, dtype=object),
        weight=weight,
        seconds=seconds,
        distance=distance,
    )
    checks.skip(weight.isna() & reps.isna() & distance.isna() & seconds.isna(), "empty set")

    if layout.weight_unit == "row":
        cells = checks.column("weight_unit")
        units, bad = values.weight_units(cells)
        checks.reject(bad & weight.notna(), "weight_unit", cells, "the unit must be kgs or lbs")
        units = units.where(units.notna(), unit)
        checks.reject(
            weight.notna() & units.isna(),
            "weight_unit",
            cells,
            "the weight unit is missing (use --unit)",
        )
    else:
        units = pd.Series(layout.weight_unit or unit, index=weight.index, dtype=object)
    units = units.where(weight.notna(), None)

    unit_cells = checks.column("distance_unit")
    factor, bad_unit = values.distance_factors(unit_cells)
    checks.reject(
        bad_unit & distance.notna(),
        "distance_unit",
        unit_cells,
        "the distance unit must be km, mi, m or ft",
    )
    said = layout.distance_unit if layout.distance_unit != "row" else None
    fallback = values.DISTANCE_UNITS.get(said or distance_unit or "km", 1000.0)
    factor = factor.fillna(fallback)

    key = values.stamp_text(day, "%Y-%m-%d")
    sets = pd.DataFrame(
        {
            "line": table[LINE],
            "session_key": key,
            "session_source": "fitnotes",
            "started_at": day,
            "session_name": "",
            "session_notes": "",
            "exercise": exercise,
            "category": values.text(checks.column("category")),
            "set_label": "",
            "set_type": set_type,
            "entered_weight": weight,
            "entered_unit": units,
            "weight_kg": values.to_kg(weight, units),
            "reps": reps,
            "duration_s": seconds,
            "distance_m": distance * factor,
            "notes": notes_text(checks.column("notes")),
        }
    )
    return checks.finish(sets, rows_read=len(table))
