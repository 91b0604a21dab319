"""Data: download your log as CSV or the whole database as a backup; import other apps' logs."""

from __future__ import annotations

import streamlit as st

from dashboard import data_access
from dashboard.components.data_views import render_exports, render_import, render_past_imports
from dashboard.components.frame import current_athlete

athlete = current_athlete()
st.title("Data", anchor=False)

st.header("Download", anchor=False)
st.write(
    "Spreadsheet-friendly CSV files: UTF-8, comma-separated, dates as YYYY-MM-DD. A sets file "
    "can be imported again, here or into an empty database."
)
render_exports(athlete)

st.header("Backup", anchor=False)
st.write(
    "One file with everything: athletes, sessions, sets, your own exercises and templates. "
    "Open it with `liftboard serve --db FILE`, or put it back with `liftboard restore`."
)
st.download_button(
    "Download a backup",
    data=data_access.backup_download(),
    file_name="liftboard-backup.duckdb",
    mime="application/octet-stream",
    key="data_backup",
    icon=":material/download:",
    on_click="ignore",
)

st.header("Import", anchor=False)
st.write(
    "Bring your history from Strong, Hevy or FitNotes: export it as CSV in that app and upload "
    "the file. You see what it holds before anything is written; importing the same file again "
    "adds nothing twice."
)
render_import(athlete)

st.subheader("Past imports", anchor=False)
if "data_undone" in st.session_state:
    st.success(st.session_state.pop("data_undone"))
render_past_imports()
