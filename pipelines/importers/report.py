"""What an import did, as data for the page and as text for the command line."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from pipelines.importers.common import RejectedRow

SHOWN = 20  # rows of each list printed before "… and N more"


@dataclass(frozen=True)
class UnmappedName:
    """An exercise name that matched nothing in the catalog, kept as a custom exercise."""

    name: str
    exercise_id: str
    sets: int


@dataclass
class ImportReport:
    """Everything the user needs to know about one import."""

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
    unmapped: list[UnmappedName] = field(default_factory=list)
    sets_matched: int = 0
    sets_total: int = 0
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

    def render(self) -> str:
        """The report as plain text, a few short paragraphs."""
        added = "would be added" if self.dry_run else "added"
        lines = [
            f"Read {self.rows_read:,} row(s) of {self.layout_description} for {self.athlete}.",
            f"Sets {added}: {self.sets_added:,} in {self.sessions_added:,} new session(s).",
            f"Already in the database (skipped): {self.duplicates_skipped:,} set(s).",
        ]
        skipped = ", ".join(f"{n:,} {label}" for label, n in sorted(self.non_set_rows.items()))
        lines.append(
            f"Rows that are not sets (skipped): {self.non_set_rows_skipped:,}"
            + (f" ({skipped})." if skipped else ".")
        )
        lines.append(f"Rows rejected: {len(self.rejected):,}.")
        for row in self.rejected[:SHOWN]:
            value = repr(row.value) if row.value != "" else "empty"
            lines.append(f"  line {row.line}, {row.column} = {value}: {row.reason}.")
        if len(self.rejected) > SHOWN:
            lines.append(f"  … and {len(self.rejected) - SHOWN:,} more.")
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
            lines.append(f"Warnings ({len(self.warnings):,}): imported, but check them.")
            lines.extend(f"  {w}" for w in self.warnings[:SHOWN])
            if len(self.warnings) > SHOWN:
                lines.append(f"  … and {len(self.warnings) - SHOWN:,} more.")
        if self.dry_run:
            lines.append("Dry run: nothing was written.")
        return "\n".join(lines)
