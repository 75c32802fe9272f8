"""The COPIL decision reaches the pilot organisation; waiting values reach their validators, once a batch."""

import tablib
from django.urls import reverse

from actors import roles
from indicators.enums import MeasurementStatus
from indicators.models import Measurement
from indicators.resources import MeasurementResource
from strategy.enums import ActionStatus, StrategyStatus
from strategy.models import Action
from tests.actors.factories import OrganisationFactory
from tests.indicators.factories import IndicatorFactory
from tests.mail import html_of, text_of
from tests.notifications.conftest import link_of, prefer
from tests.queue import run_worker
from tests.strategy.admin.test_workflow import run_action
from tests.strategy.factories import ActionFactory, StrategyFactory, UserFactory, pilot_user


def test_the_pilot_organisation_learns_the_copil_decision_in_its_language(client, smtp, copil_user):
    strategy = StrategyFactory(status=StrategyStatus.CONSULTATION, title="PEDT 2027-2030")
    pilots, others = OrganisationFactory(name="Médiathèque"), OrganisationFactory(name="Conservatoire")
    ours = ActionFactory(
        strategy=strategy, pilot=pilots, status=ActionStatus.PROPOSED, code="1.2", title="Lire"
    )
    french = pilot_user(pilots, username="bib-fr", email="bib-fr@ville.example.fr")
    english = pilot_user(pilots, username="bib-en", email="bib-en@ville.example.fr")
    prefer(english, language="en")
    elsewhere = pilot_user(others, username="conservatoire", email="cons@ville.example.fr")
    client.force_login(copil_user)
    response = run_action(
        client,
        Action,
        "validate_actions",
        [ours],
        apply="1",
        new_meeting_date="2027-06-25",
        text="Le COPIL valide l'action.",
    )
    assert response.status_code == 302
    run_worker()
    assert smtp.recipients() == ["bib-en@ville.example.fr", "bib-fr@ville.example.fr"]
    assert smtp.to(elsewhere.email) == []
    message = smtp.to(french.email)[0]
    assert message["Subject"].strip() == "Action 1.2 validée par le COPIL"
    assert "Le comité de pilotage du 25 juin 2027 a décidé" in text_of(message)
    assert '<html lang="fr">' in html_of(message)
    in_english = smtp.to(english.email)[0]
    assert "June 25, 2027" in text_of(in_english)
    assert '<html lang="en">' in html_of(in_english)
    client.force_login(french)
    page = client.get(link_of(message))
    assert page.status_code == 200
    assert page.context["action"] == ours


def _validators_world():
    strategy = StrategyFactory(slug="pedt-test")
    source = OrganisationFactory(name="CAF du département")
    pilots, others = OrganisationFactory(name="Service jeunesse"), OrganisationFactory(name="Service sport")
    indicator = IndicatorFactory(strategy=strategy, code="J1", name="Jeunes accueillis", source=source)
    action = ActionFactory(strategy=strategy, pilot=pilots)
    indicator.actions.add(action)
    ActionFactory(strategy=strategy, pilot=others)
    return {
        "strategy": strategy,
        "indicator": indicator,
        "source_user": pilot_user(source, username="caf", email="caf@caf.example.fr"),
        "validator": pilot_user(pilots, username="jeunesse", email="jeunesse@ville.example.fr"),
        "other_pilot": pilot_user(others, username="sport", email="sport@ville.example.fr"),
        "coordinator": UserFactory(username="coord", email="coord@ville.example.fr", role=roles.COORDINATION),
    }


def test_an_import_of_waiting_values_sends_one_mail_per_validator(db, client, smtp):
    world = _validators_world()
    dataset = tablib.Dataset(headers=["Code indicateur", "Période", "Valeur"])
    for period, value in (("2023", "120"), ("2024", "135"), ("2025", "150")):
        dataset.append(["J1", period, value])
    resource = MeasurementResource(strategy=world["strategy"], user=world["source_user"])
    result = resource.import_data(dataset)
    assert not result.has_errors() and not result.has_validation_errors()
    assert Measurement.objects.filter(status=MeasurementStatus.PENDING).count() == 3
    run_worker()
    assert smtp.recipients() == ["coord@ville.example.fr", "jeunesse@ville.example.fr"]
    message = smtp.to("jeunesse@ville.example.fr")[0]
    assert message["Subject"].strip() == "3 valeurs d'indicateurs à valider"
    assert "J1 — Jeunes accueillis" in text_of(message)
    client.force_login(world["validator"])
    page = client.get(link_of(message))
    assert page.status_code == 200
    assert {m.status for m in page.context["cl"].result_list} == {MeasurementStatus.PENDING}
    assert page.context["cl"].result_count == 3


def test_a_dry_run_sends_nothing(db, smtp):
    world = _validators_world()
    dataset = tablib.Dataset(["J1", "2023", "120"], headers=["Code indicateur", "Période", "Valeur"])
    MeasurementResource(strategy=world["strategy"], user=world["source_user"]).import_data(
        dataset, dry_run=True
    )
    run_worker()
    assert smtp.messages == []


def test_values_entered_by_a_validator_are_published_and_mail_nobody(db, client, smtp):
    world = _validators_world()
    client.force_login(world["coordinator"])
    response = client.post(
        reverse("admin:indicators_measurement_add"),
        {
            "indicator": world["indicator"].pk,
            "period": "2024",
            "sex": "all",  # the select's selected option, as the browser sends it
            "value": "135",
            "comment": "",
            "source_note": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Measurement.objects.get().status == MeasurementStatus.VALIDATED
    run_worker()
    assert smtp.messages == []


def test_a_value_written_through_the_api_waits_and_its_validators_are_mailed_once(db, smtp):
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    world = _validators_world()
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=world['source_user']).key}")
    response = api.post(
        "/api/v1/mesures/",
        {"strategy": "pedt-test", "indicator": "J1", "period": "2025", "value": "150"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert Measurement.objects.get().status == MeasurementStatus.PENDING
    run_worker()
    assert smtp.recipients() == ["coord@ville.example.fr", "jeunesse@ville.example.fr"]
    assert smtp.messages[0]["Subject"].strip() == "1 valeur d'indicateur à valider"
