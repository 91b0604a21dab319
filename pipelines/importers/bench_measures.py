"""The import measures of `liftboard bench`: Strong CSVs of 100,000 and 1,000,000 rows.

Each is imported into a fresh database file (a copy of a newly migrated one), as a user's
import is, in its own process. The million-row file follows
`--sets` when that is smaller (a quick run stays quick); its keys keep their names.
"""

from __future__ import annotations

from pipelines.bench import BenchContext, measure
from pipelines.importers.bench import bench_import, import_run

IMPORT_ROWS = 100_000
MILLION_ROWS = 1_000_000


@measure("import_100k_s", "import a 100,000-row Strong CSV (into a db file)", "s", "<= 3 s")
def _import_seconds(ctx: BenchContext) -> float:
    result = bench_import(IMPORT_ROWS)
    # One child process gives both figures; the memory measure below reads this one.
    ctx.results["import_peak_rss_mb"] = result["import_peak_rss_mb"]
    return result["import_100k_s"]


@measure("import_peak_rss_mb", "peak RSS of that import (child process)", "MB", "<= 500 MB")
def _import_memory(ctx: BenchContext) -> float:
    if "import_peak_rss_mb" not in ctx.results:
        ctx.results["import_peak_rss_mb"] = bench_import(IMPORT_ROWS)["import_peak_rss_mb"]
    return float(ctx.results["import_peak_rss_mb"])


@measure("import_1m_s", "import a 1,000,000-row Strong CSV (into a db file)", "s", "<= 10 s")
def _import_million_seconds(ctx: BenchContext) -> float:
    result = import_run(_million(ctx))
    ctx.results["import_1m_peak_rss_mb"] = result["peak_mb"]
    return result["seconds"]


@measure("import_1m_peak_rss_mb", "peak RSS of that import (child process)", "MB", "<= 600 MB")
def _import_million_memory(ctx: BenchContext) -> float:
    if "import_1m_peak_rss_mb" not in ctx.results:
        ctx.results["import_1m_peak_rss_mb"] = import_run(_million(ctx))["peak_mb"]
    return float(ctx.results["import_1m_peak_rss_mb"])


def _million(ctx: BenchContext) -> int:
    return min(MILLION_ROWS, max(ctx.sets, 1))
