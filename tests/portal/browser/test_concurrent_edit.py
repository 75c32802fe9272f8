"""Two people in two real browsers open the same budget line; the second save is refused."""

from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from strategy import perms
from strategy.models import BudgetLine


def admin_session(browser, live_server, username):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo")
    page.locator("input[type=submit]").click()
    expect(page.get_by_role("button", name="Déconnexion")).to_be_visible()
    return context, page


def test_a_pilot_and_the_coordination_save_the_same_budget_line_in_two_browsers(browser, live_server, demo):
    pilot = get_user_model().objects.get(username="pilote")
    line = perms.budget_lines_editable_by(pilot).order_by("pk").first()
    stage_before = line.stage
    other_stage = "paid" if stage_before != "paid" else "requested"
    url = f"{live_server.url}/admin/strategy/budgetline/{line.pk}/change/"
    pilot_context, pilot_page = admin_session(browser, live_server, "pilote")
    staff_context, staff_page = admin_session(browser, live_server, "coordination")
    try:
        pilot_page.goto(url)
        staff_page.goto(url)
        expect(staff_page.locator("#id_file_reference")).to_be_visible()

        pilot_page.fill("#id_file_reference", "DOSSIER-PILOTE-2025")
        pilot_page.locator("input[name=_save]").click()
        expect(pilot_page.locator(".messagelist")).to_be_visible()

        staff_page.select_option("#id_stage", other_stage)
        staff_page.locator("input[name=_save]").click()
        errors = staff_page.locator(".errorlist")
        expect(errors.first).to_contain_text(f"a été enregistrée par {pilot} pendant que vous la modifiiez")
        expect(errors.first).to_contain_text("Référence du dossier")
    finally:
        pilot_context.close()
        staff_context.close()
    line = BudgetLine.objects.get(pk=line.pk)
    assert (line.file_reference, line.stage) == ("DOSSIER-PILOTE-2025", stage_before)
