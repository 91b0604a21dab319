"""Weights and prescriptions as a lifter reads them (pure functions, no Streamlit)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd

from pipelines.units import from_kg, to_kg

# Typographic marks for display (escaped so that linters see plain ASCII source).
TIMES = "\u00d7"  # 20 kg x 10
DASH = "\u2013"  # 15-20 min, or "nothing here"

# The +/- step of a weight input: half a kilo, or a pound.
WEIGHT_STEP = {"kg": 0.5, "lb": 1.0}
SET_TYPE_LABELS = {"warmup": "Warm-up", "working": "Working", "drop": "Drop", "failure": "Failure"}


def number(value: object) -> float | None:
    """A finite float, or None for None, NaN, NA and anything that is not a number."""
    if value is None or isinstance(value, bool):
        return None
    try:
        result = float(value)  # type: ignore[arg-type]  # pandas scalars and numpy numbers
    except (TypeError, ValueError):
        return None
    return result if math.isfinite(result) else None


def shown_weight(
    weight_kg: object, entered_weight: object, entered_unit: object, unit: str
) -> float | None:
    """The weight in `unit`: exactly as typed when typed in that unit, else converted.

    Converted weights are rounded to 0.01, so 20 kg reads as 44.09 lb.
    """
    typed = number(entered_weight)
    if typed is not None and entered_unit == unit:
        return typed
    kg = number(weight_kg)
    return None if kg is None else round(from_kg(kg, unit), 2)


def format_weight(weight: object, unit: str) -> str:
    """`20 kg`, `44.09 lb`, or `bodyweight` when there is no weight."""
    value = number(weight)
    return "bodyweight" if value is None else f"{round(value, 2):g} {unit}"


def prescription(reps: object, seconds: object, per_side: bool) -> str:
    """`10 reps`, `8 reps per side`, `30 s hold`."""
    side = " per side" if per_side else ""
    held, count = number(seconds), number(reps)
    if held is not None:
        return f"{held:g} s hold{side}"
    if count is not None:
        return f"{count:g} reps{side}"
    return "as prescribed"


def set_summary(weight: object, unit: str, reps: object, seconds: object) -> str:
    """`20 kg x 10` (with a times sign), `bodyweight x 12`, `30 s`."""
    held, count = number(seconds), number(reps)
    if held is not None and not count:
        return f"{held:g} s"
    return f"{format_weight(weight, unit)} {TIMES} {'?' if count is None else f'{count:g}'}"


def convert_weight(weight: float, unit: str, to: str) -> float:
    """`weight` typed in `unit`, in `to` (rounded to 0.01 when converted): 100 kg is 220.46 lb."""
    if unit == to:
        return weight
    return round(from_kg(to_kg(weight, unit), to), 2)


def day_problem(day: dt.date, today: dt.date) -> str | None:
    """Why sets cannot be logged on `day`, as a sentence, or None when they can."""
    if day > today + dt.timedelta(days=1):
        return (
            f"{day.isoformat()} is in the future: sets can be logged for today, an earlier "
            "day, or tomorrow at the latest."
        )
    return None


def previous_summary(previous: pd.DataFrame, unit: str) -> str:
    """Last time's sets of an exercise, set by set, or a first-time note.

    `Last time (23 Nov 2026): 100 kg x 5 @ 8, 100 kg x 5, 95 kg x 6` (RPE after the @).
    """
    if previous.empty:
        return "First time: no earlier set to copy."
    on = pd.Timestamp(previous["performed_on"].iloc[0])
    parts = []
    for row in previous.to_dict("records"):
        weight = shown_weight(row["weight_kg"], row["entered_weight"], row["entered_unit"], unit)
        text = set_summary(weight, unit, row["reps"], row["duration_s"])
        rpe = number(row["rpe"])
        if rpe is not None:
            text += f" @ {rpe:g}"
        if row["set_type"] != "working":
            text += f" ({SET_TYPE_LABELS.get(str(row['set_type']), str(row['set_type'])).lower()})"
        parts.append(text)
    return f"Last time ({on.day} {on:%b %Y}): {', '.join(parts)}"


def next_prefill(previous: pd.DataFrame, done: int, unit: str) -> dict[str, Any] | None:
    """Weight, reps and seconds for the next set from the matching set of last time.

    `done` sets of the exercise are already logged today, so set number `done + 1` is next.
    Returns None when last time had no such set (the form keeps what it holds).
    """
    if done >= len(previous):
        return None
    row = previous.iloc[done]
    weight = shown_weight(row["weight_kg"], row["entered_weight"], row["entered_unit"], unit)
    reps, seconds = number(row["reps"]), number(row["duration_s"])
    return {
        "log_weight": weight,
        "log_reps": None if reps is None else int(reps),
        "log_seconds": None if seconds is None else round(seconds),
    }
