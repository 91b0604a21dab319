"""The dashboard's only door to the data: the shared connection, cached reads and writes.

Every cached read takes the data version first; every write bumps it (the `changes` journal),
so a logged set shows at once and a replaced database never shows stale figures. Writes are
thin wrappers over `pipelines`, which validate and raise `LiftboardError` with a sentence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import duckdb
import pandas as pd
import streamlit as st

from pipelines import athletes as athlete_reads
from pipelines import catalog as catalog_reads
from pipelines import live, log_views, logbook, past_workouts, rest, writes
from pipelines.backup import backup_bytes
from pipelines.coaching import circuit_coaching
from pipelines.consistency import (
    conditioning_by_period,
    sessions_by_period,
    training_calendar,
    training_span,
    training_streaks,
)
from pipelines.db import resolve_db_path
from pipelines.demo import DEMO_ATHLETE, write_demo
from pipelines.exercise_matching import add_custom_exercise as _add_custom_exercise
from pipelines.exercise_matching import map_exercise as _map_exercise
from pipelines.exercise_matching import mapped_exercises as _mapped_exercises
from pipelines.exercise_matching import name_matches as _name_matches
from pipelines.exercise_matching import unmap_exercise as _unmap_exercise
from pipelines.exercise_matching import unmapped_exercises as _unmapped_exercises
from pipelines.exercise_search import exercise_options as _exercise_options
from pipelines.exports import export_frame, to_csv_bytes
from pipelines.importers import ImportReport, Preview, UndoneImport, import_file, past_imports
from pipelines.importers import preview as _preview
from pipelines.importers import undo_import as _undo_import
from pipelines.plateaus import lift_flags as _lift_flags
from pipelines.progression import progression
from pipelines.review import WeeklyReview, review_csv, weekly_review
from pipelines.strength import personal_records, session_estimated_1rm
from pipelines.suggest import GapAdvice
from pipelines.suggest import week_gaps as _week_gaps
from pipelines.volume_targets import (
    Bucket,
    VolumeOverview,
    set_training_level,
    training_level,
    volume_overview,
)
from pipelines.weekly_volume import muscle_group_order

TTL = 600


@st.cache_resource
def get_connection() -> duckdb.DuckDBPyConnection:
    """The one connection of this server process; each query uses its own cursor.

    It is the same connection through which `liftboard` commands run beside the dashboard
    (`pipelines/live.py`), so the file is opened once and stays open.
    """
    return live.shared_connection(resolve_db_path())


def db_path() -> str:
    """The database file this dashboard works on."""
    return resolve_db_path()


def data_version() -> int:
    """The current data version (the newest change id)."""
    return writes.data_version(get_connection())


# --- cached reads ---------------------------------------------------------------------------


@st.cache_data(ttl=TTL, max_entries=4)
def catalog(version: int) -> pd.DataFrame:
    """One row per exercise with its muscles, aliases, stance and cues."""
    return catalog_reads.exercise_catalog(get_connection())


def catalog_version() -> int:
    """A version that changes with the catalog, not with every logged set."""
    return log_views.catalog_version(get_connection())


@st.cache_data(ttl=TTL, max_entries=8)
def exercise_names(version: int, athlete_id: int, day: dt.date | None = None) -> pd.DataFrame:
    """One row per searchable name (names and aliases), the athlete's recent exercises first.

    Pass `catalog_version()` and today's date: the search then stays cached while sets are
    logged, and its recent-first order is renewed each day.
    """
    return catalog_reads.exercise_names(get_connection(), athlete_id)


@st.cache_data(ttl=TTL, max_entries=4)
def athletes(version: int) -> pd.DataFrame:
    """One row per athlete: unit, session count and latest session."""
    return athlete_reads.athlete_activity(get_connection())


@st.cache_data(ttl=TTL, max_entries=32)
def day_sets(version: int, athlete_id: int, day: str) -> pd.DataFrame:
    """One row per set the athlete logged on `day`."""
    return logbook.day_sets(get_connection(), athlete_id, day)


@st.cache_data(ttl=TTL, max_entries=64)
def last_sets(version: int, athlete_id: int, exercise_ids: tuple[str, ...]) -> pd.DataFrame:
    """The athlete's most recent set of each exercise, to pre-fill the next one."""
    return logbook.last_sets(get_connection(), athlete_id, exercise_ids)


@st.cache_data(ttl=TTL, max_entries=64)
def previous_sets(
    version: tuple[int, int], athlete_id: int, exercise_id: str, day: dt.date
) -> pd.DataFrame:
    """The exercise's sets in the athlete's latest session before `day`, in order.

    `version` is `catalog_version()` with a count of this browser session's changes to earlier
    days: sets logged on `day` itself cannot change the answer, so Add set does not redo it.
    """
    return log_views.previous_sets(get_connection(), athlete_id, exercise_id, day)


@st.cache_data(ttl=TTL, max_entries=4)
def templates(version: int) -> pd.DataFrame:
    """One row per workout template."""
    return catalog_reads.workout_templates(get_connection())


@st.cache_data(ttl=TTL, max_entries=8)
def template_exercises(version: int, template_id: str) -> pd.DataFrame:
    """One row per slot of a template, with the exercise's muscles, stance and cues."""
    return catalog_reads.template_exercises(get_connection(), template_id)


@st.cache_data(ttl=TTL, max_entries=16)
def variations(version: int, exercise_ids: tuple[str, ...]) -> pd.DataFrame:
    """One row per variation of the given exercises."""
    return catalog_reads.exercise_variations(get_connection(), exercise_ids)


@st.cache_data(ttl=TTL, max_entries=8)
def anatomy(version: int, template_id: str) -> pd.DataFrame:
    """One row per named muscle with its group and the template's exercises that train it."""
    return catalog_reads.anatomy_muscles(get_connection(), template_id)


@st.cache_data(ttl=TTL, max_entries=4)
def unmapped(version: int) -> pd.DataFrame:
    """Custom exercises still waiting for their muscles, most-used first."""
    return _unmapped_exercises(get_connection())


@st.cache_data(ttl=TTL, max_entries=4)
def matched_names(version: int) -> pd.DataFrame:
    """Imported names matched other than by exact name or alias, with how."""
    return _name_matches(get_connection())


@st.cache_data(ttl=TTL, max_entries=4)
def mapped(version: int) -> pd.DataFrame:
    """Custom exercises mapped onto a catalog exercise, with how many sets moved."""
    return _mapped_exercises(get_connection())


# --- trends: every read is one athlete over a date range, already aggregated -------------------


@st.cache_data(ttl=TTL, max_entries=4)
def muscle_groups(version: int) -> list[str]:
    """The muscle groups in display order."""
    return muscle_group_order(get_connection())


@st.cache_data(ttl=TTL, max_entries=16)
def volume(
    version: int, athlete_id: int, start: dt.date, end: dt.date, bucket: Bucket
) -> VolumeOverview:
    """Hard sets per (week or month, muscle group) with the landmarks, and back against legs."""
    return volume_overview(
        get_connection(), athlete_id=athlete_id, start=start, end=end, bucket=bucket
    )


@st.cache_data(ttl=TTL, max_entries=16)
def session_e1rm(version: int, athlete_id: int, start: dt.date, end: dt.date) -> pd.DataFrame:
    """The best estimated one-rep max per (session, exercise)."""
    return session_estimated_1rm(get_connection(), athlete_id=athlete_id, start=start, end=end)


@st.cache_data(ttl=TTL, max_entries=16)
def record_events(version: int, athlete_id: int, start: dt.date, end: dt.date) -> pd.DataFrame:
    """Personal-record events (the athlete's whole history decides what counts as a record)."""
    return personal_records(get_connection(), athlete_id=athlete_id, start=start, end=end)


@st.cache_data(ttl=TTL, max_entries=16)
def suggestions(version: int, athlete_id: int, as_of: dt.date | None = None) -> pd.DataFrame:
    """What to do next per exercise of the athlete's template or log up to `as_of`."""
    return progression(get_connection(), athlete_id, as_of=as_of)


def latest_training(version: int, athlete_id: int) -> dt.date | None:
    """The day of the athlete's latest session, or None when they have none."""
    people = athletes(version)
    found = people.loc[people["athlete_id"] == athlete_id, "last_session_at"].dropna()
    return None if found.empty else pd.Timestamp(found.iloc[0]).date()


@st.cache_data(ttl=TTL, max_entries=16)
def sessions(
    version: int, athlete_id: int, start: dt.date, end: dt.date, bucket: Bucket
) -> pd.DataFrame:
    """Sessions and sets per week or calendar month, zero for periods without training."""
    return sessions_by_period(
        get_connection(), athlete_id=athlete_id, start=start, end=end, bucket=bucket
    )


@st.cache_data(ttl=TTL, max_entries=16)
def conditioning(
    version: int, athlete_id: int, start: dt.date, end: dt.date, bucket: Bucket
) -> pd.DataFrame:
    """Cardio minutes and distance, and stretching sessions and minutes, per week or month."""
    return conditioning_by_period(
        get_connection(), athlete_id=athlete_id, start=start, end=end, bucket=bucket
    )


@st.cache_data(ttl=TTL, max_entries=16)
def span(version: int, athlete_id: int) -> tuple[dt.date, dt.date] | None:
    """The day of the athlete's first and latest session, or None before any."""
    return training_span(get_connection(), athlete_id)


@st.cache_data(ttl=TTL, max_entries=16)
def streaks(version: int, athlete_id: int) -> pd.DataFrame:
    """The current and the longest run of training weeks."""
    return training_streaks(get_connection(), athlete_id=athlete_id)


@st.cache_data(ttl=TTL, max_entries=16)
def calendar(version: int, athlete_id: int, start: dt.date, end: dt.date) -> pd.DataFrame:
    """Sessions and sets per day of the range."""
    return training_calendar(get_connection(), athlete_id=athlete_id, start=start, end=end)


# --- writes ---------------------------------------------------------------------------------


def create_athlete(name: str, unit: str = "kg") -> int:
    """Add an athlete (or find the one with that name) and return the id."""
    return athlete_reads.ensure_athlete(get_connection(), name, unit)


@st.cache_data(ttl=TTL, max_entries=16)
def level(version: int, athlete_id: int) -> str:
    """Which shipped landmarks apply to the athlete: beginner or intermediate."""
    return training_level(get_connection(), athlete_id)


def set_level(athlete_id: int, chosen: str) -> None:
    """Choose the shipped landmarks (beginner or intermediate) for the athlete."""
    set_training_level(get_connection(), athlete_id, chosen)


def set_unit(athlete_id: int, unit: str) -> None:
    """Store the unit the athlete sees and types weights in."""
    athlete_reads.set_unit(get_connection(), athlete_id, unit)


def load_demo() -> tuple[int, int]:
    """Write the demo log; returns (sessions, sets) added."""
    return write_demo(get_connection())


def demo_athlete_id() -> int | None:
    """The demo lifter's id, once the demo log has been written."""
    return athlete_reads.find_athlete(get_connection(), DEMO_ATHLETE)


def log_day_set(athlete: str, day: dt.date, entry: Mapping[str, Any]) -> int:
    """Validate and add one set to the athlete's session of `day`; return its id.

    The set is checked before a session is opened for it, so a rejected set leaves nothing.
    """
    (set_id,) = logbook.log_sets(get_connection(), logbook.DaySession(day, athlete), [entry])
    return set_id


def log_template_set(
    athlete_id: int,
    session_id: int | None,
    entry: Mapping[str, Any],
    *,
    started_at: dt.datetime,
    name: str,
    template_id: str,
) -> int:
    """Add one set of a template workout; open its session first when `session_id` is None.

    Returns:
        The session id (new or given). A rejected first set leaves no empty session behind.
    """
    con = get_connection()
    if session_id is not None:
        logbook.log_sets(con, session_id, [entry])
        return session_id
    opened = logbook.NewSession(athlete_id, started_at, name=name, template_id=template_id)
    (set_id,) = logbook.log_sets(con, opened, [entry])
    return logbook.session_of_set(con, set_id)


def rest_seconds(athlete_id: int) -> int:
    """The athlete's rest between single sets, in seconds."""
    return rest.rest_seconds(get_connection(), athlete_id)


def set_rest_seconds(athlete_id: int, seconds: Any) -> int:
    """Store the athlete's rest between single sets (validated); returns the seconds kept."""
    return rest.set_rest_seconds(get_connection(), athlete_id, seconds)


def open_circuit_session(
    athlete_id: int, day: dt.date, template_id: str | None = None
) -> dict[str, Any] | None:
    """The athlete's unfinished template session of `day` (`session_id`, `template_id`, `name`)."""
    return log_views.open_circuit_session(get_connection(), athlete_id, day, template_id)


def session_exercises(session_id: int) -> list[str]:
    """The exercise ids of a session's sets, in the order they were logged."""
    return log_views.session_exercises(get_connection(), session_id)


def session_summary(session_id: int) -> log_views.SessionSummary:
    """Time, sets, hard sets per muscle group and the records of a session."""
    return log_views.session_summary(get_connection(), session_id)


def finish_session(session_id: int) -> None:
    """Close a session now."""
    logbook.finish_session(get_connection(), session_id)


def update_set(set_id: int, **changes: Any) -> None:
    """Change a logged set (validated like a new one)."""
    logbook.update_set(get_connection(), set_id, **changes)


def delete_set(set_id: int) -> None:
    """Remove a logged set."""
    logbook.delete_set(get_connection(), set_id)


def save_template(template_id: str, items: pd.DataFrame, passes_per_round: int, rest_s: int) -> int:
    """Validate edited template rows and save them; the template becomes the user's own."""
    return catalog_reads.save_template(
        get_connection(), template_id, items, passes_per_round=passes_per_round, rest_s=rest_s
    )


def add_custom_exercise(
    name: str,
    primary: Sequence[str],
    secondary: Sequence[str],
    load_type: str,
    *,
    equipment: str = "",
    unilateral: bool = False,
) -> str:
    """Add an exercise the catalog lacks, with its muscles; return its id."""
    return _add_custom_exercise(
        get_connection(),
        name,
        primary,
        secondary,
        load_type,
        equipment=equipment,
        unilateral=unilateral,
    )


def map_exercise(custom_id: str, catalog_id: str) -> None:
    """Say which catalog exercise an imported custom exercise is: its sets join that lift."""
    _map_exercise(get_connection(), custom_id, catalog_id)


def unmap_exercise(custom_id: str) -> int:
    """Undo a mapping: the custom exercise gets its sets back; returns how many."""
    return _unmap_exercise(get_connection(), custom_id)


def export_download(
    what: str, athlete_id: int | None, start: dt.date | None, end: dt.date | None
) -> Callable[[], bytes]:
    """A function that builds an export CSV (sets, weekly-volume, personal-records) on download."""
    con = get_connection()
    return lambda: to_csv_bytes(
        export_frame(con, what, athlete_id=athlete_id, start=start, end=end)
    )


@st.cache_data(ttl=TTL, max_entries=2, show_spinner="Reading the file")
def import_preview(data: bytes) -> Preview:
    """The layout an uploaded export was recognised as, and its first rows."""
    return _preview(data)


def import_upload(
    data: bytes,
    *,
    unit: str | None,
    athlete: str,
    dry_run: bool,
    progress: Callable[[float, str], None] | None = None,
    distance_unit: str | None = None,
    file_name: str | None = None,
) -> ImportReport:
    """Import an uploaded export for `athlete` (nothing is written on a dry run)."""
    return import_file(
        get_connection(),
        data,
        unit=unit,
        distance_unit=distance_unit,
        athlete=athlete,
        dry_run=dry_run,
        progress=progress,
        file_name=file_name,
    )


def import_history() -> pd.DataFrame:
    """Every recorded import, the latest first."""
    return past_imports(get_connection())


def undo_import(import_id: int) -> UndoneImport:
    """Remove the sessions and sets one import added."""
    return _undo_import(get_connection(), import_id, resolve_db_path())


def backup_download() -> Callable[[], bytes]:
    """A function that makes a backup of the whole database when a download starts."""
    con = get_connection()
    return lambda: backup_bytes(con)


# --- exercise history, body map, bodyweight and landmarks -----------------------------------
# (imports kept here so this block stays separate from the rest of the file)

from pipelines import body_map as _body_map  # noqa: E402
from pipelines import bodyweight as _bodyweight  # noqa: E402
from pipelines import exercise_history as _history  # noqa: E402
from pipelines import volume_targets as _targets  # noqa: E402


@st.cache_data(ttl=TTL, max_entries=16)
def athlete_exercises(version: int, athlete_id: int) -> pd.DataFrame:
    """The exercises the athlete logged, the most recently done first."""
    return _history.athlete_exercises(get_connection(), athlete_id)


@st.cache_data(ttl=TTL, max_entries=16)
def exercise_sessions(version: int, athlete_id: int, exercise_id: str, unit: str) -> pd.DataFrame:
    """Every session of the athlete with this exercise, newest first."""
    return _history.exercise_sessions(get_connection(), athlete_id, exercise_id, unit)


@st.cache_data(ttl=TTL, max_entries=16)
def rep_records(version: int, athlete_id: int, exercise_id: str) -> pd.DataFrame:
    """The athlete's best load for 1 to 12 reps of the exercise."""
    return _history.rep_records(get_connection(), athlete_id, exercise_id)


@st.cache_data(ttl=TTL, max_entries=16)
def exercise_records(version: int, athlete_id: int, exercise_id: str) -> pd.DataFrame:
    """Every personal-record event of one exercise."""
    return personal_records(get_connection(), athlete_id=athlete_id, exercise_id=exercise_id)


@st.cache_data(ttl=TTL, max_entries=16)
def muscle_weeks(version: int, athlete_id: int, day: dt.date, weeks: int) -> pd.DataFrame:
    """Hard sets per muscle group in the `weeks` weeks up to `day`, with landmarks and status."""
    return _body_map.muscle_weeks(get_connection(), athlete_id, day, weeks)


@st.cache_data(ttl=TTL, max_entries=32)
def muscle_exercises(
    version: int, athlete_id: int, muscle_group: str, start: dt.date, end: dt.date
) -> pd.DataFrame:
    """The exercises that trained one muscle group in a range."""
    return _body_map.muscle_group_exercises(get_connection(), athlete_id, muscle_group, start, end)


@st.cache_data(ttl=TTL, max_entries=4)
def muscle_names(version: int) -> list[str]:
    """The named anatomical muscles (gastrocnemius, erector spinae …) in display order."""
    return _body_map.named_muscles(get_connection())["muscle"].tolist()


@st.cache_data(ttl=TTL, max_entries=16)
def bodyweights(version: int, athlete_id: int) -> pd.DataFrame:
    """The athlete's bodyweight per day: readings and sessions' own values."""
    return _bodyweight.bodyweight_readings(get_connection(), athlete_id)


@st.cache_data(ttl=TTL, max_entries=16)
def bodyweight_tonnage(version: int, athlete_id: int, start: dt.date, end: dt.date) -> pd.DataFrame:
    """Weekly tonnage of bodyweight moves, and the part resting on an estimate."""
    return _bodyweight.weekly_bodyweight_tonnage(get_connection(), athlete_id, start, end)


@st.cache_data(ttl=TTL, max_entries=16)
def landmarks(version: int, athlete_id: int) -> pd.DataFrame:
    """The weekly set landmarks that apply to the athlete, per muscle group, and whose."""
    return _targets.volume_landmarks(get_connection(), athlete_id=athlete_id)


def log_bodyweight(athlete_id: int, day: dt.date, weight: float | None, unit: str) -> float:
    """Validate and store a bodyweight reading; return it in kg."""
    return _bodyweight.log_bodyweight(get_connection(), athlete_id, day, weight, unit)


def save_landmarks(athlete_id: int, rows: pd.DataFrame) -> int:
    """Store the athlete's own landmarks for the given muscle groups (validated first)."""
    return _targets.set_volume_landmarks(get_connection(), athlete_id, rows)


def reset_landmarks(athlete_id: int, groups: Sequence[str] | None = None) -> int:
    """Drop the athlete's own landmarks (all, or some groups): the defaults apply again."""
    return _targets.reset_volume_landmarks(get_connection(), athlete_id, groups)


# --- insights: this week's gaps, plateaus, the week in review, circuit coaching --------------


@st.cache_data(ttl=TTL, max_entries=16)
def week_gaps(version: int, athlete_id: int, day: dt.date) -> GapAdvice:
    """The muscle groups under their minimum this week so far and the fewest sets that fix it."""
    return _week_gaps(get_connection(), athlete_id, as_of=day)


@st.cache_data(ttl=TTL, max_entries=16)
def lift_flags(version: int, athlete_id: int, day: dt.date) -> pd.DataFrame:
    """The athlete's lifts flagged as a plateau or a regression, with evidence."""
    return _lift_flags(get_connection(), athlete_id, as_of=day)


@st.cache_data(ttl=TTL, max_entries=16)
def review(version: int, athlete_id: int, day: dt.date) -> WeeklyReview:
    """The review of the Monday week holding `day`."""
    return weekly_review(get_connection(), athlete_id, week=day)


@st.cache_data(ttl=TTL, max_entries=16)
def review_csv_bytes(version: int, athlete_id: int, day: dt.date, unit: str) -> bytes:
    """The review of the week holding `day` as CSV."""
    return review_csv(review(version, athlete_id, day), unit)


@st.cache_data(ttl=TTL, max_entries=16)
def coaching(version: int, athlete_id: int, day: dt.date) -> pd.DataFrame:
    """Which moves of the beginner circuit are ready for more, from the athlete's log."""
    return circuit_coaching(get_connection(), athlete_id, as_of=day)


# --- the exercise search, past workouts and athletes ---------------------------------------


@st.cache_data(ttl=TTL, max_entries=8)
def exercise_options(version: int, athlete_id: int, day: dt.date) -> pd.DataFrame:
    """Every exercise once, in search order: the athlete's recent lifts, then common ones.

    Pass `catalog_version()` and the day being logged, as for `exercise_names`.
    """
    return _exercise_options(get_connection(), athlete_id, day)


@st.cache_data(ttl=TTL, max_entries=16)
def past_sessions(version: int, athlete_id: int, page: int) -> pd.DataFrame:
    """One page of the athlete's sessions, newest first."""
    return past_workouts.past_sessions(get_connection(), athlete_id, page)


@st.cache_data(ttl=TTL, max_entries=16)
def session_sets(version: int, session_id: int) -> pd.DataFrame:
    """One row per set of a session, in order."""
    return logbook.session_sets(get_connection(), session_id)


def delete_set_kept(set_id: int) -> dict[str, Any]:
    """Remove a logged set and return it as stored, so that it can be put back."""
    return past_workouts.delete_set_kept(get_connection(), set_id)


def restore_set(kept: dict[str, Any]) -> int:
    """Put back a set removed by `delete_set_kept`."""
    return past_workouts.restore_set(get_connection(), kept)


def delete_session(session_id: int) -> None:
    """Remove a session and all of its sets."""
    logbook.delete_session(get_connection(), session_id)


def rename_athlete(athlete_id: int, name: str) -> int:
    """Give an athlete another name; returns their id from now on."""
    return athlete_reads.rename_athlete(get_connection(), athlete_id, name)


def delete_athlete(athlete_id: int, typed_name: str) -> None:
    """Remove an athlete and every row of theirs (the typed name must be theirs)."""
    athlete_reads.delete_athlete(get_connection(), athlete_id, typed_name)
