"""The round's lists make as many queries for many actions and organisations as for a few."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indicators.enums import Frequency
from tests.actors.factories import OrganisationFactory
from tests.followup.factories import open_round_of
from tests.indicators.factories import IndicatorFactory
from tests.strategy.factories import ActionFactory, BudgetLineFactory, StrategyFactory, pilot_user


def build(count):
    """A round asking ``count`` actions of one organisation and ``count`` other organisations."""
    strategy = StrategyFactory()
    own = OrganisationFactory()
    for _ in range(count):
        action = ActionFactory(strategy=strategy, pilot=own)
        BudgetLineFactory(action=action, year=2025)
        indicator = IndicatorFactory(strategy=strategy, frequency=Frequency.YEARLY)
        indicator.actions.add(action)
        ActionFactory(strategy=strategy)  # another organisation's
    round = open_round_of(strategy)
    return round, pilot_user(organisation=own), own


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response.content.decode()


@pytest.mark.django_db
def test_the_pilots_lists_do_not_grow_with_the_actions(client):
    small_round, small_pilot, _own = build(1)
    big_round, big_pilot, _own = build(6)
    counts = {}
    for name, round, pilot in (("small", small_round, small_pilot), ("big", big_round, big_pilot)):
        client.force_login(pilot)
        counts[name, "list"], _page = queries(client, reverse("followup:round_list"))
        counts[name, "actions"], page = queries(client, reverse("followup:round_actions", args=[round.pk]))
        assert page.count('class="followup-report ') == (1 if name == "small" else 6)
    assert counts["small", "list"] == counts["big", "list"]
    assert counts["small", "actions"] == counts["big", "actions"]
    # session, user, groups, organisation + the page's own: the rounds with their counts;
    # round, participant, reports, gaps (indicators, values), links, beneficiaries.
    assert counts["big", "list"] <= 8
    assert counts["big", "actions"] <= 14


@pytest.mark.django_db
def test_the_coordination_lists_do_not_grow_with_the_organisations(client, coordination_user):
    small_round, _pilot, own_small = build(1)
    big_round, _pilot, own_big = build(6)
    client.force_login(coordination_user)
    list_count, page = queries(client, reverse("followup:round_list"))
    assert page.count("?structure=") == 2 + 7
    small, _ = queries(client, reverse("followup:round_actions", args=[small_round.pk]))
    big, page = queries(client, reverse("followup:round_actions", args=[big_round.pk]))
    assert small == big and page.count("?structure=") == 7
    small, _ = queries(
        client, reverse("followup:round_actions", args=[small_round.pk]) + f"?structure={own_small.pk}"
    )
    big, _ = queries(
        client, reverse("followup:round_actions", args=[big_round.pk]) + f"?structure={own_big.pk}"
    )
    assert small == big
    assert list_count <= 8
