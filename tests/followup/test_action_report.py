"""One action's page of a round: the pilot fills it as rendered, types numbers the French way, saves
or sends; a bad or stale page is refused whole, with French messages, and changes nothing."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from followup import rounds
from followup.enums import ReportStatus
from followup.models import ActionReport
from indicators.enums import MeasurementStatus
from indicators.models import Measurement
from indicators.perms import status_of_entry
from shared.formatting import euros
from strategy.enums import ActionStatus
from strategy.models import ActionBeneficiaries, BudgetLine
from tests.strategy.admin.html_forms import submitted_data
from tests.strategy.factories import audience, pilot_user

FORM = "action-report-form"


def page_url(world, action=None):
    return reverse("followup:action_report", args=[world["round"].pk, (action or world["action"]).pk])


def rendered_form(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return submitted_data(response.content.decode(), FORM)


def fill(data, **typed):
    """Type into the rendered form: ``progress="60"``, ``budget=(line, "12 500,50")``..."""
    for name, value in typed.items():
        data[name] = [value]
    return data


def report_of(world):
    return ActionReport.objects.get(round=world["round"], action=world["action"])


def snapshot(world):
    """Everything the page may write, to show a refused page changed nothing."""
    action = world["action"]
    action.refresh_from_db()
    return (
        action.status,
        action.progress,
        list(
            BudgetLine.objects.filter(action=action).order_by("pk").values_list("executed_amount", flat=True)
        ),
        list(ActionBeneficiaries.objects.values_list("pk", "total")),
        Measurement.objects.count(),
        ActionReport.objects.filter(pk=report_of(world).pk).values_list("status", "milestone_note").get(),
    )


def beneficiaries_field(world, code):
    return f"beneficiaries-audience_{audience(code).pk}"


def budget_field(line):
    return f"budget-{line.pk}-executed_amount"


def submit(client, url, data, button="_save"):
    return client.post(url, {**data, button: "1"})


@pytest.mark.django_db
def test_it_shows_the_action_page_to_its_pilot(client, world):
    client.force_login(world["pilot"])
    page = client.get(page_url(world)).content.decode()
    assert "Ateliers du soir" in page
    assert "Réalisé — CAF (€)" in page
    assert f"Prévu : {euros(Decimal('15000'))}" in page
    assert "Public « Élémentaire (6-11 ans) »" in page
    # The periods ended by the round's end (31 August 2026) with no value; 2023 was entered.
    assert "Valeur 2024 (enfants)" in page and "Valeur 2025 (enfants)" in page
    assert "Valeur 2023" not in page and "Valeur 2026" not in page
    assert "Appréciation 2025-2026" in page


@pytest.mark.django_db
def test_what_the_pilot_types_the_french_way_is_saved_and_sent(client, world):
    client.force_login(world["pilot"])
    url = page_url(world)
    data = fill(
        rendered_form(client, url),
        status=ActionStatus.IN_PROGRESS,
        progress="60",
        milestone_note="Douze ateliers tenus ; deux animateurs recrutés.",
        **{
            budget_field(world["caf_line"]): "12 500,50",
            "beneficiaries-total": "120",
            "beneficiaries-girls": "60",
            "beneficiaries-boys": "55",
            "beneficiaries-sex_unknown": "5",
            "beneficiaries-in_priority_area": "80",
            "beneficiaries-outside_priority_area": "40",
            beneficiaries_field(world, "6-11"): "70",
            beneficiaries_field(world, "11-15"): "50",
            f"value-{world['counted'].pk}-2024-value": "42",
            f"value-{world['counted'].pk}-2025-value": "1 234,5",
            f"value-{world['climate'].pk}-2025-2026-rating": "3",
            f"value-{world['climate'].pk}-2025-2026-comment": "Les familles reviennent.",
            f"value-{world['climate'].pk}-2024-2025-rating": "2",
            f"value-{world['climate'].pk}-2023-2024-comment": "Premiers ateliers, peu d'inscrits.",
        },
    )

    response = submit(client, url, data, "_send")

    assert response.status_code == 302, response.content.decode()[-3000:]
    action = world["action"]
    action.refresh_from_db()
    assert action.progress == 60
    world["caf_line"].refresh_from_db()
    assert world["caf_line"].executed_amount == Decimal("12500.50")
    world["city_line"].refresh_from_db()
    assert world["city_line"].executed_amount == Decimal("1000")  # left as it was
    counted = ActionBeneficiaries.objects.get(action=action, year=2025)
    assert (counted.total, counted.girls, counted.boys, counted.sex_unknown) == (120, 60, 55, 5)
    assert (counted.in_priority_area, counted.outside_priority_area) == (80, 40)
    assert {row.audience.code: row.count for row in counted.by_audience.all()} == {"6-11": 70, "11-15": 50}
    value = Measurement.objects.get(indicator=world["counted"], period="2025")
    assert value.value == Decimal("1234.5")
    # A pilot of an action linked to the indicator validates it (indicators.perms.status_of_entry).
    assert value.status == MeasurementStatus.VALIDATED == status_of_entry(world["pilot"], world["counted"])
    assert value.entered_by == world["pilot"]
    rating = Measurement.objects.get(indicator=world["climate"], period="2025-2026")
    assert (rating.rating, rating.comment) == ("3", "Les familles reviennent.")
    report = report_of(world)
    assert report.status == ReportStatus.SENT and report.sent_by == world["pilot"]
    assert report.answer["progress"] == 60
    assert {
        "funder": "CAF",
        "planned": "15000.00",
        "executed": "12500.50",
        "stage": "requested",
    } in report.answer["budget"]
    assert report.answer["beneficiaries"]["by_audience"] == {
        "Élémentaire (6-11 ans)": 70,
        "Collège (11-15 ans)": 50,
    }
    assert report.answer["milestone_note"] == "Douze ateliers tenus ; deux animateurs recrutés."
    report.participant.refresh_from_db()
    assert report.participant.completed_at is not None

    # Back on the organisation's list: the report is « envoyée », nothing is missing.
    listing = client.get(response["Location"]).content.decode()
    assert "envoyée le" in listing and "Rien ne manque." in listing
    page = client.get(url).content.decode()
    assert 'value="60"' in page and "12\u202f500,50" in page
    assert "Valeur 2025" not in page  # given now


@pytest.mark.django_db
def test_saving_without_sending_keeps_the_report_in_progress(client, world):
    client.force_login(world["pilot"])
    url = page_url(world)
    response = submit(client, url, fill(rendered_form(client, url), progress="35"))

    assert response.status_code == 302
    assert "pas encore envoyée" in client.get(url).content.decode()
    report = report_of(world)
    assert report.status == ReportStatus.DRAFT and report.saved_by == world["pilot"] and report.answer == {}
    world["action"].refresh_from_db()
    assert world["action"].progress == 35


BAD_INPUTS = {
    "negative count": (
        {"beneficiaries-total": "-3"},
        "Assurez-vous que cette valeur est supérieure ou égale à 0.",
    ),
    "girls and boys above the total": (
        {"beneficiaries-total": "10", "beneficiaries-girls": "8", "beneficiaries-boys": "5"},
        "Les bénéficiaires par sexe (filles, garçons, non renseigné) dépassent le total.",
    ),
    "audiences above the total": (
        {"beneficiaries-total": "10", "audience:6-11": "8", "audience:11-15": "5"},
        "Les bénéficiaires par public (13) dépassent le total de l&#x27;année (10).",
    ),
    "progress of 140": ({"progress": "140"}, "Assurez-vous que cette valeur est inférieure ou égale à 100."),
    "amount typed « 12,5,0 »": ({"budget:caf": "12,5,0"}, "« 12,5,0 » est ambigu"),
    "breakdown without a total": ({"beneficiaries-girls": "4"}, "Indiquer le nombre total de bénéficiaires"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", BAD_INPUTS)
@pytest.mark.parametrize("button", ["_save", "_send"])
def test_bad_input_gets_a_french_error_and_changes_nothing_anywhere(client, world, case, button):
    typed, message = BAD_INPUTS[case]
    client.force_login(world["pilot"])
    url = page_url(world)
    before = snapshot(world)
    names = {
        "audience:6-11": beneficiaries_field(world, "6-11"),
        "audience:11-15": beneficiaries_field(world, "11-15"),
        "budget:caf": budget_field(world["caf_line"]),
    }
    # Good values beside the bad one: none of them may be saved (no half save).
    data = fill(
        rendered_form(client, url),
        progress="60",
        milestone_note="Point d'étape",
        **{budget_field(world["city_line"]): "2 000", f"value-{world['counted'].pk}-2024-value": "42"},
    )
    data = fill(data, **{names.get(name, name): value for name, value in typed.items()})

    response = submit(client, url, data, button)

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page, page[page.find('id="action-report-form"') :][:4000]
    assert "Rien n&#x27;a été enregistré" in page
    assert snapshot(world) == before


@pytest.mark.django_db
def test_a_stale_page_is_refused_naming_who_saved_in_between(client, world):
    colleague = pilot_user(organisation=world["own"], username="collegue-maison")
    client.force_login(world["pilot"])
    url = page_url(world)
    stale = rendered_form(client, url)

    other = Client()
    other.force_login(colleague)
    assert submit(other, url, fill(rendered_form(other, url), progress="50")).status_code == 302

    response = submit(client, url, fill(stale, progress="70", **{budget_field(world["caf_line"]): "300"}))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Cette fiche a été enregistrée par collegue-maison pendant que vous la modifiiez" in page
    assert "Avancement (%)" in page
    world["action"].refresh_from_db()
    world["caf_line"].refresh_from_db()
    assert world["action"].progress == 50
    assert world["caf_line"].executed_amount == Decimal("0")


@pytest.mark.django_db
def test_a_stale_budget_line_is_refused(client, world, coordination_user):
    client.force_login(world["pilot"])
    url = page_url(world)
    stale = rendered_form(client, url)
    other = Client()
    other.force_login(coordination_user)
    submit(other, url, fill(rendered_form(other, url), **{budget_field(world["caf_line"]): "900"}))

    response = submit(client, url, fill(stale, **{budget_field(world["caf_line"]): "300"}))

    assert "Cette fiche a été enregistrée par coordination" in response.content.decode()
    world["caf_line"].refresh_from_db()
    assert world["caf_line"].executed_amount == Decimal("900")


@pytest.mark.django_db
def test_after_the_round_is_closed_the_page_shows_what_was_sent_and_takes_nothing(
    client, world, coordination_user
):
    client.force_login(world["pilot"])
    url = page_url(world)
    submit(
        client,
        url,
        fill(rendered_form(client, url), progress="80", **{budget_field(world["caf_line"]): "12 500,50"}),
        "_send",
    )
    rounds.close_round(world["round"], coordination_user)

    page = client.get(url).content.decode()

    assert "Ce qui a été envoyé" in page
    assert (
        "80 %" in page
        and f"{euros(Decimal('12500.50'))} réalisés sur {euros(Decimal('15000'))} prévus" in page
    )
    assert FORM not in page
    assert client.post(url, {"progress": "10", "_save": "1"}).status_code == 403
    world["action"].refresh_from_db()
    assert world["action"].progress == 80


@pytest.mark.django_db
def test_a_value_entered_by_someone_else_meanwhile_is_refused_not_dropped(client, world):
    client.force_login(world["pilot"])
    url = page_url(world)
    stale = rendered_form(client, url)
    Measurement.objects.create(indicator=world["counted"], period="2024", value=Decimal("10"))

    response = submit(
        client, url, fill(stale, progress="70", **{f"value-{world['counted'].pk}-2024-value": "42"})
    )

    assert response.status_code == 200
    assert "Une mesure existe déjà pour cet indicateur et cette période" in response.content.decode()
    assert Measurement.objects.get(indicator=world["counted"], period="2024").value == Decimal("10")
    world["action"].refresh_from_db()
    assert world["action"].progress == 20


@pytest.mark.django_db
def test_beneficiaries_entered_by_someone_else_meanwhile_are_not_overwritten(
    client, world, coordination_user
):
    client.force_login(world["pilot"])
    url = page_url(world)
    stale = rendered_form(client, url)
    other = Client()
    other.force_login(coordination_user)
    submit(other, url, fill(rendered_form(other, url), **{"beneficiaries-total": "200"}))

    response = submit(client, url, fill(stale, **{"beneficiaries-total": "120"}))

    assert (
        "Les bénéficiaires de 2025 ont été saisis ou supprimés par coordination" in response.content.decode()
    )
    assert ActionBeneficiaries.objects.get(action=world["action"]).total == 200

    # Reloaded, the page starts from the saved row; a second change over it is refused naming who.
    fresh = rendered_form(client, url)
    submit(other, url, fill(rendered_form(other, url), **{"beneficiaries-total": "210"}))
    response = submit(client, url, fill(fresh, **{"beneficiaries-total": "120"}))
    assert "Cette fiche a été enregistrée par coordination" in response.content.decode()
    assert ActionBeneficiaries.objects.get(action=world["action"]).total == 210
