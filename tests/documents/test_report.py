"""The yearly COPIL report (/strategies/<slug>/rapport-<year>.pdf)."""

import datetime

import pytest
from django.utils import timezone

from strategy.enums import ActionStatus
from strategy.models import Action
from tests.documents.builders import CONTRIBUTION_BODY, DRAFT_TITLE, UNPUBLISHED_INDICATOR
from tests.documents.conftest import client_for, pdf_text
from tests.queue import download

# Module fixtures hold the data; each test still runs in its own rolled-back transaction.
pytestmark = pytest.mark.django_db

URL = "/strategies/pedt-test/rapport-2024.pdf"


@pytest.fixture(scope="module")
def status_change(pedt):
    """Action 1 moved from « en cours » to « réalisée » on 2 May 2024, as its history records."""
    action = pedt.actions[0]
    action.status = ActionStatus.IN_PROGRESS
    action.save()
    action.status = ActionStatus.DONE
    action.save()
    records = list(Action.history.filter(id=action.id).order_by("history_date", "history_id"))
    tz = timezone.get_current_timezone()
    for record, when in zip(  # noqa: B905 (two records, two dates)
        records[-2:], [datetime.datetime(2023, 10, 1, tzinfo=tz), datetime.datetime(2024, 5, 2, tzinfo=tz)]
    ):
        Action.history.filter(history_id=record.history_id).update(history_date=when)
    for record in records[:-2]:
        Action.history.filter(history_id=record.history_id).update(
            history_date=datetime.datetime(2023, 9, 1, tzinfo=tz)
        )
    return action


@pytest.fixture(scope="module")
def anonymous_text(status_change):
    response = download(client_for(), URL)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'inline; filename="pedt-test-rapport-2024.pdf"'
    return pdf_text(response.content)


@pytest.fixture(scope="module")
def staff_text(status_change, coordination):
    return pdf_text(download(client_for(coordination), URL).content)


def test_it_counts_the_actions_of_each_axis_by_status(anonymous_text):
    assert "Les actions par axe et par statut" in anonymous_text
    assert "1. Accompagner chaque enfant dans son parcours" in anonymous_text


def test_it_lists_the_status_changes_of_the_year_from_the_history(status_change, anonymous_text):
    changes = anonymous_text.split("Changements de statut")[1][:400]
    assert "2 mai 2024 1.1 — Action 1 : ateliers « lire et grandir » En cours Réalisée" in changes, changes


def test_it_lists_actions_starting_in_the_year(anonymous_text):
    assert "début le 15 janvier" in anonymous_text


def test_it_compares_each_indicator_latest_value_with_its_target(anonymous_text):
    assert "Dernière valeur (2024) : 245 places" in anonymous_text
    assert "cible 260 (2026)" in anonymous_text
    assert "75 % du chemin vers la cible" in anonymous_text  # (245 - 200) / (260 - 200)


def test_it_gives_the_years_budget_planned_and_executed_by_funder(anonymous_text):
    # 2024: 8 published actions × 12 500 € planned, × 2 500 € executed, all from the CAF.
    assert "pedt-test CAF du Val-de-Marne 100 000 € 20 000 € 20 %" in anonymous_text
    assert "60 000" not in anonymous_text.split("Le budget 2024")[1].split("Les décisions")[0]


def test_it_gives_the_decisions_of_the_years_meetings(anonymous_text):
    assert "COPIL de juin 2024 — 25 juin 2024" in anonymous_text
    assert "Le comité valide le parcours culturel." in anonymous_text


def test_anonymous_visitor_sees_no_contribution_draft_or_unpublished_indicator(anonymous_text):
    assert CONTRIBUTION_BODY not in anonymous_text
    assert "Contributions en attente" not in anonymous_text
    assert DRAFT_TITLE not in anonymous_text
    assert UNPUBLISHED_INDICATOR not in anonymous_text


def test_staff_see_the_open_contributions(staff_text):
    assert "Contributions en attente de réponse" in staff_text
    assert CONTRIBUTION_BODY in staff_text


@pytest.mark.parametrize("year", [2022, 2027, 1, 99999])
def test_a_year_outside_the_strategy_period_gives_404(pedt, year):
    assert client_for().get(f"/strategies/pedt-test/rapport-{year}.pdf").status_code == 404


def test_unknown_strategy_gives_404(pedt):
    assert client_for().get("/strategies/inconnue/rapport-2024.pdf").status_code == 404


def test_its_queries_are_bounded(anonymous_text, coordination, django_assert_max_num_queries):
    anonymous, staff = client_for(), client_for(coordination)
    with django_assert_max_num_queries(12):
        assert download(anonymous, URL).status_code == 200
    # Staff: session and user, their groups, and the open contributions.
    with django_assert_max_num_queries(16):
        assert download(staff, URL).status_code == 200
