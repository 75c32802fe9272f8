"""Partners comment on a strategy under consultation; nobody else does."""

from strategy.models import Contribution
from tests.strategy.factories import ContributionFactory


def action_url(portal):
    return f"{portal['draft_action'].get_absolute_url()}contribuer/"


def test_partner_leaves_a_contribution_on_a_draft_action(client, portal, partner):
    client.force_login(partner)
    response = client.post(action_url(portal), {"body": "Prévoir un interprète."}, follow=True)
    contribution = Contribution.objects.get()
    assert contribution.author == partner
    assert contribution.action == portal["draft_action"]
    assert contribution.strategy == portal["draft"]
    assert "votre contribution est enregistrée" in response.content.decode()
    assert "Prévoir un interprète." in response.content.decode()


def test_partner_leaves_a_contribution_on_an_orientation(client, portal, partner):
    client.force_login(partner)
    response = client.post("/strategies/pedt-2027/orientations/1/contribuer/", {"body": "D'accord."})
    assert response.status_code == 302
    assert response["Location"] == "/strategies/pedt-2027/#merci"  # the thank-you message, in view
    assert Contribution.objects.get().orientation == portal["draft_orientation"]


def test_an_empty_contribution_is_refused_with_a_message(client, portal, partner):
    client.force_login(partner)
    response = client.post(action_url(portal), {"body": "   "})
    assert response.status_code == 400
    assert "Écrivez votre contribution" in response.content.decode()
    assert not Contribution.objects.exists()


def test_anonymous_visitor_cannot_contribute(client, portal):
    response = client.post("/strategies/pedt-ivry/orientations/1/contribuer/", {"body": "Spam"})
    assert response.status_code == 302 and "/comptes/login/" in response["Location"]
    assert not Contribution.objects.exists()


def test_nobody_contributes_to_an_adopted_strategy(client, portal, partner):
    client.force_login(partner)
    response = client.post(f"{portal['theatre'].get_absolute_url()}contribuer/", {"body": "Trop tard"})
    assert response.status_code == 403
    page = client.get(portal["theatre"].get_absolute_url())
    assert page.status_code == 200
    assert "Parcours théâtre à l&#x27;école" in page.content.decode()
    assert 'name="body"' not in page.content.decode()


def test_the_contribution_form_needs_csrf(portal, partner):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(partner)
    assert client.post(action_url(portal), {"body": "Sans jeton"}).status_code == 403


def test_the_answer_is_shown_under_the_contribution(client, portal, partner):
    ContributionFactory(
        strategy=portal["draft"],
        action=portal["draft_action"],
        body="Ouvrir le samedi.",
        answer="Retenu pour la rentrée.",
        status="accepted",
    )
    client.force_login(partner)
    html = client.get(portal["draft_action"].get_absolute_url()).content.decode()
    assert html.index("Ouvrir le samedi.") < html.index("Retenu pour la rentrée.")
    assert "Prise en compte" in html
