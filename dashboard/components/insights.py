"""Insights: this week's gaps, plateau flags, the week in review and the circuit coaching.

Each `render_*` reads the current athlete itself, so a page adds one line to show it.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import data_access
from dashboard.components.frame import current_athlete
from pipelines.coaching import METHOD as COACHING_METHOD
from pipelines.coaching import NO_HISTORY as NO_CIRCUIT
from pipelines.plateaus import METHOD as PLATEAU_METHOD
from pipelines.plateaus import NO_HISTORY as NO_LIFTS
from pipelines.review import NO_HISTORY as NO_REVIEW
from pipelines.suggest import METHOD as GAP_METHOD
from pipelines.suggest import NO_HISTORY as NO_GAPS

STATE_ICONS = {
    "ready": ":material/trending_up:",
    "not yet": ":material/schedule:",
    "not logged": ":material/radio_button_unchecked:",
}
VIEWS = {"gaps": "This week's gaps", "plateaus": "Plateaus", "review": "Week in review"}
# Printing the page prints only the week in review: no sidebar, header, toolbar, charts,
# controls or download button, on one A4 page.
PRINT_CSS = """<style>
.st-key-ins_review_print_table { display: none; }
@media print {
  .st-key-ins_review_print_table { display: block !important; }
  .st-key-ins_review_screen_table { display: none !important; }
  @page { size: A4 portrait; margin: 10mm; }
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
  [data-testid="stDecoration"], [data-testid="stSidebarCollapsedControl"],
  .st-key-ins_review_csv, .st-key-ins_review_hint { display: none !important; }
  [data-testid="stVerticalBlock"]:not(.st-key-ins_review):not(.st-key-ins_review *)
    > :not(.st-key-ins_review):not(:has(.st-key-ins_review)) { display: none !important; }
  html, body, .stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"] {
    height: auto !important; min-height: 0 !important; overflow: visible !important;
  }
  [data-testid="stBottom"], [data-testid="stAppIframeResizerAnchor"] { display: none !important; }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: none !important; }
  .st-key-ins_review { zoom: 0.9; }
}
</style>"""


def render_gap_box(day: dt.date | None = None) -> None:
    """A box with the fewest extra sets that bring this week's short muscle groups up."""
    athlete = current_athlete()
    day = day or dt.date.today()
    version = data_access.data_version()
    if not _has_history(version, athlete.athlete_id):
        with st.container(border=True, key="ins_gap_box"):
            st.markdown("**:material/target: What closes this week's gaps**")
            st.write(NO_GAPS)
            st.caption(GAP_METHOD)
        return
    advice = data_access.week_gaps(version, athlete.athlete_id, day)
    with st.container(border=True, key="ins_gap_box"):
        st.markdown("**:material/target: What closes this week's gaps**")
        if advice.gaps.empty:
            st.write("Every muscle group with a minimum has reached it this week. Well done.")
        for line in advice.lines:
            st.markdown(f"- {_plain(line)}")
        st.caption(advice.method)


def render_insights() -> None:
    """The Trends page's insights: gaps, plateau flags or the week in review."""
    st.header("Insights", anchor=False)
    view = st.segmented_control(
        "Insight",
        list(VIEWS),
        default="gaps",
        format_func=VIEWS.__getitem__,
        key="ins_view",
        label_visibility="collapsed",
    )
    if view == "plateaus":
        render_plateaus()
    elif view == "review":
        render_review()
    else:
        render_gap_box()


def render_plateaus() -> None:
    """Lifts that stalled or went back, with the evidence and the next step."""
    athlete = current_athlete()
    version = data_access.data_version()
    if not _has_history(version, athlete.athlete_id):
        st.info(NO_LIFTS, icon=":material/edit_note:")
        st.caption(PLATEAU_METHOD)
        return
    flags = data_access.lift_flags(version, athlete.athlete_id, dt.date.today())
    if flags.empty:
        st.info(
            "No lift is stalled or going back: every lift with 6 or more sessions in the last "
            "12 weeks set a best within 6 weeks and holds its level.",
            icon=":material/check_circle:",
        )
    for row in flags.to_dict("records"):
        icon = (
            ":material/trending_down:"
            if row["flag"] == "regression"
            else ":material/trending_flat:"
        )
        with st.container(border=True):
            st.markdown(
                f"**{icon} {_plain(str(row['exercise']))}: {row['flag']}** "
                f"({row['confidence']} confidence, {row['sessions']} sessions)"
            )
            st.write(row["evidence"])
            st.write(f"Next: {row['next_step']}")
    st.caption(PLATEAU_METHOD)


def render_review() -> None:
    """The week in review, printable on one page and downloadable as CSV."""
    athlete = current_athlete()
    today = dt.date.today()
    version = data_access.data_version()
    if not _has_history(version, athlete.athlete_id):
        st.info(NO_REVIEW, icon=":material/edit_note:")
        return
    picked = st.date_input(
        "Week of", value=today, max_value=today, key="ins_review_day", format="YYYY-MM-DD"
    )
    day = picked if isinstance(picked, dt.date) else today
    with st.container(key="ins_review"):
        _render_review_week(version, athlete.athlete_id, athlete.unit, day)
    st.html(PRINT_CSS)


def _render_review_week(version: int, athlete_id: int, unit: str, day: dt.date) -> None:
    """The review of the week holding `day`: what the printed page shows."""
    review = data_access.review(version, athlete_id, day)
    st.subheader(f"The week of {review.week_start:%d %b %Y}", anchor=False)
    totals = review.totals.set_index("measure")
    columns = st.columns(3)
    for column, measure in zip(columns, ("sessions", "sets", "minutes"), strict=True):
        row = totals.loc[measure]
        change = row["this_week"] - row["last_week"]
        column.metric(
            measure.capitalize(),
            f"{row['this_week']:g}",
            delta=f"{change:+g} vs last week" if change else "same as last week",
            delta_color="off",
            delta_arrow="auto" if change else "off",
            help=f"4-week average: {row['average_4w']:.1f}",
        )
        column.caption(f"4-week average {row['average_4w']:.1f}")
    table = muscles_table(review.muscles)
    with st.container(key="ins_review_screen_table"):
        # every group in view: the ones under their minimum are often last in display order
        st.dataframe(
            table,
            hide_index=True,
            width="stretch",
            height="content",
            key="ins_review_muscles",
            # wide enough for the longest status, "below minimum effective"
            column_config={"Status": st.column_config.TextColumn(width=170)},
        )
    # a plain table for the printed page: the interactive one is drawn on a canvas that
    # scrolls and does not reflow to the paper's width
    with st.container(key="ins_review_print_table"):
        printed = table.assign(**{"Hard sets": table["Hard sets"].map("{:g}".format)})
        st.table(printed.set_index("Muscle group"))
    ranges = ", ".join(
        f"{r['rep_range']} reps: {r['sets']} ({r['share']:.0%})"
        for r in review.rep_ranges.to_dict("records")
    )
    st.write(f"**Rep ranges** {ranges}")
    records = review.records
    if records.empty:
        st.write("**Records** none this week.")
    else:
        kinds = records.groupby("exercise", sort=True)["record"].apply(
            lambda r: ", ".join(k.replace("_", " ") for k in r)
        )
        st.write("**Records** " + "; ".join(f"{_plain(str(e))} ({k})" for e, k in kinds.items()))
    st.caption(review.method)
    st.download_button(
        "Download this review (CSV)",
        data_access.review_csv_bytes(version, athlete_id, day, unit),
        file_name=f"liftboard-review-{review.week_start.isoformat()}.csv",
        mime="text/csv",
        key="ins_review_csv",
        icon=":material/download:",
    )
    with st.container(key="ins_review_hint"):
        st.caption("To print it on one page, use your browser's print (A4, portrait).")


def muscles_table(muscles: pd.DataFrame) -> pd.DataFrame:
    """The review's muscle rows as the table shows them."""
    return pd.DataFrame(
        {
            "Muscle group": muscles["muscle_group"],
            "Hard sets": muscles["hard_sets"],
            "Sessions": muscles["sessions"],
            "Status": muscles["target_status"],
            "Weeks in a row": muscles["weeks_in_status"],
            "12 wk below": (muscles["below_share"] * 100).round().astype(int).astype(str) + "%",
            "12 wk productive": (muscles["productive_share"] * 100).round().astype(int).astype(str)
            + "%",
            "12 wk above": (muscles["above_share"] * 100).round().astype(int).astype(str) + "%",
        }
    )


def render_circuit_coaching() -> None:
    """Which moves of the circuit are ready for more load or the harder version."""
    athlete = current_athlete()
    frame = data_access.coaching(data_access.data_version(), athlete.athlete_id, dt.date.today())
    st.header("Ready for more?", anchor=False)
    if (frame["state"] == "not logged").all():
        st.info(NO_CIRCUIT, icon=":material/edit_note:")
    for row in frame.to_dict("records"):
        label = "add-on" if row["role"] == "addon" else row["state"]
        st.markdown(
            f"{STATE_ICONS[str(row['state'])]} **{_plain(str(row['exercise']))}** ({label}): "
            f"{_plain(str(row['advice']))}"
        )
    st.caption(COACHING_METHOD)


def _has_history(version: int, athlete_id: int) -> bool:
    """Whether the athlete has logged any session (the insights need some)."""
    return data_access.span(version, athlete_id) is not None


def _plain(text: str) -> str:
    """Text with Markdown's special characters escaped, so names show as written."""
    for char in "\\`*_[]<>#|~$":
        text = text.replace(char, "\\" + char)
    return text
