"""Two people editing the same fiche: the second save is refused and says what changed."""

import pytest
from django.test import Client

from strategy.models import Action, Strategy
from tests.strategy.admin.conftest import admin_url, form_data
from tests.strategy.factories import ActionFactory, StrategyFactory, UserFactory


@pytest.fixture
def two_clients(db, coordination_user):
    first, second = Client(), Client()
    first.force_login(coordination_user)
    second.force_login(UserFactory(username="coordination2", role="coordination"))
    return first, second


def test_a_save_over_someone_else_is_refused_naming_their_changed_fields(two_clients):
    first, second = two_clients
    action = ActionFactory(title="Ateliers du mercredi", summary="Résumé d'origine.")
    url = admin_url(Action, "change", action.pk)
    first_data, second_data = form_data(first.get(url)), form_data(second.get(url))

    second_data["title"] = "Ateliers du samedi"
    assert second.post(url, second_data).status_code == 302

    first_data["summary"] = "Résumé réécrit."
    response = first.post(url, first_data)
    assert response.status_code == 200
    message = " ".join(response.context["adminform"].form.non_field_errors())
    assert "coordination2" in message
    assert "Titre" in message
    action.refresh_from_db()
    assert action.title == "Ateliers du samedi"
    assert action.summary == "Résumé d'origine."


def test_a_save_without_anyone_else_in_between_goes_through(two_clients):
    first, _ = two_clients
    action = ActionFactory(title="Ateliers du mercredi")
    url = admin_url(Action, "change", action.pk)
    data = form_data(first.get(url))
    data["title"] = "Ateliers du jeudi"
    assert first.post(url, data).status_code == 302
    data = form_data(first.get(url))
    data["title"] = "Ateliers du vendredi"
    assert first.post(url, data).status_code == 302
    action.refresh_from_db()
    assert action.title == "Ateliers du vendredi"


def test_strategy_form_refuses_concurrent_saves_too(two_clients):
    first, second = two_clients
    strategy = StrategyFactory(title="Projet éducatif d'origine")
    url = admin_url(Strategy, "change", strategy.pk)
    first_data, second_data = form_data(first.get(url)), form_data(second.get(url))
    second_data["governance"] = "Un COPIL par trimestre."
    assert second.post(url, second_data).status_code == 302
    first_data["title"] = "Projet éducatif réécrit"
    response = first.post(url, first_data)
    assert response.status_code == 200
    assert "Gouvernance" in " ".join(response.context["adminform"].form.non_field_errors())
    strategy.refresh_from_db()
    assert strategy.title == "Projet éducatif d'origine"
