"""What every app parser produces: canonical sets, the rows skipped, the rows rejected."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from pipelines.importers import values
from pipelines.importers.layouts import Layout
from pipelines.importers.reading import LINE, OVERFLOW

# The columns a parser hands to the writer, one row per set, in file order.
SET_COLUMNS: dict[str, str] = {
    "line": "int64",
    "athlete": "str",
    "session_key": "str",
    "session_source": "str",
    "session_source_key": "str",
    "started_at": "datetime64[us]",
    "ended_at": "datetime64[us]",
    "session_name": "str",
    "session_notes": "str",
    "bodyweight_kg": "float64",
    "template_id": "str",
    "athlete_unit": "str",
    "exercise": "str",
    "exercise_id": "str",
    "category": "str",
    "set_label": "str",
    "set_key": "str",
    "set_index": "float64",
    "set_type": "str",
    "entered_weight": "float64",
    "entered_unit": "str",
    "weight_kg": "float64",
    "reps": "float64",
    "duration_s": "float64",
    "distance_m": "float64",
    "rpe": "float64",
    "rir": "float64",
    "side": "str",
    "notes": "str",
}


@dataclass(frozen=True)
class RejectedRow:
    """A row of the file that was not imported: where, which column, what it held, and why."""

    line: int
    column: str
    value: str
    reason: str


@dataclass(frozen=True)
class Flag:
    """A value imported as it was but unlikely: where, which column, what it held, and why.

    The set itself is kept; a value that cannot be stored or would distort the figures
    (a 2,956 kg squat) is left out of them, and said so in `reason`.
    """

    line: int
    column: str
    value: str
    reason: str


@dataclass(frozen=True)
class FileFacts:
    """What a parser decides from a whole file, given to it when it reads one part of the file.

    With these a part is read exactly as it would be within the whole file: its dates in the
    file's layout, its set numbers from 0 when the file's are, its distances in the unit
    found per exercise. The file's warnings are said once, not by each part.
    """

    date_layouts: list[str]
    zero_based: bool
    metres: frozenset[str]
    warnings: list[str]


@dataclass
class Survey:
    """What a part of a file shows towards the decisions made for the whole file."""

    # The session key of every row of the part's table (rows of one workout share it).
    session_keys: pd.Series
    zero_numbers: bool = False
    distances: pd.DataFrame = field(default_factory=pd.DataFrame)
    default_distance: float = 1000.0
    odd_orders: set[str] = field(default_factory=set)
    odd_rows: int = 0
    unreadable_durations: int = 0
    unreadable_example: str | None = None


@dataclass
class ParsedFile:
    """An export read and interpreted, before exercise matching and writing."""

    layout: Layout
    sets: pd.DataFrame
    rows_read: int
    skipped: Counter[str] = field(default_factory=Counter)
    rejected: list[RejectedRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    survey: Survey | None = None


class RowChecks:
    """Collects rejected cells while a parser works through a table, column by column."""

    def __init__(self, table: pd.DataFrame, layout: Layout) -> None:
        self.table = table
        self.layout = layout
        self.rejected: list[RejectedRow] = []
        self.bad = pd.Series(False, index=table.index)
        self.skipped: Counter[str] = Counter()
        self.warnings: list[str] = []
        self.flags: list[Flag] = []
        overflow = table.get(OVERFLOW, self.bad)
        self.reject(overflow, "row", None, "it has more fields than the header row")

    def column(self, name: str) -> pd.Series:
        """A canonical column's cells (all None when the file lacks it)."""
        if name in self.table:
            return self.table[name]
        return pd.Series(None, index=self.table.index, dtype=object)

    def has(self, name: str) -> bool:
        """True when the file has the canonical column."""
        return name in self.table

    def reject(self, mask: pd.Series, column: str, cells: pd.Series | None, reason: str) -> None:
        """Reject the rows where `mask` holds, naming the file's header for `column`."""
        mask = mask.fillna(False).astype(bool) & ~self.bad
        if not mask.any():
            return
        header = self.layout.header_for(column) if column != "row" else "row"
        shown = cells if cells is not None else pd.Series("", index=mask.index)
        for line, value in zip(self.table.loc[mask, LINE], shown[mask], strict=True):
            self.rejected.append(RejectedRow(int(line), header, _show(value), reason))
        self.bad = self.bad | mask

    def flag(self, mask: pd.Series, column: str, cells: pd.Series | None, reason: str) -> None:
        """Note the rows where `mask` holds as kept but worth a look (the row stays)."""
        mask = mask.fillna(False).astype(bool) & ~self.bad
        if not mask.any():
            return
        header = self.layout.header_for(column)
        shown = cells if cells is not None else pd.Series("", index=mask.index)
        for line, value in zip(self.table.loc[mask, LINE], shown[mask], strict=True):
            self.flags.append(Flag(int(line), header, _show(value), reason))

    def skip(self, mask: pd.Series, label: str) -> None:
        """Leave out rows that are not sets (rest timers, notes …), counted under `label`."""
        mask = mask.fillna(False).astype(bool) & ~self.bad
        if mask.any():
            self.skipped[label] += int(mask.sum())
            self.bad = self.bad | mask

    def number(self, name: str, reason: str) -> pd.Series:
        """A numeric column; cells that are not numbers reject their row."""
        cells = self.column(name)
        parsed, bad = values.numbers(cells)
        self.reject(bad, name, cells, reason)
        return parsed

    def secondary_number(self, name: str, what: str) -> pd.Series:
        """A numeric column that does not make a row a set (weight, distance, seconds, RPE).

        A cell that is not a number leaves that value empty and is flagged; the set is kept.
        """
        cells = self.column(name)
        parsed, bad = values.numbers(cells)
        self.flag(bad, name, cells, f"{what} is not a number: the set was kept without it")
        return parsed

    def finish(self, sets: pd.DataFrame, rows_read: int) -> ParsedFile:
        """The parser's result: the rows neither rejected nor skipped, in canonical form."""
        keep = ~self.bad
        # Most files keep every row: then the rows are not copied just to filter nothing out.
        kept = sets if bool(keep.all()) else sets[keep.to_numpy()]
        frame = sets_frame(kept.reset_index(drop=True))
        del kept
        return ParsedFile(
            layout=self.layout,
            sets=frame,
            rows_read=rows_read,
            skipped=self.skipped,
            rejected=sorted(self.rejected, key=lambda r: (r.line, r.column)),
            warnings=self.warnings,
            flags=self._kept_flags(keep),
        )

    def _kept_flags(self, keep: pd.Series) -> list[Flag]:
        """The flags of rows that stay sets (a skipped or rejected row needs none)."""
        if not self.flags:
            return []
        lines = np.array([f.line for f in self.flags], dtype="int64")
        kept = np.isin(lines, self.table.loc[keep.to_numpy(), LINE].to_numpy())
        return [f for f, k in zip(self.flags, kept, strict=True) if k]


def sets_frame(data: pd.DataFrame | dict[str, Any]) -> pd.DataFrame:
    """A frame with exactly SET_COLUMNS, in order, missing ones filled with nulls."""
    frame = pd.DataFrame(data)
    out = pd.DataFrame(index=frame.index)
    for name, dtype in SET_COLUMNS.items():
        if dtype == "str" and name not in frame:
            out[name] = _no_text(frame.index)
            continue
        if name not in frame and dtype == "float64":
            out[name] = np.full(len(frame), np.nan)
            continue
        column = frame[name] if name in frame else pd.Series(None, index=frame.index, dtype=object)
        if dtype == "str":
            out[name] = column if column.dtype == "str" else _as_text(column)
        elif dtype == "datetime64[us]":
            out[name] = pd.to_datetime(column).astype("datetime64[us]")
        elif dtype == "int64":
            out[name] = pd.to_numeric(column, errors="coerce").astype("int64")
        else:
            out[name] = pd.to_numeric(column, errors="coerce").astype("float64")
    return out


def _no_text(index: pd.Index) -> pd.Series:
    """An all-missing text column, made without going through Python objects."""
    return pd.Series(pd.array(pa.nulls(len(index), pa.large_string()), dtype="str"), index=index)


def _as_text(column: pd.Series) -> pd.Series:
    """A column as text, converting each distinct value once (they repeat a great deal)."""
    codes, distinct = pd.factorize(column, use_na_sentinel=True)
    texts = pd.Series(distinct, dtype=object).astype("str").array
    return pd.Series(texts.take(codes, allow_fill=True), index=column.index)


def zero_to_null(numbers: pd.Series) -> pd.Series:
    """Apps write 0 for 'not measured' (no weight, no distance, no seconds): make it null."""
    return numbers.where(numbers != 0)


def whole_reps(checks: RowChecks, name: str = "reps") -> pd.Series:
    """Reps as numbers; `8.0` is 8, `8.5` rejects the row. A 0 stays 0 (see `failed_attempts`)."""
    reps = checks.number(name, "reps must be a whole number")
    fraction = reps.notna() & (reps != np.round(reps))
    checks.reject(fraction, name, checks.column(name), "reps must be a whole number")
    return reps


def failed_attempts(
    checks: RowChecks,
    reps: pd.Series,
    set_type: pd.Series,
    *,
    weight: pd.Series,
    seconds: pd.Series,
    distance: pd.Series,
    reps_column: str = "reps",
) -> tuple[pd.Series, pd.Series]:
    """Reps and set types with failed attempts kept as sets.

    A row with 0 reps and no time or distance is a failed attempt when it has a weight or is
    marked as a failure (Strong's `F`, Hevy's `failure`): it becomes a failure set with 0 reps.
    A working or drop set of 0 reps at a weight is taken as a failed attempt too, and flagged;
    a warm-up of 0 reps stays a warm-up, flagged. Any other 0 means "none" (a timed set).

    Returns:
        (reps: 0 for failed attempts, null for none; set types)
    """
    zero = reps.eq(0) & seconds.isna() & distance.isna()
    failed = zero & (weight.notna() | set_type.eq("failure"))
    retyped = failed & set_type.isin(["working", "drop"])
    checks.flag(
        retyped,
        reps_column,
        checks.column(reps_column),
        "0 reps at a weight: kept as a failed attempt (a failure set of 0 reps)",
    )
    checks.flag(
        failed & set_type.eq("warmup"),
        reps_column,
        checks.column(reps_column),
        "a warm-up of 0 reps: kept",
    )
    reps = reps.where(reps.ne(0) | failed).where(~failed, 0.0)
    return reps, set_type.where(~retyped, "failure")


# A set faster than this (metres per second) is not a walk, run, row, swim or ride.
_SPEEDS = (0.2, 30.0)


def distance_factors(
    checks: RowChecks,
    exercise: pd.Series,
    distance: pd.Series,
    seconds: pd.Series,
    default: float,
    metres: frozenset[str] | None = None,
) -> pd.Series:
    """Metres per unit for distances in a file that does not say their unit, per exercise.

    `default` (km or miles, from the weight unit) is kept unless an exercise's values say
    otherwise: a rowing 1000 in 4 minutes cannot be km or miles, so it is metres. Without times,
    distances of 100 and more per set are taken as metres. Each exercise read as metres is named
    in the report's warnings. `metres` gives the exercises already found to be in metres over
    the whole file (see `distance_sample`), when only a part of it is being read; then no
    warning is added.
    """
    factor = pd.Series(default, index=distance.index, dtype="float64")
    has = distance.notna() & (distance > 0) & ~checks.bad
    if not has.any():
        return factor
    if metres is None:
        names, warnings = metres_exercises(
            distance_sample(checks, exercise, distance, seconds), default
        )
        checks.warnings.extend(warnings)
    else:
        names = sorted(metres)
    if names:
        factor[has & exercise.isin(names)] = 1.0
    return factor


def distance_sample(
    checks: RowChecks, exercise: pd.Series, distance: pd.Series, seconds: pd.Series
) -> pd.DataFrame:
    """The rows whose distance unit is to be decided: exercise, distance and seconds."""
    has = distance.notna() & (distance > 0) & ~checks.bad
    return pd.DataFrame(
        {"exercise": exercise[has], "distance": distance[has], "seconds": seconds[has]}
    )


def metres_exercises(frame: pd.DataFrame, default: float) -> tuple[list[str], list[str]]:
    """The exercises of a `distance_sample` whose distances are metres, and a warning for each."""
    if frame.empty:
        return [], []
    frame = frame.copy()
    timed = frame["seconds"].notna() & (frame["seconds"] > 0)
    frame["speed"] = (frame["distance"] / frame["seconds"]).where(timed)
    frame["time"] = frame["seconds"].where(timed)
    summary = frame.groupby("exercise", sort=True).agg(
        speed=("speed", "median"), distance=("distance", "median"), time=("time", "median")
    )
    low, high = _SPEEDS
    as_default = summary["speed"] * default
    plausible_default = as_default.between(low, high)
    plausible_metres = summary["speed"].between(low, high)
    metres = (summary["speed"].notna() & ~plausible_default & plausible_metres) | (
        summary["speed"].isna() & (summary["distance"] >= 100)
    )
    names = [str(n) for n in summary.index[metres.to_numpy()]]
    warnings: list[str] = []
    unit = "miles" if default > 1000 else "km"
    for name in names:
        row = summary.loc[name]
        example = f"{row['distance']:g}"
        if not pd.isna(row["time"]):
            example += f" in {_minutes(float(row['time']))}"
        warnings.append(
            f"Distances of {name} were read as metres, not {unit} (a typical set: "
            f"{example}); choose the distance unit to read them otherwise."
        )
    return names, warnings


def _minutes(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


def notes_text(cells: pd.Series, *, verbatim: bool = False) -> pd.Series:
    """Notes as written (line breaks, commas, emoji, any script); '' when missing.

    A file saved with Windows line ends also has them inside its quoted notes; those become
    plain line breaks unless `verbatim` (Liftboard's own export keeps every character).
    """
    text = cells.astype("str").fillna("")
    if verbatim:
        return text
    return text.str.replace("\r\n", "\n", regex=False)


def session_firsts(keys: pd.Series, cells: pd.Series) -> pd.Series:
    """For each row, the first non-empty value of `cells` within its session."""
    cells = notes_text(cells)
    filled = cells.where(cells.str.strip() != "")
    first = filled.groupby(keys, sort=False).transform("first")
    return first.fillna("").astype("str")


def _show(value: Any) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)
