"""Circuit mode on the Log page: round by round, one tap per exercise, a rest countdown."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data_access
from dashboard.components.circuit_plan import (
    CircuitState,
    advance,
    mark_done,
    seconds_left,
    start_circuit,
)
from dashboard.components.frame import Athlete
from dashboard.components.tables import prefill, row_dicts, row_of
from dashboard.components.units import WEIGHT_STEP, number, prescription
from pipelines.errors import LiftboardError

STATE_KEY = "log_circuit"
LOADED = ("weighted", "weighted_bodyweight")


def begin(template_id: str) -> None:
    """Put the Log page into circuit mode for a template (kept if already under way)."""
    current: CircuitState | None = st.session_state.get(STATE_KEY)
    st.session_state["log_mode"] = "circuit"
    if current is not None and current.template_id == template_id and not current.finished:
        return
    version = data_access.data_version()
    template = row_of(data_access.templates(version), "template_id", template_id)
    items = data_access.template_exercises(version, template_id)
    rounds = items.loc[items["role"] == "main", "round_no"].tolist()
    st.session_state[STATE_KEY] = start_circuit(
        template_id,
        str(template["name"]),
        rounds,
        int(template["passes_per_round"]),
        int(template["rest_s"]),
    )


def _skip_rest() -> None:
    state: CircuitState | None = st.session_state.get(STATE_KEY)
    if state is not None:
        st.session_state[STATE_KEY] = advance(state)


def _leave() -> None:
    st.session_state.pop(STATE_KEY, None)


@st.fragment(run_every=1)
def _rest_timer() -> None:
    state: CircuitState | None = st.session_state.get(STATE_KEY)
    if state is None or not state.resting:
        return
    left = seconds_left(state, time.time())
    if left == 0:
        st.session_state[STATE_KEY] = advance(state)
        st.rerun()
    st.metric("Rest", f"{left} s", border=True)
    st.progress(left / max(state.rest_s, 1), text="Next: " + advance(state).label)


def render_circuit(athlete: Athlete, day: dt.date) -> None:
    """Choose a template to start, or show the current round with a Done per exercise."""
    state: CircuitState | None = st.session_state.get(STATE_KEY)
    if state is None:
        _render_start()
        return
    items = data_access.template_exercises(data_access.data_version(), state.template_id)
    st.progress(state.progress, text=f"**{state.name}** · {state.label}")
    if state.finished:
        st.success("Every round is done. Well trained!", icon=":material/emoji_events:")
    elif state.resting:
        _rest_timer()
        st.button("Skip rest", key="log_circuit_skip", on_click=_skip_rest, width="stretch")
    else:
        current = items[(items["role"] == "main") & (items["round_no"] == state.round_no)]
        last = data_access.last_sets(
            data_access.data_version(), athlete.athlete_id, tuple(current["exercise_id"])
        )
        for item in row_dicts(current):
            _exercise_card(athlete, day, state, item, current, last)
    with st.container(horizontal=True):
        if st.button("Finish workout", key="log_circuit_finish", icon=":material/flag:"):
            _finish(day, state)
        st.button("Leave circuit mode", key="log_circuit_leave", type="tertiary", on_click=_leave)


def _render_start() -> None:
    templates = data_access.templates(data_access.data_version())
    if templates.empty:
        st.info("There is no workout template to follow yet.")
        return
    names = dict(zip(templates["template_id"], templates["name"], strict=True))
    template_id = st.selectbox(
        "Template", list(names), format_func=names.__getitem__, key="log_circuit_template"
    )
    row = row_of(templates, "template_id", template_id)
    st.caption(
        f"{row['rounds']} rounds, each gone through {row['passes_per_round']} times, "
        f"{row['rest_s']} s rest after each pass."
    )
    st.button(
        "Start circuit",
        key="log_circuit_start",
        type="primary",
        on_click=begin,
        args=(str(template_id),),
        icon=":material/play_arrow:",
        width="stretch",
    )


def _exercise_card(
    athlete: Athlete,
    day: dt.date,
    state: CircuitState,
    item: dict[str, Any],
    current: pd.DataFrame,
    last: pd.DataFrame,
) -> None:
    position, exercise_id = int(item["position"]), str(item["exercise_id"])
    reps, seconds = number(item["reps"]), number(item["seconds"])
    goal = prescription(reps, seconds, bool(item["per_side"]))
    key = f"log_circuit_{state.round_no}_{state.pass_no}_{position}"
    with st.container(border=True):
        st.markdown(f"**{item['name']}** · {goal}")
        if position in state.done:
            st.caption(":material/check_circle: Logged")
            return
        before = prefill(last[last["exercise_id"] == exercise_id], athlete.unit)
        row = st.container(horizontal=True)  # side by side, on a phone too
        weight = None
        if str(item["load_type"]) in LOADED:
            weight = row.number_input(
                f"Weight ({athlete.unit})",
                min_value=0.0,
                step=WEIGHT_STEP[athlete.unit],
                format="%g",
                value=before["log_weight"],
                key=f"{key}_weight",
                placeholder="none",
            )
        field = "seconds" if seconds is not None else "reps"
        amount = row.number_input(
            "Seconds" if field == "seconds" else "Reps",
            min_value=0,
            step=1,
            value=int(seconds if seconds is not None else reps or 0),
            key=f"{key}_{field}",
        )
        if st.button(
            "Done",
            key=f"log_circuit_done_{position}",
            type="primary",
            icon=":material/check:",
            width="stretch",
        ):
            entry = {"exercise": exercise_id, "weight": weight, "unit": athlete.unit, field: amount}
            _log(athlete, day, state, position, current, entry)


def _log(
    athlete: Athlete,
    day: dt.date,
    state: CircuitState,
    position: int,
    current: pd.DataFrame,
    entry: dict[str, object],
) -> None:
    now = time.time()
    started = dt.datetime.combine(day, dt.datetime.now().time().replace(microsecond=0))
    try:
        session_id = data_access.log_template_set(
            athlete.athlete_id,
            state.session_id,
            entry,
            started_at=started,
            name=state.name,
            template_id=state.template_id,
        )
    except LiftboardError as exc:
        st.error(str(exc))
        return
    positions = [int(p) for p in current["position"]]
    st.session_state[STATE_KEY] = mark_done(
        state, position, positions, now=now, session_id=session_id
    )
    st.rerun()


def _finish(day: dt.date, state: CircuitState) -> None:
    if state.session_id is not None:
        try:
            data_access.finish_session(state.session_id)
        except LiftboardError as exc:
            st.error(str(exc))
            return
    st.session_state.pop(STATE_KEY, None)
    st.session_state["log_circuit_message"] = "Workout saved. See it on the Trends page."
    st.rerun()
