"""Figure builders for the Trends page: pure functions from mart frames to Plotly figures.

Charts stay light for the browser: weeks up to about two years, calendar months beyond (the
marts bucket them: `pipelines.volume_targets.volume_overview`, `consistency.sessions_by_period`),
a bounded number of points, and Plotly's own tick labels.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import pandas as pd
import plotly.graph_objects as go

from pipelines.units import from_kg

Bucket = Literal["week", "month"]
WEEKS_MAX_DAYS = 731  # up to about two years a bar is a week; beyond, a month
MAX_POINTS = 260  # an e1RM line keeps at most this many points
CALENDAR_WEEKS = 53  # the calendar shows at most the last year of the range

STATUS_COLOURS = {
    "below maintenance": "#c9ced6",
    "below minimum effective": "#f2b14c",
    "productive": "#2e9e5b",
    "above maximum recoverable": "#d9534f",
    "no target": "#1f6feb",
}
# The legend, the hover labels and the CSV's `target_status` share these words (one vocabulary)
STATUS_ORDER = (
    "below maintenance",
    "below minimum effective",
    "productive",
    "above maximum recoverable",
    "no target",
)
STATUS_LABELS = {status: status for status in STATUS_ORDER}  # the words every view shows
BAND_COLOURS = {"mev": "#f2b14c", "productive": "#2e9e5b", "mrv": "#d9534f"}
DAY_MS = 86_400_000
BAR_SHARE = 0.8  # a bar fills this share of its week or month
MAX_TICKS = 10
BACK, LEGS = "#1f6feb", "#e07b39"
FONT = {"family": "sans-serif", "size": 13}


def _layout(fig: go.Figure, *, height: int = 320, title: str = "", y_title: str = "") -> go.Figure:
    fig.update_layout(
        height=height,
        margin={"l": 8, "r": 8, "t": 36 if title else 8, "b": 8},
        title={"text": title, "font": {"size": 15}} if title else None,
        font=FONT,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        plot_bgcolor="white",
        hovermode="x unified",
    )
    fig.update_yaxes(title_text=y_title, gridcolor="#eceff3", rangemode="tozero")
    fig.update_xaxes(gridcolor="#eceff3")
    return fig


def period_days(bucket: Bucket) -> float:
    """How many days one bar stands for."""
    return 7.0 if bucket == "week" else 30.44


def bar_width_ms(bucket: Bucket) -> float:
    """The drawn width of a period's bar in milliseconds (a date axis counts in ms)."""
    return BAR_SHARE * period_days(bucket) * DAY_MS


def period_axis(fig: go.Figure, periods: pd.Series | list[object], bucket: Bucket) -> go.Figure:
    """An x axis of whole periods: every bar inside it, ticks on the periods' first days.

    Bars stand centred on their period's first day (a Monday, or the 1st of a month), so the
    tick under a bar names its week's Monday; Plotly's own weekly ticks would fall on Sundays.
    At most `MAX_TICKS` ticks, evenly thinned.
    """
    days = pd.DatetimeIndex(sorted(set(pd.to_datetime(pd.Series(list(periods))))))
    if days.empty:
        return fig
    half = pd.Timedelta(days=period_days(bucket) / 2)
    step = max(1, -(-len(days) // MAX_TICKS))
    ticks = days[::step]
    if bucket == "week":
        text = [
            f"{d:%d %b}" if i and d.year == ticks[i - 1].year else f"{d:%d %b}<br>{d:%Y}"
            for i, d in enumerate(ticks)
        ]
        hover = "week of %a %d %b %Y"
    else:
        text = [
            f"{d:%b}" if i and d.year == ticks[i - 1].year else f"{d:%b}<br>{d:%Y}"
            for i, d in enumerate(ticks)
        ]
        hover = "%B %Y"
    fig.update_xaxes(
        type="date",
        range=[days[0] - half, days[-1] + half],
        tickmode="array",
        tickvals=list(ticks),
        ticktext=text,
        hoverformat=hover,
    )
    return fig


def choose_bucket(start: dt.date, end: dt.date) -> Bucket:
    """`week` for ranges up to about two years, `month` beyond."""
    return "week" if (end - start).days <= WEEKS_MAX_DAYS else "month"


def weekly_sets_figure(volume: pd.DataFrame, group: str, bucket: Bucket) -> go.Figure:
    """Hard sets per week for one muscle group, bars coloured by status, landmark bands behind.

    One bar trace per status, named with the status itself (the words of the CSV's
    `target_status`), so the legend explains the colours. The bands are the statuses' own
    ranges: shaded below the minimum effective volume (MEV), green from MEV to the maximum
    recoverable volume (MRV, dotted), the range a week counts as productive. Every bar is one
    period wide, whatever its status.
    """
    rows = volume[volume["muscle_group"].astype(str) == group]
    fig = go.Figure()
    width = bar_width_ms(bucket)
    for status in STATUS_ORDER:
        part = rows[rows["target_status"].replace("", "no target") == status]
        if part.empty:
            continue
        name = "hard sets" if status == "no target" else status
        y = part["hard_sets"].round(1)
        bar = go.Bar(
            x=part["period"],
            y=y,
            name=name,
            width=[width] * len(part),
            marker_color=STATUS_COLOURS[status],
            hovertemplate="%{y} hard sets<extra>" + name + "</extra>",
        )
        if "helpers_low_sets" in part:  # the whisker: helping muscles counted 0 to 1
            low, high = part["helpers_low_sets"].round(1), part["helpers_high_sets"].round(1)
            bar.update(
                customdata=list(zip(low, high, strict=True)),
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": (high - y).tolist(),
                    "arrayminus": (y - low).tolist(),
                    "color": "#5b6470",
                    "thickness": 1.2,
                },
                hovertemplate=(
                    "%{y} hard sets (%{customdata[0]} to %{customdata[1]} with helping "
                    "muscles counted 0 to 1)<extra>" + name + "</extra>"
                ),
            )
        fig.add_trace(bar)
    if not rows.empty and pd.notna(rows["mev_sets"].iloc[0]):
        first = rows.iloc[0]
        bands = (
            ("mev", first["mv_sets"], first["mev_sets"], 0.12),
            ("productive", first["mev_sets"], first["mrv_sets"], 0.14),
        )
        for colour, low, high, opacity in bands:
            fig.add_hrect(
                y0=low,
                y1=high,
                fillcolor=BAND_COLOURS[colour],
                opacity=opacity,
                line_width=0,
                layer="below",
            )
        fig.add_hline(y=first["mrv_sets"], line_color=BAND_COLOURS["mrv"], line_dash="dot")
    per = "week" if bucket == "week" else "week (monthly average)"
    fig.update_layout(barmode="overlay", showlegend=True)
    period_axis(fig, rows["period"], bucket)
    return _layout(fig, y_title=f"hard sets per {per}")


def bar_values(fig: go.Figure) -> dict[pd.Timestamp, float]:
    """The bar heights of a figure by x value, over all its bar traces (for checks and tests)."""
    values: dict[pd.Timestamp, float] = {}
    for trace in fig.data:
        if trace.type == "bar":
            for x, y in zip(trace.x, trace.y, strict=True):
                values[pd.Timestamp(x)] = values.get(pd.Timestamp(x), 0.0) + float(y)
    return values


def heatmap_figure(volume: pd.DataFrame, groups: list[str], bucket: Bucket = "week") -> go.Figure:
    """Muscle group by period, coloured by hard sets (groups in display order, top to bottom)."""
    table = volume.pivot_table(
        index="muscle_group", columns="period", values="hard_sets", aggfunc="sum", observed=True
    ).reindex([g for g in groups if g in set(volume["muscle_group"])])
    fig = go.Figure(
        go.Heatmap(
            z=table.to_numpy().round(1),
            x=list(table.columns),
            y=list(table.index),
            colorscale="Blues",
            zmin=0,
            hoverongaps=False,
            xgap=1,
            ygap=1,
            colorbar={"title": {"text": "sets"}, "thickness": 12},
            hovertemplate="%{y}: %{z} hard sets<extra>%{x|%d %b %Y}</extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    period_axis(fig, list(table.columns), bucket)
    return _layout(fig, height=max(220, 22 * len(table) + 60))


def balance_figure(balance: pd.DataFrame, bucket: Bucket = "week") -> go.Figure:
    """Back against legs hard sets per week (or per average week of a month), by `period`."""
    frame = balance
    fig = go.Figure()
    for column, name, colour in (("back_sets", "back", BACK), ("legs_sets", "legs", LEGS)):
        fig.add_trace(
            go.Scatter(
                x=frame["period"],
                y=frame[column].round(1),
                name=name,
                mode="lines+markers",
                line={"color": colour, "width": 2},
                marker={"size": 5},
            )
        )
    period_axis(fig, frame["period"], bucket)
    return _layout(fig, y_title="hard sets per week")


def e1rm_figure(sessions: pd.DataFrame, records: pd.DataFrame, unit: str) -> go.Figure:
    """Each week's best estimated one-rep max in `unit`, a smoothed trend, records starred.

    A session's estimate moves with the day's form; the best of each week (placed on its
    Monday) is steadier, and the trend, an exponentially weighted mean over about four weeks
    of training, shows the direction. At most `MAX_POINTS` weeks are drawn (the latest).
    """
    frame = sessions.sort_values("performed_on")
    week = frame["performed_on"].dt.to_period("W-SUN").dt.start_time
    weekly = (
        frame.assign(week=week)
        .groupby("week", as_index=False)
        .agg(e1rm_kg=("e1rm_kg", "max"))
        .tail(MAX_POINTS)
    )
    values = weekly["e1rm_kg"].map(lambda kg: round(from_kg(kg, unit), 1))
    trend = values.ewm(span=4, adjust=False).mean().round(1)
    fig = go.Figure(
        go.Scatter(
            x=weekly["week"],
            y=values,
            mode="markers",
            name="best of the week",
            marker={"size": 7, "color": BACK},
            hovertemplate=f"best of the week: %{{y}} {unit}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=weekly["week"],
            y=trend,
            mode="lines",
            name="trend",
            line={"color": BACK, "width": 2, "shape": "spline"},
            opacity=0.6,
            hovertemplate=f"trend: %{{y}} {unit}<extra></extra>",
        )
    )
    if not records.empty:
        fig.add_trace(
            go.Scatter(
                x=records["achieved_on"],
                y=records["value"].map(lambda kg: round(from_kg(kg, unit), 1)),
                mode="markers",
                name="record",
                hovertemplate=f"record: %{{y}} {unit}<extra>%{{x|%d %b %Y}}</extra>",
                marker={
                    "symbol": "star",
                    "size": 14,
                    "color": "#f2b14c",
                    "line": {"color": "#8a5a00", "width": 1},
                },
            )
        )
    fig = _layout(fig, y_title=f"estimated 1RM ({unit})")
    period_axis(fig, weekly["week"], "week")
    if not records.empty and not weekly.empty:  # a record late in the last week stays in view
        last = max(weekly["week"].max() + pd.Timedelta(days=3.5), records["achieved_on"].max())
        fig.update_xaxes(
            range=[weekly["week"].min() - pd.Timedelta(days=3.5), last + pd.Timedelta(days=1)]
        )
    return fig.update_yaxes(rangemode="normal")  # progress shows better than from zero


def calendar_figure(days: pd.DataFrame) -> go.Figure:
    """A training calendar: one column per week, one row per weekday, coloured by sets.

    Only the last `CALENDAR_WEEKS` weeks of `days` are drawn.
    """
    frame = days[
        days["week_start"] >= days["week_start"].max() - pd.Timedelta(weeks=CALENDAR_WEEKS - 1)
    ]
    weekday = frame["day"].dt.day_of_week
    table = (
        frame.assign(weekday=weekday)
        .pivot_table(index="weekday", columns="week_start", values="sets", aggfunc="sum")
        .reindex(range(7))
    )
    labels = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    fig = go.Figure(
        go.Heatmap(
            z=table.to_numpy(),
            x=list(table.columns),
            y=labels,
            xgap=2,
            ygap=2,
            colorscale=[[0, "#eef1f5"], [0.001, "#cfe3ff"], [1, "#1f6feb"]],
            zmin=0,
            showscale=False,
            hoverongaps=False,
            hovertemplate="week of %{x|%d %b %Y}, %{y}: %{z} sets<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", showgrid=False)
    period_axis(fig, list(table.columns), "week")
    fig.update_xaxes(showgrid=False)
    return _layout(fig, height=230)


def sessions_figure(periods: pd.DataFrame, bucket: Bucket) -> go.Figure:
    """Sessions per week (or per calendar month), by `period`."""
    fig = go.Figure(
        go.Bar(
            x=periods["period"],
            y=periods["sessions"],
            marker_color=BACK,
            name="sessions",
            width=[bar_width_ms(bucket)] * len(periods),
        )
    )
    period_axis(fig, periods["period"], bucket)
    return _layout(fig, height=240, y_title=f"sessions per {bucket}")


CONDITIONING, MOBILITY = "#d9534f", "#7b61c4"


def conditioning_figure(periods: pd.DataFrame, bucket: Bucket) -> go.Figure:
    """Minutes of cardio and of held stretches per week (or calendar month), side by side.

    The cardio bars carry their kilometres in the hover; neither is ever a hard set.
    """
    width = bar_width_ms(bucket) / 2  # the two bars of a period share its usual bar's width
    fig = go.Figure(
        [
            go.Bar(
                x=periods["period"],
                y=periods["conditioning_minutes"].round(1),
                offset=-width,
                customdata=periods["distance_km"].round(2),
                marker_color=CONDITIONING,
                name="cardio (minutes)",
                width=[width] * len(periods),
                hovertemplate="cardio: %{y} min, %{customdata} km<extra></extra>",
            ),
            go.Bar(
                x=periods["period"],
                y=periods["mobility_minutes"].round(1),
                offset=0,
                marker_color=MOBILITY,
                name="stretching (minutes)",
                width=[width] * len(periods),
                hovertemplate="stretching: %{y} min<extra></extra>",
            ),
        ]
    )
    period_axis(fig, periods["period"], bucket)
    return _layout(fig, height=240, y_title=f"minutes per {bucket}")


def warm_up() -> None:
    """Build and serialise one small figure of each kind Trends draws, and throw them away.

    Plotly builds its property validators on first use; doing that once when the server starts
    (`dashboard/server.py`), rather than inside the first visitor's page run, lets the first
    chart go out sooner.
    """
    days = pd.Series(pd.to_datetime(["2025-01-06", "2025-01-13"]))
    figures = [
        go.Figure(go.Bar(x=days, y=[1, 2], customdata=[1, 2], offset=0, width=[1, 1])),
        go.Figure(go.Scatter(x=days, y=[1, 2], mode="lines+markers")),
        go.Figure(go.Heatmap(z=[[1, 2]], x=days, y=["a"], xgap=2, ygap=2)),
    ]
    for fig in figures:
        period_axis(_layout(fig, title="warm-up"), days, "week").add_hrect(y0=0, y1=1)
        fig.to_json()
