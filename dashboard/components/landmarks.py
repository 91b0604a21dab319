"""The landmark editor: an athlete's own weekly set landmarks per muscle group, or the defaults."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data_access
from dashboard.components.frame import Athlete
from dashboard.components.units import DASH, number
from pipelines.errors import LiftboardError

LANDMARK_LABELS = {
    "mv_sets": "MV",
    "mev_sets": "MEV",
    "mav_low_sets": "MAV from",
    "mav_high_sets": "MAV to",
    "mrv_sets": "MRV",
}
SOURCE_LABELS = {"athlete": "yours", "default": "default", "none": "none set"}


def landmarks_table(landmarks: pd.DataFrame) -> pd.DataFrame:
    """What the table shows: muscle group, MV, MEV, the MAV range, MRV and whose values."""

    def shown(value: object) -> str:
        n = number(value)
        return DASH if n is None else f"{n:g}"

    return pd.DataFrame(
        {
            "Muscle group": landmarks["muscle_group"],
            **{label: landmarks[c].map(shown) for c, label in LANDMARK_LABELS.items()},
            "Values": landmarks["source"].map(SOURCE_LABELS),
        }
    )


def landmarks_link() -> None:
    """A link to the landmark editor (on the body map page)."""
    st.page_link(
        "app_pages/body.py",
        label="Edit your landmarks",
        icon=":material/tune:",
        query_params={"landmarks": "true"},
    )


def _fill(landmarks: pd.DataFrame) -> None:
    """Put the chosen group's landmarks into the inputs."""
    group = st.session_state.get("lm_group")
    row = landmarks[landmarks["muscle_group"] == group]
    for column in LANDMARK_LABELS:
        value = None if row.empty else number(row[column].iloc[0])
        st.session_state[f"lm_{column}"] = value


def render_landmark_editor(athlete: Athlete) -> None:
    """The landmarks that apply; change one muscle group's, or reset one or all to defaults."""
    landmarks = data_access.landmarks(data_access.data_version(), athlete.athlete_id)
    st.dataframe(landmarks_table(landmarks), hide_index=True, key="lm_table")
    groups = landmarks["muscle_group"].tolist()
    if st.session_state.get("lm_group") not in groups:
        st.session_state["lm_group"] = groups[0]
        _fill(landmarks)
    group = str(
        st.selectbox(
            "Muscle group to change", groups, key="lm_group", on_change=_fill, args=(landmarks,)
        )
    )
    with st.form("lm_form", border=False):
        with st.container(horizontal=True):
            for column, label in LANDMARK_LABELS.items():
                st.number_input(
                    label,
                    min_value=0.0,
                    max_value=100.0,
                    step=1.0,
                    format="%g",
                    key=f"lm_{column}",
                    placeholder=DASH,
                )
        saved = st.form_submit_button(f"Save {group}", key="lm_save", type="primary")
    if saved:
        entry = {
            "muscle_group": group,
            **{c: st.session_state.get(f"lm_{c}") for c in LANDMARK_LABELS},
        }
        try:
            data_access.save_landmarks(athlete.athlete_id, pd.DataFrame([entry]))
        except LiftboardError as exc:
            st.error(str(exc))
        else:
            _done(f"Saved your landmarks for {group}.")
    own = landmarks.loc[landmarks["source"] == "athlete", "muscle_group"].tolist()
    with st.container(horizontal=True):
        if st.button(
            f"Reset {group} to the default", key="lm_reset_one", disabled=group not in own
        ):
            data_access.reset_landmarks(athlete.athlete_id, [group])
            _done(f"{group.capitalize()} is back to the default landmarks.")
        if st.button("Reset all to the defaults", key="lm_reset_all", disabled=not own):
            count = data_access.reset_landmarks(athlete.athlete_id, None)
            _done(f"Back to the defaults for {count} muscle group(s).")
    message = st.session_state.pop("lm_message", None)
    if message:
        st.success(message, icon=":material/check_circle:")


def _done(message: str) -> None:
    st.session_state["lm_message"] = message
    st.session_state.pop("lm_group", None)  # the inputs refill from the stored values
    st.rerun()
