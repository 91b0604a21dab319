"""What closes this week's gaps: the fewest extra sets that lift every muscle group to its minimum.

Mid-week, a muscle group is *short* when its hard sets so far (Monday to the chosen day, counted
by the volume rule: 1 per set for a primary muscle, 0.5 for a secondary one, warm-ups nothing)
are below its minimum effective volume (MEV, the athlete's own landmark or the default). Groups
whose minimum is 0 sets have nothing to reach and are left out.

The candidates are the exercises the athlete trained in the last eight weeks and the add-ons of
their template, at most `MAX_CANDIDATES` of them (the most often trained first). Each candidate
is a vector of credits per muscle group. The plan is the solution of a small integer program:

    minimise    sum of x_e                                    (the extra sets)
    subject to  now_g + sum_e credit_eg * x_e >= MEV_g       for every short group g
                now_g + sum_e credit_eg * x_e <= MRV_g       for every group with a maximum
                x_e in {0, 1, ..., MAX_SETS_PER_EXERCISE}

It is solved by a depth-first branch and bound over the candidates (`fewest_sets`), in two
phases. The first finds the fewest sets: each node's linear relaxation (`lp_bound`) gives a lower
bound and its solution the order in which set counts are tried, and an exercise is skipped while
one that gives every short group as much and every capped group no more is not yet at its cap.
On real weeks the bound at the root is met by the first plan or one of the next few, which proves
it the smallest; `MAX_NODES` is only a safety net, and a plan cut short by it says so. The second
phase looks, within `TIE_NODES` nodes, for a plan of that same size with fewer different
exercises (then the ones done most often). When no plan reaches every short group, the largest
set of groups that can be reached is planned for, and the others are named with the reason.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd

from pipelines.db import read_sql
from pipelines.filters import DayLike, as_day, secondary_set_weight, week_of
from pipelines.schemas import GapPlanSet, MuscleGap, validate

MAX_CANDIDATES = 15
MAX_SETS_PER_EXERCISE = 10
RECENT_WEEKS = 8
# Branch-and-bound nodes per search for the fewest sets; beyond it a plan is marked unproven
# (a safety net: on real weeks the linear bound is met within a few dozen nodes).
MAX_NODES = 20_000
# Nodes spent, once the fewest sets are known, looking for a plan of that size with fewer
# different exercises (the tie-break); beyond it the fewest found is kept.
TIE_NODES = 150
DEFAULT_TEMPLATE = "beginner_back_legs"
NO_HISTORY = (
    "Nothing logged yet. Log your sessions for a week or two, any exercises you do: this box "
    "then works out the fewest extra sets that bring each muscle group up to its weekly minimum."
)
METHOD = (
    "Counts this week's hard sets so far (1 per set for a main muscle, 0.5 for a helping one), "
    "then finds the fewest extra sets, from exercises you did in the last 8 weeks and your "
    "template's add-ons, that bring every group below its minimum up to it without taking any "
    f"group past its maximum (at most {MAX_SETS_PER_EXERCISE} sets of one exercise)."
)


@dataclass(frozen=True)
class Candidate:
    """An exercise that may fill a gap: the hard sets one set of it gives each muscle group."""

    exercise_id: str
    name: str
    credits: Mapping[str, float]


@dataclass(frozen=True)
class Plan:
    """An exact answer: sets per exercise (only those used), and the groups it brings to MEV."""

    sets: dict[str, int]
    reached: tuple[str, ...]
    unreached: dict[str, str] = field(default_factory=dict)
    proven: bool = True  # False when the search for the fewest sets stopped at its limit
    fewest_exercises: bool = True  # False when the tie-break search stopped at its limit

    @property
    def total(self) -> int:
        """The extra sets of the plan."""
        return sum(self.sets.values())


@dataclass(frozen=True)
class GapAdvice:
    """This week's gaps for one athlete and the plan that closes them."""

    week_start: dt.date
    as_of: dt.date
    gaps: pd.DataFrame  # MuscleGap
    plan: pd.DataFrame  # GapPlanSet
    lines: tuple[str, ...]
    method: str = METHOD


def week_gaps(
    con: duckdb.DuckDBPyConnection,
    athlete_id: int,
    *,
    as_of: DayLike = None,
    secondary_weight: float = 0.5,
) -> GapAdvice:
    """The muscle groups under their minimum this week so far, and the fewest sets that fix it.

    Args:
        con: The database.
        athlete_id: Whose week.
        as_of: The day (today by default); the week runs from its Monday to this day.
        secondary_weight: What a helping muscle receives per set (0.5 by default).

    Returns:
        A `GapAdvice`: `gaps` (one row per short group, `MuscleGap`), `plan` (one row per
        exercise of the plan, `GapPlanSet`), `lines` (the plan in sentences) and `method`.
    """
    day = as_day(as_of, "as_of") or dt.date.today()
    monday = week_of(day)
    # the week so far of this one athlete, counted in SQL (`marts/week_gap_status`)
    status = (
        con.cursor()
        .execute(
            read_sql("marts/week_gap_status"),
            {
                "athlete_id": athlete_id,
                "monday": monday,
                "as_of": day,
                "secondary_weight": secondary_set_weight(secondary_weight),
            },
        )
        .fetchall()
    )
    now = {str(g): float(v) for g, v, _mev, _mrv in status}
    minimum = {str(g): float(m) for g, _v, m, _mrv in status if m is not None and float(m) > 0}
    maximum = {str(g): float(m) for g, _v, _mev, m in status if m is not None}
    short = {g: m for g, m in minimum.items() if now.get(g, 0.0) < m}
    candidates = gap_candidates(con, athlete_id, day, secondary_weight) if short else []
    plan = fewest_sets(now, short, maximum, candidates)
    names = {c.exercise_id: c.name for c in candidates}
    by_id = {c.exercise_id: c for c in candidates}
    added = dict.fromkeys(now, 0.0)
    for exercise_id, sets in plan.sets.items():
        for group, credit in by_id[exercise_id].credits.items():
            added[group] = added.get(group, 0.0) + credit * sets
    gap_rows = [
        {
            "athlete_id": athlete_id,
            "muscle_group": group,
            "hard_sets": now.get(group, 0.0),
            "mev_sets": short[group],
            "mrv_sets": maximum.get(group),
            "added_sets": added.get(group, 0.0),
            "after_sets": now.get(group, 0.0) + added.get(group, 0.0),
            "reaches_minimum": group in plan.reached,
            "why_not": plan.unreached.get(group),
        }
        for group in short
    ]
    gaps = validate(MuscleGap, pd.DataFrame(gap_rows, columns=list(_columns(MuscleGap))))
    lines = plan_lines(plan, by_id, now, short)
    plan_rows = [
        {
            "athlete_id": athlete_id,
            "exercise_id": exercise_id,
            "exercise": names[exercise_id],
            "sets": sets,
            "sentence": line,
        }
        for (exercise_id, sets), line in zip(plan.sets.items(), lines, strict=False)
    ]
    frame = validate(GapPlanSet, pd.DataFrame(plan_rows, columns=list(_columns(GapPlanSet))))
    return GapAdvice(monday, day, gaps, frame, tuple(lines))


def gap_candidates(
    con: duckdb.DuckDBPyConnection, athlete_id: int, as_of: dt.date, secondary_weight: float = 0.5
) -> list[Candidate]:
    """The exercises that may fill gaps (`marts/gap_candidates`), most often trained first."""
    rows = (
        con.cursor()
        .execute(
            read_sql("marts/gap_candidates"),
            {
                "athlete_id": athlete_id,
                "as_of": as_of,
                "recent_weeks": RECENT_WEEKS,
                "default_template": DEFAULT_TEMPLATE,
                "secondary_weight": secondary_weight,
            },
        )
        .fetchall()
    )
    names: dict[str, str] = {}
    credits: dict[str, dict[str, float]] = {}
    for exercise_id, name, _sessions, _addon, group, credit in rows:
        if float(credit) > 0:
            names[str(exercise_id)] = str(name)
            credits.setdefault(str(exercise_id), {})[str(group)] = float(credit)
    return [Candidate(e, names[e], credits[e]) for e in credits]


def fewest_sets(
    now: Mapping[str, float],
    short: Mapping[str, float],
    maximum: Mapping[str, float],
    candidates: Sequence[Candidate],
    *,
    max_sets: int = MAX_SETS_PER_EXERCISE,
    max_candidates: int = MAX_CANDIDATES,
) -> Plan:
    """Solve the integer program of the module notes exactly.

    Args:
        now: Hard sets so far per muscle group.
        short: The minimum (MEV) of each group to bring up (groups already there are ignored).
        maximum: The maximum (MRV) of each group that has one.
        candidates: The exercises to choose from, in order of preference (most trained first).
        max_sets: The most sets of one exercise.
        max_candidates: How many of the useful candidates are considered.

    Returns:
        The plan with the fewest total sets (ties: fewer exercises, then earlier candidates).
        When no plan reaches every short group, the plan for the largest reachable subset,
        with a reason for each group left out.
    """
    targets = [g for g, m in short.items() if now.get(g, 0.0) < m]
    # Half sets are the unit: credits of 1 and 0.5 become 2 and 1, and the search is exact.
    need = {g: _halves(short[g] - now.get(g, 0.0)) for g in targets}
    room = {g: _halves(m - now.get(g, 0.0)) for g, m in maximum.items()}
    useful = [
        c
        for c in candidates
        if any(c.credits.get(g, 0) > 0 for g in targets)
        and all(room.get(g, 1) > 0 for g, v in c.credits.items() if v > 0)
    ][:max_candidates]
    unreached: dict[str, str] = {}
    for group in targets:
        why = _alone_out_of_reach(group, need[group], candidates, useful, room, max_sets)
        if why is not None:
            unreached[group] = why
    reachable = [g for g in targets if g not in unreached]
    proven = [True, True]
    for size in range(len(reachable), 0, -1):
        best: tuple[tuple[int, int, int], dict[str, int], tuple[str, ...]] | None = None
        for subset in itertools.combinations(reachable, size):
            found = _search(useful, {g: need[g] for g in subset}, room, max_sets, proven)
            if found is not None and (best is None or found[0] < best[0]):
                best = (found[0], found[1], subset)
        if best is not None:
            for group in reachable:
                if group not in best[2]:
                    unreached[group] = "reaching it too would take another group past its maximum"
            return Plan(best[1], best[2], unreached, proven[0], proven[1])
    return Plan({}, (), unreached)


def lp_bound(
    credit: Sequence[Sequence[int]],
    load: Sequence[Sequence[int]],
    caps: Sequence[int],
    left: Sequence[int],
    space: Sequence[int],
    into: list[float] | None = None,
) -> float:
    """A lower bound on the sets still needed: the linear relaxation's optimum, from its dual.

    Primal: minimise sum x over the remaining exercises with credit x >= left (open groups),
    load x <= space, 0 <= x <= caps. Its dual, maximise left.y - space.v - caps.z subject to
    credit_e.y - load_e.v - z_e <= 1 for every exercise e and y, v, z >= 0, starts feasible
    at zero, so a plain simplex (Bland's rule, which cannot cycle) solves it. Any dual
    feasible point bounds the primal from below; an unbounded dual means no plan exists (inf).
    """
    open_groups = [j for j, m in enumerate(left) if m > 0]
    if not open_groups:
        return 0.0
    k = len(credit)
    if k == 0:
        return math.inf
    a = np.array([[row[j] for j in open_groups] for row in credit], dtype=float)
    l_rows = np.array(load, dtype=float).reshape(k, -1)
    # only the maxima a remaining exercise can still press on are constraints here
    pressed = l_rows.sum(axis=0) > 0
    l_rows = l_rows[:, pressed]
    room_left = np.maximum(np.array(space, float).reshape(-1)[pressed], 0)
    m = np.hstack([a, -l_rows, -np.eye(k)])
    cost = np.concatenate(
        [np.array([left[j] for j in open_groups], float), -room_left, -np.array(caps, float)]
    )
    width = m.shape[1]
    tableau = np.hstack([m, np.eye(k), np.ones((k, 1))])
    reduced = np.concatenate([cost, np.zeros(k + 1)])
    basis = list(range(width, width + k))
    for _ in range(500):
        entering = next((j for j in range(width + k) if reduced[j] > 1e-9), None)
        if entering is None:
            break
        column = tableau[:, entering]
        rows = [r for r in range(k) if column[r] > 1e-9]
        if not rows:
            return math.inf
        leave = min(rows, key=lambda r: (tableau[r, -1] / column[r], basis[r]))
        tableau[leave] /= tableau[leave, entering]
        for r in range(k):
            if r != leave and abs(tableau[r, entering]) > 0:
                tableau[r] -= tableau[r, entering] * tableau[leave]
        reduced -= reduced[entering] * tableau[leave]
        basis[leave] = entering
    if into is not None:
        into[:] = [float(v) for v in -reduced[width : width + k]]
    return float(-reduced[-1])


def _alone_out_of_reach(
    group: str,
    need: int,
    candidates: Sequence[Candidate],
    useful: Sequence[Candidate],
    room: Mapping[str, int],
    max_sets: int,
) -> str | None:
    """Why `group` cannot reach its minimum even on its own, or None when it can."""
    trains = [c for c in candidates if c.credits.get(group, 0) > 0]
    if not trains:
        return "none of your recent exercises or add-ons trains it"
    if _search(useful, {group: need}, room, max_sets) is not None:
        return None
    unlimited = sum(max_sets * _halves(c.credits[group]) for c in trains)
    binding = sorted(
        {
            other
            for c in trains
            for other, value in c.credits.items()
            if other != group
            and value > 0
            and other in room
            and room[other] < max_sets * _halves(value)
        }
    )
    if unlimited >= need and binding:
        return f"the exercises that train it would take {_and(binding)} past their maximum"
    return (
        f"even {max_sets} sets of each exercise you do that trains it would not get there; "
        "add one that trains it directly"
    )


def _cap(candidate: Candidate, room: Mapping[str, int], max_sets: int) -> int:
    """The most sets of `candidate` that keep every group within its maximum on their own."""
    sets = max_sets
    for group, value in candidate.credits.items():
        if group in room and value > 0:
            sets = min(sets, max(0, room[group]) // _halves(value))
    return sets


def _halves(value: float) -> int:
    return math.ceil(round(value * 2, 6))


def _search(
    candidates: Sequence[Candidate],
    need: Mapping[str, int],
    room: Mapping[str, int],
    max_sets: int,
    proven: list[bool] | None = None,
    max_nodes: int | None = None,
    tie_nodes: int = TIE_NODES,
) -> tuple[tuple[int, int, int], dict[str, int]] | None:
    """Depth-first branch and bound; returns (key, sets per exercise id) or None if infeasible.

    The key is (total sets, exercises used, sum of the preference ranks of those used).
    Exercises are branched on widest first; the set counts nearest the linear relaxation's
    solution are tried first. Phase 0 cuts a branch when its sets so far plus a lower bound on
    the sets still needed reach the best total found, and stops once a plan meets the root's
    bound. Phase 1 keeps that total and cuts a branch that cannot use fewer exercises (by their
    caps, and by the relaxation in which each exercise counts as one and gives its cap's worth).
    The lower bounds: for each short group, its gap over the largest credit left for it; the
    summed gap (plain, and weighted by the gaps) over the most one set of any remaining exercise
    can close of it; and the linear relaxation. None is ever above the true answer. Dominated
    exercises (another, earlier one gives every short group as much and every capped group no
    more) are used only while that one is at its cap, or unused and less preferred: some best
    plan always has this form.

    `proven`, when given, gets [fewest sets proven, fewest exercises proven] set to False when
    the matching phase stopped at its node limit.
    """
    groups = list(need)
    capped = list(room)
    chosen_ids = [
        i for i, c in enumerate(candidates) if any(c.credits.get(g, 0) > 0 for g in groups)
    ]
    chosen_ids.sort(
        key=lambda i: (
            -sum(candidates[i].credits.get(g, 0.0) for g in groups),
            sum(candidates[i].credits.get(g, 0.0) for g in capped),
            i,
        )
    )
    pool = [candidates[i] for i in chosen_ids]
    n = len(pool)
    credit = [[_halves(c.credits.get(g, 0.0)) for g in groups] for c in pool]
    load = [[_halves(c.credits.get(g, 0.0)) for g in capped] for c in pool]
    caps = [_cap(c, room, max_sets) for c in pool]
    # f (earlier) dominates e when it gives every short group at least as much and every capped
    # group no more: some best plan then uses e only if f is at its cap, or unused and e preferred
    dominators = [
        [
            f
            for f in range(e)
            if all(a >= b for a, b in zip(credit[f], credit[e], strict=True))
            and all(a <= b for a, b in zip(load[f], load[e], strict=True))
        ]
        for e in range(n)
    ]
    reach_rest = [[0] * len(groups) for _ in range(n + 1)]
    best_rest = [[0] * len(groups) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        reach_rest[i] = [a + b * caps[i] for a, b in zip(reach_rest[i + 1], credit[i], strict=True)]
        best_rest[i] = [max(a, b) for a, b in zip(best_rest[i + 1], credit[i], strict=True)]
    best: list[tuple[tuple[int, int, int], tuple[int, ...]]] = []
    counts = [0] * n
    budget = [MAX_NODES if max_nodes is None else max_nodes]
    # phase 0 finds the fewest sets; phase 1 then the fewest exercises among plans that size
    phase = [0]
    floor = [0]  # the linear bound at the root: a plan of this size is proven the smallest
    widest_caps = [sorted(caps[i:], reverse=True) for i in range(n + 1)]
    stretched = [[c * caps[e] for c in credit[e]] for e in range(n)]
    stretched_load = [[c * caps[e] for c in load[e]] for e in range(n)]

    def bound(i: int, left: Sequence[int]) -> float:
        """Fewest further sets any completion needs (inf when none can complete)."""
        worst = 0
        open_groups = [j for j, m in enumerate(left) if m > 0]
        for j in open_groups:
            if reach_rest[i][j] < left[j]:
                return math.inf
            worst = max(worst, -(-left[j] // best_rest[i][j]))
        for weights in ([1] * len(left), left):
            gap = sum(weights[j] * left[j] for j in open_groups)
            widest = max(
                (sum(weights[j] * min(row[j], left[j]) for j in open_groups) for row in credit[i:]),
                default=0,
            )
            if widest > 0:
                worst = max(worst, -(-gap // widest))
        return worst

    def fewer_exercises_bound(i: int, sets: int, left: Sequence[int], space: Sequence[int]) -> int:
        """Fewest further exercises any completion needs: by their caps, and fractionally."""
        total = most = 0
        for cap in widest_caps[i]:
            if total >= sets:
                break
            total += cap
            most += 1
        relaxed = lp_bound(stretched[i:], stretched_load[i:], [1] * (n - i), left, space)
        return max(most, math.ceil(relaxed - 1e-6))

    def cut(total: int, lower: int, used: int) -> bool:
        if not best:
            return False
        top = best[0][0]
        if phase[0] == 0:
            return total + lower >= top[0]
        return total + lower > top[0] or (total + lower == top[0] and used + 1 >= top[1])

    def visit(i: int, left: list[int], space: list[int], total: int, used: int, rank: int) -> None:
        budget[0] -= 1
        if budget[0] < 0 and best:
            return
        if phase[0] == 0 and best and best[0][0][0] <= floor[0]:
            return
        if all(m <= 0 for m in left):
            if not best or (total, used) < best[0][0][:2]:
                best[:] = [((total, used, rank), tuple(counts))]
            return
        if i == n:
            return
        lower = bound(i, left)
        if lower == math.inf or cut(total, int(lower), used):
            return
        guide: list[float] = []
        relaxed = lp_bound(credit[i:], load[i:], caps[i:], left, space, guide)
        if relaxed == math.inf:
            return
        lower = max(lower, math.ceil(relaxed - 1e-6))
        if cut(total, int(lower), used):
            return
        if (
            phase[0] == 1
            and used + fewer_exercises_bound(i, int(lower), left, space) >= best[0][0][1]
        ):
            return
        most = caps[i]
        for f in dominators[i]:
            if 0 < counts[f] < caps[f] or (counts[f] == 0 and chosen_ids[f] < chosen_ids[i]):
                most = 0
        for k, c in enumerate(load[i]):
            if c > 0:
                most = min(most, space[k] // c)
        useful_most = max(
            (-(-m // c) for m, c in zip(left, credit[i], strict=True) if m > 0 and c > 0),
            default=0,
        )
        top_x = min(most, useful_most)
        aim = min(top_x, max(0, round(guide[0]))) if guide else top_x
        order = sorted(range(top_x, -1, -1), key=lambda x: abs(x - aim))
        for x in order:
            counts[i] = x
            visit(
                i + 1,
                [m - c * x for m, c in zip(left, credit[i], strict=True)],
                [s - c * x for s, c in zip(space, load[i], strict=True)],
                total + x,
                used + (x > 0),
                rank + (chosen_ids[i] if x > 0 else 0),
            )
        counts[i] = 0

    start = [need[g] for g in groups]
    roomy = [room[g] for g in capped]
    root = lp_bound(credit, load, caps, start, roomy)
    if root == math.inf:
        return None
    floor[0] = math.ceil(root - 1e-6)
    visit(0, start, roomy, 0, 0, 0)
    if not best:
        return None
    if proven is not None and budget[0] < 0:
        proven[0] = False
    phase[0] = 1
    budget[0] = tie_nodes
    visit(0, start, roomy, 0, 0, 0)
    key, sets = best[0]
    if proven is not None and budget[0] < 0:
        proven[1] = False
    return key, {c.exercise_id: x for c, x in zip(pool, sets, strict=True) if x > 0}


def plan_lines(
    plan: Plan,
    candidates: Mapping[str, Candidate],
    now: Mapping[str, float],
    short: Mapping[str, float],
) -> list[str]:
    """One sentence per exercise of the plan, then what they do together, then what is left.

    For example "3 sets of Pull-ups → lats reach their minimum; biceps +1.5."
    """
    lines = []
    contributors: dict[str, list[str]] = {}
    for exercise_id in plan.sets:
        for group, credit in candidates[exercise_id].credits.items():
            if credit > 0 and group in plan.reached:
                contributors.setdefault(group, []).append(exercise_id)
    for exercise_id, sets in plan.sets.items():
        credits = candidates[exercise_id].credits
        alone = [g for g in credits if contributors.get(g) == [exercise_id]]
        gains = [
            f"{g} +{credits[g] * sets:g}" for g in credits if credits[g] > 0 and g not in alone
        ]
        parts = ([_reach(alone)] if alone else []) + ([", ".join(gains)] if gains else [])
        noun = "set" if sets == 1 else "sets"
        lines.append(f"{sets} {noun} of {candidates[exercise_id].name} → {'; '.join(parts)}.")
    shared = [g for g in plan.reached if len(contributors.get(g, [])) > 1]
    if shared:
        lines.append(f"Together: {_reach(shared)}.")
    if plan.sets and not plan.proven:
        lines.append(
            "The search stopped at its limit before it could prove this the smallest plan: "
            "one with a set or two fewer may exist."
        )
    for group, why in plan.unreached.items():
        stays = "stays below its" if group in _SINGULAR else "stay below their"
        lines.append(
            f"{group.capitalize()} {stays} minimum ({now.get(group, 0.0):g} of "
            f"{short[group]:g} sets): {why}."
        )
    return lines


# Group names that read as one thing ("chest reaches its minimum"); the rest are plural.
_SINGULAR = frozenset({"chest", "middle back", "lower back", "neck"})


def _and(names: Sequence[str]) -> str:
    items = list(names)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _reach(groups: Sequence[str]) -> str:
    names = list(groups)
    joined = _and(names)
    if len(names) == 1 and names[0] in _SINGULAR:
        return f"{joined} reaches its minimum"
    return f"{joined} reach their minimum"


def _columns(model: type[GapPlanSet] | type[MuscleGap]) -> list[str]:
    return list(model.to_schema().columns)
