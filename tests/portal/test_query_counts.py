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
    "/strategies/pedt-ivry/quartiers/",
    "/strategies/pedt-ivry/quartiers/ivry-port/",
    "/strategies/pedt-ivry/quartiers/ivry-port/?age=6-11",
]

# Anonymous visitor, 5 actions, nothing cached yet. Each page: the revision the page cache keys on
# (strategy.page_cache; of every strategy for the home page), the strategy (1), then its own lists,
# each fetched once (axes, orientations, counts by status, budget totals, prefetches...). The filter
# form of the actions list adds one query per select (axes, orientations, neighbourhoods, audiences,
# sectors); the pilot and partner filters are text inputs, which query only when one is used.
EXPECTED_QUERIES = {
    # strategies' revisions, strategies, action counts, indicator counts, organisations involved; then
    # the first choice: the strategies' neighbourhoods and the age bands
    "/": 7,
    # ... the roll-ups: by axis and orientation (3), by neighbourhood (3) and the neighbourhoods' names;
    # the funding table: each year's main funders, each year's totals, the number of funders; the first
    # choice: neighbourhoods, age bands
    "/strategies/pedt-ivry/": 17,
    "/strategies/pedt-ivry/actions/": 11,
    "/strategies/pedt-ivry/actions/?quartier=ivry-port&q=action": 12,
    # ... its beneficiaries by year, then their breakdown by audience
    # ... its timeline (followup.timeline): milestones, status history, decisions, points d'étape;
    # its milestones for the lateness rule, then those the reader may see (why it is late).
    "/strategies/pedt-ivry/actions/21-parcours-theatre-a-lecole/": 19,
    # revision, strategy, count, one page of indicators, the latest territory value of each (one window)
    "/strategies/pedt-ivry/indicateurs/": 5,
    "/strategies/pedt-ivry/indicateurs/places-creche/": 6,
    # revision, strategy, count, organisations, sectors, piloted, partnerships, signatures
    "/strategies/pedt-ivry/acteurs/": 8,
    "/strategies/pedt-ivry/concertation/": 10,
    # (not cached: the documents' state follows the worker) strategy, versions, the state of the
    # rendered documents (signatories only when a version exists)
    "/strategies/pedt-ivry/documents/": 3,
    # revision, strategy, neighbourhoods with their counts, age bands, actions in no neighbourhood
    "/strategies/pedt-ivry/quartiers/": 5,
    # strategy, neighbourhoods, age bands; its actions and their audiences, the territory's and theirs;
    # the roll-up (3); budget totals, actions led elsewhere too; indicator values there and territory's
    # ... and the revision
    "/strategies/pedt-ivry/quartiers/ivry-port/": 15,
    "/strategies/pedt-ivry/quartiers/ivry-port/?age=6-11": 15,
}
# ... and every page's footer states the accessibility statement's status (1).
EXPECTED_QUERIES = {url: count + 1 for url, count in EXPECTED_QUERIES.items()}


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
