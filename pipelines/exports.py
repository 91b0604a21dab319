"""CSV exports: sets (the liftboard format), weekly volume and personal records.

Each export is a DataFrame in its documented column order; `to_csv_bytes` writes it as UTF-8
CSV, safe to open in a spreadsheet. The sets export imports back losslessly.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from pipelines.db import read_sql
from pipelines.filters import DayLike, date_range
from pipelines.schemas import (
    LB_TO_KG,
    PersonalRecordsExport,
    SetsExport,
    WeeklyVolumeExport,
    validate,
)
from pipelines.strength import personal_records
from pipelines.volume_targets import weekly_volume_status

EXPORTS = ("sets", "weekly-volume", "personal-records")
# The columns every `sets` export starts with, in this order; extras follow.
SETS_COLUMNS = (
    "athlete",
    "session_id",
    "session_name",
    "started_at",
    "performed_on",
    "exercise",
    "exercise_id",
    "set_index",
    "set_type",
    "weight_kg",
    "entered_weight",
    "entered_unit",
    "reps",
    "duration_s",
    "distance_m",
    "rpe",
    "rir",
    "notes",
)
SETS_EXTRAS = (
    "side",
    "session_notes",
    "ended_at",
    "bodyweight_kg",
    "template_id",
    "source",
    "source_key",
    "set_source_key",
    "athlete_unit",
)
WEEKLY_VOLUME_COLUMNS = (
    "athlete",
    "week_start",
    "muscle_group",
    "hard_sets",
    "direct_sets",
    "reps",
    "tonnage_kg",
    "duration_s",
    "target_status",
)
PERSONAL_RECORDS_COLUMNS = ("athlete", "exercise", "record", "value", "unit", "achieved_on")
# Columns that hold a day (written YYYY-MM-DD); other datetime columns carry the time too.
DATE_COLUMNS = frozenset({"performed_on", "week_start", "achieved_on", "day"})
# A text cell starting with one of these could run as a formula in a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
RECORD_LABELS = {
    "heaviest_load": "heaviest load",
    "best_e1rm": "best estimated 1RM",
    "best_session_tonnage": "best session tonnage",
}


def sets_export(
    con: duckdb.DuckDBPyConnection,
    *,
    athlete_id: int | None = None,
    start: DayLike = None,
    end: DayLike = None,
) -> pd.DataFrame:
    """Every set with its session and athlete, in the liftboard format.

    Columns: `SETS_COLUMNS`, then `SETS_EXTRAS` (side, session notes, end time, bodyweight,
    template, the session's source and key, the set's own key, the athlete's unit), so that
    importing the file into an empty database gives back the same sets.

    Returns:
        One row per set, by athlete, session start and set order; validated by `SetsExport`.
    """
    span = date_range(start, end)
    frame = (
        con.cursor()
        .execute(
            read_sql("exports/sets"),
            {"athlete_id": athlete_id, "start": span.start, "end": span.end},
        )
        .df()
    )
    return validate(SetsExport, frame)


def weekly_volume_export(
    con: duckdb.DuckDBPyConnection,
    *,
    athlete_id: int | None = None,
    start: DayLike = None,
    end: DayLike = None,
    secondary_weight: float = 0.5,
    week_start: str = "monday",
) -> pd.DataFrame:
    """The weekly muscle volume with each week's target status, by athlete name.

    Returns:
        One row per (athlete, week_start, muscle_group) in `WEEKLY_VOLUME_COLUMNS` order,
        validated by `WeeklyVolumeExport`.
    """
    status = weekly_volume_status(
        con,
        athlete_id=athlete_id,
        start=start,
        end=end,
        secondary_weight=secondary_weight,
        week_start=week_start,
    )
    names = _athlete_names(con)
    frame = pd.DataFrame(
        {
            "athlete": status["athlete_id"].map(names).astype(str),
            "week_start": status["week_start"],
            "muscle_group": status["muscle_group"].astype(str),
            "hard_sets": status["hard_sets"],
            "direct_sets": status["direct_sets"],
            "reps": status["reps"],
            "tonnage_kg": status["tonnage_kg"],
            "duration_s": status["duration_s"],
            "target_status": status["target_status"].astype(str),
        }
    )
    return validate(WeeklyVolumeExport, frame)


def personal_records_export(
    con: duckdb.DuckDBPyConnection,
    *,
    athlete_id: int | None = None,
    start: DayLike = None,
    end: DayLike = None,
) -> pd.DataFrame:
    """Every personal record event, with loads in each athlete's own unit.

    `record` says what was beaten ("heaviest load", "best estimated 1RM", "most reps at
    60 kg", "most reps at bodyweight", "best session tonnage"); `value` is in `unit` (kg or lb
    for loads, reps for rep records), rounded to 0.01.

    Returns:
        One row per event in `PERSONAL_RECORDS_COLUMNS` order, validated by
        `PersonalRecordsExport`.
    """
    records = personal_records(con, athlete_id=athlete_id, start=start, end=end)
    names = _athlete_names(con)
    units = _athlete_units(con)
    unit = records["athlete_id"].map(units).fillna("kg").astype(str)
    per_unit = np.where(unit == "lb", 1 / LB_TO_KG, 1.0)
    is_reps = (records["unit"] == "reps").to_numpy()
    value = np.where(is_reps, records["value"], records["value"] * per_unit)
    load = records["load_kg"].fillna(0).to_numpy() * per_unit
    labels = [
        RECORD_LABELS.get(kind)
        or (f"most reps at {round(w, 2):g} {u}" if w > 0 else "most reps at bodyweight")
        for kind, w, u in zip(records["record"], load, unit, strict=True)
    ]
    frame = pd.DataFrame(
        {
            "athlete": records["athlete_id"].map(names).astype(str),
            "exercise": records["exercise"],
            "record": labels,
            "value": np.round(value.astype(float), 2),
            "unit": np.where(is_reps, "reps", unit),
            "achieved_on": records["achieved_on"],
        }
    )
    return validate(PersonalRecordsExport, frame)


def export_frame(
    con: duckdb.DuckDBPyConnection,
    what: str,
    *,
    athlete_id: int | None = None,
    start: DayLike = None,
    end: DayLike = None,
) -> pd.DataFrame:
    """The export called `what` (sets, weekly-volume or personal-records)."""
    if what == "sets":
        return sets_export(con, athlete_id=athlete_id, start=start, end=end)
    if what == "weekly-volume":
        return weekly_volume_export(con, athlete_id=athlete_id, start=start, end=end)
    if what == "personal-records":
        return personal_records_export(con, athlete_id=athlete_id, start=start, end=end)
    raise ValueError(f"unknown export {what!r}; choose one of {', '.join(EXPORTS)}")


def neutralise(text: str) -> str:
    """Defuse a text cell that a spreadsheet would run as a formula, by a leading apostrophe.

    A cell that is already apostrophes before a formula character gets one more, so that the
    importer, which drops exactly one, gives back the text as it was.
    """
    return "'" + text if text.lstrip("'").startswith(FORMULA_STARTS) else text


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """Write `frame` as CSV: UTF-8, comma, a header row, CRLF line ends (RFC 4180), ISO dates.

    Text cells starting with `=`, `+`, `-`, `@`, a tab or a carriage return get a leading
    apostrophe so a spreadsheet shows them as text; numeric columns are written as they are,
    negative numbers included. Empty values are empty cells; a cell holding a comma, a quote
    or a line break is quoted.
    """
    out = pd.DataFrame(index=frame.index)
    for column in frame.columns:
        values = frame[column]
        if isinstance(values.dtype, pd.CategoricalDtype):
            values = values.astype(object).where(values.notna(), None)
        if pd.api.types.is_datetime64_any_dtype(values):
            out[column] = _iso(values, day_only=column in DATE_COLUMNS)
        elif pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            out[column] = values
        else:
            out[column] = values.map(lambda v: neutralise(v) if isinstance(v, str) else v)
    # CRLF: with it, a cell holding a lone carriage return is quoted too
    return out.to_csv(index=False, lineterminator="\r\n").encode("utf-8")


def _iso(values: pd.Series, *, day_only: bool) -> pd.Series:
    fraction = bool(values.dropna().dt.microsecond.any())
    pattern = "%Y-%m-%d %H:%M:%S.%f" if fraction else "%Y-%m-%d %H:%M:%S"
    text: pd.Series = values.dt.strftime("%Y-%m-%d" if day_only else pattern)
    return text


def _athlete_names(con: duckdb.DuckDBPyConnection) -> dict[int, str]:
    rows = con.cursor().execute("select athlete_id, name from athletes").fetchall()
    return {int(i): str(n) for i, n in rows}


def _athlete_units(con: duckdb.DuckDBPyConnection) -> dict[int, str]:
    rows = con.cursor().execute("select athlete_id, unit from athletes").fetchall()
    return {int(i): str(u) for i, u in rows}
