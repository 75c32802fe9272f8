"""The coordination's view of a round: where each organisation stands, who can be reached, reminders."""

import datetime
import html
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from followup import rounds
from followup.models import RoundParticipant
from notifications.models import MailPreference, Notification
from tests.actors.factories import OrganisationFactory
from tests.followup.conftest import report_of
from tests.strategy.factories import ActionFactory, pilot_user


def url(name, round):
    return reverse(f"admin:followup_reportinground_{name}", args=[round.pk])


def page_of(client, round):
    response = client.get(url("state", round))
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def row_of(page, organisation):
    """The HTML of the organisation's row in the table by organisation."""
    start = page.index(f'<tr id="structure-{organisation.pk}">')
    return page[start : page.index("</tr>", start)]


@pytest.fixture
def answered_world(open_world):
    """Youth sent both its reports, culture saved its report without sending it, sport did nothing."""
    users = open_world["users"]
    sent_at = timezone.now() - datetime.timedelta(days=1)
    for key in ("youth_1", "youth_2"):
        report = report_of(open_world, key)
        report.milestone_note = f"Point d'étape de {key}."
        report.save()
        rounds.send_report(report, users["youth"], now=sent_at)
    rounds.mark_saved(report_of(open_world, "culture"), users["culture"])
    return open_world


def test_each_organisation_shows_its_state_progress_and_reachability(client, answered_world):
    world = answered_world
    client.force_login(world["users"]["coordination"])

    page = page_of(client, world["round"])

    youth = row_of(page, world["organisations"]["youth"])
    assert "Répondu" in youth and "2 / 2" in youth
    assert (timezone.localdate() - datetime.timedelta(days=1)).strftime("%d/%m/%Y") in youth
    assert "Karim Haddad : pilote-jeunesse@example.org" in strip_tags(youth)
    assert "pilote-sans-adresse : injoignable (aucune adresse)" in strip_tags(youth)
    assert "partenaire-jeunesse" not in youth
    assert ">Relancer<" not in youth  # done: nothing to remind
    culture = row_of(page, world["organisations"]["culture"])
    assert "En cours" in culture and "0 / 1" in culture and ">Relancer<" in culture
    sport = row_of(page, world["organisations"]["sport"])
    assert "Pas encore commencé" in sport and "injoignable : aucun compte pilote" in sport
    assert "1 structure sur 3 a tout envoyé" in page
    assert "2 fiches envoyées sur 4" in page
    assert (
        f'href="/admin/suivi/{world["round"].pk}/?structure={world["organisations"]["culture"].pk}"' in page
    )


def test_each_action_shows_its_report_who_sent_it_and_its_milestone(client, answered_world):
    client.force_login(answered_world["users"]["coordination"])

    page = page_of(client, answered_world["round"])

    reports = page[page.index("Par action") :]
    assert "2.1 · Stages de collégiens" in reports
    assert "Point d'étape de youth_1." in reports
    assert "Karim Haddad, le " in reports
    assert "en cours de saisie par pilote-culture" in reports
    assert "À remplir" in reports


def test_a_late_organisation_shows_late_and_a_done_one_stays_answered(client, answered_world):
    round = answered_world["round"]
    round.deadline = timezone.localdate() - datetime.timedelta(days=2)
    round.save()
    client.force_login(answered_world["users"]["coordination"])

    page = page_of(client, round)

    assert "En retard" in row_of(page, answered_world["organisations"]["sport"])
    assert "Répondu en retard" in row_of(page, answered_world["organisations"]["youth"])
    assert "Relancer toutes les structures en retard (1)" in page  # culture; sport has nobody to write to


def test_the_state_view_reads_in_the_same_queries_whatever_the_number_of_organisations(
    client, coordination_user, django_assert_num_queries
):
    from tests.followup.factories import ReportingRoundFactory
    from tests.strategy.factories import StrategyFactory

    def world(size):
        strategy = StrategyFactory()
        for _ in range(size):
            organisation = OrganisationFactory()
            ActionFactory(strategy=strategy, pilot=organisation)
            ActionFactory(strategy=strategy, pilot=organisation)
            pilot_user(organisation=organisation)
        round = ReportingRoundFactory(strategy=strategy)
        rounds.open_round(round, coordination_user, send_mail=False)
        for report in round.reports.all()[:size]:
            rounds.send_report(report, coordination_user)
        return round

    small, large = world(2), world(8)
    client.force_login(coordination_user)
    # session, user, round, the user's groups, their permissions (user's and groups'), participants
    # with their progress, reports with their actions and senders, pilot users, their preferences.
    with django_assert_num_queries(10) as small_queries:
        client.get(url("state", small))
    with django_assert_num_queries(len(small_queries.captured_queries)):
        page = client.get(url("state", large)).content.decode()
    assert page.count('<tr id="structure-') == 8


def test_relancer_queues_a_reminder_to_the_organisations_pilots_and_counts_it(client, answered_world):
    world = answered_world
    client.force_login(world["users"]["coordination"])
    culture = world["round"].participants.get(organisation=world["organisations"]["culture"])

    response = client.post(url("remind", world["round"]), {"participant": culture.pk}, follow=True)

    assert "Rappel envoyé aux pilotes de Direction de la culture." in html.unescape(response.content.decode())
    reminder = Notification.objects.get(kind="round_reminder")
    assert reminder.user == world["users"]["culture"]
    assert reminder.params["remaining_count"] == 1 and reminder.params["days_left"] == 7
    assert reminder.link == f"/admin/suivi/{world['round'].pk}/"
    culture.refresh_from_db()
    assert (
        culture.reminder_count == 1 and timezone.localdate(culture.last_reminded_at) == timezone.localdate()
    )
    assert "1 rappel, le " + timezone.localdate().strftime("%d/%m/%Y") in row_of(
        page_of(client, world["round"]), world["organisations"]["culture"]
    )


def test_an_organisation_is_not_reminded_twice_the_same_day(client, answered_world):
    world = answered_world
    client.force_login(world["users"]["coordination"])
    culture = world["round"].participants.get(organisation=world["organisations"]["culture"])
    client.post(url("remind", world["round"]), {"participant": culture.pk})

    response = client.post(url("remind", world["round"]), {"participant": culture.pk}, follow=True)

    assert "elle a déjà été relancée aujourd'hui" in html.unescape(response.content.decode())
    assert Notification.objects.filter(kind="round_reminder").count() == 1
    assert RoundParticipant.objects.get(pk=culture.pk).reminder_count == 1
    assert "relancée aujourd'hui" in row_of(
        page_of(client, world["round"]), world["organisations"]["culture"]
    )


def test_relancer_all_reaches_the_organisations_not_done_and_nobody_else(client, answered_world):
    world = answered_world
    client.force_login(world["users"]["coordination"])

    response = client.post(url("remind", world["round"]), follow=True)

    text = html.unescape(response.content.decode())
    assert "Rappel envoyé aux pilotes de Direction de la culture." in text
    assert "Direction des sports n'a pas été relancée : aucun de ses pilotes n'a d'adresse" in text
    assert list(
        Notification.objects.filter(kind="round_reminder").values_list("user__username", flat=True)
    ) == ["pilote-culture"]
    counts = dict(world["round"].participants.values_list("organisation__name", "reminder_count"))
    assert counts == {"Direction de la culture": 1, "Direction de la jeunesse": 0, "Direction des sports": 0}


def test_a_pilot_who_turned_reminders_off_shows_it_and_gets_none(client, answered_world):
    world = answered_world
    MailPreference.objects.create(user=world["users"]["culture"], disabled_kinds=["round_reminder"])
    client.force_login(world["users"]["coordination"])

    culture_row = row_of(page_of(client, world["round"]), world["organisations"]["culture"])
    assert "pilote-culture@example.org (a désactivé les rappels)" in strip_tags(culture_row)
    client.post(url("remind", world["round"]))

    assert not Notification.objects.filter(kind="round_reminder").exists()
    assert RoundParticipant.objects.filter(reminder_count__gt=0).count() == 0


def test_a_closed_round_is_not_reminded(client, answered_world):
    world = answered_world
    rounds.close_round(world["round"], world["users"]["coordination"])
    client.force_login(world["users"]["coordination"])

    page = page_of(client, world["round"])
    response = client.post(url("remind", world["round"]), follow=True)

    assert "Sans réponse" in row_of(page, world["organisations"]["culture"])
    assert "Jamais envoyée" in page[page.index("Par action") :]
    assert ">Relancer" not in page
    assert "Seule une campagne ouverte peut être relancée." in html.unescape(response.content.decode())
    assert not Notification.objects.exists()


def test_reminding_is_a_post(client, answered_world):
    client.force_login(answered_world["users"]["coordination"])

    assert client.get(url("remind", answered_world["round"])).status_code == 405


def test_the_state_exports_as_a_workbook_one_row_per_action(client, answered_world):
    client.force_login(answered_world["users"]["coordination"])

    response = client.get(url("export", answered_world["round"]))

    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:4] == ["Structure", "État de la structure", "Fiches envoyées", "Fiches demandées"]
    by_action = {row[7]: row for row in rows[1:]}
    assert set(by_action) == {"2.1", "2.2", "3.1", "4.1"}
    assert by_action["2.1"][:4] == ["Direction de la jeunesse", "Répondu", 2, 2]
    assert by_action["2.1"][10] == "Karim Haddad"
    assert by_action["3.1"][9] == "En cours de saisie"
    assert by_action["4.1"][1] == "Pas encore commencé"
