"""Pages write a date in words the way the documents do: « 1er » on the first of the month."""

import datetime
import html

from tests.strategy.factories import MeetingFactory, WorkshopFactory


def test_the_concertation_page_writes_the_first_of_the_month_1er(client, portal):
    WorkshopFactory(strategy=portal["strategy"], title="Atelier de décembre", date=datetime.date(2025, 12, 1))
    MeetingFactory(strategy=portal["strategy"], title="COPIL de mars", date=datetime.date(2026, 3, 1))

    response = client.get("/strategies/pedt-ivry/concertation/")

    text = html.unescape(response.content.decode())
    assert "1er décembre 2025" in text and "1er mars 2026" in text
    assert "1 décembre 2025" not in text and "1 mars 2026" not in text
