"""A COPIL decision on the concertation page names only the orientations and actions the reader may see."""

import html

import pytest

from strategy.enums import OrientationStatus
from tests.strategy.factories import DecisionFactory, MeetingFactory, OrientationFactory

URL = "/strategies/pedt-ivry/concertation/"
DRAFT_TITLE = "Orientation brouillon sur la cantine"


@pytest.fixture
def decision_on_a_draft(portal):
    draft = OrientationFactory(
        strategy=portal["strategy"], number=7, title=DRAFT_TITLE, status=OrientationStatus.PROPOSED
    )
    meeting = MeetingFactory(strategy=portal["strategy"], title="COPIL d'automne")
    decision = DecisionFactory(meeting=meeting, text="Le comité examinera l'orientation 7 en décembre.")
    decision.orientations.add(draft)
    return decision


def concertation_text(client):
    response = client.get(URL)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@pytest.mark.parametrize("who", ["anonymous", "partner"])
def test_a_decision_naming_a_draft_orientation_does_not_print_its_title(
    client, portal, partner, decision_on_a_draft, who
):
    if who == "partner":
        client.force_login(partner)

    text = concertation_text(client)

    assert "Le comité examinera l'orientation 7 en décembre." in text
    assert DRAFT_TITLE not in text
    # The validated orientation named by the other decision is still listed.
    assert "Orientation 1 : Un parcours culturel pour chaque enfant" in text


def test_coordination_sees_the_draft_orientation_named_by_the_decision(
    client, portal, coordination_user, decision_on_a_draft
):
    client.force_login(coordination_user)

    assert f"Orientation 7 : {DRAFT_TITLE}" in concertation_text(client)
