"""Every door of the round's pages, per role: a pilot reads and fills only their organisation's
reports of open rounds; anything else is a 404 for them, by URL or by POST. The COPIL reads, never
writes; coordination fills any; partners and anonymous visitors go to the login page."""

import datetime

import pytest
from django.urls import reverse

from actors import roles
from followup import rounds
from followup.enums import ReportStatus
from followup.models import ActionReport
from tests.followup.factories import ReportingRoundFactory, open_round_of
from tests.strategy.factories import ActionFactory, StrategyFactory, UserFactory


def urls(world, action=None, round=None):
    round = round or world["round"]
    action = action or world["action"]
    return [
        reverse("followup:round_actions", args=[round.pk]),
        reverse("followup:action_report", args=[round.pk, action.pk]),
    ]


def action_url(world, action=None, round=None):
    return reverse(
        "followup:action_report", args=[(round or world["round"]).pk, (action or world["action"]).pk]
    )


def post_progress(client, url, progress="90"):
    return client.post(url, {"progress": progress, "status": "in_progress", "_send": "1"})


@pytest.mark.django_db
def test_a_pilot_never_reaches_another_organisations_report(client, world):
    client.force_login(world["pilot"])
    other_page = action_url(world, action=world["other_action"])

    assert client.get(other_page).status_code == 404
    assert post_progress(client, other_page).status_code == 404
    assert client.get(urls(world)[0] + f"?structure={world['other'].pk}").status_code == 404
    world["other_action"].refresh_from_db()
    assert world["other_action"].progress == 0
    assert ActionReport.objects.get(action=world["other_action"]).status == ReportStatus.TODO


@pytest.mark.django_db
def test_a_pilot_never_reaches_a_round_their_organisation_is_not_asked_in(client, world):
    elsewhere = StrategyFactory(title="Cité éducative du sud")
    foreign_action = ActionFactory(strategy=elsewhere)
    foreign = open_round_of(elsewhere, opened_by=UserFactory(username="coord2", role=roles.COORDINATION))
    client.force_login(world["pilot"])

    for url in urls(world, action=foreign_action, round=foreign):
        assert client.get(url).status_code == 404, url
    # Their own action, under a round that does not ask it, does not exist either.
    assert client.get(action_url(world, round=foreign)).status_code == 404
    assert post_progress(client, action_url(world, action=foreign_action, round=foreign)).status_code == 404
    assert "Cité éducative du sud" not in client.get(reverse("followup:round_list")).content.decode()


@pytest.mark.django_db
def test_a_round_in_preparation_is_nobodys_to_fill(client, world, coordination_user):
    preparing = ReportingRoundFactory(strategy=world["strategy"], period="2024-2025", year=2024)
    for user in (world["pilot"], coordination_user):
        client.force_login(user)
        for url in urls(world, round=preparing):
            assert client.get(url).status_code == 404, (user, url)


@pytest.mark.django_db
def test_a_pilot_fills_their_own_report(client, world):
    client.force_login(world["pilot"])
    page = client.get(action_url(world))
    assert page.status_code == 200 and b'id="action-report-form"' in page.content
    assert client.get(urls(world)[0]).status_code == 200
    assert client.get(urls(world)[0] + f"?structure={world['own'].pk}").status_code == 200


@pytest.mark.django_db
def test_a_pilot_reads_but_no_longer_changes_a_closed_rounds_report(client, world, coordination_user):
    rounds.close_round(world["round"], coordination_user)
    client.force_login(world["pilot"])
    page = client.get(action_url(world))
    assert page.status_code == 200 and b'id="action-report-form"' not in page.content
    assert "Cette fiche n'a pas été envoyée." in page.content.decode()
    assert post_progress(client, action_url(world)).status_code == 403
    world["action"].refresh_from_db()
    assert world["action"].progress == 20


@pytest.mark.django_db
def test_the_steering_committee_reads_every_report_and_writes_none(client, world, copil_user):
    client.force_login(copil_user)
    assert client.get(urls(world)[0]).status_code == 200
    listing = client.get(urls(world)[0] + f"?structure={world['other'].pk}")
    assert "Jeux en famille" in listing.content.decode()
    page = client.get(action_url(world))
    assert page.status_code == 200 and b'id="action-report-form"' not in page.content
    assert post_progress(client, action_url(world)).status_code == 403
    world["action"].refresh_from_db()
    assert world["action"].progress == 20


@pytest.mark.django_db
def test_coordination_fills_any_organisations_report(client, world, coordination_user):
    client.force_login(coordination_user)
    listing = client.get(urls(world)[0]).content.decode()
    assert "Maison de quartier" in listing and "Ludothèque" in listing
    url = action_url(world, action=world["other_action"])
    page = client.get(url).content.decode()
    assert 'id="action-report-form"' in page
    from tests.strategy.admin.html_forms import submitted_data

    data = submitted_data(page, "action-report-form")
    data["progress"] = ["45"]
    response = client.post(url, {**data, "_send": "1"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"?structure={world['other'].pk}")
    world["other_action"].refresh_from_db()
    assert world["other_action"].progress == 45
    assert ActionReport.objects.get(action=world["other_action"]).sent_by == coordination_user


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "partner"])
def test_partners_and_anonymous_visitors_are_sent_to_the_login_page(client, world, partner_user, who):
    if who == "partner":
        client.force_login(partner_user)
    for url in [reverse("followup:round_list"), *urls(world)]:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url
        assert post_progress(client, url).status_code == 302
    world["action"].refresh_from_db()
    assert world["action"].progress == 20


@pytest.mark.django_db
def test_staff_without_a_role_sees_no_round(client, world):
    client.force_login(UserFactory(username="agent", is_staff=True))
    assert "Aucune campagne" in client.get(reverse("followup:round_list")).content.decode()
    for url in urls(world):
        assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_the_round_list_shows_the_pilots_open_rounds_and_what_is_left(client, world):
    client.force_login(world["pilot"])
    page = client.get(reverse("followup:round_list")).content.decode()
    assert "PEDT de Villeneuve — campagne 2025-2026" in page
    assert "1 action sur 1 reste à envoyer." in page
    assert "en retard" not in page


@pytest.mark.django_db
def test_past_the_deadline_the_list_says_late(client, world):
    world["round"].deadline = datetime.date(2026, 1, 1)
    world["round"].save()
    client.force_login(world["pilot"])
    for url in (reverse("followup:round_list"), urls(world)[0]):
        assert "en retard" in client.get(url).content.decode()
