"""Log: add a set to today's session and see today's sets."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import data_access
from pipelines import logbook
from pipelines.errors import LiftboardError

st.title("Log")
con = data_access.get_connection()
athlete_id = logbook.ensure_athlete(con)
version = data_access.data_version()
names = data_access.catalog(version)["name"].tolist()

with st.form("log_form", clear_on_submit=False):
    day = st.date_input("Day", value=dt.date.today(), key="log_day")
    exercise = st.selectbox("Exercise", names, index=None, key="log_exercise")
    weight = st.number_input("Weight (kg)", min_value=0.0, step=0.5, key="log_weight")
    reps = st.number_input("Reps", min_value=0, step=1, value=8, key="log_reps")
    submitted = st.form_submit_button("Add set", type="primary")

if submitted:
    try:
        logbook.log_entry(
            con, day=day, exercise=exercise or "", athlete=logbook.DEFAULT_ATHLETE,
            weight=weight or None, reps=reps,
        )  # fmt: skip
        st.success(f"Logged {exercise}: {reps} reps at {weight:g} kg.")
        version = data_access.data_version()
    except LiftboardError as exc:
        st.error(str(exc))

today = data_access.day_sets(version, athlete_id, str(day))
if today.empty:
    st.info("No sets logged on this day yet.")
else:
    st.dataframe(today, hide_index=True, key="log_today")
