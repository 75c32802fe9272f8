"""Open-data CSV exports: BOM, contract headers, page filters, formula-safe cells, no draft."""

import csv
import io

from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from indicators.enums import Sex
from indicators.models import Indicator, Measurement
from strategy.models import Action
from tests.api.conftest import add_actions
from tests.indicators.factories import MeasurementFactory
from tests.strategy.factories import ActionFactory, audience

ACTION_HEADERS = [
    "Code",
    "Titre",
    "Axe",
    "Orientation",
    "Résumé",
    "Description",
    "Structure pilote",
    "Partenaires",
    "Publics",
    "Quartiers",
    "Secteurs",
    "Statut",
    "Date de début",
    "Date de fin",
]
MEASUREMENT_HEADERS = [
    "Code indicateur",
    "Période",
    "Quartier",
    "Public",
    "Sexe",
    "Valeur",
    "Appréciation",
    "Commentaire",
    "Source",
    "Socle commun",
    "Intitulé",
    "Unité",
    "Sens souhaité",
    "Valeur de référence",
    "Période de référence",
    "Cible",
    "Échéance de la cible",
]


def read_csv(response):
    assert response.status_code == 200, response.content
    return read_csv_bytes(response.getvalue())


def read_csv_bytes(raw):
    assert raw.startswith(b"\xef\xbb\xbf"), "a BOM, so that Excel reads UTF-8"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    return rows[0], [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_actions_csv_is_an_attachment_with_bom_and_the_contract_headers(client, world):
    response = client.get("/strategies/pedt-villebelle/actions.csv")

    headers, _ = read_csv(response)
    assert headers == ACTION_HEADERS
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="pedt-villebelle-actions.csv"'


def test_actions_csv_holds_exactly_the_actions_anonymous_visitors_see(client, world):
    _, rows = read_csv(client.get("/strategies/pedt-villebelle/actions.csv"))

    expected = set(
        Action.objects.visible_to(AnonymousUser())
        .filter(strategy=world.strategy)
        .values_list("code", flat=True)
    )
    assert {row["Code"] for row in rows} == expected == {"A.1", "A.2", "A.3", "2.1"}
    assert world.draft.code not in {row["Code"] for row in rows}


def test_actions_csv_is_written_the_french_way(client, world):
    _, rows = read_csv(client.get("/strategies/pedt-villebelle/actions.csv"))
    first = next(row for row in rows if row["Code"] == "A.1")

    assert first["Date de début"] == "2024-01-01"
    assert first["Date de fin"] == "2025-12-31"
    assert first["Statut"] == "En cours"
    assert first["Axe"] == "1"
    assert first["Quartiers"] == "Quartiers sud"
    assert "; " in first["Publics"]
    assert "Caisse d'allocations familiales" in first["Partenaires"].split("; ")
    assert "example.org" not in "".join(first.values())


def test_actions_csv_applies_the_filters_of_the_actions_page(client, world):
    _, rows = read_csv(client.get("/strategies/pedt-villebelle/actions.csv", {"statut": "done"}))

    assert [row["Code"] for row in rows] == ["2.1"]


def test_actions_csv_refuses_an_unknown_filter_value(client, world):
    response = client.get("/strategies/pedt-villebelle/actions.csv", {"quartier": "atlantide"})

    assert response.status_code == 400
    assert "Filtre invalide" in response.content.decode()


def test_cells_that_a_spreadsheet_would_run_are_neutralised(client, world):
    ActionFactory(
        strategy=world.strategy,
        axis=world.axis,
        code="3.1",
        title='=HYPERLINK("http://evil.example","clic")',
        summary="+33 1 23",
        description="@SUM(A1:A9)",
    )
    ActionFactory(strategy=world.strategy, axis=world.axis, code="3.2", title="-2+3", summary="\tcachée")

    _, rows = read_csv(client.get("/strategies/pedt-villebelle/actions.csv"))
    by_code = {row["Code"]: row for row in rows}

    assert by_code["3.1"]["Titre"] == '\'=HYPERLINK("http://evil.example","clic")'
    assert by_code["3.1"]["Résumé"] == "'+33 1 23"
    assert by_code["3.1"]["Description"] == "'@SUM(A1:A9)"
    assert by_code["3.2"]["Titre"] == "'-2+3"
    assert by_code["3.2"]["Résumé"] == "'\tcachée"
    assert by_code["A.1"]["Titre"].startswith("Action")


def test_actions_csv_of_a_draft_strategy_is_not_found(client, world):
    assert client.get(f"/strategies/{world.hidden_strategy.slug}/actions.csv").status_code == 404


def test_indicators_csv_has_the_mesures_headers_and_only_published_indicators(client, world):
    response = client.get("/strategies/pedt-villebelle/indicateurs.csv")

    headers, rows = read_csv(response)
    assert headers == MEASUREMENT_HEADERS
    assert response["Content-Disposition"] == 'attachment; filename="pedt-villebelle-indicateurs.csv"'
    expected = set(
        Measurement.objects.visible_to(AnonymousUser())
        .filter(indicator__strategy=world.strategy)
        .values_list("indicator__code", "period")
    )
    assert {(row["Code indicateur"], row["Période"]) for row in rows} == expected
    assert expected == {("I1", "2000"), ("I1", "2001"), ("I1", "2002")}
    assert "SECRET" not in {row["Code indicateur"] for row in rows}


def test_indicators_csv_writes_decimals_with_a_comma_next_to_its_indicator_and_applies_filters(client, world):
    Measurement.objects.filter(indicator=world.indicator, period="2002").update(value="1234.5")

    _, rows = read_csv(client.get("/strategies/pedt-villebelle/indicateurs.csv", {"periode": "2002"}))

    assert rows == [
        {
            "Code indicateur": "I1",
            "Période": "2002",
            "Quartier": "",
            "Public": "",
            "Sexe": "Ensemble",
            "Valeur": "1234,50",
            "Appréciation": "",
            "Commentaire": "",
            "Source": "",
            "Socle commun": "non",
            "Intitulé": world.indicator.name,
            "Unité": "places",
            "Sens souhaité": "À la hausse",
            "Valeur de référence": "200,00",
            "Période de référence": "2021",
            "Cible": "260,00",
            "Échéance de la cible": "2026",
        }
    ]


def test_the_csv_export_costs_the_same_queries_for_3_or_30_actions(client, world):
    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get("/strategies/pedt-villebelle/actions.csv").getvalue()
        return len(context)

    few = queries()
    add_actions(
        world.strategy,
        30,
        axis=world.axis,
        orientation=world.orientation,
        neighbourhood=world.neighbourhood,
        indicator=world.qualitative,
        funder=world.source,
        prefix="Z",
    )
    # the revision (strategy.page_cache), strategy, the actions' cells, then the names of their partners,
    # audiences, neighbourhoods and sectors, one query each whatever the number of actions.
    assert queries() == few == 7


def test_the_measurements_csv_costs_the_same_queries_for_few_or_many_rows(client, world):
    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get("/strategies/pedt-villebelle/indicateurs.csv").getvalue()
        return len(context)

    few = queries()
    for year in range(2010, 2040):
        MeasurementFactory(indicator=world.indicator, period=str(year), neighbourhood=world.neighbourhood)

    # the revision (strategy.page_cache), strategy, measurements with their indicator and neighbourhood.
    assert queries() == few == 3


def test_the_open_data_csv_imports_back_unchanged(client, world, tmp_path):
    path = tmp_path / "actions.csv"
    path.write_bytes(client.get("/strategies/pedt-villebelle/actions.csv").getvalue())
    output = io.StringIO()

    call_command("importtable", "pedt-villebelle", "actions", str(path), "--dry-run", stdout=output)

    assert "0 ligne(s) créée(s), 0 mise(s) à jour, 4 inchangée(s)" in output.getvalue()


def test_the_indicators_csv_marks_the_core_and_its_breakdowns_import_back_unchanged(client, world, tmp_path):
    Indicator.objects.filter(pk=world.indicator.pk).update(is_core=True)
    MeasurementFactory(indicator=world.indicator, period="2002", sex=Sex.GIRLS, value="600")
    MeasurementFactory(
        indicator=world.indicator, period="2002", audience=audience("6-11"), sex=Sex.BOYS, value="300"
    )
    response = client.get("/strategies/pedt-villebelle/indicateurs.csv", {"periode": "2002"})
    assert response.status_code == 200
    body = response.getvalue()

    _, rows = read_csv_bytes(body)
    assert [(row["Public"], row["Sexe"], row["Socle commun"]) for row in rows] == [
        ("", "Ensemble", "oui"),
        ("", "Filles", "oui"),
        ("Élémentaire (6-11 ans)", "Garçons", "oui"),
    ]
    path = tmp_path / "indicateurs.csv"
    path.write_bytes(body)
    output = io.StringIO()
    call_command("importtable", "pedt-villebelle", "mesures", str(path), "--dry-run", stdout=output)
    assert "0 ligne(s) créée(s), 0 mise(s) à jour, 3 inchangée(s)" in output.getvalue()
