"""A partner's contribution reaches coordination, its answer reaches the partner: real SMTP, real worker."""

from django.urls import reverse

from actors import roles
from notifications.models import Notification
from strategy.enums import ActionStatus, StrategyStatus
from tests.mail import html_of, text_of
from tests.notifications.conftest import link_of, prefer
from tests.queue import run_worker
from tests.strategy.admin.html_forms import change_form_data
from tests.strategy.factories import (
    ActionFactory,
    ContributionFactory,
    StrategyFactory,
    UserFactory,
    pilot_user,
)


def _contribute(client, partner, action, body):
    client.force_login(partner)
    url = reverse(
        "portal:contribute_to_action", kwargs={"slug": action.strategy.slug, "action_slug": action.slug}
    )
    response = client.post(url, {"body": body})
    assert response.status_code == 302
    client.logout()


def _consultation_action():
    strategy = StrategyFactory(status=StrategyStatus.CONSULTATION, title="PEDT 2027-2030")
    return ActionFactory(strategy=strategy, status=ActionStatus.VALIDATED, code="2.3", title="Radio Cartable")


def test_it_mails_each_coordinator_once_with_a_link_to_the_answer_form(client, smtp, coordinators):
    partner = UserFactory(username="caf", email="caf@caf.example.fr", role=roles.PARTENAIRE)
    pilot = pilot_user(email="pilote@ville.example.fr")
    action = _consultation_action()
    _contribute(client, partner, action, "Penser aux familles non francophones.")
    assert smtp.messages == []  # nothing is sent from the request
    run_worker()
    assert smtp.recipients() == ["coord-a@ville.example.fr", "coord-b@ville.example.fr"]
    assert smtp.to(partner.email) == smtp.to(pilot.email) == []
    message = smtp.to("coord-a@ville.example.fr")[0]
    assert message["Subject"].strip() == "Nouvelle contribution sur « PEDT 2027-2030 »"
    assert "l'action 2.3 « Radio Cartable »" in text_of(message)
    assert "Penser aux familles non francophones." in text_of(message)
    assert "Vous recevez ce courriel parce que vous faites partie de l'équipe de coordination" in text_of(
        message
    )
    assert "Penser aux familles non francophones." in html_of(message)
    client.force_login(coordinators[0])
    page = client.get(link_of(message))
    assert page.status_code == 200
    assert page.context["original"].body == "Penser aux familles non francophones."


def test_a_coordinator_who_turned_the_kind_off_or_has_no_address_gets_nothing(client, smtp, coordinators):
    prefer(coordinators[1], disabled_kinds=["contribution_new"])
    partner = UserFactory(username="caf", role=roles.PARTENAIRE)
    _contribute(client, partner, _consultation_action(), "Une idée.")
    run_worker()
    assert smtp.recipients() == ["coord-a@ville.example.fr"]
    assert not Notification.objects.filter(user__in=coordinators[1:]).exists()


def test_the_author_is_mailed_the_answer_once_with_a_link_to_it(client, smtp, coordinators):
    partner = UserFactory(username="caf", email="caf@caf.example.fr", role=roles.PARTENAIRE)
    contribution = ContributionFactory(author=partner, action=_consultation_action())
    contribution.strategy = contribution.action.strategy
    contribution.save()
    client.force_login(coordinators[0])
    url = reverse("admin:strategy_contribution_change", args=[contribution.pk])
    data = change_form_data(client.get(url))
    data.update({"status": ["accepted"], "answer": ["Merci, nous ajoutons des supports traduits."]})
    assert client.post(url, data).status_code == 302
    # Saving again without answering anew sends nothing more.
    assert client.post(url, change_form_data(client.get(url))).status_code == 302
    run_worker()
    assert smtp.recipients() == ["caf@caf.example.fr"]
    message = smtp.messages[0]
    assert message["Subject"].strip() == "Réponse à votre contribution sur « PEDT 2027-2030 »"
    assert "Suite donnée : prise en compte." in text_of(message)
    client.force_login(partner)
    page = client.get(link_of(message))
    assert page.status_code == 200
    assert page.context["action"] == contribution.action
    assert "Merci, nous ajoutons des supports traduits." in page.content.decode()
