"""Trends: weekly hard sets per muscle group, balance, strength and consistency."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard.components.charts import choose_bucket
from dashboard.components.frame import current_athlete
from dashboard.components.trends import render_consistency, render_strength, render_volume

VIEWS = {"volume": "Volume", "strength": "Strength", "consistency": "Consistency"}

athlete = current_athlete()
st.title("Trends", anchor=False)
today = dt.date.today()
monday = today - dt.timedelta(days=today.weekday())
default = (monday - dt.timedelta(weeks=11), today)  # this week and the 11 before it
left, right = st.columns([2, 3], vertical_alignment="bottom")
picked = left.date_input(
    "Dates", value=default, max_value=today + dt.timedelta(days=1), key="tr_range",
    format="YYYY-MM-DD", bind="query-params",
)  # fmt: skip
start, end = picked if isinstance(picked, tuple) and len(picked) == 2 else default
view = right.segmented_control(
    "View", list(VIEWS), default="volume", format_func=VIEWS.__getitem__, key="tr_view",
    width="stretch", label_visibility="collapsed", bind="query-params",
)  # fmt: skip
bucket = choose_bucket(start, end)

if view == "strength":
    render_strength(athlete, start, end)
elif view == "consistency":
    render_consistency(athlete, start, end, bucket)
else:
    render_volume(athlete, start, end, bucket)
