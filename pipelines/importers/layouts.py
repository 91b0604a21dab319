"""Recognising an export from its first row: which app, which layout, which units.

The file name is never used. The first row is read with each candidate delimiter (`,`, `;`,
tab); the one that gives 8 to 14 columns wins. Each header cell is normalised (case, accents,
punctuation) and looked up in a table of the names the apps use in every language we know,
so a French or German Strong export maps onto the same columns as an English one. A Strong
file without a header row is recognised by its shape: a date in the first column and the
column count of one of Strong's layouts.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipelines.errors import LiftboardError
from pipelines.importers import values

FORMATS = ("auto", "strong", "hevy", "fitnotes", "liftboard")
MIN_COLUMNS, MAX_COLUMNS = 8, 14
_SNIFF_BYTES = 256 * 1024
# A large file is checked and hashed this many bytes at a time, never held whole.
_BLOCK_BYTES = 4 * 1024 * 1024

Source = str | os.PathLike[str] | bytes


def header_key(text: str) -> str:
    """A header cell reduced for lookup: `"Nom de l'entraînement"` → `nom de l entrainement`."""
    decomposed = unicodedata.normalize("NFKD", str(text).replace("\ufeff", ""))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return re.sub(r"[\W_]+", " ", stripped).strip()


def _aliases(canonical: str, unit: str | None, *names: str) -> dict[str, tuple[str, str | None]]:
    return {header_key(name): (canonical, unit) for name in names}


# Every header cell we know: normalised text → (canonical column, unit the header states).
HEADER_ALIASES: dict[str, tuple[str, str | None]] = {
    **_aliases(
        "date", None, "Date", "Datum", "Fecha", "Data", "Дата", "日期", "日付", "날짜", "start_time"
    ),
    **_aliases("end_time", None, "end_time"),
    **_aliases(
        "workout_no",
        None,
        "Workout #",
        "Workout Number",
        "N° d'entraînement",
        "Entraînement #",
        "Workout-Nr.",
        "Workout Nr",
        "Entrenamiento #",
        "Treino #",
        "Allenamento #",
        "Тренировка #",
        "训练编号",
        "锻炼编号",
        "ワークアウト #",
        "운동 #",
    ),
    **_aliases(
        "workout_name",
        None,
        "Workout Name",
        "Nom de l'entraînement",
        "Workout-Name",
        "Trainingsname",
        "Name des Workouts",
        "Nombre del entrenamiento",
        "Nombre de entrenamiento",
        "Nome dell'allenamento",
        "Nome do treino",
        "Nome do Treino",
        "Название тренировки",
        "Название",
        "训练名称",
        "锻炼名称",
        "训练名",
        "健身名称",
        "ワークアウト名",
        "トレーニング名",
        "운동 이름",
        "운동이름",
        "워크아웃 이름",
        "title",
    ),
    **_aliases(
        "duration",
        None,
        "Duration",
        "Durée",
        "Dauer",
        "Duración",
        "Durata",
        "Duração",
        "Длительность",
        "Продолжительность",
        "时长",
        "持续时间",
        "训练时长",
        "锻炼时长",
        "時間",
        "所要時間",
        "시간",
        "기간",
        "운동 시간",
        "Workout Duration",
        "Durée de l'entraînement",
        "Workout-Dauer",
        "Trainingsdauer",
    ),
    **_aliases(
        "duration",
        "s",
        "Duration (sec)",
        "Durée (sec)",
        "Dauer (Sek.)",
        "Duración (seg)",
        "Durata (sec)",
        "Duração (seg)",
        "Длительность (сек)",
        "时长 (秒)",
        "時間 (秒)",
        "시간 (초)",
        "Duration (seconds)",
    ),
    **_aliases(
        "exercise",
        None,
        "Exercise Name",
        "Nom de l'exercice",
        "Name der Übung",
        "Übungsname",
        "Übung",
        "Nombre del ejercicio",
        "Nome dell'esercizio",
        "Nome do exercício",
        "Название упражнения",
        "Упражнение",
        "动作名称",
        "练习名称",
        "运动名称",
        "锻炼项目",
        "动作",
        "エクササイズ名",
        "種目名",
        "種目",
        "운동명",
        "운동 종목",
        "종목",
        "exercise_title",
        "Exercise",
        "Exercice",
        "Ejercicio",
        "Esercizio",
        "Exercício",
    ),
    **_aliases(
        "set_order",
        None,
        "Set Order",
        "Ordre de la série",
        "Ordre des séries",
        "Reihenfolge festlegen",
        "Satzreihenfolge",
        "Satz",
        "Orden de la serie",
        "Orden de series",
        "Ordine della serie",
        "Ordine delle serie",
        "Ordem da série",
        "Ordem das séries",
        "Порядок подходов",
        "Порядок подхода",
        "Подход",
        "组序",
        "组顺序",
        "设置顺序",
        "组别",
        "组",
        "セット順",
        "セット順序",
        "セット",
        "세트 순서",
        "세트순서",
        "세트",
    ),
    **_aliases(
        "weight",
        None,
        "Weight",
        "Poids",
        "Gewicht",
        "Peso",
        "Вес",
        "重量",
        "重さ",
        "무게",
        "중량",
    ),
    **_aliases(
        "weight",
        "kg",
        "Weight (kg)",
        "Weight (kgs)",
        "kg",
        "kgs",
        "weight_kg",
        "Poids (kg)",
        "Gewicht (kg)",
        "Peso (kg)",
        "Вес (кг)",
        "重量 (kg)",
        "重量 (公斤)",
        "무게 (kg)",
    ),
    **_aliases(
        "weight",
        "lb",
        "Weight (lbs)",
        "Weight (lb)",
        "lb",
        "lbs",
        "weight_lbs",
        "Poids (lb)",
        "Poids (lbs)",
        "Gewicht (lbs)",
        "Gewicht (lb)",
        "Peso (lb)",
        "Peso (lbs)",
        "Вес (фунты)",
        "重量 (lbs)",
        "重量 (磅)",
        "무게 (lbs)",
    ),
    **_aliases(
        "weight_unit",
        None,
        "Weight Unit",
        "Unité de poids",
        "Gewichtseinheit",
        "Unidad de peso",
        "Unità di peso",
        "Unidade de peso",
        "Единица веса",
        "重量单位",
        "重量単位",
        "무게 단위",
    ),
    **_aliases(
        "reps",
        None,
        "Reps",
        "Réps",
        "Répétitions",
        "Wiederh.",
        "Wiederholungen",
        "Wdh.",
        "Repeticiones",
        "Reps.",
        "Rep",
        "Ripetizioni",
        "Ripet.",
        "Repetições",
        "Повторения",
        "Повторы",
        "Повт.",
        "次数",
        "重复次数",
        "次",
        "レップ",
        "レップ数",
        "回数",
        "回",
        "횟수",
        "반복",
        "반복 횟수",
        "회",
    ),
    **_aliases("rpe", None, "RPE"),
    **_aliases(
        "distance",
        None,
        "Distance",
        "Distanz",
        "Entfernung",
        "Strecke",
        "Distancia",
        "Distanza",
        "Distância",
        "Дистанция",
        "Расстояние",
        "距离",
        "距離",
        "거리",
    ),
    **_aliases("distance", "km", "km", "Distance (km)", "distance_km", "Distanz (km)"),
    **_aliases("distance", "mi", "mi", "Distance (mi)", "distance_miles", "Distance (miles)"),
    **_aliases(
        "distance",
        "m",
        "Distance (meters)",
        "Distance (m)",
        "Distance (metres)",
        "Distance (mètres)",
        "Distanz (Meter)",
        "Distancia (metros)",
        "Distanza (metri)",
        "Distância (metros)",
        "Дистанция (м)",
        "距离 (米)",
        "距離 (メートル)",
        "거리 (미터)",
    ),
    **_aliases(
        "distance_unit",
        None,
        "Distance Unit",
        "Unité de distance",
        "Distanzeinheit",
        "Entfernungseinheit",
        "Unidad de distancia",
        "Unità di distanza",
        "Unidade de distância",
        "Единица расстояния",
        "距离单位",
        "距離単位",
        "거리 단위",
    ),
    **_aliases(
        "seconds",
        None,
        "Seconds",
        "Secondes",
        "Sekunden",
        "Segundos",
        "Secondi",
        "Секунды",
        "秒",
        "秒数",
        "초",
        "duration_seconds",
    ),
    **_aliases("time", None, "Time"),
    **_aliases(
        "notes",
        None,
        "Notes",
        "Notizen",
        "Notas",
        "Note",
        "Notiz",
        "Заметки",
        "Примечания",
        "备注",
        "笔记",
        "メモ",
        "ノート",
        "메모",
        "노트",
        "exercise_notes",
        "Comment",
        "Kommentar",
        "Commentaire",
    ),
    **_aliases(
        "workout_notes",
        None,
        "Workout Notes",
        "Notes de l'entraînement",
        "Notes d'entraînement",
        "Workout-Notizen",
        "Trainingsnotizen",
        "Notas del entrenamiento",
        "Notas de entrenamiento",
        "Note dell'allenamento",
        "Notas do treino",
        "Заметки к тренировке",
        "Заметки тренировки",
        "训练备注",
        "锻炼备注",
        "健身备注",
        "ワークアウトメモ",
        "ワークアウトのメモ",
        "トレーニングメモ",
        "운동 메모",
        "운동메모",
        "워크아웃 메모",
        "description",
    ),
    **_aliases("set_index", None, "set_index"),
    **_aliases("set_type", None, "set_type"),
    **_aliases("superset_id", None, "superset_id"),
    **_aliases("category", None, "Category", "Kategorie", "Catégorie", "Categoría"),
}

# Strong's layouts without a header row, by column count (see REFERENCE: the header lines).
_STRONG_HEADERLESS: dict[tuple[str, int], tuple[str, ...]] = {
    (",", 12): (
        "date",
        "workout_name",
        "duration",
        "exercise",
        "set_order",
        "weight",
        "reps",
        "distance",
        "seconds",
        "notes",
        "workout_notes",
        "rpe",
    ),
    (",", 10): (
        "date",
        "workout_name",
        "duration",
        "exercise",
        "set_order",
        "weight",
        "reps",
        "distance",
        "seconds",
        "rpe",
    ),
    (",", 11): (
        "date",
        "workout_name",
        "exercise",
        "set_order",
        "weight",
        "reps",
        "distance",
        "seconds",
        "notes",
        "workout_notes",
        "rpe",
    ),
    (",", 9): (
        "date",
        "workout_name",
        "exercise",
        "set_order",
        "weight",
        "reps",
        "distance",
        "seconds",
        "notes",
    ),
    (",", 8): (
        "date",
        "workout_name",
        "exercise",
        "set_order",
        "weight",
        "reps",
        "distance",
        "seconds",
    ),
    (";", 13): (
        "date",
        "workout_name",
        "exercise",
        "set_order",
        "weight",
        "weight_unit",
        "reps",
        "rpe",
        "distance",
        "distance_unit",
        "seconds",
        "notes",
        "workout_notes",
    ),
    (";", 14): (
        "date",
        "workout_name",
        "exercise",
        "set_order",
        "weight",
        "weight_unit",
        "reps",
        "rpe",
        "distance",
        "distance_unit",
        "seconds",
        "notes",
        "workout_notes",
        "duration",
    ),
}
# The 2019 layout without Duration, also 10 columns: told apart by what the third column holds.
_STRONG_2019_NO_RPE = (
    "date",
    "workout_name",
    "exercise",
    "set_order",
    "weight",
    "reps",
    "distance",
    "seconds",
    "notes",
    "workout_notes",
)
_STRONG_NEWEST_HEADERLESS = (
    "workout_no",
    "date",
    "workout_name",
    "duration",
    "exercise",
    "set_order",
    "weight",
    "reps",
    "rpe",
    "distance",
    "seconds",
    "notes",
    "workout_notes",
)


@dataclass(frozen=True)
class Layout:
    """What an export file is: the app, the variant, and how to read its columns."""

    app: str
    variant: str
    description: str
    delimiter: str
    has_header: bool
    headers: tuple[str, ...]
    columns: tuple[str | None, ...]
    weight_unit: str | None
    distance_unit: str | None
    duration_unit: str | None = None
    # Header cells not recognised, read by their place in Strong's layout instead.
    by_position: tuple[str, ...] = ()

    @property
    def needs_unit(self) -> bool:
        """True when the file does not say whether weights are kg or lb."""
        return self.weight_unit is None

    def header_for(self, canonical: str) -> str:
        """The file's own header text for a canonical column (for messages)."""
        for header, column in zip(self.headers, self.columns, strict=True):
            if column == canonical:
                return header
        return canonical


@dataclass(frozen=True)
class PreparedFile:
    """An export ready for DuckDB: a UTF-8 file on disk and the first rows as text."""

    path: Path
    head: str
    encoding: str
    checksum: str = ""  # SHA-256 of the bytes as given, to recognise the same file again


def _decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was in: UTF-8 (with or without BOM), UTF-16, else cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


@contextmanager
def prepared(source: Source) -> Iterator[PreparedFile]:
    """Give the export as a UTF-8 file on disk (a temporary copy when needed)."""
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
        path = None
    else:
        path = Path(source)
        # DuckDB reads `*`, `?` and `[` in a path as a pattern: such names are read from a copy.
        if not set(str(path)) & set("*?[]{}"):
            checked = _checked_utf8(path)
            if checked is not None:
                head, checksum = checked
                yield PreparedFile(path, head, "utf-8", checksum)
                return
        data = _read_bytes(path)
    if not data or data.isspace():
        raise LiftboardError("The file is empty: there is nothing to import.")
    checksum = hashlib.sha256(data).hexdigest()
    text, encoding = _decode(data)
    del data
    head = text[:_SNIFF_BYTES]
    with tempfile.TemporaryDirectory(prefix="liftboard-import-") as folder:
        copy = Path(folder) / "export.csv"
        copy.write_text(text, encoding="utf-8")
        del text
        yield PreparedFile(copy, head, encoding, checksum)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise LiftboardError(f"The file {path} does not exist.") from None
    except IsADirectoryError:
        raise LiftboardError(f"{path} is a folder, not an export file.") from None
    except OSError as exc:
        raise LiftboardError(f"The file {path} cannot be read ({exc.strerror}).") from None


def _checked_utf8(path: Path) -> tuple[str, str] | None:
    """The head and checksum of a UTF-8 file, read a block at a time (never whole).

    Returns None when the file is not UTF-8, is empty or cannot be opened: the caller then
    reads it whole, which decodes it otherwise or says what is wrong.
    """
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    head: list[str] = []
    held = 0
    blank = True
    try:
        with path.open("rb") as stream:
            first = stream.read(2)
            if first in (b"\xff\xfe", b"\xfe\xff"):
                return None  # UTF-16: decoded whole and copied
            block = first + stream.read(_BLOCK_BYTES)
            while block:
                digest.update(block)
                blank = blank and block.isspace()
                text = decoder.decode(block)
                if held < _SNIFF_BYTES:
                    head.append(text[: _SNIFF_BYTES - held])
                    held += len(head[-1])
                block = stream.read(_BLOCK_BYTES)
            decoder.decode(b"", final=True)
    except (OSError, UnicodeDecodeError):
        return None
    if blank:
        return None
    return "".join(head), digest.hexdigest()


def _first_rows(head: str, delimiter: str, rows: int = 6) -> list[list[str]]:
    """The first rows of the file, read by pandas with one delimiter."""
    try:
        frame = pd.read_csv(
            io.StringIO(head),
            sep=delimiter,
            header=None,
            nrows=rows,
            dtype=str,
            keep_default_na=False,
            engine="python",
            quotechar='"',
            skip_blank_lines=True,
            on_bad_lines="skip",
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, csv.Error):
        return []  # not readable with this delimiter: another one will be
    return [[str(c) for c in record] for record in frame.itertuples(index=False)]


def _header_columns(cells: list[str]) -> list[tuple[str, str | None] | None]:
    return [HEADER_ALIASES.get(header_key(c)) for c in cells]


def _looks_like_date(cell: str) -> bool:
    stamp, bad = values.timestamps(pd.Series([cell]))
    return not bool(bad.iloc[0]) and not pd.isna(stamp.iloc[0])


def detect_layout(source: Source, fmt: str = "auto") -> Layout:
    """Recognise the app and layout of an export from its first row.

    Args:
        source: A path or the file's bytes.
        fmt: `auto`, or the app the user says it is (checked against the header).

    Raises:
        LiftboardError: The file is not a layout we know, or not the app named by `fmt`.
    """
    with prepared(source) as file:
        return layout_of(file.head, fmt)


def layout_of(head: str, fmt: str = "auto") -> Layout:
    """Recognise the layout from the first part of the file's text."""
    if fmt not in FORMATS:
        raise LiftboardError(f"Unknown format {fmt!r}: choose one of {', '.join(FORMATS)}.")
    best: tuple[int, str, list[list[str]]] | None = None
    for delimiter in (",", ";", "\t"):
        rows = _first_rows(head, delimiter)
        if not rows:
            continue
        width = len(rows[0])
        score = width if MIN_COLUMNS <= width <= MAX_COLUMNS else -1
        if delimiter == "," and rows[0] and header_key(rows[0][0]) == "athlete":
            score = 100  # our own export is wider than the other apps' files
        if best is None or score > best[0]:
            best = (score, delimiter, rows)
    if best is None or best[0] < 0:
        width = len(best[2][0]) if best else 0
        raise LiftboardError(
            "This file is not an export Liftboard recognises: its first line has "
            f"{width} column(s), while Strong, Hevy and FitNotes exports have 8 to 14 "
            "(separated by commas or semicolons), and Liftboard's own sets export starts with "
            "an 'athlete' column."
        )
    _, delimiter, rows = best
    layout = (
        _with_header(rows, delimiter)
        or _without_header(rows, delimiter)
        or _by_position(rows, delimiter)
    )
    if layout is None:
        shown = ", ".join(rows[0][:14])
        raise LiftboardError(
            f"This file's first line ({shown}) is not the header of a Strong, Hevy, FitNotes "
            "or Liftboard export, and its rows do not have the shape of a Strong export."
        )
    if fmt not in ("auto", layout.app):
        raise LiftboardError(
            f"You chose --format {fmt}, but this file looks like {layout.description}. "
            "Use --format auto, or check that you picked the right file."
        )
    return layout


def _with_header(rows: list[list[str]], delimiter: str) -> Layout | None:
    cells = rows[0]
    keys = [header_key(c) for c in cells]
    headers = tuple(c.strip().replace("\ufeff", "") for c in cells)
    if {"athlete", "exercise", "set index", "weight kg", "entered unit"} <= set(keys):
        return Layout(
            "liftboard",
            "liftboard-sets",
            "Liftboard's own sets export",
            delimiter,
            True,
            headers,
            tuple(k.replace(" ", "_") for k in keys),
            "row",
            "m",
        )
    mapped = _header_columns(cells)
    columns = tuple(m[0] if m else None for m in mapped)
    units: dict[str, str | None] = {m[0]: m[1] for m in mapped if m and m[1]}
    known = {c for c in columns if c}
    if len(known) < 4:
        return None
    if "exercise title" in keys or ("set type" in keys and "start time" in keys):
        resaved = delimiter != "," or len(cells) < 14
        return Layout(
            "hevy",
            "hevy-resaved" if resaved else "hevy",
            "a Hevy export" + (" re-saved by a spreadsheet" if resaved else ""),
            delimiter,
            True,
            headers,
            columns,
            units.get("weight", "kg"),
            units.get("distance", "km"),
        )
    if "category" in known and "workout_name" not in known:
        weight_unit: str | None = "row" if "weight_unit" in known else units.get("weight")
        variant = {"row": "fitnotes", "kg": "fitnotes-kgs", "lb": "fitnotes-lbs"}.get(
            weight_unit or "", "fitnotes-no-unit"
        )
        what = {"row": "unit on every row", "kg": "weights in kgs", "lb": "weights in lbs"}.get(
            weight_unit or "", "no unit column"
        )
        if "notes" in known:
            variant += "-comment"
            what += ", with comments"
        return Layout(
            "fitnotes",
            variant,
            f"a FitNotes export ({what})",
            delimiter,
            True,
            headers,
            columns,
            weight_unit,
            "row" if "distance_unit" in known else units.get("distance"),
        )
    if None in columns:
        # A localised Strong header we only partly know: the cells we know must sit where
        # Strong's layout of that width has them; the others are read by position.
        shape = _strong_shape(rows, delimiter, header=True)
        if shape is not None and all(
            c is None or c == s for c, s in zip(columns, shape, strict=True)
        ):
            unknown = tuple(h for h, c in zip(headers, columns, strict=True) if c is None)
            layout = _strong_layout(delimiter, True, headers, shape, units, cells)
            return _positional(layout, unknown)
    if {"date", "exercise", "set_order"} <= known:
        return _strong_layout(delimiter, True, headers, columns, units, cells)
    return None


def _strong_shape(rows: list[list[str]], delimiter: str, *, header: bool) -> tuple[str, ...] | None:
    """The columns of Strong's layout that fits the data rows' width and first cells."""
    data = rows[1:] if header else rows
    if not data:
        return None
    first = data[0]
    width = len(rows[0])
    if len(first) != width:
        return None
    if len(first) > 1 and first[0].strip().isdigit() and _looks_like_date(first[1]):
        return _STRONG_NEWEST_HEADERLESS if width == len(_STRONG_NEWEST_HEADERLESS) else None
    if not _looks_like_date(first[0]):
        return None
    shape = _STRONG_HEADERLESS.get((delimiter, width))
    if (delimiter, width) == (",", 10):
        durations = [r[2] for r in data if len(r) > 2]
        _, bad = values.durations(pd.Series(durations, dtype=object))
        if bad.any():
            shape = _STRONG_2019_NO_RPE
    return shape


def _by_position(rows: list[list[str]], delimiter: str) -> Layout | None:
    """A header row in a language we do not know, above rows with the shape of Strong's."""
    if _looks_like_date(rows[0][0]) if rows[0] else True:
        return None
    shape = _strong_shape(rows, delimiter, header=True)
    if shape is None:
        return None
    headers = tuple(c.strip().replace("\ufeff", "") for c in rows[0])
    units: dict[str, str | None] = {}
    if shape is _STRONG_NEWEST_HEADERLESS:
        units = {"weight": "kg", "distance": "m", "duration": "s"}
    layout = _strong_layout(delimiter, True, headers, shape, units, rows[0])
    return _positional(layout, headers)


def _positional(layout: Layout, unknown: tuple[str, ...]) -> Layout:
    """The layout, saying which header cells were read by position."""
    return Layout(
        layout.app,
        layout.variant,
        layout.description.replace(")", "; columns read by position)"),
        layout.delimiter,
        layout.has_header,
        layout.headers,
        layout.columns,
        layout.weight_unit,
        layout.distance_unit,
        layout.duration_unit,
        unknown,
    )


# Strong's English header text for each canonical column, to say what a column was read as.
ENGLISH_HEADERS = {
    "date": "Date",
    "workout_no": "Workout #",
    "workout_name": "Workout Name",
    "duration": "Duration",
    "exercise": "Exercise Name",
    "set_order": "Set Order",
    "weight": "Weight",
    "weight_unit": "Weight Unit",
    "reps": "Reps",
    "rpe": "RPE",
    "distance": "Distance",
    "distance_unit": "Distance Unit",
    "seconds": "Seconds",
    "notes": "Notes",
    "workout_notes": "Workout Notes",
}


def _strong_layout(
    delimiter: str,
    has_header: bool,
    headers: tuple[str, ...],
    columns: tuple[str | None, ...],
    units: dict[str, str | None],
    cells: list[str],
) -> Layout:
    """The Strong variant, told apart by the columns it has and the units its header states."""
    known = set(columns)
    english = all(header_key(c) in _ENGLISH for c in cells) if has_header else True
    language = "" if english else ", localised headers"
    duration_unit = units.get("duration")
    if "weight_unit" in known:
        return Layout(
            "strong",
            "strong-android",
            f"a Strong export (Android, unit on every row{language})",
            delimiter,
            has_header,
            headers,
            columns,
            "row",
            "row" if "distance_unit" in known else None,
            duration_unit,
        )
    if "workout_no" in known or units.get("distance") == "m" or duration_unit == "s":
        return Layout(
            "strong",
            "strong-newest",
            f"a Strong export (newest layout, kg{language})",
            delimiter,
            has_header,
            headers,
            columns,
            units.get("weight", "kg"),
            units.get("distance", "m"),
            duration_unit or "s",
        )
    weight_unit = units.get("weight")
    if weight_unit is not None:
        year = "2017" if weight_unit == "kg" else "2016"
        return Layout(
            "strong",
            f"strong-{year}",
            f"a Strong export ({year} layout, {weight_unit}{language})",
            delimiter,
            has_header,
            headers,
            columns,
            weight_unit,
            units.get("distance"),
        )
    variant = "strong-classic" if "duration" in known else "strong-2019"
    what = "classic layout" if "duration" in known else "2019 layout, no duration"
    return Layout(
        "strong",
        variant,
        f"a Strong export ({what}{language}; no unit column)",
        delimiter,
        has_header,
        headers,
        columns,
        None,
        None,
    )


def _without_header(rows: list[list[str]], delimiter: str) -> Layout | None:
    """A Strong export whose header row is missing, recognised by the shape of its rows."""
    first = rows[0]
    width = len(first)
    units: dict[str, str | None] = {}
    shape: tuple[str, ...] | None
    if len(first) > 1 and first[0].strip().isdigit() and _looks_like_date(first[1]):
        shape = _STRONG_NEWEST_HEADERLESS if width == len(_STRONG_NEWEST_HEADERLESS) else None
        units = {"weight": "kg", "distance": "m", "duration": "s"}
    elif first and _looks_like_date(first[0]):
        shape = _STRONG_HEADERLESS.get((delimiter, width))
        if (delimiter, width) == (",", 10):
            durations = [r[2] for r in rows if len(r) > 2]
            _, bad = values.durations(pd.Series(durations, dtype=object))
            if bad.any():
                shape = _STRONG_2019_NO_RPE
        if width == 9:
            units = {"weight": "kg", "distance": "km"}
        elif width == 8:
            units = {"weight": "lb", "distance": "mi"}
    else:
        shape = None
    if shape is None:
        return None
    layout = _strong_layout(delimiter, False, shape, shape, units, first)
    return Layout(
        layout.app,
        layout.variant + "-headerless",
        layout.description.replace("a Strong export", "a Strong export without a header row"),
        layout.delimiter,
        False,
        layout.headers,
        layout.columns,
        layout.weight_unit,
        layout.distance_unit,
        layout.duration_unit,
    )


_ENGLISH = {
    header_key(h)
    for h in (
        "Date",
        "Workout Name",
        "Duration",
        "Exercise Name",
        "Set Order",
        "Weight",
        "Reps",
        "Distance",
        "Seconds",
        "Notes",
        "Workout Notes",
        "RPE",
        "Weight Unit",
        "Distance Unit",
        "Workout Duration",
        "Workout #",
        "Duration (sec)",
        "Weight (kg)",
        "Distance (meters)",
        "kg",
        "lb",
        "km",
        "mi",
    )
}
