"""Exercises: browse and search the catalog."""

from __future__ import annotations

import streamlit as st

from dashboard import data_access

st.title("Exercises")
catalog = data_access.catalog(data_access.data_version())
query = st.text_input("Search", key="ex_search", placeholder="e.g. deadlift, lats, kettlebell")
if query:
    hay = catalog["name"] + " " + catalog["primary_muscles"].fillna("") + " " + catalog["equipment"]
    catalog = catalog[hay.str.contains(query, case=False, regex=False)]
if catalog.empty:
    st.info("No exercise matches that search.")
    st.stop()
st.caption(f"{len(catalog)} exercises")
st.dataframe(catalog, hide_index=True, key="ex_table")
