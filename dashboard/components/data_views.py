"""The Data page's pieces: CSV exports and the import area."""

from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd
import streamlit as st

from dashboard import data_access
from dashboard.components.frame import Athlete
from pipelines.errors import LiftboardError
from pipelines.importers import ImportReport

EXPORTS = {
    "sets": ("Sets", "every set with its session, weight in kg and as typed"),
    "weekly-volume": ("Weekly volume", "hard sets per muscle group and week, with status"),
    "personal-records": ("Personal records", "each record and the day it fell"),
}


def render_exports(athlete: Athlete) -> None:
    """Three CSV downloads for one athlete or everyone, over all time or a date range."""
    left, right = st.columns(2)
    everyone = left.toggle("Every athlete", key="data_everyone")
    everything = right.toggle("All dates", value=True, key="data_all_dates")
    start: dt.date | None = None
    end: dt.date | None = None
    if not everything:
        today = dt.date.today()
        picked = st.date_input(
            "Dates",
            value=(today - dt.timedelta(weeks=12), today),
            key="data_range",
            format="YYYY-MM-DD",
        )
        if isinstance(picked, tuple) and len(picked) == 2:
            start, end = picked
    who = "everyone" if everyone else athlete.name
    stamp = dt.date.today().isoformat()
    row = st.container(horizontal=True)
    for what, (label, about) in EXPORTS.items():
        row.download_button(
            f"{label} (CSV)",
            key=f"data_{what}",
            icon=":material/download:",
            data=data_access.export_download(
                what, None if everyone else athlete.athlete_id, start, end
            ),
            file_name=f"liftboard-{what}-{_slug(who)}-{stamp}.csv",
            mime="text/csv",
            on_click="ignore",
            help=f"{label}: {about}.",
        )


def _slug(text: str) -> str:
    kept = "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")
    return kept or "athlete"


DISTANCE_OPTIONS = {
    "from the values": None,
    "km": "km",
    "miles": "mi",
    "metres": "m",
}
_PREVIEW_KEY = "data_import_checked"


def render_import(athlete: Athlete) -> None:
    """Upload an export, see what it holds before anything is written, then import it."""
    upload = st.file_uploader(
        "Export file (CSV)",
        type=["csv", "txt"],
        key="data_upload",
        help="Strong, Hevy, FitNotes, or a sets CSV downloaded from Liftboard.",
    )
    if upload is None:
        _render_last_report(athlete)
        return
    data = upload.getvalue()
    try:
        preview = data_access.import_preview(data)
    except LiftboardError as exc:
        st.error(str(exc))
        return
    st.dataframe(preview.rows, hide_index=True, key="data_preview", height=220)
    unit = None
    if preview.needs_unit:
        unit = st.segmented_control(
            "This file does not say: were the weights in kg or lb?",
            ["kg", "lb"],
            key="data_import_unit",
        )
    distance_unit = None
    if preview.layout.distance_unit is None:
        picked = st.segmented_control(
            "Distances in",
            list(DISTANCE_OPTIONS),
            default="from the values",
            key="data_import_distance",
            help="The file does not say. Left to the values, each exercise is read in the unit "
            "its numbers make sense in: a rowing 1000 in 4 minutes is metres.",
        )
        distance_unit = DISTANCE_OPTIONS.get(str(picked)) if picked else None
    checked = None
    if unit is not None or not preview.needs_unit:
        checked = _checked(data, upload.name, unit, distance_unit, athlete)
    if checked is not None:
        render_summary(checked)
    else:
        st.markdown(f"Recognised: **{preview.layout.description}**")
    if not st.button(f"Import for {athlete.name}", key="data_import", type="primary"):
        _render_last_report(athlete)
        return
    if preview.needs_unit and unit is None:
        st.error("Choose kg or lb first: the file does not say which its weights are in.")
        return
    bar = st.progress(0.0, text="Starting")

    def progress(fraction: float, text: str) -> None:
        bar.progress(min(max(fraction, 0.0), 1.0), text=text)

    try:
        report = data_access.import_upload(
            data,
            unit=unit,
            athlete=athlete.name,
            dry_run=False,
            progress=progress,
            distance_unit=distance_unit,
            file_name=upload.name,
        )
    except LiftboardError as exc:
        bar.empty()
        st.error(str(exc))
        return
    bar.progress(1.0, text="Done")
    st.session_state.pop(_PREVIEW_KEY, None)
    st.session_state["data_import_report"] = report
    render_report(report)
    _offer_pounds(report, athlete)


def _checked(
    data: bytes, name: str, unit: str | None, distance_unit: str | None, athlete: Athlete
) -> ImportReport | None:
    """The dry run of this upload with these choices, worked out once per choice."""
    key = (
        hashlib.sha256(data).hexdigest(),
        unit,
        distance_unit,
        athlete.name,
        data_access.data_version(),
    )
    kept = st.session_state.get(_PREVIEW_KEY)
    if kept is not None and kept[0] == key:
        return kept[1]  # type: ignore[no-any-return]
    try:
        report = data_access.import_upload(
            data,
            unit=unit,
            athlete=athlete.name,
            dry_run=True,
            distance_unit=distance_unit,
            file_name=name,
        )
    except LiftboardError as exc:
        st.error(str(exc))
        return None
    st.session_state[_PREVIEW_KEY] = (key, report)
    return report


def render_summary(report: ImportReport) -> None:
    """What the file holds and what importing it would do, before anything is written."""
    span = ""
    if report.first_day is not None and report.last_day is not None:
        span = f", from {report.first_day:%Y-%m-%d} to {report.last_day:%Y-%m-%d}"
    units = ", ".join(f"{_count(n, 'set')} in {u}" for u, n in sorted(report.weight_units.items()))
    lines = [
        f"Recognised: **{report.layout_description}**.",
        f"- {_count(report.rows_read, 'row')}: {_count(report.sets_total, 'set')} in "
        f"{_count(report.workouts, 'workout')}{span}.",
        f"- Would add **{_count(report.sets_added, 'set')}** in "
        f"{_count(report.sessions_added, 'new session')}; {report.duplicates_skipped:,} "
        "already here.",
    ]
    if units:
        lines.append(f"- Weights: {units}.")
    if report.failed_attempts:
        lines.append(f"- {_count(report.failed_attempts, 'failed attempt')}, kept as failure sets.")
    if report.unmapped:
        names = ", ".join(u.name for u in report.unmapped[:8])
        more = f" and {len(report.unmapped) - 8} more" if len(report.unmapped) > 8 else ""
        lines.append(
            f"- {_count(len(report.unmapped), 'name')} not in the catalog, to map: {names}{more}."
        )
    if report.rejected:
        lines.append(f"- {_count(len(report.rejected), 'row')} not sets, left out.")
    if report.flags:
        lines.append(f"- {_count(len(report.flags), 'unlikely value')}: kept, listed to check.")
    st.markdown("\n".join(lines))
    for note in report.warnings:
        st.caption(note)


def _count(n: int, word: str) -> str:
    """`1 set`, `2 sets`, `1,204 sets`."""
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def _render_last_report(athlete: Athlete) -> None:
    report = st.session_state.get("data_import_report")
    if isinstance(report, ImportReport):
        render_report(report)
        _offer_pounds(report, athlete)


def _offer_pounds(report: ImportReport, athlete: Athlete) -> None:
    """A file logged in pounds: offer to show this athlete's weights in lb."""
    if report.dry_run or athlete.unit == "lb" or report.pound_share < 0.5:
        return
    st.info(
        f"{report.pound_share:.0%} of the weights in this file were logged in pounds, and "
        f"{athlete.name} sees kilograms."
    )
    if st.button("Show my weights in lb", key="data_import_to_lb", icon=":material/swap_horiz:"):
        data_access.set_unit(athlete.athlete_id, "lb")
        st.session_state.pop("data_import_report", None)
        st.rerun()


def render_report(report: ImportReport) -> None:
    """What the import did: counts, what was left out and why, values to check, names to map."""
    cols = st.columns(4)
    cols[0].metric("Sets added" if not report.dry_run else "Sets to add", report.sets_added)
    cols[1].metric("Already there", report.duplicates_skipped)
    cols[2].metric("Not sets", report.non_set_rows_skipped + len(report.rejected))
    cols[3].metric("Values to check", len(report.flags))
    if report.dry_run:
        st.info("Checked only: nothing was written.")
    elif report.import_id is not None:
        st.success(
            f"Imported as import {report.import_id}: {report.sets_added:,} sets in "
            f"{report.sessions_added:,} new sessions. Past imports below can take it back out."
        )
    if report.failed_attempts:
        st.caption(
            f"{report.failed_attempts:,} failed attempts were kept as failure sets of 0 reps."
        )
    groups = [("Left out", g) for g in report.rejected_by_reason]
    groups += [("Kept, check", g) for g in report.flags_by_reason]
    if groups:
        st.dataframe(
            pd.DataFrame(
                {
                    "": [kind for kind, _ in groups],
                    "Rows": [g.count for _, g in groups],
                    "Why": [g.reason for _, g in groups],
                    "First lines": [
                        ", ".join(str(r.line) for r in g.examples)
                        + (" …" if g.count > len(g.examples) else "")
                        for _, g in groups
                    ],
                }
            ),
            hide_index=True,
            key="data_problems",
        )
        st.download_button(
            "Every row left out or to check (CSV)",
            data=report.problems_csv().encode("utf-8"),
            file_name="liftboard-import-problems.csv",
            mime="text/csv",
            key="data_problems_csv",
            icon=":material/download:",
            on_click="ignore",
        )
    if report.unmapped:
        names = ", ".join(f"{u.name} ({u.sets})" for u in report.unmapped[:20])
        more = f" and {len(report.unmapped) - 20} more" if len(report.unmapped) > 20 else ""
        st.warning(
            f"{len(report.unmapped)} exercise name(s) were not recognised and were kept as your "
            f"own exercises: {names}{more}. Map them on the Exercises page so their sets count."
        )
        st.page_link("app_pages/exercises.py", label="Map them now", icon=":material/link:")
    st.caption(f"{report.match_share:.0%} of the file's sets landed on a known exercise.")


def render_past_imports() -> None:
    """Every import so far; one can be taken back out, its sessions and sets removed."""
    imports = data_access.import_history()
    if imports.empty:
        st.caption("No imports yet.")
        return
    shown = pd.DataFrame(
        {
            "Import": imports["import_id"],
            "When": imports["imported_at"].dt.strftime("%Y-%m-%d %H:%M"),
            "File": imports["file_name"],
            "Layout": imports["layout_description"],
            "For": imports["athlete"],
            "Sets": imports["sets_added"],
            "Sessions": imports["sessions_added"],
            "Undone": imports["undone_at"].dt.strftime("%Y-%m-%d %H:%M").fillna(""),
        }
    )
    st.dataframe(shown, hide_index=True, key="data_imports")
    open_ = imports[imports["undone_at"].isna()]
    if open_.empty:
        return
    labels = {
        int(
            r["import_id"]
        ): f"{int(r['import_id'])}: {r['file_name']} ({int(r['sets_added']):,} sets)"
        for r in open_.to_dict("records")
    }
    chosen = st.selectbox(
        "Import to undo", list(labels), format_func=labels.__getitem__, key="data_undo_pick"
    )
    sure = st.checkbox("Yes, remove its sessions and sets", key="data_undo_sure")
    if st.button("Undo this import", key="data_undo", icon=":material/undo:", disabled=not sure):
        try:
            undone = data_access.undo_import(int(chosen))
        except LiftboardError as exc:
            st.error(str(exc))
            return
        st.session_state.pop("data_import_report", None)
        st.session_state.pop(_PREVIEW_KEY, None)
        st.session_state["data_undone"] = undone.sentence()
        st.rerun()
