"""The Data page's pieces: CSV exports and the import area."""

from __future__ import annotations

import datetime as dt

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
            "Dates", value=(today - dt.timedelta(weeks=12), today), key="data_range",
            format="YYYY-MM-DD",
        )  # fmt: skip
        if isinstance(picked, tuple) and len(picked) == 2:
            start, end = picked
    who = "everyone" if everyone else athlete.name
    stamp = dt.date.today().isoformat()
    row = st.container(horizontal=True)
    for what, (label, about) in EXPORTS.items():
        row.download_button(
            f"{label} (CSV)", key=f"data_{what}", icon=":material/download:",
            data=data_access.export_download(
                what, None if everyone else athlete.athlete_id, start, end
            ),
            file_name=f"liftboard-{what}-{_slug(who)}-{stamp}.csv", mime="text/csv",
            on_click="ignore", help=f"{label}: {about}.",
        )  # fmt: skip


def _slug(text: str) -> str:
    kept = "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")
    return kept or "athlete"


def render_import(athlete: Athlete) -> None:
    """Upload an export, see how it was recognised, choose the unit if needed, import."""
    upload = st.file_uploader(
        "Export file (CSV)", type=["csv", "txt"], key="data_upload",
        help="Strong, Hevy, FitNotes, or a sets CSV downloaded from Liftboard.",
    )  # fmt: skip
    if upload is None:
        return
    data = upload.getvalue()
    try:
        preview = data_access.import_preview(data)
    except LiftboardError as exc:
        st.error(str(exc))
        return
    st.markdown(f"Recognised: **{preview.layout.description}**")
    st.dataframe(preview.rows, hide_index=True, key="data_preview", height=220)
    unit = None
    if preview.needs_unit:
        unit = st.segmented_control(
            "This file does not say: were the weights in kg or lb?", ["kg", "lb"],
            key="data_import_unit",
        )  # fmt: skip
    dry_run = st.checkbox("Check only, write nothing", key="data_dry_run")
    if not st.button(f"Import for {athlete.name}", key="data_import", type="primary"):
        return
    if preview.needs_unit and unit is None:
        st.error("Choose kg or lb first: the file does not say which its weights are in.")
        return
    bar = st.progress(0.0, text="Starting")

    def progress(fraction: float, text: str) -> None:
        bar.progress(min(max(fraction, 0.0), 1.0), text=text)

    try:
        report = data_access.import_upload(
            data, unit=unit, athlete=athlete.name, dry_run=dry_run, progress=progress
        )
    except LiftboardError as exc:
        bar.empty()
        st.error(str(exc))
        return
    bar.progress(1.0, text="Done")
    render_report(report)


def render_report(report: ImportReport) -> None:
    """What the import did: counts, rejected rows, warnings and names left to map."""
    cols = st.columns(4)
    cols[0].metric("Sets added" if not report.dry_run else "Sets to add", report.sets_added)
    cols[1].metric("Already there", report.duplicates_skipped)
    cols[2].metric("Not sets", report.non_set_rows_skipped)
    cols[3].metric("Rejected", len(report.rejected))
    if report.dry_run:
        st.info("Checked only: nothing was written.")
    if report.rejected:
        st.dataframe(
            pd.DataFrame([vars(r) for r in report.rejected]), hide_index=True,
            key="data_rejected",
        )  # fmt: skip
    for warning in report.warnings[:20]:
        st.warning(warning)
    if report.unmapped:
        names = ", ".join(f"{u.name} ({u.sets})" for u in report.unmapped[:20])
        st.warning(
            f"{len(report.unmapped)} exercise name(s) were not recognised and were kept as your "
            f"own exercises: {names}. Map them on the Exercises page so their sets count."
        )
        st.page_link("app_pages/exercises.py", label="Map them now", icon=":material/link:")
    st.caption(f"{report.match_share:.0%} of the file's sets landed on a known exercise.")
