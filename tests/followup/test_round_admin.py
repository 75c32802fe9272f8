"""Coordination prepares, opens and closes a round in the admin; the COPIL reads; pilots never see it."""

import datetime
import html
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from followup.enums import ParticipantState, RoundStatus
from followup.models import ActionReport, ReportingRound, RoundParticipant
from notifications.models import Notification
from tests.queue import run_worker
from tests.strategy.admin.html_forms import submitted_data

ADD_URL = reverse("admin:followup_reportinground_add")
LIST_URL = reverse("admin:followup_reportinground_changelist")


def url(name, round):
    return reverse(f"admin:followup_reportinground_{name}", args=[round.pk])


def add_form(client, **typed):
    """The add form as the browser sends it, with what the user typed."""
    page = client.get(ADD_URL)
    assert page.status_code == 200
    data = submitted_data(page.content.decode(), "reportinground_form")
    data.update({name: [value] for name, value in typed.items()})
    return data


def test_coordination_prepares_a_round_through_the_add_form(client, round_world):
    client.force_login(round_world["users"]["coordination"])
    deadline = timezone.localdate() + datetime.timedelta(days=30)
    data = add_form(
        client,
        strategy=str(round_world["strategy"].pk),
        period="2025-2026",
        year="2026",
        deadline=deadline.strftime("%d/%m/%Y"),
        reminder_days="5",
        message="Avant le COPIL de janvier.",
    )

    response = client.post(ADD_URL, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    created = ReportingRound.objects.get(period="2025-2026")
    assert (created.status, created.year, created.deadline, created.reminder_days) == (
        RoundStatus.PREPARING,
        2026,
        deadline,
        5,
    )


@pytest.mark.parametrize(
    ("period", "year", "error"),
    [
        (
            "2027-2028",
            "2027",
            "La période 2027-2028 est en dehors de la stratégie (du 01/09/2023 au 31/08/2026).",
        ),
        ("2025-T1", "2025", "Une campagne suit une année civile (2025) ou une année scolaire (2025-2026)."),
        ("2024-2025", "2023", "L'année budgétaire doit appartenir à la période 2024-2025."),
    ],
)
def test_a_bad_period_gets_a_french_error_and_saves_nothing(client, round_world, period, year, error):
    client.force_login(round_world["users"]["coordination"])
    data = add_form(
        client,
        strategy=str(round_world["strategy"].pk),
        period=period,
        year=year,
        deadline="15/10/2025",
        reminder_days="7",
    )

    response = client.post(ADD_URL, data)

    assert response.status_code == 200
    assert error in html.unescape(response.content.decode())
    assert ReportingRound.objects.count() == 1  # the world's own round only


def test_the_opening_page_lists_each_organisation_and_its_number_of_actions(client, round_world):
    client.force_login(round_world["users"]["coordination"])

    page = client.get(url("open", round_world["round"])).content.decode()

    assert "3 structures sollicitées" in page
    for name, count in [
        ("Direction de la culture", 1),
        ("Direction de la jeunesse", 2),
        ("Direction des sports", 1),
    ]:
        assert f'<tr><td>{name}</td><td class="citedu-number">{count}</td></tr>' in page
    assert "Direction de la santé" not in page
    assert not RoundParticipant.objects.exists()


def test_opening_asks_each_pilot_organisation_and_mails_its_pilots_only(client, round_world):
    round, users = round_world["round"], round_world["users"]
    client.force_login(users["coordination"])

    response = client.post(
        url("open", round),
        submitted_data(client.get(url("open", round)).content.decode(), "citedu-round-open-form"),
    )

    assert response.status_code == 302
    assert response["Location"] == url("state", round)
    round.refresh_from_db()
    assert round.status == RoundStatus.OPEN and round.opened_by == users["coordination"]
    assert sorted(round.participants.values_list("organisation__name", flat=True)) == [
        "Direction de la culture",
        "Direction de la jeunesse",
        "Direction des sports",
    ]
    assert ActionReport.objects.filter(round=round).count() == 4
    run_worker()  # the opening mails are written by the worker, not by the request
    mails = {n.user.username: n for n in Notification.objects.filter(kind="round_opened")}
    # Not the pilot without an address, not the partner of the youth department, not the outsider.
    assert set(mails) == {"pilote-jeunesse", "pilote-culture"}
    youth = mails["pilote-jeunesse"]
    assert youth.params["action_count"] == 2
    assert youth.params["organisation"] == "Direction de la jeunesse"
    assert youth.params["message"] == "Merci de remplir vos fiches avant le comité de pilotage."
    assert youth.params["deadline"] == round.deadline.isoformat()
    assert youth.link == f"/admin/suivi/{round.pk}/"
    assert mails["pilote-culture"].params["action_count"] == 1


def test_a_round_is_opened_once(client, open_world):
    client.force_login(open_world["users"]["coordination"])

    response = client.post(url("open", open_world["round"]), follow=True)

    assert "Cette campagne est déjà ouverte ou clôturée." in response.content.decode()
    assert RoundParticipant.objects.count() == 3


def test_closing_asks_for_confirmation_then_leaves_the_unanswered_without_answer(client, open_world):
    round = open_world["round"]
    client.force_login(open_world["users"]["coordination"])

    confirmation = client.get(url("close", round)).content.decode()
    assert "Structures qui seront « sans réponse »" in confirmation
    # « 0 fiche » once the catalogue has the message (French counts 0 as singular), « 0 fiches » before.
    assert re.search(r"Direction des sports : 0 fiches? envoyées? sur 1", confirmation)
    assert ReportingRound.objects.get(pk=round.pk).status == RoundStatus.OPEN

    client.post(url("close", round))

    round.refresh_from_db()
    assert round.status == RoundStatus.CLOSED and round.closed_by == open_world["users"]["coordination"]
    states = {p.organisation.name: p.state() for p in round.participants.select_related("organisation")}
    assert set(states.values()) == {ParticipantState.NO_ANSWER}


def test_the_list_shows_how_many_organisations_answered(client, open_world, django_assert_max_num_queries):
    client.force_login(open_world["users"]["coordination"])
    youth = open_world["round"].participants.get(organisation=open_world["organisations"]["youth"])
    youth.completed_at = timezone.now()
    youth.save()

    with django_assert_max_num_queries(12):
        page = client.get(LIST_URL).content.decode()

    assert "Campagne de suivi 2024-2025 — Projet éducatif de Villeneuve" in page
    assert "1/3" in page


def test_the_copil_reads_the_rounds_but_cannot_open_close_nor_remind(client, round_world, copil_user):
    round = round_world["round"]
    client.force_login(copil_user)

    assert client.get(LIST_URL).status_code == 200
    assert client.get(url("change", round)).status_code == 200
    assert "Ouvrir la campagne" not in client.get(url("change", round)).content.decode()
    assert client.get(url("open", round)).status_code == 403
    assert client.post(url("open", round)).status_code == 403
    assert ReportingRound.objects.get(pk=round.pk).status == RoundStatus.PREPARING


def test_the_copil_sees_the_state_without_the_buttons(client, open_world, copil_user):
    client.force_login(copil_user)

    page = client.get(url("state", open_world["round"])).content.decode()

    assert "Direction de la jeunesse" in page
    assert "Relancer" not in page and "Clôturer" not in page
    assert client.post(url("remind", open_world["round"])).status_code == 403
    assert client.post(url("close", open_world["round"])).status_code == 403


def test_a_pilot_never_sees_the_rounds_admin(client, open_world):
    pilot = open_world["users"]["youth"]
    client.force_login(pilot)

    for page in (
        LIST_URL,
        url("change", open_world["round"]),
        url("state", open_world["round"]),
        url("open", open_world["round"]),
    ):
        assert client.get(page).status_code == 403, page
    assert client.post(url("remind", open_world["round"])).status_code == 403
    assert reverse("admin:followup_reportinground_changelist") not in client.get("/admin/").content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client, open_world):
    response = client.get(url("state", open_world["round"]))

    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_missing_round_is_a_404(client, coordination_user):
    client.force_login(coordination_user)

    assert client.get(reverse("admin:followup_reportinground_state", args=[999999])).status_code == 404
    assert client.post(reverse("admin:followup_reportinground_remind", args=[999999])).status_code == 404


@pytest.mark.django_db
def test_the_groups_hold_the_round_permissions_their_role_needs():
    def codenames(role):
        return set(
            Group.objects.get(name=role)
            .permissions.filter(content_type__app_label="followup")
            .values_list("codename", flat=True)
        )

    coordination, copil, pilot = codenames("coordination"), codenames("copil"), codenames("pilote")
    assert {
        "add_reportinground",
        "change_reportinground",
        "delete_reportinground",
        "view_actionreport",
    } <= coordination
    assert {"view_reportinground", "view_roundparticipant", "view_actionreport"} <= copil
    assert not {codename for codename in copil if not codename.startswith("view_")}
    assert pilot == {"view_actionreport", "change_actionreport"}
    assert not codenames("partenaire")
