"""Clear JSON errors in French, and a request rate limit for anonymous clients."""

from tests.actors.factories import ContactFactory


def test_an_unknown_api_url_is_a_json_404_in_french(api_client, db):
    response = api_client.get("/api/v1/nimporte-quoi/")

    assert response.status_code == 404
    assert response.json() == {"detail": "Ressource introuvable."}


def test_an_api_url_without_its_final_slash_is_redirected(api_client, db):
    response = api_client.get("/api/v1/strategies?page=1")

    assert response.status_code == 301
    assert response["Location"] == "/api/v1/strategies/?page=1"


def test_an_unknown_strategy_is_a_json_404_in_french(api_client, db):
    response = api_client.get("/api/v1/strategies/inconnue/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Ressource introuvable."}


def test_too_many_anonymous_requests_get_a_429_in_french(api_client, db, settings):
    settings.CITEDU_API_ANON_RATE = "3/min"

    statuses = [api_client.get("/api/v1/strategies/").status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    response = api_client.get("/api/v1/strategies/")
    assert response.json()["detail"].startswith("Trop de requêtes : réessayez dans ")
    assert int(response["Retry-After"]) > 0


def test_the_default_anonymous_rate_lets_a_normal_script_through(api_client, db):
    statuses = {api_client.get("/api/v1/").status_code for _ in range(30)}

    assert statuses == {200}


def test_authenticated_clients_have_their_own_higher_rate(api_client, db, settings, partner_user):
    settings.CITEDU_API_ANON_RATE = "1/min"
    api_client.force_authenticate(partner_user)

    statuses = {api_client.get("/api/v1/strategies/").status_code for _ in range(5)}

    assert statuses == {200}


def test_a_malformed_json_body_is_a_400_in_french(api_client, db, partner_user):
    ContactFactory(user=partner_user)
    api_client.force_authenticate(partner_user)

    response = api_client.post("/api/v1/mesures/", "{pas du json", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["detail"] == "Le corps de la requête n'est pas un JSON valide."
