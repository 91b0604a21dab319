"""Exercise history: every session of one lift, its rep records and estimated one-rep max.

The exercise is in the address as `?exercise=<id>`, so other pages can link to it.
"""

from __future__ import annotations

import streamlit as st

from dashboard import data_access
from dashboard.components.exercise_history import render_exercise_history
from dashboard.components.frame import current_athlete


def _to_address() -> None:
    st.query_params["exercise"] = str(st.session_state["xh_exercise"])


athlete = current_athlete()
version = data_access.data_version()
done = data_access.athlete_exercises(version, athlete.athlete_id)
names = dict(zip(done["exercise_id"], done["exercise"], strict=True))
wanted = st.query_params.get("exercise")
if wanted and wanted not in names:  # a catalog exercise not done yet still gets its page
    catalog = data_access.catalog(version)
    known = catalog[catalog["exercise_id"] == wanted]
    if not known.empty:
        names[wanted] = str(known["name"].iloc[0])
if wanted in names and st.session_state.get("xh_seen") != wanted:  # a link was followed
    st.session_state["xh_exercise"] = st.session_state["xh_seen"] = wanted
if names and st.session_state.get("xh_exercise") not in names:  # e.g. another athlete's
    st.session_state["xh_exercise"] = next(iter(names))

st.title("Exercise history", anchor=False)
if not names:
    st.info(
        "No exercises logged yet. Log a set on the Log page, then its history shows here.",
        icon=":material/history:",
    )
    st.stop()
exercise = str(
    st.selectbox(
        "Exercise",
        list(names),
        key="xh_exercise",
        format_func=names.__getitem__,
        on_change=_to_address,
    )
)
render_exercise_history(athlete, exercise, names[exercise])
