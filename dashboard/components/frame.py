"""The frame around every page: athlete switcher, unit, database path and the demo offer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st

from dashboard import data_access
from dashboard.components.tables import row_dicts
from pipelines.athletes import DEFAULT_ATHLETE
from pipelines.errors import LiftboardError
from pipelines.schemas import UNITS

ATHLETE_KEY = "frame_athlete"
URL_KEY = "athlete"  # ?athlete=Name in the address


@dataclass(frozen=True)
class Athlete:
    """Who is training, and the unit they see and type weights in."""

    athlete_id: int
    name: str
    unit: str


def shown_path(path: str) -> str:
    """A path as people write it: the home folder as `~`."""
    home = str(Path.home())
    if path == home or path.startswith(home.rstrip("/") + "/"):
        return "~" + path[len(home.rstrip("/")) :]
    return path


def current_athlete() -> Athlete:
    """The athlete chosen in the sidebar (the entrypoint renders it before every page)."""
    athlete: Athlete = st.session_state["frame_current"]
    return athlete


def _named_in_url(by_id: dict[int, dict[str, Any]]) -> int | None:
    """The id of the athlete named by `?athlete=` (case and spaces ignored), or None."""
    wanted = str(st.query_params.get(URL_KEY) or "").strip().casefold()
    found = [i for i, row in by_id.items() if str(row["name"]).strip().casefold() == wanted]
    return found[0] if wanted and found else None


def _show_error(exc: LiftboardError) -> None:
    st.session_state["frame_error"] = str(exc)


def _create_athlete(by_id: dict[int, dict[str, Any]]) -> None:
    state = st.session_state
    name = str(state.get("frame_new_name") or "").strip()
    unit = str(state.get("frame_new_unit") or "kg")
    if not name:
        state["frame_error"] = "Type a name for the new athlete first."
        return
    if any(str(r["name"]).strip().casefold() == name.casefold() for r in by_id.values()):
        state["frame_error"] = f"There is already an athlete called {name!r}; choose another name."
        return
    try:
        state[ATHLETE_KEY] = data_access.create_athlete(name, unit)
        state["frame_new_name"] = ""
    except LiftboardError as exc:
        _show_error(exc)


def _rename_athlete(athlete_id: int) -> None:
    state = st.session_state
    name = str(state.get("frame_rename") or "").strip()
    if not name:
        state["frame_error"] = "Type the new name first."
        return
    try:
        state[ATHLETE_KEY] = data_access.rename_athlete(athlete_id, name)
        state["frame_rename"] = ""
        state["frame_notice"] = f"Renamed to {name}."
    except LiftboardError as exc:
        _show_error(exc)


def _delete_athlete(athlete_id: int, name: str) -> None:
    state = st.session_state
    typed = str(state.get("frame_delete_name") or "")
    if typed.strip().casefold() != name.strip().casefold():
        state["frame_error"] = f"Type {name} exactly to delete this athlete. Nothing was deleted."
        return
    try:
        data_access.delete_athlete(athlete_id, typed)
    except LiftboardError as exc:
        _show_error(exc)
        return
    state["frame_delete_name"] = ""
    state.pop(ATHLETE_KEY, None)
    st.query_params.pop(URL_KEY, None)
    state["frame_notice"] = f"{name} and all of their training were deleted."


def _change_unit(athlete_id: int) -> None:
    unit = st.session_state.get("frame_unit")
    if unit in UNITS:
        try:
            data_access.set_unit(athlete_id, str(unit))
        except LiftboardError as exc:
            _show_error(exc)


def _load_demo() -> None:
    try:
        data_access.load_demo()
        demo = data_access.demo_athlete_id()
        if demo is not None:
            st.session_state[ATHLETE_KEY] = demo
    except LiftboardError as exc:
        _show_error(exc)


def render_sidebar() -> Athlete:
    """Draw the sidebar and return the chosen athlete (also kept in session state)."""
    people = data_access.athletes(data_access.data_version())
    if people.empty:
        data_access.create_athlete(DEFAULT_ATHLETE)
        people = data_access.athletes(data_access.data_version())
    by_id = {int(r["athlete_id"]): r for r in row_dicts(people)}
    ids = list(by_id)
    if ATHLETE_KEY not in st.session_state:  # a new visit: the athlete named in the address
        named = _named_in_url(by_id)
        if named is not None:
            st.session_state[ATHLETE_KEY] = named
    if st.session_state.get(ATHLETE_KEY) not in ids:
        st.session_state[ATHLETE_KEY] = ids[0]
    side = st.sidebar
    chosen = side.selectbox(
        "Athlete", ids, key=ATHLETE_KEY, format_func=lambda i: str(by_id[i]["name"])
    )
    athlete_id = chosen if isinstance(chosen, int) else ids[0]
    row = by_id[athlete_id]
    athlete = Athlete(athlete_id, str(row["name"]), str(row["unit"]))
    st.session_state["frame_current"] = athlete
    if st.query_params.get(URL_KEY) != athlete.name:  # a reload or a bookmark keeps the athlete
        st.query_params[URL_KEY] = athlete.name
    with side.container(horizontal=True, gap="small"):
        with st.popover("New", icon=":material/person_add:", help="Add an athlete"):
            st.text_input("Name", key="frame_new_name", max_chars=200)
            st.session_state.setdefault("frame_new_unit", "kg")
            st.segmented_control("Weights in", UNITS, key="frame_new_unit")
            st.button(
                "Create",
                key="frame_create",
                on_click=_create_athlete,
                args=(by_id,),
                type="primary",
            )
        with st.popover("Edit", icon=":material/edit:", help=f"Rename or delete {athlete.name}"):
            st.text_input(
                f"New name for {athlete.name}",
                key="frame_rename",
                max_chars=200,
                placeholder=athlete.name,
            )
            st.button("Rename", key="frame_rename_go", on_click=_rename_athlete, args=(athlete_id,))
            st.divider()
            st.caption(
                f"Deleting {athlete.name} removes their sessions, sets, bodyweights, landmarks "
                "and imports, and nobody else's. It cannot be undone."
            )
            st.text_input(f"Type {athlete.name} to confirm", key="frame_delete_name")
            st.button(
                f"Delete {athlete.name}",
                key="frame_delete",
                icon=":material/delete_forever:",
                on_click=_delete_athlete,
                args=(athlete_id, athlete.name),
            )
    st.session_state["frame_unit"] = athlete.unit
    side.segmented_control(
        "Weights in", UNITS, key="frame_unit", on_change=_change_unit, args=(athlete_id,)
    )
    if int(people["sessions"].sum()) == 0:
        side.info("This database has no training yet. Load a demo log to look around.")
        side.button(
            "Load demo data",
            key="frame_demo",
            on_click=_load_demo,
            icon=":material/science:",
            width="stretch",
        )
    error = st.session_state.pop("frame_error", None)
    if error:
        side.error(error)
    notice = st.session_state.pop("frame_notice", None)
    if notice:
        side.success(notice)
    side.caption(f"Database: `{shown_path(data_access.db_path())}`")
    return athlete
