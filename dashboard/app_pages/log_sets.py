"""Log: add sets to a day's session, one by one or round by round through a template."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard.components.circuit import has_open_circuit, render_circuit
from dashboard.components.day_sets import render_day_sets
from dashboard.components.frame import Athlete, current_athlete
from dashboard.components.insights import render_gap_box
from dashboard.components.past_workouts import render_past_workouts
from dashboard.components.set_form import (
    ENTRY_FRAGMENT,
    data_version_now,
    remember_catalog_version,
    render_exercise_picker,
    render_history_link,
    render_rest_setting,
    render_set_form,
)
from dashboard.components.units import day_problem

MODES = {"single": "Single", "circuit": "Circuit"}
# Any day can be typed; one after tomorrow gets a sentence and refuses sets, not a red field.
EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(9999, 12, 31)
# On a phone: less empty space above the title, and every button a thumb's height (44 px).
PHONE_STYLE = """<style>
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding-top: 3rem; }
  [data-testid="stMain"] h1 { font-size: 2rem; padding-bottom: 0; }
  [data-testid="stMain"] button { min-height: 44px; }
}
</style>"""


@st.fragment(key=ENTRY_FRAGMENT)
def _entry_and_day(athlete: Athlete, day: dt.date, mode: str | None) -> None:
    """The form and the day's sets, rerun on their own.

    Adding, changing or deleting a set, a circuit's Done and Finish and the rest timer's
    buttons rerun only this part, not the whole page.
    """
    version = data_version_now()
    if mode == "circuit":
        render_circuit(athlete, day)
    else:
        render_set_form(athlete, day)
    today = dt.date.today()
    with st.container(horizontal=True, vertical_alignment="center", key="log_day_heading"):
        st.markdown(f"**Sets on {day:%a %d %b %Y}**" if day != today else "**Today's sets**")
        if mode != "circuit":
            render_rest_setting(athlete)
            render_history_link(athlete)
    render_day_sets(athlete, day, version)


athlete = current_athlete()
remember_catalog_version()
st.title("Log", anchor=False)
today = dt.date.today()
st.html(PHONE_STYLE)
top = st.container(horizontal=True, vertical_alignment="bottom", key="log_top")  # one row
picked = top.date_input(
    "Day",
    value=today,
    min_value=EARLIEST,
    max_value=LATEST,
    key="log_day",
    format="YYYY-MM-DD",
    width=140,
)
day = picked if isinstance(picked, dt.date) else today
if "log_mode" not in st.session_state:  # a new visit: an unfinished circuit of the day goes on
    st.session_state["log_mode"] = (
        "circuit" if has_open_circuit(athlete.athlete_id, day) else "single"
    )
mode = top.segmented_control(
    "Mode",
    list(MODES),
    format_func=MODES.__getitem__,
    key="log_mode",
    width="content",
    label_visibility="collapsed",
)
problem = day_problem(day, today)
notice = st.empty()  # in its place with or without a warning, so what follows keeps its own
if problem:
    notice.warning(problem, icon=":material/event_busy:")

if mode != "circuit":  # outside the fragment: its long list is not sent again after a set
    render_exercise_picker(athlete, day)
_entry_and_day(athlete, day, mode)
render_gap_box(day)
render_past_workouts(athlete)
