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
    resume_circuit,
    start_circuit,
)
from dashboard.components.frame import Athlete, current_athlete
from dashboard.components.rest_timer import render_rest, skip_rest, start_rest
from dashboard.components.tables import prefill, records_table, row_dicts, row_of
from dashboard.components.units import WEIGHT_STEP, number, prescription
from pipelines.errors import LiftboardError

STATE_KEY = "log_circuit"
SUMMARY_KEY = "log_circuit_summary"  # the finished workout's summary, shown once
ERROR_KEY = "log_circuit_error"
LOADED = ("weighted", "weighted_bodyweight")
REST_TIMER = "log_circuit_rest"


def _fresh(template_id: str) -> CircuitState:
    version = data_access.data_version()
    template = row_of(data_access.templates(version), "template_id", template_id)
    items = data_access.template_exercises(version, template_id)
    rounds = items.loc[items["role"] == "main", "round_no"].tolist()
    return start_circuit(
        template_id,
        str(template["name"]),
        rounds,
        int(template["passes_per_round"]),
        int(template["rest_s"]),
    )


def _resumed(athlete_id: int, day: dt.date, template_id: str | None) -> CircuitState | None:
    """The circuit picked up from today's unfinished session of the template, or None."""
    found = data_access.open_circuit_session(athlete_id, day, template_id)
    if found is None:
        return None
    fresh = _fresh(str(found["template_id"]))
    items = data_access.template_exercises(data_access.data_version(), fresh.template_id)
    main = items[items["role"] == "main"]
    slots: dict[int, list[tuple[int, str]]] = {}
    for item in row_dicts(main):
        slots.setdefault(int(item["round_no"]), []).append(
            (int(item["position"]), str(item["exercise_id"]))
        )
    session_id = int(found["session_id"])
    logged = data_access.session_exercises(session_id)
    return resume_circuit(fresh, slots, logged, session_id=session_id)


def has_open_circuit(athlete_id: int, day: dt.date) -> bool:
    """Whether the athlete has an unfinished template session on `day` (a reload resumes it)."""
    return data_access.open_circuit_session(athlete_id, day) is not None


def begin(template_id: str) -> None:
    """Put the Log page into circuit mode for a template (kept if already under way).

    An unfinished session of the template on the day shown is picked up where it was.
    """
    current: CircuitState | None = st.session_state.get(STATE_KEY)
    st.session_state["log_mode"] = "circuit"
    st.session_state.pop(SUMMARY_KEY, None)
    if current is not None and current.template_id == template_id and not current.finished:
        return
    athlete = current_athlete()
    day = st.session_state.get("log_day")
    day = day if isinstance(day, dt.date) else dt.date.today()
    resumed = _resumed(athlete.athlete_id, day, template_id)
    st.session_state[STATE_KEY] = resumed or _fresh(template_id)


def _names(items: pd.DataFrame, state: CircuitState) -> str:
    current = items[(items["role"] == "main") & (items["round_no"] == state.round_no)]
    return ", ".join(str(n) for n in current["name"])


def render_circuit(athlete: Athlete, day: dt.date) -> None:
    """Choose a template to start, or show the current round with a Done per exercise."""
    state: CircuitState | None = st.session_state.get(STATE_KEY)
    if state is None and SUMMARY_KEY not in st.session_state:
        state = _resumed(athlete.athlete_id, day, None)  # a reload: carry on where it was
        if state is not None:
            st.session_state[STATE_KEY] = state
    if state is None:
        _render_summary()
        _render_start()
        return
    items = data_access.template_exercises(data_access.data_version(), state.template_id)
    st.progress(state.progress, text=f"**{state.name}** · {state.label}")
    error = st.session_state.pop(ERROR_KEY, None)
    if error:
        st.error(error, icon=":material/error:")
    if state.finished:
        st.success("Every round is done. Well trained!", icon=":material/emoji_events:")
    else:
        render_rest(REST_TIMER)
        current = items[(items["role"] == "main") & (items["round_no"] == state.round_no)]
        last = data_access.last_sets(
            data_access.data_version(), athlete.athlete_id, tuple(current["exercise_id"])
        )
        positions = [int(p) for p in current["position"]]
        for item in row_dicts(current):
            _exercise_card(athlete, day, state, item, positions, last)
    with st.container(horizontal=True):
        st.button(
            "Finish workout",
            key="log_circuit_finish",
            icon=":material/flag:",
            on_click=_finish,
            args=(state,),
        )
        st.button("Leave circuit mode", key="log_circuit_leave", type="tertiary", on_click=_leave)


def _leave() -> None:
    st.session_state.pop(STATE_KEY, None)
    skip_rest(REST_TIMER)
    st.session_state["log_mode"] = "single"
    st.rerun(scope="app")  # the mode control sits outside the part a button reruns


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
    positions: list[int],
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
        loaded = str(item["load_type"]) in LOADED
        if loaded:
            row.number_input(
                f"Weight ({athlete.unit})",
                min_value=0.0,
                step=WEIGHT_STEP[athlete.unit],
                format="%g",
                value=before["log_weight"],
                key=f"{key}_weight",
                placeholder="none",
            )
        field = "seconds" if seconds is not None else "reps"
        row.number_input(
            "Seconds" if field == "seconds" else "Reps",
            min_value=0,
            step=1,
            value=int(seconds if seconds is not None else reps or 0),
            key=f"{key}_{field}",
        )
        # One Done per slot (round, pass and place): a second tap on a slot already logged,
        # sent before the page showed it, names that slot and is let go.
        st.button(
            "Done",
            key=f"{key}_done",
            type="primary",
            icon=":material/check:",
            width="stretch",
            on_click=_done,
            args=(athlete, day, position, positions, exercise_id, key, field, loaded),
        )


def _done(
    athlete: Athlete,
    day: dt.date,
    position: int,
    positions: list[int],
    exercise_id: str,
    key: str,
    field: str,
    loaded: bool,
) -> None:
    """Log one exercise of the pass (a callback: only the Log form's part is drawn again).

    `key` names the slot (round, pass, place). A tap on a slot that is no longer open (a
    double tap, or a tap on a page not yet redrawn after the pass moved on) logs nothing.
    """
    state: CircuitState | None = st.session_state.get(STATE_KEY)
    if state is None or state.finished or position in state.done:
        return
    if key != f"log_circuit_{state.round_no}_{state.pass_no}_{position}":
        return
    weight = st.session_state.get(f"{key}_weight") if loaded else None
    entry = {
        "exercise": exercise_id,
        "weight": weight,
        "unit": athlete.unit,
        field: st.session_state.get(f"{key}_{field}"),
    }
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
        st.session_state[ERROR_KEY] = str(exc)
        return
    state = mark_done(state, position, positions, now=now, session_id=session_id)
    if state.resting:  # the pass is complete: the next one shows at once, under the countdown
        state = advance(state)
        items = data_access.template_exercises(data_access.data_version(), state.template_id)
        start_rest(REST_TIMER, state.rest_s, f"{_names(items, state)} ({state.label.lower()})")
    st.session_state[STATE_KEY] = state


def _finish(state: CircuitState) -> None:
    """Close the session and keep its summary to show (a callback)."""
    summary = None
    if state.session_id is not None:
        try:
            data_access.finish_session(state.session_id)
            summary = data_access.session_summary(state.session_id)
        except LiftboardError as exc:
            st.session_state[ERROR_KEY] = str(exc)
            return
    st.session_state.pop(STATE_KEY, None)
    skip_rest(REST_TIMER)
    st.session_state[SUMMARY_KEY] = summary


def _render_summary() -> None:
    """The finished workout: time, sets, hard sets per muscle group, records (shown once)."""
    if SUMMARY_KEY not in st.session_state:
        return
    summary = st.session_state.pop(SUMMARY_KEY)
    st.success("Workout saved. See it on the Trends page.", icon=":material/check_circle:")
    if summary is None:
        return
    with st.container(border=True, key="log_circuit_summary_box"):
        st.markdown("**Workout summary**")
        with st.container(horizontal=True):
            st.metric("Time", f"{round(summary.minutes)} min")
            st.metric("Sets", summary.sets)
            st.metric("Records", len(summary.records))
        if not summary.muscle_sets.empty:
            st.caption("Hard sets per muscle group (a helping muscle counts half)")
            muscles = summary.muscle_sets
            hard = {
                "Muscle group": muscles["muscle_group"].tolist(),
                "Hard sets": [f"{float(n):g}" for n in muscles["hard_sets"].tolist()],
            }
            st.table(pd.DataFrame(hard), hide_index=True)
        if not summary.records.empty:
            st.caption("Records set today")
            shown = records_table(summary.records, current_athlete().unit)
            st.table(shown[["Exercise", "Record", "Value"]], hide_index=True)
