"""Reading an export with DuckDB into a table of text cells under canonical column names.

The cells are kept compactly (each column's distinct texts once, the rows as numbers into
them), so a large file can be handed to the parsers a part at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipelines.db import read_sql
from pipelines.errors import LiftboardError
from pipelines.importers.layouts import Layout, PreparedFile

# Room for rows that carry more fields than the header, so they can be rejected by line.
_SPARE_COLUMNS = 6
OVERFLOW = "_overflow"
LINE = "line"
# Records read from DuckDB at a time.
_BATCH_ROWS = 32_768


@dataclass(frozen=True)
class Cells:
    """Every record of a file as compact text cells; `frame` gives rows as a pandas table."""

    table: pa.Table

    def __len__(self) -> int:
        return int(self.table.num_rows)

    def column(self, name: str) -> pa.ChunkedArray | None:
        """A canonical column's compact cells (None when the file lacks it)."""
        return self.table.column(name) if name in self.table.column_names else None

    def lines(self) -> np.ndarray:
        """The file line each record starts on."""
        return np.asarray(self.table.column(LINE).to_numpy(), dtype="int64")

    def only(self, names: frozenset[str]) -> Cells:
        """The same records with only the columns in `names`."""
        return Cells(self.table.select([c for c in self.table.column_names if c in names]))

    def same_workout_cells(self, first: int, second: int) -> bool:
        """True when two records have the same date and workout name cells."""
        for name in ("date", "workout_name"):
            column = self.column(name)
            if column is not None and column[first].as_py() != column[second].as_py():
                return False
        return True

    def first_distinct(self, name: str, limit: int) -> list[str]:
        """The first `limit` distinct cells of a column, in the order they first appear."""
        found: dict[str, None] = {}
        column = self.column(name)
        for chunk in column.chunks if column is not None else []:
            codes = pc.unique(chunk.indices.drop_null()).to_numpy(zero_copy_only=False)
            for cell in chunk.dictionary.take(pa.array(codes)).to_pylist():
                if cell is not None:
                    found.setdefault(cell)
                if len(found) >= limit:
                    return list(found)
        return list(found)

    def frame(self, rows: np.ndarray | slice | None = None) -> pd.DataFrame:
        """The rows (all, a range or the given positions, in order) as `read_table` has them."""
        part = self.table
        if isinstance(rows, slice):
            start, stop, _ = rows.indices(part.num_rows)
            part = part.slice(start, max(stop - start, 0))
        elif rows is not None and len(rows) and rows[-1] - rows[0] + 1 == len(rows):
            part = part.slice(int(rows[0]), len(rows))  # rows in a run: no copy
        elif rows is not None:
            part = part.take(pa.array(rows, type=pa.int64()))
        plain = [
            pc.cast(part.column(i), pa.large_string())
            if pa.types.is_dictionary(part.schema.field(i).type)
            else part.column(i)
            for i in range(part.num_columns)
        ]
        frame: pd.DataFrame = pa.table(plain, names=part.column_names).to_pandas()
        return frame


def read_table(file: PreparedFile, layout: Layout) -> pd.DataFrame:
    """Every row of the file as text, columns renamed to the layout's canonical names.

    Returns:
        One row per record, with `line` (the file line the record starts on, counting the
        header as line 1) and `_overflow` (True when the row has more fields than the header).
        Rows with no text at all are left out.
    """
    return read_cells(file, layout).frame()


def read_cells(file: PreparedFile, layout: Layout) -> Cells:
    """Every row of the file as `read_table` gives it, held compactly (see `Cells`)."""
    width = len(layout.columns)
    names = [f"c{i}" for i in range(width)] + [f"s{i}" for i in range(_SPARE_COLUMNS)]
    reader = duckdb.connect(":memory:")
    parts: list[pa.Table] = []
    try:
        params = {
            "path": str(file.path),
            "skip": 1 if layout.has_header else 0,
            "delim": layout.delimiter,
            "columns": dict.fromkeys(names, "VARCHAR"),
        }
        # Text comes out as Arrow's large strings, the form pandas keeps it in.
        reader.execute("set arrow_large_buffer_size = true")
        relation = reader.sql(read_sql("staging/stg_export_rows"), params=params)
        if relation is None:  # only a statement that reads nothing returns no relation
            raise LiftboardError("The file could not be read.")
        # A record spans one line plus one per line break inside its quoted cells.
        next_line = 2 if layout.has_header else 1
        batches = relation.to_arrow_reader(_BATCH_ROWS)
        for batch in batches:
            part, next_line = _compact(batch, layout, next_line)
            parts.append(part)
        if not parts:  # a file of no records still gives a table of the usual columns
            schema = batches.schema
            empty = pa.record_batch([pa.array([], type=f.type) for f in schema], schema=schema)
            parts.append(_compact(empty, layout, next_line)[0])
    except duckdb.Error as exc:
        raise LiftboardError(_read_failure(exc)) from None
    finally:
        reader.close()
    return Cells(pa.concat_tables(parts))


def _compact(batch: pa.RecordBatch, layout: Layout, first_line: int) -> tuple[pa.Table, int]:
    """One batch of records: line numbers, canonical columns as dictionaries, overflow."""
    breaks = pc.fill_null(batch.column("line_breaks"), 0).to_numpy(zero_copy_only=False)
    spans = breaks.astype("int64") + 1
    lines = first_line + np.cumsum(spans) - spans
    next_line = first_line + int(spans.sum())
    columns: dict[str, pa.Array] = {LINE: pa.array(lines, type=pa.int64())}
    for i, column in enumerate(layout.columns):
        if column is None:
            continue
        cells = batch.column(f"c{i}").cast(pa.large_string())
        columns[column] = cells if column not in columns else pc.coalesce(columns[column], cells)
    columns[OVERFLOW] = pc.fill_null(batch.column("overflow").cast(pa.bool_()), False)
    keep = pc.fill_null(batch.column("has_text").cast(pa.bool_()), False)
    kept = pa.table(columns).filter(keep)
    encoded = [
        kept.column(name).dictionary_encode() if name not in (LINE, OVERFLOW) else kept[name]
        for name in kept.column_names
    ]
    return pa.table(encoded, names=kept.column_names), next_line


def _read_failure(exc: duckdb.Error) -> str:
    text = str(exc)
    line = re.search(r"Line:? (\d+)", text)
    where = f" near line {line.group(1)}" if line else ""
    if "unterminated" in text.lower() or "quote" in text.lower():
        return (
            f"The file could not be read{where}: a quoted cell is never closed. Check that the "
            "file is complete (not cut off while downloading)."
        )
    if "column" in text.lower():
        return (
            f"The file could not be read{where}: a row has far more fields than the header. "
            "Check that the file is a single export, not several pasted together."
        )
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return f"The file could not be read{where} ({first})."
