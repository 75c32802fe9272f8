"""The « mesures » table with its breakdown columns « Public » and « Sexe »: files made by LibreOffice
import their values by age band and sex, bad cells are refused in French, old files still import."""

from decimal import Decimal

import pytest

from indicators.enums import Sex
from indicators.models import Measurement
from strategy.models import Audience
from tests.strategy.imports.files import csv_bytes, snapshot, table_file
from tests.strategy.imports.libreoffice import CSV_WINDOWS_1252_SEMICOLON

pytestmark = pytest.mark.django_db

HEADER = ["Code indicateur", "Période", "Quartier", "Public", "Sexe", "Valeur"]


def values_of(indicator, period):
    return {
        (m.neighbourhood_id, m.audience_id, m.sex): m.value
        for m in Measurement.objects.filter(indicator=indicator, period=period)
    }


def test_a_libreoffice_file_with_breakdowns_imports_and_its_export_reimports_unchanged(
    world, tmp_path, importtable, exporttable, libreoffice
):
    rows = [
        HEADER,
        ["I1", "2024", "", "", "", "250"],
        ["I1", "2024", "", "", "Filles", "128"],
        ["I1", "2024", "", "", "garçons", "122"],
        ["I1", "2024", "", "6-11", "", "1 234,5"],
        ["I1", "2024", "Ivry Port", "Élémentaire (6-11 ans)", "Filles", "20"],
    ]
    source = tmp_path / "mesures.csv"
    source.write_bytes(csv_bytes(rows, encoding="cp1252"))
    converted = libreoffice(source, "xlsx", infilter=CSV_WINDOWS_1252_SEMICOLON)

    run = importtable("pedt-ivry", "mesures", converted)

    assert run.code == 0, run.err
    assert "5 ligne(s) créée(s), 0 mise(s) à jour" in run.out
    six_eleven = Audience.objects.get(code="6-11").pk
    assert values_of(world.indicator, "2024") == {
        (None, None, Sex.ALL): Decimal("250"),
        (None, None, Sex.GIRLS): Decimal("128"),
        (None, None, Sex.BOYS): Decimal("122"),
        (None, six_eleven, Sex.ALL): Decimal("1234.5"),
        (world.port.pk, six_eleven, Sex.GIRLS): Decimal("20"),
    }

    exported = tmp_path / "export.xlsx"
    assert exporttable("pedt-ivry", "mesures", exported).code == 0
    reconverted = libreoffice(exported, "ods")
    before = snapshot()
    again = importtable("pedt-ivry", "mesures", reconverted)
    assert again.code == 0, again.err
    assert "0 ligne(s) créée(s), 0 mise(s) à jour, 8 inchangée(s)." in again.out
    assert snapshot() == before


def test_an_unknown_audience_or_sex_is_refused_in_french_and_nothing_changes(world, tmp_path, importtable):
    rows = [
        HEADER,
        ["I1", "2024", "", "Seniors", "", "3"],
        ["I1", "2024", "", "", "Femmes", "4"],
    ]
    before = snapshot()

    run = importtable("pedt-ivry", "mesures", table_file(tmp_path, rows))

    assert run.code == 1
    assert "Ligne 2, colonne « Public » : public inconnu" in run.err
    assert "Ligne 3, colonne « Sexe » : sexe inconnu (écrire Filles, Garçons ou Ensemble)" in run.err
    assert snapshot() == before


def test_the_same_breakdown_twice_in_a_file_is_a_duplicate_but_another_sex_is_not(
    world, tmp_path, importtable
):
    rows = [
        HEADER,
        ["I1", "2025", "", "", "Filles", "3"],
        ["I1", "2025", "", "", "Garçons", "4"],
        ["I1", "2025", "", "", "Filles", "5"],
    ]
    before = snapshot()

    run = importtable("pedt-ivry", "mesures", table_file(tmp_path, rows))

    assert run.code == 1
    assert "Ligne 4, colonne « Code indicateur » : ligne en double" in run.err
    assert "figure déjà à la ligne 2" in run.err
    assert "Ligne 3" not in run.err
    assert snapshot() == before


def test_an_old_file_without_the_breakdown_columns_updates_the_territory_value_only(
    world, tmp_path, importtable
):
    Measurement.objects.create(indicator=world.indicator, period="2023", sex=Sex.GIRLS, value=Decimal("120"))
    rows = [["Code indicateur", "Période", "Quartier", "Valeur"], ["I1", "2023", "", "240"]]

    run = importtable("pedt-ivry", "mesures", table_file(tmp_path, rows))

    assert run.code == 0, run.err
    assert "0 ligne(s) créée(s), 1 mise(s) à jour, 0 inchangée(s)." in run.out
    assert values_of(world.indicator, "2023") == {
        (None, None, Sex.ALL): Decimal("240"),
        (None, None, Sex.GIRLS): Decimal("120"),
        (world.port.pk, None, Sex.ALL): Decimal("41.5"),
    }
