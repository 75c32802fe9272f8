"""Every list and detail page runs the same number of queries with 5 or 50 actions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actors import roles
from tests.portal.conftest import build_portal
from tests.strategy.factories import UserFactory

PAGES = [
    "/",
    "/strategies/pedt-ivry/",
    "/strategies/pedt-ivry/actions/",
    "/strategies/pedt-ivry/actions/?quartier=ivry-port&q=action",
    "/strategies/pedt-ivry/actions/21-parcours-theatre-a-lecole/",
    "/strategies/pedt-ivry/indicateurs/",
    "/strategies/pedt-ivry/indicateurs/places-creche/",
    "/strategies/pedt-ivry/acteurs/",
    "/strategies/pedt-ivry/concertation/",
    "/strategies/pedt-ivry/documents/",
]

# Anonymous visitor, 5 actions. Each page: the strategy (1), then its own lists, each fetched once
# (axes, orientations, counts by status, budget totals, prefetches...). The filter form of the actions
# list adds one query per select (axes, orientations, neighbourhoods, audiences, sectors); the pilot and
# partner filters are text inputs, which query only when one is used.
EXPECTED_QUERIES = {
    "/": 4,  # strategies, action counts, indicator counts, organisations involved
    # ... the roll-ups: by axis and orientation (3), by neighbourhood (3) and the neighbourhoods' names;
    # the funding table: each year's main funders, each year's totals, the number of funders
    "/strategies/pedt-ivry/": 14,
    "/strategies/pedt-ivry/actions/": 10,
    "/strategies/pedt-ivry/actions/?quartier=ivry-port&q=action": 11,
    # ... its beneficiaries by year, then their breakdown by audience
    # ... its timeline (followup.timeline): milestones, status history, decisions, points d'étape;
    # its milestones for the lateness rule, then those the reader may see (why it is late).
    "/strategies/pedt-ivry/actions/21-parcours-theatre-a-lecole/": 18,
    # strategy, count, one page of indicators, the latest territory value of each (one window query)
    "/strategies/pedt-ivry/indicateurs/": 4,
    "/strategies/pedt-ivry/indicateurs/places-creche/": 5,
    # strategy, count, organisations, sectors, piloted, partnerships, signatures
    "/strategies/pedt-ivry/acteurs/": 7,
    "/strategies/pedt-ivry/concertation/": 9,
    # strategy, versions, the state of the rendered documents (signatories only when a version exists)
    "/strategies/pedt-ivry/documents/": 3,
}


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", PAGES)
def test_a_page_runs_as_many_queries_with_50_actions_as_with_5(client, url, django_assert_num_queries, db):
    build_portal(action_count=5)
    small = count_queries(client, url)
    assert small == EXPECTED_QUERIES[url], f"{url}: {small} queries"
    _grow_to(50)
    with django_assert_num_queries(small):
        client.get(url)


def _grow_to(count):
    from strategy.models import Action, Strategy
    from tests.strategy.factories import ActionFactory, BudgetLineFactory

    strategy = Strategy.objects.get(slug="pedt-ivry")
    template = Action.objects.get(code="1.2")
    hood = template.neighbourhoods.get()
    partner = template.partners.get()
    for index in range(count - strategy.actions.exclude(status="proposed").count()):
        action = ActionFactory(strategy=strategy, axis=template.axis, code=f"5.{index}", pilot=template.pilot)
        action.neighbourhoods.add(hood)
        action.partnerships.create(organisation=partner)
        BudgetLineFactory(action=action, funder=partner)


def test_a_partner_page_runs_as_many_queries_with_more_contributions(client, db, django_assert_num_queries):
    build_portal()
    partner = UserFactory(username="p", role=roles.PARTENAIRE)
    client.force_login(partner)
    url = "/strategies/pedt-2027/"
    small = count_queries(client, url)
    from strategy.models import Orientation
    from tests.strategy.factories import ContributionFactory

    orientation = Orientation.objects.get(strategy__slug="pedt-2027")
    for _ in range(10):
        ContributionFactory(strategy=orientation.strategy, orientation=orientation, author=partner)
    with django_assert_num_queries(small):
        client.get(url)
