"""Tables shaped for display (pure functions over already-aggregated frames, no Streamlit)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from dashboard.components.units import (
    SET_TYPE_LABELS,
    format_weight,
    number,
    set_summary,
    shown_weight,
)
from pipelines.units import from_kg


def prefill(last: pd.DataFrame, unit: str) -> dict[str, Any]:
    """Values for the next set of an exercise from its last set (`logbook.last_sets` row).

    Returns:
        `log_weight` (in `unit`, None for bodyweight), `log_reps`, `log_seconds` (whole numbers
        or None); all None when the exercise was never done.
    """
    if last.empty:
        return {"log_weight": None, "log_reps": None, "log_seconds": None}
    row = last.iloc[0]
    weight = shown_weight(row["weight_kg"], row["entered_weight"], row["entered_unit"], unit)
    reps, seconds = number(row["reps"]), number(row["duration_s"])
    return {
        "log_weight": weight,
        "log_reps": None if reps is None else int(reps),
        "log_seconds": None if seconds is None else round(seconds),
    }


def last_time(last: pd.DataFrame, unit: str) -> str:
    """`Last time (23 Nov 2026): 20 kg x 10`, or a first-time note."""
    if last.empty:
        return "First time: no earlier set to copy."
    row = last.iloc[0]
    weight = shown_weight(row["weight_kg"], row["entered_weight"], row["entered_unit"], unit)
    on = pd.Timestamp(row["performed_on"]).strftime("%d %b %Y").lstrip("0")
    return f"Last time ({on}): {set_summary(weight, unit, row['reps'], row['duration_s'])}"


def day_sets_table(sets: pd.DataFrame, unit: str) -> pd.DataFrame:
    """One row per set of a day for display: number, exercise, the set in `unit`, type, RPE."""
    weights = [
        shown_weight(w, e, u, unit)
        for w, e, u in zip(
            sets["weight_kg"], sets["entered_weight"], sets["entered_unit"], strict=True
        )
    ]
    summaries = [
        set_summary(w, unit, r, s)
        for w, r, s in zip(weights, sets["reps"], sets["duration_s"], strict=True)
    ]
    return pd.DataFrame(
        {
            "#": range(1, len(sets) + 1),
            "Exercise": sets["exercise"].astype(str).tolist(),
            "Set": summaries,
            "Type": [SET_TYPE_LABELS.get(str(t), str(t)) for t in sets["set_type"]],
            "RPE": ["" if number(r) is None else f"{number(r):g}" for r in sets["rpe"]],
            "Notes": sets["notes"].fillna("").astype(str).tolist(),
        }
    )


def set_choices(sets: pd.DataFrame, unit: str) -> dict[int, str]:
    """Labels for picking one set of a day: `#3 Suitcase Deadlift · 20 kg x 10`."""
    table = day_sets_table(sets, unit)
    return {
        int(set_id): f"#{n} {exercise} · {summary}"
        for set_id, n, exercise, summary in zip(
            sets["set_id"], table["#"], table["Exercise"], table["Set"], strict=True
        )
    }


def filter_catalog(
    catalog: pd.DataFrame,
    query: str = "",
    muscles: Sequence[str] = (),
    equipment: Sequence[str] = (),
    load_types: Sequence[str] = (),
) -> pd.DataFrame:
    """The catalog rows matching every filter given.

    `query` matches name, aliases and muscles (case-insensitive, plain text); `muscles` keeps
    exercises that work any of them (primary or secondary); the other two match exactly.
    """
    keep = pd.Series(True, index=catalog.index)
    text = query.strip()
    if text:
        hay = catalog["name"] + " | " + catalog["aliases"] + " | " + catalog["primary_muscles"]
        keep &= hay.str.contains(text, case=False, regex=False)
    if muscles:
        worked = catalog["primary_muscles"] + ", " + catalog["secondary_muscles"]
        lists = worked.str.split(", ")
        wanted = set(muscles)
        keep &= lists.map(lambda found: bool(wanted.intersection(found)))
    if equipment:
        keep &= catalog["equipment"].isin(list(equipment))
    if load_types:
        keep &= catalog["load_type"].isin(list(load_types))
    return catalog[keep]


def row_dicts(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of `frame` as dictionaries keyed by column name."""
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]


def row_of(frame: pd.DataFrame, column: str, value: object) -> dict[str, Any]:
    """The first row whose `column` equals `value`.

    Raises:
        KeyError: no row has that value.
    """
    found = row_dicts(frame[frame[column] == value].head(1))
    if not found:
        raise KeyError(value)
    return found[0]


RECORD_LABELS = {
    "heaviest_load": "Heaviest load",
    "best_e1rm": "Best estimated 1RM",
    "most_reps": "Most reps at a load",
    "best_session_tonnage": "Best session tonnage",
}


def records_table(events: pd.DataFrame, unit: str, limit: int = 50) -> pd.DataFrame:
    """Record events for display, newest first, weights in `unit`.

    `most_reps` rows say the load they were done at (`12 reps at 20 kg`).
    """
    frame = events.sort_values(["achieved_on", "exercise"], ascending=[False, True]).head(limit)
    shown = []
    for row in row_dicts(frame):
        if row["unit"] == "reps":
            load = number(row["load_kg"])
            at = "bodyweight" if not load else format_weight(from_kg(load, unit), unit)
            shown.append(f"{number(row['value']) or 0:g} reps at {at}")
        else:
            shown.append(format_weight(from_kg(float(row["value"]), unit), unit))
    return pd.DataFrame(
        {
            "Day": frame["achieved_on"].dt.date.tolist(),
            "Exercise": frame["exercise"].astype(str).tolist(),
            "Record": [RECORD_LABELS.get(str(r), str(r)) for r in frame["record"]],
            "Value": shown,
        }
    )


def suggestions_table(suggestions: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Progression suggestions for display: exercise, what to do next, the target, and why."""
    targets = []
    for row in row_dicts(suggestions):
        kg, seconds = number(row["suggested_kg"]), number(row["suggested_seconds"])
        if kg is not None:
            targets.append(format_weight(from_kg(kg, unit), unit))
        elif seconds is not None:
            targets.append(f"{seconds:g} s")
        else:
            targets.append(str(row["suggested_variation"] or ""))
    return pd.DataFrame(
        {
            "Exercise": suggestions["exercise"].astype(str).tolist(),
            "Next": [str(a).capitalize() for a in suggestions["action"]],
            "Target": targets,
            "Why": suggestions["reason"].astype(str).tolist(),
        }
    )
