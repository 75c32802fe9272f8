"""The fiche action prints the action's timeline, as its audience may read it (read back with pdftotext)."""

import datetime
import shutil

import pytest

from strategy.models import Milestone
from tests.documents.conftest import client_for
from tests.documents.test_action_sheet_beneficiaries import pdftotext
from tests.queue import download

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler's pdftotext is missing"),
]


@pytest.fixture
def action(pedt):
    action = pedt.actions[2]
    Milestone.objects.create(
        action=action,
        title="Recrutement des animateurs",
        planned_date=datetime.date(2024, 6, 30),
        done_date=datetime.date(2024, 7, 5),
    )
    Milestone.objects.create(
        action=action, title="Bilan avec les familles", planned_date=datetime.date(2099, 6, 1)
    )
    Milestone.objects.create(
        action=action, title="Arbitrage interne", planned_date=datetime.date(2099, 3, 1), is_public=False
    )
    return action


def sheet_text(action, tmp_path, user=None):
    response = download(client_for(user), f"/strategies/pedt-test/actions/{action.slug}.pdf")
    assert response.status_code == 200
    return pdftotext(response.content, tmp_path)


def test_the_public_sheet_prints_the_public_milestones_in_date_order(action, tmp_path):
    text = sheet_text(action, tmp_path)
    assert "Chronologie" in text
    assert "5 juillet 2024 Jalon réalisé — Recrutement des animateurs Prévu le 30 juin 2024." in text
    assert "1er juin 2099 Jalon prévu — Bilan avec les familles" in text
    assert text.index("Recrutement des animateurs") < text.index("Bilan avec les familles")
    assert "Arbitrage interne" not in text


def test_the_inside_sheet_prints_the_internal_milestones_too(action, coordination, tmp_path):
    text = sheet_text(action, tmp_path, coordination)
    assert "1er mars 2099 Jalon prévu (interne) — Arbitrage interne" in text
