"""Numbers typed the French way in the admin, in Chromium with a French locale, as staff type them."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from indicators.models import Indicator, Measurement
from strategy.models import Action, BudgetLine

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AMBIGUOUS = (
    "« 80,000.50 » est ambigu : le point ou la virgule sépare-t-il les milliers ? Écrire 1 234 pour "
    "mille deux cent trente-quatre, 1,234 pour un virgule deux cent trente-quatre."
)


def log_in_as_coordination(page, live_server):
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Nom d’utilisateur").fill("coordination")
    page.get_by_label("Mot de passe").fill("demo")
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_role("link", name="Déconnexion").or_(page.get_by_text("Déconnexion"))).to_be_visible()


def save(page):
    page.locator("input[name=_continue]").click()


def test_an_amount_typed_the_french_way_is_saved_exactly(page, live_server, demo):
    line = BudgetLine.objects.order_by("pk").first()
    log_in_as_coordination(page, live_server)
    page.goto(f"{live_server.url}/admin/strategy/budgetline/{line.pk}/change/")
    field = page.get_by_label("Montant réalisé (€)")
    assert field.get_attribute("type") == "text" and field.get_attribute("inputmode") == "decimal"
    expect(page.locator(".field-executed_amount .help")).to_contain_text("Refusé car ambigu : « 1.234 »")

    field.fill("")
    field.type("80000,50")
    save(page)

    expect(page.locator(".messagelist .success")).to_be_visible()
    line.refresh_from_db()
    assert line.executed_amount == Decimal("80000.50")
    assert page.get_by_label("Montant réalisé (€)").input_value() == "80\u202f000,50"


@pytest.mark.parametrize("typed", ["80 000,50", "80000,50 €", "80\u202f000,50", "80000.50", "80.000,50"])
def test_every_french_way_of_writing_the_amount_gives_the_same_figure(page, live_server, demo, typed):
    line = BudgetLine.objects.order_by("pk").first()
    log_in_as_coordination(page, live_server)
    page.goto(f"{live_server.url}/admin/strategy/budgetline/{line.pk}/change/")

    page.get_by_label("Montant réalisé (€)").fill(typed)
    save(page)

    expect(page.locator(".messagelist .success")).to_be_visible()
    line.refresh_from_db()
    assert line.executed_amount == Decimal("80000.50")


def test_an_ambiguous_amount_is_refused_in_french_and_changes_nothing(page, live_server, demo):
    line = BudgetLine.objects.order_by("pk").first()
    before = line.executed_amount
    log_in_as_coordination(page, live_server)
    page.goto(f"{live_server.url}/admin/strategy/budgetline/{line.pk}/change/")

    page.get_by_label("Montant réalisé (€)").fill("80,000.50")
    save(page)

    expect(page.locator(".errorlist")).to_contain_text(AMBIGUOUS)
    assert page.get_by_label("Montant réalisé (€)").input_value() == "80,000.50"
    line.refresh_from_db()
    assert line.executed_amount == before


def test_the_budget_inline_and_the_progress_of_an_action_page_read_french_numbers(page, live_server, demo):
    action = Action.objects.filter(budget_lines__isnull=False).order_by("pk").first()
    line = action.budget_lines.order_by("pk").first()
    index = list(action.budget_lines.order_by(*BudgetLine._meta.ordering).values_list("pk", flat=True)).index(
        line.pk
    )
    log_in_as_coordination(page, live_server)
    page.goto(f"{live_server.url}/admin/strategy/action/{action.pk}/change/")

    page.locator(f"#id_budget_lines-{index}-executed_amount").fill("80 000,50 €")
    page.get_by_label("Avancement (%)").fill("75 %")
    save(page)

    expect(page.locator(".messagelist .success")).to_be_visible()
    line.refresh_from_db()
    action.refresh_from_db()
    assert line.executed_amount == Decimal("80000.50")
    assert action.progress == 75


def test_indicator_baseline_and_target_are_typed_the_french_way(page, live_server, demo):
    indicator = Indicator.objects.order_by("pk").first()
    log_in_as_coordination(page, live_server)
    page.goto(f"{live_server.url}/admin/indicators/indicator/{indicator.pk}/change/")

    page.get_by_label("Valeur de référence").fill("1 234,5")
    page.locator("#id_target_value").fill("12,75")
    save(page)

    expect(page.locator(".messagelist .success")).to_be_visible()
    indicator.refresh_from_db()
    assert (indicator.baseline_value, indicator.target_value) == (Decimal("1234.50"), Decimal("12.75"))


def test_a_measurement_value_is_typed_the_french_way(page, live_server, demo):
    measurement = Measurement.objects.order_by("pk").first()
    log_in_as_coordination(page, live_server)
    page.goto(f"{live_server.url}/admin/indicators/measurement/{measurement.pk}/change/")

    page.locator("#id_value").fill("")
    page.locator("#id_value").type("0,5")
    save(page)

    expect(page.locator(".messagelist .success")).to_be_visible()
    measurement.refresh_from_db()
    assert measurement.value == Decimal("0.50")
