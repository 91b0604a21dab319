"""Weekly set landmarks per muscle group (MV, MEV, MAV, MRV) and each week's status.

The shipped defaults (`data/volume_landmarks.csv`) follow the practitioner landmarks of
Renaissance Periodization for intermediates; an athlete's own values replace them per muscle
group. A week's status compares its fractional hard sets with the landmarks:

- below maintenance: hard_sets < MV
- below minimum effective: MV <= hard_sets < MEV, or no hard sets at all
- productive: MEV <= hard_sets <= MRV (and more than zero)
- above maximum recoverable: hard_sets > MRV
- no target: the muscle group has no landmarks (neither shipped nor the athlete's)
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import duckdb
import numpy as np
import pandas as pd

from pipelines import volume_cache
from pipelines.db import read_sql
from pipelines.errors import Problem, ValidationError
from pipelines.filters import DayLike, date_range, secondary_set_weight, week_start_isodow
from pipelines.schemas import (
    MUSCLE_GROUPS,
    RULES,
    TARGET_STATUSES,
    PeriodBalance,
    PeriodVolume,
    VolumeLandmark,
    VolumeLandmarkEntry,
    WeeklyVolumeStatus,
    typed_as,
    validate,
)
from pipelines.weekly_volume import cut_weeks, make_period_volume, muscle_group_order
from pipelines.writes import write

Bucket = Literal["week", "month"]

LANDMARK_COLUMNS = ("mv_sets", "mev_sets", "mav_low_sets", "mav_high_sets", "mrv_sets")
_LANDMARK_RULE = (
    "landmarks must be numbers from 0 to 100 sets with MV <= MEV <= MAV low <= MAV high <= MRV"
)


def volume_landmarks(
    con: duckdb.DuckDBPyConnection, *, athlete_id: int | None = None
) -> pd.DataFrame:
    """The weekly set landmarks that apply to each athlete and muscle group.

    Returns:
        One row per (athlete_id, muscle_group) in display order, validated by `VolumeLandmark`:
        `mv_sets`, `mev_sets`, `mav_low_sets`, `mav_high_sets`, `mrv_sets` (empty when the
        group has no landmark), `source` (athlete, default or none) and `basis` (where the
        default comes from).
    """
    frame = con.cursor().execute(read_sql("marts/volume_landmarks"), {"athlete_id": athlete_id})
    return validate(VolumeLandmark, frame.df())


def set_volume_landmarks(
    con: duckdb.DuckDBPyConnection,
    athlete_id: int,
    entries: Sequence[Mapping[str, Any]] | pd.DataFrame,
) -> int:
    """Store an athlete's own landmarks for some muscle groups, in one transaction.

    Each entry has `muscle_group` and the five landmarks (`mv_sets`, `mev_sets`,
    `mav_low_sets`, `mav_high_sets`, `mrv_sets`); a group already set is replaced.

    Returns:
        The number of muscle groups written.

    Raises:
        ValidationError: naming each rejected row, column and value; nothing is written.
    """
    raw = entries.copy() if isinstance(entries, pd.DataFrame) else pd.DataFrame(list(entries))
    if raw.empty:
        return 0
    raw = raw.reset_index(drop=True)
    wanted = ("muscle_group", *LANDMARK_COLUMNS)
    problems = [
        Problem(None, str(c), c, "that field is not a landmark") for c in raw if c not in wanted
    ]
    problems += [Problem(None, c, None, "that column is missing") for c in wanted if c not in raw]
    if problems:
        raise ValidationError(problems)
    frame = raw.loc[:, list(wanted)].copy()
    frame["muscle_group"] = frame["muscle_group"].map(
        lambda g: str(g).strip().lower() if g is not None else g
    )
    for column in LANDMARK_COLUMNS:
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    frame.insert(0, "athlete_id", athlete_id)
    problems = [
        Problem(int(i) + 1, column, raw[column].iloc[i], _LANDMARK_RULE)
        for column in LANDMARK_COLUMNS
        for i in np.flatnonzero(frame[column].isna().to_numpy())
    ]
    problems += [
        Problem(int(i) + 1, "muscle_group", raw["muscle_group"].iloc[i], _GROUP_RULE)
        for i in np.flatnonzero(~frame["muscle_group"].isin(MUSCLE_GROUPS).to_numpy())
    ]
    for earlier, later in itertools.pairwise(LANDMARK_COLUMNS):
        out_of_order = (frame[later] < frame[earlier]).to_numpy()
        problems += [
            Problem(int(i) + 1, later, raw[later].iloc[i], _LANDMARK_RULE)
            for i in np.flatnonzero(out_of_order)
        ]
    repeated = frame["muscle_group"].duplicated(keep="first").to_numpy()
    problems += [
        Problem(int(i) + 1, "muscle_group", raw["muscle_group"].iloc[i], "it is given twice")
        for i in np.flatnonzero(repeated)
    ]
    if problems:
        raise ValidationError(sorted(problems, key=lambda p: (p.row or 0, p.column)))
    try:
        values = validate(VolumeLandmarkEntry, frame)
    except ValidationError as exc:
        raise ValidationError(
            [
                Problem(p.row, p.column, p.value, _LANDMARK_RULE) if p.column != "athlete_id" else p
                for p in exc.problems
            ]
        ) from None
    if not _athlete_exists(con, athlete_id):
        raise ValidationError([Problem(None, "athlete_id", athlete_id, RULES["athlete_id"])])
    with write(con, "landmarks") as w:
        w.cur.register("incoming_landmarks", values)
        w.cur.execute(read_sql("writes/upsert_athlete_landmarks"))
        w.cur.unregister("incoming_landmarks")
    return len(values)


def reset_volume_landmarks(
    con: duckdb.DuckDBPyConnection, athlete_id: int, muscle_groups: Sequence[str] | None = None
) -> int:
    """Drop an athlete's own landmarks (all, or for some groups) so the defaults apply again.

    Returns:
        The number of muscle groups reset.
    """
    with write(con, "landmarks") as w:
        if muscle_groups is None:
            rows = w.cur.execute(
                "delete from athlete_volume_landmarks where athlete_id = ? returning muscle_group",
                [athlete_id],
            ).fetchall()
        else:
            rows = w.cur.execute(
                "delete from athlete_volume_landmarks where athlete_id = ? "
                "and muscle_group in (select unnest(?::varchar[])) returning muscle_group",
                [athlete_id, [str(g).strip().lower() for g in muscle_groups]],
            ).fetchall()
    return len(rows)


def weekly_volume_status(
    con: duckdb.DuckDBPyConnection,
    *,
    athlete_id: int | None = None,
    start: DayLike = None,
    end: DayLike = None,
    secondary_weight: float = 0.5,
    week_start: str = "monday",
    live: bool = False,
) -> pd.DataFrame:
    """The weekly muscle volume with each row's landmarks and status (see the module notes).

    Takes the filters of `weekly_muscle_volume` (`live` too), and gives the same volume columns.
    Monday weeks are one plain read of the kept weekly cells (`marts/weekly_volume_status`);
    other week starts, a week cut by the range with sessions outside it, and `live=True` are
    counted from the sets.

    Returns:
        One row per (athlete_id, week_start, muscle_group), validated by `WeeklyVolumeStatus`:
        the volume columns, the five landmarks and `target_status` (categorical).
    """
    span = date_range(start, end)
    isodow = week_start_isodow(week_start)
    weight = secondary_set_weight(secondary_weight)
    cur = con.cursor()
    try:
        kept = isodow == 1 and not live and volume_cache.refresh(con)
        if kept and not cut_weeks(cur, athlete_id, span):
            params = {
                "athlete_id": athlete_id,
                "start": span.start,
                "end": span.end,
                "secondary_weight": weight,
            }
            sql = read_sql("marts/weekly_volume_status")
        else:
            params = make_period_volume(
                con,
                cur,
                athlete_id=athlete_id,
                start=span.start,
                end=span.end,
                secondary_weight=weight,
                week_start=week_start,
                by_month=False,
            )
            sql = read_sql("marts/period_volume_status")
        if athlete_id is None:
            # `sql(...)` streams the answer into arrays: for everyone's history (millions of
            # rows) much cheaper than `execute(...)`, which is faster for small answers
            found = cur.sql(sql, params=params).fetchnumpy()
        else:
            found = cur.execute(sql, params).fetchnumpy()
    finally:
        cur.close()
    groups = pd.Index(muscle_group_order(con))
    columns: dict[str, Any] = {
        "athlete_id": np.asarray(found["athlete_id"], dtype=np.int64),
        "week_start": np.asarray(
            found["week_start" if "week_start" in found else "period_start"],
            dtype="datetime64[ns]",
        ),
        "muscle_group": pd.Categorical.from_codes(np.asarray(found["group_index"]), groups),
    }
    for name in (*_VOLUME_COLUMNS, *LANDMARK_COLUMNS):
        columns[name] = np.asarray(found[name], dtype=_VOLUME_DTYPES.get(name, np.float64))
    columns["target_status"] = pd.Categorical.from_codes(
        np.asarray(found["status_code"]), pd.Index(TARGET_STATUSES)
    )
    # Read, not written: the frame is built with the model's own columns and dtypes, so its
    # rules are checked without pandera's copying and coercing (schemas.passes_as_built).
    return validate(WeeklyVolumeStatus, pd.DataFrame(columns, copy=False), as_built=True)


_VOLUME_COLUMNS = (
    "hard_sets",
    "direct_sets",
    "reps",
    "tonnage_kg",
    "estimated_tonnage_kg",
    "duration_s",
)
_VOLUME_DTYPES: dict[str, Any] = {"direct_sets": np.int64, "reps": np.int64}


_BALANCE_COLUMNS = ("back_sets", "legs_sets", "back_share", "back_total", "legs_total")


@dataclass(frozen=True)
class VolumeOverview:
    """One athlete's volume over a range, per week or calendar month: what Trends draws."""

    volume: pd.DataFrame  # validated by PeriodVolume
    balance: pd.DataFrame  # validated by PeriodBalance


def volume_overview(
    con: duckdb.DuckDBPyConnection,
    *,
    athlete_id: int,
    start: DayLike,
    end: DayLike,
    bucket: Bucket = "week",
    secondary_weight: float = 0.5,
    week_start: str = "monday",
    live: bool = False,
) -> VolumeOverview:
    """Hard sets per week of every muscle group against its landmarks, and back against legs.

    The volume is counted once for both. Per `bucket`: weeks (each with its status), or
    calendar months, each its average week (hard sets x 7 / its days in the range; no status),
    from the month holding `start`.

    Monday weeks are one plain read of the kept weekly cells (`marts/period_volume_kept`, the
    back and legs of each week on its rows); months, other week starts and a week cut by the
    range with sessions outside it are counted from the sets once, into a table that the
    status and the balance then read (`weekly_volume.make_period_volume`), as is everything
    with `live=True`.

    Raises:
        ValidationError: a bad date, range, weight or weekday.
    """
    span = date_range(start, end)
    weight = secondary_set_weight(secondary_weight)
    cur = con.cursor()
    try:
        kept = (
            bucket == "week"
            and not live
            and week_start_isodow(week_start) == 1
            and volume_cache.refresh(con)
            and not cut_weeks(cur, athlete_id, span)
        )
        if kept:
            params = {
                "athlete_id": athlete_id,
                "start": span.start,
                "end": span.end,
                "secondary_weight": weight,
            }
            volume = cur.execute(read_sql("marts/period_volume_kept"), params).df()
            balance = volume.drop_duplicates(["athlete_id", "period_start"])[
                ["athlete_id", "period_start", *_BALANCE_COLUMNS]
            ].reset_index(drop=True)
        else:
            params = make_period_volume(
                con,
                cur,
                athlete_id=athlete_id,
                start=span.start,
                end=span.end,
                secondary_weight=weight,
                week_start=week_start,
                by_month=bucket == "month",
                live=live,
            )
            volume = cur.execute(read_sql("marts/period_volume_status"), params).df()
            balance = cur.execute(read_sql("marts/weekly_balance")).df()
    finally:
        cur.close()
    labels = pd.Series((*TARGET_STATUSES, "")).to_numpy()

    def named(column: str) -> Any:
        return labels[volume.pop(column).fillna(len(TARGET_STATUSES)).astype(int)]

    volume = volume.assign(
        period=volume["period_start"],
        hard_sets=volume["sets_per_week"],
        target_status=named("status_code"),
        low_status=named("low_status_code"),
        high_status=named("high_status_code"),
        muscle_group=pd.Categorical.from_codes(
            volume["group_index"], pd.Index(muscle_group_order(con))
        ),
    )[list(PeriodVolume.to_schema().columns)]
    balance = balance.rename(columns={"period_start": "period"})
    # A read of a few hundred rows: typed as the models coerce, then checked without pandera's
    # copying (schemas.passes_as_built); anything unexpected still gets the full validation.
    return VolumeOverview(
        validate(PeriodVolume, typed_as(PeriodVolume, volume), as_built=True),
        validate(PeriodBalance, typed_as(PeriodBalance, balance), as_built=True),
    )


def _athlete_exists(con: duckdb.DuckDBPyConnection, athlete_id: int) -> bool:
    row = (
        con.cursor()
        .execute("select 1 from athletes where athlete_id = ?", [int(athlete_id)])
        .fetchone()
    )
    return row is not None


_GROUP_RULE = "the muscle group must be one of " + ", ".join(MUSCLE_GROUPS)


TRAINING_LEVELS = ("beginner", "intermediate")


def training_level(con: duckdb.DuckDBPyConnection, athlete_id: int) -> str:
    """Which shipped landmarks apply to the athlete: `beginner` or `intermediate`."""
    row = (
        con.cursor()
        .execute(
            "select coalesce(training_level, 'intermediate') from athletes where athlete_id = ?",
            [int(athlete_id)],
        )
        .fetchone()
    )
    return str(row[0]) if row else "intermediate"


def set_training_level(con: duckdb.DuckDBPyConnection, athlete_id: int, level: str) -> None:
    """Choose the shipped landmarks (beginner or intermediate) for an athlete's statuses.

    Raises:
        ValidationError: an unknown level or athlete; nothing is written.
    """
    chosen = str(level).strip().lower()
    if chosen not in TRAINING_LEVELS:
        rule = "the training level must be beginner or intermediate"
        raise ValidationError([Problem(None, "training_level", level, rule)])
    if not _athlete_exists(con, athlete_id):
        raise ValidationError([Problem(None, "athlete_id", athlete_id, RULES["athlete_id"])])
    with write(con, "training level") as w:
        w.cur.execute(
            "update athletes set training_level = ? where athlete_id = ?", [chosen, athlete_id]
        )
