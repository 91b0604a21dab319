"""Generated bad files: every malformed export is refused with a sentence or imported cleanly.

With `strict=True` an import either lands whole or raises a `LiftboardError` and changes
nothing; without it, bad rows are listed in the report and the good ones land. No other
exception ever escapes, and the CLI never prints a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.cli import main
from pipelines.db import connect
from pipelines.errors import LiftboardError
from pipelines.importers import import_file
from tests.conftest import snapshot

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
SAMPLES = sorted(FIXTURES.glob("*.csv"))
HEADERS = [p.read_bytes().splitlines()[0] for p in SAMPLES if "headerless" not in p.name]

JUNK_CELL = st.one_of(
    st.text(max_size=15),
    st.sampled_from(
        [
            "",
            "abc",
            "-5",
            "1e309",
            "nan",
            "9999999",
            "8.5",
            "W",
            "Rest Timer",
            "2026-13-40 10:00:00",
            "31 Feb 2026, 16:50",
            '"unclosed',
            "1h 99m",
            "∞",
            "=cmd|' /C calc'!A0",
            "<script>",
            "\u202e",
            "0x1F",
            "2099-01-01 07:00:00",
        ]
    ),
    st.integers(min_value=-(10**9), max_value=10**9).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)


@st.composite
def junk_rows_file(draw: st.DrawFn) -> bytes:
    """A real app's header with rows of junk cells (sometimes the wrong number of them)."""
    header = draw(st.sampled_from(HEADERS))
    delimiter = ";" if header.count(b";") > header.count(b",") else ","
    width = len(header.split(delimiter.encode()))
    rows = []
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        count = draw(st.sampled_from([width, width, width, width - 1, width + 2, 1]))
        cells = draw(st.lists(JUNK_CELL, min_size=count, max_size=count))
        quoted = ['"' + c.replace('"', '""') + '"' for c in cells]
        rows.append(delimiter.join(quoted))
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    body = (
        header.decode("utf-8-sig")
        + ending
        + ending.join(rows)
        + draw(st.sampled_from(["", ending]))
    )
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "latin-1"]))
    return body.encode(encoding, errors="replace")


@st.composite
def damaged_sample(draw: st.DrawFn) -> bytes:
    """A faithful export, truncated, spliced or with bytes flipped."""
    data = draw(st.sampled_from(SAMPLES)).read_bytes()
    cut = draw(st.integers(min_value=0, max_value=len(data)))
    how = draw(st.sampled_from(["truncate", "flip", "splice"]))
    if how == "truncate":
        return data[:cut]
    if how == "flip":
        junk = draw(st.binary(min_size=1, max_size=8))
        return data[:cut] + junk + data[cut + len(junk) :]
    return data[:cut] + draw(st.binary(max_size=64)) + data[cut:]


BAD_FILES = st.one_of(
    st.binary(max_size=300),
    st.just(b""),
    st.sampled_from(HEADERS),
    st.sampled_from(HEADERS).map(lambda h: h + b"\n"),
    junk_rows_file(),
    damaged_sample(),
)


@pytest.fixture(scope="module")
def module_con():
    con = connect(":memory:")
    yield con
    con.close()


@given(data=BAD_FILES, unit=st.sampled_from([None, "kg", "lb"]))
def test_a_generated_bad_file_lands_whole_or_changes_nothing(module_con, data, unit):
    before = snapshot(module_con)
    try:
        report = import_file(module_con, data, unit=unit, strict=True, athlete="Fuzz")
    except LiftboardError as exc:
        message = str(exc)
        assert message.strip(), "an empty message"
        assert "Traceback" not in message
        assert snapshot(module_con) == before
    else:
        assert not report.rejected
        assert snapshot(module_con)["sets"][0] == before["sets"][0] + report.sets_added


@given(data=BAD_FILES)
def test_a_generated_bad_file_keeps_good_rows_and_lists_bad_ones(module_con, data):
    before = snapshot(module_con)
    try:
        report = import_file(module_con, data, unit="kg", athlete="Fuzz lenient")
    except LiftboardError:
        assert snapshot(module_con) == before
        return
    for rejected in report.rejected:
        assert rejected.line >= 1
        assert rejected.reason
    assert snapshot(module_con)["sets"][0] == before["sets"][0] + report.sets_added


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=BAD_FILES)
def test_the_import_command_answers_bad_files_with_exit_2_and_a_sentence(
    tmp_path_factory, capsys, data
):
    folder = tmp_path_factory.getbasetemp()
    upload = folder / "upload.csv"
    upload.write_bytes(data)
    status = main(
        ["import", str(upload), "--db", str(folder / "cli.duckdb"), "--unit", "kg", "--strict"]
    )
    _out, err = capsys.readouterr()
    assert status in (0, 2), err
    assert "Traceback" not in err
    if status == 2:
        assert err.strip().endswith((".", ")")), err
