"""What the change forms compute and record: budget tables, contribution answers."""

from decimal import Decimal

import pytest

from strategy.enums import ContributionStatus
from strategy.models import Action, Contribution, Strategy
from tests.actors.factories import OrganisationFactory
from tests.strategy.admin.conftest import admin_url, form_data
from tests.strategy.factories import ActionFactory, BudgetLineFactory, ContributionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def funded_action():
    action = ActionFactory()
    caf, city = OrganisationFactory(name="CAF du Val-de-Marne"), OrganisationFactory(name="Ville")
    BudgetLineFactory(action=action, funder=caf, year=2024, planned_amount=Decimal("12500.50"))
    BudgetLineFactory(action=action, funder=city, year=2025, planned_amount=Decimal("3000"))
    BudgetLineFactory(
        action=ActionFactory(strategy=action.strategy, axis=action.axis),
        funder=caf,
        year=2024,
        planned_amount=Decimal("1000"),
        executed_amount=Decimal("500"),
    )
    return action


def test_action_form_shows_the_budget_by_funder_and_year(client, coordination_user, funded_action):
    client.force_login(coordination_user)
    page = client.get(admin_url(Action, "change", funded_action.pk)).content.decode()
    assert (
        "<td>CAF du Val-de-Marne</td><td>2024</td><td>12\u202f500,50\xa0€</td><td>2\u202f500\xa0€</td>"
        in page
    )
    assert "<td>Ville</td><td>2025</td><td>3\u202f000\xa0€</td>" in page
    assert "15\u202f500,50\xa0€" in page  # the action's total, without the other action's lines


def test_strategy_form_shows_the_strategy_budget_totals(client, coordination_user, funded_action):
    client.force_login(coordination_user)
    page = client.get(admin_url(Strategy, "change", funded_action.strategy_id)).content.decode()
    assert (
        "<td>CAF du Val-de-Marne</td><td>2024</td><td>13\u202f500,50\xa0€</td><td>3\u202f000\xa0€</td>"
        in page
    )
    assert "16\u202f500,50\xa0€" in page


def test_answering_a_contribution_records_who_answered_and_when(client, copil_user):
    contribution = ContributionFactory()
    client.force_login(copil_user)
    url = admin_url(Contribution, "change", contribution.pk)
    data = form_data(client.get(url))
    data.update(answer="Nous ajoutons des traductions.", status=ContributionStatus.ACCEPTED)
    assert client.post(url, data).status_code == 302
    contribution.refresh_from_db()
    assert contribution.answered_by == copil_user
    assert contribution.answered_at is not None
    assert contribution.author != copil_user


def test_contribution_list_filters_by_status(client, coordination_user):
    ContributionFactory(body="Encore ouverte.")
    ContributionFactory(body="Déjà traitée.", status=ContributionStatus.REJECTED)
    client.force_login(coordination_user)
    response = client.get(admin_url(Contribution, "changelist"), {"status__exact": "open"})
    assert [c.body for c in response.context["cl"].result_list] == ["Encore ouverte."]
