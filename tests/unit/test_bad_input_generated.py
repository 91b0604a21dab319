"""Generated bad input: every malformed set gets a sentence and leaves the database unchanged."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.athletes import ensure_athlete
from pipelines.cli import main
from pipelines.db import connect
from pipelines.errors import ValidationError
from pipelines.logbook import log_sets, start_session
from tests.conftest import snapshot

JUNK_TEXT = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=20_001, max_value=20_050).map(lambda n: "ß" * n),
    st.binary(max_size=40).map(lambda b: b.decode("latin-1")),
    st.sampled_from(
        [
            "",
            " ",
            "NaN",
            "inf",
            "-inf",
            "1e309",
            "12,5",
            "ten",
            "5 kg",
            "'; drop table sets; --",
            "<script>alert(1)</script>",
            "\u202eevil",
            "\x00",
            "🏋️",
        ]
    ),
)
JUNK_NUMBER = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    JUNK_TEXT,
    st.none(),
    st.booleans(),
)
FIELDS = {
    "exercise": st.one_of(st.sampled_from(["Pullups", "Suitcase Deadlift", "Pull Up"]), JUNK_TEXT),
    "weight": JUNK_NUMBER,
    "unit": st.one_of(st.sampled_from(["kg", "lb", "lbs", "KG"]), JUNK_TEXT),
    "reps": JUNK_NUMBER,
    "seconds": JUNK_NUMBER,
    "distance_m": JUNK_NUMBER,
    "set_type": st.one_of(st.sampled_from(["warmup", "working", "drop", "failure"]), JUNK_TEXT),
    "rpe": JUNK_NUMBER,
    "rir": JUNK_NUMBER,
    "side": st.one_of(st.sampled_from(["left", "right"]), JUNK_TEXT, st.none()),
    "notes": st.one_of(JUNK_TEXT, st.none()),
}
SET_ENTRY = st.fixed_dictionaries({}, optional=FIELDS)


def _plainly_valid(entry: dict[str, Any]) -> bool:
    """An independent statement of the rules, to tell which generated sets must be accepted."""

    def number(value: Any) -> float | None:
        if value is None or isinstance(value, bool):
            return None
        if isinstance(value, str):
            if not value.strip():
                return None
            try:
                value = float(value)
            except ValueError:
                return math.nan
        return float(value)

    def blank(key: str) -> bool:
        value = entry.get(key)
        return value is None or (isinstance(value, str) and not value.strip())

    values = {
        k: number(entry.get(k)) for k in ("weight", "reps", "seconds", "distance_m", "rpe", "rir")
    }
    for key, value in values.items():
        if not blank(key) and (value is None or not math.isfinite(value)):
            return False
    unit = "kg" if blank("unit") else str(entry["unit"]).strip().lower()
    unit = {"kgs": "kg", "lbs": "lb"}.get(unit, unit)
    if unit not in ("kg", "lb"):
        return False
    if entry.get("exercise") not in ("Pullups", "Suitcase Deadlift", "Pull Up"):
        return False
    w, reps, sec, dist = values["weight"], values["reps"], values["seconds"], values["distance_m"]
    rpe, rir = values["rpe"], values["rir"]
    if w is not None and not 0 <= (w * 0.45359237 if unit == "lb" else w) <= 1000:
        return False
    if reps is not None and (reps != round(reps) or not 0 <= reps <= 1000):
        return False
    if sec is not None and not 0 <= sec <= 86400:
        return False
    if dist is not None and not 0 <= dist <= 1_000_000:
        return False
    if not ((reps or 0) > 0 or (sec or 0) > 0 or (dist or 0) > 0):
        return False
    if rpe is not None and not (1 <= rpe <= 10 and rpe * 2 == round(rpe * 2)):
        return False
    if rir is not None and (rir != round(rir) or not 0 <= rir <= 10):
        return False
    set_type = "working" if blank("set_type") else str(entry["set_type"]).strip().lower()
    if set_type not in ("warmup", "working", "drop", "failure"):
        return False
    side = None if blank("side") else str(entry["side"]).strip().lower()
    if side not in (None, "left", "right"):
        return False
    notes = entry.get("notes")
    return notes is None or len(str(notes)) <= 20_000


@pytest.fixture(scope="module")
def module_con():
    con = connect(":memory:")
    athlete = ensure_athlete(con, "Fuzz")
    session = start_session(con, athlete, "2026-11-02 07:00")
    yield con, session
    con.close()


@given(entry=SET_ENTRY)
def test_generated_sets_are_stored_or_rejected_with_a_sentence_and_no_change(module_con, entry):
    con, session = module_con
    before = snapshot(con)
    try:
        log_sets(con, session, [entry])
    except ValidationError as exc:
        message = str(exc)
        assert message.startswith(("Row 1: ", "The input: "))
        assert message.endswith("Nothing was saved.")
        assert snapshot(con) == before
        assert not _plainly_valid(entry), f"a valid set was refused: {message}"
    else:
        assert _plainly_valid(entry), f"an invalid set was stored: {entry!r}"
        assert snapshot(con)["sets"][0] == before["sets"][0] + 1


CLI_VALUE = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12),
    st.sampled_from(["-3", "abc", "1e309", "nan", "11", "2026-13-40", "", "0", "-0.5", "99999"]),
)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(
    reps=CLI_VALUE,
    weight=CLI_VALUE,
    rpe=CLI_VALUE,
    date=CLI_VALUE,
    exercise=CLI_VALUE,
)
def test_generated_cli_input_exits_0_or_2_with_a_sentence(
    tmp_path_factory, capsys, reps, weight, rpe, date, exercise
):
    db = tmp_path_factory.getbasetemp() / "cli-fuzz.duckdb"
    con = connect(db)
    before = snapshot(con)
    con.close()
    argv = [
        "log",
        "--db",
        str(db),
        "--date",
        date,
        "--exercise",
        exercise,
        "--reps",
        reps,
        "--weight-kg",
        weight,
        "--rpe",
        rpe,
    ]
    try:
        status = main(argv)
    except SystemExit as exit_:  # argparse refuses an option value that looks like a flag
        status = int(exit_.code or 0)
    _out, err = capsys.readouterr()
    assert status in (0, 2)
    assert "Traceback" not in err
    con = connect(db)
    after = snapshot(con)
    con.close()
    if status == 2:
        assert err.strip().endswith("."), err
        assert after == before
    else:
        assert after["sets"][0] == before["sets"][0] + 1
