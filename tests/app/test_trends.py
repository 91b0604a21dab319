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
