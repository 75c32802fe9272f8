"""Choice lists are doors too: a draft orientation, or the pilot of a draft action only, never shows
in a filter's options for an anonymous visitor or a partner, on the page or through the API."""

from html.parser import HTMLParser

import pytest

from strategy.enums import ActionStatus, OrientationStatus
from tests.actors.factories import OrganisationFactory
from tests.strategy.factories import ActionFactory, OrientationFactory, UserFactory

SECRET_ORIENTATION = "Orientation secrète en projet"
SECRET_PILOT = "Association du projet secret"


class SelectOptions(HTMLParser):
    """The option labels of each <select>, by its name, as the browser shows them."""

    def __init__(self):
        super().__init__()
        self.options, self._select, self._in_option = {}, None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select":
            self._select = attrs.get("name")
            self.options[self._select] = []
        elif tag == "option" and self._select:
            self._in_option = True
            self.options[self._select].append("")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "option":
            self._in_option = False

    def handle_data(self, data):
        if self._in_option and self._select:
            self.options[self._select][-1] += data.strip()


def options_of(page):
    parser = SelectOptions()
    parser.feed(page)
    return parser.options


@pytest.fixture
def secrets(portal):
    strategy = portal["strategy"]
    axis = strategy.axes.get(number=2)
    orientation = OrientationFactory(
        strategy=strategy, axis=axis, number=9, title=SECRET_ORIENTATION, status=OrientationStatus.PROPOSED
    )
    pilot = OrganisationFactory(name=SECRET_PILOT, slug="association-secrete")
    ActionFactory(strategy=strategy, axis=axis, code="2.99", status=ActionStatus.PROPOSED, pilot=pilot)
    return {"orientation": orientation, "pilot": pilot}


@pytest.mark.parametrize("who", ["anonymous", "partner"])
def test_the_actions_page_filters_never_offer_a_draft_orientation_or_a_draft_only_pilot(
    client, portal, secrets, partner, who
):
    if who == "partner":
        client.force_login(partner)
    response = client.get(f"/strategies/{portal['strategy'].slug}/actions/")
    assert response.status_code == 200
    options = options_of(response.content.decode())
    # The lists are there and offer what is public...
    assert any("Un parcours culturel pour chaque enfant" in label for label in options["orientation"])
    # ...and nothing of the drafts.
    assert not any(SECRET_ORIENTATION in label for label in options["orientation"])
    assert SECRET_ORIENTATION not in response.content.decode()
    # The pilot and partner filters suggest names from an endpoint, by the same rule.
    suggestions = f"/strategies/{portal['strategy'].slug}/structures.json"
    assert [r["name"] for r in client.get(suggestions, {"q": "Service enfance"}).json()["results"]] == [
        "Service enfance"
    ]
    assert client.get(suggestions, {"q": SECRET_PILOT}).json()["results"] == []
    assert SECRET_PILOT not in response.content.decode()


def test_staff_inside_the_strategy_are_offered_the_draft_orientation(client, portal, secrets):
    client.force_login(UserFactory(username="coord", role="coordination"))
    response = client.get(f"/strategies/{portal['strategy'].slug}/actions/")
    assert response.status_code == 200
    assert any(SECRET_ORIENTATION in label for label in options_of(response.content.decode())["orientation"])


@pytest.mark.parametrize("door", ["actions/", "actions.csv", "api"])
def test_filtering_by_a_draft_orientation_is_refused_as_an_unknown_choice(client, portal, secrets, door):
    slug = portal["strategy"].slug
    query = f"?orientation={secrets['orientation'].pk}"
    url = (
        f"/api/v1/strategies/{slug}/actions/{query}" if door == "api" else f"/strategies/{slug}/{door}{query}"
    )
    response = client.get(url)
    body = response.content.decode()
    # An unknown choice: the page says the filter is invalid, the CSV and API answer 400.
    if door == "actions/":
        assert response.status_code == 200
        assert "Sélectionnez un choix valide" in body
    else:
        assert response.status_code == 400
    assert SECRET_ORIENTATION not in body
