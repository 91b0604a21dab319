"""What every app parser produces: canonical sets, the rows skipped, the rows rejected."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

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


@dataclass
class ParsedFile:
    """An export read and interpreted, before exercise matching and writing."""

    layout: Layout
    sets: pd.DataFrame
    rows_read: int
    skipped: Counter[str] = field(default_factory=Counter)
    rejected: list[RejectedRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class RowChecks:
    """Collects rejected cells while a parser works through a table, column by column."""

    def __init__(self, table: pd.DataFrame, layout: Layout) -> None:
        self.table = table
        self.layout = layout
        self.rejected: list[RejectedRow] = []
        self.bad = pd.Series(False, index=table.index)
        self.skipped: Counter[str] = Counter()
        self.warnings: list[str] = []
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

    def finish(self, sets: pd.DataFrame, rows_read: int) -> ParsedFile:
        """The parser's result: the rows neither rejected nor skipped, in canonical form."""
        keep = ~self.bad
        frame = sets_frame(sets[keep.to_numpy()].reset_index(drop=True))
        return ParsedFile(
            layout=self.layout,
            sets=frame,
            rows_read=rows_read,
            skipped=self.skipped,
            rejected=sorted(self.rejected, key=lambda r: (r.line, r.column)),
            warnings=self.warnings,
        )


def sets_frame(data: pd.DataFrame | dict[str, Any]) -> pd.DataFrame:
    """A frame with exactly SET_COLUMNS, in order, missing ones filled with nulls."""
    frame = pd.DataFrame(data)
    out = pd.DataFrame(index=frame.index)
    for name, dtype in SET_COLUMNS.items():
        column = frame[name] if name in frame else pd.Series(None, index=frame.index, dtype=object)
        if dtype == "str":
            out[name] = column if column.dtype == "str" else column.astype("str")
        elif dtype == "datetime64[us]":
            out[name] = pd.to_datetime(column).astype("datetime64[us]")
        elif dtype == "int64":
            out[name] = pd.to_numeric(column, errors="coerce").astype("int64")
        else:
            out[name] = pd.to_numeric(column, errors="coerce").astype("float64")
    return out


def zero_to_null(numbers: pd.Series) -> pd.Series:
    """Apps write 0 for 'not measured' (no weight, no distance, no seconds): make it null."""
    return numbers.where(numbers != 0)


def whole_reps(checks: RowChecks, name: str = "reps") -> pd.Series:
    """Reps as numbers; `8.0` is 8, `8.5` rejects the row, 0 means none."""
    reps = checks.number(name, "reps must be a whole number")
    fraction = reps.notna() & (reps != np.round(reps))
    checks.reject(fraction, name, checks.column(name), "reps must be a whole number")
    return zero_to_null(reps)


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
