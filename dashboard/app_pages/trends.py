"""Trends: weekly hard sets per muscle group, balance, strength and consistency."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import data_access
from dashboard.components.charts import choose_bucket
from dashboard.components.frame import current_athlete
from dashboard.components.insights import render_insights
from dashboard.components.trends import (
    EARLIEST_DAY,
    PRESETS,
    preset_range,
    range_note,
    render_consistency,
    render_strength,
    render_volume,
)

VIEWS = {"volume": "Volume", "strength": "Strength", "consistency": "Consistency"}

athlete = current_athlete()
st.title("Trends", anchor=False)
today = dt.date.today()
span = data_access.span(data_access.data_version(), athlete.athlete_id)
default = preset_range("12w", span, today)


def _apply_preset() -> None:
    preset = st.session_state.get("tr_preset")
    if preset:
        st.session_state["tr_range"] = preset_range(preset, span, today)


st.segmented_control(
    "Show",
    list(PRESETS),
    default="12w",
    format_func=PRESETS.__getitem__,
    key="tr_preset",
    on_change=_apply_preset,
)
left, right = st.columns([2, 3], vertical_alignment="bottom")
picked = left.date_input(
    "Dates",
    value=default,
    min_value=EARLIEST_DAY,
    max_value=today + dt.timedelta(days=1),
    key="tr_range",
    format="YYYY-MM-DD",
    bind="query-params",
)
start, end = picked if isinstance(picked, tuple) and len(picked) == 2 else default
view = right.segmented_control(
    "View",
    list(VIEWS),
    default="volume",
    format_func=VIEWS.__getitem__,
    key="tr_view",
    width="stretch",
    label_visibility="collapsed",
    bind="query-params",
)
note = range_note(span, today, start, end)
if note:
    st.caption(note)
bucket = choose_bucket(start, end)

if view == "strength":
    render_strength(athlete, start, end)
elif view == "consistency":
    render_consistency(athlete, start, end, bucket)
else:
    render_volume(athlete, start, end, bucket)
render_insights()
