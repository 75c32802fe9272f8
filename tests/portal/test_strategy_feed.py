"""/strategies/<slug>/actualites.atom: a strategy's public events as Atom, for each reader as its pages."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from documents.enums import VersionKind
from documents.models import StrategyVersion
from followup.enums import RoundStatus
from strategy.enums import ActionStatus
from tests.followup.factories import ReportingRoundFactory
from tests.strategy.factories import ActionFactory, DecisionFactory, MeetingFactory

ATOM = "{http://www.w3.org/2005/Atom}"
FEED = "/strategies/pedt-ivry/actualites.atom"


def entries(response):
    """The entries of an Atom document, each as a dict of its title, link, id, updated and summary."""
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    found = []
    for entry in root.findall(f"{ATOM}entry"):
        found.append(
            {
                "title": entry.findtext(f"{ATOM}title"),
                "link": entry.find(f"{ATOM}link").get("href"),
                "id": entry.findtext(f"{ATOM}id"),
                "updated": datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated")),
                "summary": entry.findtext(f"{ATOM}summary") or "",
            }
        )
    return found


def titles(response):
    return [entry["title"] for entry in entries(response)]


def moved(action, *statuses):
    """Save ``action`` once per status, as the admin would: one history record each."""
    for status in statuses:
        action.status = status
        action.save()
    return action


@pytest.fixture
def news(portal):
    """The adopted strategy with a decision, a status change, a frozen and signed version, a closed
    round, an open one, and a draft action whose status changed."""
    strategy = portal["strategy"]
    moved(portal["theatre"], ActionStatus.DONE)
    StrategyVersion.objects.create(
        strategy=strategy,
        number=1,
        kind=VersionKind.INITIAL,
        frozen_at=timezone.make_aware(datetime.datetime(2024, 3, 1, 10)),
        signed_on=datetime.date(2024, 3, 15),
        sha256="0" * 64,
        pdf="versions/pedt-ivry/v1.pdf",
    )
    ReportingRoundFactory(
        strategy=strategy,
        period="2024",
        year=2024,
        status=RoundStatus.CLOSED,
        closed_at=timezone.make_aware(datetime.datetime(2025, 2, 3, 9)),
    )
    ReportingRoundFactory(strategy=strategy, period="2025", year=2025, status=RoundStatus.OPEN)
    # Validated, started, then sent back to the drafts: a proposal again, none of its past is public.
    draft = ActionFactory(
        strategy=strategy,
        axis=portal["theatre"].axis,
        code="2.9",
        title="Cantine à l'essai",
        status=ActionStatus.VALIDATED,
        pilot=portal["pilot"],
    )
    moved(draft, ActionStatus.IN_PROGRESS, ActionStatus.PROPOSED)
    return portal


def test_the_feed_is_atom_with_a_decision_a_status_change_and_documents(client, news):
    found = titles(client.get(FEED))
    assert "Décision du comité de pilotage : validation d'orientations" in found
    assert "Action 2.1 « Parcours théâtre à l'école » : réalisée" in found
    assert "Nouveau document : version 1 du document de la stratégie" in found
    assert "Version 1 signée" in found
    assert "Nouveau document : rapport d'avancement 2024" in found


def test_each_entry_links_to_its_page_with_a_date(client, news):
    by_title = {entry["title"]: entry for entry in entries(client.get(FEED))}
    change = by_title["Action 2.1 « Parcours théâtre à l'école » : réalisée"]
    assert (
        change["link"]
        == "http://testserver/strategies/pedt-ivry/actions/21-parcours-theatre-a-lecole/#chronologie"
    )
    assert change["summary"] == "Son statut passe de « en cours » à « réalisée »."
    assert change["updated"].date() == timezone.localdate()
    signed = by_title["Version 1 signée"]
    assert signed["link"] == "http://testserver/strategies/pedt-ivry/versions/1.pdf"
    assert signed["updated"].date() == datetime.date(2024, 3, 15)
    report = by_title["Nouveau document : rapport d'avancement 2024"]
    assert report["link"] == "http://testserver/strategies/pedt-ivry/rapport-2024.pdf"
    decision = by_title["Décision du comité de pilotage : validation d'orientations"]
    assert decision["link"].startswith("http://testserver/strategies/pedt-ivry/concertation/#decision-")


def test_the_decision_link_leads_to_the_decision_on_the_concertation_page(client, news):
    decision = next(entry for entry in entries(client.get(FEED)) if entry["title"].startswith("Décision"))
    anchor = decision["link"].partition("#")[2]
    assert f'id="{anchor}"' in client.get("/strategies/pedt-ivry/concertation/").content.decode()


def test_entries_come_newest_first_with_ids_stable_across_requests(client, news):
    first, second = entries(client.get(FEED)), entries(client.get(FEED))
    dates = [entry["updated"] for entry in first]
    assert dates == sorted(dates, reverse=True)
    ids = [entry["id"] for entry in first]
    assert ids == [entry["id"] for entry in second]
    assert len(set(ids)) == len(ids)  # the frozen and the signed version share a link, not an id


def test_a_draft_action_s_status_changes_never_reach_an_anonymous_visitor(client, news):
    response = client.get(FEED)
    assert "Cantine à l'essai" not in response.content.decode()
    assert "2.9" not in " ".join(titles(response))


def test_a_move_back_into_proposee_is_not_announced_to_the_public(client, news):
    # The theatre action returns to the drafts: it is no longer visible, nor any of its changes.
    moved(news["theatre"], ActionStatus.PROPOSED)
    assert not [title for title in titles(client.get(FEED)) if title.startswith("Action 2.1")]


def test_a_stay_in_the_drafts_of_a_visible_action_shows_only_its_return(client, news):
    moved(news["theatre"], ActionStatus.PROPOSED, ActionStatus.VALIDATED)
    found = titles(client.get(FEED))
    assert "Action 2.1 « Parcours théâtre à l'école » : validée" in found
    assert "Action 2.1 « Parcours théâtre à l'école » : proposée" not in found


def test_a_report_whose_round_is_still_open_is_not_announced(client, news):
    assert "Nouveau document : rapport d'avancement 2025" not in titles(client.get(FEED))


def test_the_state_s_yearly_documents_are_never_in_the_feed(client, news, coordination_user):
    client.force_login(coordination_user)
    text = client.get(FEED).content.decode()
    assert "revue-de-projet" not in text and "programmation" not in text


def test_the_staff_read_the_draft_action_s_changes(client, news, coordination_user):
    client.force_login(coordination_user)
    found = titles(client.get(FEED))
    assert "Action 2.9 « Cantine à l'essai » : en cours" in found
    assert "Action 2.9 « Cantine à l'essai » : proposée" in found


def test_a_draft_strategy_s_feed_is_a_404_for_an_anonymous_visitor(client, portal):
    assert client.get("/strategies/pedt-2027/actualites.atom").status_code == 404
    assert client.get("/strategies/brouillon/actualites.atom").status_code == 404
    assert client.get("/strategies/inconnue/actualites.atom").status_code == 404


def test_a_partner_follows_the_strategy_under_consultation_but_not_an_internal_draft(client, portal, partner):
    client.force_login(partner)
    assert client.get("/strategies/pedt-2027/actualites.atom").status_code == 200
    assert client.get("/strategies/brouillon/actualites.atom").status_code == 404


def test_the_feed_runs_as_many_queries_with_many_events_as_with_few(client, news):
    with CaptureQueriesContext(connection) as few:
        client.get(FEED)
    strategy, theatre = news["strategy"], news["theatre"]
    for index in range(20):
        action = ActionFactory(strategy=strategy, axis=theatre.axis, code=f"3.{index}", pilot=news["pilot"])
        moved(action, ActionStatus.DONE)
        DecisionFactory(meeting=MeetingFactory(strategy=strategy, title=f"COPIL {index}"), text="Suite.")
    with CaptureQueriesContext(connection) as many:
        response = client.get(FEED)
    assert len(entries(response)) > 40
    # the revision (strategy.page_cache), strategy and territory, decisions, status changes, their
    # actions, versions, closed rounds
    assert len(few.captured_queries) == len(many.captured_queries) == 7


def test_the_feed_is_bounded_to_the_50_newest_events(client, news):
    meeting = MeetingFactory(strategy=news["strategy"], title="COPIL chargé")
    for index in range(60):
        DecisionFactory(meeting=meeting, text=f"Décision {index}.")
    assert len(entries(client.get(FEED))) == 50


@pytest.mark.parametrize(
    "path",
    [
        "",
        "actions/",
        "actions/21-parcours-theatre-a-lecole/",
        "indicateurs/",
        "acteurs/",
        "concertation/",
        "documents/",
    ],
)
def test_every_strategy_page_links_to_its_feed_from_the_head_and_the_header(client, portal, path):
    html = client.get(f"/strategies/pedt-ivry/{path}").content.decode()
    head = html.partition("</head>")[0]
    assert (
        '<link rel="alternate" type="application/atom+xml" href="/strategies/pedt-ivry/actualites.atom"'
        in head
    )
    assert (
        'href="/strategies/pedt-ivry/actualites.atom" type="application/atom+xml">Suivre (fil Atom)</a>'
        in html
    )


def test_the_home_page_has_no_strategy_feed_link(client, portal):
    assert "actualites.atom" not in client.get("/").content.decode()
