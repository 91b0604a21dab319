"""Rest between sets: each athlete's own rest after a single set, kept in `athletes.rest_s`."""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from pipelines.errors import Problem, ValidationError
from pipelines.schemas import RULES, StrictModel, validate
from pipelines.writes import write

DEFAULT_REST_S = 90
MAX_REST_S = 900  # a quarter of an hour: longer than any rest between two sets
REST_RULE = f"the rest must be a whole number of seconds from 0 to {MAX_REST_S}"


class RestSetting(StrictModel):
    """One athlete's rest between single sets, about to be written."""

    athlete_id: Series[int]
    rest_s: Series[int] = pa.Field(ge=0, le=MAX_REST_S)


def rest_seconds(con: duckdb.DuckDBPyConnection, athlete_id: int) -> int:
    """The athlete's rest between single sets in seconds (90 unless they chose another)."""
    row = (
        con.cursor()
        .execute("select rest_s from athletes where athlete_id = ?", [athlete_id])
        .fetchone()
    )
    return DEFAULT_REST_S if row is None or row[0] is None else int(row[0])


def set_rest_seconds(con: duckdb.DuckDBPyConnection, athlete_id: int, seconds: Any) -> int:
    """Store the athlete's rest between single sets; returns the seconds stored.

    Raises:
        ValidationError: not a whole number of seconds from 0 to 900, or an unknown athlete;
            nothing is written.
    """
    whole = _whole(seconds)
    if whole is None:
        raise ValidationError([Problem(1, "rest_s", seconds, REST_RULE)])
    try:
        row = validate(RestSetting, pd.DataFrame({"athlete_id": [athlete_id], "rest_s": [whole]}))
    except ValidationError as exc:
        raise ValidationError(
            [Problem(p.row, p.column, seconds, REST_RULE) for p in exc.problems]
        ) from None
    known = con.cursor().execute("select 1 from athletes where athlete_id = ?", [athlete_id])
    if known.fetchone() is None:
        raise ValidationError([Problem(1, "athlete_id", athlete_id, RULES["athlete_id"])])
    stored = int(row["rest_s"].iloc[0])
    with write(con, "athlete") as w:
        w.cur.execute("update athletes set rest_s = ? where athlete_id = ?", [stored, athlete_id])
    return stored


def _whole(value: Any) -> int | None:
    """`value` as a whole number, or None when it is not one (90, 90.0 and "90" are)."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if number.is_integer() else None
