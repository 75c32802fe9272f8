"""importtable and exporttable refuse, in French, what they cannot do, and change nothing."""

from tests.strategy.imports.files import csv_bytes, snapshot

LINES = [["Code action", "Année", "Financeur", "Montant prévu"], ["1.1", "2026", "CAF", "10"]]


def test_an_unknown_strategy_is_refused(world, tmp_path, importtable):
    path = tmp_path / "lignes.csv"
    path.write_bytes(csv_bytes(LINES))
    before = snapshot()

    run = importtable("pedt-inconnu", "financements", path)

    assert run.code == 1
    assert "Stratégie inconnue : « pedt-inconnu »." in run.err
    assert snapshot() == before


def test_an_unknown_table_is_refused(world, tmp_path, importtable, exporttable):
    path = tmp_path / "lignes.csv"
    path.write_bytes(csv_bytes(LINES))

    for run in (importtable("pedt-ivry", "budget", path), exporttable("pedt-ivry", "budget", path)):
        assert run.code == 1
        expected = "Tableau inconnu : « budget ». Choisir actions, beneficiaires, financements ou mesures."
        assert expected in run.err


def test_a_missing_file_is_refused(world, tmp_path, importtable):
    run = importtable("pedt-ivry", "financements", tmp_path / "absent.xlsx")

    assert run.code == 1
    assert "Fichier introuvable" in run.err


def test_an_export_into_a_missing_folder_is_refused(world, tmp_path, exporttable):
    run = exporttable("pedt-ivry", "mesures", tmp_path / "absent" / "mesures.ods")

    assert run.code == 1
    assert "Impossible d'écrire" in run.err
