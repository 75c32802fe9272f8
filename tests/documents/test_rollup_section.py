"""The roll-up section of the yearly report and the strategy document, read back from the real PDFs made
by the worker: the figures recomputed from the rows, the method stated, the late actions and why."""

import datetime
import re
from decimal import Decimal

import pytest

from strategy.enums import ActionStatus
from strategy.models import Action, BudgetLine, Milestone
from tests.documents.conftest import client_for, pdf_text
from tests.queue import download

pytestmark = pytest.mark.django_db

REPORT = "/strategies/pedt-test/rapport-2024.pdf"
DOCUMENT = "/strategies/pedt-test/document.pdf"


@pytest.fixture(scope="module")
def late_data(pedt):
    """Different progress per action; a done action late only by an internal milestone."""
    for index, action in enumerate(pedt.actions):
        Action.objects.filter(pk=action.pk).update(progress=(index * 13) % 101)
    done = next(a for a in pedt.actions if a.status == ActionStatus.DONE)
    Milestone.objects.create(
        action=done,
        title="Convention signée avec le collège",
        planned_date=datetime.date(2025, 1, 10),
        is_public=False,
    )
    return done


def _published(pedt):
    return Action.objects.filter(strategy=pedt.strategy).exclude(status=ActionStatus.PROPOSED)


@pytest.fixture(scope="module")
def anonymous_report(late_data):
    response = download(client_for(), REPORT)
    assert response.status_code == 200
    return pdf_text(response.content)


@pytest.fixture(scope="module")
def staff_report(late_data, coordination):
    return pdf_text(download(client_for(coordination), REPORT).content)


def _after(heading, text):
    """The text after the first ``heading`` (the PDF's text may space out the elided « L’ »)."""
    return re.split(heading.replace("L’", "L ?’"), text, maxsplit=1)[1]


def _section(text):
    return _after("L’avancement en résumé", text).split("Ce qui a changé en 2024 Axe")[0]


def test_the_report_states_the_mean_progress_and_its_method(pedt, anonymous_report):
    section = _section(anonymous_report)
    actions = list(_published(pedt))
    mean = (Decimal(sum(a.progress for a in actions)) / len(actions)).quantize(Decimal("0.1"))
    expected = f"{mean}".replace(".", ",").removesuffix(",0")
    assert f"{len(actions)} actions ; avancement moyen (moyenne simple) : {expected} %" in section, section[
        :300
    ]


def test_the_report_gives_each_status_share_and_the_budget_by_stage(pedt, anonymous_report):
    section = _section(anonymous_report)
    actions = list(_published(pedt))
    done = sum(a.status == ActionStatus.DONE for a in actions)
    share = f"{Decimal(done * 100) / len(actions):.1f}".replace(".", ",").removesuffix(",0")
    assert f"Réalisée {done} {share} %" in section
    planned = sum(line.planned_amount for line in BudgetLine.objects.filter(action__in=actions))
    assert f"Ensemble de la stratégie {len(actions)}" in section
    assert f"{planned:,.0f}".replace(",", " ") + " €" in section


def test_the_report_lists_the_late_actions_and_why(pedt, late_data, anonymous_report):
    section = _section(anonymous_report)
    late = [a for a in _published(pedt).prefetch_related("milestones") if a.is_late(datetime.date.today())]
    assert late_data in late
    listed = section.split("Les actions en retard")[1]
    for action in late:
        assert f"{action.code} " in listed
    assert "date de fin dépassée (30 juin 2025)" in listed
    assert "un jalon interne est en retard" in listed
    assert "Convention signée" not in anonymous_report  # an internal milestone, for a visitor


def test_staff_read_the_internal_milestone_by_name(staff_report):
    listed = _section(staff_report).split("Les actions en retard")[1]
    assert "jalon en retard : Convention signée avec le collège (prévu le 10 janvier 2025)" in listed


def test_the_strategy_document_has_the_same_rollup(pedt, late_data):
    text = pdf_text(download(client_for(), DOCUMENT).content)
    section = _after("L’avancement des actions", text)
    actions = list(_published(pedt))
    assert f"{len(actions)} actions ; avancement moyen (moyenne simple)" in section
    assert re.search("L ?’avancement par quartier", section)
