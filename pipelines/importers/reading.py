"""Reading an export with DuckDB into a table of text cells under canonical column names."""

from __future__ import annotations

import re

import duckdb
import pandas as pd

from pipelines.db import read_sql
from pipelines.errors import LiftboardError
from pipelines.importers.layouts import Layout, PreparedFile

# Room for rows that carry more fields than the header, so they can be rejected by line.
_SPARE_COLUMNS = 6
OVERFLOW = "_overflow"
LINE = "line"


def read_table(file: PreparedFile, layout: Layout) -> pd.DataFrame:
    """Every row of the file as text, columns renamed to the layout's canonical names.

    Returns:
        One row per record, with `line` (the file line the record starts on, counting the
        header as line 1) and `_overflow` (True when the row has more fields than the header).
        Rows with no text at all are left out.
    """
    width = len(layout.columns)
    names = [f"c{i}" for i in range(width)] + [f"s{i}" for i in range(_SPARE_COLUMNS)]
    reader = duckdb.connect(":memory:")
    try:
        params = {
            "path": str(file.path),
            "skip": 1 if layout.has_header else 0,
            "delim": layout.delimiter,
            "columns": dict.fromkeys(names, "VARCHAR"),
        }
        # Text comes out as Arrow's large strings, the form pandas keeps it in, so no column
        # is copied on the way.
        reader.execute("set arrow_large_buffer_size = true")
        relation = reader.sql(read_sql("staging/stg_export_rows"), params=params)
        if relation is None:  # only a statement that reads nothing returns no relation
            raise LiftboardError("The file could not be read.")
        raw = relation.to_arrow_table().to_pandas()
    except duckdb.Error as exc:
        raise LiftboardError(_read_failure(exc)) from None
    finally:
        reader.close()
    # A record spans one line plus one per line break inside its quoted cells.
    spans = raw["line_breaks"].fillna(0).astype("int64") + 1
    first = 2 if layout.has_header else 1
    out = pd.DataFrame({LINE: first + spans.cumsum() - spans})
    for i, column in enumerate(layout.columns):
        if column is None:
            continue
        cells = raw[f"c{i}"]
        out[column] = cells if column not in out else out[column].where(out[column].notna(), cells)
    out[OVERFLOW] = raw["overflow"].fillna(False).astype(bool)
    kept: pd.DataFrame = out[raw["has_text"].fillna(False).to_numpy()].reset_index(drop=True)
    return kept


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
