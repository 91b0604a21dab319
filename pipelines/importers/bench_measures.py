"""The import measures of `liftboard bench`: a 100,000-row Strong CSV into a fresh database."""

from __future__ import annotations

from pipelines.bench import BenchContext, measure
from pipelines.importers.bench import bench_import

IMPORT_ROWS = 100_000


@measure("import_100k_s", "import a 100,000-row Strong CSV", "s", "<= 3 s")
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
