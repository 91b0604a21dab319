"""Log: add sets to a day's session, one by one or round by round through a template."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard.components.circuit import render_circuit
from dashboard.components.day_sets import render_day_sets
from dashboard.components.frame import current_athlete
from dashboard.components.insights import render_gap_box
from dashboard.components.set_form import render_set_form

MODES = {"single": "Single sets", "circuit": "Circuit"}

athlete = current_athlete()
st.title("Log", anchor=False)
today = dt.date.today()
left, right = st.columns([2, 3], vertical_alignment="bottom")
picked = left.date_input(
    "Day", value=today, max_value=today + dt.timedelta(days=1), key="log_day",
    format="YYYY-MM-DD",
)  # fmt: skip
day = picked if isinstance(picked, dt.date) else today
st.session_state.setdefault("log_mode", "single")
mode = right.segmented_control(
    "Mode", list(MODES), format_func=MODES.__getitem__, key="log_mode", width="stretch",
    label_visibility="collapsed",
)  # fmt: skip

message = st.session_state.pop("log_circuit_message", None)
if message:
    st.success(message, icon=":material/check_circle:")
if mode == "circuit":
    render_circuit(athlete, day)
else:
    render_set_form(athlete, day)

st.subheader(f"Sets on {day:%a %d %b}" if day != today else "Today's sets", anchor=False)
render_day_sets(athlete, day)
render_gap_box(day)
