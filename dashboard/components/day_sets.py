"""A day's sets as a table, with a picker to change or delete one of them."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import data_access
from dashboard.components.frame import Athlete
from dashboard.components.tables import day_sets_table, set_choices
from dashboard.components.units import DASH, SET_TYPE_LABELS, WEIGHT_STEP, number, shown_weight
from pipelines.errors import LiftboardError


def _sets(athlete: Athlete, day: dt.date) -> pd.DataFrame:
    return data_access.day_sets(data_access.data_version(), athlete.athlete_id, day.isoformat())


def _chosen(athlete: Athlete, day: dt.date) -> pd.Series | None:
    sets = _sets(athlete, day)
    found = sets[sets["set_id"] == st.session_state.get("log_edit_set")]
    return None if found.empty else found.iloc[0]


def _prefill(athlete: Athlete, day: dt.date) -> None:
    row = _chosen(athlete, day)
    if row is None:
        return
    weight = shown_weight(
        row["weight_kg"], row["entered_weight"], row["entered_unit"], athlete.unit
    )
    reps, seconds, rpe = number(row["reps"]), number(row["duration_s"]), number(row["rpe"])
    st.session_state.update(
        log_edit_weight=weight,
        log_edit_reps=None if reps is None else int(reps),
        log_edit_seconds=None if seconds is None else round(seconds),
        log_edit_rpe=rpe,
        log_edit_type=str(row["set_type"]),
        log_edit_notes=str(row["notes"] or ""),
    )


def _save(athlete: Athlete) -> None:
    state = st.session_state
    try:
        data_access.update_set(
            int(state["log_edit_set"]), weight=state["log_edit_weight"], unit=athlete.unit,
            reps=state["log_edit_reps"], seconds=state["log_edit_seconds"],
            rpe=state["log_edit_rpe"], set_type=state["log_edit_type"] or "working",
            notes=state["log_edit_notes"] or "",
        )  # fmt: skip
        state["log_edit_message"] = ("success", "Set changed.")
    except LiftboardError as exc:
        state["log_edit_message"] = ("error", str(exc))


def _delete() -> None:
    state = st.session_state
    try:
        data_access.delete_set(int(state["log_edit_set"]))
        state["log_edit_set"] = None
        state["log_edit_message"] = ("success", "Set deleted.")
    except LiftboardError as exc:
        state["log_edit_message"] = ("error", str(exc))


def render_day_sets(athlete: Athlete, day: dt.date) -> None:
    """The day's sets, newest last, and a form to change or delete one."""
    sets = _sets(athlete, day)
    message = st.session_state.pop("log_edit_message", None)
    if message:
        (st.success if message[0] == "success" else st.error)(message[1])
    if sets.empty:
        st.info("No sets on this day yet: the first one you add appears here.")
        return
    st.dataframe(
        day_sets_table(sets, athlete.unit), hide_index=True, key="log_day_table",
        column_config={"#": st.column_config.NumberColumn(width="small")},
    )  # fmt: skip
    choices = set_choices(sets, athlete.unit)
    if st.session_state.get("log_edit_set") not in choices:
        st.session_state["log_edit_set"] = None
    st.selectbox(
        "Change or delete a set", list(choices), format_func=choices.__getitem__,
        key="log_edit_set", placeholder="Pick a set", on_change=_prefill, args=(athlete, day),
    )  # fmt: skip
    if _chosen(athlete, day) is None:
        return
    with st.form("log_edit_form"):
        left, right = st.columns(2)
        left.number_input(
            f"Weight ({athlete.unit})", min_value=0.0, step=WEIGHT_STEP[athlete.unit], format="%g",
            key="log_edit_weight", placeholder="none",
        )  # fmt: skip
        right.number_input("Reps", min_value=0, step=1, key="log_edit_reps", placeholder=DASH)
        left, right = st.columns(2)
        left.number_input("Seconds", min_value=0, step=5, key="log_edit_seconds", placeholder=DASH)
        right.number_input(
            "RPE",
            min_value=1.0,
            max_value=10.0,
            step=0.5,
            format="%g",
            key="log_edit_rpe",
            placeholder=DASH,
        )
        st.segmented_control(
            "Set type", list(SET_TYPE_LABELS), key="log_edit_type",
            format_func=SET_TYPE_LABELS.__getitem__, width="stretch",
        )  # fmt: skip
        st.text_input("Notes", key="log_edit_notes", max_chars=2000)
        with st.container(horizontal=True):
            st.form_submit_button(
                "Save changes", key="log_edit_save", type="primary", on_click=_save,
                args=(athlete,), icon=":material/save:",
            )  # fmt: skip
            st.form_submit_button(
                "Delete set", key="log_edit_delete", on_click=_delete, icon=":material/delete:"
            )
