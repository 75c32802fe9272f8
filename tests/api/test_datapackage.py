"""The data package (datapackage.json) declares each CSV with its Table Schema and licence, and
frictionless validates every demo file against it; a wrong schema is caught."""

import json

import pytest
from frictionless import Package, Resource

DEMO = ("pedt-ivry-sur-seine", "cite-educative-exemple")
FILES = ("actions", "beneficiaires", "indicateurs")


def local_package(client, slug, folder, language="fr"):
    """The strategy's package with each CSV fetched through the client into ``folder``, its path made
    relative to it (frictionless reads only local files under the package's base path)."""
    response = client.get(f"/strategies/{slug}/datapackage.json", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    descriptor = response.json()
    for resource in descriptor["resources"]:
        url = resource["path"]
        assert url == f"http://testserver/strategies/{slug}/{resource['name']}.csv"
        csv = client.get(url.removeprefix("http://testserver"), HTTP_ACCEPT_LANGUAGE=language)
        assert csv.status_code == 200
        (folder / f"{resource['name']}.csv").write_bytes(csv.getvalue())
        resource["path"] = f"{resource['name']}.csv"
    return descriptor


def errors_of(report):
    return [(error.type, error.note) for task in report.tasks for error in task.errors]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("slug", DEMO)
def test_frictionless_validates_every_demo_csv_against_the_package(
    demo, db, client, slug, language, tmp_path
):
    descriptor = local_package(client, slug, tmp_path, language)

    report = Package(descriptor, basepath=str(tmp_path)).validate()

    assert report.valid, errors_of(report)
    assert [task.name for task in report.tasks] == list(FILES)
    assert all(task.stats["rows"] > 0 for task in report.tasks), "every demo file holds rows"


def test_a_code_declared_as_an_integer_is_refused(demo, db, client, tmp_path):
    descriptor = local_package(client, DEMO[0], tmp_path)
    actions = descriptor["resources"][0]
    code = actions["schema"]["fields"][0]
    code["type"] = "integer"
    del code["example"]  # « 2.10 », which frictionless would refuse first

    report = Resource(actions, basepath=str(tmp_path)).validate()

    assert not report.valid
    assert "type-error" in {error_type for error_type, _note in errors_of(report)}


def test_a_missing_column_is_refused(demo, db, client, tmp_path):
    descriptor = local_package(client, DEMO[0], tmp_path)
    measurements = descriptor["resources"][2]
    del measurements["schema"]["fields"][5]  # « Valeur »

    report = Resource(measurements, basepath=str(tmp_path)).validate()

    assert not report.valid
    assert {"extra-label", "incorrect-label"} & {error_type for error_type, _note in errors_of(report)}


def test_a_decimal_point_instead_of_the_comma_is_refused(demo, db, client, tmp_path):
    descriptor = local_package(client, DEMO[0], tmp_path)
    measurements = descriptor["resources"][2]
    value = next(field for field in measurements["schema"]["fields"] if field["name"] == "Valeur")
    value["decimalChar"] = "."

    report = Resource(measurements, basepath=str(tmp_path)).validate()

    assert "type-error" in {error_type for error_type, _note in errors_of(report)}


def test_the_package_names_the_licence_the_dates_and_each_file_s_format(demo, db, client):
    package = client.get(f"/strategies/{DEMO[0]}/datapackage.json").json()

    assert package["name"] == DEMO[0]
    assert package["licenses"] == [
        {
            "name": "etalab-2.0",
            "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence",
            "title": "Licence Ouverte / Open Licence version 2.0",
        }
    ]
    assert package["created"] <= package["lastModified"]
    assert package["sources"][0]["path"] == f"http://testserver/strategies/{DEMO[0]}/"
    for resource in package["resources"]:
        assert resource["mediatype"] == "text/csv"
        assert resource["encoding"] == "utf-8"
        assert resource["dialect"]["delimiter"] == ";"
    fields = {field["name"]: field for field in package["resources"][2]["schema"]["fields"]}
    assert fields["Code indicateur"]["type"] == fields["Période"]["type"] == "string"
    assert fields["Valeur"] | {"decimalChar": ",", "type": "number"} == fields["Valeur"]
    assert fields["Socle commun"]["trueValues"] == ["oui"]
    assert fields["Sexe"]["constraints"]["enum"] == ["Ensemble", "Filles", "Garçons"]


def test_the_package_of_a_draft_strategy_is_not_found(client, world):
    assert client.get(f"/strategies/{world.hidden_strategy.slug}/datapackage.json").status_code == 404
    assert client.get("/strategies/pedt-villebelle/datapackage.json").status_code == 200


def test_each_schema_is_served_at_a_stable_url(client, db):
    schema = json.loads(client.get("/donnees/actions.schema.json").content)

    assert schema["fields"][0]["name"] == "Code"
    assert schema["primaryKey"] == ["Code"]
    assert client.get("/donnees/inconnu.schema.json").status_code == 404


def test_the_files_are_the_same_data_whatever_the_reader_s_language(demo, db, client, tmp_path):
    """Labels in the cells (« Ensemble », « oui », « À la hausse ») are data: French for everyone."""
    for name in FILES:
        url = f"/strategies/{DEMO[0]}/{name}.csv"
        french, english = (
            client.get(url, HTTP_ACCEPT_LANGUAGE=language).getvalue() for language in ("fr", "en")
        )
        assert english == french, name
    assert ";oui;" in client.get(
        f"/strategies/{DEMO[0]}/indicateurs.csv", HTTP_ACCEPT_LANGUAGE="en"
    ).getvalue().decode("utf-8-sig")
