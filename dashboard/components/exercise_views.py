"""The Exercises page's pieces: one exercise in detail and the custom-exercise form."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data_access
from dashboard.components.units import DASH
from dashboard.components.workout import KIND_LABELS
from pipelines.errors import LiftboardError
from pipelines.schemas import LOAD_TYPES, MUSCLE_GROUPS

LOAD_LABELS = {
    "weighted": "Weighted",
    "bodyweight": "Bodyweight",
    "weighted_bodyweight": "Bodyweight plus added weight",
    "assisted": "Assisted bodyweight",
    "timed": "Timed (seconds)",
    "distance": "Distance",
}


def render_detail(row: dict[str, Any], variations: pd.DataFrame) -> None:
    """One exercise: muscles, how it is loaded, aliases, stance, cues and variations."""
    with st.container(border=True):
        st.markdown(f"**{row['name']}**")
        facts = [
            f"**Main muscles:** {row['primary_muscles'] or DASH}",
            f"**Helping muscles:** {row['secondary_muscles'] or DASH}",
            f"**Equipment:** {row['equipment'] or 'none listed'} · "
            f"**Logged as:** {LOAD_LABELS.get(str(row['load_type']), row['load_type'])}"
            + (" · one side at a time" if row["unilateral"] else ""),
        ]
        if row["aliases"]:
            facts.append(f"**Also called:** {row['aliases']}")
        if row["stance"]:
            facts.append(f"**Stance:** {row['stance']}")
        st.markdown("  \n".join(facts))
        if row["cues"]:
            st.caption(str(row["cues"]))
        for v in variations.itertuples():
            st.markdown(
                f"- *{KIND_LABELS.get(str(v.kind), v.kind)}: {v.variation}.* {v.description}"
            )


def _muscles(label: str, key: str) -> list[str]:
    return st.multiselect(label, MUSCLE_GROUPS, key=key, placeholder="Choose muscle groups")


def render_custom_form(equipment: Sequence[str]) -> None:
    """A form to add an exercise the catalog lacks, with the muscles it works."""
    with st.form("ex_new_form", clear_on_submit=False):
        name = st.text_input("Name", key="ex_new_name", max_chars=200)
        left, right = st.columns(2)
        load_type = left.selectbox(
            "Logged as", LOAD_TYPES, format_func=LOAD_LABELS.__getitem__, key="ex_new_load"
        )
        gear = right.selectbox(
            "Equipment", ["", *equipment], key="ex_new_equipment", format_func=lambda e: e or "none"
        )
        primary = _muscles("Main muscles", "ex_new_primary")
        secondary = _muscles("Helping muscles (count half a set)", "ex_new_secondary")
        unilateral = st.checkbox("One side at a time", key="ex_new_unilateral")
        submitted = st.form_submit_button("Add exercise", key="ex_new_add", type="primary")
    if submitted:
        try:
            data_access.add_custom_exercise(
                name,
                primary,
                secondary,
                str(load_type),
                equipment=gear or "",
                unilateral=unilateral,
            )
            st.session_state["ex_message"] = (
                f"Added {name.strip()}. It is in the search on the Log page now."
            )
            st.rerun()  # so the catalog above lists it at once
        except LiftboardError as exc:
            st.error(str(exc))


def render_unmapped(unmapped: pd.DataFrame, catalog: pd.DataFrame) -> None:
    """Imported names the catalog did not recognise, and a form to say what each one is."""
    if unmapped.empty:
        st.caption(
            "Nothing to map. Exercise names from imported files that Liftboard does not "
            "recognise appear here, so their sets can count towards muscles."
        )
        return
    st.dataframe(
        unmapped[["name", "sets"]].rename(columns={"name": "Imported name", "sets": "Sets"}),
        hide_index=True,
        key="ex_unmapped_table",
    )
    names = dict(zip(unmapped["exercise_id"], unmapped["name"], strict=True))
    # Only catalog exercises: another imported name has no muscles to give.
    shipped = catalog[catalog["source"].isin(["catalog", "liftboard"])]
    targets = dict(zip(shipped["exercise_id"], shipped["name"], strict=True))
    with st.form("ex_map_form"):
        custom = st.selectbox(
            "Imported name", list(names), format_func=names.__getitem__, key="ex_map_custom"
        )
        target = st.selectbox(
            "Is the same as",
            list(targets),
            index=None,
            format_func=targets.__getitem__,
            key="ex_map_target",
            placeholder="Search the catalog",
        )
        submitted = st.form_submit_button("Map it", key="ex_map_save", type="primary")
    if submitted:
        if target is None:
            st.error("Choose the catalog exercise it is the same as.")
            return
        try:
            data_access.map_exercise(str(custom), str(target))
            st.session_state["ex_message"] = (
                f"{names[custom]} is now {targets[target]}: its sets, records and e1RM "
                "continue that exercise's history."
            )
            st.rerun()  # so the list above no longer shows it
        except LiftboardError as exc:
            st.error(str(exc))


def render_mapped(mapped: pd.DataFrame) -> None:
    """Names already mapped onto a catalog exercise, with a way to undo one."""
    if mapped.empty:
        return
    st.subheader("Mapped names", anchor=False)
    st.caption("Each counts as its catalog exercise: same sets, records and e1RM history.")
    st.dataframe(
        mapped[["name", "target_name", "sets"]].rename(
            columns={"name": "Imported name", "target_name": "Counts as", "sets": "Sets"}
        ),
        hide_index=True,
        key="ex_mapped_table",
    )
    names = dict(zip(mapped["exercise_id"], mapped["name"], strict=True))
    with st.form("ex_unmap_form"):
        custom = st.selectbox(
            "Mapped name", list(names), format_func=names.__getitem__, key="ex_unmap_custom"
        )
        submitted = st.form_submit_button("Unmap it", key="ex_unmap_save")
    if submitted:
        try:
            back = data_access.unmap_exercise(str(custom))
            st.session_state["ex_message"] = (
                f"{names[custom]} is its own exercise again, with its {back} set(s); "
                "map it below when you know what it is."
            )
            st.rerun()
        except LiftboardError as exc:
            st.error(str(exc))


MATCH_LABELS = {
    "structure": "Same movement and equipment",
    "variant": "Same movement, extra words set aside",
    "fuzzy": "Misspelling corrected",
    "context": "Decided by its sessions",
    "ambiguous": "Left for you to map",
    "mapped": "Mapped by you",
}


def render_matched(matched: pd.DataFrame) -> None:
    """How imported names that were not an exact name or alias were matched."""
    if matched.empty:
        return
    st.subheader("Names matched automatically", anchor=False)
    st.caption(
        "Names in your imports that matched by their movement rather than their exact name, "
        "and how; a name left for you is in the list to map above."
    )
    shown = pd.DataFrame(
        {
            "Imported name": matched["name"],
            "Counts as": matched["exercise_name"].fillna(DASH),
            "How": matched["method"].map(MATCH_LABELS).fillna(matched["method"]),
            "Why": matched["detail"],
        }
    )
    st.dataframe(shown, hide_index=True, key="ex_matched_table")
