"""Plateaus and regressions per lift, from the best estimated one-rep max of each session.

The window is the 12 weeks up to the chosen day. A lift is judged only when it was trained in at
least `MIN_SESSIONS` sessions of the window (with a load that gives an estimate) and is still
being trained (a session in the last `ACTIVE_DAYS` days):

- **regression**: the best e1RM of the last 4 weeks is clearly below the best of the 8 weeks
  before: by more than `MIN_DROP` (5 %) and by more than twice the lift's typical
  session-to-session change (its noise), with at least 2 sessions in the last 4 weeks and 3 in
  the 8 before. Checked first.
- **plateau**: no e1RM record for `PLATEAU_WEEKS` (6) weeks or more, although the lift was
  trained in at least `MIN_SESSIONS_SINCE_BEST` (4) sessions since the record.

Confidence reflects how many sessions of the window support the flag: low under 8, medium under
12, high from 12. The next step follows the progression rules: a plateau gets the progression
advice when it already says to move on (more load, a harder variation, less assistance), else
"add a rep" at the same load; a regression gets a deload week.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import pandas as pd

from pipelines.athletes import athlete_unit
from pipelines.db import read_sql
from pipelines.filters import DayLike, as_day
from pipelines.progression import progression
from pipelines.schemas import LiftFlag, validate
from pipelines.strength import session_estimated_1rm
from pipelines.units import from_kg

WINDOW_WEEKS = 12
RECENT_WEEKS = 4
MIN_SESSIONS = 6
PLATEAU_WEEKS = 6
MIN_SESSIONS_SINCE_BEST = 4
ACTIVE_DAYS = 21
MIN_DROP = 0.05
NOISE_FACTOR = 2.0
DELOAD_SHARE = 0.10
NO_HISTORY = (
    f"Nothing to judge yet. Log a lift with its load and reps in at least {MIN_SESSIONS} "
    "sessions over 12 weeks: from then on it is flagged here if it stops setting bests or "
    "goes back."
)
METHOD = (
    "From the best estimated one-rep max of each session over the last 12 weeks (lifts done at "
    f"least {MIN_SESSIONS} times): a plateau is no new best for {PLATEAU_WEEKS} weeks despite "
    f"{MIN_SESSIONS_SINCE_BEST}+ sessions; a regression is a best of the last 4 weeks more than "
    "5 % (and more than twice the usual session-to-session wobble) below the 8 weeks before."
)


def lift_flags(
    con: duckdb.DuckDBPyConnection, athlete_id: int, *, as_of: DayLike = None
) -> pd.DataFrame:
    """The athlete's lifts that stalled (plateau) or went back (regression), with evidence.

    Args:
        con: The database.
        athlete_id: Whose lifts.
        as_of: The day to judge on (today by default); later sessions are ignored.

    Returns:
        One row per flagged lift, regressions first, validated by `LiftFlag`: the evidence
        (best and recent best with their days, the change, a sentence), the number of sessions
        in the window, a confidence, and the next step.
    """
    day = as_day(as_of, "as_of") or dt.date.today()
    sessions = session_estimated_1rm(con, athlete_id=athlete_id, end=day)
    cur = con.cursor()
    cur.register("session_e1rm", sessions)
    rows = cur.execute(read_sql("marts/lift_flags"), {"as_of": day}).df()
    cur.close()
    columns = list(LiftFlag.to_schema().columns)
    flagged: list[tuple[dict[str, Any], str, str]] = []
    for record in rows.to_dict("records"):
        item = {str(k): v for k, v in record.items()}
        verdict = judge(item, day)
        if verdict is not None:
            flagged.append((item, *verdict))
    if not flagged:
        return validate(LiftFlag, pd.DataFrame([], columns=columns))
    unit = athlete_unit(con, athlete_id)
    advice = progression(con, athlete_id, as_of=day)
    by_id = {
        str(r["exercise_id"]): {str(k): v for k, v in r.items()} for r in advice.to_dict("records")
    }
    out = []
    for item, flag, evidence in flagged:
        out.append(
            {
                "athlete_id": athlete_id,
                "exercise_id": item["exercise_id"],
                "exercise": item["exercise"],
                "flag": flag,
                "sessions": int(item["sessions"]),
                "confidence": confidence(int(item["sessions"])),
                "best_kg": item["best_kg"] if flag == "plateau" else item["previous_best_kg"],
                "best_on": item["best_on"] if flag == "plateau" else item["previous_best_on"],
                "recent_best_kg": item["recent_best_kg"],
                "recent_best_on": item["recent_best_on"],
                "change_pct": _change_pct(item, flag),
                "evidence": _in_unit(evidence, unit),
                "next_step": next_step(flag, item, by_id.get(str(item["exercise_id"])), unit),
            }
        )
    frame = pd.DataFrame(out, columns=columns)
    frame = frame.sort_values(["flag", "exercise"], ascending=[False, True], kind="stable")
    return validate(LiftFlag, frame.reset_index(drop=True))


def judge(item: dict[str, Any], day: dt.date) -> tuple[str, str] | None:
    """The flag and its evidence sentence for one lift's row of `marts/lift_flags`, or None."""
    if int(item["sessions"]) < MIN_SESSIONS:
        return None
    last_on = pd.Timestamp(item["last_on"]).date()
    if (day - last_on).days > ACTIVE_DAYS or pd.isna(item["recent_best_kg"]):
        return None
    recent = float(item["recent_best_kg"])
    previous = item["previous_best_kg"]
    if (
        not pd.isna(previous)
        and int(item["recent_sessions"]) >= 2
        and int(item["previous_sessions"]) >= 3
    ):
        drop = 1 - recent / float(previous)
        margin = max(MIN_DROP, NOISE_FACTOR * float(item["noise_share"]))
        if drop > margin:
            evidence = (
                f"Best of the last 4 weeks {{{recent}}} on {_day(item['recent_best_on'])}, "
                f"{drop:.0%} below the best of the 8 weeks before, {{{float(previous)}}} on "
                f"{_day(item['previous_best_on'])} ({int(item['recent_sessions'])} and "
                f"{int(item['previous_sessions'])} sessions)."
            )
            return "regression", evidence
    best_on = pd.Timestamp(item["best_on"]).date()
    weeks = (day - best_on).days // 7
    since = int(item["sessions_since_best"])
    if weeks >= PLATEAU_WEEKS and since >= MIN_SESSIONS_SINCE_BEST:
        evidence = (
            f"Best {{{float(item['best_kg'])}}} on {best_on.isoformat()}; {since} sessions in "
            f"the {weeks} weeks since, none above it (best of the last 4 weeks {{{recent}}} on "
            f"{_day(item['recent_best_on'])})."
        )
        return "plateau", evidence
    return None


def confidence(sessions: int) -> str:
    """How much the sessions of the window support a flag: low, medium or high."""
    if sessions >= 12:
        return "high"
    if sessions >= 8:
        return "medium"
    return "low"


def next_step(flag: str, item: dict[str, Any], advice: dict[str, Any] | None, unit: str) -> str:
    """The matching step of the progression rules for a flagged lift, as one sentence."""
    if flag == "regression":
        top = float(item["recent_best_kg"]) / (1 + 5 / 30)  # the load of a set of 5 at that e1RM
        lighter = from_kg(top * (1 - DELOAD_SHARE), unit)
        return (
            f"Deload: one lighter week at about {DELOAD_SHARE:.0%} less load (around "
            f"{lighter:.0f} {unit} for sets of 5), sleep and eat well, then build back up."
        )
    if advice is not None and advice["action"] in (
        "add load",
        "harder variation",
        "less assistance",
    ):
        return f"{str(advice['action']).capitalize()}: {advice['reason']}"
    return (
        "Add a rep: stay at the same load and add one rep to each set, session by session; "
        "once the last set beats the target by 2 reps twice in a row, add load."
    )


def _change_pct(item: dict[str, Any], flag: str) -> float:
    base = float(item["previous_best_kg"] if flag == "regression" else item["best_kg"])
    return round((float(item["recent_best_kg"]) / base - 1) * 100, 1)


def _day(value: Any) -> str:
    return pd.Timestamp(value).date().isoformat()


def _in_unit(sentence: str, unit: str) -> str:
    """Replace each `{kg}` placeholder of an evidence sentence by the weight in `unit`."""
    out, rest = [], sentence
    while "{" in rest:
        head, _, tail = rest.partition("{")
        value, _, rest = tail.partition("}")
        out.append(f"{head}{from_kg(float(value), unit):.1f} {unit}")
    return "".join(out) + rest
