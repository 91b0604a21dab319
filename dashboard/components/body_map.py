"""The body map: a front and a back figure, each muscle group coloured by its weekly status.

`body_svg` is a pure function from one week's rows (`pipelines.body_map.muscle_week`) to an SVG
document: one `<g>` per muscle group (`id="muscle-<group>"`, `data-muscle="<group>"`), filled by
status, with the named anatomy of the seed workout written beside the back figure. The shapes
are plain ellipses and paths drawn for Liftboard.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from dashboard.components.charts import STATUS_COLOURS, STATUS_LABELS
from pipelines.schemas import MUSCLE_GROUPS

FRONT_X, BACK_X = 175.0, 395.0  # the centre line of each figure
WIDTH, HEIGHT = 590, 500
SKIN, OUTLINE, INK = "#eef1f5", "#9aa4b2", "#1d2330"
UNTRAINED = "#dde3ea"  # a muscle group without landmarks and without sets this week
NO_TARGET_TRAINED = "#8bb8f5"
MAIN, HELPING = "#1f6feb", "#8bb8f5"  # a workout's main and helping muscle groups

Shape = tuple[str, dict[str, float]]  # an SVG element name and its numeric attributes

# The silhouette, drawn under the muscles on both figures (x relative to the centre line).
_BODY: list[Shape] = [
    ("ellipse", {"cx": 0, "cy": 38, "rx": 19, "ry": 23}),
    ("rect", {"x": -9, "y": 56, "width": 18, "height": 22}),
    ("path:M -46 84 Q 0 72 46 84 L 42 150 Q 37 185 36 218 L -36 218 Q -37 185 -42 150 Z", {}),
    ("path:M -37 212 L 37 212 L 42 252 L -42 252 Z", {}),
]
_BODY_PAIRS: list[Shape] = [  # drawn once per side; `cx` and `x` mirror
    ("ellipse", {"cx": 54, "cy": 125, "rx": 11, "ry": 37, "rot": -8}),
    ("ellipse", {"cx": 62, "cy": 196, "rx": 9, "ry": 35, "rot": -6}),
    ("ellipse", {"cx": 66, "cy": 240, "rx": 7, "ry": 11, "rot": 0}),
    ("ellipse", {"cx": 20, "cy": 302, "rx": 18, "ry": 54, "rot": 0}),
    ("ellipse", {"cx": 19, "cy": 388, "rx": 11, "ry": 42, "rot": 0}),
    ("ellipse", {"cx": 21, "cy": 434, "rx": 12, "ry": 6, "rot": 0}),
]

# Muscle shapes per group: (figure, paired on both sides?, shape).
_E = "ellipse"
MUSCLE_SHAPES: dict[str, list[tuple[str, bool, Shape]]] = {
    "neck": [
        ("front", True, (_E, {"cx": 5, "cy": 67, "rx": 3.5, "ry": 9, "rot": 20})),
        ("back", False, (_E, {"cx": 0, "cy": 64, "rx": 6, "ry": 8, "rot": 0})),
    ],
    "traps": [
        ("front", True, ("path:M 9 70 L 32 84 L 12 83 Z", {})),
        ("back", False, ("path:M 0 62 L 36 86 L 0 152 L -36 86 Z", {})),
    ],
    "shoulders": [
        ("front", True, (_E, {"cx": 46, "cy": 97, "rx": 11, "ry": 14, "rot": -15})),
        ("back", True, (_E, {"cx": 46, "cy": 97, "rx": 11, "ry": 14, "rot": 15})),
    ],
    "chest": [("front", True, (_E, {"cx": 19, "cy": 104, "rx": 19, "ry": 14, "rot": 0}))],
    "biceps": [("front", True, (_E, {"cx": 54, "cy": 130, "rx": 8, "ry": 22, "rot": -8}))],
    "triceps": [("back", True, (_E, {"cx": 55, "cy": 128, "rx": 8, "ry": 23, "rot": -8}))],
    "forearms": [
        ("front", True, (_E, {"cx": 61, "cy": 192, "rx": 7, "ry": 26, "rot": -6})),
        ("back", True, (_E, {"cx": 61, "cy": 192, "rx": 7, "ry": 26, "rot": -6})),
    ],
    "abdominals": [("front", False, ("rect", {"x": -14, "y": 122, "width": 28, "height": 84}))],
    "lats": [
        ("front", True, (_E, {"cx": 38, "cy": 138, "rx": 4.5, "ry": 17, "rot": -10})),
        ("back", True, ("path:M 16 128 Q 44 118 41 150 Q 37 180 13 198 Z", {})),
    ],
    "middle back": [("back", True, (_E, {"cx": 13, "cy": 116, "rx": 8, "ry": 15, "rot": 0}))],
    "lower back": [("back", True, (_E, {"cx": 7, "cy": 188, "rx": 6, "ry": 26, "rot": 0}))],
    "glutes": [("back", True, (_E, {"cx": 17, "cy": 238, "rx": 17, "ry": 18, "rot": 0}))],
    "abductors": [
        ("front", True, (_E, {"cx": 35, "cy": 240, "rx": 6, "ry": 16, "rot": -6})),
        ("back", True, (_E, {"cx": 33, "cy": 221, "rx": 7, "ry": 9, "rot": 0})),
    ],
    "adductors": [
        ("front", True, (_E, {"cx": 8, "cy": 274, "rx": 6, "ry": 22, "rot": 6})),
        ("back", True, (_E, {"cx": 7, "cy": 284, "rx": 5, "ry": 18, "rot": 6})),
    ],
    "quadriceps": [("front", True, (_E, {"cx": 22, "cy": 298, "rx": 13, "ry": 42, "rot": 0}))],
    "hamstrings": [("back", True, (_E, {"cx": 21, "cy": 306, "rx": 12, "ry": 40, "rot": 0}))],
    "calves": [
        ("front", True, (_E, {"cx": 24, "cy": 378, "rx": 6, "ry": 22, "rot": 0})),
        ("back", True, (_E, {"cx": 19, "cy": 374, "rx": 10, "ry": 24, "rot": 0})),
        ("back", True, (_E, {"cx": 19, "cy": 404, "rx": 7, "ry": 13, "rot": 0})),
    ],
}

# The trapezius lies over the rhomboids: draw it first so they show on top of it.
DRAW_ORDER = ("traps", *(g for g in MUSCLE_GROUPS if g != "traps"))

# Where each named muscle's label points: (figure, x of the point, y), x relative to the centre.
# The back figure's labels sit on its right, the front figure's on its left.
LABEL_POINTS: dict[str, tuple[str, float, float]] = {
    "trapezius": ("back", 20, 82),
    "rhomboid major": ("back", 13, 122),
    "rhomboid minor": ("back", 13, 106),
    "latissimus dorsi": ("back", 34, 150),
    "erector spinae": ("back", 8, 196),
    "gluteus maximus": ("back", 24, 240),
    "hamstrings": ("back", 26, 310),
    "gastrocnemius": ("back", 25, 370),
    "soleus": ("back", 22, 408),
    "deltoids": ("front", -48, 96),
    "rectus abdominis": ("front", -10, 160),
    "quadriceps": ("front", -26, 296),
}


def this_week(weeks: pd.DataFrame) -> pd.DataFrame:
    """The last week's rows of `muscle_weeks` (the week the map shows)."""
    last: pd.DataFrame = weeks[weeks["week_start"] == weeks["week_start"].max()]
    return last.reset_index(drop=True)


def fill_colour(status: str, hard_sets: float) -> str:
    """The fill of a muscle group: its status colour, or a neutral when there is nothing to say."""
    if status == "no target":
        return NO_TARGET_TRAINED if hard_sets > 0 else UNTRAINED
    return STATUS_COLOURS.get(status, UNTRAINED)


def describe(row: Mapping[Any, Any]) -> str:
    """One line about a muscle group's week: `glutes: 12.5 hard sets, productive (MEV 0 ...)`."""
    sets = float(row["hard_sets"])
    status = str(row["target_status"])
    text = f"{row['muscle_group']}: {sets:g} hard sets this week"
    if status == "no target":
        return text + " (no landmarks for this group)"
    bands = (
        f"MEV {float(row['mev_sets']):g}, MAV {float(row['mav_low_sets']):g}"
        f"\u2013{float(row['mav_high_sets']):g}, MRV {float(row['mrv_sets']):g}"
    )
    return f"{text}, {STATUS_LABELS.get(status, status)} ({bands})"


def body_svg(
    week: pd.DataFrame, selected: str | None = None, muscles: Iterable[str] = LABEL_POINTS
) -> str:
    """The front and back figures as one SVG, coloured by each group's status this week.

    Args:
        week: one row per muscle group with `hard_sets` and `target_status` (and landmarks).
        selected: a muscle group drawn with a dark outline.
        muscles: the named muscles to label (those of the `muscles` reference table).
    """
    rows = {str(r["muscle_group"]): r for r in week.to_dict("records")}
    fills, statuses, titles = {}, {}, {}
    for group in MUSCLE_GROUPS:
        row = rows.get(group)
        status = "" if row is None else str(row["target_status"])
        fills[group] = fill_colour(status, 0.0 if row is None else float(row["hard_sets"]))
        statuses[group] = status
        titles[group] = group if row is None else describe(row)
    legend = [(STATUS_COLOURS[s], STATUS_LABELS[s]) for s in list(STATUS_LABELS)[:4]]
    legend.append((NO_TARGET_TRAINED, "trained, no landmarks"))
    return _svg(fills, statuses, titles, selected, muscles, legend)


def anatomy_svg(roles: Mapping[str, str], muscles: Iterable[str] = LABEL_POINTS) -> str:
    """The same figures for a workout: groups it trains as a main or a helping muscle.

    Args:
        roles: muscle group to `primary` or `secondary` (groups left out are not trained).
        muscles: the named muscles to label.
    """
    colours = {"primary": MAIN, "secondary": HELPING}
    words = {"primary": "main muscle", "secondary": "helping muscle"}
    fills = {g: colours.get(roles.get(g, ""), UNTRAINED) for g in MUSCLE_GROUPS}
    titles = {g: f"{g}: {words.get(roles.get(g, ''), 'not trained')}" for g in MUSCLE_GROUPS}
    legend = [(MAIN, "main muscle"), (HELPING, "helping muscle"), (UNTRAINED, "not trained")]
    return _svg(fills, dict(roles), titles, None, muscles, legend)


def _svg(
    fills: Mapping[str, str],
    statuses: Mapping[str, str],
    titles: Mapping[str, str],
    selected: str | None,
    muscles: Iterable[str],
    legend: list[tuple[str, str]],
) -> str:
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" '
        'aria-label="Front and back body map of the muscle groups" font-family="sans-serif">',
        f'<g id="silhouette" fill="{SKIN}" stroke="{OUTLINE}" stroke-width="1.2">',
    ]
    for centre in (FRONT_X, BACK_X):
        parts += [_element(shape, centre, 1) for shape in _BODY]
        parts += [_element(shape, centre, side) for shape in _BODY_PAIRS for side in (1, -1)]
    parts.append("</g>")
    for group in DRAW_ORDER:
        chosen = group == selected
        stroke = f'stroke="{INK}" stroke-width="2.4"' if chosen else 'stroke="#ffffff"'
        parts.append(
            f'<g id="muscle-{group.replace(" ", "-")}" data-muscle="{group}" '
            f'data-status="{html.escape(statuses.get(group, ""))}" fill="{fills[group]}" '
            f"{stroke}><title>{html.escape(titles[group])}</title>"
        )
        for figure, paired, shape in MUSCLE_SHAPES[group]:
            centre = FRONT_X if figure == "front" else BACK_X
            sides = (1, -1) if paired else (1,)
            parts += [_element(shape, centre, side) for side in sides]
        parts.append("</g>")
    parts += _labels(muscles)
    parts += [
        f'<text x="{FRONT_X}" y="462" text-anchor="middle" font-size="13" fill="{INK}">'
        "front</text>",
        f'<text x="{BACK_X}" y="462" text-anchor="middle" font-size="13" fill="{INK}">back</text>',
        *_legend(legend),
        "</svg>",
    ]
    return "".join(parts)


def _element(shape: Shape, centre: float, side: int) -> str:
    """One shape, mirrored to `side` (1 right of the centre line as drawn, -1 left)."""
    kind, attrs = shape
    if kind.startswith("path:"):
        return f'<path d="{_mirror_path(kind[5:], centre, side)}"/>'
    values = dict(attrs)
    rot = values.pop("rot", 0.0) * side
    if "cx" in values:
        values["cx"] = centre + side * values["cx"]
    if "x" in values:
        values["x"] = centre + (values["x"] if side == 1 else -values["x"] - values["width"])
    text = " ".join(f'{k}="{v:g}"' for k, v in values.items())
    if rot and "cx" in values:
        text += f' transform="rotate({rot:g} {values["cx"]:g} {values["cy"]:g})"'
    return f"<{kind} {text}/>"


def _mirror_path(d: str, centre: float, side: int) -> str:
    """A path's x coordinates mirrored and moved onto a figure (`M x y L x y Q x y x y`)."""
    out, numbers = [], 0
    for token in d.split():
        if token.isalpha():
            out.append(token)
            numbers = 0
            continue
        value = float(token)
        out.append(f"{centre + side * value:g}" if numbers % 2 == 0 else f"{value:g}")
        numbers += 1
    return " ".join(out)


def _labels(muscles: Iterable[str]) -> list[str]:
    parts = []
    for muscle in muscles:
        if muscle not in LABEL_POINTS:
            continue
        figure, x, y = LABEL_POINTS[muscle]
        if figure == "back":
            point, text_x, anchor = BACK_X + x, BACK_X + 78, "start"
        else:
            point, text_x, anchor = FRONT_X + x, FRONT_X - 78, "end"
        end = text_x - 3 if anchor == "start" else text_x + 3
        parts.append(
            f'<line x1="{point:g}" y1="{y:g}" x2="{end:g}" y2="{y:g}" stroke="{INK}" '
            'stroke-width="0.6" opacity="0.6"/>'
            f'<text x="{text_x:g}" y="{y + 4:g}" text-anchor="{anchor}" font-size="11.5" '
            f'fill="{INK}">{html.escape(muscle)}</text>'
        )
    return parts


def _legend(items: list[tuple[str, str]]) -> list[str]:
    parts, x, y = [], 10.0, 482.0
    for colour, label in items:
        width = 16 + 6.2 * len(label)
        if x + width > WIDTH:
            x, y = 10.0, y + 16
        parts.append(
            f'<rect x="{x:g}" y="{y - 9:g}" width="10" height="10" rx="2" fill="{colour}" '
            f'stroke="{OUTLINE}" stroke-width="0.5"/>'
            f'<text x="{x + 14:g}" y="{y:g}" font-size="11" fill="{INK}">'
            f"{html.escape(label)}</text>"
        )
        x += width + 10
    return parts
