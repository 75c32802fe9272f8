"""Values written from outside the city's staff wait for validation before they are published:
absent from every public door (indicator page, CSV, API, PDF) until coordination or the pilot of a
linked action validates them in the admin, through the changelist's real action form."""

import csv
import html
import io
import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.test import Client
from pypdf import PdfReader

from actors import roles
from citedu.admin_site import measurement_queue
from indicators import perms as indicator_perms
from indicators.enums import MeasurementStatus
from indicators.models import Measurement
from shared.formatting import number
from tests.actors.factories import ContactFactory
from tests.api.test_measurements_write import URL, payload, token_client
from tests.indicators.factories import MeasurementFactory
from tests.queue import download
from tests.strategy.factories import UserFactory

VALUE = Decimal("4321")
PAGE_VALUE = number(VALUE)  # « 4 321 », as the indicator page prints it
SPACED_VALUE = re.sub(r"\s+", " ", PAGE_VALUE)  # the same once spaces are normalised


@pytest.fixture
def partner_value(api_client, world):
    """The source organisation (a partner account with a token) sends 4 321 for 2024."""
    token_client(api_client, world.source)
    response = api_client.post(URL, payload(period="2024", value="4321"), format="json")
    assert response.status_code == 201, response.content
    return Measurement.objects.get(indicator=world.indicator, period="2024")


def indicator_page(client, world):
    response = client.get(world.indicator.get_absolute_url())
    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    assert world.indicator.name in text
    return text


def csv_rows(client):
    response = client.get("/strategies/pedt-villebelle/indicateurs.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig")), delimiter=";"))
    assert rows, "the CSV holds the published values"
    return [(row["Code indicateur"], row["Période"]) for row in rows]


def api_periods(client):
    response = client.get(URL, {"strategie": "pedt-villebelle", "indicateur": "I1"})
    assert response.status_code == 200
    periods = [row["period"] for row in response.json()["results"]]
    assert periods, "the API lists the published values"
    return periods


def pdf_text(client):
    response = download(client, "/strategies/pedt-villebelle/document.pdf")
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))


def published_everywhere(world):
    anonymous = Client()
    return {
        "page": PAGE_VALUE in indicator_page(anonymous, world),
        "csv": ("I1", "2024") in csv_rows(anonymous),
        "api": "2024" in api_periods(anonymous),
    }


class ActionForm(HTMLParser):
    """The changelist's action form as the browser sends it: its hidden fields, actions, checkboxes."""

    def __init__(self):
        super().__init__()
        self.hidden, self.actions, self.selectable = {}, {}, []
        self._option = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "hidden" and attrs.get("name"):
            self.hidden[attrs["name"]] = attrs.get("value", "")
        if tag == "input" and attrs.get("name") == "_selected_action":
            self.selectable.append(attrs["value"])
        if tag == "option":
            self._option = attrs.get("value")

    def handle_data(self, data):
        if self._option:
            self.actions[data.strip()] = self._option
            self._option = None


def post_admin_action(client, label, measurement):
    """Tick the row and choose ``label`` in the changelist the admin renders, then submit."""
    changelist = "/admin/indicators/measurement/?status__exact=pending"
    response = client.get(changelist)
    assert response.status_code == 200
    form = ActionForm()
    form.feed(response.content.decode())
    assert str(measurement.pk) in form.selectable
    data = {
        "csrfmiddlewaretoken": form.hidden["csrfmiddlewaretoken"],
        "action": form.actions[label],
        "_selected_action": [str(measurement.pk)],
        "index": "0",
    }
    return client.post(changelist, data, follow=True)


def staff_client(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def test_a_value_sent_by_a_partner_token_is_recorded_a_valider(partner_value, world):
    assert partner_value.status == MeasurementStatus.PENDING
    assert partner_value.validated_by is None
    assert partner_value.value == VALUE


def test_a_waiting_value_is_published_nowhere_until_coordination_validates_it_in_the_admin(
    partner_value, world, coordination_user
):
    assert published_everywhere(world) == {"page": False, "csv": False, "api": False}
    assert SPACED_VALUE not in pdf_text(Client())
    # Staff reading the public side do not see it either: a document they freeze must not carry it.
    assert PAGE_VALUE not in indicator_page(staff_client(coordination_user), world)

    response = post_admin_action(staff_client(coordination_user), "Valider", partner_value)

    assert "1 mesure passée à l’état « validée »." in html.unescape(response.content.decode()).replace(
        "'", "’"
    )
    partner_value.refresh_from_db()
    assert partner_value.status == MeasurementStatus.VALIDATED
    assert partner_value.validated_by == coordination_user
    assert partner_value.validated_at is not None
    assert published_everywhere(world) == {"page": True, "csv": True, "api": True}
    assert f"{SPACED_VALUE} 2024" in pdf_text(Client())


def test_a_refused_value_stays_unpublished(partner_value, world, coordination_user):
    post_admin_action(staff_client(coordination_user), "Refuser", partner_value)

    partner_value.refresh_from_db()
    assert partner_value.status == MeasurementStatus.REFUSED
    assert published_everywhere(world) == {"page": False, "csv": False, "api": False}


def test_the_pilot_of_a_linked_action_validates_it(partner_value, world):
    pilot = UserFactory(role=roles.PILOTE)
    ContactFactory(organisation=world.actions[0].pilot, user=pilot)

    post_admin_action(staff_client(pilot), "Valider", partner_value)

    partner_value.refresh_from_db()
    assert partner_value.status == MeasurementStatus.VALIDATED
    assert partner_value.validated_by == pilot


def test_neither_the_partner_nor_the_steering_committee_may_validate(partner_value, world, copil_user):
    partner = partner_value.entered_by
    assert not indicator_perms.can_validate_measurements_of(partner, world.indicator)
    assert not indicator_perms.can_validate_measurements_of(copil_user, world.indicator)
    # The steering committee sees the changelist, without the action.
    response = staff_client(copil_user).get("/admin/indicators/measurement/")
    assert response.status_code == 200
    form = ActionForm()
    form.feed(response.content.decode())
    assert "Valider" not in form.actions


def test_a_pilot_who_is_only_the_source_enters_values_that_wait(world):
    pilot = UserFactory(role=roles.PILOTE)
    ContactFactory(organisation=world.source, user=pilot)
    linked_pilot = UserFactory(role=roles.PILOTE)
    ContactFactory(organisation=world.actions[0].pilot, user=linked_pilot)

    assert indicator_perms.status_of_entry(pilot, world.indicator) == MeasurementStatus.PENDING
    assert indicator_perms.status_of_entry(linked_pilot, world.indicator) == MeasurementStatus.VALIDATED
    # Through the API, even a validator's value waits: the API is a door from outside.
    assert (
        indicator_perms.status_of_entry(linked_pilot, world.indicator, through_api=True)
        == MeasurementStatus.PENDING
    )


def test_a_value_coordination_types_in_the_admin_is_published_at_once(world, coordination_user):
    client = staff_client(coordination_user)
    add = "/admin/indicators/measurement/add/"
    page = client.get(add)
    form = ActionForm()
    form.feed(page.content.decode())
    response = client.post(
        add,
        {
            "csrfmiddlewaretoken": form.hidden["csrfmiddlewaretoken"],
            "indicator": world.indicator.pk,
            "period": "2025",
            "sex": "all",  # the select's only selected option, as the browser sends it
            "value": "250",
            **{name: value for name, value in form.hidden.items() if name != "csrfmiddlewaretoken"},
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    measurement = Measurement.objects.get(indicator=world.indicator, period="2025")
    assert measurement.status == MeasurementStatus.VALIDATED
    assert measurement.validated_by == coordination_user


def test_a_session_cookie_cannot_write_a_measurement(api_client, world):
    user = UserFactory(role=roles.PARTENAIRE)
    ContactFactory(organisation=world.source, user=user)
    api_client.force_login(user)
    before = Measurement.objects.count()

    response = api_client.post(URL, payload(period="2024"), format="json")

    assert response.status_code == 401
    assert response.json() == {
        "detail": "Authentification requise : envoyez l'en-tête « Authorization: Token <jeton> »."
    }
    assert Measurement.objects.count() == before


def test_the_admin_home_lists_the_waiting_value_with_the_previous_one_and_its_source(
    partner_value, world, coordination_user
):
    MeasurementFactory(indicator=world.indicator, period="2023", value=Decimal("1999"))

    response = staff_client(coordination_user).get("/admin/")

    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    queue = text[text.index('id="citedu-measurement-queue"') : text.index("</table>", text.index("queue"))]
    assert "1 mesure à valider" in text
    row = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", queue))
    assert f"{world.indicator} — PEDT de Villebelle" in row
    assert f"2024 {SPACED_VALUE} places 1 999 places (2023) Caisse d'allocations familiales" in row


def test_the_queue_of_ten_values_runs_three_queries(world, coordination_user, django_assert_num_queries):
    for year in range(2030, 2040):
        MeasurementFactory(indicator=world.indicator, period=str(year), status=MeasurementStatus.PENDING)
    roles.has_role(coordination_user, roles.COORDINATION)  # roles are read once, then cached

    # 1. the waiting values with indicator, strategy, source and neighbourhood; 2. the published
    # values of those indicators (previous value); 3. the count of waiting values.
    with django_assert_num_queries(3):
        queue = measurement_queue(coordination_user)

    assert queue["waiting_measurement_count"] == 10
    assert [m.period for m in queue["waiting_measurements"]][:2] == ["2030", "2031"]
    assert queue["waiting_measurements"][0].previous.period == "2002"
