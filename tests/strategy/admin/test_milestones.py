"""Milestones (jalons) on the action's change form: entered by its pilot, nobody else's.

Every post is the form the page really renders (``html_forms.change_form_data``), dates typed the
French way.
"""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from strategy.models import Action, Milestone
from tests.strategy.admin.conftest import admin_url
from tests.strategy.admin.html_forms import change_form_data
from tests.strategy.factories import UserFactory


@pytest.fixture
def pilot_client(client, world):
    client.force_login(world["pilot"])
    return client


def _add_milestone(data, **values):
    index = int(data["milestones-TOTAL_FORMS"][0])
    for name, value in values.items():
        data[f"milestones-{index}-{name}"] = [value]
    data["milestones-TOTAL_FORMS"] = [str(index + 1)]
    return data


def test_pilot_adds_a_milestone_to_their_action_typed_the_french_way(pilot_client, world):
    own = world["own_action"]
    url = admin_url(Action, "change", own.pk)
    page = pilot_client.get(url)
    assert "Jalons" in page.content.decode()
    data = _add_milestone(
        change_form_data(page), title="Premier comité des parents", planned_date="15/03/2025", is_public="on"
    )
    response = pilot_client.post(url, data)
    assert response.status_code == 302, response.context["inline_admin_formsets"][1].formset.errors
    milestone = Milestone.objects.get(action=own)
    assert (milestone.title, milestone.planned_date, milestone.is_public) == (
        "Premier comité des parents",
        datetime.date(2025, 3, 15),
        True,
    )


def test_pilot_marks_a_milestone_done_and_the_timeline_below_shows_it(pilot_client, world):
    own = world["own_action"]
    Milestone.objects.create(
        action=own, title="Ouverture des ateliers", planned_date=datetime.date(2025, 1, 6)
    )
    url = admin_url(Action, "change", own.pk)
    data = change_form_data(pilot_client.get(url))
    data["milestones-0-done_date"] = ["13/01/2025"]
    assert pilot_client.post(url, data).status_code == 302
    assert Milestone.objects.get(action=own).done_date == datetime.date(2025, 1, 13)
    page = pilot_client.get(url).content.decode()
    assert 'id="chronologie"' in page
    assert '<time class="action-timeline__date" datetime="2025-01-13">13 janvier 2025</time>' in page
    assert "Prévu le 6 janvier 2025." in page


def test_a_done_date_to_come_is_refused_in_french_and_nothing_is_saved(pilot_client, world):
    own = world["own_action"]
    url = admin_url(Action, "change", own.pk)
    data = _add_milestone(
        change_form_data(pilot_client.get(url)),
        title="Fête de fin d'année",
        planned_date="20/06/2025",
        done_date="20/06/2999",
    )
    response = pilot_client.post(url, data)
    assert response.status_code == 200
    assert "La date de réalisation ne peut pas être dans le futur" in response.content.decode()
    assert not Milestone.objects.exists()


def test_an_empty_title_is_refused_in_french(pilot_client, world):
    url = admin_url(Action, "change", world["own_action"].pk)
    data = _add_milestone(change_form_data(pilot_client.get(url)), title="", planned_date="20/06/2025")
    response = pilot_client.post(url, data)
    assert response.status_code == 200
    assert "Ce champ est obligatoire." in response.content.decode()
    assert not Milestone.objects.exists()


def test_pilot_cannot_open_nor_change_another_organisation_action_milestones(pilot_client, world):
    other = world["other_action"]
    milestone = Milestone.objects.create(
        action=other, title="Jalon voisin", planned_date=datetime.date(2025, 2, 1)
    )
    url = admin_url(Action, "change", other.pk)
    assert pilot_client.get(url).status_code == 404
    posted = {
        "milestones-TOTAL_FORMS": "1",
        "milestones-INITIAL_FORMS": "1",
        "milestones-0-id": str(milestone.pk),
        "milestones-0-action": str(other.pk),
        "milestones-0-title": "Réécrit",
        "milestones-0-planned_date": "01/02/2025",
        "milestones-0-DELETE": "on",
    }
    assert pilot_client.post(url, posted).status_code == 404
    milestone.refresh_from_db()
    assert milestone.title == "Jalon voisin"


def test_pilot_cannot_slip_another_action_milestone_into_their_own_form(pilot_client, world):
    own, other = world["own_action"], world["other_action"]
    milestone = Milestone.objects.create(
        action=other, title="Jalon voisin", planned_date=datetime.date(2025, 2, 1)
    )
    url = admin_url(Action, "change", own.pk)
    data = change_form_data(pilot_client.get(url))
    data.update(
        {
            "milestones-TOTAL_FORMS": ["1"],
            "milestones-INITIAL_FORMS": ["1"],
            "milestones-0-id": [str(milestone.pk)],
            "milestones-0-action": [str(own.pk)],
            "milestones-0-title": ["Volé"],
            "milestones-0-planned_date": ["01/02/2025"],
        }
    )
    pilot_client.post(url, data)
    milestone.refresh_from_db()
    assert (milestone.action_id, milestone.title) == (other.pk, "Jalon voisin")


@pytest.mark.parametrize("role", ["copil", "partenaire"])
def test_other_roles_change_no_milestone(client, world, role):
    own = world["own_action"]
    milestone = Milestone.objects.create(action=own, title="Jalon", planned_date=datetime.date(2025, 2, 1))
    client.force_login(UserFactory(username=f"{role}-x", role=role, is_staff=role != "partenaire"))
    client.post(
        admin_url(Action, "change", own.pk),
        {
            "milestones-TOTAL_FORMS": "1",
            "milestones-INITIAL_FORMS": "1",
            "milestones-0-id": str(milestone.pk),
            "milestones-0-title": "Réécrit",
            "milestones-0-planned_date": "01/02/2025",
        },
    )
    milestone.refresh_from_db()
    assert milestone.title == "Jalon"


def test_coordination_changes_any_action_milestones(client, world, coordination_user):
    other = world["other_action"]
    Milestone.objects.create(action=other, title="Jalon", planned_date=datetime.date(2025, 2, 1))
    client.force_login(coordination_user)
    url = admin_url(Action, "change", other.pk)
    data = change_form_data(client.get(url))
    data["milestones-0-title"] = ["Jalon reprogrammé"]
    data["milestones-0-planned_date"] = ["01/04/2025"]
    assert client.post(url, data).status_code == 302
    assert Milestone.objects.get(action=other).planned_date == datetime.date(2025, 4, 1)


def test_two_people_editing_the_milestones_the_second_is_refused(world, coordination_user):
    own = world["own_action"]
    Milestone.objects.create(action=own, title="Jalon", planned_date=datetime.date(2025, 2, 1))
    first, second = Client(), Client()
    first.force_login(coordination_user)
    second.force_login(UserFactory(username="coordination2", role="coordination"))
    url = admin_url(Action, "change", own.pk)
    first_data, second_data = change_form_data(first.get(url)), change_form_data(second.get(url))
    second_data["milestones-0-planned_date"] = ["01/03/2025"]
    assert second.post(url, second_data).status_code == 302
    first_data["milestones-0-planned_date"] = ["01/05/2025"]
    response = first.post(url, first_data)
    assert response.status_code == 200
    assert "Cette fiche a été enregistrée par" in response.content.decode()
    assert Milestone.objects.get(action=own).planned_date == datetime.date(2025, 3, 1)


def test_the_change_form_does_not_query_per_milestone(
    client, world, coordination_user, django_assert_max_num_queries
):
    own = world["own_action"]
    client.force_login(coordination_user)
    url = admin_url(Action, "change", own.pk)
    client.get(url)
    Milestone.objects.create(action=own, title="Jalon 0", planned_date=datetime.date(2025, 1, 1))
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for day in range(2, 22):
        Milestone.objects.create(action=own, title=f"Jalon {day}", planned_date=datetime.date(2025, 1, day))
    with django_assert_max_num_queries(len(one)):
        page = client.get(url)
    assert "Jalon 21" in page.content.decode()
