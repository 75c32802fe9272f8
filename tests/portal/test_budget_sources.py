"""The public action page's budget table names each line's source."""

from strategy.enums import FundingSource
from strategy.models import BudgetLine


def test_the_action_page_shows_each_budget_line_s_source_and_its_detail(client, portal):
    theatre = portal["theatre"]
    BudgetLine.objects.filter(action=theatre).update(
        source=FundingSource.STATE_COMMON_LAW, source_detail="Ministère de la Culture (EAC)"
    )

    html = client.get(theatre.get_absolute_url()).content.decode()

    assert '<th scope="col">Source</th>' in html
    assert "Droit commun de l&#x27;État (ministère) (Ministère de la Culture (EAC))" in html


def test_a_line_without_a_source_shows_a_dash(client, portal):
    html = client.get(portal["theatre"].get_absolute_url()).content.decode()

    row = html[html.index("12\u202f500,50") - 300 : html.index("12\u202f500,50")]
    assert '<td data-label="Source">—</td>' in row
