"""The dashboard's pure pieces (no Streamlit running): units, circuit state, tables, figures."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.components.charts import (
    CALENDAR_WEEKS,
    MAX_POINTS,
    bar_values,
    calendar_figure,
    choose_bucket,
    e1rm_figure,
    heatmap_figure,
    weekly_sets_figure,
)
from dashboard.components.circuit_plan import advance, mark_done, seconds_left, start_circuit
from dashboard.components.tables import (
    day_sets_table,
    filter_catalog,
    last_time,
    prefill,
    records_table,
    suggestions_table,
)
from dashboard.components.units import format_weight, prescription, set_summary, shown_weight

TIMES = "\u00d7"
LANDMARKS = {
    "mv_sets": 6.0,
    "mev_sets": 8.0,
    "mav_low_sets": 12.0,
    "mav_high_sets": 18.0,
    "mrv_sets": 20.0,
}


# --- units ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ((20.0, 20.0, "kg", "kg"), 20.0),
        ((20.0, 20.0, "kg", "lb"), 44.09),  # 20 / 0.45359237 = 44.092
        ((61.235, 135.0, "lb", "lb"), 135.0),  # typed in pounds: shown exactly as typed
        ((61.235, 135.0, "lb", "kg"), 61.23),
        ((None, None, None, "kg"), None),
        ((float("nan"), float("nan"), None, "lb"), None),
    ],
)
def test_a_weight_is_shown_as_typed_in_its_own_unit_and_converted_otherwise(stored, expected):
    assert shown_weight(*stored) == expected


def test_set_summaries_read_like_a_logbook():
    assert set_summary(22.5, "kg", 10, None) == f"22.5 kg {TIMES} 10"
    assert set_summary(None, "kg", 12, None) == f"bodyweight {TIMES} 12"
    assert set_summary(None, "kg", None, 30.0) == "30 s"
    assert format_weight(float("nan"), "lb") == "bodyweight"


def test_prescriptions_say_reps_seconds_and_sides():
    assert prescription(10, None, True) == "10 reps per side"
    assert prescription(None, 30, False) == "30 s hold"
    assert prescription(float("nan"), float("nan"), False) == "as prescribed"


# --- the circuit ----------------------------------------------------------------------------


def test_a_circuit_rests_after_each_pass_and_finishes_after_the_last():
    state = start_circuit("t", "Circuit", [1, 1, 2], passes=2, rest_s=30)
    assert (state.rounds, state.label) == ((1, 2), "Round 1 of 2 \u00b7 pass 1 of 2")
    state = mark_done(state, 1, [1, 2], now=100.0, session_id=7)
    assert (state.done, state.resting, state.session_id) == ((1,), False, 7)
    state = mark_done(state, 2, [1, 2], now=110.0)
    assert (state.rest_until, state.session_id) == (140.0, 7)
    assert seconds_left(state, 125.5) == 15  # 14.5 s left, shown rounded up
    assert seconds_left(state, 141.0) == 0
    state = advance(state)
    assert (state.label, state.done, state.resting) == (
        "Round 1 of 2 \u00b7 pass 2 of 2",
        (),
        False,
    )
    assert state.progress == 0.25
    state = advance(mark_done(mark_done(state, 1, [1, 2], now=200), 2, [1, 2], now=210))
    assert state.label == "Round 2 of 2 \u00b7 pass 1 of 2"
    state = advance(mark_done(state, 5, [5], now=300))
    state = mark_done(state, 5, [5], now=400)
    assert state.finished
    assert not state.resting
    assert state.progress == 1.0


def test_a_circuit_without_rest_moves_straight_on():
    state = mark_done(start_circuit("t", "C", [1, 2], passes=1, rest_s=0), 1, [1], now=0)
    assert (state.round_no, state.pass_no, state.resting) == (2, 1, False)


def test_doing_the_same_slot_twice_counts_once():
    state = start_circuit("t", "C", [1], passes=2, rest_s=30)
    state = mark_done(mark_done(state, 1, [1, 2], now=0), 1, [1, 2], now=1)
    assert state.done == (1,)
    assert not state.resting


# --- tables ---------------------------------------------------------------------------------


def last_set(**values: object) -> pd.DataFrame:
    row = {
        "exercise_id": "Barbell_Squat",
        "performed_on": pd.Timestamp("2026-11-03"),
        "set_type": "working",
        "weight_kg": 100.0,
        "entered_weight": 100.0,
        "entered_unit": "kg",
        "reps": 5,
        "duration_s": None,
        "rpe": None,
    }
    return pd.DataFrame([row | values])


def test_the_next_set_is_prefilled_from_the_last_one_in_the_athletes_unit():
    assert prefill(last_set(), "kg") == {"log_weight": 100.0, "log_reps": 5, "log_seconds": None}
    assert prefill(last_set(), "lb")["log_weight"] == 220.46
    assert prefill(last_set().iloc[0:0], "kg") == {
        "log_weight": None,
        "log_reps": None,
        "log_seconds": None,
    }
    assert last_time(last_set(), "kg") == f"Last time (3 Nov 2026): 100 kg {TIMES} 5"
    assert last_time(last_set().iloc[0:0], "kg").startswith("First time")


def test_the_days_sets_are_numbered_and_summarised():
    sets = pd.DataFrame(
        {
            "set_id": [11, 12],
            "session_id": [1, 1],
            "exercise": ["Superman", "Barbell Squat"],
            "set_type": ["working", "warmup"],
            "entered_weight": [None, 45.0],
            "entered_unit": [None, "lb"],
            "weight_kg": [None, 45 * 0.45359237],
            "reps": [None, 10],
            "duration_s": [30.0, None],
            "rpe": [None, 6.5],
            "notes": ["", "easy"],
        }
    )
    table = day_sets_table(sets, "kg")
    assert table.to_dict("list") == {
        "#": [1, 2],
        "Exercise": ["Superman", "Barbell Squat"],
        "Set": ["30 s", f"20.41 kg {TIMES} 10"],
        "Type": ["Working", "Warm-up"],
        "RPE": ["", "6.5"],
        "Notes": ["", "easy"],
    }


CATALOG = pd.DataFrame(
    {
        "exercise_id": ["A", "B", "C"],
        "name": ["Barbell Squat", "Suitcase Deadlift", "Pullups"],
        "aliases": ["Squat (Barbell)", "", "Pull Up"],
        "primary_muscles": ["quadriceps", "glutes, hamstrings", "lats"],
        "secondary_muscles": ["glutes", "lower back", "biceps, middle back"],
        "equipment": ["barbell", "dumbbell", "body only"],
        "load_type": ["weighted", "weighted", "bodyweight"],
    }
)


@pytest.mark.parametrize(
    ("filters", "names"),
    [
        ({"query": "pull up"}, ["Pullups"]),
        ({"query": "LATS"}, ["Pullups"]),
        ({"muscles": ["glutes"]}, ["Barbell Squat", "Suitcase Deadlift"]),
        ({"muscles": ["glutes"], "equipment": ["dumbbell"]}, ["Suitcase Deadlift"]),
        ({"load_types": ["bodyweight"]}, ["Pullups"]),
        ({"query": "bench"}, []),
    ],
)
def test_the_catalog_filters_combine(filters, names):
    assert filter_catalog(CATALOG, **filters)["name"].tolist() == names


def test_records_and_suggestions_speak_the_athletes_unit():
    events = pd.DataFrame(
        {
            "exercise": ["Barbell Squat", "Pullups"],
            "record": ["heaviest_load", "most_reps"],
            "load_kg": [float("nan"), 0.0],
            "value": [100.0, 12.0],
            "unit": ["kg", "reps"],
            "achieved_on": pd.to_datetime(["2026-11-02", "2026-11-09"]),
        }
    )
    assert records_table(events, "lb").to_dict("list") == {
        "Day": [dt.date(2026, 11, 9), dt.date(2026, 11, 2)],
        "Exercise": ["Pullups", "Barbell Squat"],
        "Record": ["Most reps at a load", "Heaviest load"],
        "Value": ["12 reps at bodyweight", "220.46 lb"],
    }
    advice = pd.DataFrame(
        {
            "exercise": ["Barbell Squat", "Superman", "Pullups"],
            "action": ["add load", "longer hold", "harder variation"],
            "suggested_kg": [102.5, None, None],
            "suggested_seconds": [None, 35.0, None],
            "suggested_variation": [None, None, "Weighted pull-up"],
            "reason": ["a", "b", "c"],
        }
    )
    table = suggestions_table(advice, "kg")
    assert table["Target"].tolist() == ["102.5 kg", "35 s", "Weighted pull-up"]
    assert table["Next"].tolist() == ["Add load", "Longer hold", "Harder variation"]


# --- figures --------------------------------------------------------------------------------


def status(weeks: list[str], sets: list[float], group: str = "glutes") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "period": pd.to_datetime(weeks),
            "muscle_group": group,
            "hard_sets": sets,
            "target_status": "productive",
            **LANDMARKS,
        }
    )


def test_weeks_are_kept_up_to_two_years_and_months_used_beyond():
    assert choose_bucket(dt.date(2024, 1, 1), dt.date(2025, 12, 31)) == "week"
    assert choose_bucket(dt.date(2023, 1, 1), dt.date(2025, 12, 31)) == "month"


def test_the_weekly_chart_draws_the_bars_and_the_landmark_bands():
    volume = status(["2026-11-02", "2026-11-09"], [12.5, 3.0])
    fig = weekly_sets_figure(volume, "glutes", "week")
    assert bar_values(fig) == {pd.Timestamp("2026-11-02"): 12.5, pd.Timestamp("2026-11-09"): 3.0}
    shapes = [(s.type, s.y0, s.y1) for s in fig.layout.shapes]
    # MV to MEV (below minimum effective), then MEV to MRV: the productive range itself
    assert shapes == [("rect", 6.0, 8.0), ("rect", 8.0, 20.0), ("line", 20.0, 20.0)]


def test_a_group_without_landmarks_gets_bars_only():
    frame = status(["2026-11-02"], [5.0]).assign(**{k: float("nan") for k in LANDMARKS})
    fig = weekly_sets_figure(frame, "glutes", "week")
    assert fig.layout.shapes == ()
    assert bar_values(fig) == {pd.Timestamp("2026-11-02"): 5.0}


def test_the_heat_map_keeps_the_display_order_of_the_groups():
    frame = pd.concat(
        [status(["2026-11-02"], [3.0], "glutes"), status(["2026-11-02"], [4.0], "lats")]
    )
    fig = heatmap_figure(frame, ["lats", "middle back", "glutes"])
    assert list(fig.data[0].y) == ["lats", "glutes"]
    assert fig.data[0].z.tolist() == [[4.0], [3.0]]


def test_a_long_e1rm_history_is_thinned_to_the_best_of_each_week_and_shown_in_pounds():
    days = pd.date_range("2020-01-06", periods=MAX_POINTS + 70, freq="2D")
    sessions = pd.DataFrame(
        {"performed_on": days, "e1rm_kg": [100.0 + i % 7 for i in range(len(days))]}
    )
    fig = e1rm_figure(sessions, pd.DataFrame(), "lb")
    assert [t.name for t in fig.data] == ["best of the week", "trend"]
    assert len(fig.data[0].y) <= MAX_POINTS
    assert max(fig.data[0].y) == round(106 / 0.45359237, 1)


def test_the_calendar_draws_at_most_the_last_year():
    days = pd.date_range("2024-01-01", "2026-11-22", freq="D")
    calendar = pd.DataFrame(
        {"day": days, "week_start": days - pd.to_timedelta(days.day_of_week, unit="D"), "sets": 1}
    )
    fig = calendar_figure(calendar)
    assert len(fig.data[0].x) == CALENDAR_WEEKS
    assert len(fig.data[0].y) == 7
