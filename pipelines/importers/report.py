"""What an import did, as data for the page and as text for the command line."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from pipelines.exports import neutralise
from pipelines.importers.common import Flag, RejectedRow

SHOWN = 20  # rows of each list printed before "… and N more"
EXAMPLES = 3  # lines shown under each reason


@dataclass(frozen=True)
class UnmappedName:
    """An exercise name that matched nothing in the catalog, kept as a custom exercise."""

    name: str
    exercise_id: str
    sets: int


@dataclass(frozen=True)
class ReasonCount:
    """How many rows share one reason, with the first few as examples."""

    reason: str
    count: int
    examples: tuple[RejectedRow | Flag, ...]


@dataclass
class ImportReport:
    """Everything the user needs to know about one import (or, dry, before it)."""

    layout: str
    layout_description: str
    athlete: str
    dry_run: bool
    rows_read: int = 0
    sets_added: int = 0
    sessions_added: int = 0
    duplicates_skipped: int = 0
    non_set_rows: Counter[str] = field(default_factory=Counter)
    rejected: list[RejectedRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    unmapped: list[UnmappedName] = field(default_factory=list)
    sets_matched: int = 0
    sets_total: int = 0
    workouts: int = 0
    first_day: dt.date | None = None
    last_day: dt.date | None = None
    failed_attempts: int = 0
    weight_units: dict[str, int] = field(default_factory=dict)
    weight_unit: str | None = None
    distance_unit: str | None = None
    file_name: str = ""
    checksum: str = ""
    import_id: int | None = None
    # Names matched other than by their exact name or alias: name, exercise_id, method, detail.
    guessed: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def non_set_rows_skipped(self) -> int:
        """Rows that were not sets: rest timers, notes, empty sets."""
        return sum(self.non_set_rows.values())

    @property
    def match_share(self) -> float:
        """The share of the file's sets that landed on a catalog exercise with muscles."""
        return self.sets_matched / self.sets_total if self.sets_total else 1.0

    @property
    def pound_share(self) -> float:
        """The share of the file's weighted sets that were entered in pounds."""
        total = sum(self.weight_units.values())
        return self.weight_units.get("lb", 0) / total if total else 0.0

    @property
    def rejected_by_reason(self) -> list[ReasonCount]:
        """Rejected rows grouped by reason, the most common first."""
        return _grouped(self.rejected)

    @property
    def flags_by_reason(self) -> list[ReasonCount]:
        """Flagged values grouped by reason, the most common first."""
        return _grouped(self.flags)

    def problems_csv(self) -> str:
        """Every rejected row and flagged value as CSV: kind, line, column, value, reason."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["kind", "line", "column", "value", "reason"])
        for kind, rows in (("rejected", self.rejected), ("flagged", self.flags)):
            for row in rows:
                writer.writerow([kind, row.line, row.column, neutralise(row.value), row.reason])
        return out.getvalue()

    def render(self) -> str:
        """The report as plain text, a few short paragraphs."""
        added = "would be added" if self.dry_run else "added"
        lines = [
            f"Read {self.rows_read:,} row(s) of {self.layout_description} for {self.athlete}.",
            f"Sets {added}: {self.sets_added:,} in {self.sessions_added:,} new session(s).",
        ]
        if self.first_day is not None:
            lines.append(
                f"The file holds {self.sets_total:,} set(s) in {self.workouts:,} workout(s), "
                f"from {self.first_day:%Y-%m-%d} to {self.last_day:%Y-%m-%d}."
            )
        if self.failed_attempts:
            lines.append(
                f"Failed attempts kept: {self.failed_attempts:,} (failure sets of 0 reps)."
            )
        lines.append(f"Already in the database (skipped): {self.duplicates_skipped:,} set(s).")
        skipped = ", ".join(f"{n:,} {label}" for label, n in sorted(self.non_set_rows.items()))
        lines.append(
            f"Rows that are not sets (skipped): {self.non_set_rows_skipped:,}"
            + (f" ({skipped})." if skipped else ".")
        )
        lines.append(f"Rows rejected: {len(self.rejected):,}.")
        lines.extend(_render_groups(self.rejected_by_reason))
        if self.flags:
            lines.append(f"Values flagged ({len(self.flags):,}): the sets were kept; check them.")
            lines.extend(_render_groups(self.flags_by_reason))
        if self.sets_total:
            lines.append(
                f"Exercises: {self.sets_matched:,} of {self.sets_total:,} set(s) "
                f"({self.match_share:.1%}) matched a catalog exercise with its muscles."
            )
        if self.unmapped:
            lines.append(
                f"{len(self.unmapped)} exercise name(s) matched nothing and were kept as custom "
                "exercises; map them on the Exercises page (or with map_exercise) so their sets "
                "count toward muscles:"
            )
            for item in self.unmapped[:SHOWN]:
                lines.append(f"  {item.name} ({item.sets:,} set(s)) → {item.exercise_id}")
            if len(self.unmapped) > SHOWN:
                lines.append(f"  … and {len(self.unmapped) - SHOWN:,} more.")
        if not self.guessed.empty:
            lines.append("Names matched by their movement rather than their exact name:")
            for name, exercise_id, method, detail in self.guessed.head(SHOWN).itertuples(
                index=False
            ):
                landed = exercise_id if isinstance(exercise_id, str) else "left for you to map"
                lines.append(f"  {name} → {landed} ({method}: {detail})")
        if self.warnings:
            lines.append(f"Notes on the file ({len(self.warnings):,}):")
            lines.extend(f"  {w}" for w in self.warnings[:SHOWN])
            if len(self.warnings) > SHOWN:
                lines.append(f"  … and {len(self.warnings) - SHOWN:,} more.")
        if self.dry_run:
            lines.append("Dry run: nothing was written.")
        elif self.import_id is not None:
            lines.append(
                f"Recorded as import {self.import_id}; `liftboard import --undo "
                f"{self.import_id}` takes it back out."
            )
        return "\n".join(lines)


def _grouped(rows: list[RejectedRow] | list[Flag]) -> list[ReasonCount]:
    by_reason: dict[str, list[RejectedRow | Flag]] = {}
    for row in rows:
        by_reason.setdefault(row.reason, []).append(row)
    groups = [
        ReasonCount(reason, len(items), tuple(items[:EXAMPLES]))
        for reason, items in by_reason.items()
    ]
    return sorted(groups, key=lambda g: (-g.count, g.reason))


def _render_groups(groups: list[ReasonCount]) -> list[str]:
    lines = []
    for group in groups[:SHOWN]:
        lines.append(f"  {group.count:,} row(s): {group.reason}:")
        for row in group.examples:
            value = repr(row.value) if row.value != "" else "empty"
            lines.append(f"      line {row.line}, {row.column} = {value}")
        if group.count > len(group.examples):
            lines.append(f"      … and {group.count - len(group.examples):,} more.")
    if len(groups) > SHOWN:
        rest = sum(g.count for g in groups[SHOWN:])
        lines.append(f"  … and {rest:,} more row(s) for {len(groups) - SHOWN:,} other reason(s).")
    return lines
