"""Importing an export: recognise it, read it, match exercise names, validate, write once.

`import_file` is the one entry point the CLI and the Data page share. Every accepted row of a
file is written in one transaction; rows that break a rule are listed in the report (line,
column, value, reason) and left out, unless `strict` is set, in which case nothing is written.
Sessions and sets carry source keys, so importing the same file again adds nothing and a later
export of the same account adds only what is new.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import pandera.pandas as pa
import pyarrow

from pipelines.athletes import DEFAULT_ATHLETE
from pipelines.errors import LiftboardError, Problem, ValidationError
from pipelines.exercise_matching import (
    CUSTOM_PREFIX,
    custom_exercise_rows,
    insert_custom_exercises,
    match_exercises,
    record_matches,
)
from pipelines.importers import fitnotes, hevy, liftboard, strong, values
from pipelines.importers.common import FileFacts, Flag, ParsedFile, RejectedRow, Survey
from pipelines.importers.layouts import ENGLISH_HEADERS, Layout, Source, layout_of, prepared
from pipelines.importers.reading import LINE, Cells, read_cells
from pipelines.importers.report import ImportReport, UnmappedName
from pipelines.names import normalise_name
from pipelines.schemas import (
    MAX_DISTANCE_M,
    MAX_REPS,
    MAX_SECONDS,
    MAX_WEIGHT_KG,
    RULES,
    UNITS,
    AthleteEntry,
    ImportedSession,
    ImportedSet,
    problems_from,
    validate,
)
from pipelines.set_entry import STORED_COLUMNS
from pipelines.writes import Write, write

Progress = Callable[[float, str], None]
Parser = Callable[[pd.DataFrame, Layout, "str | None", "str | None"], ParsedFile]

PARSERS: dict[str, Parser] = {
    "strong": strong.parse,
    "hevy": hevy.parse,
    "fitnotes": fitnotes.parse,
    "liftboard": liftboard.parse,
}

DISTANCE_CHOICES = ("km", "mi", "m")
EARLIEST = pd.Timestamp("1900-01-01")

# Plausibility limits: above them a value is imported but flagged in the report.
HEAVY_KG = 500.0
MANY_REPS = 100
LONG_WORKOUT_H = 12

# glibc keeps freed heap memory unless asked to trim it; elsewhere nothing is done.
_LIBC = next(
    (
        lib
        for lib in [ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")]
        if hasattr(lib, "malloc_trim")
    ),
    None,
)
# A Strong export longer than this is imported in parts of about this many rows (see `_Parts`).
PART_ROWS = 100_000
# The first reading of such a file takes slices of this many parts' rows (it holds less).
_SURVEY_PARTS = 2
# Rows checked by pandera at a time (every check is about one row).
_VALIDATE_ROWS = 200_000
# Which file column a stored column comes from, to name it in rejection messages.
_FILE_COLUMN = {
    "started_at": "date",
    "session_key": "date",
    "exercise_id": "exercise",
    "weight_kg": "weight",
    "entered_weight": "weight",
    "entered_unit": "weight_unit",
    "duration_s": "seconds",
    "distance_m": "distance",
    "set_type": "set_type",
}
_SET_COLUMNS = list(ImportedSet.to_schema().columns)
# The file columns kept after parsing, to quote in rejections made later.
_QUOTED = frozenset({LINE, "date", "reps", "exercise", "started_at", "exercise_id"})
# The stored set columns the plan's frame already holds under the same names.
_SET_VALUES = (*STORED_COLUMNS[1:], "set_key")
# What `sets` stores of a logged set, plus when it was logged and the export's own key.
_STORED = (*STORED_COLUMNS, "logged_at", "source_key")


class UnitRequiredError(LiftboardError):
    """The file does not say whether its weights are kg or lb, and the user did not either."""


class ImportRejectedError(ValidationError):
    """A strict import found rejected rows, so nothing was written."""

    def __init__(self, rejected: list[RejectedRow]) -> None:
        self.rejected = rejected
        problems = [Problem(r.line, r.column, r.value, r.reason) for r in rejected]
        shown = [
            f"Line {r.line}: {r.column} = {r.value!r} was rejected because {r.reason}."
            for r in rejected[:10]
        ]
        if len(rejected) > 10:
            shown.append(f"{len(rejected) - 10} more row(s) were rejected too.")
        self.problems = problems
        LiftboardError.__init__(
            self, " ".join(shown) + " With --strict nothing is imported when a row is rejected."
        )


@dataclass(frozen=True)
class Preview:
    """What the Data page shows before importing: the layout and the first rows as they are."""

    layout: Layout
    rows: pd.DataFrame

    @property
    def needs_unit(self) -> bool:
        """True when the user must say whether weights are kg or lb."""
        return self.layout.needs_unit


def detect(source: Source, fmt: str = "auto") -> Layout:
    """The layout of an export (see `layouts.detect_layout`)."""
    with prepared(source) as file:
        return layout_of(file.head, fmt)


def preview(source: Source, *, fmt: str = "auto", limit: int = 20) -> Preview:
    """The detected layout and the first `limit` rows under the file's own headers."""
    with prepared(source) as file:
        layout = layout_of(file.head, fmt)
        shown = read_cells(file, layout).frame(slice(0, max(limit, 0)))
    rows = pd.DataFrame({"line": shown[LINE]})
    for header, column in zip(layout.headers, layout.columns, strict=True):
        if column is not None and column in shown:
            rows[header] = shown[column]
    return Preview(layout, rows.reset_index(drop=True))


def import_file(
    con: duckdb.DuckDBPyConnection,
    source: Source,
    *,
    fmt: str = "auto",
    unit: str | None = None,
    distance_unit: str | None = None,
    athlete: str | None = None,
    dry_run: bool = False,
    strict: bool = False,
    progress: Progress | None = None,
    file_name: str | None = None,
    part_rows: int = PART_ROWS,
) -> ImportReport:
    """Import an export of Strong, Hevy, FitNotes or Liftboard's own `sets` CSV.

    Args:
        con: The database.
        source: A path or the file's bytes (an upload).
        fmt: `auto` (recognise from the header) or the app's name.
        unit: kg or lb; required only when the file does not say (Strong's classic layout).
        distance_unit: km, mi or m, for files that do not say; otherwise decided per exercise
            from the values (a rowing 1000 in 4 minutes is metres).
        athlete: Whose history it is (created if new); default the file's athletes for a
            Liftboard export, else "Me".
        dry_run: Work everything out but write nothing (the preview).
        strict: Write nothing when any row is rejected.
        progress: Called with (fraction done, what is happening).
        file_name: The name to record for an upload (a path's own name otherwise).
        part_rows: A Strong export longer than this is read, checked and written in parts of
            whole workouts of about this many rows (still in one transaction), which bounds
            the memory a large file takes; the result is the same as in one part.

    Returns:
        The report: rows read, sets added, duplicates, skipped and rejected rows, flagged
        values, unmatched exercise names, and the import's id in the `imports` table.

    Raises:
        UnitRequiredError: The file carries no unit and `unit` was not given.
        ImportRejectedError: `strict` and some rows were rejected (nothing written).
        LiftboardError: The file cannot be read, is not a known export, or the database
            could not store it (nothing written).
    """
    with _lean_memory():
        return _import(
            con,
            source,
            fmt=fmt,
            unit=unit,
            distance_unit=distance_unit,
            athlete=athlete,
            dry_run=dry_run,
            strict=strict,
            progress=progress,
            file_name=file_name,
            part_rows=part_rows,
        )


@contextlib.contextmanager
def _lean_memory() -> Iterator[None]:
    """Arrow's plain allocator while importing, so memory freed between parts is given back.

    Arrow's own allocator keeps freed memory for reuse, which a large import's passes over the
    file would pile up; the plain one returns it to the system.
    """
    previous = pyarrow.default_memory_pool()
    pyarrow.set_memory_pool(pyarrow.system_memory_pool())
    try:
        yield
    finally:
        pyarrow.set_memory_pool(previous)


@contextlib.contextmanager
def _small_write_buffer(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """DuckDB moves a transaction's new rows to the file a row group at a time, not five."""
    setting = "write_buffer_row_group_count"
    found = con.execute("select current_setting(?)", [setting]).fetchone()
    con.execute(f"set {setting} = 1")
    try:
        yield
    finally:
        if found is not None:
            con.execute(f"set {setting} = {int(found[0])}")


def _give_back_memory() -> None:
    """Hand memory freed by a finished part back to the system (where the C library can)."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _import(
    con: duckdb.DuckDBPyConnection,
    source: Source,
    *,
    fmt: str,
    unit: str | None,
    distance_unit: str | None,
    athlete: str | None,
    dry_run: bool,
    strict: bool,
    progress: Progress | None,
    file_name: str | None,
    part_rows: int,
) -> ImportReport:
    step = progress or (lambda fraction, message: None)
    unit = _unit(unit)
    distance_unit = _distance_unit(distance_unit)
    step(0.02, "Recognising the file")
    with prepared(source) as file:
        layout = layout_of(file.head, fmt)
        if layout.needs_unit and unit is None:
            raise UnitRequiredError(
                f"This file is {layout.description}, which does not say whether weights are "
                "in kg or lb. Import it again choosing the unit (--unit kg or --unit lb)."
            )
        step(0.1, "Reading the file")
        cells = read_cells(file, layout)
        checksum = file.checksum
    if file_name is None:
        file_name = "upload" if isinstance(source, bytes | bytearray) else Path(source).name
    if layout.app == "strong" and len(cells) > part_rows:
        parts = _Parts(con, cells, layout, unit=unit, distance_unit=distance_unit)
        del cells
        report = parts.run(
            athlete=athlete,
            dry_run=dry_run,
            strict=strict,
            part_rows=part_rows,
            step=step,
            about=(file_name, checksum),
        )
        step(1.0, "Done")
        return report
    table = cells.frame()
    del cells
    step(0.3, "Interpreting rows")
    parsed = PARSERS[layout.app](table, layout, unit, distance_unit)
    # Past this point the file's cells serve only to quote a rejected row's date or reps.
    table = table[[c for c in table.columns if c in _QUOTED]]
    plan = _Plan(con, parsed, table, athlete=athlete, unit=unit, dry_run=dry_run)
    del parsed, table  # the plan holds what it needs; the rest can go
    plan.report.file_name = file_name
    plan.report.checksum = checksum
    plan.report.distance_unit = distance_unit
    step(0.45, "Matching exercise names")
    plan.match_exercises()
    step(0.6, "Checking every row")
    plan.check_dates()
    plan.flag_implausible()
    plan.validate()
    step(0.75, "Looking for sets already imported")
    plan.skip_known()
    if strict and plan.report.rejected:
        raise ImportRejectedError(plan.report.rejected)
    if not dry_run:
        step(0.85, "Writing")
        # Every rejection is named by now; the file's cells are not needed for the write.
        plan.table = plan.table.iloc[0:0]
        plan.write()
    step(1.0, "Done")
    return plan.report


def _distance_unit(unit: str | None) -> str | None:
    if unit is None:
        return None
    cleaned = str(unit).strip().lower()
    cleaned = {"miles": "mi", "mile": "mi", "metres": "m", "meters": "m", "kms": "km"}.get(
        cleaned, cleaned
    )
    if cleaned not in DISTANCE_CHOICES:
        raise ValidationError(
            [Problem(None, "distance_unit", unit, "the distance unit must be km, mi or m")]
        )
    return cleaned


def _unit(unit: str | None) -> str | None:
    if unit is None:
        return None
    cleaned = str(unit).strip().lower()
    cleaned = {"lbs": "lb", "kgs": "kg"}.get(cleaned, cleaned)
    if cleaned not in UNITS:
        raise ValidationError([Problem(None, "unit", unit, RULES["unit"])])
    return cleaned


class _Plan:
    """The work of one import, step by step, ending in one transaction.

    Sessions are numbered 0, 1, 2 … in file order (`session_no`), so that sets and sessions
    are joined by position rather than by text, which keeps large files fast.
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        parsed: ParsedFile,
        table: pd.DataFrame,
        *,
        athlete: str | None,
        unit: str | None,
        dry_run: bool,
    ) -> None:
        self.con = con
        self.layout = parsed.layout
        self.table = table
        self.unit = unit
        sets = parsed.sets
        chosen = (athlete or "").strip()
        if chosen:
            sets["athlete"] = chosen
        else:
            sets["athlete"] = sets["athlete"].where(sets["athlete"].notna(), DEFAULT_ATHLETE)
        athletes = ", ".join(sorted(str(a) for a in sets["athlete"].unique()))
        self.report = ImportReport(
            layout=self.layout.variant,
            layout_description=self.layout.description,
            athlete=athletes,
            dry_run=dry_run,
            rows_read=parsed.rows_read,
            non_set_rows=Counter(parsed.skipped),
            rejected=list(parsed.rejected),
            warnings=list(parsed.warnings),
            flags=list(parsed.flags),
            weight_unit=self.layout.weight_unit if self.layout.weight_unit != "row" else None,
        )
        if self.layout.by_position:
            self.report.warnings.insert(0, _by_position_warning(self.layout))
        sets["session_no"] = sets.groupby(["athlete", "session_key"], sort=False).ngroup()
        # Keys are given before any row is dropped, so fixing a rejected row later and
        # importing again does not shift the keys of the rows after it. Liftboard's own
        # export carries its keys, or a set index to find a set again.
        missing = sets["set_key"].isna()
        if self.layout.app == "liftboard":
            missing = missing & sets["set_index"].isna()
        if missing.any():
            label = sets["set_label"].fillna("").astype(str)
            group = [sets["session_no"], sets["exercise"], label]
            occurrence = sets.groupby(group, sort=False).cumcount() + 1
            keys = sets["exercise"] + "|" + label + "|" + occurrence.astype(str)
            sets["set_key"] = sets["set_key"].where(~missing, keys)
        self.sets = sets
        self.custom = pd.DataFrame()
        self.new_sets = pd.DataFrame()
        self.sessions = pd.DataFrame()

    # --- exercise names ---------------------------------------------------------------------

    def match_exercises(self) -> None:
        """Give every set an exercise id: the catalog's, or a (new) custom exercise's."""
        names = _Names()
        pairs = names.add(self.sets, self.sets["session_no"].to_numpy())
        self.use_names(names.resolve(self.con), pairs)

    def use_names(self, resolved: _Resolved, pairs: np.ndarray) -> None:
        """Set each set's exercise id from the file's resolved names (`pairs`: each row's pair)."""
        self.report.guessed = resolved.guessed
        self.custom = resolved.custom
        sets = self.sets
        sets["exercise_id"] = resolved.ids.take(pairs).set_axis(sets.index)

    # --- validation -------------------------------------------------------------------------

    def validate(self) -> None:
        """Check every set with pandera; rows that fail are rejected, the rest go on."""
        sets = self.sets
        keep = np.ones(len(sets), dtype=bool)
        reps: list[pd.Series] = []
        rir: list[pd.Series] = []
        seen: set[int] = set()
        # Every check is about one row, so a large file is checked a slice at a time: the
        # schema's copy of the rows then stays small.
        for start in range(0, max(len(sets), 1), _VALIDATE_ROWS):
            frame = self._set_frame(sets.iloc[start : start + _VALIDATE_ROWS])
            try:
                ImportedSet.validate(frame, lazy=True)
                failed: list[Problem] = []
            except pa.errors.SchemaErrors as exc:
                failed = problems_from(exc.failure_cases, frame)
            for problem in failed:
                if problem.row is None or start + problem.row in seen:
                    continue
                seen.add(start + problem.row)
                keep[start + problem.row - 1] = False
                line = int(frame["line"].iloc[problem.row - 1])
                self.report.rejected.append(self._rejection(line, problem))
            reps.append(frame["reps"])
            rir.append(frame["rir"])
            del frame
        # The lazy validation above named every failing row, so what is left is valid.
        sets["reps"] = pd.concat(reps) if len(reps) > 1 else reps[0]
        sets["rir"] = pd.concat(rir) if len(rir) > 1 else rir[0]
        del reps, rir
        if not keep.all():
            self.sets = self.sets[keep].reset_index(drop=True)
        self.report.rejected.sort(key=lambda r: (r.line, r.column))
        self._build_sessions()
        self._flag_long_workouts()
        self.report.flags.sort(key=lambda f: (f.line, f.column))

    def _set_frame(self, sets: pd.DataFrame) -> pd.DataFrame:
        frame = sets.reindex(columns=_SET_COLUMNS)
        frame["session_key"] = sets["session_key"].fillna("").astype(str)
        frame["notes"] = sets["notes"].fillna("").astype(str)
        for column in ("reps", "rir"):
            values = pd.to_numeric(sets[column], errors="coerce")
            whole = values.isna() | ((values == np.round(values)) & (values.abs() <= 1e9))
            frame[column] = values.where(whole, -1).round().astype("Int64")
        return frame

    def _rejection(self, line: int, problem: Problem) -> RejectedRow:
        column = _FILE_COLUMN.get(problem.column, problem.column)
        if self.layout.app == "liftboard":
            column = problem.column
        header = self.layout.header_for(column)
        value: Any = problem.value
        if column in self.table.columns:
            # Lines grow down the file, so the row is found by bisection.
            position = int(np.searchsorted(self.table[LINE].to_numpy(), line))
            if position < len(self.table) and self.table[LINE].iloc[position] == line:
                value = self.table[column].iloc[position]
        shown = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else value
        return RejectedRow(line, header, str(shown), problem.reason)

    def _build_sessions(self) -> None:
        sets = self.sets
        group = sets.groupby("session_no", sort=True)
        first = group.first()
        keys = first["session_key"]
        given = first["session_source_key"]
        if self.layout.app != "liftboard":
            given = given.where(given.notna(), keys)
        sessions = pd.DataFrame(
            {
                "session_key": keys,
                "athlete": first["athlete"],
                "started_at": first["started_at"],
                "ended_at": group["ended_at"].max(),
                "name": first["session_name"].fillna("").astype(str),
                "notes": first["session_notes"].fillna("").astype(str),
                "bodyweight_kg": first["bodyweight_kg"],
                "template_id": first["template_id"],
                "source": first["session_source"].fillna(self.layout.app),
                "source_key": given.astype(object).where(given.notna(), None),
                "line": group["line"].min(),
            }
        )
        backwards = sessions["ended_at"].notna() & (sessions["ended_at"] < sessions["started_at"])
        column = self._header("duration")
        for line, ended in zip(
            sessions.loc[backwards, "line"], sessions.loc[backwards, "ended_at"], strict=True
        ):
            self.report.flags.append(
                Flag(
                    int(line),
                    column,
                    f"{ended:%Y-%m-%d %H:%M}",
                    "the workout ends before it starts: imported without an end time",
                )
            )
        sessions.loc[backwards, "ended_at"] = pd.NaT
        templates = {
            str(r[0])
            for r in self.con.cursor()
            .execute("select template_id from workout_templates")
            .fetchall()
        }
        unknown = sessions["template_id"].notna() & ~sessions["template_id"].isin(templates)
        if unknown.any():
            self.report.warnings.append(
                f"{int(unknown.sum())} session(s) followed a template this database does not "
                "have; they were imported without it."
            )
        sessions.loc[unknown, "template_id"] = None
        checked = validate(ImportedSession, sessions.drop(columns="line").reset_index(drop=True))
        checked.index = sessions.index
        self.sessions = checked.assign(line=sessions["line"])

    def check_dates(self) -> None:
        """Reject sets dated before 1900 or after tomorrow, each with its own reason."""
        started = self.sets["started_at"]
        early = started < EARLIEST
        late = started >= _latest_allowed()
        if not (early.any() or late.any()):
            return
        for mask, reason in (
            (early, "the date is before 1900"),
            (late, "the date is after tomorrow"),
        ):
            for line in self.sets.loc[mask, "line"]:
                problem = Problem(None, "started_at", None, reason)
                self.report.rejected.append(self._rejection(int(line), problem))
        self.sets = self.sets[~(early | late).to_numpy()].reset_index(drop=True)

    def flag_implausible(self) -> None:
        """Keep every set; flag unlikely values, and leave out of the figures what would distort.

        A weight over 1000 kg stays as entered but gets no kilograms (so no load, tonnage or
        record rests on it); a distance beyond 1000 km, seconds beyond a day, an RPE outside
        1-10 or an RIR outside 0-10 are left empty. Weights over 500 kg and more than 100 reps
        are kept and counted, and listed to check. A set of more than 1000 reps is rejected:
        reps are what make it a set.
        """
        sets = self.sets
        layout = self.layout
        weight = layout.header_for("weight" if layout.app != "liftboard" else "entered_weight")
        # Written as entered ("2956 kg"), for the few rows flagged only.
        shown_weight = _WeightText(sets["entered_weight"], sets["entered_unit"])
        kg = sets["weight_kg"]
        self._flag(
            kg > MAX_WEIGHT_KG,
            weight,
            shown_weight,
            f"over {MAX_WEIGHT_KG:g} kg: kept as entered, left out of loads, tonnage and records",
        )
        self._flag(
            (kg > HEAVY_KG) & (kg <= MAX_WEIGHT_KG),
            weight,
            shown_weight,
            f"over {HEAVY_KG:g} kg: imported, check it",
        )
        negative = sets["entered_weight"] < 0
        self._flag(negative, weight, shown_weight, "a negative weight: the set was kept without it")
        sets["weight_kg"] = kg.where((kg <= MAX_WEIGHT_KG) & ~negative)
        sets["entered_weight"] = sets["entered_weight"].where(~negative)
        sets["entered_unit"] = sets["entered_unit"].where(~negative, None)

        reps = sets["reps"]
        self._flag(
            (reps > MANY_REPS) & (reps <= MAX_REPS),
            self._header("reps"),
            reps,
            f"more than {MANY_REPS} reps: imported, check it",
        )
        too_many = reps > MAX_REPS
        for line in sets.loc[too_many, "line"]:
            problem = Problem(None, "reps", None, f"more than {MAX_REPS} reps is not a set")
            self.report.rejected.append(self._rejection(int(line), problem))

        metres = sets["distance_m"]
        far = (metres > MAX_DISTANCE_M) | (metres < 0)
        self._flag(
            far,
            self._header("distance"),
            _WeightText(metres, None, "m"),
            "beyond 1000 km (or below 0): the set was kept without its distance",
        )
        sets["distance_m"] = metres.where(~far)
        seconds = sets["duration_s"]
        long = (seconds > MAX_SECONDS) | (seconds < 0)
        self._flag(
            long,
            self._header("seconds"),
            seconds,
            "more than a day (or below 0): the set was kept without its time",
        )
        sets["duration_s"] = seconds.where(~long)
        rpe = sets["rpe"]
        odd_rpe = rpe.notna() & ((rpe < 1) | (rpe > 10) | ((rpe * 2) % 1 != 0))
        self._flag(
            odd_rpe,
            self._header("rpe"),
            rpe,
            "RPE is from 1 to 10 in steps of 0.5: the set was kept without it",
        )
        sets["rpe"] = rpe.where(~odd_rpe)
        rir = sets["rir"]
        odd_rir = rir.notna() & ((rir < 0) | (rir > 10) | (rir % 1 != 0))
        self._flag(
            odd_rir,
            self._header("rir"),
            rir,
            "RIR is a whole number from 0 to 10: the set was kept without it",
        )
        sets["rir"] = rir.where(~odd_rir)
        self.sets = sets[~too_many.to_numpy()].reset_index(drop=True)

    def _header(self, column: str) -> str:
        stored = {"seconds": "duration_s", "distance": "distance_m"}
        if self.layout.app == "liftboard":
            return stored.get(column, column)
        return self.layout.header_for(column)

    def _flag(
        self, mask: pd.Series, column: str, shown: pd.Series | _WeightText, reason: str
    ) -> None:
        mask = mask.fillna(False).astype(bool)
        if not mask.any():
            return
        values = shown.text(mask) if isinstance(shown, _WeightText) else shown[mask]
        for line, value in zip(self.sets.loc[mask, "line"], values, strict=True):
            if value is None or (not isinstance(value, str) and pd.isna(value)):
                text = ""
            elif isinstance(value, float):
                text = f"{value:g}"
            else:
                text = str(value)
            self.report.flags.append(Flag(int(line), column, text, reason))

    def _flag_long_workouts(self) -> None:
        sessions = self.sessions
        hours = (sessions["ended_at"] - sessions["started_at"]).dt.total_seconds() / 3600
        long = sessions[hours > LONG_WORKOUT_H]
        column = self._header("duration")
        for line, h in zip(long["line"], hours[hours > LONG_WORKOUT_H], strict=True):
            minutes = round(h * 60)
            self.report.flags.append(
                Flag(
                    int(line),
                    column,
                    f"{minutes // 60} h {minutes % 60} min",
                    f"a workout longer than {LONG_WORKOUT_H} h (perhaps never ended): imported, "
                    "check it",
                )
            )

    # --- idempotence ------------------------------------------------------------------------

    def skip_known(self) -> None:
        """Leave out sets already in the database, and note which sessions exist.

        A session is found by (athlete, source, source key); one without a key (a manual
        session in Liftboard's own export) by (athlete, source, start, name). A set is found by
        its source key within its session, or else by its set index.
        """
        sessions = self.sessions
        cur = self.con.cursor()
        people = cur.execute("select athlete_id, lower(name) from athletes").fetchall()
        ids = {str(name): int(i) for i, name in people}
        sessions["athlete_id"] = sessions["athlete"].str.strip().str.lower().map(ids)
        wanted = sessions.loc[
            sessions["athlete_id"].notna(),
            ["athlete_id", "source", "source_key", "started_at", "name"],
        ].astype({"athlete_id": "int64"})
        wanted["session_no"] = wanted.index.astype("int64")
        cur.register("wanted_sessions", wanted)
        found = cur.execute(
            "select w.session_no, min(s.session_id) as session_id "
            "from wanted_sessions as w inner join sessions as s "
            "on s.athlete_id = w.athlete_id and s.source = w.source "
            "and (s.source_key = w.source_key "
            "or (w.source_key is null and s.source_key is null "
            "and s.started_at = w.started_at and s.name = w.name)) "
            "group by w.session_no"
        ).df()
        cur.unregister("wanted_sessions")
        session_id = pd.Series(np.nan, index=sessions.index)
        session_id.loc[found["session_no"].astype("int64")] = found["session_id"].to_numpy()
        sessions["session_id"] = session_id
        existing = cur.execute(
            "select session_id, source_key, set_index from sets "
            "where session_id in (select unnest(?::bigint[]))",
            [[int(i) for i in found["session_id"]]],
        ).df()
        cur.close()
        last = existing.groupby("session_id")["set_index"].max()
        sessions["last_index"] = sessions["session_id"].map(last).fillna(0)

        sets = self.sets
        sets["session_id"] = sessions["session_id"].reindex(sets["session_no"]).to_numpy()
        has_key = sets["set_key"].notna().to_numpy()
        already = np.zeros(len(sets), dtype=bool)
        if not existing.empty:
            ids_here = sets["session_id"].fillna(-1).astype("int64")
            keyed = existing[existing["source_key"].notna()]
            known_keys = pd.MultiIndex.from_arrays(
                [keyed["session_id"].astype("int64"), keyed["source_key"].astype(object)]
            )
            plain = existing[existing["source_key"].isna()]
            known_index = pd.MultiIndex.from_arrays(
                [plain["session_id"].astype("int64"), plain["set_index"].astype("float64")]
            )
            by_key = pd.MultiIndex.from_arrays([ids_here, sets["set_key"].astype(object)])
            by_index = pd.MultiIndex.from_arrays([ids_here, sets["set_index"].astype("float64")])
            already = np.where(has_key, by_key.isin(known_keys), by_index.isin(known_index))
        twice = np.where(
            has_key,
            sets.duplicated(["session_no", "set_key"], keep="first"),
            sets.duplicated(["session_no", "set_index"], keep="first"),
        )
        repeated = already | twice
        self.report.duplicates_skipped = int(repeated.sum())
        self.report.sets_total = len(sets)
        self._summarise(sets)
        self._count_matches(sets)
        new = sets[~repeated].copy() if repeated.any() else sets
        self.sessions = sessions.loc[np.unique(new["session_no"].to_numpy())]
        # Within a session new sets follow the ones already there, in file order; a new
        # session from Liftboard's own export keeps its set numbers.
        rank = new.groupby("session_no", sort=False).cumcount() + 1
        base = sessions["last_index"].reindex(new["session_no"]).to_numpy()
        given = new["set_index"]
        fresh = new["session_id"].isna()
        clash = new.duplicated(["session_no", "set_index"], keep=False)
        use_given = fresh & given.notna() & (given >= 1) & ~clash
        new["set_index"] = np.where(use_given, given, base + rank).astype("int64")
        self.new_sets = new
        self.report.sets_added = len(new)
        self.report.sessions_added = int(self.sessions["session_id"].isna().sum())
        used = new["exercise_id"].unique()
        self.custom = self.custom[self.custom["exercise_id"].isin(used)]

    def _summarise(self, sets: pd.DataFrame) -> None:
        """What the file holds: workouts, days, failed attempts, the units weights were in."""
        report = self.report
        report.workouts = int(sets["session_no"].nunique())
        if len(sets):
            report.first_day = pd.Timestamp(sets["started_at"].min()).date()
            report.last_day = pd.Timestamp(sets["started_at"].max()).date()
        report.failed_attempts = int(((sets["set_type"] == "failure") & (sets["reps"] == 0)).sum())
        units = sets["entered_unit"].value_counts()
        report.weight_units = {str(k): int(v) for k, v in units.items()}

    def _count_matches(self, sets: pd.DataFrame) -> None:
        ids = sorted(str(i) for i in sets["exercise_id"].unique())
        with_muscles = {
            str(r[0])
            for r in self.con.cursor()
            .execute(
                "select distinct exercise_id from exercise_muscles "
                "where exercise_id in (select unnest(?::varchar[]))",
                [ids],
            )
            .fetchall()
        }
        matched = sets["exercise_id"].isin(with_muscles)
        self.report.sets_matched = int(matched.sum())
        counts = (
            sets[~matched]
            .groupby(["exercise", "exercise_id"])
            .size()
            .rename("sets")
            .reset_index()
            .sort_values(["sets", "exercise"], ascending=[False, True])
        )
        self.report.unmapped = [
            UnmappedName(str(name), str(exercise_id), int(n))
            for name, exercise_id, n in counts.itertuples(index=False)
        ]

    # --- the write --------------------------------------------------------------------------

    def write(self) -> None:
        """Write the new athletes, exercises, sessions and sets and the record, all at once.

        One transaction: a refused write or a full disk becomes a sentence and nothing lands.
        """
        with write(self.con, "import") as w:
            written = _Written()
            if not self.new_sets.empty:
                self.write_sets(w, written)
            self.report.import_id = self.record(w, written)

    def write_sets(self, w: Write, written: _Written) -> None:
        """Insert the new rows; note the new sessions' ids and earlier sessions' new sets' ids.

        Both go in `written`, kept with the import's record so that undoing it finds them.
        `written` also says what an earlier part of the same import has written already: its
        new athletes, custom exercises and name matches are not written again.
        """
        cur = w.cur
        sessions = self.sessions.copy()
        new_people = sorted(set(sessions.loc[sessions["athlete_id"].isna(), "athlete"]))
        for name in new_people:
            if name in written.athletes:
                sessions.loc[sessions["athlete"] == name, "athlete_id"] = written.athletes[name]
        new_people = [p for p in new_people if p not in written.athletes]
        people = validate(
            AthleteEntry,
            pd.DataFrame({"name": new_people, "unit": [self._unit_of(p) for p in new_people]}),
        )
        for name, unit in zip(people["name"], people["unit"], strict=True):
            (athlete_id,) = cur.execute(
                "insert into athletes (name, unit) values (?, ?) returning athlete_id",
                [name, unit],
            ).fetchall()[0]
            sessions.loc[sessions["athlete"] == name, "athlete_id"] = int(athlete_id)
            written.athletes[name] = int(athlete_id)
        custom = self.custom[~self.custom["exercise_id"].isin(written.exercises)]
        insert_custom_exercises(w, custom)
        written.exercises.update(str(i) for i in custom["exercise_id"])
        if not written.matches_recorded:
            record_matches(w, self.report.guessed)
            written.matches_recorded = True
        fresh = sessions[sessions["session_id"].isna()]
        # One id per new session, taken up front, so the sets can point at it.
        new_ids = cur.execute(
            "select nextval('session_id_seq') from range(?)", [len(fresh)]
        ).fetchall()
        incoming = pd.DataFrame(
            {
                "session_id": [int(r[0]) for r in new_ids],
                "athlete_id": fresh["athlete_id"].astype("int64").to_numpy(),
                "started_at": fresh["started_at"].to_numpy(),
                "ended_at": fresh["ended_at"].to_numpy(),
                "name": fresh["name"].to_numpy(),
                "template_id": fresh["template_id"].to_numpy(),
                "notes": fresh["notes"].to_numpy(),
                "bodyweight_kg": fresh["bodyweight_kg"].to_numpy(),
                "source": fresh["source"].to_numpy(),
                "source_key": fresh["source_key"].to_numpy(),
            }
        )
        # Rows are handed over as a relation, not registered on the cursor: a registered
        # frame is held until the transaction ends, and a large import writes several parts.
        cur.from_df(incoming).query(
            "incoming_sessions",
            "insert into sessions (session_id, athlete_id, started_at, ended_at, name, "
            "template_id, notes, bodyweight_kg, source, source_key) "
            "select session_id, athlete_id, started_at, ended_at, name, template_id, notes, "
            "bodyweight_kg, source, source_key from incoming_sessions order by session_id",
        )
        sessions.loc[fresh.index, "session_id"] = incoming["session_id"].to_numpy()
        sets = self.new_sets
        numbers = sets["session_no"].to_numpy()
        session_of_set = sessions["session_id"].reindex(numbers).astype("int64").to_numpy()
        # An Arrow table over the frame's own columns: only the few derived ones are new
        # memory, so a large file is not copied once more on its way into the database.
        columns_in: dict[str, Any] = {"session_id": session_of_set}
        for name in _SET_VALUES:
            column = sets[name]
            if name == "notes":
                column = column.fillna("")
            elif name == "set_index":
                column = column.astype("int64")
            columns_in["source_key" if name == "set_key" else name] = column
        columns_in["logged_at"] = sessions["started_at"].reindex(numbers).to_numpy()
        earlier = sets["session_id"].notna().to_numpy()
        columns_in["earlier_session"] = earlier
        rows = pyarrow.table(columns_in)
        del columns_in
        incoming_sets = cur.from_arrow(rows)
        columns = ", ".join(_STORED)
        incoming_sets.query(
            "incoming_sets",
            f"insert into sets ({columns}) select {columns} from incoming_sets "  # noqa: S608 - fixed column list
            "where not earlier_session",
        )
        added_to_earlier: list[int] = []
        if bool(earlier.any()):
            added = incoming_sets.query(
                "incoming_sets",
                f"insert into sets ({columns}) select {columns} from incoming_sets "  # noqa: S608 - fixed column list
                "where earlier_session returning set_id",
            )
            added_to_earlier = [int(r[0]) for r in added.fetchall()] if added is not None else []
        del incoming_sets, rows
        w.touch_sessions(np.unique(session_of_set).tolist())
        written.session_ids.extend(incoming["session_id"].tolist())
        written.set_ids.extend(added_to_earlier)

    def record(self, w: Write, written: _Written) -> int:
        """The import's row in `imports`, and its links to what it added."""
        return _record(w, self.report, self.unit, written)

    def _unit_of(self, athlete: str) -> str:
        mine = self.sets[self.sets["athlete"] == athlete]
        stated = mine["athlete_unit"].dropna()
        if not stated.empty:
            return str(stated.iloc[0])
        units = mine["entered_unit"].dropna()
        if not units.empty:
            return str(units.value_counts().index[0])
        return self.unit or "kg"


class _WeightText:
    """A number and its unit written as text (`2956 kg`), worked out only for flagged rows."""

    def __init__(self, numbers: pd.Series, units: pd.Series | None, unit: str = "") -> None:
        self.numbers = numbers
        self.units = units
        self.unit = unit

    def text(self, mask: pd.Series) -> list[str]:
        """The texts of the rows where `mask` holds."""
        numbers = self.numbers[mask]
        units = self.units[mask] if self.units is not None else [self.unit] * len(numbers)
        return [
            "" if pd.isna(n) else f"{n:g} {u if isinstance(u, str) else ''}".strip()
            for n, u in zip(numbers, units, strict=True)
        ]


def _by_position_warning(layout: Layout) -> str:
    read_as = [
        f"{header} as {ENGLISH_HEADERS.get(column or '', column)}"
        for header, column in zip(layout.headers, layout.columns, strict=True)
        if header in layout.by_position
    ]
    return (
        "Some column headers were not recognised; the rows have the shape of a Strong "
        f"export, so those columns were read by their position: {', '.join(read_as)}."
    )


def _latest_allowed() -> pd.Timestamp:
    """The end of tomorrow, as the schema's own check has it."""
    return pd.Timestamp(dt.date.today() + dt.timedelta(days=2))


def _record(w: Write, report: ImportReport, unit: str | None, written: _Written) -> int:
    """The import's row in `imports`, and its links to what it added."""
    session_ids, set_ids = written.session_ids, written.set_ids
    cur = w.cur
    (import_id,) = cur.execute(
        "insert into imports (file_name, checksum, layout, layout_description, athlete, "
        "weight_unit, distance_unit, rows_read, sets_added, sessions_added, "
        "duplicates_skipped, rejected_rows, flagged_values) "
        "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning import_id",
        [
            report.file_name[:500],
            report.checksum,
            report.layout,
            report.layout_description,
            report.athlete[:500],
            unit or report.weight_unit,
            report.distance_unit,
            report.rows_read,
            report.sets_added,
            report.sessions_added,
            report.duplicates_skipped,
            len(report.rejected),
            len(report.flags),
        ],
    ).fetchall()[0]
    if session_ids:
        cur.execute(
            "insert into import_sessions (import_id, session_id) select ?, unnest(?::bigint[])",
            [int(import_id), session_ids],
        )
    if set_ids:
        cur.execute(
            "insert into import_sets (import_id, set_id) select ?, unnest(?::bigint[])",
            [int(import_id), set_ids],
        )
    return int(import_id)


class _Parts:
    """A large Strong export imported in parts of whole workouts, in one transaction.

    The file is read twice, a slice at a time. The first reading notes what the whole file
    decides (its date layout, set numbers from 0, the exercises whose distances are metres,
    its warnings), its exercise names, matched once, and which rows make one workout. The
    second reads the workouts a part at a time, checks each part as the whole file would be
    checked, and writes it within the import's one transaction, which the record of the import
    closes. A failure anywhere leaves the database as it was.
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        cells: Cells,
        layout: Layout,
        *,
        unit: str | None,
        distance_unit: str | None,
    ) -> None:
        self.con = con
        self.cells = cells
        self.layout = layout
        self.unit = unit
        self.distance_unit = distance_unit

    def run(
        self,
        *,
        athlete: str | None,
        dry_run: bool,
        strict: bool,
        part_rows: int,
        step: Progress,
        about: tuple[str, str],
    ) -> ImportReport:
        """Import the file (see `import_file`); `about` is its name and checksum."""
        step(0.3, "Interpreting rows")
        facts, workout_of_row, names, slices = self._survey(part_rows)
        step(0.45, "Matching exercise names")
        resolved = names.resolve(self.con)
        report = ImportReport(
            layout=self.layout.variant,
            layout_description=self.layout.description,
            athlete="",
            dry_run=dry_run,
            weight_unit=self.layout.weight_unit if self.layout.weight_unit != "row" else None,
            file_name=about[0],
            checksum=about[1],
            distance_unit=self.distance_unit,
            guessed=resolved.guessed,
        )
        if self.layout.by_position:
            report.warnings.append(_by_position_warning(self.layout))
        report.warnings.extend(facts.warnings)
        tally = _Tally()
        parts = _parts_of(workout_of_row, part_rows)
        if slices is not None:
            # What the first reading rejected, skipped and flagged is said once, here.
            for piece in slices:
                report.non_set_rows += piece.skipped
                report.rejected.extend(piece.rejected)
                report.flags.extend(piece.flags)
                report.warnings.extend(piece.warnings)
            part_of_row = _part_numbers(parts, len(workout_of_row))
            part_of_set = [part_of_row[piece.rows].astype("int32") for piece in slices]
            del part_of_row
            # Only the cells a rejection quotes are needed from here on.
            self.cells = self.cells.only(_QUOTED)
        step(0.6, "Checking every row")
        written = None if dry_run else _Written()
        transaction = contextlib.nullcontext() if dry_run else write(self.con, "import")
        with _small_write_buffer(self.con), transaction as w:
            if w is not None:
                step(0.62, "Writing")
            for number, rows in enumerate(parts, start=1):
                parsed = None
                if slices is not None:
                    parsed = _ParsedPart.join(
                        [
                            p.take(mine == number - 1)
                            for p, mine in zip(slices, part_of_set, strict=True)
                        ],
                        self.layout,
                        len(rows),
                    )
                    # Parts go through the file in order: a slice whose sets are all taken
                    # is let go, which makes room for what the transaction holds.
                    done = [not len(mine) or int(mine.max()) < number for mine in part_of_set]
                    slices = [p for p, d in zip(slices, done, strict=True) if not d]
                    part_of_set = [m for m, d in zip(part_of_set, done, strict=True) if not d]
                plan = self._part(
                    rows, facts, resolved, names, athlete=athlete, dry_run=dry_run, parsed=parsed
                )
                del parsed
                tally.add(report, plan)
                held_back = (strict and bool(report.rejected)) or plan.new_sets.empty
                if w is not None and written is not None and not held_back:
                    plan.write_sets(w, written)
                del plan
                _give_back_memory()
                step(0.62 + 0.36 * number / len(parts), f"Checked part {number} of {len(parts)}")
            tally.finish(report)
            if strict and report.rejected:
                raise ImportRejectedError(report.rejected)
            if w is not None and written is not None:
                self._settle_units(w, written, tally)
                report.import_id = _record(w, report, self.unit, written)
        return report

    def _survey(
        self, part_rows: int
    ) -> tuple[FileFacts, np.ndarray, _Names, list[_ParsedPart] | None]:
        """The first reading: the file's decisions, each row's workout, the exercise names.

        Each slice is read as a part would be, taking the file's decisions to be the usual
        ones (sets numbered from 1, no distances in metres). When they turn out so, and no
        workout spans two slices, the slices' sets are kept, compactly, for the parts to use
        (the last item); otherwise that is None and each part is read again.
        """
        first_dates = self.cells.first_distinct("date", values.DATE_SAMPLE)
        layouts = values.timestamp_layouts(pd.Series(first_dates, dtype=object))
        reading = FileFacts(date_layouts=layouts, zero_based=False, metres=frozenset(), warnings=[])
        workouts: dict[str, int] = {}
        workout_of_row = np.zeros(len(self.cells), dtype="int64")
        slice_of_row = np.zeros(len(self.cells), dtype="int64")
        names = _Names()
        surveys: list[Survey] = []
        kept: list[_ParsedPart] = []
        lines = self.cells.lines()
        for number, (start, stop) in enumerate(self._slices(part_rows * _SURVEY_PARTS)):
            table = self.cells.frame(slice(start, stop))
            parsed = strong.parse(table, self.layout, self.unit, self.distance_unit, reading)
            survey = parsed.survey
            if survey is None:  # the Strong parser always says what it saw
                raise LiftboardError("The file could not be read.")
            codes, keys = pd.factorize(survey.session_keys)
            numbers = np.array([workouts.setdefault(k, len(workouts)) for k in keys], "int64")
            workout_of_row[start:stop] = numbers[codes]
            slice_of_row[start:stop] = number
            # Strong's sets all go to one athlete, so a workout is its key: a set's workout is
            # its row's.
            sets = parsed.sets
            rows = np.searchsorted(lines, sets[LINE].to_numpy())
            names.add(sets, workout_of_row[rows])
            survey.session_keys = survey.session_keys.iloc[0:0]
            surveys.append(survey)
            kept.append(_ParsedPart.of(parsed, rows))
            del table, parsed, sets
            _give_back_memory()
        facts = strong.file_facts(layouts, surveys)
        usual = not facts.zero_based and not facts.metres
        if not usual or _spans_slices(workout_of_row, slice_of_row):
            kept.clear()
        _give_back_memory()
        return facts, workout_of_row, names, (kept or None) if usual else None

    def _slices(self, size: int) -> Iterator[tuple[int, int]]:
        """Ranges of about `size` rows, ending where the date or the workout's name changes."""
        total = len(self.cells)
        start = 0
        while start < total:
            stop = min(start + max(size, 1), total)
            while stop < total and self.cells.same_workout_cells(stop - 1, stop):
                stop += 1
            yield start, stop
            start = stop

    def _part(
        self,
        rows: np.ndarray,
        facts: FileFacts,
        resolved: _Resolved,
        names: _Names,
        *,
        athlete: str | None,
        dry_run: bool,
        parsed: ParsedFile | None = None,
    ) -> _Plan:
        """One part read (unless `parsed` already) and checked as the whole file would be."""
        table = self.cells.frame(rows)
        if parsed is None:
            parsed = strong.parse(table, self.layout, self.unit, self.distance_unit, facts)
        table = table[[c for c in table.columns if c in _QUOTED]]
        plan = _Plan(self.con, parsed, table, athlete=athlete, unit=self.unit, dry_run=dry_run)
        del parsed, table
        plan.use_names(resolved, names.numbers(plan.sets))
        plan.check_dates()
        plan.flag_implausible()
        plan.validate()
        plan.skip_known()
        # Every rejection is named by now; the file's cells are not needed for the write.
        plan.table = plan.table.iloc[0:0]
        return plan

    def _settle_units(self, w: Write, written: _Written, tally: _Tally) -> None:
        """Give each new athlete the unit of the whole file (a part chose it when creating)."""
        for name, athlete_id in written.athletes.items():
            stated, entered = tally.units.get(name, (None, Counter()))
            if stated is not None:
                unit = stated
            elif entered:
                unit = entered.most_common(1)[0][0]
            else:
                unit = self.unit or "kg"
            checked = validate(AthleteEntry, pd.DataFrame({"name": [name], "unit": [unit]}))
            w.cur.execute(
                "update athletes set unit = ? where athlete_id = ? and unit <> ?",
                [str(checked["unit"].iloc[0]), athlete_id, str(checked["unit"].iloc[0])],
            )


class _Tally:
    """The sums of the parts' reports, and what decides a new athlete's unit."""

    def __init__(self) -> None:
        self.athletes: set[str] = set()
        self.weight_units: Counter[str] = Counter()
        self.unmapped: Counter[tuple[str, str]] = Counter()
        self.units: dict[str, tuple[str | None, Counter[str]]] = {}

    def add(self, report: ImportReport, plan: _Plan) -> None:
        """Add one part's report to the file's."""
        part = plan.report
        self.athletes.update(str(a) for a in plan.sets["athlete"].unique())
        report.rows_read += part.rows_read
        report.non_set_rows += part.non_set_rows
        report.rejected.extend(part.rejected)
        report.flags.extend(part.flags)
        by_position = _by_position_warning(plan.layout) if plan.layout.by_position else None
        report.warnings.extend(w for w in part.warnings if w != by_position)
        report.duplicates_skipped += part.duplicates_skipped
        report.sets_total += part.sets_total
        report.workouts += part.workouts
        for day in (part.first_day, part.last_day):
            if day is not None:
                report.first_day = min(report.first_day or day, day)
                report.last_day = max(report.last_day or day, day)
        report.failed_attempts += part.failed_attempts
        self.weight_units.update(part.weight_units)
        report.sets_matched += part.sets_matched
        self.unmapped.update({(u.name, u.exercise_id): u.sets for u in part.unmapped})
        report.sets_added += part.sets_added
        report.sessions_added += part.sessions_added
        sets = plan.sets
        for name, mine in sets.groupby("athlete", sort=False):
            stated, entered = self.units.get(str(name), (None, Counter()))
            if stated is None:
                given = mine["athlete_unit"].dropna()
                stated = None if given.empty else str(given.iloc[0])
            counts = mine["entered_unit"].dropna().astype(str).value_counts()
            entered.update({str(u): int(n) for u, n in counts.items()})
            self.units[str(name)] = (stated, entered)

    def finish(self, report: ImportReport) -> None:
        """Order the file's lists as one part's would be."""
        report.athlete = ", ".join(sorted(self.athletes))
        report.rejected.sort(key=lambda r: (r.line, r.column))
        report.flags.sort(key=lambda f: (f.line, f.column))
        report.weight_units = dict(self.weight_units.most_common())
        report.unmapped = [
            UnmappedName(name, exercise_id, n)
            for (name, exercise_id), n in sorted(
                self.unmapped.items(), key=lambda item: (-item[1], item[0][0], item[0][1])
            )
        ]


def _parts_of(workout_of_row: np.ndarray, part_rows: int) -> list[np.ndarray]:
    """The rows of each part: whole workouts, in file order, about `part_rows` rows a part."""
    if not len(workout_of_row):
        return [workout_of_row]
    sizes = np.bincount(workout_of_row)
    part_of_workout = (np.cumsum(sizes) - sizes) // max(part_rows, 1)
    part_of_row = part_of_workout[workout_of_row]
    return [
        rows for part in np.unique(part_of_row) if len(rows := np.flatnonzero(part_of_row == part))
    ]


def _part_numbers(parts: list[np.ndarray], rows: int) -> np.ndarray:
    """The number of the part (from 0) each row of the file is in."""
    part_of_row = np.zeros(rows, dtype="int64")
    for number, mine in enumerate(parts):
        part_of_row[mine] = number
    return part_of_row


def _spans_slices(workout_of_row: np.ndarray, slice_of_row: np.ndarray) -> bool:
    """True when some workout has rows in two slices of the first reading."""
    if not len(workout_of_row):
        return False
    count = int(workout_of_row.max()) + 1
    first = np.full(count, np.iinfo("int64").max)
    last = np.full(count, -1)
    np.minimum.at(first, workout_of_row, slice_of_row)
    np.maximum.at(last, workout_of_row, slice_of_row)
    return bool((first != last).any())


class _ParsedPart:
    """A parsed slice of a file held compactly: each text column's distinct values once.

    `rows` gives the file row of each set, so the sets of a part can be taken out of it.
    """

    def __init__(
        self, columns: dict[str, Any], rows: np.ndarray, parsed: ParsedFile, dtypes: dict[str, Any]
    ) -> None:
        self.columns = columns
        self.dtypes = dtypes
        self.rows = rows
        self.skipped = parsed.skipped
        self.rejected = parsed.rejected
        self.flags = parsed.flags
        self.warnings = parsed.warnings

    @classmethod
    def of(cls, parsed: ParsedFile, rows: np.ndarray) -> _ParsedPart:
        """The compact form of `parsed`, whose sets are the file rows `rows`.

        Text and times become codes into their distinct values, numbers float32 where that
        keeps them exactly, a column with no values just its type; `take` undoes each.
        """
        columns: dict[str, Any] = {}
        for name, column in parsed.sets.items():
            if column.dtype == "str" or column.dtype.kind == "M":
                codes, distinct = pd.factorize(column)
                columns[str(name)] = (codes.astype(_code_type(len(distinct))), distinct)
            elif column.dtype.kind == "f" and bool(column.isna().all()):
                columns[str(name)] = column.dtype
            elif column.dtype.kind == "f":
                numbers = column.to_numpy()
                narrow = numbers.astype("float32")
                exact = np.array_equal(narrow.astype(numbers.dtype), numbers, equal_nan=True)
                columns[str(name)] = narrow if exact else numbers
            elif column.dtype.kind == "i" and len(column) and column.abs().max() < 2**31:
                columns[str(name)] = column.to_numpy().astype("int32")
            else:
                columns[str(name)] = column.to_numpy()
        return cls(columns, rows, parsed, {str(k): v for k, v in parsed.sets.dtypes.items()})

    def take(self, mask: np.ndarray) -> pd.DataFrame:
        """The sets where `mask` holds, as the parser gave them."""
        count = int(mask.sum())
        out: dict[str, Any] = {}
        for name, column in self.columns.items():
            if isinstance(column, tuple):
                codes, distinct = column
                out[name] = distinct.take(codes[mask].astype("int64"), allow_fill=True)
            elif isinstance(column, np.ndarray):
                out[name] = column[mask].astype(self.dtypes[name])
            else:
                out[name] = np.full(count, np.nan, dtype=column)
        return pd.DataFrame(out)

    @staticmethod
    def join(frames: list[pd.DataFrame], layout: Layout, rows: int) -> ParsedFile:
        """One part's sets from the slices' (its rejections were reported already)."""
        sets = [f for f in frames if len(f)]
        joined = sets[0] if len(sets) == 1 else pd.concat(sets or frames[:1], ignore_index=True)
        return ParsedFile(layout=layout, sets=joined, rows_read=rows)


def _code_type(distinct: int) -> str:
    return "int8" if distinct < 127 else "int16" if distinct < 32_767 else "int32"


@dataclass
class _Written:
    """What an import has written so far inside its one transaction (see `_Plan.write_sets`)."""

    athletes: dict[str, int] = field(default_factory=dict)
    exercises: set[str] = field(default_factory=set)
    matches_recorded: bool = False
    session_ids: list[int] = field(default_factory=list)
    set_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class _Resolved:
    """The exercise id of each distinct (name, given id) pair, and what resolving them found."""

    ids: pd.Series
    custom: pd.DataFrame
    guessed: pd.DataFrame


class _Names:
    """The exercise names of a file, gathered a part at a time.

    Each distinct (name, given id) pair is numbered in the order it first appears; with it go
    the names that share a session (the context that decides a name meaning two lifts) and how
    the pair's sets were logged (a new custom exercise's load type and category).
    """

    def __init__(self) -> None:
        self.pairs: dict[tuple[Any, str], int] = {}
        self._together: list[pd.DataFrame] = []
        self._logged: list[pd.DataFrame] = []

    def numbers(self, sets: pd.DataFrame, *, learn: bool = False) -> np.ndarray:
        """The pair number of each set (`learn`: numbering pairs not seen before)."""
        # Pairs are numbered from the codes of each column, so no row's text is combined.
        name_codes, name_uniques = pd.factorize(
            sets["exercise"].astype("str"), use_na_sentinel=False
        )
        given_cells = sets["exercise_id"]
        if given_cells.notna().any():
            given_codes, given_uniques = pd.factorize(
                given_cells.fillna("").astype("str").str.strip()
            )
        else:
            given_codes, given_uniques = np.zeros(len(sets), dtype="int64"), pd.Index([""])
        width = max(len(given_uniques), 1)
        codes, distinct = pd.factorize(name_codes.astype("int64") * width + given_codes)
        names = np.asarray(name_uniques, dtype=object)[distinct // width]
        givens = np.asarray(given_uniques, dtype=object)[distinct % width]
        if learn:
            for pair in zip(names, givens, strict=True):
                self.pairs.setdefault(pair, len(self.pairs))
        known = np.array(
            [self.pairs[pair] for pair in zip(names, givens, strict=True)], dtype="int64"
        )
        return known[codes] if len(codes) else np.zeros(0, dtype="int64")

    def add(self, sets: pd.DataFrame, sessions: np.ndarray) -> np.ndarray:
        """Note the names of `sets`, whose sessions are numbered file-wide; return their pairs."""
        pairs = self.numbers(sets, learn=True)
        self._together.append(pd.DataFrame({"pair": pairs, "session": sessions}).drop_duplicates())
        logged = pd.DataFrame(
            {
                "pair": pairs,
                "weight_kg": sets["weight_kg"].notna().to_numpy(),
                "reps": sets["reps"].notna().to_numpy(),
                "duration_s": sets["duration_s"].notna().to_numpy(),
            }
        )
        counts = logged.groupby("pair").sum()
        named = sets["category"].notna().to_numpy()
        categories = pd.DataFrame(
            {
                "pair": pairs[named],
                "line": sets["line"].to_numpy()[named],
                "category": sets["category"].to_numpy()[named],
            }
        ).drop_duplicates("pair")
        self._logged.append(counts.join(categories.set_index("pair"), how="left").reset_index())
        return pairs

    def resolve(self, con: duckdb.DuckDBPyConnection) -> _Resolved:
        """Match every name against the catalog; new custom exercises for the rest."""
        names = pd.DataFrame(list(self.pairs), columns=["exercise", "given"], dtype=object).astype(
            object
        )
        wanted = sorted(set(names["given"]) - {""})
        known: set[str] = set()
        if wanted:
            known = {
                str(r[0])
                for r in con.cursor()
                .execute(
                    "select exercise_id from exercises where exercise_id in "
                    "(select unnest(?::varchar[]))",
                    [wanted],
                )
                .fetchall()
            }
        use_given = names["given"].isin(known)
        matches = match_exercises(
            con, names.loc[~use_given, "exercise"].unique(), context=self._context(names)
        )
        guessed = matches[~matches["method"].isin(["exact", "alias", "none"])]
        found = dict(zip(matches["name"], matches["exercise_id"], strict=True))
        ids = names["exercise"].map(found).astype(object).where(~use_given, names["given"])
        unmatched = ids.isna()
        # One custom exercise per normalised name; Liftboard's own export keeps its ids.
        firsts: dict[str, str] = {}
        wanted_ids: dict[str, str] = {}
        canonical: dict[str, str] = {}
        for name, given in names.loc[unmatched, ["exercise", "given"]].itertuples(index=False):
            norm = normalise_name(name) or name
            canonical[name] = firsts.setdefault(norm, name)
            if given.startswith(CUSTOM_PREFIX):
                wanted_ids.setdefault(firsts[norm], given)
        logged = pd.concat(self._logged, ignore_index=True) if self._logged else None
        load: dict[str, str] = {}
        category: dict[str, str] = {}
        if logged is not None:
            left = logged[unmatched.to_numpy()[logged["pair"].to_numpy()]]
            left = left.assign(exercise=names["exercise"].to_numpy()[left["pair"].to_numpy()])
            left = left.assign(exercise=left["exercise"].map(canonical))
            load = _load_types(left.groupby("exercise")[["weight_kg", "reps", "duration_s"]].sum())
            first = left.dropna(subset=["category"]).sort_values("line", kind="stable")
            category = {
                str(k): str(v) for k, v in first.groupby("exercise")["category"].first().items()
            }
        custom = custom_exercise_rows(
            con,
            {name: load[name] for name in firsts.values()},
            category=category,
            ids=wanted_ids,
        )
        new_ids = dict(zip(custom["name"], custom["exercise_id"], strict=True))
        ids.loc[unmatched] = names.loc[unmatched, "exercise"].map(
            lambda n: new_ids[canonical[n].strip()[:200]]
        )
        return _Resolved(ids.astype("str"), custom, guessed)

    def _context(self, names: pd.DataFrame) -> dict[str, set[str]]:
        """For each exercise name, the names of every session it appears in (itself included)."""
        if not self._together:
            return {}
        pairs = pd.concat(self._together, ignore_index=True)
        pairs = pairs.assign(name=names["exercise"].to_numpy()[pairs["pair"].to_numpy()])
        pairs = pairs[["name", "session"]].drop_duplicates()
        both = pairs.merge(pairs, on="session", suffixes=("", "_other"))
        both = both[["name", "name_other"]].drop_duplicates()
        together: dict[str, set[str]] = {}
        for name, other in zip(both["name"].to_numpy(), both["name_other"].to_numpy(), strict=True):
            together.setdefault(str(name), set()).add(str(other))
        return together


def _load_types(counts: pd.DataFrame) -> dict[str, str]:
    """A load type for each unmatched name, from how many of its sets had a weight, reps, time."""
    out = {}
    for name, weighted, reps, timed in counts.itertuples():
        if weighted:
            out[str(name)] = "weighted"
        elif reps:
            out[str(name)] = "bodyweight"
        elif timed:
            out[str(name)] = "timed"
        else:
            out[str(name)] = "distance"
    return out
