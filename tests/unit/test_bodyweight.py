"""Bodyweight readings: validated before they are stored, read back, and the weekly tonnage of
bodyweight moves with the part that rests on a carried-forward reading."""

from __future__ import annotations

import datetime as dt

import pytest

from pipelines.bodyweight import bodyweight_readings, log_bodyweight, weekly_bodyweight_tonnage
from pipelines.errors import ValidationError
from pipelines.weekly_volume import weekly_muscle_volume
from tests.conftest import MONDAY, log_day, snapshot


def test_a_reading_in_pounds_is_stored_in_kg_with_what_was_typed(con, athlete):
    kg = log_bodyweight(con, athlete, "2026-03-02", 176, "lb")
    assert kg == pytest.approx(79.8322571)
    got = bodyweight_readings(con, athlete)
    assert got[["entered_weight", "entered_unit", "source"]].values.tolist() == [
        [176.0, "lb", "reading"]
    ]


@pytest.mark.parametrize(
    ("weight", "unit", "day", "named"),
    [
        (0, "kg", "2026-03-02", "bodyweight = 0"),
        (501, "kg", "2026-03-02", "bodyweight = 501"),
        ("heavy", "kg", "2026-03-02", "bodyweight = 'heavy'"),
        (None, "kg", "2026-03-02", "bodyweight = None"),
        (80, "stone", "2026-03-02", "unit = 'stone'"),
        (80, "kg", "2026-02-30", "date = '2026-02-30'"),
        (80, "kg", dt.date.today() + dt.timedelta(days=5), "date"),
    ],
)
def test_a_bad_reading_is_a_sentence_and_nothing_changes(con, athlete, weight, unit, day, named):
    before = snapshot(con)
    with pytest.raises(ValidationError, match=named) as caught:
        log_bodyweight(con, athlete, day, weight, unit)
    assert str(caught.value).count("was rejected") == 1
    assert snapshot(con) == before


def test_an_unknown_athlete_is_a_sentence(con):
    with pytest.raises(ValidationError, match="athlete = 99"):
        log_bodyweight(con, 99, "2026-03-02", 80)


def test_a_reading_changes_the_tonnage_of_later_sessions_without_their_own(con, athlete):
    log_day(con, athlete, 2, [{"exercise": "Pullups", "reps": 10}])
    before = weekly_muscle_volume(con, athlete_id=athlete).set_index("muscle_group")
    assert before.loc["lats", "tonnage_kg"] == 0  # no bodyweight known yet
    log_bodyweight(con, athlete, MONDAY, 80)
    after = weekly_muscle_volume(con, athlete_id=athlete).set_index("muscle_group")
    assert after.loc["lats", "tonnage_kg"] == pytest.approx(800)


def test_weekly_tonnage_says_which_part_rests_on_a_carried_reading(con, athlete):
    log_bodyweight(con, athlete, MONDAY, 80)
    log_day(con, athlete, 0, [{"exercise": "Pullups", "reps": 10}], bodyweight_kg=82)
    log_day(con, athlete, 2, [{"exercise": "Pullups", "reps": 5}])  # takes the 80 kg reading
    log_day(con, athlete, 3, [{"exercise": "Barbell_Squat", "weight": 100, "reps": 5}])
    got = weekly_bodyweight_tonnage(con, athlete).iloc[0]
    assert got["sets"] == 2
    assert got["tonnage_kg"] == pytest.approx(10 * 82 + 5 * 80)
    assert got["carried_tonnage_kg"] == pytest.approx(5 * 80)
    assert got["unknown_sets"] == 0


def test_sessions_own_bodyweights_show_on_days_without_a_reading(con, athlete):
    log_bodyweight(con, athlete, MONDAY, 80)
    log_day(con, athlete, 0, [], bodyweight_kg=81)  # the reading wins on its own day
    log_day(con, athlete, 1, [], bodyweight_kg=82)
    got = bodyweight_readings(con, athlete)
    assert got[["bodyweight_kg", "source"]].values.tolist() == [[80, "reading"], [82, "session"]]
