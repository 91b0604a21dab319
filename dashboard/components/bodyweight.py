"""The bodyweight page's pieces: the log form, the bodyweight chart and bodyweight tonnage.

Figure builders are pure functions; estimated values are drawn apart from measured ones and
named so in the legend.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import data_access
from dashboard.components.charts import BACK, MAX_POINTS, _layout
from dashboard.components.frame import Athlete
from dashboard.components.units import WEIGHT_STEP
from pipelines.errors import LiftboardError
from pipelines.units import from_kg

ESTIMATED = "#f2b14c"


def bodyweight_figure(readings: pd.DataFrame, unit: str) -> go.Figure:
    """Bodyweight over time in `unit`: logged readings as a line, sessions' own values as dots.

    At most `MAX_POINTS` points per series (the latest of each week beyond that).
    """
    fig = go.Figure()
    styles = {
        "reading": ("logged reading", "lines+markers", {"size": 6, "color": BACK}),
        "session": (
            "logged with a session",
            "markers",
            {"size": 6, "color": "#8a94a6", "symbol": "circle-open"},
        ),
    }
    for source, (name, mode, marker) in styles.items():
        part = readings[readings["source"] == source].sort_values("measured_on")
        if part.empty:
            continue
        if len(part) > MAX_POINTS:
            week = part["measured_on"].dt.to_period("W").dt.start_time
            part = part.assign(week=week).groupby("week", as_index=False).last()
        fig.add_trace(
            go.Scatter(
                x=part["measured_on"],
                y=part["bodyweight_kg"].map(lambda kg: round(from_kg(kg, unit), 1)),
                name=name,
                mode=mode,
                marker=marker,
                line={"color": BACK, "width": 2},
                hovertemplate=f"%{{x|%d %b %Y}}: %{{y}} {unit}<extra>{name}</extra>",
            )
        )
    fig = _layout(fig, y_title=f"bodyweight ({unit})")
    return fig.update_yaxes(rangemode="normal")


def tonnage_figure(weekly: pd.DataFrame, unit: str) -> go.Figure:
    """Weekly tonnage of bodyweight moves, split by where the bodyweight came from.

    The part resting on a bodyweight logged that day, and (stacked on it) the part resting on
    the last reading before it, carried forward: an estimate.
    """
    frame = weekly.tail(MAX_POINTS)
    measured = (frame["tonnage_kg"] - frame["carried_tonnage_kg"]).clip(lower=0)
    fig = go.Figure()
    for values, name, colour in (
        (measured, "bodyweight logged that day", BACK),
        (frame["carried_tonnage_kg"], "estimated: last reading carried forward", ESTIMATED),
    ):
        fig.add_trace(
            go.Bar(
                x=frame["week_start"],
                y=values.map(lambda kg: round(from_kg(kg, unit))),
                name=name,
                marker_color=colour,
                hovertemplate=f"week of %{{x|%d %b %Y}}: %{{y:,}} {unit}<extra>{name}</extra>",
            )
        )
    fig.update_layout(barmode="stack")
    return _layout(fig, y_title=f"tonnage per week ({unit})")


def render_bodyweight_form(athlete: Athlete) -> None:
    """A date and a weight, and Save."""
    today = dt.date.today()
    with (
        st.form("bw_form", border=False),
        st.container(horizontal=True, vertical_alignment="bottom"),
    ):
        day = st.date_input(
            "Day",
            value=today,
            max_value=today + dt.timedelta(days=1),
            key="bw_day",
            format="YYYY-MM-DD",
        )
        weight = st.number_input(
            f"Bodyweight ({athlete.unit})",
            min_value=0.0,
            step=WEIGHT_STEP[athlete.unit],
            format="%g",
            key="bw_weight",
            value=None,
            placeholder="e.g. 80",
        )
        saved = st.form_submit_button("Save", key="bw_save", type="primary", icon=":material/save:")
    if saved:
        if weight is None:
            st.error("Type your bodyweight first.")
            return
        try:
            picked = day if isinstance(day, dt.date) else today
            data_access.log_bodyweight(athlete.athlete_id, picked, weight, athlete.unit)
        except LiftboardError as exc:
            st.error(str(exc))
            return
        st.success(
            f"Saved {weight:g} {athlete.unit} for {picked:%d %b %Y}.",
            icon=":material/check_circle:",
        )
