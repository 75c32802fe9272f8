"""An import of each table bumps the strategy's revision: the page an anonymous visitor had cached
shows what the file changed (strategy.revision, strategy.page_cache)."""

import pytest

from shared.spreadsheets import read_table
from strategy import revision
from tests.strategy.imports.files import table_file

BENEFICIARIES = [["Code action", "Année", "Bénéficiaires"], ["1.1", "2025", "321"]]


def exported(exporttable, tmp_path, table):
    path = tmp_path / f"{table}.csv"
    assert exporttable("pedt-ivry", table, path).code == 0
    dataset = read_table(path.read_bytes(), "csv")
    return [list(dataset.headers), *[list(row) for row in dataset]]


def edited(rows, column, old, new):
    index = rows[0].index(column)
    changed = [row for row in rows[1:] if row[index] == old]
    assert changed, f"no {old!r} in {column!r}"
    changed[0][index] = new
    return rows


CASES = {
    # table: (page, how the exported rows change, what the page then shows)
    "actions": (
        "/strategies/pedt-ivry/actions/",
        lambda rows: edited(rows, "Titre", "Radio Cartable", "Radio Cartable du mercredi"),
        "Radio Cartable du mercredi",
    ),
    "financements": (
        "action",
        lambda rows: edited(rows, "Montant réalisé", "2500,00", "7 919,00"),
        "7\u202f919",
    ),
    "mesures": ("indicator", lambda rows: edited(rows, "Valeur", "237,00", "4 238"), "4\u202f238"),
    "beneficiaires": ("action", lambda rows: BENEFICIARIES, "321 bénéficiaires en 2025"),
}


@pytest.mark.parametrize("table", CASES)
def test_an_import_bumps_the_revision_and_the_cached_page_shows_it(
    client, world, tmp_path, importtable, exporttable, table
):
    url, change, text = CASES[table]
    url = {"action": world.action.get_absolute_url(), "indicator": world.indicator.get_absolute_url()}.get(
        url, url
    )
    rows = change(exported(exporttable, tmp_path, table))
    first = client.get(url)
    assert first.status_code == 200 and text not in first.content.decode()
    before = revision.current(world.strategy)

    run = importtable("pedt-ivry", table, table_file(tmp_path, rows))

    assert run.code == 0, run.err
    assert revision.current(world.strategy) > before
    assert text in client.get(url).content.decode()


def test_a_dry_run_changes_neither_the_content_nor_the_revision(world, tmp_path, importtable, exporttable):
    rows = CASES["actions"][1](exported(exporttable, tmp_path, "actions"))
    before = revision.current(world.strategy)
    assert importtable("pedt-ivry", "actions", table_file(tmp_path, rows), dry_run=True).code == 0
    assert revision.current(world.strategy) == before
