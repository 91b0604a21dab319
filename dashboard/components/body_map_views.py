"""The body map page's detail for one muscle group: its weekly chart and the exercises."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import data_access
from dashboard.components.body_map import describe
from dashboard.components.charts import weekly_sets_figure
from dashboard.components.exercise_history import history_link
from dashboard.components.frame import Athlete

WEEKS = 12
LINKS_SHOWN = 8
CONFIG = {"displayModeBar": False}  # small charts: the toolbar would cover the legend on a phone
ROLE_LABELS = {"primary": "main muscle", "secondary": "helping"}


def exercises_table(exercises: pd.DataFrame) -> pd.DataFrame:
    """What the table shows: exercise, role, sessions, sets, hard sets given, last day."""
    return pd.DataFrame(
        {
            "Exercise": exercises["exercise"],
            "Role": exercises["role"].map(ROLE_LABELS),
            "Sessions": exercises["sessions"],
            "Sets": exercises["sets"],
            "Hard sets": exercises["hard_sets"].round(1),
            "Last done": exercises["last_on"].dt.date,
        }
    )


def render_muscle(athlete: Athlete, group: str, day: dt.date, weeks: pd.DataFrame) -> None:
    """One muscle group: its week in words, its last weeks, and the exercises behind them.

    `weeks` holds the rows of `muscle_weeks` up to `day` (the last week is the one shown).
    """
    rows = weeks[weeks["muscle_group"] == group]
    st.subheader(group.capitalize(), anchor=False)
    if not rows.empty:
        st.write(describe(rows.iloc[-1].to_dict()) + ".")
        volume = weeks.rename(columns={"week_start": "period"})
        st.plotly_chart(weekly_sets_figure(volume, group, "week"), key="body_chart", config=CONFIG)
    start = pd.Timestamp(weeks["week_start"].min()).date() if not weeks.empty else day
    version = data_access.data_version()
    exercises = data_access.muscle_exercises(version, athlete.athlete_id, group, start, day)
    if exercises.empty:
        st.info(f"Nothing trained the {group} in the last {WEEKS} weeks.")
        return
    st.caption(f"The exercises that trained the {group} in the last {WEEKS} weeks:")
    st.dataframe(exercises_table(exercises), hide_index=True, key="body_exercises")
    with st.container(horizontal=True):
        for exercise_id, name in zip(
            exercises["exercise_id"].head(LINKS_SHOWN), exercises["exercise"], strict=False
        ):
            history_link(str(exercise_id), str(name))
