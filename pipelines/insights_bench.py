"""The insight measures of `liftboard bench`: the gap plan, plateau flags and the week in review.

Each is timed for the athlete with the largest id (the generator spreads the sets evenly) on
today's week, median of `ATHLETE_RUNS` calls, with the kept weekly cells current.
"""

from __future__ import annotations

import datetime as dt

from pipelines.bench import ATHLETE_RUNS, BenchContext, measure, median_seconds


def _athlete(ctx: BenchContext) -> int:
    rows = ctx.con.cursor().execute("select max(athlete_id) from athletes").fetchall()
    return int(rows[0][0])


@measure("suggest_ms", "this week's gap plan, one athlete", "ms", "<= 300 ms")
def _suggest(ctx: BenchContext) -> float:
    from pipelines.suggest import week_gaps

    athlete, today = _athlete(ctx), dt.date.today()
    return median_seconds(lambda: week_gaps(ctx.con, athlete, as_of=today), ATHLETE_RUNS) * 1000


@measure("plateaus_ms", "plateau and regression flags, one athlete", "ms", "<= 500 ms")
def _plateaus(ctx: BenchContext) -> float:
    from pipelines.plateaus import lift_flags

    athlete, today = _athlete(ctx), dt.date.today()
    return median_seconds(lambda: lift_flags(ctx.con, athlete, as_of=today), ATHLETE_RUNS) * 1000


@measure("review_1m_s", "the week in review, one athlete", "s", "<= 1 s")
def _review(ctx: BenchContext) -> float:
    from pipelines.review import weekly_review

    athlete, today = _athlete(ctx), dt.date.today()
    return median_seconds(lambda: weekly_review(ctx.con, athlete, week=today), ATHLETE_RUNS)
