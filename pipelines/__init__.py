"""Liftboard's data layer: the store, the logging API, the marts, importers and exporters.

This package never imports Streamlit: the dashboard and the CLI are two faces over it.
"""

from __future__ import annotations

from pipelines.db import connect, resolve_db_path
from pipelines.errors import DatabaseUnavailableError, LiftboardError, Problem, ValidationError

__all__ = [
    "DatabaseUnavailableError",
    "LiftboardError",
    "Problem",
    "ValidationError",
    "connect",
    "resolve_db_path",
]
