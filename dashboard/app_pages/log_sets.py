"""Log: add sets to a day's session, one by one or round by round through a template."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard.components.circuit import render_circuit
from dashboard.components.day_sets import render_day_sets
from dashboard.components.frame import Athlete, current_athlete
from dashboard.components.insights import render_gap_box
from dashboard.components.past_workouts import render_past_workouts
from dashboard.components.set_form import render_exercise_picker, render_set_form
from dashboard.components.units import day_problem

MODES = {"single": "Single sets", "circuit": "Circuit"}
# Any day can be typed; one after tomorrow gets a sentence and refuses sets, not a red field.
EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(9999, 12, 31)


@st.fragment
def _entry_and_day(athlete: Athlete, day: dt.date, mode: str | None) -> None:
    """The form and the day's sets: adding, changing or deleting a set reruns only this part."""
    if mode == "circuit":
        render_circuit(athlete, day)
    else:
        render_set_form(athlete, day)
    today = dt.date.today()
    st.subheader(f"Sets on {day:%a %d %b %Y}" if day != today else "Today's sets", anchor=False)
    render_day_sets(athlete, day)


athlete = current_athlete()
st.title("Log", anchor=False)
today = dt.date.today()
left, right = st.columns([2, 3], vertical_alignment="bottom")
picked = left.date_input(
    "Day",
    value=today,
    min_value=EARLIEST,
    max_value=LATEST,
    key="log_day",
    format="YYYY-MM-DD",
)
day = picked if isinstance(picked, dt.date) else today
st.session_state.setdefault("log_mode", "single")
mode = right.segmented_control(
    "Mode",
    list(MODES),
    format_func=MODES.__getitem__,
    key="log_mode",
    width="stretch",
    label_visibility="collapsed",
)
problem = day_problem(day, today)
if problem:
    st.warning(problem, icon=":material/event_busy:")

message = st.session_state.pop("log_circuit_message", None)
if message:
    st.success(message, icon=":material/check_circle:")
if mode != "circuit":  # outside the fragment: its long list is not sent again after a set
    render_exercise_picker(athlete, day)
_entry_and_day(athlete, day, mode)
render_gap_box(day)
render_past_workouts(athlete)
