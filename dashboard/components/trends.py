"""The Trends page's three views: volume, strength and consistency (each with empty states)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import data_access
from dashboard.components.charts import (
    Bucket,
    balance_figure,
    calendar_figure,
    conditioning_figure,
    e1rm_figure,
    heatmap_figure,
    sessions_figure,
    weekly_sets_figure,
)
from dashboard.components.exercise_history import history_link
from dashboard.components.frame import Athlete
from dashboard.components.landmarks import landmarks_link
from dashboard.components.tables import records_table, suggestions_table

CHART_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}
EARLIEST_DAY = dt.date(1900, 1, 1)  # the date picker reaches any real training history
PRESETS = {"4w": "4 weeks", "12w": "12 weeks", "6m": "6 months", "1y": "1 year", "all": "All"}
_PRESET_WEEKS = {"4w": 4, "12w": 12, "6m": 26, "1y": 52}


def anchor_day(span: tuple[dt.date, dt.date] | None, today: dt.date) -> dt.date:
    """Where the presets end: today while the latest session is in this week, else that day."""
    if span is None:
        return today
    latest = span[1]
    this_monday = today - dt.timedelta(days=today.weekday())
    return today if latest >= this_monday else latest


def preset_range(
    preset: str, span: tuple[dt.date, dt.date] | None, today: dt.date
) -> tuple[dt.date, dt.date]:
    """The dates of a preset: whole weeks ending in the anchor's week, or the whole history."""
    end = anchor_day(span, today)
    monday = end - dt.timedelta(days=end.weekday())
    if preset == "all":
        return (span[0] if span is not None else monday), end
    return monday - dt.timedelta(weeks=_PRESET_WEEKS[preset] - 1), end


def range_note(
    span: tuple[dt.date, dt.date] | None, today: dt.date, start: dt.date, end: dt.date
) -> str:
    """A sentence when the dates end at the latest session rather than in this week."""
    if span is None or end != span[1] or anchor_day(span, today) == today:
        return ""
    return (
        f"Your latest session was on {end:%a %d %b %Y}, so the dates end there rather than "
        "this week."
    )


def render_volume(athlete: Athlete, start: dt.date, end: dt.date, bucket: Bucket) -> None:
    """Weekly hard sets of one muscle group with its bands, every group as a heat map, balance."""
    version = data_access.data_version()
    overview = data_access.volume(version, athlete.athlete_id, start, end, bucket)
    volume = overview.volume
    if volume.empty or float(volume["hard_sets"].sum()) == 0:
        st.info(
            "No hard sets in these dates yet. Log a working set on the Log page, or widen the "
            "dates.",
            icon=":material/bar_chart:",
        )
        return
    if bucket == "month":
        st.caption("Over two years: each bar is a calendar month (its average week).")
    totals = volume.groupby("muscle_group", sort=False, observed=True)["hard_sets"].sum()
    trained = [g for g in data_access.muscle_groups(version) if totals.get(g, 0) > 0]
    busiest = max(trained, key=lambda g: float(totals[g]))
    group = st.selectbox("Muscle group", trained, index=trained.index(busiest), key="tr_group")
    st.plotly_chart(
        weekly_sets_figure(volume, str(group), bucket), key="tr_weekly_sets", config=CHART_CONFIG
    )
    st.caption(
        "A set counts 1 for each main muscle and 0.5 for each helping one; warm-ups do not "
        "count. Orange band: below minimum effective; green band: productive (from the minimum "
        "effective volume to the maximum recoverable one, the dotted line); above it: above "
        "maximum recoverable. The same words as `target_status` in the CSV export."
    )
    note = rule_note(volume, str(group))
    if note:
        st.info(note, icon=":material/balance:")
    landmarks_link()
    level_picker(athlete, data_access.level(version, athlete.athlete_id))
    st.subheader("Every muscle group", anchor=False)
    st.plotly_chart(heatmap_figure(volume, trained, bucket), key="tr_heatmap", config=CHART_CONFIG)
    st.subheader("Back and legs", anchor=False)
    balance = overview.balance
    if float(balance[["back_sets", "legs_sets"]].sum().sum()) == 0:
        st.info("No back or leg work in these dates.")
        return
    st.plotly_chart(balance_figure(balance, bucket), key="tr_balance", config=CHART_CONFIG)
    back, legs = float(balance["back_total"].sum()), float(balance["legs_total"].sum())
    st.caption(f"Over these dates: {back:g} back sets and {legs:g} leg sets.")


def rule_note(volume: pd.DataFrame, group: str) -> str:
    """A sentence when the group's verdict rests on how helping muscles are counted."""
    rows = volume[(volume["muscle_group"].astype(str) == group) & (volume["hard_sets"] > 0)]
    if rows.empty:
        return ""
    if float(rows["helpers_low_sets"].sum()) == 0:
        return (
            f"In these dates {group} are trained only as a helping muscle, so their verdict "
            "rests entirely on the counting rule: counted 0, they had no hard sets; the bars "
            "count each helping set as half a set, and the whiskers show 0 to 1."
        )
    changed = rows[rows["low_status"] != rows["high_status"]]
    if changed.empty:
        return ""
    return (
        f"In {len(changed)} of the {len(rows)} weeks with {group} work the verdict changes "
        "between counting helping muscles 0 and 1 (the whiskers on the bars); the bars count "
        "them as half a set."
    )


LEVELS = {
    "beginner": "Beginner (wider range, for new lifters)",
    "intermediate": "Intermediate (RP's landmarks)",
}


def level_picker(athlete: Athlete, current: str) -> None:
    """Choose which shipped landmarks the bars are compared with (your own ones still win)."""

    def _store() -> None:
        data_access.set_level(athlete.athlete_id, str(st.session_state["tr_level"]))

    st.selectbox(
        "Landmarks for",
        list(LEVELS),
        index=list(LEVELS).index(current),
        key="tr_level",
        format_func=LEVELS.__getitem__,
        on_change=_store,
    )


def render_strength(athlete: Athlete, start: dt.date, end: dt.date) -> None:
    """Estimated one-rep max over time with record stars, the records, and what to do next."""
    version = data_access.data_version()
    sessions = data_access.session_e1rm(version, athlete.athlete_id, start, end)
    records = data_access.record_events(version, athlete.athlete_id, start, end)
    if sessions.empty:
        st.info(
            "No loaded sets of 1 to 10 reps in these dates, so there is no one-rep max to "
            "estimate yet.",
            icon=":material/show_chart:",
        )
    else:
        # every exercise done has a name: a range can hold its sessions but none of its records
        done = data_access.athlete_exercises(version, athlete.athlete_id)
        names = dict(zip(done["exercise_id"], done["exercise"], strict=True))
        counts = sessions["exercise_id"].value_counts()
        options = [str(e) for e in counts.index]
        exercise = st.selectbox(
            "Exercise", options, key="tr_exercise", format_func=lambda e: names.get(e, e)
        )
        mine = sessions[sessions["exercise_id"] == exercise]
        stars = records[(records["exercise_id"] == exercise) & (records["record"] == "best_e1rm")]
        st.plotly_chart(e1rm_figure(mine, stars, athlete.unit), key="tr_e1rm", config=CHART_CONFIG)
        st.caption(
            "Estimated with Epley's formula from sets of 1 to 10 reps: dots are each week's best "
            "(on its Monday), the line a smoothed trend over about four weeks, stars records."
        )
        history_link(str(exercise), f"Every session of {names.get(exercise, exercise)}")
    st.subheader("Personal records", anchor=False)
    if records.empty:
        st.info("No records in these dates yet.")
    else:
        st.dataframe(records_table(records, athlete.unit), hide_index=True, key="tr_records")
    st.subheader("What to do next", anchor=False)
    latest = data_access.latest_training(version, athlete.athlete_id)
    # Advice follows the athlete's latest training, however long ago it was (an import).
    advice = data_access.suggestions(version, athlete.athlete_id, latest)
    if advice.empty:
        st.info("Log a few sessions and suggestions for adding load appear here.")
    else:
        if latest is not None:
            st.caption(f"Based on your latest training, on {latest.day} {latest:%b %Y}.")
        st.dataframe(
            suggestions_table(advice, athlete.unit),
            hide_index=True,
            key="tr_suggestions",
            column_config={"Why": st.column_config.TextColumn(width="large")},
        )


def render_consistency(athlete: Athlete, start: dt.date, end: dt.date, bucket: Bucket) -> None:
    """Streaks, the training calendar, sessions per week, then cardio and stretching apart."""
    version = data_access.data_version()
    streak = data_access.streaks(version, athlete.athlete_id)
    periods = data_access.sessions(version, athlete.athlete_id, start, end, bucket)
    if periods.empty or int(periods["sessions"].sum()) == 0:
        st.info("No sessions in these dates yet.", icon=":material/calendar_month:")
        return
    row = streak.iloc[0] if not streak.empty else None
    cols = st.columns(3)
    cols[0].metric("Sessions", int(periods["sessions"].sum()))
    cols[1].metric("Streak", f"{0 if row is None else int(row['current_weeks'])} weeks")
    cols[2].metric("Longest streak", f"{0 if row is None else int(row['longest_weeks'])} weeks")
    st.plotly_chart(
        calendar_figure(data_access.calendar(version, athlete.athlete_id, start, end)),
        key="tr_calendar",
        config=CHART_CONFIG,
    )
    st.caption("Each square is a day; the darker, the more sets. At most the last year is drawn.")
    if bucket == "month":
        st.caption("Over two years: each bar counts the sessions of its calendar month.")
    st.plotly_chart(sessions_figure(periods, bucket), key="tr_sessions", config=CHART_CONFIG)
    render_conditioning(athlete, start, end, bucket)


def render_conditioning(athlete: Athlete, start: dt.date, end: dt.date, bucket: Bucket) -> None:
    """Cardio (minutes, distance) and stretching (sessions, minutes) per period, apart from sets."""
    version = data_access.data_version()
    periods = data_access.conditioning(version, athlete.athlete_id, start, end, bucket)
    st.subheader("Cardio and stretching", anchor=False)
    cardio = float(periods["conditioning_minutes"].sum())
    stretching = int(periods["mobility_sessions"].sum())
    if cardio == 0 and float(periods["distance_km"].sum()) == 0 and stretching == 0:
        st.caption("No cardio or stretching in these dates.")
        return
    cols = st.columns(4)
    cols[0].metric("Cardio", f"{cardio:.0f} min")
    cols[1].metric("Distance", f"{float(periods['distance_km'].sum()):.1f} km")
    cols[2].metric("Stretching", f"{stretching} session{'' if stretching == 1 else 's'}")
    cols[3].metric("Stretched", f"{float(periods['mobility_minutes'].sum()):.0f} min")
    st.plotly_chart(
        conditioning_figure(periods, bucket), key="tr_conditioning", config=CHART_CONFIG
    )
    st.caption(
        f"Minutes per {bucket}. Cardio and held stretches are counted here, never as hard sets "
        "for a muscle group."
    )
