"""The admin shows each object's history and what changed between two states."""

import pytest

from strategy.models import Action
from tests.strategy.admin.conftest import admin_url, form_data
from tests.strategy.factories import ActionFactory


@pytest.fixture
def renamed_action(client, coordination_user):
    action = ActionFactory(title="Ateliers du mercredi")
    client.force_login(coordination_user)
    data = form_data(client.get(admin_url(Action, "change", action.pk)))
    data["title"] = "Ateliers du samedi"
    assert client.post(admin_url(Action, "change", action.pk), data).status_code == 302
    client.logout()
    return action


def test_history_page_shows_who_changed_which_field_from_what_to_what(
    client, coordination_user, renamed_action
):
    client.force_login(coordination_user)
    page = client.get(admin_url(Action, "history", renamed_action.pk)).content.decode()
    assert "Ce qui a changé" in page
    assert "<strong>Titre :</strong> <del>Ateliers du mercredi</del> → <ins>Ateliers du samedi</ins>" in page
    assert "coordination" in page


def test_copil_reads_the_history_but_cannot_revert(client, copil_user, renamed_action):
    client.force_login(copil_user)
    assert client.get(admin_url(Action, "history", renamed_action.pk)).status_code == 200
    first_version = renamed_action.history.earliest()
    url = admin_url(Action, "simple_history", renamed_action.pk, first_version.history_id)
    assert client.post(url, {"title": "Ateliers du mercredi"}).status_code == 403
    renamed_action.refresh_from_db()
    assert renamed_action.title == "Ateliers du samedi"
