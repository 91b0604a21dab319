"""The Trends page: empty states, figures that follow the log, and the athlete's unit."""

from __future__ import annotations

import base64
import datetime as dt

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.components.charts import bar_values
from pipelines.athletes import ensure_athlete, set_unit
from pipelines.balance import weekly_balance
from pipelines.logbook import log_sets, start_session
from tests.app.conftest import open_page
from tests.unit.test_weekly_volume import SEED_SESSION

TRENDS = "app_pages/trends.py"
LOG = "app_pages/log_sets.py"
VIEWS = ["volume", "strength", "consistency"]


def decoded(value: object) -> object:
    """Plotly's JSON keeps numeric arrays as base64 `bdata`; turn them back into arrays."""
    if isinstance(value, dict) and "bdata" in value:
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        shape = value.get("shape")
        return array.reshape([int(n) for n in str(shape).split(",")]) if shape else array
    return value


def figures(at: AppTest) -> list[go.Figure]:
    """The figures of the page's charts, in order, with their arrays decoded."""
    found = []
    for chart in at.get("plotly_chart"):
        fig = pio.from_json(chart.proto.spec)
        for trace in fig.data:
            for axis in ("x", "y", "z"):
                if axis in trace:
                    trace[axis] = decoded(trace[axis])
        found.append(fig)
    return found


def this_monday() -> dt.date:
    today = dt.date.today()
    return today - dt.timedelta(days=today.weekday())


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_says_what_is_missing_on_an_empty_database(app_db, view):
    at = open_page(TRENDS)
    at.segmented_control(key="tr_view").set_value(view).run()
    assert not at.exception
    assert at.info
    assert not at.get("plotly_chart")


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_draws_its_charts_on_the_demo_log(demo_db, view):
    at = open_page(TRENDS)
    at.segmented_control(key="tr_view").set_value(view).run()
    assert not at.exception
    assert len(at.get("plotly_chart")) >= 1


def test_a_set_logged_on_the_log_page_adds_one_row_and_changes_the_trends_figures(demo_db, db):
    at = open_page(TRENDS)
    at.selectbox(key="tr_group").select("glutes").run()
    weekly_before, heatmap_before, _ = figures(at)
    (sets_before,) = db.execute("select count(*) from sets").fetchone()

    at.switch_page(LOG).run()
    at.selectbox(key="log_exercise").select("Suitcase Deadlift").run()
    at.number_input(key="log_weight").set_value(24.0)
    at.number_input(key="log_reps").set_value(10)
    at.button(key="log_add").click().run()
    assert db.execute("select count(*) from sets").fetchone() == (sets_before + 1,)

    at.switch_page(TRENDS).run()
    at.selectbox(key="tr_group").select("glutes").run()
    weekly_after, heatmap_after, _ = figures(at)
    week = pd.Timestamp(this_monday())
    # The suitcase deadlift works the glutes as a main muscle: one more hard set this week.
    before, after = bar_values(weekly_before), bar_values(weekly_after)
    assert after[week] == before.get(week, 0.0) + 1.0
    assert {k: v for k, v in after.items() if k != week} == {
        k: v for k, v in before.items() if k != week
    }
    assert heatmap_after.data[0].z.tolist() != heatmap_before.data[0].z.tolist()


def test_the_estimated_one_rep_max_is_drawn_in_the_athletes_unit(app_db, db):
    me = ensure_athlete(db, "Me")
    set_unit(db, me, "lb")
    monday = this_monday()
    for day, kg in ((monday - dt.timedelta(days=14), 60), (monday - dt.timedelta(days=7), 62.5)):
        session = start_session(db, me, dt.datetime.combine(day, dt.time(18)))
        log_sets(
            db, session, [{"exercise": "Barbell Squat", "weight": kg, "unit": "kg", "reps": 5}]
        )
    at = open_page(TRENDS)
    at.segmented_control(key="tr_view").set_value("strength").run()
    line = figures(at)[0].data[0]
    # Epley: 60 x (1 + 5/30) = 70 kg = 154.3 lb; 62.5 x (1 + 5/30) = 72.92 kg = 160.8 lb.
    assert line.y.tolist() == [154.3, 160.8]
    assert figures(at)[0].layout.yaxis.title.text == "estimated 1RM (lb)"
    records = at.dataframe[0].value
    # The heaviest load, 62.5 kg, is 137.79 lb.
    assert "137.79 lb" in records["Value"].tolist()
    assert records["Value"].str.endswith(" lb").all()


# Over two years the bars are calendar months. Hand-counted log: March 2023 has one session,
# March 2025 two (the 3rd and the 28th) and April 2025 two (the 1st and the 2nd, in the week
# that starts on Monday 31 March); each session holds three working Suitcase Deadlift sets,
# three hard sets for the glutes.
MONTHLY_DAYS = ["2023-03-01", "2025-03-03", "2025-03-28", "2025-04-01", "2025-04-02"]
MONTHLY_RANGE = (dt.date(2023, 3, 1), dt.date(2025, 6, 30))


@pytest.fixture
def monthly_log(app_db, db):
    me = ensure_athlete(db, "Me")
    for day in MONTHLY_DAYS:
        session = start_session(db, me, f"{day} 18:00")
        log_sets(db, session, [{"exercise": "Suitcase Deadlift", "weight": 20, "reps": 8}] * 3)
    at = open_page(TRENDS)
    at.date_input(key="tr_range").set_value(MONTHLY_RANGE).run()
    return at


def captions(at: AppTest) -> str:
    return " ".join(str(c.value) for c in at.caption)


def test_monthly_session_bars_count_the_sessions_of_each_calendar_month(monthly_log):
    at = monthly_log
    at.segmented_control(key="tr_view").set_value("consistency").run()
    bars = bar_values(figures(at)[-1])
    trained = {k.strftime("%Y-%m"): v for k, v in bars.items() if v}
    assert trained == {"2023-03": 1, "2025-03": 2, "2025-04": 2}
    # the range starts on the 1st: no bar for the month before it
    assert min(bars) == pd.Timestamp("2023-03-01")
    assert len(bars) == 28  # March 2023 to June 2025
    assert "the sessions of its calendar month" in captions(at)


def test_monthly_volume_bars_show_the_average_week_of_each_calendar_month(monthly_log, db):
    at = monthly_log
    at.selectbox(key="tr_group").select("glutes").run()
    bars = bar_values(figures(at)[0])
    # six hard sets in March's 31 days: 6 x 7 / 31 = 1.35 a week; six in April's 30 days, 1.4
    assert bars[pd.Timestamp("2025-03-01")] == 1.4
    assert bars[pd.Timestamp("2025-04-01")] == 1.4
    assert bars[pd.Timestamp("2023-03-01")] == 0.7  # three sets in 31 days
    assert min(bars) == pd.Timestamp("2023-03-01")
    assert "calendar month (its average week)" in captions(at)
    # the totals under the balance chart are the sets of the range, not a sum of averages
    weekly = weekly_balance(db, athlete_id=1, start=MONTHLY_RANGE[0], end=MONTHLY_RANGE[1])
    back, legs = weekly["back_sets"].sum(), weekly["legs_sets"].sum()
    assert legs > 0
    assert f"Over these dates: {back:g} back sets and {legs:g} leg sets." in captions(at)


def test_the_strength_view_has_no_bars_and_no_caption_about_them(monthly_log):
    at = monthly_log
    at.segmented_control(key="tr_view").set_value("strength").run()
    assert not at.exception
    assert "calendar month" not in captions(at)


def log_days(db, days: list[str], entries: list[dict[str, object]]) -> int:
    me = ensure_athlete(db, "Me")
    for day in days:
        log_sets(db, start_session(db, me, f"{day} 18:00"), entries)
    return me


SQUATS = [{"exercise": "Barbell Squat", "weight": 80, "reps": 8}] * 4


def test_an_imported_history_opens_on_the_twelve_weeks_ending_at_its_latest_session(app_db, db):
    # the history ends on Wednesday 6 March 2024, long before this week
    log_days(db, ["2023-11-01", "2024-02-07", "2024-03-06"], SQUATS)
    at = open_page(TRENDS)
    assert not at.exception
    # Monday 18 December 2023 starts the twelfth week back from the week of 4 March 2024
    assert at.date_input(key="tr_range").value == (dt.date(2023, 12, 18), dt.date(2024, 3, 6))
    assert "latest session was on Wed 06 Mar 2024" in captions(at)
    bars = bar_values(figures(at)[0])
    assert bars[pd.Timestamp("2024-03-04")] == 4.0
    assert bars[pd.Timestamp("2024-02-05")] == 4.0


@pytest.mark.parametrize(
    ("preset", "first_day"),
    [("4w", "2024-02-12"), ("12w", "2023-12-18"), ("6m", "2023-09-11"), ("1y", "2023-03-13")],
)
def test_a_preset_shows_whole_weeks_ending_at_the_latest_session(app_db, db, preset, first_day):
    log_days(db, ["2020-06-03", "2024-03-06"], SQUATS)
    at = open_page(TRENDS)
    at.segmented_control(key="tr_preset").set_value(preset).run()
    assert at.date_input(key="tr_range").value == (
        dt.date.fromisoformat(first_day),
        dt.date(2024, 3, 6),
    )


def test_all_reaches_a_history_older_than_ten_years(app_db, db):
    log_days(db, ["2009-05-06", "2024-03-06"], SQUATS)
    at = open_page(TRENDS)
    at.segmented_control(key="tr_preset").set_value("all").run()
    assert not at.exception
    assert at.date_input(key="tr_range").value == (dt.date(2009, 5, 6), dt.date(2024, 3, 6))
    bars = bar_values(figures(at)[0])  # more than two years: calendar months
    assert bars[pd.Timestamp("2009-05-01")] > 0


def test_a_productive_week_sits_in_the_green_band_and_the_legend_says_the_csv_words(app_db, db):
    # two glute sets in a week: productive for glutes (MEV 0, MRV 16 by default)
    this_week = this_monday().isoformat()
    log_days(db, [this_week], [{"exercise": "Barbell Hip Thrust", "weight": 60, "reps": 10}] * 2)
    at = open_page(TRENDS)
    at.selectbox(key="tr_group").select("glutes").run()
    fig = figures(at)[0]
    names = {t.name for t in fig.data if t.type == "bar"}
    assert names <= {
        "below maintenance",
        "below minimum effective",
        "productive",
        "above maximum recoverable",
        "hard sets",
    }
    (productive,) = [t for t in fig.data if t.name == "productive"]
    green = [s for s in fig.layout.shapes if s.fillcolor == "#2e9e5b"]
    assert green, "the productive range is drawn"
    low, high = green[0].y0, green[0].y1
    assert all(low <= y <= high for y in productive.y)


def test_the_strength_line_is_each_weeks_best_with_a_smoothed_trend(app_db, db):
    monday = this_monday() - dt.timedelta(weeks=2)
    # Monday 60 kg x 5 (70 kg), Thursday 62.5 kg x 5 (72.92 kg); next Monday 65 x 5 (75.83 kg)
    for day, kg in ((0, 60), (3, 62.5), (7, 65)):
        when = dt.datetime.combine(monday + dt.timedelta(days=day), dt.time(18))
        log_sets(
            db,
            start_session(db, ensure_athlete(db, "Me"), when),
            [{"exercise": "Barbell Squat", "weight": kg, "reps": 5}],
        )
    at = open_page(TRENDS)
    at.segmented_control(key="tr_view").set_value("strength").run()
    fig = figures(at)[0]
    (best,) = [t for t in fig.data if t.name == "best of the week"]
    assert best.y.tolist() == [72.9, 75.8]
    assert [pd.Timestamp(x).day_name() for x in best.x] == ["Monday", "Monday"]
    assert any(t.name == "trend" for t in fig.data)


def test_a_muscle_trained_only_as_a_helper_says_its_verdict_rests_on_the_counting_rule(app_db, db):
    # three seed circuits this week: shoulders get 9 sets, all as a helping muscle (0 to 18)
    me = ensure_athlete(db, "Me")
    for day in range(3):
        when = dt.datetime.combine(this_monday() + dt.timedelta(days=day), dt.time(7))
        log_sets(db, start_session(db, me, when), SEED_SESSION)
    at = open_page(TRENDS)
    at.selectbox(key="tr_group").select("shoulders").run()
    assert "shoulders are trained only as a helping muscle" in " ".join(i.value for i in at.info)
    bars = [t for t in figures(at)[0].data if t.type == "bar" and len(t.y) and t.y[-1] == 9.0]
    (bar,) = bars
    assert list(bar.error_y.array)[-1] == 9.0  # up to 18 counted 1
    assert list(bar.error_y.arrayminus)[-1] == 9.0  # down to 0 counted 0


def test_the_consistency_view_shows_cardio_and_stretching_apart_from_the_sets(app_db, db):
    # Hand-counted, this week: Monday a 30-minute 5 km run, three squat sets and a 60 s hold;
    # Thursday... or today, whichever is earlier: two 5-minute 1 km rows and a 90 s hold.
    me = ensure_athlete(db, "Me")
    monday = this_monday()
    later = min(monday + dt.timedelta(days=3), dt.date.today())
    run = {"exercise": "Running, Treadmill", "seconds": 1800, "distance_m": 5000}
    row = {"exercise": "Rowing, Stationary", "seconds": 300, "distance_m": 1000}
    hold = {"exercise": "90/90 Hamstring", "seconds": 60}
    squat = {"exercise": "Barbell Squat", "weight": 100, "reps": 5}
    for day, sets in ((monday, [run, squat, squat, squat, hold]), (later, [row, row, hold])):
        log_sets(db, start_session(db, me, dt.datetime.combine(day, dt.time(7))), sets)
    at = open_page(TRENDS)
    at.segmented_control(key="tr_view").set_value("consistency").run()
    assert not at.exception
    shown = {m.label: m.value for m in at.metric}
    assert shown["Cardio"] == "40 min"
    assert shown["Distance"] == "7.0 km"
    assert shown["Stretching"] == "2 sessions"
    assert shown["Stretched"] == "2 min"
    (cardio, stretching) = figures(at)[-1].data
    week = pd.Timestamp(monday)
    assert dict(zip(pd.to_datetime(cardio.x), cardio.y, strict=True))[week] == 40.0
    assert dict(zip(pd.to_datetime(stretching.x), stretching.y, strict=True))[week] == 2.0
    assert "never as hard sets" in captions(at)
    # the muscle charts hold the squats only: three quadriceps sets this week
    at.segmented_control(key="tr_view").set_value("volume").run()
    at.selectbox(key="tr_group").select("quadriceps").run()
    assert bar_values(figures(at)[0])[week] == 3.0
