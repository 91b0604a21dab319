"""The Log page's quick entry: find an exercise, get last time's numbers, add the set."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data_access
from dashboard.components.exercise_history import history_link
from dashboard.components.frame import Athlete
from dashboard.components.rest_timer import render_rest, skip_rest, start_rest
from dashboard.components.units import (
    DASH,
    SET_TYPE_LABELS,
    WEIGHT_STEP,
    convert_weight,
    day_problem,
    next_prefill,
    number,
    previous_summary,
    set_summary,
)
from pipelines.errors import LiftboardError

WEIGHT_LABELS = {
    "weighted_bodyweight": "Added weight",
    "bodyweight": "Added weight",
    "assisted": "Assistance",
}
MESSAGE_KEY = "log_message"
UNIT_KEY = "log_form_unit"
REST_TIMER = "log_rest"  # the single sets' rest countdown (see rest_timer)
ENTRY_FRAGMENT = "log_entry"  # the key of the page's part with the form and the day's sets
CATALOG_KEY = "log_catalog_version"  # read once per whole-page run, not per use
VERSION_KEY = "log_version_after_add"  # the data version Add set's callback ended on
CHOSEN_KEY = "log_exercise_row"  # (catalog version, athlete, label) and the chosen row
FORM_PUT_KEY = "log_form_put"  # what a callback put into the inputs, and what they held: see below


def remember_catalog_version() -> None:
    """Read the catalog version once for this page run.

    Add set's rerun reuses it: a set cannot change exercise names, and the query it saves is a
    good part of what that rerun costs.
    """
    st.session_state[CATALOG_KEY] = data_access.catalog_version()


def _catalog_version() -> int:
    if CATALOG_KEY not in st.session_state:
        remember_catalog_version()
    return int(st.session_state[CATALOG_KEY])


def data_version_now() -> int:
    """The data version for this rerun: the one Add set's callback just read, else a fresh one."""
    version = st.session_state.pop(VERSION_KEY, None)
    return int(version) if version is not None else data_access.data_version()


def _names(athlete: Athlete) -> pd.DataFrame:
    return data_access.exercise_names(_catalog_version(), athlete.athlete_id, dt.date.today())


def _exercise(athlete: Athlete) -> pd.Series | None:
    """The row of the chosen search label, or None (looked up once per label and catalog)."""
    label = st.session_state.get("log_exercise")
    if label is None:
        return None
    key = (_catalog_version(), athlete.athlete_id, str(label))
    found = st.session_state.get(CHOSEN_KEY)
    if found is None or found[0] != key:
        names = _names(athlete)
        rows = names[names["label"] == label]
        found = (key, None if rows.empty else rows.iloc[0])
        st.session_state[CHOSEN_KEY] = found
    row: pd.Series | None = found[1]
    return row


HISTORY_KEY = "log_history_edits"  # this session's changes to days before the one shown


def history_changed() -> None:
    """Note that sets of some earlier day changed, so last time's sets are read again."""
    st.session_state[HISTORY_KEY] = int(st.session_state.get(HISTORY_KEY, 0)) + 1


def _previous(athlete: Athlete, exercise_id: str, day: dt.date) -> pd.DataFrame:
    version = (_catalog_version(), int(st.session_state.get(HISTORY_KEY, 0)))
    return data_access.previous_sets(version, athlete.athlete_id, exercise_id, day)


def _done_today(athlete: Athlete, day: dt.date, name: str, version: int | None = None) -> int:
    if version is None:
        version = data_access.data_version()
    sets = data_access.day_sets(version, athlete.athlete_id, day.isoformat())
    return int((sets["exercise"] == name).sum())


def _prefill(athlete: Athlete, day: dt.date) -> None:
    """Fill the inputs from the matching set of last time (the first set, on a new day)."""
    row = _exercise(athlete)
    if row is None:
        return
    previous = _previous(athlete, str(row["exercise_id"]), day)
    done = _done_today(athlete, day, str(row["name"]))
    values = next_prefill(previous, min(done, max(len(previous) - 1, 0)), athlete.unit)
    empty = {"log_weight": None, "log_reps": None, "log_seconds": None}
    _put_in_form(values or empty)


def _put_in_form(values: dict[str, Any]) -> None:
    """Put `values` into the form's inputs (from a callback), so that the browser shows them.

    A value written to an input's key reaches the browser only with a run that draws the
    input, and the browser takes it only from the newest drawing it gets. Another tap or pick
    sent before the browser had it carries the input's old value back, and a run started by it
    would draw that old value: the cleared RPE of the set just added would come back for the
    next one. So the form puts these values into its inputs whenever it is drawn before the
    browser has them (an input that still holds the value it had before), and puts them there
    again after such a run; the next Add set, which sends what the lifter sees, ends that.
    """
    state = st.session_state
    put = state.get(FORM_PUT_KEY) or PutValues()
    before = {key: state.get(key) for key in values} | put.before
    state[FORM_PUT_KEY] = PutValues(before, {**put.after, **values})


@dataclasses.dataclass(frozen=True)
class PutValues:
    """Values a callback put into the form's inputs (`after`) and what those held (`before`)."""

    before: dict[str, Any] = dataclasses.field(default_factory=dict)
    after: dict[str, Any] = dataclasses.field(default_factory=dict)
    drawn: bool = False  # whether a run has put them into the inputs since


def _fill_put_values() -> None:
    """Put the values of `_put_in_form` into the inputs, if the browser may not have them."""
    state = st.session_state
    put: PutValues | None = state.get(FORM_PUT_KEY)
    if put is None:
        return
    for key, value in put.after.items():
        held = state.get(key)
        if held == value:
            continue
        if not put.drawn or held == put.before.get(key):
            state[key] = value
    state[FORM_PUT_KEY] = dataclasses.replace(put, drawn=True)


def render_exercise_picker(athlete: Athlete, day: dt.date) -> None:
    """The exercise search, drawn outside the part that Add set reruns.

    One option per exercise, labelled with its name and its other names, in the order of
    `pipelines.exercise_search`: the athlete's recent lifts, then the common lifts. The box
    keeps the options whose label holds the typed text, in that order ("contains"; the
    default fuzzy filter would re-sort them by its own score), so the first one left is the
    likeliest lift. The value is the exercise's name, which the rest of the form looks up.
    """
    options = data_access.exercise_options(data_access.catalog_version(), athlete.athlete_id, day)
    shown = dict(zip(options["name"].astype(str), options["label"].astype(str), strict=True))
    st.selectbox(
        "Exercise",
        list(shown),
        index=None,
        key="log_exercise",
        format_func=shown.__getitem__,
        placeholder="Type to search names and other apps' names",
        filter_mode="contains",
        on_change=_prefill,
        args=(athlete, day),
    )


def _follow_unit(athlete: Athlete) -> str | None:
    """Convert a weight typed in the other unit after a unit switch; say so, or None."""
    state = st.session_state
    before, state[UNIT_KEY] = state.get(UNIT_KEY), athlete.unit
    typed = number(state.get("log_weight"))
    if before is None or before == athlete.unit or typed is None:
        return None
    converted = convert_weight(typed, str(before), athlete.unit)
    state["log_weight"] = converted
    return (
        f"{typed:g} {before} is {converted:g} {athlete.unit}: the weight you typed was converted."
    )


def render_set_form(athlete: Athlete, day: dt.date) -> None:
    """Last time's sets, the inputs pre-filled from them, and Add set."""
    # The caption and the unit note keep their places when empty: an element coming or going
    # above the form would make the browser build the form anew, and an extras section just
    # opened would close again under the lifter's thumb.
    last_time, unit_note = st.empty(), st.empty()
    row = _exercise(athlete)
    if row is not None:
        previous = _previous(athlete, str(row["exercise_id"]), day)
        last_time.caption(previous_summary(previous, athlete.unit))
    state = st.session_state
    _fill_put_values()
    for key in ("log_weight", "log_reps", "log_seconds", "log_rpe"):
        state.setdefault(key, None)
    state.setdefault("log_set_type", "working")
    converted = _follow_unit(athlete)
    if converted:
        unit_note.info(converted, icon=":material/sync_alt:")
    load_type = "weighted" if row is None else str(row["load_type"])
    timed = load_type == "timed" or (
        st.session_state["log_seconds"] is not None and st.session_state["log_reps"] is None
    )
    main, extra = ("Seconds", "Reps") if timed else ("Reps", "Seconds")
    # No minimum or maximum in the browser: out-of-range numbers reach the checks, which
    # answer with a sentence instead of a silently red field.
    inputs = {
        "Reps": lambda: st.number_input(
            "Reps", value=None, step=1, key="log_reps", placeholder=DASH
        ),
        "Seconds": lambda: st.number_input(
            "Seconds", value=None, step=5, key="log_seconds", placeholder=DASH
        ),
    }
    with st.form("log_set_form", border=False):
        with st.container(horizontal=True):  # one row, on a phone too
            st.number_input(
                f"{WEIGHT_LABELS.get(load_type, 'Weight')} ({athlete.unit})",
                value=None,
                step=WEIGHT_STEP[athlete.unit],
                format="%g",
                key="log_weight",
                placeholder="none",
            )
            inputs[main]()
        st.segmented_control(
            "Set type",
            list(SET_TYPE_LABELS),
            key="log_set_type",
            format_func=SET_TYPE_LABELS.__getitem__,
            width="stretch",
            label_visibility="collapsed",  # the four choices say what they are
        )
        # Keyed, the section stays open or closed as the lifter left it when the form is drawn
        # again (the browser keeps that; no rerun when it opens).
        with st.expander(f"{extra}, RPE and notes", key="log_extras"):
            with st.container(horizontal=True):
                inputs[extra]()
                st.number_input(
                    "RPE", value=None, step=0.5, format="%g", key="log_rpe", placeholder="optional"
                )
            st.text_input("Notes", key="log_notes", placeholder="optional")
        # The rest countdown sits beside Add set, so on a phone the new set stays in view.
        with st.container(horizontal=True, vertical_alignment="center", key="log_add_row"):
            st.form_submit_button(
                "Add set",
                key="log_add",
                type="primary",
                icon=":material/add:",
                width="stretch",
                on_click=_add,
                args=(athlete, day),
            )
            render_rest(REST_TIMER, skip=False)
    message = st.session_state.pop(MESSAGE_KEY, None)
    if message:
        kind, text = message
        if kind == "success":
            st.success(text, icon=":material/check_circle:")
        else:
            st.error(text, icon=":material/error:")


def _add(athlete: Athlete, day: dt.date) -> None:
    """Add the set (a callback: it runs before the page is drawn again)."""
    state = st.session_state
    state.pop(FORM_PUT_KEY, None)  # the tap sent what the lifter sees in the form
    row = _exercise(athlete)
    problem = day_problem(day, dt.date.today())
    if problem:
        state[MESSAGE_KEY] = ("error", f"{problem} Nothing was saved.")
        return
    if row is None:
        state[MESSAGE_KEY] = (
            "error",
            "Choose an exercise first: type part of its name or of another app's name.",
        )
        return
    first_of_day = _sets_of_day(athlete, day).empty
    entry = {
        "exercise": str(row["exercise_id"]),
        "weight": state.get("log_weight"),
        "unit": athlete.unit,
        "reps": state.get("log_reps"),
        "seconds": state.get("log_seconds"),
        "set_type": state.get("log_set_type") or "working",
        "rpe": state.get("log_rpe"),
        "notes": state.get("log_notes") or "",
    }
    try:
        data_access.log_day_set(athlete.name, day, entry)
    except LiftboardError as exc:
        state[MESSAGE_KEY] = ("error", str(exc))
        return
    if day != dt.date.today():
        history_changed()
    # The version after the write reads the day's sets once, here, for the rerun to reuse.
    version = state[VERSION_KEY] = data_access.data_version()
    previous = _previous(athlete, str(row["exercise_id"]), day)
    done = _done_today(athlete, day, str(row["name"]), version)
    # How the set felt belongs to that set: the next one starts without RPE or notes, and
    # with the numbers of the matching set of last time when there was one.
    following = next_prefill(previous, done, athlete.unit) or {}
    _put_in_form({"log_rpe": None, "log_notes": "", **following})
    summary = set_summary(entry["weight"], athlete.unit, entry["reps"], entry["seconds"])
    state[MESSAGE_KEY] = ("success", f"Logged {row['name']}: {summary}.")
    start_rest(REST_TIMER, rest_seconds(athlete))
    if first_of_day:  # a new workout: Past workouts, further down the page, lists it now
        st.rerun(scope="app")


def _sets_of_day(athlete: Athlete, day: dt.date) -> pd.DataFrame:
    """The day's sets as the page last read them (the same data version: no new query)."""
    return data_access.day_sets(data_access.data_version(), athlete.athlete_id, day.isoformat())


REST_SETTING = "log_rest_setting"


def rest_seconds(athlete: Athlete) -> int:
    """The athlete's rest between single sets (read once per browser session and athlete)."""
    key = f"log_rest_s_{athlete.athlete_id}"
    if key not in st.session_state:
        st.session_state[key] = data_access.rest_seconds(athlete.athlete_id)
    return int(st.session_state[key])


def _save_rest(athlete: Athlete) -> None:
    typed = st.session_state.get(REST_SETTING)
    try:
        stored = data_access.set_rest_seconds(athlete.athlete_id, typed)
    except LiftboardError as exc:
        st.session_state[MESSAGE_KEY] = ("error", str(exc))
        return
    st.session_state[f"log_rest_s_{athlete.athlete_id}"] = stored
    if stored == 0:
        skip_rest(REST_TIMER)


def render_history_link(athlete: Athlete) -> None:
    """A link to every session of the chosen exercise (nothing before one is chosen)."""
    row = _exercise(athlete)
    if row is not None:
        history_link(str(row["exercise_id"]), "History")


def render_rest_setting(athlete: Athlete) -> None:
    """A small button that shows the athlete's rest and opens a field to change it."""
    seconds = rest_seconds(athlete)
    with st.popover(
        f"Rest {seconds} s" if seconds else "No rest timer",
        icon=":material/timer:",
        type="tertiary",
    ):
        st.session_state[REST_SETTING] = seconds
        st.number_input(
            "Rest after each set (seconds, 0 for none)",
            step=15,
            key=REST_SETTING,
            on_change=_save_rest,
            args=(athlete,),
        )
