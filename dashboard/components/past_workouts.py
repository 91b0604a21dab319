"""Past workouts on the Log page: the athlete's sessions, newest first, to open, fix or delete.

A page of sessions at a time (date, name, sets, duration). Opening one shows its sets with
the same table and set labels as the day's sets above, and a form to change or delete a set.
A deleted set can be undone until the next change here; deleting a whole workout asks first.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import data_access
from dashboard.components.day_sets import changed_fields, edit_inputs, fill_form
from dashboard.components.frame import Athlete
from dashboard.components.set_form import history_changed
from dashboard.components.tables import day_sets_table, set_choices
from dashboard.components.units import DASH, number
from pipelines.errors import LiftboardError
from pipelines.past_workouts import PAGE_SIZE

PAGE = "past_page"  # which page of sessions is shown, 0 = the newest
OPEN = "past_open"  # the session picker; its value is the open session's id
SET_PICK = "past_set"  # the set picker of the open session
PREFIX = "past_edit"  # the edit form's keys
SHOWN = f"{PREFIX}_shown"  # (set id, unit, values put into the form): see day_sets.fill_form
KEPT = "past_kept"  # (the last deleted set as stored, its day) while it can still be undone
CONFIRM = "past_confirm"  # the session whose deletion waits for a yes
MESSAGE = "past_message"
DAY_CHANGED = "past_day_changed"  # a change touched the day shown above: redraw the page
FIELDS = ("weight", "reps", "seconds", "rpe", "type", "notes")


def session_label(row: pd.Series) -> str:
    """`Fri 20 Nov 2026 · Back and legs`: what stays the same while its sets change."""
    day = pd.Timestamp(row["started_at"])
    name = str(row["name"] or "").strip() or "Logged sets"
    return f"{day:%a %d %b %Y} · {name}"


def session_summary(row: pd.Series) -> str:
    """`12 sets of 4 exercises · 45 min`."""
    sets, exercises = int(row["sets"]), int(row["exercises"])
    minutes = number(row["duration_min"])
    duration = "no end time" if minutes is None else f"{round(minutes)} min"
    return (
        f"{sets} set{'' if sets == 1 else 's'} of {exercises} "
        f"exercise{'' if exercises == 1 else 's'} · {duration}"
    )


def sessions_table(sessions: pd.DataFrame) -> pd.DataFrame:
    """The page of sessions as shown: date, workout, sets, duration."""
    minutes = [number(m) for m in sessions["duration_min"]]
    return pd.DataFrame(
        {
            "Date": [f"{pd.Timestamp(t):%a %d %b %Y}" for t in sessions["started_at"]],
            "Workout": [str(n or "").strip() or "Logged sets" for n in sessions["name"]],
            "Sets": sessions["sets"].astype(int).tolist(),
            "Duration": [DASH if m is None else f"{round(m)} min" for m in minutes],
        }
    )


def _say(kind: str, text: str) -> None:
    st.session_state[MESSAGE] = (kind, text)


def _touched(day: dt.date) -> None:
    """Note a change to a set of `day`.

    Last time's numbers are read again, and the page is redrawn when that day is shown above.
    """
    history_changed()
    if st.session_state.get("log_day", dt.date.today()) == day:
        st.session_state[DAY_CHANGED] = True


def _page(step: int) -> None:
    st.session_state[PAGE] = max(int(st.session_state.get(PAGE, 0)) + step, 0)
    st.session_state[OPEN] = None
    st.session_state[CONFIRM] = None


def _opened() -> None:
    state = st.session_state
    state[SET_PICK] = None
    state[CONFIRM] = None
    state.pop(SHOWN, None)


def _save(athlete: Athlete, day: dt.date) -> None:
    state = st.session_state
    shown, set_id = state.get(SHOWN), state.get(SET_PICK)
    if shown is None or set_id is None or shown[0] != set_id:
        _say("error", "Pick the set to change first.")
        return
    now = {name: state.get(f"past_edit_{name}") for name in FIELDS}
    changes = changed_fields(shown[2], now, athlete.unit)
    if not changes:
        _say("success", "Nothing to save: the set is as it was.")
        return
    try:
        data_access.update_set(int(set_id), **changes)
    except LiftboardError as exc:
        _say("error", str(exc))
        return
    state.pop(SHOWN, None)
    state[KEPT] = None
    _touched(day)
    _say("success", "Set changed.")


def _delete_set(day: dt.date) -> None:
    state = st.session_state
    set_id = state.get(SET_PICK)
    if set_id is None:
        return
    try:
        state[KEPT] = (data_access.delete_set_kept(int(set_id)), day)
    except LiftboardError as exc:
        _say("error", str(exc))
        return
    state[SET_PICK] = None
    state.pop(SHOWN, None)
    _touched(day)
    _say("success", "Set deleted.")


def _undo() -> None:
    state = st.session_state
    if not state.get(KEPT):
        return
    kept, day = state[KEPT]
    try:
        data_access.restore_set(kept)
    except LiftboardError as exc:
        _say("error", f"The set could not be put back: {exc}")
        return
    finally:
        state[KEPT] = None
    _touched(day)
    _say("success", "Set put back.")


def _ask_delete_session(session_id: int) -> None:
    st.session_state[CONFIRM] = session_id


def _delete_session(session_id: int, day: dt.date) -> None:
    state = st.session_state
    try:
        data_access.delete_session(session_id)
    except LiftboardError as exc:
        _say("error", str(exc))
        return
    state[CONFIRM] = None
    state[OPEN] = None
    state[KEPT] = None
    _touched(day)
    _say("success", "Workout deleted.")


def _render_message() -> None:
    state = st.session_state
    message = state.pop(MESSAGE, None)
    kept = state.get(KEPT)
    if message is None and not kept:
        return
    with st.container(horizontal=True, vertical_alignment="center"):
        if message:
            kind, text = message
            (st.success if kind == "success" else st.error)(text)
        if kept:
            st.button(
                "Undo",
                key="past_undo",
                icon=":material/undo:",
                on_click=_undo,
                help="Put the deleted set back where it was",
            )


def _render_set_form(athlete: Athlete, sets: pd.DataFrame, day: dt.date) -> None:
    state = st.session_state
    choices = set_choices(sets, athlete.unit)
    if state.get(SET_PICK) not in choices:
        state[SET_PICK] = None
    st.selectbox(
        "Change or delete a set of this workout",
        list(choices),
        format_func=choices.__getitem__,
        key=SET_PICK,
        index=None,
        placeholder="Pick a set",
    )
    if state[SET_PICK] is None:
        return
    fill_form(sets[sets["set_id"] == state[SET_PICK]].iloc[0], athlete.unit, PREFIX)
    with st.form("past_edit_form"):
        edit_inputs(athlete.unit, PREFIX)
        with st.container(horizontal=True):
            st.form_submit_button(
                "Save changes",
                key="past_edit_save",
                type="primary",
                on_click=_save,
                args=(athlete, day),
                icon=":material/save:",
            )
            st.form_submit_button(
                "Delete set",
                key="past_edit_delete",
                on_click=_delete_set,
                args=(day,),
                icon=":material/delete:",
            )


def _render_session(athlete: Athlete, session: pd.Series) -> None:
    state = st.session_state
    session_id = int(session["session_id"])
    day = pd.Timestamp(session["started_at"]).date()
    sets = data_access.session_sets(data_access.data_version(), session_id)
    st.caption(session_summary(session))
    if sets.empty:
        st.caption("This workout has no sets.")
    else:
        st.dataframe(
            day_sets_table(sets, athlete.unit),
            hide_index=True,
            key="past_sets_table",
            column_config={"#": st.column_config.NumberColumn(width="small")},
        )
        _render_set_form(athlete, sets, day)
    if state.get(CONFIRM) == session_id:
        count = len(sets)
        st.warning(
            f"Delete the workout of {day:%a %d %b %Y} and its {count} "
            f"set{'' if count == 1 else 's'}? This cannot be undone.",
            icon=":material/warning:",
        )
        with st.container(horizontal=True):
            st.button(
                "Yes, delete the workout",
                key="past_delete_yes",
                type="primary",
                on_click=_delete_session,
                args=(session_id, day),
            )
            st.button("Keep it", key="past_delete_no", on_click=_ask_delete_session, args=(None,))
    else:
        st.button(
            "Delete this workout",
            key="past_delete_session",
            icon=":material/delete_forever:",
            on_click=_ask_delete_session,
            args=(session_id,),
        )


@st.fragment
def render_past_workouts(athlete: Athlete) -> None:
    """The athlete's past workouts, a page at a time, newest first; one can be opened."""
    state = st.session_state
    if state.pop(DAY_CHANGED, False):
        st.rerun()  # the day shown above changed too: redraw the whole page
    st.subheader("Past workouts", anchor=False)
    page = int(state.get(PAGE, 0))
    version = data_access.data_version()
    sessions = data_access.past_sessions(version, athlete.athlete_id, page)
    if sessions.empty and page > 0:  # the last page emptied by deletions
        page = state[PAGE] = 0
        sessions = data_access.past_sessions(version, athlete.athlete_id, page)
    by_id = {int(r["session_id"]): r for _, r in sessions.iterrows()}
    _render_message()
    if sessions.empty:
        st.info("No workouts yet: the sets you log appear here as one workout a day.")
        return
    total = int(sessions["total_sessions"].iloc[0])
    st.dataframe(sessions_table(sessions), hide_index=True, key="past_sessions_table")
    first = page * PAGE_SIZE + 1
    with st.container(horizontal=True, vertical_alignment="center"):
        st.button(
            "Newer",
            key="past_newer",
            icon=":material/chevron_left:",
            disabled=page == 0,
            on_click=_page,
            args=(-1,),
        )
        st.caption(f"Workouts {first} to {first + len(sessions) - 1} of {total}")
        st.button(
            "Older",
            key="past_older",
            icon=":material/chevron_right:",
            disabled=first + len(sessions) - 1 >= total,
            on_click=_page,
            args=(1,),
        )
    if state.get(OPEN) not in by_id:
        state[OPEN] = None
    labels = {session_id: session_label(row) for session_id, row in by_id.items()}
    st.selectbox(
        "Open a workout",
        list(labels),
        format_func=labels.__getitem__,
        key=OPEN,
        index=None,
        placeholder="Pick a workout to see, change or delete its sets",
        on_change=_opened,
    )
    if state[OPEN] is not None:
        _render_session(athlete, by_id[int(state[OPEN])])
