"""Strong's exports, every layout: classic, 2019, 2017, 2016, Android, newest, localised.

A session is `Date` + `Workout Name`. `Set Order` numbers the sets of an exercise and also
carries the set type (`W`, `D`, `F`, `WARM_UP`, `FAILURE`); rows whose `Set Order` is
`Rest Timer` (German `Ruhezeit`) or `Note` are not sets and are skipped and counted.
"""

from __future__ import annotations

import pandas as pd

from pipelines.importers import values
from pipelines.importers.common import (
    FileFacts,
    ParsedFile,
    RowChecks,
    Survey,
    distance_factors,
    distance_sample,
    failed_attempts,
    metres_exercises,
    notes_text,
    session_firsts,
    whole_reps,
    zero_to_null,
)
from pipelines.importers.layouts import Layout
from pipelines.importers.reading import LINE

REST_LABELS = frozenset(
    {
        "rest timer",
        "rest_timer",
        "rest",
        "ruhezeit",
        "pausenzeit",
        "temps de repos",
        "minuteur de repos",
        "minuterie de repos",
        "repos",
        "tiempo de descanso",
        "descanso",
        "temporizador de descanso",
        "timer di riposo",
        "recupero",
        "休息计时器",
        "休息",
        "组间休息",
    }
)
NOTE_LABELS = frozenset(
    {"note", "notes", "notiz", "notizen", "remarque", "nota", "notas", "备注", "笔记"}
)
SET_TYPE_LABELS = {
    "w": "warmup",
    "warm_up": "warmup",
    "warmup": "warmup",
    "warm-up": "warmup",
    "warm up": "warmup",
    "d": "drop",
    "drop": "drop",
    "drop_set": "drop",
    "dropset": "drop",
    "drop set": "drop",
    "f": "failure",
    "failure": "failure",
    "fail": "failure",
}


def parse(
    table: pd.DataFrame,
    layout: Layout,
    unit: str | None,
    distance_unit: str | None = None,
    facts: FileFacts | None = None,
) -> ParsedFile:
    """Interpret a Strong export read by `read_table`.

    Args:
        table: The file's rows under canonical column names.
        layout: The detected layout (which says where units come from).
        unit: kg or lb from the user; needed only when the layout carries no unit.
        distance_unit: km, mi or m from the user, for files that do not say; otherwise
            decided per exercise from the values (see `common.distance_factors`).
        facts: The decisions made over the whole file, when `table` is a part of it (then
            the file's warnings are left to the caller). The result's `survey` says what this
            table shows towards those decisions.
    """
    checks = RowChecks(table, layout)
    order = values.text(checks.column("set_order"))
    label = order.str.lower()
    checks.skip(label.isin(REST_LABELS), "rest timer")
    checks.skip(label.isin(NOTE_LABELS), "note")

    layouts = facts.date_layouts if facts is not None else None
    started, bad_date = values.timestamps(checks.column("date"), ranked=layouts)
    checks.reject(bad_date, "date", checks.column("date"), "it is not a date and time")
    checks.reject(started.isna(), "date", checks.column("date"), "the date is missing")
    exercise = values.text(checks.column("exercise"))
    checks.reject(exercise.eq(""), "exercise", exercise, "the exercise name is missing")
    workout = values.text(checks.column("workout_name"))

    weight = zero_to_null(checks.secondary_number("weight", "the weight"))
    reps = whole_reps(checks)
    distance = zero_to_null(checks.secondary_number("distance", "the distance"))
    seconds = zero_to_null(checks.secondary_number("seconds", "the time"))
    rpe = zero_to_null(checks.secondary_number("rpe", "RPE"))

    number, not_number = values.numbers(order)
    typed = label.map(SET_TYPE_LABELS)
    reps, set_type = failed_attempts(
        checks, reps, typed.fillna("working"), weight=weight, seconds=seconds, distance=distance
    )
    odd = not_number & typed.isna() & order.ne("")
    nothing = weight.isna() & reps.isna() & distance.isna() & seconds.isna()
    checks.skip(odd & nothing, "other non-set row")
    odd = odd & ~checks.bad
    survey = Survey(session_keys=pd.Series(dtype="str"))
    survey.odd_rows = int(odd.sum())
    survey.odd_orders = set(order[odd])
    if odd.any() and facts is None:
        checks.warnings.append(_odd_orders_warning(survey.odd_rows, survey.odd_orders))
    checks.skip(nothing, "empty set")
    # The 2017 layout numbers sets from 0; keys use 1-based numbers in every layout.
    survey.zero_numbers = bool((number == 0).any())
    zero_based = facts.zero_based if facts is not None else survey.zero_numbers
    offset = 1 if zero_based else 0
    numbered = (number + offset).round().astype("Int64").astype("string")
    set_label = numbered.fillna(typed.str[0].str.upper()).fillna(order).astype(object)

    entered, units = _weights(checks, weight, unit)
    factor = _distance_factor(
        checks, exercise, distance, seconds, units, unit, distance_unit, facts, survey
    )
    duration, bad_duration = values.durations(checks.column("duration"))
    key = values.stamp_text(started) + "|" + workout
    duration = duration.groupby(key, sort=False).transform("first")
    unreadable = bad_duration & ~checks.bad
    survey.unreadable_durations = int(unreadable.sum())
    if unreadable.any():
        survey.unreadable_example = str(values.text(checks.column("duration"))[unreadable].iloc[0])
    if unreadable.any() and facts is None:
        checks.warnings.append(
            _durations_warning(survey.unreadable_durations, survey.unreadable_example)
        )
    # A duration beyond a year is noise, not a workout: keep the sets, leave the end open.
    plausible = (duration > 0) & (duration <= 366 * 86_400)
    ended = started + pd.to_timedelta(duration.where(plausible), unit="s")

    sets = pd.DataFrame(
        {
            "line": table[LINE],
            "session_key": key,
            "session_source": "strong",
            "started_at": started,
            "ended_at": ended,
            "session_name": workout,
            "session_notes": session_firsts(key, checks.column("workout_notes")),
            "exercise": exercise,
            "set_label": set_label,
            "set_type": set_type,
            "entered_weight": entered,
            "entered_unit": units,
            "weight_kg": values.to_kg(entered, units),
            "reps": reps,
            "duration_s": seconds,
            "distance_m": distance * factor,
            "rpe": rpe,
            "notes": notes_text(checks.column("notes")),
        }
    )
    survey.session_keys = key
    # The columns above now live in `sets`; letting go of them keeps a large file's peak low.
    del order, label, started, bad_date, exercise, workout, weight, reps, distance, seconds, rpe
    del number, not_number, typed, set_type, odd, nothing, numbered, set_label, entered, units
    del factor, duration, bad_duration, key, unreadable, plausible, ended
    parsed = checks.finish(sets, rows_read=len(table))
    parsed.survey = survey
    return parsed


def file_facts(date_layouts: list[str], surveys: list[Survey]) -> FileFacts:
    """The decisions for a whole file from the surveys of its parts (read with `date_layouts`).

    They are what `parse` decides when it reads the file in one piece, and its warnings, in
    the same order.
    """
    odd_rows = sum(s.odd_rows for s in surveys)
    unreadable = sum(s.unreadable_durations for s in surveys)
    examples = [s.unreadable_example for s in surveys if s.unreadable_example is not None]
    samples = [s.distances for s in surveys if not s.distances.empty]
    default = surveys[0].default_distance if surveys else 1000.0
    metres, warnings = metres_exercises(
        pd.concat(samples, ignore_index=True) if samples else pd.DataFrame(), default
    )
    if odd_rows:
        orders = set().union(*(s.odd_orders for s in surveys))
        warnings.insert(0, _odd_orders_warning(odd_rows, orders))
    if unreadable:
        warnings.append(_durations_warning(unreadable, examples[0] if examples else None))
    return FileFacts(
        date_layouts=date_layouts,
        zero_based=any(s.zero_numbers for s in surveys),
        metres=frozenset(metres),
        warnings=warnings,
    )


def _odd_orders_warning(rows: int, orders: set[str]) -> str:
    shown = ", ".join(sorted(orders)[:5])
    return (
        f"{rows} row(s) had a set order Liftboard does not know ({shown}); "
        "they were imported as working sets."
    )


def _durations_warning(rows: int, example: str | None) -> str:
    return (
        f"{rows} row(s) had a workout duration Liftboard could not read "
        f"(e.g. {example!r}); those workouts were imported without an end time."
    )


def _weights(checks: RowChecks, weight: pd.Series, unit: str | None) -> tuple[pd.Series, pd.Series]:
    """Entered weight and unit per row, from the row's unit, the header, or the user."""
    layout = checks.layout
    if layout.weight_unit == "row":
        cells = checks.column("weight_unit")
        units, bad = values.weight_units(cells)
        checks.reject(bad, "weight_unit", cells, "the weight unit must be kg or lbs")
        units = units.where(units.notna(), unit)
        missing = weight.notna() & units.isna()
        checks.reject(missing, "weight_unit", cells, "the weight unit is missing (use --unit)")
        return weight, units.where(weight.notna(), None)
    if layout.weight_unit == "kg" and layout.variant.startswith("strong-newest"):
        return values.kilograms_as_entered(weight, unit)
    chosen = layout.weight_unit or unit
    units = pd.Series(chosen, index=weight.index, dtype=object)
    return weight, units.where(weight.notna(), None)


def _distance_factor(
    checks: RowChecks,
    exercise: pd.Series,
    distance: pd.Series,
    seconds: pd.Series,
    weight_units: pd.Series,
    unit: str | None,
    distance_unit: str | None,
    facts: FileFacts | None,
    survey: Survey,
) -> pd.Series:
    """Metres per unit of each row's distance: the file's unit, else the user's, else guessed.

    The weight unit does not decide it alone: a pound lifter's rowing `1000` is metres. What
    is guessed is noted in `survey` (the rows it was guessed from).
    """
    layout = checks.layout
    chosen = values.DISTANCE_UNITS.get(distance_unit or "")
    miles = (unit or layout.weight_unit) == "lb"
    default = 1609.344 if miles else 1000.0
    survey.default_distance = default
    metres = facts.metres if facts is not None else None
    if layout.distance_unit == "row":
        cells = checks.column("distance_unit")
        factor, bad = values.distance_factors(cells)
        checks.reject(
            bad & distance.notna(), "distance_unit", cells, "the unit is not km, mi, m or ft"
        )
        if chosen is not None:
            return factor.fillna(chosen)
        by_row = weight_units.map({"kg": 1000.0, "lb": 1609.344})
        by_row = pd.to_numeric(by_row, errors="coerce").fillna(default)
        unsaid = factor.isna() & distance.notna()
        survey.distances = distance_sample(checks, exercise, distance.where(unsaid), seconds)
        guessed = distance_factors(
            checks, exercise, distance.where(unsaid), seconds, default, metres
        )
        # Where an exercise turned out to be in metres, that wins over the weight unit.
        return factor.where(factor.notna(), by_row.where(guessed != 1.0, 1.0))
    if layout.distance_unit is not None:
        return pd.Series(values.DISTANCE_UNITS[layout.distance_unit], index=distance.index)
    if chosen is not None:
        return pd.Series(chosen, index=distance.index, dtype="float64")
    survey.distances = distance_sample(checks, exercise, distance, seconds)
    return distance_factors(checks, exercise, distance, seconds, default, metres)
