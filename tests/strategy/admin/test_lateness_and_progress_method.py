"""The admin: late actions in the change list (a column and a filter), and the strategy's progress method
and co-funding ratio in its form (« Suivi et financement »), typed the French way."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from strategy.enums import ProgressMethod
from strategy.models import Action, Milestone, Strategy
from tests.strategy.admin.conftest import admin_url
from tests.strategy.admin.html_forms import change_form_data
from tests.strategy.factories import ActionFactory, StrategyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def actions():
    today = timezone.localdate()
    strategy = StrategyFactory()
    late = ActionFactory(
        strategy=strategy, code="1.1", title="Action en retard", end_date=today - datetime.timedelta(days=5)
    )
    by_milestone = ActionFactory(
        strategy=strategy,
        axis=late.axis,
        code="1.2",
        title="Jalon manqué",
        end_date=today + datetime.timedelta(days=90),
    )
    Milestone.objects.create(
        action=by_milestone,
        title="Réunion de lancement",
        planned_date=today - datetime.timedelta(days=2),
        is_public=False,
    )
    on_time = ActionFactory(
        strategy=strategy,
        axis=late.axis,
        code="1.3",
        title="Action à l'heure",
        end_date=today + datetime.timedelta(days=90),
    )
    return late, by_milestone, on_time


def _rows(page):
    """{title: row HTML} of the change list."""
    page = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return {
        match.group(2): match.group(0)
        for match in re.finditer(
            r'<tr>.*?<a href="[^"]+">([^<]+)</a>.*?<a href="[^"]+">([^<]+)</a>.*?</tr>', page, re.S
        )
    }


def test_the_change_list_has_a_late_column(client, coordination_user, actions):
    client.force_login(coordination_user)
    page = client.get(admin_url(Action, "changelist")).content.decode()
    assert "column-is_late" in page and ">En retard</a>" in page
    rows = _rows(page)
    assert 'alt="True"' in rows["Action en retard"]
    assert 'alt="True"' in rows["Jalon manqué"]
    assert 'alt="False"' in rows["Action à l&#x27;heure"]


@pytest.mark.parametrize(
    "value, titles", [("1", {"Action en retard", "Jalon manqué"}), ("0", {"Action à l&#x27;heure"})]
)
def test_the_late_filter(client, coordination_user, actions, value, titles):
    client.force_login(coordination_user)
    response = client.get(admin_url(Action, "changelist") + f"?retard={value}")
    assert set(_rows(response.content.decode())) == titles
    assert response.context["cl"].result_count == len(titles)


def test_the_strategy_form_sets_the_progress_method_and_a_french_ratio(client, coordination_user):
    strategy = StrategyFactory()
    client.force_login(coordination_user)
    url = admin_url(Strategy, "change", strategy.pk)
    response = client.get(url)
    page = response.content.decode()
    assert "Suivi et financement" in page
    data = change_form_data(response)
    assert data["progress_method"] == ["equal"]
    data["progress_method"] = ["budget"]
    data["cofunding_ratio"] = ["0,5"]
    assert client.post(url, data).status_code == 302
    strategy.refresh_from_db()
    assert strategy.progress_method == ProgressMethod.BUDGET
    assert strategy.cofunding_ratio == Decimal("0.5")


def test_a_negative_ratio_is_refused_in_french_and_nothing_changes(client, coordination_user):
    strategy = StrategyFactory()
    client.force_login(coordination_user)
    url = admin_url(Strategy, "change", strategy.pk)
    data = change_form_data(client.get(url))
    data["progress_method"] = ["budget"]
    data["cofunding_ratio"] = ["-1"]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "errornote" in response.content.decode()
    strategy.refresh_from_db()
    assert strategy.progress_method == ProgressMethod.EQUAL
    assert strategy.cofunding_ratio is None
