"""The exercise history page's pieces: tables of sessions and rep records, and the page body.

Table builders are pure functions from the marts of `pipelines/exercise_history.py` to what a
lifter reads (weights in their unit); `render_exercise_history` draws the page body.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import data_access
from dashboard.components.charts import e1rm_figure
from dashboard.components.frame import Athlete
from dashboard.components.units import DASH, TIMES, number
from pipelines.exercise_history import days_since
from pipelines.units import from_kg

CHART_CONFIG = {"displayModeBar": False}  # the toolbar would cover the legend on a phone
ABOUT = "\u2248"  # tonnage resting on an estimated bodyweight load
SESSIONS_SHOWN = 200  # the newest sessions in the table; the chart covers the whole history


def _weight(kg: object, unit: str) -> str:
    value = number(kg)
    return DASH if value is None else f"{round(from_kg(value, unit), 1):g}"


def sessions_table(sessions: pd.DataFrame, unit: str, limit: int = SESSIONS_SHOWN) -> pd.DataFrame:
    """One row per session, newest first: date, sets, top set, best e1RM and tonnage.

    Tonnage resting on an estimated bodyweight load is marked with `\u2248`.
    """
    rows = sessions.head(limit)
    top = [
        DASH if number(kg) is None else f"{_weight(kg, unit)} {TIMES} {int(reps)}"
        for kg, reps in zip(rows["top_weight_kg"], rows["top_reps"].fillna(0), strict=True)
    ]
    tonnage = [
        f"{ABOUT if estimated else ''}{round(from_kg(kg, unit)):,}"
        for kg, estimated in zip(rows["tonnage_kg"], rows["tonnage_estimated"], strict=True)
    ]
    return pd.DataFrame(
        {
            "Date": rows["performed_on"].dt.date,
            f"Sets ({unit} {TIMES} reps)": rows["sets_text"],
            "Top set": top,
            f"Best e1RM ({unit})": [_weight(kg, unit) for kg in rows["best_e1rm_kg"]],
            f"Tonnage ({unit})": tonnage,
        }
    )


def rep_records_table(records: pd.DataFrame, unit: str) -> pd.DataFrame:
    """1RM to 12RM: the best load for each rep count, the set behind it and its day."""
    return pd.DataFrame(
        {
            "Reps": [f"{int(r)}RM" for r in records["rep_count"]],
            f"Best ({unit})": [_weight(kg, unit) for kg in records["weight_kg"]],
            "Set": [
                DASH if number(kg) is None else f"{_weight(kg, unit)} {TIMES} {int(reps)}"
                for kg, reps in zip(records["weight_kg"], records["reps"].fillna(0), strict=True)
            ],
            "Day": [DASH if pd.isna(d) else f"{d:%Y-%m-%d}" for d in records["achieved_on"]],
        }
    )


def e1rm_points(sessions: pd.DataFrame) -> pd.DataFrame:
    """The sessions with an estimated one-rep max, as the e1RM chart takes them."""
    found = sessions[sessions["best_e1rm_kg"].notna()]
    return found[["performed_on"]].assign(e1rm_kg=found["best_e1rm_kg"])


def history_link(exercise_id: str, label: str) -> None:
    """A link to the exercise history page of one exercise (`/exercise?exercise=<id>`)."""
    st.page_link(
        "app_pages/exercise.py",
        label=label,
        icon=":material/history:",
        query_params={"exercise": exercise_id},
    )


def render_exercise_history(athlete: Athlete, exercise_id: str, name: str) -> None:
    """Summary metrics, the e1RM chart, rep records and every session of one exercise."""
    version = data_access.data_version()
    sessions = data_access.exercise_sessions(version, athlete.athlete_id, exercise_id, athlete.unit)
    if sessions.empty:
        st.info(f"{athlete.name} has not logged {name} yet.", icon=":material/history:")
        return
    records = data_access.exercise_records(version, athlete.athlete_id, exercise_id)
    last = None if records.empty else pd.Timestamp(records["achieved_on"].max()).date()
    best = sessions["best_e1rm_kg"].max()
    with st.container(horizontal=True, gap="medium"):
        st.metric("Sessions", len(sessions), width="content")
        st.metric("Last done", f"{sessions['performed_on'].iloc[0]:%d %b %Y}", width="content")
        st.metric(f"Best e1RM ({athlete.unit})", _weight(best, athlete.unit), width="content")
        st.metric("Last record", days_since(last, dt.date.today()), width="content")
    estimates = e1rm_points(sessions)
    if not estimates.empty:
        st.subheader("Estimated one-rep max", anchor=False)
        stars = records[records["record"] == "best_e1rm"]
        st.plotly_chart(
            e1rm_figure(estimates, stars, athlete.unit), key="xh_e1rm", config=CHART_CONFIG
        )
        st.caption("Epley's formula on sets of 1 to 10 reps; stars mark records.")
    reps = data_access.rep_records(version, athlete.athlete_id, exercise_id)
    if reps["weight_kg"].notna().any():
        st.subheader("Rep records", anchor=False)
        st.caption("The heaviest load lifted for at least that many reps.")
        st.dataframe(rep_records_table(reps, athlete.unit), hide_index=True, key="xh_reps")
    st.subheader("Every session", anchor=False)
    st.dataframe(
        sessions_table(sessions, athlete.unit),
        hide_index=True,
        key="xh_sessions",
        column_config={
            f"Sets ({athlete.unit} {TIMES} reps)": st.column_config.TextColumn(width="large")
        },
    )
    notes = ["a `w` marks a warm-up"]
    if bool(sessions["tonnage_estimated"].any()):
        notes.append("\u2248 marks tonnage that rests on your bodyweight (an estimate)")
    if len(sessions) > SESSIONS_SHOWN:
        notes.append(f"the newest {SESSIONS_SHOWN} of {len(sessions)} sessions are listed")
    st.caption("In the sets, " + "; ".join(notes) + ".")
