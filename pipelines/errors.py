"""Errors that Liftboard shows to people: each carries a sentence, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass


class LiftboardError(Exception):
    """A failure the user can act on; `str(error)` is a complete sentence."""


@dataclass(frozen=True)
class Problem:
    """One rejected value: where it was (row, column), what it was and why it was refused."""

    row: int | None
    column: str
    value: object
    reason: str

    def sentence(self) -> str:
        """Say the problem as one sentence."""
        where = f"Row {self.row}" if self.row is not None else "The input"
        return f"{where}: {self.column} = {_show(self.value)} was rejected because {self.reason}."


class ValidationError(LiftboardError):
    """Input that breaks a rule; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = [p.sentence() for p in problems[:10]]
        more = len(problems) - len(shown)
        if more > 0:
            shown.append(f"{more} more problem(s) not shown.")
        super().__init__(" ".join(shown) + " Nothing was saved.")


class DatabaseUnavailableError(LiftboardError):
    """The database file cannot be opened (locked, missing folder, no permission)."""


def _show(value: object) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 80 else text[:77] + "..."
