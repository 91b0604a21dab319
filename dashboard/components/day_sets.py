"""A day's sets as a table, with a picker to change or delete one of them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data_access
from dashboard.components.frame import Athlete
from dashboard.components.set_form import history_changed
from dashboard.components.tables import day_sets_table, set_choices
from dashboard.components.units import DASH, SET_TYPE_LABELS, WEIGHT_STEP, number, shown_weight
from pipelines.errors import LiftboardError

PICKER = "log_edit_set"  # the picker widget; its value is only read when the lifter picks
CHOSEN = "log_edit_id"  # the set id being edited: the picker's labels change, the id does not
SHOWN = "log_edit_shown"  # (set id, unit, the values put into the form): see fill_form
FIELDS = ("weight", "reps", "seconds", "rpe", "type", "notes")


def _sets(athlete: Athlete, day: dt.date, version: int | None = None) -> pd.DataFrame:
    if version is None:
        version = data_access.data_version()
    return data_access.day_sets(version, athlete.athlete_id, day.isoformat())


def _picked() -> None:
    # Only a set id is a pick. After a unit switch the browser may still send the label it
    # showed before, which matches no option now: that keeps the set being edited.
    value = st.session_state.get(PICKER)
    if isinstance(value, int):
        st.session_state[CHOSEN] = value


def _form_values(row: pd.Series, unit: str) -> dict[str, Any]:
    """The set as the edit form shows it, in the athlete's unit."""
    weight = shown_weight(row["weight_kg"], row["entered_weight"], row["entered_unit"], unit)
    reps, seconds, rpe = number(row["reps"]), number(row["duration_s"]), number(row["rpe"])
    return {
        "weight": weight,
        "reps": None if reps is None else int(reps),
        "seconds": None if seconds is None else round(seconds),
        "rpe": rpe,
        "type": str(row["set_type"]),
        "notes": str(row["notes"] or ""),
    }


def fill_form(row: pd.Series, unit: str, prefix: str = "log_edit") -> None:
    """Put the set into the edit form keyed `prefix`, unless it is there for this set and unit.

    What was put in is kept under `{prefix}_shown` as (set id, unit, values), so that Save can
    tell which fields the lifter changed.
    """
    state = st.session_state
    set_id = int(row["set_id"])
    shown = state.get(f"{prefix}_shown")
    if shown is not None and shown[0] == set_id and shown[1] == unit:
        return
    values = _form_values(row, unit)
    state.update({f"{prefix}_{name}": value for name, value in values.items()})
    state[f"{prefix}_shown"] = (set_id, unit, values)


def edit_inputs(unit: str, prefix: str = "log_edit") -> None:
    """The edit form's inputs (inside an `st.form`), keyed `{prefix}_{field}` for FIELDS."""
    left, right = st.columns(2)
    left.number_input(
        f"Weight ({unit})",
        value=None,
        step=WEIGHT_STEP[unit],
        format="%g",
        key=f"{prefix}_weight",
        placeholder="none",
    )
    right.number_input("Reps", value=None, step=1, key=f"{prefix}_reps", placeholder=DASH)
    left, right = st.columns(2)
    left.number_input("Seconds", value=None, step=5, key=f"{prefix}_seconds", placeholder=DASH)
    right.number_input(
        "RPE", value=None, step=0.5, format="%g", key=f"{prefix}_rpe", placeholder=DASH
    )
    st.segmented_control(
        "Set type",
        list(SET_TYPE_LABELS),
        key=f"{prefix}_type",
        format_func=SET_TYPE_LABELS.__getitem__,
        width="stretch",
    )
    st.text_input("Notes", key=f"{prefix}_notes")


def changed_fields(shown: dict[str, Any], now: dict[str, Any], unit: str) -> dict[str, Any]:
    """The changes to send: only the fields the lifter edited.

    Untouched fields keep the set's stored values exactly, so a weight shown converted (and
    rounded) is never written back.
    """
    changes: dict[str, Any] = {}
    if number(now["weight"]) != number(shown["weight"]):
        changes |= {"weight": now["weight"], "unit": unit}
    for field, name in (("reps", "reps"), ("seconds", "seconds"), ("rpe", "rpe")):
        if number(now[field]) != number(shown[field]):
            changes[name] = now[field]
    if (now["type"] or "working") != shown["type"]:
        changes["set_type"] = now["type"] or "working"
    if (now["notes"] or "") != shown["notes"]:
        changes["notes"] = now["notes"] or ""
    return changes


def _save(athlete: Athlete) -> None:
    state = st.session_state
    shown = state.get(SHOWN)
    set_id = state.get(CHOSEN)
    if shown is None or set_id is None or shown[0] != set_id:
        state["log_edit_message"] = ("error", "Pick the set to change first.")
        return
    now = {name: state.get(f"log_edit_{name}") for name in FIELDS}
    changes = changed_fields(shown[2], now, athlete.unit)
    if not changes:
        state["log_edit_message"] = ("success", "Nothing to save: the set is as it was.")
        return
    try:
        data_access.update_set(int(set_id), **changes)
    except LiftboardError as exc:
        state["log_edit_message"] = ("error", str(exc))
        return
    state.pop(SHOWN, None)  # the form shows the set as stored next time
    history_changed()
    state["log_edit_message"] = ("success", "Set changed.")


def _delete() -> None:
    state = st.session_state
    set_id = state.get(CHOSEN)
    if set_id is None:
        return
    try:
        data_access.delete_set(int(set_id))
    except LiftboardError as exc:
        state["log_edit_message"] = ("error", str(exc))
        return
    state[CHOSEN] = None
    state.pop(SHOWN, None)
    history_changed()
    state["log_edit_message"] = ("success", "Set deleted.")


def _short(note: str, limit: int = 60) -> str:
    """A note cut to fit a table cell (the whole note is in the edit form)."""
    return note if len(note) <= limit else note[: limit - 1].rstrip() + "\u2026"


def _compact(table: pd.DataFrame) -> pd.DataFrame:
    """The day's sets in four narrow columns, to fit a phone: the set with its RPE and type.

    `100 kg x 5 @ 8`, and `(warm-up)` after a set that is not a working set.
    """
    sets = []
    columns = (table["Set"].tolist(), table["Type"].tolist(), table["RPE"].tolist())
    for summary, kind, rpe in zip(*columns, strict=True):
        text = f"{summary} @ {rpe}" if rpe else str(summary)
        sets.append(text if kind == "Working" else f"{text} ({str(kind).lower()})")
    return pd.DataFrame(
        {
            "No.": table["#"].tolist(),
            "Exercise": table["Exercise"].tolist(),
            "Set": sets,
            "Notes": [_short(str(n)) for n in table["Notes"].tolist()],
        }
    )


def render_day_sets(athlete: Athlete, day: dt.date, version: int | None = None) -> None:
    """The day's sets, newest first, and a form to change or delete one.

    The sets are a plain table: the browser shows a new row as soon as it arrives, where a
    data grid would first lay itself out again.
    """
    state = st.session_state
    sets = _sets(athlete, day, version)
    message = state.pop("log_edit_message", None)
    if message:
        (st.success if message[0] == "success" else st.error)(message[1])
    if sets.empty:
        st.info("No sets on this day yet: the first one you add appears here.")
        return
    # Newest first: the set just added is at the top, in view without scrolling.
    st.table(_compact(day_sets_table(sets, athlete.unit)).iloc[::-1], hide_index=True)
    choices = dict(reversed(set_choices(sets, athlete.unit).items()))
    if state.get(CHOSEN) not in choices:
        state[CHOSEN] = None
    state[PICKER] = state[CHOSEN]  # the picker follows the id, whatever label it last sent
    st.selectbox(
        "Change or delete a set",
        list(choices),
        format_func=choices.__getitem__,
        key=PICKER,
        index=None,
        placeholder="Pick a set",
        on_change=_picked,
    )
    if state[CHOSEN] is None:
        return
    fill_form(sets[sets["set_id"] == state[CHOSEN]].iloc[0], athlete.unit)
    with st.form("log_edit_form"):
        edit_inputs(athlete.unit)
        with st.container(horizontal=True):
            st.form_submit_button(
                "Save changes",
                key="log_edit_save",
                type="primary",
                on_click=_save,
                args=(athlete,),
                icon=":material/save:",
            )
            st.form_submit_button(
                "Delete set", key="log_edit_delete", on_click=_delete, icon=":material/delete:"
            )
