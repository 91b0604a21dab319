"""Workout: the beginner back-and-legs circuit explained, with its anatomy and an editor."""

from __future__ import annotations

import streamlit as st

from dashboard import data_access
from dashboard.components.circuit import begin
from dashboard.components.insights import render_circuit_coaching
from dashboard.components.tables import row_of
from dashboard.components.workout import (
    render_anatomy,
    render_editor,
    render_guide,
    render_overview,
    render_rounds,
)

TEMPLATE_ID = "beginner_back_legs"

version = data_access.data_version()
templates = data_access.templates(version)
if TEMPLATE_ID not in set(templates["template_id"]):
    st.info("The beginner back-and-legs template is missing from this database.")
    st.stop()
template = row_of(templates, "template_id", TEMPLATE_ID)
items = data_access.template_exercises(version, TEMPLATE_ID)
variations = data_access.variations(version, tuple(items["exercise_id"].unique()))

st.title(str(template["name"]), anchor=False)
render_overview(template)
if st.button("Start this workout", key="wo_start", type="primary", icon=":material/play_arrow:"):
    begin(TEMPLATE_ID)
    st.switch_page("app_pages/log_sets.py")
render_rounds(items, variations)
render_circuit_coaching()
render_guide()

st.header("The muscles involved", anchor=False)
st.write(
    "The muscles this workout is about, the muscle group each one counts towards in Liftboard's "
    "weekly volume, and which of the moves above train it."
)
render_anatomy(data_access.anatomy(version, TEMPLATE_ID), items)

st.header("Your version", anchor=False)
if st.toggle("Edit the template", key="wo_edit"):
    names = data_access.catalog(version)["name"].tolist()
    render_editor(TEMPLATE_ID, template, items, names)
