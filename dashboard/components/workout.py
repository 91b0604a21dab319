"""The Workout page's pieces: exercise cards, the anatomy section and the template editor."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data_access
from dashboard.components.body_map import anatomy_svg
from dashboard.components.tables import row_dicts
from dashboard.components.units import DASH, TIMES, number, prescription
from pipelines.errors import LiftboardError

KIND_LABELS = {"easier": "Easier", "harder": "Harder", "equipment": "Other equipment"}
EDIT_COLUMNS = ["round_no", "position", "exercise", "reps", "seconds", "per_side", "notes"]


def render_exercise(item: dict[str, Any], variations: pd.DataFrame) -> None:
    """One exercise slot: prescription, muscles, stance, equipment, cues and variations."""
    goal = prescription(number(item["reps"]), number(item["seconds"]), bool(item["per_side"]))
    with st.container(border=True):
        st.markdown(f"**{item['name']}** · {goal}")
        facts = [
            f":material/target: **Main muscles:** {item['primary_muscles'] or DASH}",
            f":material/add_circle: **Helping muscles:** {item['secondary_muscles'] or DASH}",
            f":material/fitness_center: **Equipment:** {item['equipment'] or 'none'}",
        ]
        if item["stance"]:
            facts.append(f":material/footprint: **Stance:** {item['stance']}")
        st.markdown("  \n".join(facts))
        if item["cues"]:
            st.caption(str(item["cues"]))
        if item["notes"]:
            st.caption(f":material/info: {item['notes']}")
        mine = variations[variations["exercise_id"] == item["exercise_id"]]
        if not mine.empty:
            lines = [
                f"- *{KIND_LABELS.get(str(v.kind), str(v.kind))}: {v.variation}.* {v.description}"
                for v in mine.itertuples()
            ]
            st.markdown("\n".join(lines))


def group_roles(items: pd.DataFrame) -> dict[str, str]:
    """Each muscle group the template trains: `primary` when any move has it as a main muscle."""
    roles: dict[str, str] = {}
    for column, role in (("secondary_muscles", "secondary"), ("primary_muscles", "primary")):
        for text in items[column].fillna(""):
            roles.update({g.strip(): role for g in str(text).split(",") if g.strip()})
    return roles


def anatomy_names(anatomy: pd.DataFrame) -> str:
    """The named muscles per group: `calves = gastrocnemius and soleus; lats = ...`."""
    named: dict[str, list[str]] = {}
    for row in row_dicts(anatomy):
        if row["muscle"] != row["muscle_group"]:  # "hamstrings = hamstrings" says nothing
            named.setdefault(str(row["muscle_group"]), []).append(str(row["muscle"]))
    return "; ".join(f"{group} = {' and '.join(names)}" for group, names in named.items())


def render_anatomy(anatomy: pd.DataFrame, items: pd.DataFrame) -> None:
    """The named muscles: their group, where they sit, and this workout's moves that train them."""
    figure, words = st.columns(2)
    figure.image(anatomy_svg(group_roles(items), anatomy["muscle"]), width="stretch")
    figure.caption(f"In Liftboard's muscle groups: {anatomy_names(anatomy)}.")
    with words:
        for row in row_dicts(anatomy):
            main, helps = row["primary_in_workout"], row["secondary_in_workout"]
            trained = [f"main muscle in {main}"] if main else []
            trained += [f"helps in {helps}"] if helps else []
            here = "; ".join(trained) if trained else "not trained by this workout"
            st.markdown(
                f"**{str(row['muscle']).capitalize()}** counts as *{row['muscle_group']}* "
                f"({row['region']}). {row['description']}  \n"
                f":material/subdirectory_arrow_right: Here: {here}."
            )
    st.caption("Every catalog exercise for a muscle group:")
    with st.container(horizontal=True):
        for group in dict.fromkeys(anatomy["muscle_group"]):
            st.page_link(
                "app_pages/exercises.py",
                label=str(group),
                icon=":material/arrow_forward:",
                query_params={"ex_muscles": str(group)},
            )


def render_editor(
    template_id: str, template: dict[str, Any], items: pd.DataFrame, exercise_names: list[str]
) -> None:
    """Edit the template's slots, passes and rest; saving makes the template your own."""
    rows = items.rename(columns={"name": "exercise"})[EDIT_COLUMNS]
    with st.form("wo_edit_form"):
        left, right = st.columns(2)
        passes = left.number_input(
            "Passes per round", 1, 20, int(template["passes_per_round"]), key="wo_passes"
        )
        rest = right.number_input(
            "Rest after a pass (s)", 0, 3600, int(template["rest_s"]), 5, key="wo_rest"
        )
        edited = st.data_editor(
            rows,
            key="wo_editor",
            num_rows="dynamic",
            hide_index=True,
            width="stretch",
            column_config={
                "round_no": st.column_config.NumberColumn(
                    "Round (0 = add-on)", min_value=0, max_value=50, step=1, required=True
                ),
                "position": st.column_config.NumberColumn("Order", min_value=1, step=1),
                "exercise": st.column_config.SelectboxColumn(
                    "Exercise", options=exercise_names, required=True, width="medium"
                ),
                "reps": st.column_config.NumberColumn("Reps", min_value=1, step=1),
                "seconds": st.column_config.NumberColumn("Seconds", min_value=1, step=1),
                "per_side": st.column_config.CheckboxColumn("Per side"),
                "notes": st.column_config.TextColumn("Notes", max_chars=500),
            },
        )
        saved = st.form_submit_button("Save template", key="wo_save", type="primary")
    if saved:
        try:
            count = data_access.save_template(template_id, edited, int(passes), int(rest))
            st.success(f"Saved {count} exercise slots. This template is now your own version.")
        except LiftboardError as exc:
            st.error(str(exc))


def render_overview(template: dict[str, Any]) -> None:
    """What the workout is, how long it takes and how its rounds run."""
    st.write(
        "A short circuit for the legs, back, core and shoulders that needs little more than "
        "one dumbbell or kettlebell and a patch of floor."
    )
    with st.container(horizontal=True, gap="medium"):  # a row that wraps on a phone
        minutes = f"{template['minutes_min']}{DASH}{template['minutes_max']} min"
        st.metric("Time", minutes, width="content")
        st.metric("Rounds", int(template["rounds"]), width="content")
        st.metric("Each round", f"{template['passes_per_round']}{TIMES}", width="content")
        st.metric("Rest", f"{template['rest_s']} s", width="content")
    st.markdown(
        "1. Go through the exercises of a round one after the other, without a break.\n"
        f"2. Take a {template['rest_s']}-second breather, then go through the same round "
        f"again ({template['passes_per_round']} times in all).\n"
        "3. Move on to the next round; you are done after the last pass of round "
        f"{template['rounds']}."
    )
    st.info(str(template["defaults_note"]), icon=":material/tune:")
    if template["source"] == "custom":
        st.caption(":material/edit: You edited this template; catalog updates leave it alone.")


def render_rounds(items: pd.DataFrame, variations: pd.DataFrame) -> None:
    """Every round's exercises in order, then the optional add-ons."""
    main = items[items["role"] == "main"]
    for round_no in dict.fromkeys(main["round_no"]):
        st.subheader(f"Round {round_no}", anchor=False)
        _in_pairs(row_dicts(main[main["round_no"] == round_no]), variations)
    addons = row_dicts(items[items["role"] == "addon"])
    if addons:
        st.subheader("Optional add-ons", anchor=False)
        st.caption("Add these at the end when you want more back work.")
        _in_pairs(addons, variations)


def render_guide() -> None:
    """Stances and when to make the workout harder."""
    st.subheader("Stances", anchor=False)
    st.markdown(
        "- **Hip-width:** feet straight below the hips.\n"
        "- **Shoulder-width:** feet below the shoulders, the usual squatting stance.\n"
        "- **Wide:** feet roughly 60 to 90 cm (2 to 3 ft) apart, more for taller people."
    )
    st.subheader("Making it harder", anchor=False)
    st.write(
        "Begin light so you can learn the moves. Once the circuit feels familiar, usually "
        "after three or four weeks, pick a heavier weight or add a resistance band. The "
        "Trends page suggests when."
    )


def _in_pairs(items: list[dict[str, Any]], variations: pd.DataFrame) -> None:
    """Exercise cards two to a row (they stack on a phone)."""
    for start in range(0, len(items), 2):
        pair = items[start : start + 2]
        for column, item in zip(st.columns(2), pair, strict=False):
            with column:
                render_exercise(item, variations)
