"""The read-only API: what an anonymous client, a partner and staff get, and nothing more."""

import re

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from rest_framework.authtoken.models import Token

from actors import roles
from indicators.models import Indicator, Measurement
from strategy.enums import ActionStatus, StrategyStatus
from strategy.models import Action
from tests.strategy.factories import ActionFactory, StrategyFactory, UserFactory


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_api_root_lists_the_endpoints_and_states_the_open_licence(api_client, db):
    body = api_client.get("/api/v1/").json()

    assert body["licence"]["name"] == "Licence Ouverte / Open Licence 2.0"
    assert body["licence"]["url"].startswith("https://www.etalab.gouv.fr/")
    assert body["endpoints"]["strategies"] == "http://testserver/api/v1/strategies/"
    assert body["endpoints"]["measurements"] == "http://testserver/api/v1/mesures/"
    assert body["schema"] == "http://testserver/api/schema/"
    assert body["documentation"] == "http://testserver/api/docs/"
    assert body["endpoints"]["actions"] == "http://testserver/api/v1/strategies/{slug}/actions/"
    assert body["csv"]["actions"] == "http://testserver/strategies/{slug}/actions.csv"
    assert body["csv"]["datapackage"] == "http://testserver/strategies/{slug}/datapackage.json"
    assert api_client.get(body["csv"]["dictionary"]).status_code == 200


def test_anonymous_client_gets_exactly_the_actions_anonymous_visitors_may_see(api_client, world):
    codes = {row["code"] for row in results(api_client.get("/api/v1/strategies/pedt-villebelle/actions/"))}

    expected = set(
        Action.objects.visible_to(AnonymousUser())
        .filter(strategy=world.strategy)
        .values_list("code", flat=True)
    )
    assert codes == expected == {"A.1", "A.2", "A.3", "2.1"}
    assert world.draft.code not in codes


def test_api_actions_match_the_public_actions_page(api_client, client, world):
    page = client.get("/strategies/pedt-villebelle/actions/")
    api_codes = {
        row["code"] for row in results(api_client.get("/api/v1/strategies/pedt-villebelle/actions/"))
    }

    assert page.status_code == 200
    page_codes = set(re.findall(r'<span class="code">([^<]+)</span>', page.content.decode()))
    assert page_codes == api_codes == {"A.1", "A.2", "A.3", "2.1"}
    assert world.draft.code not in page_codes


def test_anonymous_client_never_sees_a_draft_strategy_nor_its_actions(api_client, world):
    slugs = {row["slug"] for row in results(api_client.get("/api/v1/strategies/"))}

    assert slugs == {"pedt-villebelle"}
    response = api_client.get(f"/api/v1/strategies/{world.hidden_strategy.slug}/actions/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Ressource introuvable."}


def test_a_draft_action_is_not_found_by_its_code(api_client, world):
    response = api_client.get("/api/v1/strategies/pedt-villebelle/actions/2.9/")

    assert response.status_code == 404
    assert response.json() == {"detail": "Ressource introuvable."}


def test_staff_see_draft_actions_through_the_api(api_client, world):
    api_client.force_authenticate(UserFactory(role=roles.COORDINATION))

    codes = {row["code"] for row in results(api_client.get("/api/v1/strategies/pedt-villebelle/actions/"))}

    assert world.draft.code in codes


def test_an_action_carries_pilot_partners_places_budget_indicators_and_public_url(api_client, world):
    action = api_client.get("/api/v1/strategies/pedt-villebelle/actions/A.1/").json()

    assert action["pilot"]["slug"] == world.actions[0].pilot.slug
    assert {(p["organisation"]["slug"], p["role"]) for p in action["partners"]} >= {("caf", "funder")}
    assert {a["code"] for a in action["audiences"]} == {"6-11", "11-15"}
    assert [n["slug"] for n in action["neighbourhoods"]] == ["quartiers-sud"]
    assert [s["code"] for s in action["sectors"]] == ["education"]
    assert action["budget"] == {"planned": "20000.00", "executed": "5000.00"}
    assert action["indicators"] == ["I1"]  # the unpublished SECRET indicator is not named
    assert action["url"] == f"http://testserver{world.actions[0].get_absolute_url()}"
    assert action["axis"] == 1
    assert action["orientation"] == 1


def test_a_pilot_contact_is_named_only_with_consent_and_never_with_email_or_phone(api_client, world):
    response = api_client.get("/api/v1/strategies/pedt-villebelle/actions/")
    by_code = {row["code"]: row for row in results(response)}

    consenting = world.actions[0].pilot_contact
    assert by_code["A.1"]["pilot_contact"] == {
        "full_name": consenting.full_name,
        "job_title": consenting.job_title,
    }
    assert by_code["A.2"]["pilot_contact"] is None
    everything = response.content.decode()
    assert "camille.secret@example.org" not in everything
    assert "06 11 22 33 44" not in everything
    assert world.actions[1].pilot_contact.last_name not in everything


def test_actions_are_filtered_with_the_query_string_of_the_actions_page(api_client, world):
    url = "/api/v1/strategies/pedt-villebelle/actions/"

    assert {r["code"] for r in results(api_client.get(url, {"statut": "done"}))} == {"2.1"}
    assert {r["code"] for r in results(api_client.get(url, {"axe": 1}))} == {"A.1", "A.2", "A.3"}
    assert {r["code"] for r in results(api_client.get(url, {"quartier": "centre"}))} == {"2.1"}
    assert {r["code"] for r in results(api_client.get(url, {"partenaire": "caf"}))} == {"A.1", "A.2", "A.3"}


def test_an_unknown_filter_value_is_a_french_400_with_the_field(api_client, world):
    response = api_client.get("/api/v1/strategies/pedt-villebelle/actions/", {"quartier": "atlantide"})

    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "Les données envoyées sont invalides."
    assert "quartier" in body["errors"]


def test_anonymous_client_gets_only_published_indicators(api_client, world):
    codes = {
        row["code"] for row in results(api_client.get("/api/v1/strategies/pedt-villebelle/indicateurs/"))
    }

    expected = set(
        Indicator.objects.visible_to(AnonymousUser())
        .filter(strategy=world.strategy)
        .values_list("code", flat=True)
    )
    assert codes == expected == {"I1", "Q1"}
    assert api_client.get("/api/v1/strategies/pedt-villebelle/indicateurs/SECRET/").status_code == 404


def test_an_indicator_shows_baseline_target_unit_direction_and_latest_value(api_client, world):
    indicator = api_client.get("/api/v1/strategies/pedt-villebelle/indicateurs/I1/").json()

    assert indicator["baseline"] == {"value": "200.00", "period": "2021"}
    assert indicator["target"] == {"value": "260.00", "period": "2026"}
    assert indicator["unit"] == "places"
    assert indicator["direction"] == "up"
    assert indicator["latest"] == {"period": "2002", "value": "2.00", "rating": ""}
    assert indicator["source"]["slug"] == "caf"
    assert indicator["actions"] == ["A.1", "A.2", "A.3"]  # not the draft 2.9


def test_anonymous_measurements_are_those_of_visible_indicators_only(api_client, world):
    rows = results(api_client.get("/api/v1/mesures/", {"taille": 500}))

    assert {row["id"] for row in rows} == set(
        Measurement.objects.visible_to(AnonymousUser()).values_list("pk", flat=True)
    )
    assert {row["indicator"] for row in rows} == {"I1"}
    assert "entered_by" not in rows[0]


def test_measurements_are_filtered_by_indicator_period_and_neighbourhood(api_client, world):
    rows = results(
        api_client.get(
            "/api/v1/mesures/", {"strategie": "pedt-villebelle", "indicateur": "I1", "periode": "2001"}
        )
    )

    assert [(row["indicator"], row["period"]) for row in rows] == [("I1", "2001")]
    assert results(api_client.get("/api/v1/mesures/", {"quartier": "quartiers-sud"})) == []


def test_organisations_are_those_involved_in_visible_strategies_only(api_client, world):
    slugs = {row["slug"] for row in results(api_client.get("/api/v1/organisations/", {"taille": 500}))}

    assert "caf" in slugs
    assert world.actions[0].pilot.slug in slugs
    assert world.hidden_action.pilot.slug not in slugs
    assert world.draft.pilot.slug not in slugs
    response = api_client.get(f"/api/v1/organisations/{world.hidden_action.pilot.slug}/")
    assert response.status_code == 404


def test_axes_and_orientations_are_listed_by_number(api_client, world):
    axes = results(api_client.get("/api/v1/strategies/pedt-villebelle/axes/"))
    orientations = results(api_client.get("/api/v1/strategies/pedt-villebelle/orientations/"))

    assert [axis["number"] for axis in axes] == [1, 2]
    assert orientations[0]["axis"] == 1
    assert api_client.get("/api/v1/strategies/pedt-villebelle/axes/2/").json()["title"] == "Culture"


def test_the_api_refuses_to_write_anything_but_measurements(api_client, world):
    api_client.force_authenticate(UserFactory(role=roles.COORDINATION))

    response = api_client.post("/api/v1/strategies/pedt-villebelle/actions/", {"code": "X"}, format="json")

    assert response.status_code == 405
    assert response.json()["detail"] == "Méthode « POST » non autorisée ici."


def test_an_unknown_page_is_a_french_404(api_client, world):
    response = api_client.get("/api/v1/strategies/", {"page": 99})

    assert response.status_code == 404
    assert response.json() == {"detail": "Ressource introuvable."}


def test_reverse_names_are_stable(db):
    assert reverse("api:root") == "/api/v1/"
    assert reverse("api:schema") == "/api/schema/"
    assert reverse("opendata:actions_csv", kwargs={"slug": "x"}) == "/strategies/x/actions.csv"
    assert reverse("opendata:indicators_csv", kwargs={"slug": "x"}) == "/strategies/x/indicateurs.csv"


def test_a_partner_with_a_token_also_reads_the_strategies_under_consultation(api_client, world):
    consulted = StrategyFactory(slug="en-concertation", status=StrategyStatus.CONSULTATION)
    ActionFactory(strategy=consulted, code="C.1", status=ActionStatus.PROPOSED)
    url = "/api/v1/strategies/en-concertation/actions/"
    assert api_client.get(url).status_code == 404

    partner = UserFactory(role=roles.PARTENAIRE)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=partner).key}")

    assert {row["code"] for row in results(api_client.get(url))} == {"C.1"}
