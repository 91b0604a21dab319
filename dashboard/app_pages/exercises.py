"""Exercises: search and filter the catalog, see an exercise's muscles, add and map your own."""

from __future__ import annotations

import streamlit as st

from dashboard import data_access
from dashboard.components.exercise_history import history_link
from dashboard.components.exercise_views import (
    LOAD_LABELS,
    render_custom_form,
    render_detail,
    render_mapped,
    render_matched,
    render_unmapped,
)
from dashboard.components.tables import filter_catalog, row_of
from pipelines.schemas import LOAD_TYPES, MUSCLE_GROUPS

version = data_access.data_version()
catalog = data_access.catalog(version)
equipment = sorted(e for e in catalog["equipment"].unique() if e)

st.title("Exercises", anchor=False)
message = st.session_state.pop("ex_message", None)
if message:
    st.success(message, icon=":material/check_circle:")
query = st.text_input(
    "Search", key="ex_search", placeholder="Name, alias or muscle: deadlift, Pull Up, lats"
)
left, middle, right = st.columns(3)
muscles = left.multiselect("Muscle group", MUSCLE_GROUPS, key="ex_muscles", bind="query-params")
gear = middle.multiselect("Equipment", equipment, key="ex_equipment")
loads = right.multiselect(
    "Logged as", LOAD_TYPES, key="ex_load", format_func=LOAD_LABELS.__getitem__
)
found = filter_catalog(catalog, query, muscles, gear, loads)
if found.empty:
    st.info("No exercise matches these filters. Clear one, or add the exercise below.")
else:
    st.caption(f"{len(found)} of {len(catalog)} exercises")
    st.dataframe(
        found[["name", "primary_muscles", "secondary_muscles", "equipment", "load_type"]],
        hide_index=True,
        key="ex_table",
        height=320,
        column_config={
            "name": "Exercise",
            "primary_muscles": "Main muscles",
            "secondary_muscles": "Helping muscles",
            "equipment": "Equipment",
            "load_type": "Logged as",
        },
    )
    names = dict(zip(found["exercise_id"], found["name"], strict=True))
    picked = st.selectbox(
        "Show one exercise", list(names), format_func=names.__getitem__, key="ex_pick"
    )
    render_detail(
        row_of(found, "exercise_id", picked), data_access.variations(version, (str(picked),))
    )
    history_link(str(picked), "Your history with it")

st.header("Add your own exercise", anchor=False)
render_custom_form(equipment)

st.header("Imported names to map", anchor=False)
render_unmapped(data_access.unmapped(version), catalog)
render_mapped(data_access.mapped(version))
render_matched(data_access.matched_names(version))
