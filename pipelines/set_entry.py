"""A set as a person types it, turned into the columns `sets` stores, validated once.

The fields are those of the Log form, the CLI and the importers: `exercise` (id, name or alias),
`weight` with its `unit` (kg or lb; the athlete's unit when absent), `reps`, `seconds`,
`distance_m`, `set_type`, `rpe`, `rir`, `side` and `notes`. Weights are stored in kg; the
entered value and unit are kept as typed.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import duckdb
import pandas as pd

from pipelines.catalog import resolve_exercises
from pipelines.errors import Problem, ValidationError
from pipelines.schemas import RULES, UNITS, SetEntry, validate
from pipelines.units import UNIT_WORDS, to_kg

SET_FIELDS = (
    "exercise",
    "weight",
    "unit",
    "reps",
    "seconds",
    "distance_m",
    "set_type",
    "rpe",
    "rir",
    "side",
    "notes",
)
# The columns of `sets` a set entry fills, in insert order.
STORED_COLUMNS = (
    "session_id",
    "exercise_id",
    "set_index",
    "set_type",
    "weight_kg",
    "entered_weight",
    "entered_unit",
    "reps",
    "duration_s",
    "distance_m",
    "rpe",
    "rir",
    "side",
    "notes",
)
UNKNOWN_EXERCISE = (
    "no exercise with that name or alias is known (search the Exercises page, or add it as a "
    "custom exercise)"
)
# Field typed -> stored column, for the numbers parsed from text.
_NUMERIC = {
    "weight": "weight",
    "reps": "reps",
    "seconds": "duration_s",
    "distance_m": "distance_m",
    "rpe": "rpe",
    "rir": "rir",
}
# Stored column -> the field a person typed, for messages.
_STORED_NAME = {"weight": "weight_kg", "exercise": "exercise_id", "seconds": "duration_s"}
_FIELD_NAME = {"weight_kg": "weight", "entered_weight": "weight", "exercise_id": "exercise"}


def unknown_fields(raw: pd.DataFrame | dict[str, Any]) -> None:
    """Refuse fields that are not part of a set.

    Raises:
        ValidationError: naming each unknown field.
    """
    unknown = [c for c in raw if c not in SET_FIELDS]
    if unknown:
        raise ValidationError(
            [Problem(None, str(c), c, "that field is not part of a set") for c in unknown]
        )


def stored_frame(
    con: duckdb.DuckDBPyConnection,
    raw: pd.DataFrame,
    session_id: int,
    default_unit: str,
    last_index: int,
) -> pd.DataFrame:
    """Turn user-facing set fields into validated stored columns (`SetEntry`).

    Rows are numbered from 1 in messages, in the order given.

    Raises:
        ValidationError: every problem of every row, from parsing and from the pandera schema.
    """
    n = len(raw)

    def column(name: str) -> list[Any]:
        if name not in raw.columns:
            return [None] * n
        return [_blank_to_none(v) for v in raw[name].tolist()]  # Python (or pandas) scalars

    problems: list[Problem] = []
    numbers: dict[str, list[float | None]] = {}
    for field, stored in _NUMERIC.items():
        parsed: list[float | None] = []
        for i, value in enumerate(column(field)):
            number = _number(value)
            if number is not None and abs(number) > 1e9:  # beyond every range; keeps ints safe
                number = None
            if value is not None and number is None:
                reason = RULES.get(stored, "it must be a number")
                problems.append(Problem(i + 1, field, value, reason))
            parsed.append(number)
        numbers[field] = parsed

    units = [
        default_unit if u is None else UNIT_WORDS.get(str(u).strip().lower(), str(u))
        for u in column("unit")
    ]
    problems += [
        Problem(i + 1, "unit", u, RULES["unit"]) for i, u in enumerate(units) if u not in UNITS
    ]

    names = ["" if name is None else str(name) for name in column("exercise")]
    resolved = resolve_exercises(con, names)
    exercise_ids = [resolved.get(name) or "" for name in names]
    problems += [
        Problem(i + 1, "exercise", column("exercise")[i], UNKNOWN_EXERCISE)
        for i in range(n)
        if not exercise_ids[i]
    ]

    for i in range(n):
        for field in ("reps", "rir"):
            value = numbers[field][i]
            if value is not None and value != round(value):
                problems.append(Problem(i + 1, field, raw_value(raw, field, i), RULES[field]))
        weight = numbers["weight"][i]
        if weight is not None and units[i] in UNITS and not 0 <= to_kg(weight, units[i]) <= 1000:
            shown = f"{weight:g} {units[i]}"
            problems.append(Problem(i + 1, "weight", shown, RULES["weight_kg"]))
    weights = numbers["weight"]
    cells: dict[str, list[Any]] = {
        "session_id": [session_id] * n,
        "exercise_id": exercise_ids,
        "set_index": list(range(last_index + 1, last_index + 1 + n)),
        "set_type": [
            "working" if t is None else str(t).strip().lower() for t in column("set_type")
        ],
        "weight_kg": [
            None if w is None else to_kg(w, u) for w, u in zip(weights, units, strict=True)
        ],
        "entered_weight": weights,
        "entered_unit": [None if w is None else u for w, u in zip(weights, units, strict=True)],
        "reps": [None if r is None else round(r) for r in numbers["reps"]],
        "duration_s": numbers["seconds"],
        "distance_m": numbers["distance_m"],
        "rpe": numbers["rpe"],
        "rir": [None if r is None else round(r) for r in numbers["rir"]],
        "side": [None if s is None else str(s).strip().lower() for s in column("side")],
        "notes": ["" if s is None else str(s) for s in column("notes")],
    }
    # Each column is built with the dtype SetEntry coerces to, so pandera has nothing to coerce
    # and a set that meets every SetEntry rule passes the cheap way (`validate(as_built=...)`).
    columns = SetEntry.to_schema().columns
    frame = pd.DataFrame(
        {name: pd.array(cells[name], dtype=columns[name].dtype.type) for name in STORED_COLUMNS}
    )
    try:
        validated = validate(SetEntry, frame, as_built=True)
    except ValidationError as exc:
        # Values already reported while parsing (placeholders in `frame`) are not repeated.
        seen = {(p.row, _STORED_NAME.get(p.column, p.column)) for p in problems}
        problems += [p for p in exc.problems if (p.row, p.column) not in seen]
    if problems:
        named = [_user_facing(p, raw) for p in problems]
        raise ValidationError(sorted(named, key=lambda p: (p.row or 0, p.column)))
    return validated


def raw_value(raw: pd.DataFrame, name: str, i: int) -> Any:
    """The value as the user gave it, for error messages."""
    return raw[name].iloc[i] if name in raw.columns else None


def sql_value(value: Any) -> Any:
    """NaN/NA become None for DuckDB parameters; numpy scalars become Python ones."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def timestamp(value: dt.datetime | dt.date | str | None) -> pd.Timestamp:
    """A naive timestamp from a date, a datetime or text; None means now.

    Raises:
        ValueError: the value is not a date.
    """
    if value is None:
        return pd.Timestamp(dt.datetime.now().replace(microsecond=0))
    stamp = pd.Timestamp(value)
    if pd.isna(stamp):
        raise ValueError(f"not a date: {value!r}")
    return stamp.tz_localize(None) if stamp.tzinfo is not None else stamp


def _user_facing(problem: Problem, raw: pd.DataFrame) -> Problem:
    """Report a stored column by the field the person typed, with the value they typed."""
    field = _FIELD_NAME.get(problem.column)
    if field is None or problem.row is None:
        return problem
    value = raw_value(raw, field, problem.row - 1)
    return Problem(problem.row, field, value, problem.reason)


def _number(value: Any) -> float | None:
    """A finite float from a number or numeric text; None when there is none."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(str(value).strip()) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _blank_to_none(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and pd.isna(value):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    return value
