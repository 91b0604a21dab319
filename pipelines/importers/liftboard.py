"""Liftboard's own `sets` export, read back without loss.

The values are taken as stored (weights in kg, the entered weight and unit beside them, set
type, set index, RPE, RIR, side, notes), so exporting and importing into an empty database
gives back the same sessions and sets. Text cells that the export protected against
spreadsheet formulas (a leading `'` before `=`, `+`, `-`, `@`, tab or carriage return) are
restored exactly.
"""

from __future__ import annotations

import pandas as pd

from pipelines.importers import values
from pipelines.importers.common import ParsedFile, RowChecks, notes_text
from pipelines.importers.layouts import Layout
from pipelines.importers.reading import LINE
from pipelines.schemas import SESSION_SOURCES

_TEXT_COLUMNS = (
    "athlete",
    "session_name",
    "exercise",
    "exercise_id",
    "set_type",
    "entered_unit",
    "notes",
    "side",
    "session_notes",
    "template_id",
    "source",
    "source_key",
    "set_source_key",
    "athlete_unit",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def unprotect(cells: pd.Series) -> pd.Series:
    """Undo the export's protection: drop one `'` put before a formula-like first character."""
    text = cells.astype("string")
    bare = text.str.lstrip("'")
    protected = text.str.startswith("'") & bare.str[0:1].isin(_FORMULA_START)
    restored = text.where(~protected.fillna(False), text.str[1:])
    return restored.astype(object).where(cells.notna(), None)


def parse(
    table: pd.DataFrame, layout: Layout, unit: str | None, distance_unit: str | None = None
) -> ParsedFile:
    """Interpret a Liftboard `sets` export read by `read_table`."""
    table = table.copy()
    for column in _TEXT_COLUMNS:
        if column in table:
            table[column] = unprotect(table[column])
    checks = RowChecks(table, layout)
    started, bad = values.timestamps(checks.column("started_at"))
    checks.reject(bad, "started_at", checks.column("started_at"), "it is not a date and time")
    checks.reject(started.isna(), "started_at", checks.column("started_at"), "it is missing")
    ended, bad_end = values.timestamps(checks.column("ended_at"))
    checks.reject(bad_end, "ended_at", checks.column("ended_at"), "it is not a date and time")
    exercise = values.text(checks.column("exercise"))
    exercise_id = values.text(checks.column("exercise_id"))
    checks.reject(
        exercise.eq("") & exercise_id.eq(""), "exercise", exercise, "the exercise is missing"
    )
    session = values.text(checks.column("session_id"))
    checks.reject(session.eq(""), "session_id", session, "the session id is missing")

    numeric = (
        "set_index",
        "weight_kg",
        "entered_weight",
        "reps",
        "duration_s",
        "distance_m",
        "rpe",
        "rir",
        "bodyweight_kg",
    )
    numbers = {name: checks.number(name, f"{name} must be a number") for name in numeric}
    entered_unit = values.text(checks.column("entered_unit")).str.lower()
    set_type = values.text(checks.column("set_type")).str.lower()
    side = values.text(checks.column("side")).str.lower()
    source = values.text(checks.column("source")).str.lower()
    source_key = values.text(checks.column("source_key"))
    # A session keeps its origin and key; without them it is a Liftboard session. Rows are
    # grouped by the exported session id and start.
    known_source = source.isin(SESSION_SOURCES)
    stamp = values.stamp_text(started, "%Y-%m-%dT%H:%M:%S")
    key = "liftboard:" + session + "@" + stamp
    athlete = values.text(checks.column("athlete"))
    athlete_unit = values.text(checks.column("athlete_unit")).str.lower()
    template = values.text(checks.column("template_id"))
    weight = numbers["weight_kg"]
    entered = numbers["entered_weight"].where(numbers["entered_weight"].notna(), weight)
    units = entered_unit.where(entered_unit.ne(""), None)
    units = units.where(units.notna() | weight.isna(), "kg")
    set_key = values.text(checks.column("set_source_key"))
    sets = pd.DataFrame(
        {
            "line": table[LINE],
            "athlete": athlete.where(athlete.ne(""), None),
            "session_key": key,
            "session_source": source.where(known_source, "liftboard"),
            "session_source_key": source_key.where(known_source & source_key.ne(""), None),
            "template_id": template.where(template.ne(""), None),
            "athlete_unit": athlete_unit.where(athlete_unit.isin(("kg", "lb")), None),
            "started_at": started,
            "ended_at": ended.groupby(key, sort=False).transform("first"),
            "session_name": notes_text(checks.column("session_name"), verbatim=True),
            "session_notes": notes_text(checks.column("session_notes"), verbatim=True),
            "bodyweight_kg": numbers["bodyweight_kg"],
            "exercise": exercise.where(exercise.ne(""), exercise_id),
            "exercise_id": exercise_id.where(exercise_id.ne(""), None),
            "set_label": "#" + numbers["set_index"].map(lambda n: f"{n:g}" if pd.notna(n) else ""),
            "set_key": set_key.where(set_key.ne(""), None),
            "set_index": numbers["set_index"],
            "set_type": set_type.where(set_type.ne(""), "working"),
            "entered_weight": entered,
            "entered_unit": units,
            "weight_kg": weight,
            "reps": numbers["reps"],
            "duration_s": numbers["duration_s"],
            "distance_m": numbers["distance_m"],
            "rpe": numbers["rpe"],
            "rir": numbers["rir"],
            "side": side.where(side.ne(""), None),
            "notes": notes_text(checks.column("notes"), verbatim=True),
        }
    )
    return checks.finish(sets, rows_read=len(table))
