"""Importing history from Strong, Hevy, FitNotes and Liftboard's own sets CSV.

The public face: `detect_layout(path_or_bytes)`, `preview(...)` and
`import_file(con, path_or_bytes, *, fmt, unit, athlete, dry_run, strict, progress)`, which
returns an `ImportReport`. `bench_import(rows)` times a large Strong import.
"""

from __future__ import annotations

from pipelines.importers.bench import bench_import
from pipelines.importers.common import RejectedRow
from pipelines.importers.core import (
    ImportRejectedError,
    Preview,
    UnitRequiredError,
    import_file,
    preview,
)
from pipelines.importers.layouts import FORMATS, Layout, detect_layout
from pipelines.importers.report import ImportReport, UnmappedName

__all__ = [
    "FORMATS",
    "ImportRejectedError",
    "ImportReport",
    "Layout",
    "Preview",
    "RejectedRow",
    "UnitRequiredError",
    "UnmappedName",
    "bench_import",
    "detect_layout",
    "import_file",
    "preview",
]
