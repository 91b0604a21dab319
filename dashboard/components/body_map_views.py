"""The body map page's detail for one muscle group: its weekly chart and the exercises."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import data_access
from dashboard.components.body_map import describe
from dashboard.components.charts import volume_by_bucket, weekly_sets_figure
from dashboard.components.frame import Athlete

WEEKS = 12
LINKS_SHOWN = 8
CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}
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


def render_muscle(athlete: Athlete, group: str, day: dt.date, week: pd.DataFrame) -> None:
    """One muscle group: its week in words, the last 12 weeks, and the exercises behind them."""
    row = week[week["muscle_group"] == group]
    st.subheader(group.capitalize(), anchor=False)
    if not row.empty:
        st.write(describe(row.iloc[0].to_dict()) + ".")
    version = data_access.data_version()
    monday = day - dt.timedelta(days=day.weekday())
    start = monday - dt.timedelta(weeks=WEEKS - 1)
    status = data_access.volume_status(version, athlete.athlete_id, start, day)
    if not status.empty:
        volume = volume_by_bucket(status, "week")
        st.plotly_chart(weekly_sets_figure(volume, group, "week"), key="body_chart", config=CONFIG)
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
            st.page_link(
                "app_pages/exercise.py",
                label=str(name),
                icon=":material/history:",
                query_params={"exercise": str(exercise_id)},
            )
