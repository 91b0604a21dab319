"""Body map: this week's hard sets per muscle group on a front and a back figure."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import data_access
from dashboard.components.body_map import body_svg, this_week
from dashboard.components.body_map_views import WEEKS, render_muscle
from dashboard.components.frame import current_athlete
from dashboard.components.landmarks import render_landmark_editor

athlete = current_athlete()
version = data_access.data_version()
st.title("Body map", anchor=False)
today = dt.date.today()
picked = st.date_input(
    "Week of",
    value=today,
    max_value=today + dt.timedelta(days=1),
    key="body_day",
    format="YYYY-MM-DD",
)
day = picked if isinstance(picked, dt.date) else today
weeks = data_access.muscle_weeks(version, athlete.athlete_id, day, WEEKS)
week = this_week(weeks)

left, right = st.columns([3, 2])
with right:
    muscle = st.pills(
        "Muscle group",
        data_access.muscle_groups(version),
        key="muscle",
        bind="query-params",
        width="stretch",
        wrap=True,
    )
    st.caption(
        "Colours compare each group's hard sets so far this week (1 per set for a main "
        "muscle, 0.5 for a helping one) with its weekly landmarks. Pick a group for its "
        "weekly chart and the exercises that trained it."
    )
with left:
    st.image(body_svg(week, muscle, data_access.muscle_names(version)), width="stretch")
if muscle:
    render_muscle(athlete, str(muscle), day, weeks)
st.header("Your landmarks", anchor="landmarks")
if st.toggle("Edit your landmarks", key="landmarks", bind="query-params"):
    render_landmark_editor(athlete)
