"""Every pandera model of Liftboard, with the domain constants the models check."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera import dtypes as pa_dtypes
from pandera.dtypes import DataType
from pandera.engines.pandas_engine import Engine
from pandera.typing.pandas import Series

from pipelines.errors import Problem, ValidationError

LB_TO_KG = 0.45359237
UNITS = ("kg", "lb")
SET_TYPES = ("warmup", "working", "drop", "failure")
LOAD_TYPES = ("weighted", "bodyweight", "weighted_bodyweight", "assisted", "timed", "distance")
SIDES = ("left", "right")
# Closed vocabularies that code branches on and the database's check constraints enforce are
# owned here; the catalog build validates the curated data against them.
REGIONS = ("back", "legs", "core", "arms", "chest", "shoulders")
VARIATION_KINDS = ("harder", "easier", "equipment")


def _shipped_muscle_groups() -> tuple[str, ...]:
    """The muscle groups of the shipped catalog (`data/muscle_groups.csv`), alphabetically.

    The data file owns the vocabulary (with each group's region and display order); reading it
    here keeps one source, so a group added to the curated data is accepted everywhere.
    """
    path = Path(__file__).resolve().parents[1] / "data" / "muscle_groups.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(sorted(row["muscle_group"] for row in csv.DictReader(handle)))


MUSCLE_GROUPS = _shipped_muscle_groups()
MAX_WEIGHT_KG = 1000.0
MAX_REPS = 1000
MAX_SECONDS = 86_400
MAX_DISTANCE_M = 1_000_000
MAX_TEXT = 20_000

# What each column must be, said the way a person would; used in rejection sentences.
RULES: dict[str, str] = {
    "athlete_id": "it must name a known athlete",
    "session_id": "it must name an existing session",
    "exercise_id": "it must name a known exercise",
    "set_index": "it must be a whole number of 1 or more",
    "set_type": "the set type must be one of " + ", ".join(SET_TYPES),
    "entered_weight": "the weight must be a number from 0 up to 1000 kg (2204.6 lb)",
    "entered_unit": "the unit must be kg or lb",
    "weight_kg": "the weight must be a number from 0 up to 1000 kg (2204.6 lb)",
    "reps": "reps must be a whole number from 0 to 1000, and 0 only for a timed or distance set",
    "duration_s": "seconds must be a number from 0 to 86400",
    "distance_m": "the distance must be a number from 0 to 1,000,000 metres",
    "rpe": "RPE must be from 1 to 10 in steps of 0.5",
    "rir": "RIR must be a whole number from 0 to 10",
    "side": "the side must be left or right (or empty)",
    "notes": f"notes must be text of at most {MAX_TEXT:,} characters",
    "name": f"the name must be text of at most {MAX_TEXT:,} characters",
    "started_at": "the date must be a real date no later than tomorrow",
    "ended_at": "the end must be a time no earlier than the start",
    "bodyweight_kg": "bodyweight must be a number above 0 and at most 500 kg",
    "unit": "the unit must be kg or lb",
}


class StrictModel(pa.DataFrameModel):
    """The base of every model: exactly the columns named, each coerced to its type.

    Coercion matters for query output too: with pandas 3, DuckDB's empty results come back as
    `object` columns. Models inherit this `Config`; one that needs more (`ordered`, `unique`)
    adds only that.
    """

    class Config:
        strict = True
        coerce = True


def _latest_allowed() -> pd.Timestamp:
    """The end of tomorrow: a set dated later than that is a typo, not training."""
    return pd.Timestamp(dt.date.today() + dt.timedelta(days=2))


class SetEntry(StrictModel):
    """One row per set about to be written to `sets` (weights already in kg)."""

    session_id: Series[int] = pa.Field(ge=1)
    exercise_id: Series[str] = pa.Field(str_length={"min_value": 1, "max_value": 500})
    set_index: Series[int] = pa.Field(ge=1)
    set_type: Series[str] = pa.Field(isin=SET_TYPES)
    weight_kg: Series[float] = pa.Field(nullable=True, ge=0, le=MAX_WEIGHT_KG)
    entered_weight: Series[float] = pa.Field(nullable=True, ge=0)
    entered_unit: Series[str] = pa.Field(nullable=True, isin=UNITS)
    reps: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, le=MAX_REPS)
    duration_s: Series[float] = pa.Field(nullable=True, ge=0, le=MAX_SECONDS)
    distance_m: Series[float] = pa.Field(nullable=True, ge=0, le=MAX_DISTANCE_M)
    rpe: Series[float] = pa.Field(nullable=True, ge=1, le=10)
    rir: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, le=10)
    side: Series[str] = pa.Field(nullable=True, isin=SIDES)
    notes: Series[str] = pa.Field(str_length={"max_value": MAX_TEXT})

    # These two run on every set logged, so they work on numpy arrays: a handful of pandas
    # operations on a one-row frame cost more than the rest of the check.
    @pa.check("rpe", name="rpe_in_halves")
    def rpe_in_halves(cls, rpe: pd.Series[float]) -> pd.Series[bool]:
        """RPE is given in steps of 0.5."""
        values = rpe.to_numpy(dtype=float, na_value=np.nan)
        return pd.Series(np.isnan(values) | (values * 2 % 1 == 0), index=rpe.index)

    @pa.dataframe_check(name="reps_or_time_or_distance")
    def reps_or_time_or_distance(cls, df: pd.DataFrame) -> pd.Series[bool]:
        """A set has reps, or (for timed and distance sets) seconds or a distance."""
        reps, seconds, distance = (
            df[name].to_numpy(dtype=float, na_value=0)
            for name in ("reps", "duration_s", "distance_m")
        )
        return pd.Series((reps > 0) | (seconds > 0) | (distance > 0), index=df.index)


class SessionEntry(StrictModel):
    """One row per session about to be written to `sessions`."""

    athlete_id: Series[int] = pa.Field(ge=1)
    started_at: Series[pd.Timestamp] = pa.Field(ge=pd.Timestamp("1900-01-01"))
    ended_at: Series[pd.Timestamp] = pa.Field(nullable=True)
    name: Series[str] = pa.Field(str_length={"max_value": 500})
    template_id: Series[str] = pa.Field(nullable=True)
    notes: Series[str] = pa.Field(str_length={"max_value": MAX_TEXT})
    bodyweight_kg: Series[float] = pa.Field(nullable=True, gt=0, le=500)
    source: Series[str] = pa.Field(
        isin=("manual", "liftboard", "strong", "hevy", "fitnotes", "demo")
    )
    source_key: Series[str] = pa.Field(nullable=True)

    @pa.check("started_at", name="not_after_tomorrow")
    def not_after_tomorrow(cls, started_at: pd.Series[pd.Timestamp]) -> pd.Series[bool]:
        """Training is logged for today or the past (tomorrow allowed for time zones)."""
        return started_at < _latest_allowed()

    @pa.dataframe_check(name="ends_after_start")
    def ends_after_start(cls, df: pd.DataFrame) -> pd.Series[bool]:
        """A session cannot end before it starts."""
        return (df["ended_at"].isna() | (df["ended_at"] >= df["started_at"])).astype(bool)


class AthleteEntry(StrictModel):
    """One row per athlete about to be written to `athletes`."""

    name: Series[str] = pa.Field(str_length={"min_value": 1, "max_value": 200})
    unit: Series[str] = pa.Field(isin=UNITS)


# Dataframe-wide checks are reported against the column a person would fix.
_FRAME_CHECK_COLUMNS = {
    "reps_or_time_or_distance": "reps",
    "ends_after_start": "ended_at",
}


def validate(
    model: type[pa.DataFrameModel], df: pd.DataFrame, *, as_built: bool = False
) -> pd.DataFrame:
    """Validate `df` against `model`, turning every failure into a sentence.

    Args:
        model: The pandera model whose rules `df` must meet.
        df: The rows to check.
        as_built: `df` was built with exactly the model's columns, in its order, each of the
            dtype the model coerces to (`model.to_schema().columns[name].dtype.type`). When
            every one of the model's checks then holds, `df` itself is returned without the
            coercion and failure-case bookkeeping pandera does for each column, which cost
            most of the time of validating a single set (see `passes_as_built`). Anything
            else takes the full pandera validation below.

    Raises:
        ValidationError: naming each rejected row (1-based), column and value.
    """
    if as_built and _passes_as_built_safely(model, df):
        return df
    try:  # the fast path: stop at the first failure (most writes have none) ...
        return model.validate(df)
    except (pa.errors.SchemaError, pa.errors.SchemaErrors):
        pass
    try:  # ... then look again to name every problem at once
        return model.validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise ValidationError(problems_from(exc.failure_cases, df)) from None


def typed_as(model: type[pa.DataFrameModel], frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with the model's columns in order, each cast to the dtype the model coerces to.

    What a read builds before `validate(model, ..., as_built=True)`: a small answer is then
    checked without pandera's copying, and gives the same frame as the full validation.
    """
    columns = model.to_schema().columns
    frame = frame[list(columns)]
    return frame.astype(
        {
            name: column.dtype.type
            for name, column in columns.items()
            if not isinstance(frame[name].dtype, pd.CategoricalDtype)
        }
    )


def _passes_as_built_safely(model: type[pa.DataFrameModel], df: pd.DataFrame) -> bool:
    """`passes_as_built`, with any surprise taken as "not certain".

    Say a pandera release moved what the shortcut reads: the full validation then follows, and
    it reports properly.
    """
    try:
        return passes_as_built(model, df)
    except Exception:  # the full validation follows
        return False


def passes_as_built(model: type[pa.DataFrameModel], df: pd.DataFrame) -> bool:
    """Whether `df`, already of `model`'s exact columns and dtypes, meets all of its rules.

    The rules are read from the model's own pandera schema, and each check is pandera's own
    check function, applied as pandera's check backend applies it (nulls dropped first when
    the check ignores them). What is skipped is work that cannot change the outcome for such a
    frame: coercion (every dtype already is the target one, so it would change nothing),
    copying the schema components, and reshaping failure cases and building messages for
    checks that passed.

    The answer errs one way only: True means pandera's `model.validate(df)` passes and returns
    these values. False means "not certain": a failing check, a dtype or column that differs
    from the schema, or a schema using a pandera feature this shortcut does not follow (parsers,
    defaults, uniqueness, regex columns, an index, grouped or element-wise checks, ...), so
    that validation falls back to pandera in full, which also names what is wrong.
    """
    schema = model.to_schema()
    if not schema.columns or not _plain_schema(schema) or list(df.columns) != list(schema.columns):
        return False
    # As `Check.__call__` does, have pandera register its pandas backends (and with them its
    # built-in check functions) for the types about to be checked.
    pa.Check.get_backend(df)
    pa.Check.get_backend(df.iloc[:, 0])
    for column, (_, values) in zip(schema.columns.values(), df.items(), strict=True):
        if not _dtype_holds(column.dtype, values):
            return False
        present = _without_nulls(values)
        if len(present) < len(values) and not column.nullable:
            return False
        for check in column.checks:
            data = present if check.ignore_na else values
            if data.empty and _builtin_name(check) in _ELEMENT_WISE:
                continue  # one verdict per value, and no value: pandera counts that a pass
            if not _check_holds(check, data):
                return False
    return all(_check_holds(check, df) for check in schema.checks)


# pandera's built-in checks that return one verdict per value (so nothing to say about none).
_ELEMENT_WISE = frozenset(
    {
        "equal_to",
        "not_equal_to",
        "greater_than",
        "greater_than_or_equal_to",
        "less_than",
        "less_than_or_equal_to",
        "in_range",
        "isin",
        "notin",
        "str_matches",
        "str_contains",
        "str_startswith",
        "str_endswith",
        "str_length",
    }
)


def _without_nulls(values: pd.Series) -> pd.Series:
    """`values.dropna()`: what pandera hands a check that ignores nulls, found more cheaply."""
    count = int(values.count())
    if count == len(values):
        return values
    return values.iloc[:0] if count == 0 else values.dropna()


def _plain_schema(schema: pa.DataFrameSchema) -> bool:
    """A schema made only of what `passes_as_built` follows: typed columns and their checks."""
    if (
        schema.dtype is not None
        or schema.index is not None
        or schema.parsers
        or schema.unique
        or schema.strict not in (True, False)
        or schema.add_missing_columns
        or schema.drop_invalid_rows
        or not all(_plain_check(check) for check in schema.checks)
    ):
        return False
    return all(
        column.required
        and not column.regex
        and not column.parsers
        and column.default is None
        and not column.unique
        and not column.drop_invalid_rows
        and all(_plain_check(check) for check in column.checks)
        for column in schema.columns.values()
    )


def _plain_check(check: pa.Check) -> bool:
    return type(check) is pa.Check and check.groupby is None and not check.element_wise


def _dtype_holds(expected: DataType | None, values: pd.Series) -> bool:
    """The column already has the dtype pandera coerces to, and pandera's dtype check agrees."""
    if expected is None:
        return False
    try:
        actual = Engine.dtype(values.dtype)
    except TypeError:  # a dtype pandera does not know: let pandera itself say so
        return False
    # A categorical column of any categories meets a Category of none named (pandera's own
    # rule), and coercing it changes nothing while the order flag agrees.
    any_categories = (
        isinstance(expected, pa_dtypes.Category)
        and expected.categories is None
        and isinstance(actual, pa_dtypes.Category)
        and bool(actual.ordered) == bool(expected.ordered)
    )
    if actual != expected and not any_categories:
        return False
    verdict = expected.check(actual, values)  # a bool, or one per value
    return bool(verdict) if isinstance(verdict, bool | np.bool_) else all(verdict)


def _builtin_name(check: pa.Check) -> str | None:
    """The name of a pandera built-in check; None for a check of our own."""
    name = check.name
    return name if name is not None and check.is_builtin_check(name) else None


def _check_holds(check: pa.Check, data: pd.Series | pd.DataFrame) -> bool:
    """Run one pandera check on `data`; True only when every element passes.

    A built-in check's function is taken from pandera's registry and given the check's own
    `statistics` (its arguments), which is what pandera's backend runs without building failure
    cases; a check of our own goes through `Check.__call__`. Both are pandera's public API.
    """
    builtin = _builtin_name(check)
    try:
        if builtin is None:
            return bool(check(data).check_passed)
        output = check.get_builtin_check_fn(builtin)(data, **(check.statistics or {}))
    except Exception:  # pandera reports a check that raises as a failure; so does the full pass
        return False
    # What pandera's check backend makes of each kind of output; any other kind fails there.
    if isinstance(output, pd.Series):
        if output.dtype == bool:  # plain numpy booleans: no nulls to skip, so numpy can say
            return bool(output.to_numpy().all())
        return bool(output.all())
    if isinstance(output, pd.DataFrame) and isinstance(data, pd.DataFrame):
        return bool(output.all(axis=None))
    if isinstance(output, bool | np.bool_):
        return bool(output)
    return False


def problems_from(failures: pd.DataFrame, df: pd.DataFrame) -> list[Problem]:
    """Turn pandera's failure cases into one `Problem` per (row, column)."""
    problems: dict[tuple[int | None, str], Problem] = {}
    positions = {label: i for i, label in enumerate(df.index)}
    for case in failures.to_dict("records"):
        check = str(case.get("check") or "")
        column = case.get("column")
        if check in _FRAME_CHECK_COLUMNS:  # pandera lists every column of a failing row
            column = _FRAME_CHECK_COLUMNS[check]
        elif column is None or (isinstance(column, float) and pd.isna(column)):
            column = "row"
        column = str(column)
        label = case.get("index")
        if label is None or (isinstance(label, float) and pd.isna(label)):
            row: int | None = None
        else:
            position = positions.get(label)
            row = position + 1 if position is not None else None
        if column in df.columns and row is not None:
            value = df[column].iloc[row - 1]
        else:
            value = case.get("failure_case")
        if "column_in_dataframe" in check or "column_in_schema" in check:
            reason = "that column is missing or unknown"
            value = case.get("failure_case")
        else:
            reason = RULES.get(column, f"it failed the check {check}")
        problems.setdefault((row, column), Problem(row, column, value, reason))
    return sorted(problems.values(), key=lambda p: (p.row or 0, p.column))


# --- importing other apps' exports and matching their exercise names ---------------------

IMPORT_SOURCES = ("strong", "hevy", "fitnotes", "liftboard")
SESSION_SOURCES = ("manual", "liftboard", "strong", "hevy", "fitnotes", "demo")
MUSCLE_ROLES = ("primary", "secondary")
# How an exercise name found its catalog exercise: `exact` (its name or id), `alias` (a name
# another app uses), `structure` (movement and equipment), `variant` (the same, once words that
# do not change the muscles are set aside), `fuzzy` (a misspelt word corrected), `context` (an
# ambiguous name decided by the sessions it sits in), `mapped` (a name the user mapped onto a
# catalog exercise); `ambiguous` and `none` found nothing.
MATCH_METHODS = (
    "exact",
    "alias",
    "mapped",
    "structure",
    "variant",
    "fuzzy",
    "context",
    "ambiguous",
    "none",
)


class ImportedSet(StrictModel):
    """One row per set read from an export file, about to be written (weights in kg)."""

    line: Series[int] = pa.Field(ge=1)
    session_key: Series[str] = pa.Field(str_length={"min_value": 1, "max_value": 2000})
    started_at: Series[pd.Timestamp] = pa.Field(ge=pd.Timestamp("1900-01-01"))
    exercise_id: Series[str] = pa.Field(str_length={"min_value": 1, "max_value": 500})
    set_type: Series[str] = pa.Field(isin=SET_TYPES)
    weight_kg: Series[float] = pa.Field(nullable=True, ge=0, le=MAX_WEIGHT_KG)
    entered_weight: Series[float] = pa.Field(nullable=True, ge=0)
    entered_unit: Series[str] = pa.Field(nullable=True, isin=UNITS)
    reps: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, le=MAX_REPS)
    duration_s: Series[float] = pa.Field(nullable=True, ge=0, le=MAX_SECONDS)
    distance_m: Series[float] = pa.Field(nullable=True, ge=0, le=MAX_DISTANCE_M)
    rpe: Series[float] = pa.Field(nullable=True, ge=1, le=10)
    rir: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, le=10)
    side: Series[str] = pa.Field(nullable=True, isin=SIDES)
    notes: Series[str] = pa.Field(str_length={"max_value": MAX_TEXT})
    set_key: Series[str] = pa.Field(nullable=True, str_length={"max_value": 4000})

    @pa.check("rpe", name="rpe_in_halves")
    def rpe_in_halves(cls, rpe: pd.Series[float]) -> pd.Series[bool]:
        """RPE is given in steps of 0.5."""
        return rpe.isna() | ((rpe * 2) % 1 == 0)

    @pa.check("started_at", name="not_after_tomorrow")
    def not_after_tomorrow(cls, started_at: pd.Series[pd.Timestamp]) -> pd.Series[bool]:
        """Training is dated today or in the past (tomorrow allowed for time zones)."""
        return started_at < _latest_allowed()

    @pa.dataframe_check(name="reps_or_time_or_distance")
    def reps_or_time_or_distance(cls, df: pd.DataFrame) -> pd.Series[bool]:
        """A set has reps, or (for timed and distance sets) seconds or a distance.

        A failed attempt is a set too: 0 reps, marked as a failure or done at a weight.
        """
        other = df["duration_s"].fillna(0).gt(0) | df["distance_m"].fillna(0).gt(0)
        failed = df["reps"].fillna(-1).eq(0) & (
            df["set_type"].eq("failure") | df["entered_weight"].notna()
        )
        return (df["reps"].fillna(0).gt(0) | other | failed).astype(bool)


class ImportedSession(StrictModel):
    """One row per session read from an export file, about to be written."""

    session_key: Series[str] = pa.Field(str_length={"min_value": 1, "max_value": 2000})
    athlete: Series[str] = pa.Field(str_length={"min_value": 1, "max_value": 200})
    started_at: Series[pd.Timestamp] = pa.Field(ge=pd.Timestamp("1900-01-01"))
    ended_at: Series[pd.Timestamp] = pa.Field(nullable=True)
    name: Series[str] = pa.Field(str_length={"max_value": 500})
    notes: Series[str] = pa.Field(str_length={"max_value": MAX_TEXT})
    bodyweight_kg: Series[float] = pa.Field(nullable=True, gt=0, le=500)
    template_id: Series[str] = pa.Field(nullable=True)
    source: Series[str] = pa.Field(isin=SESSION_SOURCES)
    source_key: Series[str] = pa.Field(nullable=True, str_length={"max_value": 2000})

    @pa.dataframe_check(name="ends_after_start")
    def ends_after_start(cls, df: pd.DataFrame) -> pd.Series[bool]:
        """A session cannot end before it starts."""
        return (df["ended_at"].isna() | (df["ended_at"] >= df["started_at"])).astype(bool)


class CustomExercise(StrictModel):
    """One row per custom exercise about to be written to `exercises`."""

    exercise_id: Series[str] = pa.Field(str_matches=r"^custom:.+", str_length={"max_value": 300})
    name: Series[str] = pa.Field(str_length={"min_value": 1, "max_value": 200})
    name_norm: Series[str] = pa.Field(str_length={"min_value": 1, "max_value": 200})
    category: Series[str] = pa.Field(str_length={"max_value": 100})
    equipment: Series[str] = pa.Field(str_length={"max_value": 100})
    load_type: Series[str] = pa.Field(isin=LOAD_TYPES)
    unilateral: Series[bool]
    bodyweight_factor: Series[float] = pa.Field(ge=0, le=1.5)
    mapped: Series[bool]


class ExerciseMuscle(StrictModel):
    """One row per (exercise, muscle group) about to be written to `exercise_muscles`."""

    exercise_id: Series[str] = pa.Field(str_length={"min_value": 1, "max_value": 500})
    muscle_group: Series[str] = pa.Field(isin=MUSCLE_GROUPS)
    role: Series[str] = pa.Field(isin=MUSCLE_ROLES)

    class Config:
        unique = ["exercise_id", "muscle_group"]


class ExerciseMatch(StrictModel):
    """One row per exercise name looked up: the exercise it landed on, and how."""

    name: Series[str]
    exercise_id: Series[str] = pa.Field(nullable=True)
    method: Series[str] = pa.Field(isin=MATCH_METHODS)
    detail: Series[str]


class NameMatch(StrictModel):
    """One row per imported name matched other than by its exact name or alias, and how."""

    name: Series[str]
    exercise_id: Series[str] = pa.Field(nullable=True)
    exercise_name: Series[str] = pa.Field(nullable=True)
    method: Series[str] = pa.Field(isin=MATCH_METHODS)
    detail: Series[str]


class MappedExercise(StrictModel):
    """One row per custom exercise the user mapped onto a catalog exercise."""

    exercise_id: Series[str]
    name: Series[str]
    target_exercise_id: Series[str]
    target_name: Series[str]
    sets: Series[int] = pa.Field(ge=0)


class UnmappedExercise(StrictModel):
    """One row per custom exercise that still waits for its muscles, with its set count."""

    exercise_id: Series[str]
    name: Series[str]
    sets: Series[int] = pa.Field(ge=0)
    created_at: Series[pd.Timestamp]


# --- the dashboard: catalog reads, the template editor, the log's helpers ------------------

TEMPLATE_ROLES = ("main", "addon")
TEMPLATE_SOURCES = ("liftboard", "custom")
MAX_TEMPLATE_ROUND = 50


class CatalogExercise(StrictModel):
    """One row per exercise, with its muscles and aliases folded into comma-separated text."""

    exercise_id: Series[str]
    name: Series[str]
    equipment: Series[str]
    category: Series[str]
    load_type: Series[str] = pa.Field(isin=LOAD_TYPES)
    level: Series[str]
    unilateral: Series[bool]
    source: Series[str]
    mapped: Series[bool]
    primary_muscles: Series[str]
    secondary_muscles: Series[str]
    aliases: Series[str]
    stance: Series[str]
    cues: Series[str]


class ExerciseName(StrictModel):
    """One row per searchable exercise name: an exercise's own name or one of its aliases."""

    label: Series[str] = pa.Field(str_length={"min_value": 1})
    exercise_id: Series[str]
    name: Series[str]
    is_alias: Series[bool]
    load_type: Series[str] = pa.Field(isin=LOAD_TYPES)
    unilateral: Series[bool]
    last_done_at: Series[pd.Timestamp] = pa.Field(nullable=True)


class ExerciseOption(StrictModel):
    """One row per exercise, in the order the Log page's exercise search offers them."""

    exercise_id: Series[str] = pa.Field(unique=True)
    name: Series[str] = pa.Field(str_length={"min_value": 1})
    aliases: Series[str]
    label: Series[str] = pa.Field(str_length={"min_value": 1})
    load_type: Series[str] = pa.Field(isin=LOAD_TYPES)
    unilateral: Series[bool]
    last_done_at: Series[pd.Timestamp] = pa.Field(nullable=True)
    popularity_rank: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1)
    search_rank: Series[int] = pa.Field(ge=1)


class WorkoutTemplate(StrictModel):
    """One row per workout template, with its count of main and add-on slots."""

    template_id: Series[str]
    name: Series[str]
    description: Series[str]
    rounds: Series[int] = pa.Field(ge=1, le=MAX_TEMPLATE_ROUND)
    passes_per_round: Series[int] = pa.Field(ge=1, le=20)
    rest_s: Series[int] = pa.Field(ge=0, le=3600)
    minutes_min: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    minutes_max: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    defaults_note: Series[str]
    source: Series[str] = pa.Field(isin=TEMPLATE_SOURCES)
    main_items: Series[int] = pa.Field(ge=0)
    addon_items: Series[int] = pa.Field(ge=0)


class TemplateExercise(StrictModel):
    """One row per exercise slot (round_no, position) of a template, with the exercise's facts."""

    template_id: Series[str]
    round_no: Series[int] = pa.Field(ge=0, le=MAX_TEMPLATE_ROUND)
    position: Series[int] = pa.Field(ge=1)
    exercise_id: Series[str]
    name: Series[str]
    reps: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1, le=MAX_REPS)
    seconds: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1, le=MAX_SECONDS)
    per_side: Series[bool]
    role: Series[str] = pa.Field(isin=TEMPLATE_ROLES)
    notes: Series[str]
    equipment: Series[str]
    load_type: Series[str] = pa.Field(isin=LOAD_TYPES)
    unilateral: Series[bool]
    stance: Series[str]
    cues: Series[str]
    primary_muscles: Series[str]
    secondary_muscles: Series[str]


class ExerciseVariationRow(StrictModel):
    """One row per (exercise, variation): easier, harder or other-equipment versions."""

    exercise_id: Series[str]
    position: Series[int] = pa.Field(ge=1)
    variation: Series[str]
    kind: Series[str] = pa.Field(isin=("harder", "easier", "equipment"))
    description: Series[str]
    target_exercise_id: Series[str] = pa.Field(nullable=True)
    target_name: Series[str] = pa.Field(nullable=True)


class AnatomyMuscle(StrictModel):
    """One row per named muscle: its group and region, and the exercises that train the group."""

    muscle: Series[str]
    muscle_group: Series[str] = pa.Field(isin=MUSCLE_GROUPS)
    region: Series[str]
    description: Series[str]
    primary_in_workout: Series[str]
    secondary_in_workout: Series[str]
    catalog_exercises: Series[int] = pa.Field(ge=0)
    display_order: Series[int]


class TemplateItemEntry(StrictModel):
    """One row per template slot about to be written to `template_items`."""

    template_id: Series[str] = pa.Field(str_length={"min_value": 1})
    round_no: Series[int] = pa.Field(ge=0, le=MAX_TEMPLATE_ROUND)
    position: Series[int] = pa.Field(ge=1, le=1000)
    exercise_id: Series[str] = pa.Field(str_length={"min_value": 1, "max_value": 500})
    reps: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1, le=MAX_REPS)
    seconds: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1, le=MAX_SECONDS)
    per_side: Series[bool]
    role: Series[str] = pa.Field(isin=TEMPLATE_ROLES)
    notes: Series[str] = pa.Field(str_length={"max_value": 500})

    class Config:
        unique = ["template_id", "round_no", "position"]


class LastSet(StrictModel):
    """One row per exercise: the athlete's most recent set of it (working sets first)."""

    exercise_id: Series[str]
    performed_on: Series[pd.Timestamp]
    set_type: Series[str] = pa.Field(isin=SET_TYPES)
    weight_kg: Series[float] = pa.Field(nullable=True, ge=0)
    entered_weight: Series[float] = pa.Field(nullable=True, ge=0)
    entered_unit: Series[str] = pa.Field(nullable=True, isin=UNITS)
    reps: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    duration_s: Series[float] = pa.Field(nullable=True, ge=0)
    rpe: Series[float] = pa.Field(nullable=True)


class AthleteActivity(StrictModel):
    """One row per athlete: unit, number of sessions and the latest session's start."""

    athlete_id: Series[int] = pa.Field(ge=1)
    name: Series[str]
    unit: Series[str] = pa.Field(isin=UNITS)
    sessions: Series[int] = pa.Field(ge=0)
    last_session_at: Series[pd.Timestamp] = pa.Field(nullable=True)


class PastSession(StrictModel):
    """One row per session of an athlete, newest first, with its sets and duration."""

    session_id: Series[int] = pa.Field(ge=1)
    started_at: Series[pd.Timestamp]
    performed_on: Series[pd.Timestamp]
    name: Series[str]
    source: Series[str]
    sets: Series[int] = pa.Field(ge=0)
    exercises: Series[int] = pa.Field(ge=0)
    duration_min: Series[float] = pa.Field(nullable=True)
    total_sessions: Series[int] = pa.Field(ge=0)


# --- marts and exports --------------------------------------------------------------------

SECONDARY_WEIGHTS = (0.0, 0.5, 1.0)
WEEK_STARTS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
TARGET_STATUSES = (
    "below maintenance",
    "below minimum effective",
    "productive",
    "above maximum recoverable",
    "no target",
)
LANDMARK_SOURCES = ("athlete", "default", "none")
E1RM_FORMULAS = ("epley", "brzycki", "lombardi", "oconner")
RECORD_KINDS = ("heaviest_load", "best_e1rm", "most_reps", "best_session_tonnage")
PROGRESSION_ACTIONS = (
    "add load",
    "harder variation",
    "longer hold",
    "less assistance",
    "keep going",
)
MAX_WEEKLY_SETS = 100.0


class WeeklyMuscleVolume(StrictModel):
    """One row per (athlete, week_start, muscle_group): fractional hard sets and the work done."""

    athlete_id: Series[int] = pa.Field(ge=1)
    week_start: Series[pd.Timestamp]
    muscle_group: Series[pd.CategoricalDtype] = pa.Field(isin=MUSCLE_GROUPS)
    hard_sets: Series[float] = pa.Field(ge=0)
    direct_sets: Series[int] = pa.Field(ge=0)
    reps: Series[int] = pa.Field(ge=0)
    tonnage_kg: Series[float] = pa.Field(ge=0)
    estimated_tonnage_kg: Series[float] = pa.Field(ge=0)
    duration_s: Series[float] = pa.Field(ge=0)


class VolumeLandmark(StrictModel):
    """One row per (athlete, muscle_group): the weekly set landmarks that apply, and whose."""

    athlete_id: Series[int] = pa.Field(ge=1)
    muscle_group: Series[str] = pa.Field(isin=MUSCLE_GROUPS)
    mv_sets: Series[float] = pa.Field(nullable=True, ge=0, le=MAX_WEEKLY_SETS)
    mev_sets: Series[float] = pa.Field(nullable=True, ge=0, le=MAX_WEEKLY_SETS)
    mav_low_sets: Series[float] = pa.Field(nullable=True, ge=0, le=MAX_WEEKLY_SETS)
    mav_high_sets: Series[float] = pa.Field(nullable=True, ge=0, le=MAX_WEEKLY_SETS)
    mrv_sets: Series[float] = pa.Field(nullable=True, ge=0, le=MAX_WEEKLY_SETS)
    source: Series[str] = pa.Field(isin=LANDMARK_SOURCES)
    basis: Series[str]


class VolumeLandmarkEntry(StrictModel):
    """One row per (athlete, muscle_group) landmark override about to be written."""

    athlete_id: Series[int] = pa.Field(ge=1)
    muscle_group: Series[str] = pa.Field(isin=MUSCLE_GROUPS)
    mv_sets: Series[float] = pa.Field(ge=0, le=MAX_WEEKLY_SETS)
    mev_sets: Series[float] = pa.Field(ge=0, le=MAX_WEEKLY_SETS)
    mav_low_sets: Series[float] = pa.Field(ge=0, le=MAX_WEEKLY_SETS)
    mav_high_sets: Series[float] = pa.Field(ge=0, le=MAX_WEEKLY_SETS)
    mrv_sets: Series[float] = pa.Field(ge=0, le=MAX_WEEKLY_SETS)

    @pa.dataframe_check(name="landmarks_in_order")
    def landmarks_in_order(cls, df: pd.DataFrame) -> pd.Series[bool]:
        """MV <= MEV <= low end of MAV <= high end of MAV <= MRV."""
        return (
            (df["mv_sets"] <= df["mev_sets"])
            & (df["mev_sets"] <= df["mav_low_sets"])
            & (df["mav_low_sets"] <= df["mav_high_sets"])
            & (df["mav_high_sets"] <= df["mrv_sets"])
        ).astype(bool)


class WeeklyVolumeStatus(WeeklyMuscleVolume):
    """One row per (athlete, week_start, muscle_group): the volume, its landmarks and status."""

    mv_sets: Series[float] = pa.Field(nullable=True, ge=0)
    mev_sets: Series[float] = pa.Field(nullable=True, ge=0)
    mav_low_sets: Series[float] = pa.Field(nullable=True, ge=0)
    mav_high_sets: Series[float] = pa.Field(nullable=True, ge=0)
    mrv_sets: Series[float] = pa.Field(nullable=True, ge=0)
    target_status: Series[pd.CategoricalDtype] = pa.Field(isin=TARGET_STATUSES)


class SetEstimatedOneRepMax(StrictModel):
    """One row per set that allows an estimate: its estimated one-rep max in kg."""

    set_id: Series[int] = pa.Field(ge=1)
    session_id: Series[int] = pa.Field(ge=1)
    athlete_id: Series[int] = pa.Field(ge=1)
    performed_on: Series[pd.Timestamp]
    exercise_id: Series[str]
    set_type: Series[str] = pa.Field(isin=SET_TYPES)
    weight_kg: Series[float] = pa.Field(gt=0)
    reps: Series[int] = pa.Field(ge=1, le=10)
    rir: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, le=10)
    effective_reps: Series[int] = pa.Field(ge=1, le=10)
    e1rm_kg: Series[float] = pa.Field(gt=0)


class SessionEstimatedOneRepMax(StrictModel):
    """One row per (session, exercise): the best estimated one-rep max and the set behind it."""

    session_id: Series[int] = pa.Field(ge=1)
    athlete_id: Series[int] = pa.Field(ge=1)
    performed_on: Series[pd.Timestamp]
    exercise_id: Series[str]
    e1rm_kg: Series[float] = pa.Field(gt=0)
    set_id: Series[int] = pa.Field(ge=1)
    weight_kg: Series[float] = pa.Field(gt=0)
    reps: Series[int] = pa.Field(ge=1, le=10)


class PersonalRecord(StrictModel):
    """One row per record event: the day an athlete beat their own best at an exercise."""

    athlete_id: Series[int] = pa.Field(ge=1)
    exercise_id: Series[str]
    exercise: Series[str]
    record: Series[str] = pa.Field(isin=RECORD_KINDS)
    load_kg: Series[float] = pa.Field(nullable=True, ge=0)
    value: Series[float] = pa.Field(ge=0)
    unit: Series[str] = pa.Field(isin=("kg", "reps"))
    previous_value: Series[float] = pa.Field(nullable=True, ge=0)
    achieved_on: Series[pd.Timestamp]
    session_id: Series[int] = pa.Field(ge=1)


class ProgressionSuggestion(StrictModel):
    """One row per exercise of the athlete's template or recent log: what to do next and why."""

    athlete_id: Series[int] = pa.Field(ge=1)
    exercise_id: Series[str]
    exercise: Series[str]
    action: Series[str] = pa.Field(isin=PROGRESSION_ACTIONS)
    current_kg: Series[float] = pa.Field(nullable=True, ge=0)
    suggested_kg: Series[float] = pa.Field(nullable=True, ge=0)
    current_seconds: Series[float] = pa.Field(nullable=True, ge=0)
    suggested_seconds: Series[float] = pa.Field(nullable=True, ge=0)
    suggested_variation: Series[str] = pa.Field(nullable=True)
    reason: Series[str] = pa.Field(str_length={"min_value": 1})


class WeeklySessions(StrictModel):
    """One row per (athlete, week_start): sessions and sets, zero for weeks without training."""

    athlete_id: Series[int] = pa.Field(ge=1)
    week_start: Series[pd.Timestamp]
    sessions: Series[int] = pa.Field(ge=0)
    sets: Series[int] = pa.Field(ge=0)


class TrainingStreak(StrictModel):
    """One row per athlete: the current and the longest run of consecutive training weeks."""

    athlete_id: Series[int] = pa.Field(ge=1)
    current_weeks: Series[int] = pa.Field(ge=0)
    current_start: Series[pd.Timestamp] = pa.Field(nullable=True)
    longest_weeks: Series[int] = pa.Field(ge=0)
    longest_start: Series[pd.Timestamp] = pa.Field(nullable=True)
    longest_end: Series[pd.Timestamp] = pa.Field(nullable=True)
    last_session_on: Series[pd.Timestamp] = pa.Field(nullable=True)


class TrainingDay(StrictModel):
    """One row per (athlete, day) of the range: sessions, sets and minutes, zero on rest days."""

    athlete_id: Series[int] = pa.Field(ge=1)
    day: Series[pd.Timestamp]
    week_start: Series[pd.Timestamp]
    sessions: Series[int] = pa.Field(ge=0)
    sets: Series[int] = pa.Field(ge=0)
    minutes: Series[float] = pa.Field(ge=0)


class WeeklyBalance(StrictModel):
    """One row per (athlete, week_start): back against legs hard sets."""

    athlete_id: Series[int] = pa.Field(ge=1)
    week_start: Series[pd.Timestamp]
    back_sets: Series[float] = pa.Field(ge=0)
    legs_sets: Series[float] = pa.Field(ge=0)
    back_share: Series[float] = pa.Field(nullable=True, ge=0, le=1)


class PeriodVolume(StrictModel):
    """One row per (athlete, period, muscle_group): hard sets per week of a week or a month.

    A month's `hard_sets` is its average week; it has no `target_status` (empty).
    `helpers_low_sets` and `helpers_high_sets` are the hard sets with helping muscles counted 0
    and 1, `low_status` and `high_status` the statuses they give.
    """

    athlete_id: Series[int] = pa.Field(ge=1)
    period: Series[pd.Timestamp]
    muscle_group: Series[pd.CategoricalDtype] = pa.Field(isin=MUSCLE_GROUPS)
    hard_sets: Series[float] = pa.Field(ge=0)
    helpers_low_sets: Series[float] = pa.Field(ge=0)
    helpers_high_sets: Series[float] = pa.Field(ge=0)
    target_status: Series[str] = pa.Field(isin=[*TARGET_STATUSES, ""])
    low_status: Series[str] = pa.Field(isin=[*TARGET_STATUSES, ""])
    high_status: Series[str] = pa.Field(isin=[*TARGET_STATUSES, ""])
    mv_sets: Series[float] = pa.Field(nullable=True, ge=0)
    mev_sets: Series[float] = pa.Field(nullable=True, ge=0)
    mav_low_sets: Series[float] = pa.Field(nullable=True, ge=0)
    mav_high_sets: Series[float] = pa.Field(nullable=True, ge=0)
    mrv_sets: Series[float] = pa.Field(nullable=True, ge=0)


class PeriodBalance(StrictModel):
    """One row per (athlete, period): back against legs hard sets per week (a month's average).

    `back_total` and `legs_total` are the period's own hard sets, not averaged.
    """

    athlete_id: Series[int] = pa.Field(ge=1)
    period: Series[pd.Timestamp]
    back_sets: Series[float] = pa.Field(ge=0)
    legs_sets: Series[float] = pa.Field(ge=0)
    back_share: Series[float] = pa.Field(nullable=True, ge=0, le=1)
    back_total: Series[float] = pa.Field(ge=0)
    legs_total: Series[float] = pa.Field(ge=0)


class PeriodSessions(StrictModel):
    """One row per (athlete, period): sessions and sets of a week or a calendar month."""

    athlete_id: Series[int] = pa.Field(ge=1)
    period: Series[pd.Timestamp]
    sessions: Series[int] = pa.Field(ge=0)
    sets: Series[int] = pa.Field(ge=0)


class PeriodConditioning(StrictModel):
    """One row per (athlete, period): cardio and held stretches, which are never hard sets."""

    athlete_id: Series[int] = pa.Field(ge=1)
    period: Series[pd.Timestamp]
    conditioning_sessions: Series[int] = pa.Field(ge=0)
    conditioning_minutes: Series[float] = pa.Field(ge=0)
    distance_km: Series[float] = pa.Field(ge=0)
    mobility_sessions: Series[int] = pa.Field(ge=0)
    mobility_minutes: Series[float] = pa.Field(ge=0)


class SetsExport(StrictModel):
    """One row per set, in the column order of the `sets` CSV export."""

    athlete: Series[str]
    session_id: Series[int] = pa.Field(ge=1)
    session_name: Series[str]
    started_at: Series[pd.Timestamp]
    performed_on: Series[pd.Timestamp]
    exercise: Series[str]
    exercise_id: Series[str]
    set_index: Series[int] = pa.Field(ge=1)
    set_type: Series[str] = pa.Field(isin=SET_TYPES)
    weight_kg: Series[float] = pa.Field(nullable=True, ge=0)
    entered_weight: Series[float] = pa.Field(nullable=True, ge=0)
    entered_unit: Series[str] = pa.Field(nullable=True, isin=UNITS)
    reps: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    duration_s: Series[float] = pa.Field(nullable=True, ge=0)
    distance_m: Series[float] = pa.Field(nullable=True, ge=0)
    rpe: Series[float] = pa.Field(nullable=True, ge=1, le=10)
    rir: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, le=10)
    notes: Series[str]
    side: Series[str] = pa.Field(nullable=True, isin=SIDES)
    session_notes: Series[str]
    ended_at: Series[pd.Timestamp] = pa.Field(nullable=True)
    bodyweight_kg: Series[float] = pa.Field(nullable=True, gt=0)
    template_id: Series[str] = pa.Field(nullable=True)
    source: Series[str]
    source_key: Series[str] = pa.Field(nullable=True)
    set_source_key: Series[str] = pa.Field(nullable=True)
    athlete_unit: Series[str] = pa.Field(isin=UNITS)

    class Config:
        ordered = True


class WeeklyVolumeExport(StrictModel):
    """One row per (athlete, week_start, muscle_group), in the `weekly-volume` CSV order."""

    athlete: Series[str]
    week_start: Series[pd.Timestamp]
    muscle_group: Series[str] = pa.Field(isin=MUSCLE_GROUPS)
    hard_sets: Series[float] = pa.Field(ge=0)
    direct_sets: Series[int] = pa.Field(ge=0)
    reps: Series[int] = pa.Field(ge=0)
    tonnage_kg: Series[float] = pa.Field(ge=0)
    duration_s: Series[float] = pa.Field(ge=0)
    target_status: Series[str] = pa.Field(isin=TARGET_STATUSES)

    class Config:
        ordered = True


class PersonalRecordsExport(StrictModel):
    """One row per record event, in the `personal-records` CSV order."""

    athlete: Series[str]
    exercise: Series[str]
    record: Series[str]
    value: Series[float] = pa.Field(ge=0)
    unit: Series[str] = pa.Field(isin=("kg", "lb", "reps"))
    achieved_on: Series[pd.Timestamp]

    class Config:
        ordered = True


class StrongExportRow(StrictModel):
    """One row per set in Strong's classic CSV layout (the `strong` export)."""

    date: Series[str] = pa.Field(alias="Date", str_matches=r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
    workout_name: Series[str] = pa.Field(alias="Workout Name")
    duration: Series[str] = pa.Field(alias="Duration", str_matches=r"^(\d+h )?(\d+m)?$")
    exercise_name: Series[str] = pa.Field(alias="Exercise Name", str_length={"min_value": 1})
    set_order: Series[str] = pa.Field(alias="Set Order", str_matches=r"^([WDF]|\d+)$")
    weight: Series[float] = pa.Field(alias="Weight", ge=0)
    reps: Series[int] = pa.Field(alias="Reps", ge=0)
    distance: Series[float] = pa.Field(alias="Distance", ge=0)
    seconds: Series[float] = pa.Field(alias="Seconds", ge=0)
    notes: Series[str] = pa.Field(alias="Notes")
    workout_notes: Series[str] = pa.Field(alias="Workout Notes")
    rpe: Series[float] = pa.Field(alias="RPE", nullable=True, ge=1, le=10)

    class Config:
        ordered = True


# --- exercise history, body map and bodyweight views --------------------------------------

REP_RECORD_COUNTS = tuple(range(1, 13))
BODYWEIGHT_SOURCES = ("reading", "session")


class ExerciseSession(pa.DataFrameModel):
    """One row per session with an exercise: its sets, top set, best e1RM and tonnage."""

    session_id: Series[int] = pa.Field(ge=1)
    performed_on: Series[pd.Timestamp]
    session_name: Series[str] = pa.Field(nullable=True)
    working_sets: Series[int] = pa.Field(ge=0)
    sets_text: Series[str]
    top_weight_kg: Series[float] = pa.Field(nullable=True, gt=0)
    top_reps: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    best_e1rm_kg: Series[float] = pa.Field(nullable=True, gt=0)
    tonnage_kg: Series[float] = pa.Field(ge=0)
    tonnage_estimated: Series[bool]

    class Config:
        strict = True
        coerce = True


class RepRecord(pa.DataFrameModel):
    """One row per rep count (1 to 12): the heaviest load lifted for at least that many reps."""

    rep_count: Series[int] = pa.Field(isin=REP_RECORD_COUNTS)
    weight_kg: Series[float] = pa.Field(nullable=True, gt=0)
    reps: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1)
    achieved_on: Series[pd.Timestamp] = pa.Field(nullable=True)

    class Config:
        strict = True
        coerce = True


class AthleteExercise(pa.DataFrameModel):
    """One row per exercise an athlete logged: sessions, sets and the last day."""

    exercise_id: Series[str]
    exercise: Series[str]
    sessions: Series[int] = pa.Field(ge=1)
    sets: Series[int] = pa.Field(ge=1)
    last_on: Series[pd.Timestamp]

    class Config:
        strict = True
        coerce = True


class MuscleGroupExercise(pa.DataFrameModel):
    """One row per exercise that trained a muscle group in a range, with the sets it gave."""

    exercise_id: Series[str]
    exercise: Series[str]
    role: Series[str] = pa.Field(isin=MUSCLE_ROLES)
    sessions: Series[int] = pa.Field(ge=1)
    sets: Series[int] = pa.Field(ge=1)
    hard_sets: Series[float] = pa.Field(ge=0)
    last_on: Series[pd.Timestamp]

    class Config:
        strict = True
        coerce = True


class BodyweightEntry(pa.DataFrameModel):
    """One row per bodyweight reading about to be written (as typed, and in kg)."""

    athlete_id: Series[int] = pa.Field(ge=1)
    measured_on: Series[pd.Timestamp] = pa.Field(ge=pd.Timestamp("1900-01-01"))
    entered_weight: Series[float] = pa.Field(gt=0)
    entered_unit: Series[str] = pa.Field(isin=UNITS)
    bodyweight_kg: Series[float] = pa.Field(gt=0, le=500)

    @pa.check("measured_on", name="not_after_tomorrow")
    def not_after_tomorrow(cls, measured_on: pd.Series[pd.Timestamp]) -> pd.Series[bool]:
        """A reading is for today or the past (tomorrow allowed for time zones)."""
        return measured_on < _latest_allowed()

    class Config:
        strict = True
        coerce = True


class BodyweightReading(pa.DataFrameModel):
    """One row per day with a bodyweight: a logged reading, or a session's own value."""

    measured_on: Series[pd.Timestamp]
    bodyweight_kg: Series[float] = pa.Field(gt=0)
    entered_weight: Series[float] = pa.Field(nullable=True, gt=0)
    entered_unit: Series[str] = pa.Field(nullable=True, isin=UNITS)
    source: Series[str] = pa.Field(isin=BODYWEIGHT_SOURCES)

    class Config:
        strict = True
        coerce = True


class WeeklyBodyweightTonnage(pa.DataFrameModel):
    """One row per week with bodyweight moves: their tonnage and how much rests on an estimate."""

    week_start: Series[pd.Timestamp]
    sets: Series[int] = pa.Field(ge=1)
    tonnage_kg: Series[float] = pa.Field(ge=0)
    carried_tonnage_kg: Series[float] = pa.Field(ge=0)
    unknown_sets: Series[int] = pa.Field(ge=0)
    bodyweight_kg: Series[float] = pa.Field(nullable=True, gt=0)

    class Config:
        strict = True
        coerce = True


# --- insights: gaps, plateaus, weekly review, circuit coaching -------------------------------

PLATEAU_KINDS = ("plateau", "regression")
CONFIDENCES = ("low", "medium", "high")
REP_RANGES = ("1-5", "6-12", "13-20", "21+")
COACHING_STATES = ("ready", "not yet", "not logged")


class MuscleGap(StrictModel):
    """One row per muscle group under its minimum this week so far, and what the plan adds."""

    athlete_id: Series[int] = pa.Field(ge=1)
    muscle_group: Series[str] = pa.Field(isin=MUSCLE_GROUPS)
    hard_sets: Series[float] = pa.Field(ge=0)
    mev_sets: Series[float] = pa.Field(gt=0)
    mrv_sets: Series[float] = pa.Field(nullable=True, ge=0)
    added_sets: Series[float] = pa.Field(ge=0)
    after_sets: Series[float] = pa.Field(ge=0)
    reaches_minimum: Series[bool]
    why_not: Series[str] = pa.Field(nullable=True)


class GapPlanSet(StrictModel):
    """One row per exercise of the plan that closes this week's gaps: how many sets, and why."""

    athlete_id: Series[int] = pa.Field(ge=1)
    exercise_id: Series[str]
    exercise: Series[str]
    sets: Series[int] = pa.Field(ge=1)
    sentence: Series[str] = pa.Field(str_length={"min_value": 1})


class LiftFlag(StrictModel):
    """One row per lift flagged as stalled or going back, with its evidence."""

    athlete_id: Series[int] = pa.Field(ge=1)
    exercise_id: Series[str]
    exercise: Series[str]
    flag: Series[str] = pa.Field(isin=PLATEAU_KINDS)
    sessions: Series[int] = pa.Field(ge=0)
    confidence: Series[str] = pa.Field(isin=CONFIDENCES)
    best_kg: Series[float] = pa.Field(gt=0)
    best_on: Series[pd.Timestamp]
    recent_best_kg: Series[float] = pa.Field(gt=0)
    recent_best_on: Series[pd.Timestamp]
    change_pct: Series[float]
    evidence: Series[str] = pa.Field(str_length={"min_value": 1})
    next_step: Series[str] = pa.Field(str_length={"min_value": 1})


class ReviewTotal(StrictModel):
    """One row per weekly total (sessions, sets, minutes): this week, last week, 4-week mean."""

    measure: Series[str] = pa.Field(isin=("sessions", "sets", "minutes"))
    this_week: Series[float] = pa.Field(ge=0)
    last_week: Series[float] = pa.Field(ge=0)
    average_4w: Series[float] = pa.Field(ge=0)


class ReviewMuscle(StrictModel):
    """One row per muscle group in the reviewed week: sets, frequency, status and its history."""

    muscle_group: Series[str] = pa.Field(isin=MUSCLE_GROUPS)
    hard_sets: Series[float] = pa.Field(ge=0)
    sessions: Series[int] = pa.Field(ge=0)
    target_status: Series[str] = pa.Field(isin=TARGET_STATUSES)
    weeks_in_status: Series[int] = pa.Field(ge=1)
    below_share: Series[float] = pa.Field(ge=0, le=1)
    productive_share: Series[float] = pa.Field(ge=0, le=1)
    above_share: Series[float] = pa.Field(ge=0, le=1)


class ReviewRepRange(StrictModel):
    """One row per rep range: the week's working sets in it and their share."""

    rep_range: Series[str] = pa.Field(isin=REP_RANGES)
    sets: Series[int] = pa.Field(ge=0)
    share: Series[float] = pa.Field(ge=0, le=1)


class CircuitMoveAdvice(StrictModel):
    """One row per move of the circuit (and its add-ons): ready for more, and what more means."""

    exercise_id: Series[str]
    exercise: Series[str]
    role: Series[str] = pa.Field(isin=TEMPLATE_ROLES)
    state: Series[str] = pa.Field(isin=COACHING_STATES)
    sessions: Series[int] = pa.Field(ge=0)
    weeks: Series[int] = pa.Field(ge=0)
    advice: Series[str] = pa.Field(str_length={"min_value": 1})
