"""Where a lifter is in a circuit: round, pass, what is done, rest (pure, no Streamlit).

A circuit goes through its rounds in order; each round is gone through `passes` times, and
after every pass except the very last one comes a rest.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class CircuitState:
    """One lifter's progress through a template."""

    template_id: str
    name: str
    rounds: tuple[int, ...]
    passes: int
    rest_s: int
    round_index: int = 0
    pass_no: int = 1
    done: tuple[int, ...] = ()
    session_id: int | None = None
    started_at: float | None = None
    rest_until: float | None = None
    finished: bool = False

    @property
    def round_no(self) -> int:
        """The template's number of the current round."""
        return self.rounds[self.round_index]

    @property
    def label(self) -> str:
        """`Round 2 of 4 · pass 1 of 2`."""
        return (
            f"Round {self.round_index + 1} of {len(self.rounds)} · "
            f"pass {self.pass_no} of {self.passes}"
        )

    @property
    def progress(self) -> float:
        """The share of all passes completed, from 0 to 1."""
        total = len(self.rounds) * self.passes
        completed = self.round_index * self.passes + self.pass_no - 1
        return 1.0 if self.finished else completed / total

    @property
    def resting(self) -> bool:
        """True between two passes."""
        return self.rest_until is not None


def start_circuit(
    template_id: str, name: str, rounds: Sequence[int], passes: int, rest_s: int
) -> CircuitState:
    """A fresh circuit at round 1, pass 1 (rounds in the order given, duplicates dropped)."""
    ordered = tuple(dict.fromkeys(int(r) for r in rounds))
    if not ordered:
        raise ValueError("a circuit needs at least one round")
    return CircuitState(template_id, name, ordered, max(1, int(passes)), max(0, int(rest_s)))


def mark_done(
    state: CircuitState,
    position: int,
    round_positions: Sequence[int],
    *,
    now: float,
    session_id: int | None = None,
) -> CircuitState:
    """Record that the exercise at `position` of the current pass was logged.

    When that completes the pass, the circuit rests (`rest_s` from `now`), moves straight on
    when there is no rest, or finishes after the last pass of the last round.
    """
    done = tuple(dict.fromkeys((*state.done, int(position))))
    changed = dataclasses.replace(
        state,
        done=done,
        session_id=state.session_id if session_id is None else session_id,
        started_at=state.started_at if state.started_at is not None else now,
    )
    if not {int(p) for p in round_positions} <= set(done):
        return changed
    last_round = state.round_index == len(state.rounds) - 1
    if last_round and state.pass_no == state.passes:
        return dataclasses.replace(changed, finished=True)
    if state.rest_s == 0:
        return advance(changed)
    return dataclasses.replace(changed, rest_until=now + state.rest_s)


def advance(state: CircuitState) -> CircuitState:
    """Leave the rest: the next pass of this round, or the first pass of the next round."""
    if state.finished:
        return state
    if state.pass_no < state.passes:
        return dataclasses.replace(state, pass_no=state.pass_no + 1, done=(), rest_until=None)
    if state.round_index + 1 < len(state.rounds):
        return dataclasses.replace(
            state, round_index=state.round_index + 1, pass_no=1, done=(), rest_until=None
        )
    return dataclasses.replace(state, done=(), rest_until=None, finished=True)


def seconds_left(state: CircuitState, now: float) -> int:
    """Whole seconds of rest left (rounded up), 0 when not resting or when rest is over."""
    if state.rest_until is None:
        return 0
    left = state.rest_until - now
    return max(0, int(-(-left // 1)))


def next_slots(state: CircuitState) -> CircuitState:
    """The state whose cards come next: past the rest when resting, else `state` itself."""
    return advance(state) if state.resting else state


def resume_circuit(
    fresh: CircuitState,
    round_slots: Mapping[int, Sequence[tuple[int, str]]],
    logged: Sequence[str],
    *,
    session_id: int,
) -> CircuitState:
    """Where a lifter is, from the exercises already logged in the circuit's session.

    `round_slots` gives each round's (position, exercise id) slots, and `logged` the session's
    exercise ids in the order they were logged. Each set fills the first open slot of its
    exercise in the current pass; a set that fits no open slot there is passed over. A
    completed pass moves on to the next at once (a reload does not bring a rest back).
    """
    state = dataclasses.replace(fresh, session_id=session_id)
    for exercise_id in logged:
        if state.finished:
            break
        slots = round_slots.get(state.round_no, ())
        open_slots = [p for p, e in slots if e == exercise_id and p not in state.done]
        if not open_slots:
            continue
        state = next_slots(mark_done(state, open_slots[0], [p for p, _ in slots], now=0.0))
    return dataclasses.replace(state, rest_until=None, started_at=None)
