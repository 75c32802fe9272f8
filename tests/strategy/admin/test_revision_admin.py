"""The admin's writes (a change form with its inline rows and many-to-many selects, a deletion)
bump the revision: the page an anonymous visitor had cached shows them at once. Every post is the
form the admin really renders."""

import pytest
from django.test import Client

from actors import roles
from strategy import revision
from strategy.models import Action, Strategy, Workshop
from tests.portal.conftest import build_portal
from tests.strategy.admin.conftest import admin_url
from tests.strategy.admin.html_forms import change_form_data
from tests.strategy.factories import UserFactory

THEATRE = "/strategies/pedt-ivry/actions/21-parcours-theatre-a-lecole/"


@pytest.fixture
def staff(db):
    build_portal()
    staff = Client()
    staff.force_login(UserFactory(username="coordination", role=roles.COORDINATION))
    return staff


def test_an_admin_save_with_an_inline_row_shows_on_the_cached_page(client, staff):
    action = Action.objects.get(strategy__slug="pedt-ivry", code="2.1")
    assert "Répétition générale" not in client.get(THEATRE).content.decode()
    before = revision.current(action.strategy)
    url = admin_url(Action, "change", action.pk)
    data = change_form_data(staff.get(url))
    index = int(data["milestones-TOTAL_FORMS"][0])
    data.update(
        {
            f"milestones-{index}-title": ["Répétition générale"],
            f"milestones-{index}-planned_date": ["15/03/2025"],
            f"milestones-{index}-is_public": ["on"],
            "milestones-TOTAL_FORMS": [str(index + 1)],
            "summary": ["Chaque classe voit deux pièces par an."],
        }
    )

    response = staff.post(url, data)

    assert response.status_code == 302, response.content.decode()[-2000:]
    assert revision.current(action.strategy) > before
    page = client.get(THEATRE).content.decode()
    assert "Répétition générale" in page
    assert "Chaque classe voit deux pièces par an." in page


def test_an_admin_deletion_shows_on_the_cached_page(client, staff):
    url = "/strategies/pedt-ivry/concertation/"
    assert "Atelier axe 1" in client.get(url).content.decode()
    workshop = Workshop.objects.get(title="Atelier axe 1")
    delete_url = admin_url(Workshop, "delete", workshop.pk)
    assert staff.get(delete_url).status_code == 200

    # What the confirmation page's form sends (it has no id to read it by).
    assert staff.post(delete_url, {"post": "yes"}).status_code == 302

    assert not Workshop.objects.filter(pk=workshop.pk).exists()
    assert "Atelier axe 1" not in client.get(url).content.decode()


def test_adopting_a_strategy_with_the_admin_actions_opens_its_page_to_anonymous_visitors(client, staff):
    draft = Strategy.objects.get(slug="pedt-2027")
    assert client.get("/strategies/pedt-2027/").status_code == 404
    changelist = admin_url(Strategy, "changelist")
    response = staff.post(changelist, {"action": "adopt_strategy", "_selected_action": [str(draft.pk)]})
    assert response.status_code == 302
    page = client.get("/strategies/pedt-2027/")
    assert page.status_code == 200
    assert "PEDT 2027 en concertation" in page.content.decode()
