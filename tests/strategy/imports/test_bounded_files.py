"""Bombs, oversized sheets and workbooks of the wrong shape: refused in French, the database unchanged."""

import pytest

from tests.strategy.imports.corpus import CORPUS
from tests.strategy.imports.files import snapshot


@pytest.mark.parametrize("case", CORPUS, ids=list(CORPUS))
def test_a_file_past_the_bounds_is_refused_in_french_and_changes_nothing(case, world, tmp_path, importtable):
    table, kind, build, fragments = CORPUS[case]
    path = tmp_path / f"tableau.{kind}"
    path.write_bytes(build())
    before = snapshot()

    run = importtable("pedt-ivry", table, path)

    assert run.code == 1, run.out
    for fragment in fragments:
        assert fragment in run.err
    assert "Traceback" not in run.err
    assert snapshot() == before
