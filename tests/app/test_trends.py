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
