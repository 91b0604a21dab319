"""Bodyweight: log a reading, see it over time, and the tonnage of bodyweight moves it gives."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import data_access
from dashboard.components.bodyweight import (
    bodyweight_figure,
    render_bodyweight_form,
    tonnage_figure,
)
from dashboard.components.frame import current_athlete

CONFIG = {"displayModeBar": False}  # small charts: the toolbar would cover the legend on a phone

athlete = current_athlete()
st.title("Bodyweight", anchor=False)
render_bodyweight_form(athlete)
version = data_access.data_version()
readings = data_access.bodyweights(version, athlete.athlete_id)
if readings.empty:
    st.info(
        "No bodyweight yet. Save one above: it is used for the tonnage of pull-ups, dips, "
        "push-ups and other bodyweight moves.",
        icon=":material/monitor_weight:",
    )
    st.stop()
st.plotly_chart(bodyweight_figure(readings, athlete.unit), key="bw_chart", config=CONFIG)

st.subheader("Tonnage of bodyweight moves", anchor=False)
today = dt.date.today()
weekly = data_access.bodyweight_tonnage(
    version, athlete.athlete_id, today - dt.timedelta(weeks=52), today
)
if weekly.empty:
    st.info("No bodyweight moves (pull-ups, dips, push-ups \u2026) in the last year.")
    st.stop()
st.plotly_chart(tonnage_figure(weekly, athlete.unit), key="bw_tonnage", config=CONFIG)
unknown = int(weekly["unknown_sets"].sum())
st.caption(
    "Load = bodyweight \u00d7 the exercise's share of it (1 for pull-ups and dips, 0.64 for "
    "push-ups, itself an estimate) + added weight \u2212 assistance. A session without a "
    "bodyweight of its own takes your last reading before it: that part is marked as estimated."
    + (
        f" {unknown} sets had no bodyweight at all, so only their added weight counts."
        if unknown
        else ""
    )
)
