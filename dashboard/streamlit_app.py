"""Liftboard's entrypoint: page setup, navigation and the shared sidebar."""

from __future__ import annotations

import streamlit as st

from dashboard import data_access
from pipelines.errors import LiftboardError

st.set_page_config(page_title="Liftboard", page_icon=":material/fitness_center:", layout="wide")

try:
    data_access.get_connection()
except LiftboardError as exc:
    st.error(str(exc))
    st.stop()

pages = {
    "Train": [
        st.Page(
            "app_pages/log_sets.py", title="Log", icon=":material/edit_note:",
            url_path="log", default=True,
        ),
    ],
    "Reference": [
        st.Page(
            "app_pages/exercises.py", title="Exercises", icon=":material/menu_book:",
            url_path="exercises",
        ),
    ],
}  # fmt: skip
page = st.navigation(pages)
st.sidebar.caption(f"Database: `{data_access.db_path()}`")
page.run()
