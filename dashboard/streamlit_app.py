"""Liftboard's entrypoint: page setup, navigation and the shared sidebar."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import data_access
from dashboard.components import frame, sign_in
from pipelines.errors import LiftboardError

# A local SVG becomes a data: URL, so the browser asks no other host for the tab's icon.
FAVICON = Path(__file__).with_name("static") / "favicon.svg"

st.set_page_config(page_title="Liftboard", page_icon=FAVICON, layout="wide")
if not sign_in.signed_in():  # with a password set, nothing below runs before signing in
    st.stop()

pages = {
    "Train": [
        st.Page(
            "app_pages/log_sets.py",
            title="Log",
            icon=":material/edit_note:",
            url_path="log",
            default=True,
        ),
        st.Page(
            "app_pages/workout.py",
            title="Workout",
            icon=":material/directions_run:",
            url_path="workout",
        ),
    ],
    "Analyse": [
        st.Page(
            "app_pages/trends.py",
            title="Trends",
            icon=":material/monitoring:",
            url_path="trends",
        ),
        st.Page(
            "app_pages/exercise.py",
            title="Exercise history",
            icon=":material/history:",
            url_path="exercise",
        ),
        st.Page(
            "app_pages/body.py",
            title="Body map",
            icon=":material/accessibility_new:",
            url_path="body",
        ),
        st.Page(
            "app_pages/bodyweight.py",
            title="Bodyweight",
            icon=":material/monitor_weight:",
            url_path="bodyweight",
        ),
    ],
    "Manage": [
        st.Page(
            "app_pages/exercises.py",
            title="Exercises",
            icon=":material/menu_book:",
            url_path="exercises",
        ),
        st.Page(
            "app_pages/data.py",
            title="Data",
            icon=":material/database:",
            url_path="data",
        ),
    ],
}
page = st.navigation(pages)
try:
    data_access.get_connection()
    frame.render_sidebar()
except LiftboardError as exc:
    st.error(str(exc))
    st.stop()
try:
    page.run()
except LiftboardError as exc:  # a failure the user can act on: a sentence, never a traceback
    st.error(str(exc))
