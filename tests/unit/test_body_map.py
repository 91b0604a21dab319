"""The body map: a week's hard sets per muscle group, the exercises behind one group, and the
drawing (one shape group per muscle group, filled by status, the seed's anatomy named)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from dashboard.components.body_map import body_svg, fill_colour
from dashboard.components.charts import STATUS_COLOURS
from pipelines.body_map import muscle_group_exercises, muscle_week, muscle_weeks, named_muscles
from pipelines.errors import ValidationError
from pipelines.schemas import MUSCLE_GROUPS
from tests.conftest import MONDAY, log_day

SUITCASE = "Suitcase_Deadlift"


def test_the_week_has_every_muscle_group_with_its_hard_sets_and_status(con, athlete):
    log_day(con, athlete, 1, [{"exercise": "Pullups", "reps": 8}] * 12)
    log_day(con, athlete, 8, [{"exercise": "Pullups", "reps": 8}])  # the next week
    week = muscle_week(con, athlete, MONDAY + dt.timedelta(days=6))
    assert week["muscle_group"].tolist()[:4] == ["lats", "middle back", "lower back", "traps"]
    assert set(week["muscle_group"]) == set(MUSCLE_GROUPS)
    lats = week.set_index("muscle_group").loc["lats"]
    assert (lats["hard_sets"], lats["target_status"]) == (12, "productive")
    assert week.set_index("muscle_group").loc["quadriceps", "target_status"] == (
        "below maintenance"
    )


def test_several_weeks_end_with_the_week_of_the_day(con, athlete):
    log_day(con, athlete, 1, [{"exercise": "Pullups", "reps": 8}] * 2)
    log_day(con, athlete, 8, [{"exercise": "Pullups", "reps": 8}])
    got = muscle_weeks(con, athlete, MONDAY + dt.timedelta(days=9), weeks=3)
    lats = got[got["muscle_group"] == "lats"]
    assert [d.date() for d in lats["week_start"]] == [
        MONDAY - dt.timedelta(weeks=1),
        MONDAY,
        MONDAY + dt.timedelta(weeks=1),
    ]
    assert lats["hard_sets"].tolist() == [0, 2, 1]


def test_a_week_in_progress_counts_only_up_to_the_day(con, athlete):
    log_day(con, athlete, 0, [{"exercise": "Pullups", "reps": 8}])
    log_day(con, athlete, 3, [{"exercise": "Pullups", "reps": 8}])
    week = muscle_week(con, athlete, MONDAY + dt.timedelta(days=1)).set_index("muscle_group")
    assert week.loc["lats", "hard_sets"] == 1


def test_the_exercises_of_a_group_say_their_role_and_the_sets_they_gave(con, athlete):
    log_day(
        con,
        athlete,
        0,
        [
            {"exercise": "Pullups", "reps": 8},
            {"exercise": "Pullups", "reps": 8},
            {"exercise": "Pullups", "reps": 5, "set_type": "warmup"},
            {"exercise": "Barbell_Curl", "weight": 20, "reps": 10},
        ],
    )
    got = muscle_group_exercises(con, athlete, "biceps", MONDAY, MONDAY + dt.timedelta(days=6))
    rows = got.set_index("exercise_id")
    columns = ["role", "sets", "hard_sets"]
    assert list(rows.loc["Barbell_Curl", columns]) == ["primary", 1, 1]
    assert list(rows.loc["Pullups", columns]) == ["secondary", 2, 1]


def test_an_unknown_muscle_group_is_a_sentence(con, athlete):
    with pytest.raises(ValidationError, match="muscle_group = 'wings'"):
        muscle_group_exercises(con, athlete, "wings", MONDAY, MONDAY)


def test_the_drawing_has_one_group_per_muscle_group_filled_by_status(con, athlete):
    log_day(con, athlete, 0, [{"exercise": "Pullups", "reps": 8}] * 12)
    week = muscle_week(con, athlete, MONDAY + dt.timedelta(days=6))
    svg = body_svg(week, selected="lats", muscles=named_muscles(con)["muscle"])
    groups = dict(
        re.findall(r'<g id="muscle-[a-z-]+" data-muscle="([a-z ]+)"[^>]*fill="(#\w+)"', svg)
    )
    assert set(groups) == set(MUSCLE_GROUPS)
    assert groups["lats"] == STATUS_COLOURS["productive"]
    assert groups["quadriceps"] == STATUS_COLOURS["below maintenance"]
    assert groups["neck"] == fill_colour("no target", 0)
    assert 'data-muscle="lats" data-status="productive" fill="#2e9e5b" stroke="#1d2330"' in svg


def test_the_drawing_names_the_seed_workouts_anatomy(con, athlete):
    svg = body_svg(muscle_week(con, athlete, MONDAY), muscles=named_muscles(con)["muscle"])
    labels = re.findall(r"<text [^>]*>([^<]+)</text>", svg)
    for muscle in (
        "gastrocnemius",
        "soleus",
        "erector spinae",
        "latissimus dorsi",
        "trapezius",
        "rhomboid major",
        "rhomboid minor",
    ):
        assert muscle in labels
