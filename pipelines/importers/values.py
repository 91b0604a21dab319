"""Turning the text cells of an export into numbers, times and units, a column at a time.

Every parser returns the parsed values and a mask of the cells that held text but could not be
read, so the importer can reject exactly those rows and say why. Work is done once per distinct
value where parsing is costly (dates, durations), which keeps a 100,000-row file fast.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from pipelines.schemas import LB_TO_KG

# Metres per unit of distance, for the spellings the apps use.
DISTANCE_UNITS: dict[str, float] = {
    "m": 1.0,
    "meter": 1.0,
    "meters": 1.0,
    "metre": 1.0,
    "metres": 1.0,
    "km": 1000.0,
    "kms": 1000.0,
    "kilometer": 1000.0,
    "kilometers": 1000.0,
    "kilometre": 1000.0,
    "kilometres": 1000.0,
    "mi": 1609.344,
    "mile": 1609.344,
    "miles": 1609.344,
    "ft": 0.3048,
    "feet": 0.3048,
    "foot": 0.3048,
    "yd": 0.9144,
    "yds": 0.9144,
    "yard": 0.9144,
    "yards": 0.9144,
}
WEIGHT_UNITS: dict[str, str] = {
    "kg": "kg",
    "kgs": "kg",
    "kilo": "kg",
    "kilos": "kg",
    "kilogram": "kg",
    "kilograms": "kg",
    "lb": "lb",
    "lbs": "lb",
    "pound": "lb",
    "pounds": "lb",
}

# Duration units in the languages exports come in; each maps to seconds.
_DURATION_UNITS: dict[str, int] = {
    **dict.fromkeys(
        [
            "d",
            "day",
            "days",
            "tag",
            "tage",
            "jour",
            "jours",
            "día",
            "días",
            "giorno",
            "giorni",
            "天",
        ],
        86400,
    ),
    **dict.fromkeys(
        [
            "h",
            "hr",
            "hrs",
            "hour",
            "hours",
            "std",
            "stunde",
            "stunden",
            "heure",
            "heures",
            "hora",
            "horas",
            "ora",
            "ore",
            "小时",
            "时",
            "時間",
            "时间",
        ],
        3600,
    ),
    **dict.fromkeys(
        [
            "m",
            "min",
            "mins",
            "minute",
            "minutes",
            "minuten",
            "minuto",
            "minutos",
            "minuti",
            "分",
            "分钟",
            "分鐘",
        ],
        60,
    ),
    **dict.fromkeys(
        [
            "s",
            "sec",
            "secs",
            "second",
            "seconds",
            "sek",
            "sekunde",
            "sekunden",
            "seconde",
            "secondes",
            "segundo",
            "segundos",
            "secondo",
            "secondi",
            "秒",
            "秒钟",
        ],
        1,
    ),
}
_DURATION_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([^\d\s.,]+)\.?")
_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:[.,]\d+)?)$")

# Timestamp layouts seen in exports, in the order tried.
TIMESTAMP_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%SZ",
    "%Y-%m-%dT%H:%M:%S.%f",
    "%Y-%m-%d",
    "%Y-%m-%d %I:%M:%S %p",
    "%Y-%m-%d %I:%M %p",
    "%d %b %Y, %H:%M",
    "%d %B %Y, %H:%M",
    "%b %d, %Y, %I:%M %p",
    "%B %d, %Y, %I:%M %p",
    "%b %d, %Y, %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d",
)


def _per_distinct(
    cells: pd.Series, parse: Callable[[pd.Series], tuple[pd.Series, pd.Series]]
) -> tuple[pd.Series, pd.Series]:
    """Run `parse` once per distinct cell and spread the results back over the rows.

    Exports repeat the same few weights, reps, dates and names thousands of times, so this is
    what keeps a 100,000-row import fast.
    """
    codes, distinct = pd.factorize(cells, use_na_sentinel=True)
    parsed, bad = parse(pd.Series(distinct, dtype=object))
    # One extra slot at the end stands for the missing cells (code -1).
    filler = pd.Series([None], dtype=parsed.dtype)
    parsed_all = pd.concat([parsed.reset_index(drop=True), filler], ignore_index=True)
    bad_all = np.append(bad.to_numpy(dtype=bool), False)
    take = np.where(codes < 0, len(distinct), codes)
    out = parsed_all.take(take)
    out.index = cells.index
    if parsed.dtype == object:
        out = out.where(out.notna(), None)
    return out, pd.Series(bad_all[take], index=cells.index)


def blank(values: pd.Series) -> pd.Series:
    """True where a cell is missing or only whitespace."""
    return values.isna() | values.astype("string").str.strip().eq("")


def text(values: pd.Series) -> pd.Series:
    """Cells as trimmed text, '' for missing."""
    trimmed, _ = _per_distinct(
        values,
        lambda d: (d.astype("str").str.strip(), pd.Series(False, index=d.index)),
    )
    return trimmed.fillna("")


def numbers(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse numbers written `52.5`, `52,5`, `1,234.5` or `1.234,5`; also `8.0` reps.

    Returns:
        (float values with NaN for blanks, mask of cells that held text but no number)
    """
    return _per_distinct(values, _numbers)


def _numbers(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse numbers written `52.5`, `52,5`, `1,234.5` or `1.234,5`; also `8.0` reps.

    Returns:
        (float values with NaN for blanks, mask of cells that held text but no number)
    """
    raw = values.astype("string").str.replace(r"[\s\u00a0\u202f']", "", regex=True).fillna("")
    has_comma = raw.str.contains(",", regex=False)
    has_dot = raw.str.contains(".", regex=False)
    comma_last = raw.str.rfind(",") > raw.str.rfind(".")
    european = raw.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    english = raw.str.replace(",", "", regex=False)
    # `52,5` and `1.234,5` use a decimal comma; `1,234.5` a thousands comma.
    cleaned = raw.where(~has_comma, european.where(comma_last | ~has_dot, english))
    parsed = pd.to_numeric(cleaned.where(cleaned != ""), errors="coerce").astype("float64")
    # Beyond 10^12 no cell of a training log is a real value (and casts to int would overflow).
    parsed = parsed.where(np.isfinite(parsed) & (parsed.abs() <= 1e12))
    bad = (cleaned != "") & parsed.isna()
    return parsed, bad.astype(bool)


def _duration_seconds(value: str) -> float | None:
    """Seconds in `7m`, `1h 6m`, `21min`, `1 Std. 2 Min.`, `20s`, `1:02:03` or `3960`."""
    cleaned = value.strip().lower()
    if not cleaned:
        return None
    try:
        return float(cleaned.replace(",", "."))
    except ValueError:
        pass
    clock = _CLOCK.match(cleaned)
    if clock:
        hours, minutes, seconds = clock.groups()
        return int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds.replace(",", "."))
    total = 0.0
    for match in _DURATION_PART.finditer(cleaned):
        unit = _DURATION_UNITS.get(match.group(2))
        if unit is None:
            return None
        total += float(match.group(1).replace(",", ".")) * unit
    leftover = _DURATION_PART.sub("", cleaned).strip(" ,.")
    if leftover or not _DURATION_PART.search(cleaned):
        return None
    return total


def durations(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse workout and set durations in any of the forms the apps write.

    Returns:
        (seconds as floats, NaN for blanks; mask of cells that could not be read)
    """
    return _per_distinct(values, _durations)


def _durations(cells: pd.Series) -> tuple[pd.Series, pd.Series]:
    seconds = [_duration_seconds(str(v)) if not pd.isna(v) else None for v in cells]
    parsed = pd.to_numeric(pd.Series(seconds, dtype=object), errors="coerce").astype("float64")
    filled = cells.astype("string").str.strip().fillna("").ne("")
    return parsed, (filled & parsed.isna()).astype(bool)


def clock_durations(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse `H:MM:SS` times (FitNotes); plain numbers are taken as seconds."""
    return durations(values)


def timestamps(
    values: pd.Series, *, day_first: bool = True, ranked: list[str] | None = None
) -> tuple[pd.Series, pd.Series]:
    """Parse dates and times, choosing the layout that reads the most distinct values.

    `8 Apr 2026, 16:50`, `Jun 11, 2026, 1:01 PM`, `2026-04-08 16:50:00`, `2026-04-08` … When a
    file could be read day-first or month-first, `day_first` breaks the tie. `ranked` gives the
    layouts in the order to try (`timestamp_layouts` of the whole column), so that a part of a
    file is read as the whole file would be.

    Returns:
        (timestamps with NaT for blanks, mask of cells that held text but no date)
    """
    return _per_distinct(
        values, lambda cells: _timestamps(cells, day_first=day_first, ranked=ranked)
    )


# Distinct cells a column's date layouts are ranked on.
DATE_SAMPLE = 50


def timestamp_layouts(distinct: pd.Series, *, day_first: bool = True) -> list[str]:
    """The date layouts in the order `timestamps` tries them, ranked on the first distinct cells.

    `distinct` holds a column's distinct cells in the order they first appear (the first
    `DATE_SAMPLE` of them are enough).
    """
    cleaned = _cleaned_stamps(distinct)
    formats = list(TIMESTAMP_FORMATS)
    if not day_first:
        formats.sort(key=lambda f: f.startswith("%d/"))
    # Rank the layouts on a sample; the one that reads most of it goes first, then the
    # others for whatever is left. A layout that reads the whole sample ends the search.
    sample = cleaned.dropna().head(DATE_SAMPLE)
    score: dict[str, int] = {}
    for layout in formats:
        score[layout] = int(pd.to_datetime(sample, format=layout, errors="coerce").notna().sum())
        if score[layout] == len(sample):
            break
    return sorted(formats, key=lambda f: -score.get(f, 0))


def _cleaned_stamps(cells: pd.Series) -> pd.Series:
    return cells.astype("string").str.strip().str.replace(r"\s+", " ", regex=True)


def _timestamps(
    cells: pd.Series, *, day_first: bool, ranked: list[str] | None
) -> tuple[pd.Series, pd.Series]:
    cleaned = _cleaned_stamps(cells)
    if ranked is None:
        ranked = timestamp_layouts(cells, day_first=day_first)
    found = pd.Series(pd.NaT, index=cells.index, dtype="datetime64[us]")
    for layout in ranked:
        missing = found.isna() & cleaned.notna()
        if not missing.any():
            break
        parsed = pd.to_datetime(cleaned[missing], format=layout, errors="coerce")
        found.loc[missing] = parsed.astype("datetime64[us]")
    bad = cleaned.fillna("").ne("") & found.isna()
    return found, bad.astype(bool)


def stamp_text(stamps: pd.Series, layout: str = "%Y-%m-%d %H:%M:%S") -> pd.Series:
    """Timestamps written as text ('' where missing), formatted once per distinct value."""
    written, _ = _per_distinct(
        stamps,
        lambda d: (
            pd.to_datetime(d).dt.strftime(layout).astype("str"),
            pd.Series(False, index=d.index),
        ),
    )
    return written.fillna("").astype("str")


def weight_units(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Per-row weight units (`kg`, `kgs`, `lbs` …) as kg or lb; None for blanks."""
    return _per_distinct(values, lambda cells: _lookup(cells, WEIGHT_UNITS, object))


def distance_factors(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Per-row distance units (`km`, `mi`, `m`, `ft` …) as metres per unit; NaN for blanks."""
    return _per_distinct(values, lambda cells: _lookup(cells, DISTANCE_UNITS, "float64"))


def _lookup(cells: pd.Series, table: dict[str, Any], dtype: Any) -> tuple[pd.Series, pd.Series]:
    keys = cells.astype("string").str.strip().str.lower().str.rstrip(".")
    found = pd.Series([table.get(str(k)) if not pd.isna(k) else None for k in keys], dtype=object)
    parsed = found if dtype is object else found.astype(dtype)
    bad = keys.fillna("").ne("") & found.isna()
    return parsed, bad.astype(bool)


def kilograms_as_entered(kg: pd.Series, unit: str | None) -> tuple[pd.Series, pd.Series]:
    """Recover what the lifter typed from weights an app exported in kg.

    Apps that store kilograms export a pound lifter's 115 lb as `52.163122550000004`. When the
    user names the unit, it is used for every row; otherwise a row is taken as pounds when its
    kg value has more than three decimals and is a whole hundredth of a pound, else as kg
    rounded to three decimals (removing float noise such as `60.00000001`).

    Returns:
        (entered weight, entered unit per row: kg or lb; None where the weight is missing)
    """
    pounds = kg / LB_TO_KG
    pounds_rounded = pounds.round(2)
    kilos_rounded = kg.round(3)
    if unit == "lb":
        is_lb = kg.notna()
    elif unit == "kg":
        is_lb = pd.Series(False, index=kg.index)
    else:
        noisy = (kg - kilos_rounded).abs() > 1e-9
        is_lb = noisy & ((pounds - pounds_rounded).abs() < 1e-6)
    entered = kilos_rounded.where((kg - kilos_rounded).abs() < 1e-6, kg)
    entered = entered.where(~is_lb, pounds_rounded)
    units = pd.Series(np.where(is_lb, "lb", "kg"), index=kg.index, dtype=object)
    units = units.where(kg.notna(), None)
    return entered, units


def to_kg(weight: pd.Series, units: pd.Series) -> pd.Series:
    """Kilograms from entered weights and their units (1 lb = 0.45359237 kg)."""
    factor = units.map({"kg": 1.0, "lb": LB_TO_KG})
    return (weight * pd.to_numeric(factor, errors="coerce")).astype("float64")
