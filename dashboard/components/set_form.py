"""The Log page's quick entry: find an exercise, get last time's numbers, add the set."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import data_access
from dashboard.components.exercise_history import history_link
from dashboard.components.frame import Athlete
from dashboard.components.tables import last_time, prefill
from dashboard.components.units import DASH, SET_TYPE_LABELS, WEIGHT_STEP, set_summary
from pipelines.errors import LiftboardError

WEIGHT_LABELS = {
    "weighted_bodyweight": "Added weight",
    "bodyweight": "Added weight",
    "assisted": "Assistance",
}


def _names(athlete: Athlete) -> pd.DataFrame:
    return data_access.exercise_names(data_access.data_version(), athlete.athlete_id)


def _exercise(athlete: Athlete) -> pd.Series | None:
    """The row of the chosen search label, or None."""
    label = st.session_state.get("log_exercise")
    names = _names(athlete)
    found = names[names["label"] == label]
    return None if found.empty else found.iloc[0]


def _prefill(athlete: Athlete) -> None:
    """Copy the last set of the chosen exercise into the inputs."""
    row = _exercise(athlete)
    if row is None:
        return
    last = data_access.last_sets(
        data_access.data_version(), athlete.athlete_id, (str(row["exercise_id"]),)
    )
    st.session_state.update(prefill(last, athlete.unit))


def render_set_form(athlete: Athlete, day: dt.date) -> None:
    """Exercise search (names and aliases), inputs pre-filled from last time, and Add set."""
    names = _names(athlete)
    shown = {
        str(r.label): f"{r.label}  ({r.name})" if r.is_alias else str(r.label)
        for r in names.itertuples()
    }
    st.selectbox(
        "Exercise", list(shown), index=None, key="log_exercise", format_func=shown.__getitem__,
        placeholder="Type to search names and aliases", on_change=_prefill, args=(athlete,),
    )  # fmt: skip
    row = _exercise(athlete)
    if row is not None:
        last = data_access.last_sets(
            data_access.data_version(), athlete.athlete_id, (str(row["exercise_id"]),)
        )
        st.caption(last_time(last, athlete.unit))
        history_link(str(row["exercise_id"]), "Every session of it")
    for key in ("log_weight", "log_reps", "log_seconds", "log_rpe"):
        st.session_state.setdefault(key, None)
    st.session_state.setdefault("log_set_type", "working")
    load_type = "weighted" if row is None else str(row["load_type"])
    timed = load_type == "timed" or (
        st.session_state["log_seconds"] is not None and st.session_state["log_reps"] is None
    )
    main, extra = ("Seconds", "Reps") if timed else ("Reps", "Seconds")
    inputs = {
        "Reps": lambda: st.number_input("Reps", min_value=0, step=1, key="log_reps",
                                        placeholder=DASH),
        "Seconds": lambda: st.number_input("Seconds", min_value=0, step=5, key="log_seconds",
                                           placeholder=DASH),
    }  # fmt: skip
    with st.form("log_set_form", border=False):
        with st.container(horizontal=True):  # one row, on a phone too
            st.number_input(
                f"{WEIGHT_LABELS.get(load_type, 'Weight')} ({athlete.unit})", min_value=0.0,
                step=WEIGHT_STEP[athlete.unit], format="%g", key="log_weight", placeholder="none",
            )  # fmt: skip
            inputs[main]()
        st.segmented_control(
            "Set type", list(SET_TYPE_LABELS), key="log_set_type",
            format_func=SET_TYPE_LABELS.__getitem__, width="stretch",
        )  # fmt: skip
        with st.expander(f"{extra}, RPE and notes"):
            with st.container(horizontal=True):
                inputs[extra]()
                st.number_input("RPE", min_value=1.0, max_value=10.0, step=0.5, format="%g",
                                key="log_rpe", placeholder="optional")  # fmt: skip
            st.text_input("Notes", key="log_notes", placeholder="optional", max_chars=2000)
        added = st.form_submit_button(
            "Add set", key="log_add", type="primary", icon=":material/add:", width="stretch"
        )
    if added:
        _add(athlete, day, row)
    message = st.session_state.pop("log_added", None)
    if message:
        st.success(message, icon=":material/check_circle:")


def _add(athlete: Athlete, day: dt.date, row: pd.Series | None) -> None:
    if row is None:
        st.error("Choose an exercise first: type part of its name or of another app's name.")
        return
    state = st.session_state
    entry = {
        "exercise": str(row["exercise_id"]), "weight": state["log_weight"],
        "unit": athlete.unit, "reps": state["log_reps"], "seconds": state["log_seconds"],
        "set_type": state["log_set_type"] or "working", "rpe": state["log_rpe"],
        "notes": state.get("log_notes") or "",
    }  # fmt: skip
    try:
        data_access.log_day_set(athlete.name, day, entry)
    except LiftboardError as exc:
        st.error(str(exc))
        return
    summary = set_summary(entry["weight"], athlete.unit, entry["reps"], entry["seconds"])
    st.session_state["log_added"] = f"Logged {row['name']}: {summary}."
    st.rerun()  # so "last time" and the day's table show the new set at once
