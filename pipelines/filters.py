"""The filters every mart takes (athlete, date range, week start), checked the same way."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from pipelines.errors import Problem, ValidationError
from pipelines.schemas import SECONDARY_WEIGHTS, WEEK_STARTS

DayLike = dt.date | dt.datetime | str | pd.Timestamp | None


@dataclass(frozen=True)
class Range:
    """A checked range of local dates; either end may be open (None)."""

    start: dt.date | None
    end: dt.date | None


def as_day(value: DayLike, name: str) -> dt.date | None:
    """Read a day given as a date, a datetime or an ISO string (`YYYY-MM-DD`); None stays None.

    Raises:
        ValidationError: the value is not a real date.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        stamp = pd.Timestamp(str(value).strip())
    except (ValueError, TypeError):
        stamp = None
    if stamp is None or pd.isna(stamp):
        raise ValidationError([Problem(None, name, value, "it must be a real date (YYYY-MM-DD)")])
    return stamp.date()


def date_range(start: DayLike, end: DayLike, names: tuple[str, str] = ("start", "end")) -> Range:
    """Check a range: both ends real dates (or open), the start not after the end.

    Raises:
        ValidationError: naming the bad end.
    """
    first, last = as_day(start, names[0]), as_day(end, names[1])
    if first is not None and last is not None and first > last:
        raise ValidationError(
            [Problem(None, names[1], last.isoformat(), "the range must not end before it starts")]
        )
    return Range(first, last)


def week_start_isodow(week_start: str) -> int:
    """The ISO weekday (Monday 1 … Sunday 7) on which weeks start.

    Raises:
        ValidationError: the name is not a weekday.
    """
    name = str(week_start).strip().lower()
    if name not in WEEK_STARTS:
        raise ValidationError(
            [Problem(None, "week_start", week_start, "it must be a weekday name such as monday")]
        )
    return WEEK_STARTS.index(name) + 1


def secondary_set_weight(value: float) -> float:
    """The share of a set that a secondary muscle receives: 0, 0.5 or 1.

    Raises:
        ValidationError: any other value.
    """
    try:
        weight = float(value)
    except (TypeError, ValueError):
        weight = float("nan")
    if weight not in SECONDARY_WEIGHTS:
        raise ValidationError([Problem(None, "secondary_weight", value, "it must be 0, 0.5 or 1")])
    return weight


def week_of(day: dt.date, week_start: str = "monday") -> dt.date:
    """The first day of the week that holds `day`."""
    offset = (day.isoweekday() - week_start_isodow(week_start)) % 7
    return day - dt.timedelta(days=offset)
