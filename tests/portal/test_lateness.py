"""A late action is flagged wherever it is listed: the portal's list (badge, ?retard=1), the action page
(and why), the API (list and detail)."""

import datetime
import re

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from actors import roles
from strategy.enums import ActionStatus
from strategy.models import Milestone
from tests.strategy.factories import ActionFactory, AxisFactory, StrategyFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def late():
    """Four actions: late by its end date, late by a public milestone, late by an internal milestone
    only, and one on time (its end date passed, but done)."""
    today = timezone.localdate()
    strategy = StrategyFactory(slug="pedt-retard")
    axis = AxisFactory(strategy=strategy, number=1)
    common = {"strategy": strategy, "axis": axis, "end_date": today + datetime.timedelta(days=200)}
    by_end = ActionFactory(
        **{**common, "end_date": today - datetime.timedelta(days=10)},
        code="1.1",
        title="Ateliers du mercredi",
    )
    by_milestone = ActionFactory(**common, code="1.2", title="Chorale des écoles")
    Milestone.objects.create(
        action=by_milestone, title="Premier concert", planned_date=today - datetime.timedelta(days=3)
    )
    Milestone.objects.create(
        action=by_milestone,
        title="Concert fait",
        planned_date=today - datetime.timedelta(days=30),
        done_date=today - datetime.timedelta(days=29),
    )
    internal = ActionFactory(**common, code="1.3", title="Bus des sorties")
    Milestone.objects.create(
        action=internal,
        title="Marché public signé",
        planned_date=today - datetime.timedelta(days=1),
        is_public=False,
    )
    on_time = ActionFactory(
        **{**common, "end_date": today - datetime.timedelta(days=10)},
        code="1.4",
        title="Fête de fin d'année",
        status=ActionStatus.DONE,
    )
    return {
        "strategy": strategy,
        "by_end": by_end,
        "by_milestone": by_milestone,
        "internal": internal,
        "on_time": on_time,
        "today": today,
    }


def _items(page):
    """{code: the HTML of its list item}."""
    return {
        match.group(1): match.group(0)
        for match in re.finditer(r'<span class="code">([^<]+)</span>.*?</li>', page, re.S)
    }


def test_the_list_flags_late_actions_and_only_them(client, late):
    page = client.get("/strategies/pedt-retard/actions/").content.decode()
    items = _items(page)
    assert set(items) == {"1.1", "1.2", "1.3", "1.4"}
    flagged = {code for code, html in items.items() if "badge--late" in html and "En retard" in html}
    assert flagged == {"1.1", "1.2", "1.3"}


def test_the_late_filter_keeps_the_late_ones_and_says_so(client, late, django_assert_max_num_queries):
    with django_assert_max_num_queries(14):
        response = client.get("/strategies/pedt-retard/actions/?retard=1")
    page = response.content.decode()
    assert set(_items(page)) == {"1.1", "1.2", "1.3"}
    assert "Fête de fin d" not in page
    assert '<option value="1" selected>En retard</option>' in page  # the filter form keeps the choice


def test_an_unknown_late_value_is_a_form_error_not_a_crash(client, late):
    response = client.get("/strategies/pedt-retard/actions/?retard=peut-etre")
    assert response.status_code == 200
    assert not _items(response.content.decode())


def test_the_list_query_count_does_not_grow_with_late_actions(client, late, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/strategies/pedt-retard/actions/")
    for n in range(10):
        ActionFactory(
            strategy=late["strategy"],
            axis=late["by_end"].axis,
            code=f"2.{n}",
            end_date=late["today"] - datetime.timedelta(days=1),
        )
    with django_assert_num_queries(len(few.captured_queries)):
        client.get("/strategies/pedt-retard/actions/")


def test_the_action_page_says_why(client, late):
    page = client.get(late["by_end"].get_absolute_url()).content.decode()
    assert "Cette action est en retard" in page
    assert "date de fin dépassée" in page
    page = client.get(late["by_milestone"].get_absolute_url()).content.decode()
    assert "jalon en retard : Premier concert" in page
    assert "Concert fait" not in page.split("Cette action est en retard")[1].split("</ul>")[0]
    page = client.get(late["on_time"].get_absolute_url()).content.decode()
    assert "badge--late" not in page and "en retard" not in page


@pytest.mark.parametrize(
    "role, sees_title",
    [(None, False), (roles.PARTENAIRE, False), (roles.COORDINATION, True), (roles.PILOTE, True)],
)
def test_an_internal_milestone_is_named_only_to_staff(client, late, role, sees_title):
    if role:
        client.force_login(UserFactory(role=role))
    page = client.get(late["internal"].get_absolute_url()).content.decode()
    assert "Cette action est en retard" in page
    assert ("Marché public signé" in page) is sees_title
    assert ("un jalon interne est en retard" in page) is not sees_title


def test_the_api_says_is_late_in_the_list_and_the_detail(late):
    api = APIClient()
    rows = api.get("/api/v1/strategies/pedt-retard/actions/").json()["results"]
    assert {row["code"]: row["is_late"] for row in rows} == {
        "1.1": True,
        "1.2": True,
        "1.3": True,
        "1.4": False,
    }
    assert api.get("/api/v1/strategies/pedt-retard/actions/1.2/").json()["is_late"] is True
    assert api.get("/api/v1/strategies/pedt-retard/actions/1.4/").json()["is_late"] is False
    late_only = api.get("/api/v1/strategies/pedt-retard/actions/?retard=1").json()["results"]
    assert sorted(row["code"] for row in late_only) == ["1.1", "1.2", "1.3"]
