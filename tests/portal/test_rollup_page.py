"""The strategy page's roll-ups: the summary (status shares, mean progress with its method, budget by
stage, late actions), each axis, and the table by neighbourhood; a visitor's figures leave drafts out."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actors import roles
from strategy.enums import ActionStatus, FundingStage, ProgressMethod
from tests.actors.factories import NeighbourhoodFactory
from tests.strategy.factories import (
    ActionFactory,
    AxisFactory,
    BudgetLineFactory,
    StrategyFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

URL = "/strategies/pedt-bilan/"
NNBSP, NBSP = "\u202f", "\xa0"


@pytest.fixture
def strategy():
    today = timezone.localdate()
    strategy = StrategyFactory(slug="pedt-bilan")
    axis1 = AxisFactory(strategy=strategy, number=1, title="Réussir à l'école")
    axis2 = AxisFactory(strategy=strategy, number=2, title="Grandir en bonne santé")
    north = NeighbourhoodFactory(territory=strategy.territory, name="Quartier Nord")
    south = NeighbourhoodFactory(territory=strategy.territory, name="Quartier Sud")
    future = today + datetime.timedelta(days=100)
    big = ActionFactory(
        strategy=strategy,
        axis=axis1,
        code="1.1",
        progress=90,
        end_date=future,
        status=ActionStatus.IN_PROGRESS,
    )
    small = ActionFactory(
        strategy=strategy, axis=axis1, code="1.2", progress=10, end_date=future, status=ActionStatus.DONE
    )
    ActionFactory(
        strategy=strategy,
        axis=axis2,
        code="2.1",
        progress=0,
        end_date=today - datetime.timedelta(days=1),
        status=ActionStatus.IN_PROGRESS,
    )
    ActionFactory(
        strategy=strategy,
        axis=axis2,
        code="2.2",
        progress=100,
        status=ActionStatus.PROPOSED,
        end_date=today - datetime.timedelta(days=1),
        title="Projet secret",
    )
    big.neighbourhoods.set([north, south])
    small.neighbourhoods.set([north])
    BudgetLineFactory(
        action=big, planned_amount=Decimal("30000"), notified_amount=Decimal("28000"), stage=FundingStage.PAID
    )
    BudgetLineFactory(action=small, planned_amount=Decimal("10000"), stage=FundingStage.COMMITTED)
    return strategy


def _section(page, heading_id):
    start = page.index(f'id="{heading_id}"')
    return page[start : page.find("<section", start)]


def test_the_summary_states_every_figure_and_its_method(client, strategy):
    page = client.get(URL).content.decode()
    summary = _section(page, "avancement")
    # (90 + 10 + 0) / 3, the draft left out for a visitor
    assert f"33,3{NBSP}%" in summary and "d’avancement moyen (moyenne simple)" in summary
    assert "Projet secret" not in page
    statuses = re.findall(
        r'badge--(\w+)">[^<]+</span></th><td>(\d+)</td><td>.*?</progress> ([^<]+)</td>', summary
    )
    assert ("in_progress", "2", f"66,7{NBSP}%") in statuses
    assert ("done", "1", f"33,3{NBSP}%") in statuses
    assert ("proposed", "0", f"0{NBSP}%") in statuses
    budget = dict(re.findall(r'<th scope="row">(\w+)</th><td>([^<]+)</td>', summary))
    assert budget == {
        "Prévus": f"40{NNBSP}000{NBSP}€",  # 30 000 + 10 000
        "Notifiés": f"28{NNBSP}000{NBSP}€",
        "Engagés": f"38{NNBSP}000{NBSP}€",  # committed or paid, at the notified amount where known
        "Versés": f"28{NNBSP}000{NBSP}€",
    }
    assert '?retard=1">action en retard</a>' in summary  # one: 2.1


def test_the_budget_weighted_method_is_stated_next_to_the_mean(client, strategy):
    strategy.progress_method = ProgressMethod.BUDGET
    strategy.save()
    page = client.get(URL).content.decode()
    assert f"70{NBSP}%" in _section(page, "avancement")  # (90 × 30 000 + 10 × 10 000) / 40 000
    assert page.count("pondérée par le budget prévu") >= 3  # the summary, each axis, the table
    assert "moyenne simple" not in page


def test_each_axis_section_has_its_rollup(client, strategy):
    page = client.get(URL).content.decode()
    axis1 = page[page.index('id="axe-1"') : page.index('id="axe-2"')]
    assert f"Avancement moyen : 50{NBSP}%" in axis1
    assert "En cours : 50" in axis1 and "Réalisée : 50" in axis1
    assert "retard" not in axis1
    axis2 = page[page.index('id="axe-2"') :]
    axis2 = axis2[: axis2.index("</div>")]
    assert f"Avancement moyen : 0{NBSP}%" in axis2
    assert '?axe=2&amp;retard=1"><span class="badge badge--late">1 action en retard' in axis2


def test_the_neighbourhood_table_counts_an_action_in_each_of_its_neighbourhoods(client, strategy):
    page = client.get(URL).content.decode()
    table = page[page.index('class="rollup-neighbourhoods"') :]
    table = table[: table.index("</table>")]
    rows = re.findall(
        r'<th scope="row">([^<]+)</th>\s*<td>(\d+)</td>\s*<td>(\d*)</td>\s*<td>(\d+)</td>\s*<td>([^<]+)',
        table,
    )
    assert rows == [
        ("Quartier Nord", "2", "1", "0", f"50{NBSP}%"),
        ("Quartier Sud", "1", "0", "0", f"90{NBSP}%"),
        ("Sans quartier désigné (tout le territoire)", "1", "0", "1", f"0{NBSP}%"),
    ]
    assert "compte dans chacun" in page


def test_coordination_counts_the_drafts_too(client, strategy):
    client.force_login(UserFactory(role=roles.COORDINATION))
    summary = _section(client.get(URL).content.decode(), "avancement")
    assert f"50{NBSP}%" in summary  # (90 + 10 + 0 + 100) / 4
    assert '?retard=1">actions en retard</a>' in summary  # 2.1 and the draft 2.2


def test_the_page_runs_as_many_queries_with_many_more_actions(client, strategy, django_assert_num_queries):
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    axis = strategy.axes.first()
    hood = NeighbourhoodFactory(territory=strategy.territory, name="Quartier Est")
    for n in range(25):
        action = ActionFactory(strategy=strategy, axis=axis, code=f"1.{n + 10}", progress=n * 4)
        action.neighbourhoods.set([hood])
        BudgetLineFactory(action=action, planned_amount=Decimal(1000 + n))
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get(URL).status_code == 200
