"""The « Chronologie » of the public action page: public events only, dated, in order, per role."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from followup.enums import ReportStatus, RoundStatus
from followup.models import ActionReport, ReportingRound
from strategy.enums import ActionStatus
from strategy.models import Milestone
from tests.followup.factories import open_round_of
from tests.strategy.factories import DecisionFactory, MeetingFactory, UserFactory, pilot_user


def action_url(strategy_slug, action):
    return f"/strategies/{strategy_slug}/actions/{action.slug}/"


def timeline_html(response):
    """The « Chronologie » section of the page, which must be there."""
    assert response.status_code == 200
    match = re.search(r'<section class="action-timeline".*?</section>', response.content.decode(), re.S)
    assert match, "no timeline section on the page"
    return match.group(0)


@pytest.fixture
def theatre(portal):
    """The adopted strategy's action with a public, an internal and a done milestone, and a note."""
    action = portal["theatre"]
    Milestone.objects.create(
        action=action,
        title="Choix des pièces avec les enseignants",
        planned_date=datetime.date(2024, 9, 20),
        done_date=datetime.date(2024, 9, 27),
    )
    Milestone.objects.create(
        action=action, title="Bilan avec les écoles", planned_date=datetime.date(2099, 6, 1)
    )
    Milestone.objects.create(
        action=action,
        title="Arbitrage budgétaire confidentiel",
        planned_date=datetime.date(2024, 11, 1),
        is_public=False,
    )
    round = open_round_of(action.strategy)
    ActionReport.objects.filter(round=round, action=action).update(
        status=ReportStatus.SENT,
        sent_at=timezone.make_aware(datetime.datetime(2025, 10, 3, 9)),
        answer={"milestone_note": "Trois compagnies retenues, une école en attente."},
    )
    return action


def test_the_public_page_lists_the_public_events_in_date_order_as_an_accessible_list(client, theatre):
    section = timeline_html(client.get(action_url("pedt-ivry", theatre)))
    assert '<h2 id="chronologie">Chronologie</h2>' in section
    assert '<ol class="action-timeline__list">' in section
    assert '<time class="action-timeline__date" datetime="2024-09-27">27 septembre 2024</time>' in section
    assert section.index("Choix des pièces avec les enseignants") < section.index("Bilan avec les écoles")
    assert "Prévu le 20 septembre 2024." in section


def test_the_public_page_shows_no_internal_milestone_nor_a_note_of_an_open_round(client, partner, theatre):
    for reader in (None, partner):
        if reader is not None:
            client.force_login(reader)
        response = client.get(action_url("pedt-ivry", theatre))
        page = response.content.decode()
        assert "Choix des pièces avec les enseignants" in timeline_html(response)
        assert "Arbitrage budgétaire confidentiel" not in page
        assert "Trois compagnies retenues" not in page
        assert "badge--internal" not in page


@pytest.mark.parametrize("role", ["coordination", "pilote", "copil"])
def test_inside_roles_read_the_internal_milestones_and_the_points_d_etape(client, theatre, role):
    user = (
        pilot_user(username="pilote-t") if role == "pilote" else UserFactory(username=f"{role}-t", role=role)
    )
    client.force_login(user)
    section = timeline_html(client.get(action_url("pedt-ivry", theatre)))
    assert "Arbitrage budgétaire confidentiel" in section
    assert "Trois compagnies retenues, une école en attente." in section
    assert '<span class="badge badge--internal">interne</span>' in section


def test_a_closed_round_point_d_etape_is_public(client, theatre):
    ReportingRound.objects.filter(reports__action=theatre).update(status=RoundStatus.CLOSED)
    assert "Trois compagnies retenues" in timeline_html(client.get(action_url("pedt-ivry", theatre)))


def test_nothing_of_a_draft_action_reaches_the_public(client, portal, partner):
    proposed = portal["proposed"]
    Milestone.objects.create(
        action=proposed, title="Menu de la cantine testé", planned_date=datetime.date(2025, 1, 6)
    )
    DecisionFactory(
        meeting=MeetingFactory(strategy=proposed.strategy), text="Le comité reporte le projet de cantine."
    ).actions.add(proposed)
    assert client.get(action_url("pedt-ivry", proposed)).status_code == 404
    client.force_login(partner)
    assert client.get(action_url("pedt-ivry", proposed)).status_code == 404
    # The validated action of the same strategy shows none of it either.
    page = client.get(action_url("pedt-ivry", portal["theatre"])).content.decode()
    assert "Menu de la cantine testé" not in page
    assert "projet de cantine" not in page


def test_a_validated_action_never_shows_its_proposed_past_beyond_its_validation(client, theatre):
    theatre.status = ActionStatus.PROPOSED
    theatre.save()
    theatre.status = ActionStatus.IN_PROGRESS
    theatre.save()
    section = timeline_html(client.get(action_url("pedt-ivry", theatre)))
    assert "Proposée → En cours" in section
    assert "→ Proposée" not in section


def test_the_page_queries_do_not_grow_with_the_events(client, theatre, django_assert_max_num_queries):
    url = action_url("pedt-ivry", theatre)
    client.get(url)
    cache.clear()  # the rendering's queries, not the cached page's one
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for day in range(1, 21):
        Milestone.objects.create(
            action=theatre, title=f"Représentation {day}", planned_date=datetime.date(2025, 3, day)
        )
        DecisionFactory(
            meeting=MeetingFactory(strategy=theatre.strategy), text=f"Décision {day}"
        ).actions.add(theatre)
        theatre.status = ActionStatus.POSTPONED if day % 2 else ActionStatus.IN_PROGRESS
        theatre.save()
    with django_assert_max_num_queries(len(before)):
        section = timeline_html(client.get(url))
    assert section.count('<li class="action-timeline__event') > 60
