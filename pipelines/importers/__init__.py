"""Importing history from Strong, Hevy, FitNotes and Liftboard's own sets CSV.

The public face: `detect_layout(path_or_bytes)`, `preview(...)` and
`import_file(con, path_or_bytes, *, fmt, unit, distance_unit, athlete, dry_run, strict,
progress, file_name)`, which returns an `ImportReport`; `past_imports(con)` and
`undo_import(con, import_id)` list and take back imports. `bench_import(rows)` times a large
Strong import.
"""

from __future__ import annotations

from pipelines.importers.bench import bench_import
from pipelines.importers.common import Flag, RejectedRow
from pipelines.importers.core import (
    DISTANCE_CHOICES,
    ImportRejectedError,
    Preview,
    UnitRequiredError,
    import_file,
    preview,
)
from pipelines.importers.history import UndoneImport, past_imports, undo_import
from pipelines.importers.layouts import FORMATS, Layout, detect_layout
from pipelines.importers.report import ImportReport, UnmappedName

__all__ = [
    "DISTANCE_CHOICES",
    "FORMATS",
    "Flag",
    "ImportRejectedError",
    "ImportReport",
    "Layout",
    "Preview",
    "RejectedRow",
    "UndoneImport",
    "UnitRequiredError",
    "UnmappedName",
    "bench_import",
    "detect_layout",
    "import_file",
    "past_imports",
    "preview",
    "undo_import",
]
