"""One action's page of a round: the pilot fills it as rendered, types numbers the French way, saves
or sends; a bad or stale page is refused whole, with French messages, and changes nothing."""

from decimal import Decimal

import pytest
from django.urls import reverse

from followup.enums import ReportStatus
from followup.models import ActionReport
from indicators.enums import MeasurementStatus
from indicators.models import Measurement
from strategy.enums import ActionStatus
from strategy.models import ActionBeneficiaries, BudgetLine
from tests.strategy.admin.html_forms import submitted_data

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
        list(BudgetLine.objects.filter(action=action).order_by("pk").values_list("executed_amount", flat=True)),
        list(ActionBeneficiaries.objects.values_list("pk", "total")),
        Measurement.objects.count(),
        ActionReport.objects.filter(pk=report_of(world).pk).values_list("status", "milestone_note").get(),
    )


@pytest.mark.django_db
def test_it_shows_the_action_page_to_its_pilot(client, world):
    client.force_login(world["pilot"])
    page = client.get(page_url(world)).content.decode()
    assert "Ateliers du soir" in page
    assert "Réalisé — CAF (€)" in page
    print(page[page.find("<form id=\"action-report"):][:9000])
    assert "Prévu : 15\u202f000 €" in page
    assert "Public « 6-11 ans »" in page or "6-11" in page
    assert "Valeur 2024 (enfants)" in page
    assert "Appréciation 2025-2026" in page

