"""The import benchmark imports into a database file, as a user's import does."""

from __future__ import annotations

from pipelines.db import connect
from pipelines.importers.bench import fresh_database


def test_the_import_benchmark_gets_a_copy_of_a_migrated_database_file(tmp_path):
    database = fresh_database(tmp_path)

    assert database.is_file()
    assert database.parent == tmp_path
    # Only the copy is left: the migrated original it was taken from is gone.
    assert [p.name for p in tmp_path.iterdir()] == [database.name]
    con = connect(database)
    try:
        assert con.execute("select count(*) from sets").fetchone() == (0,)
        assert con.execute("select count(*) from imports").fetchone() == (0,)
    finally:
        con.close()
