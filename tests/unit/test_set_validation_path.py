"""How a set is validated: SetEntry's own pandera rules, run the cheap way when a set passes.

`_stored_frame` builds each set with the exact dtypes SetEntry coerces to, so
`validate(SetEntry, frame, as_built=True)` can run SetEntry's checks without pandera's
coercion and bookkeeping (`passes_as_built`). These tests pin down that this shortcut agrees
with pandera, that anything it is unsure of goes through pandera in full, and that rejections
still name row, column and value.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa
import pytest
from pandera.typing.pandas import Series

from pipelines.athletes import ensure_athlete
from pipelines.catalog import resolve_exercises
from pipelines.errors import ValidationError
from pipelines.logbook import DaySession, log_sets, session_sets, start_session, update_set
from pipelines.schemas import (
    MAX_TEXT,
    ExerciseMuscle,
    SessionEntry,
    SetEntry,
    passes_as_built,
    validate,
)
from tests.conftest import snapshot

NA = None  # a missing value, whatever the column's dtype makes of it

GOOD_SET: dict[str, Any] = {
    "session_id": 1,
    "exercise_id": "Barbell_Full_Squat",
    "set_index": 1,
    "set_type": "working",
    "weight_kg": 100.0,
    "entered_weight": 100.0,
    "entered_unit": "kg",
    "reps": 5,
    "duration_s": NA,
    "distance_m": NA,
    "rpe": NA,
    "rir": NA,
    "side": NA,
    "notes": "",
}

# Values per column, good and bad, each tried in an otherwise good set.
VARIANTS: dict[str, list[Any]] = {
    "session_id": [1, 7, 0, -5],
    "exercise_id": ["Pullups", "", "x" * 500, "x" * 501],
    "set_index": [1, 12, 0],
    "set_type": ["warmup", "working", "drop", "failure", "heavy", "Working", NA],
    "weight_kg": [0.0, 1000.0, 1000.5, -1.0, NA],
    "entered_weight": [0.0, 2204.6, -0.5, NA],
    "entered_unit": ["kg", "lb", "stone", NA],
    "reps": [0, 1, 1000, 1001, -1, NA],
    "duration_s": [0.0, 30.0, 86_400.0, 86_401.0, -1.0, NA],
    "distance_m": [0.0, 5.0, 1_000_000.0, 1_000_001.0, -1.0, NA],
    "rpe": [1.0, 7.5, 10.0, 7.3, 0.5, 10.5, NA],
    "rir": [0, 10, 11, -1, NA],
    "side": ["left", "right", "middle", "", NA],
    "notes": ["", "felt easy", "x" * MAX_TEXT, "x" * (MAX_TEXT + 1), NA],
}

# Sets whose verdict rests on the dataframe-wide check (reps, or seconds, or a distance).
WHOLE_ROW_CASES: list[dict[str, Any]] = [
    {"reps": NA},
    {"reps": 0},
    {"reps": NA, "duration_s": 30.0},
    {"reps": 0, "duration_s": 30.0},
    {"reps": 0, "distance_m": 400.0},
    {"reps": NA, "duration_s": 0.0, "distance_m": 0.0},
]


def built(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows as `_stored_frame` builds them: SetEntry's columns, order and coerced dtypes."""
    columns = SetEntry.to_schema().columns
    return pd.DataFrame(
        {
            name: pd.array([row[name] for row in rows], dtype=column.dtype.type)
            for name, column in columns.items()
        }
    )


def pandera_passes(df: pd.DataFrame) -> bool:
    try:
        SetEntry.validate(df)
    except pa.errors.SchemaError:
        return False
    return True


def one_change_cases() -> list[dict[str, Any]]:
    cases = [{column: value} for column, values in VARIANTS.items() for value in values]
    return cases + WHOLE_ROW_CASES


@pytest.mark.parametrize("change", one_change_cases(), ids=repr)
def test_the_shortcut_agrees_with_pandera_on_every_built_set(change):
    df = built([GOOD_SET | change])
    assert passes_as_built(SetEntry, df) == pandera_passes(df)


@pytest.mark.parametrize("change", one_change_cases(), ids=repr)
def test_one_bad_row_among_good_ones_fails_the_shortcut_as_it_fails_pandera(change):
    df = built([GOOD_SET, GOOD_SET | change, GOOD_SET | {"set_index": 3}])
    assert passes_as_built(SetEntry, df) == pandera_passes(df)


def test_a_set_passing_the_shortcut_is_the_set_pandera_returns():
    df = built(
        [
            GOOD_SET,
            GOOD_SET | {"set_index": 2, "rpe": 8.5, "side": "left", "reps": NA, "duration_s": 45.0},
        ]
    )
    assert passes_as_built(SetEntry, df)
    cheap = validate(SetEntry, df, as_built=True)
    pd.testing.assert_frame_equal(cheap, SetEntry.validate(df))
    assert cheap.dtypes.to_dict() == SetEntry.validate(df).dtypes.to_dict()


def test_a_frame_not_built_with_the_exact_dtypes_goes_through_pandera_in_full():
    df = built([GOOD_SET]).astype({"exercise_id": object, "notes": object})
    assert not passes_as_built(SetEntry, df)
    pd.testing.assert_frame_equal(validate(SetEntry, df, as_built=True), validate(SetEntry, df))


def test_columns_out_of_order_go_through_pandera_in_full():
    df = built([GOOD_SET])
    reordered = df[list(reversed(df.columns))]
    assert not passes_as_built(SetEntry, reordered)
    pd.testing.assert_frame_equal(
        validate(SetEntry, reordered, as_built=True), validate(SetEntry, reordered)
    )


def outcome(model: type[pa.DataFrameModel], df: pd.DataFrame, **kwargs: Any) -> Any:
    """What `validate` does with `df`: the frame it returns, or the error it raises."""
    try:
        return validate(model, df, **kwargs)
    except Exception as exc:  # compared, whatever it is
        return (type(exc), str(exc))


def test_an_extra_or_missing_column_is_left_to_pandera():
    extra = built([GOOD_SET]).assign(mood="good")
    missing = built([GOOD_SET]).drop(columns=["notes"])
    for df in (extra, missing):
        assert not passes_as_built(SetEntry, df)
        cheap, full = outcome(SetEntry, df, as_built=True), outcome(SetEntry, df)
        assert isinstance(cheap, tuple)
        assert cheap == full


@pytest.mark.parametrize("change", one_change_cases(), ids=repr)
def test_a_rejection_names_the_same_problems_as_pandera_in_full(change):
    df = built([GOOD_SET, GOOD_SET | change])
    if pandera_passes(df):
        return
    with pytest.raises(ValidationError) as cheap:
        validate(SetEntry, df, as_built=True)
    with pytest.raises(ValidationError) as full:
        validate(SetEntry, df)
    assert cheap.value.problems == full.value.problems
    assert {p.row for p in cheap.value.problems} == {2}


def test_a_schema_with_rules_the_shortcut_does_not_follow_is_left_to_pandera():
    columns = ExerciseMuscle.to_schema().columns
    rows = {
        "exercise_id": ["Pullups", "Pullups"],
        "muscle_group": ["lats", "lats"],
        "role": ["primary", "secondary"],
    }
    df = pd.DataFrame(
        {name: pd.array(rows[name], dtype=c.dtype.type) for name, c in columns.items()}
    )
    assert not passes_as_built(ExerciseMuscle, df)  # `unique` is not followed: pandera decides
    with pytest.raises(ValidationError):
        validate(ExerciseMuscle, df, as_built=True)


class Exploding(pa.DataFrameModel):
    """A model whose check raises: pandera reports that as a failure, and so must we."""

    x: Series[int]

    @pa.check("x")
    def explodes(cls, x: pd.Series) -> pd.Series:  # noqa: N805 - pandera passes the class
        raise RuntimeError("boom")

    class Config:
        strict = True
        coerce = True


def test_a_check_that_raises_is_a_failure_not_a_crash():
    df = pd.DataFrame({"x": pd.array([1], dtype="int64")})
    assert not passes_as_built(Exploding, df)
    with pytest.raises(ValidationError) as caught:
        validate(Exploding, df, as_built=True)
    assert [(p.row, p.column) for p in caught.value.problems] == [(None, "x")]


# --- through the logging API --------------------------------------------------------------


@pytest.fixture
def session(con):
    athlete = ensure_athlete(con, "Sam")
    return start_session(con, athlete, "2026-11-02 07:00", name="Legs")


def test_a_valid_set_needs_no_full_pandera_pass(con, session, monkeypatch):
    def full_pass(*args, **kwargs):
        raise AssertionError("a valid set should pass SetEntry's checks without the full pass")

    monkeypatch.setattr(SetEntry, "validate", classmethod(full_pass))
    set_id = log_sets(con, session, [{"exercise": "Barbell_Full_Squat", "weight": 100, "reps": 5}])[
        0
    ]
    row = con.execute(
        "select exercise_id, set_index, set_type, weight_kg, entered_weight, entered_unit, reps, "
        "duration_s, distance_m, rpe, rir, side, notes from sets where set_id = ?",
        [set_id],
    ).fetchone()
    assert row == (
        "Barbell_Full_Squat",
        1,
        "working",
        100.0,
        100.0,
        "kg",
        5,
        None,
        None,
        None,
        None,
        None,
        "",
    )


def test_every_field_of_a_set_lands_as_typed(con, session):
    entry = {
        "exercise": " Plank ",
        "seconds": 45,
        "rpe": 8.5,
        "rir": 2,
        "side": "Left",
        "notes": "steady",
        "set_type": "Failure",
        "weight": 10,
        "unit": "lbs",
    }
    set_id = log_sets(con, session, [entry])[0]
    row = con.execute(
        "select exercise_id, set_type, round(weight_kg, 6), entered_weight, entered_unit, reps, "
        "duration_s, distance_m, rpe, rir, side, notes from sets where set_id = ?",
        [set_id],
    ).fetchone()
    assert row == (
        "Plank",
        "failure",
        round(10 * 0.45359237, 6),
        10.0,
        "lb",
        None,
        45.0,
        None,
        8.5,
        2,
        "left",
        "steady",
    )


# Problems that only SetEntry's pandera rules catch (parsing lets every one of them through).
ONLY_SET_ENTRY_REJECTS = [
    ({"rpe": 7.3}, "rpe", 7.3),
    ({"rpe": 10.5}, "rpe", 10.5),
    ({"rir": 11}, "rir", 11),
    ({"set_type": "heavy"}, "set_type", "heavy"),
    ({"side": "middle"}, "side", "middle"),
    ({"distance_m": 2_000_000}, "distance_m", 2_000_000.0),
    ({"seconds": 90_000}, "duration_s", 90_000.0),
    ({"notes": "x" * (MAX_TEXT + 1)}, "notes", "x" * (MAX_TEXT + 1)),
    ({"reps": 0}, "reps", 0),
]


@pytest.mark.parametrize(("fields", "column", "value"), ONLY_SET_ENTRY_REJECTS)
def test_a_set_only_set_entry_rejects_is_named_by_row_column_and_value(
    con, session, fields, column, value
):
    log_sets(con, session, [{"exercise": "Pullups", "reps": 8}])[0]
    before = snapshot(con)
    entry = {"exercise": "Pullups", "reps": 5} | fields
    with pytest.raises(ValidationError) as caught:
        log_sets(con, session, [{"exercise": "Pullups", "reps": 8}, entry])
    assert [(p.row, p.column) for p in caught.value.problems] == [(2, column)]
    assert caught.value.problems[0].value == value
    assert str(caught.value).startswith("Row 2: ")
    assert snapshot(con) == before


@pytest.mark.parametrize(("fields", "column", "value"), ONLY_SET_ENTRY_REJECTS)
def test_an_edit_only_set_entry_rejects_is_named_too(con, session, fields, column, value):
    set_id = log_sets(con, session, [{"exercise": "Pullups", "reps": 8}])[0]
    before = snapshot(con)
    with pytest.raises(ValidationError) as caught:
        update_set(con, set_id, **({"reps": 5} | fields))
    assert [p.column for p in caught.value.problems] == [column]
    assert snapshot(con) == before


def test_set_indexes_continue_after_the_sessions_last_set(con, session):
    log_sets(con, session, [{"exercise": "Pullups", "reps": 8}] * 3)
    log_sets(con, session, [{"exercise": "Pullups", "reps": 7}])[0]
    other = start_session(con, ensure_athlete(con, "Ana"), "2026-11-02 08:00")
    log_sets(con, other, [{"exercise": "Pullups", "reps": 6}])[0]
    assert session_sets(con, session)["set_index"].tolist() == [1, 2, 3, 4]
    assert session_sets(con, other)["set_index"].tolist() == [1]


def test_a_set_for_a_missing_session_is_named(con):
    with pytest.raises(ValidationError) as caught:
        log_sets(con, 777, [{"exercise": "Pullups", "reps": 5}])[0]
    assert [(p.row, p.column, p.value) for p in caught.value.problems] == [
        (None, "session_id", 777)
    ]


def test_a_frame_of_sets_is_numbered_from_one_whatever_its_index(con, session):
    frame = pd.DataFrame(
        [{"exercise": "Pullups", "reps": 8}, {"exercise": "Pullups", "reps": 8, "rpe": 7.3}],
        index=[40, 41],
    )
    with pytest.raises(ValidationError) as caught:
        log_sets(con, session, frame)
    assert [(p.row, p.column) for p in caught.value.problems] == [(2, "rpe")]
    ids = log_sets(con, session, frame.drop(columns=["rpe"]))
    assert len(ids) == 2
    assert frame.index.tolist() == [40, 41]  # the caller's frame is left as it was


def test_a_batch_lands_with_its_gaps_as_nulls(con, session):
    log_sets(
        con,
        session,
        [
            {"exercise": "Pullups", "reps": 8, "rpe": 8, "side": "left"},
            {"exercise": "Plank", "seconds": 40, "notes": "  "},
            {"exercise": "Pullups", "weight": 10, "unit": "lb", "reps": 5, "rir": 1},
        ],
    )
    rows = con.execute(
        "select set_index, exercise_id, weight_kg is null, entered_unit, reps, duration_s, rpe, "
        "rir, side, notes from sets order by set_index"
    ).fetchall()
    assert rows == [
        (1, "Pullups", True, None, 8, None, 8.0, None, "left", ""),
        (2, "Plank", True, None, None, 40.0, None, None, None, ""),
        (3, "Pullups", False, "lb", 5, None, None, 1, None, ""),
    ]


# --- finding exercises ----------------------------------------------------------------------


def test_ids_names_and_aliases_resolve_together(con):
    names = ["Pullups", "  Pullups ", "Pull Up", "suitcase deadlift", "Unknown Thing", "", "  "]
    assert resolve_exercises(con, names) == {
        "Pullups": "Pullups",
        "  Pullups ": "Pullups",
        "Pull Up": "Pullups",
        "suitcase deadlift": "Suitcase_Deadlift",
        "Unknown Thing": None,
        "": None,
        "  ": None,
    }


def test_ids_alone_and_names_alone_resolve(con):
    assert resolve_exercises(con, ["Pullups", "Suitcase_Deadlift"]) == {
        "Pullups": "Pullups",
        "Suitcase_Deadlift": "Suitcase_Deadlift",
    }
    assert resolve_exercises(con, ["Pull Up"]) == {"Pull Up": "Pullups"}
    assert resolve_exercises(con, []) == {}


def test_the_first_set_of_a_day_opens_its_session_without_a_full_pandera_pass(con, monkeypatch):
    def full_pass(*args, **kwargs):
        raise AssertionError("a valid session should pass SessionEntry's checks the cheap way")

    ensure_athlete(con, "Sam")
    monkeypatch.setattr(SessionEntry, "validate", classmethod(full_pass))
    (set_id,) = log_sets(
        con, DaySession("2026-11-02", "Sam"), [{"exercise": "Barbell_Full_Squat", "reps": 5}]
    )
    row = con.execute(
        "select s.started_at, s.name, s.source, s.template_id, s.bodyweight_kg, a.name "
        "from sets as x join sessions as s using (session_id) join athletes as a "
        "using (athlete_id) where x.set_id = ?",
        [set_id],
    ).fetchone()
    assert row == (pd.Timestamp("2026-11-02").to_pydatetime(), "", "manual", None, None, "Sam")


@pytest.mark.parametrize(
    ("fields", "column", "value"),
    [
        ({"bodyweight_kg": -3.0}, "bodyweight_kg", -3.0),
        ({"source": "paper"}, "source", "paper"),
        ({"started_at": "1850-01-01"}, "started_at", pd.Timestamp("1850-01-01")),
    ],
)
def test_a_rejected_session_names_its_field_and_value_and_writes_nothing(
    con, fields: dict[str, Any], column: str, value: Any
):
    athlete = ensure_athlete(con, "Sam")
    before = con.execute("select count(*) from sessions").fetchone()
    arguments: dict[str, Any] = {"started_at": "2026-11-02 07:00"} | fields
    started = arguments.pop("started_at")
    with pytest.raises(ValidationError) as caught:
        start_session(con, athlete, started, **arguments)
    assert [(p.column, p.value) for p in caught.value.problems] == [(column, value)]
    assert con.execute("select count(*) from sessions").fetchone() == before
