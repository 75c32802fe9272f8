"""The neighbourhood pages: actions by age band, done and late, budget, indicator values, per role."""

import datetime
from decimal import Decimal

import lxml.html
import pytest

from actors import roles
from indicators.models import Measurement
from strategy.enums import ActionStatus
from tests.actors.factories import NeighbourhoodFactory
from tests.indicators.factories import MeasurementFactory
from tests.strategy.factories import ActionFactory, BudgetLineFactory, TerritoryFactory, UserFactory, audience

PAGE = "/strategies/pedt-ivry/quartiers/ivry-port/"
#: The siblings after a section's heading, by the heading's id.
AFTER = "//h2[@id='%s']/following-sibling::"
SQUARE = {
    "type": "Polygon",
    "coordinates": [[[2.38, 48.82], [2.40, 48.82], [2.40, 48.83], [2.38, 48.83], [2.38, 48.82]]],
}


def groups(html):
    """``{heading: [action codes]}`` of the section of the neighbourhood's own actions."""
    tree = lxml.html.fromstring(html)
    section = tree.get_element_by_id("actions-quartier").getparent()
    found = {}
    for heading in section.iter("h3"):
        items = heading.getnext()
        found[heading.text_content().strip()] = [
            code.text for code in items.iter("span") if "code" in code.classes
        ]
    return found


def test_it_groups_the_neighbourhood_actions_by_age_band(client, portal):
    found = groups(client.get(PAGE).content.decode())
    assert found == {
        "Pour : Élémentaire (6-11 ans)": ["2.1"],
        "Pour : Collège (11-15 ans)": ["1.2", "1.3", "1.4"],
    }


def test_an_age_keeps_that_band_and_the_actions_for_every_public(client, portal):
    everyone = ActionFactory(strategy=portal["strategy"], axis=portal["theatre"].axis, code="2.9")
    everyone.neighbourhoods.add(portal["neighbourhood"])
    found = groups(client.get(f"{PAGE}?age=6-11").content.decode())
    assert found == {"Pour : Élémentaire (6-11 ans)": ["2.1"], "Pour tous les publics": ["2.9"]}


def test_the_age_chosen_is_marked_current_among_the_age_links(client, portal):
    tree = lxml.html.fromstring(client.get(f"{PAGE}?age=11-15").content.decode())
    current = tree.xpath("//nav[@class='age-choice']//a[@aria-current='page']")
    assert [link.text_content() for link in current] == ["Collège (11-15 ans)"]
    assert [link.get("href") for link in tree.xpath("//nav[@class='age-choice']//a")][:3] == [
        PAGE,
        f"{PAGE}?age=0-3",
        f"{PAGE}?age=3-6",
    ]


def test_an_unknown_age_is_a_french_error_and_shows_every_age(client, portal):
    response = client.get(f"{PAGE}?age=7-77")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Cet âge n'existe pas dans la liste" in html
    assert groups(html)["Pour : Collège (11-15 ans)"] == ["1.2", "1.3", "1.4"]


def test_actions_for_the_whole_territory_are_listed_apart_and_not_counted(client, portal):
    html = client.get(PAGE).content.decode()
    tree = lxml.html.fromstring(html)
    territory = tree.get_element_by_id("actions-territoire").getparent().text_content()
    assert "Fournitures scolaires" in territory
    figures = (
        tree.get_element_by_id("avancement-quartier").getparent().xpath(".//span[@class='figure__value']")
    )
    assert figures[0].text_content() == "4"  # 2.1, 1.2, 1.3, 1.4: not 1.1, in no neighbourhood


def test_it_counts_the_actions_done_and_late_there_by_the_one_rule(client, portal):
    strategy = portal["strategy"]
    done = ActionFactory(strategy=strategy, axis=portal["theatre"].axis, code="2.7", status=ActionStatus.DONE)
    done.neighbourhoods.add(portal["neighbourhood"])
    # The factory's actions ended on 31 December 2025 and are still in progress: late.
    on_time = ActionFactory(strategy=strategy, axis=done.axis, code="2.8", end_date=datetime.date(2099, 1, 1))
    on_time.neighbourhoods.add(portal["neighbourhood"])
    tree = lxml.html.fromstring(client.get(PAGE).content.decode())
    values = [
        v.text_content()
        for v in tree.xpath(f"{AFTER % 'avancement-quartier'}ul//span[@class='figure__value']")
    ]
    assert values[:3] == ["6", "1", "4"]
    late_link = tree.xpath(f"{AFTER % 'avancement-quartier'}p//a")[0].get("href")
    assert late_link == "/strategies/pedt-ivry/actions/?quartier=ivry-port&retard=1"


def test_the_budget_is_the_executed_and_planned_amounts_of_the_actions_led_there(client, portal):
    other = NeighbourhoodFactory(territory=portal["strategy"].territory, name="Petit-Ivry")
    portal["theatre"].neighbourhoods.add(other)
    BudgetLineFactory(
        action=portal["theatre"], year=2025, funder=portal["partner"], executed_amount=Decimal("1000")
    )
    html = client.get(PAGE).content.decode()
    section = lxml.html.fromstring(html).get_element_by_id("budget-quartier").getparent().text_content()
    # 2.1: 12 500,50 + 10 000 planned, 2 500 + 1 000 executed; 1.2-1.4: 10 000 planned, 2 500 executed each.
    assert "11\u202f000\u00a0€" in section  # executed
    assert "52\u202f500,50\u00a0€" in section  # planned
    assert "1 de ces actions est aussi menée dans un autre quartier." in section
    assert "son budget n'est pas partagé entre quartiers" in section


def test_it_shows_the_latest_published_value_of_each_visible_indicator_beside_the_territory(client, portal):
    hood = portal["neighbourhood"]
    MeasurementFactory(indicator=portal["indicator"], period="2022", value=Decimal(31), neighbourhood=hood)
    MeasurementFactory(indicator=portal["unpublished"], period="2023", value=Decimal(999), neighbourhood=hood)
    MeasurementFactory(
        indicator=portal["qualitative"],
        period="2024",
        value=Decimal(777),
        neighbourhood=hood,
        status="pending",
    )
    tree = lxml.html.fromstring(client.get(PAGE).content.decode())
    rows = [
        [cell.text_content().strip() for cell in row.xpath("th|td")]
        for row in tree.xpath(f"{AFTER % 'indicateurs-quartier'}div//tbody/tr")
    ]
    assert rows == [["Places en crèche", "2023", "40 places", "237 places"]]


def test_an_unknown_neighbourhood_or_one_of_another_territory_is_a_404(client, portal):
    elsewhere = NeighbourhoodFactory(territory=TerritoryFactory(name="Vitry"), name="Vitry Centre")
    assert client.get("/strategies/pedt-ivry/quartiers/nulle-part/").status_code == 404
    assert client.get(f"/strategies/pedt-ivry/quartiers/{elsewhere.slug}/").status_code == 404
    assert client.get("/strategies/inconnue/quartiers/ivry-port/").status_code == 404
    assert client.get("/strategies/inconnue/quartiers/").status_code == 404


def test_an_anonymous_visitor_never_sees_a_draft_on_a_neighbourhood_page(client, portal):
    portal["proposed"].neighbourhoods.add(portal["neighbourhood"])
    html = client.get(PAGE).content.decode()
    assert "Projet confidentiel de cantine" not in html
    assert client.get("/strategies/pedt-2027/quartiers/ivry-port/").status_code == 404
    assert client.get("/strategies/brouillon/quartiers/ivry-port/").status_code == 404
    assert client.get("/strategies/brouillon/quartiers/").status_code == 404


@pytest.mark.parametrize(
    ("role", "sees_draft_strategy", "sees_internal"),
    [(roles.PARTENAIRE, True, False), (roles.COORDINATION, True, True), (roles.COPIL, True, True)],
)
def test_each_role_sees_what_its_rule_allows(client, portal, role, sees_draft_strategy, sees_internal):
    portal["draft_action"].neighbourhoods.add(portal["neighbourhood"])
    portal["proposed"].neighbourhoods.add(portal["neighbourhood"])
    client.force_login(UserFactory(username=role, role=role))
    draft = client.get("/strategies/pedt-2027/quartiers/ivry-port/")
    assert draft.status_code == 200
    assert ("Café des parents" in draft.content.decode()) is sees_draft_strategy
    html = client.get(PAGE).content.decode()
    assert ("Projet confidentiel de cantine" in html) is sees_internal


def test_the_list_counts_the_visible_actions_of_each_neighbourhood(client, portal):
    NeighbourhoodFactory(territory=portal["strategy"].territory, name="Petit-Ivry")
    portal["proposed"].neighbourhoods.add(portal["neighbourhood"])
    tree = lxml.html.fromstring(client.get("/strategies/pedt-ivry/quartiers/").content.decode())
    cards = [card.text_content().split() for card in tree.xpath("//li[@class='card']")]
    assert cards[0][:2] == ["Ivry", "Port"] and "4" in cards[0]
    assert cards[1][0] == "Petit-Ivry" and "0" in cards[1]
    assert "1 autre action concerne tout le territoire" in tree.text_content()


def test_without_contours_the_pages_are_lists_only(client, portal):
    for url in (PAGE, "/strategies/pedt-ivry/quartiers/"):
        html = client.get(url).content.decode()
        assert "<svg" not in html.split('id="contenu"')[1]
        assert 'href="/strategies/pedt-ivry/quartiers/ivry-port/"' in html


def test_with_contours_the_map_links_each_neighbourhood_as_its_alternative_does(client, portal):
    hood = portal["neighbourhood"]
    hood.shape = SQUARE
    hood.save()
    other = NeighbourhoodFactory(territory=hood.territory, name="Petit-Ivry", shape=SQUARE)
    html = client.get("/strategies/pedt-ivry/quartiers/").content.decode()
    tree = lxml.html.fromstring(html)
    map_links = [a.get("href") for a in tree.xpath("//svg[@class='map']//a")]
    alternative = tree.get_element_by_id(tree.xpath("//svg[@class='map']")[0].get("aria-describedby"))
    assert map_links == [f"/strategies/pedt-ivry/quartiers/{n.slug}/" for n in (hood, other)]
    assert [a.get("href") for a in alternative.xpath(".//a")] == map_links
    assert [a.get("aria-label") for a in tree.xpath("//svg[@class='map']//a")] == ["Ivry Port", "Petit-Ivry"]


def test_home_and_strategy_pages_offer_the_neighbourhood_and_the_age_first(client, portal):
    for url in ("/", "/strategies/pedt-ivry/"):
        tree = lxml.html.fromstring(client.get(url).content.decode())
        first_section = tree.xpath("//main//section")[0 if url != "/" else 1]
        assert first_section.get("aria-labelledby") == "commencer", url
        hrefs = [a.get("href") for a in first_section.xpath(".//a")]
        assert PAGE in hrefs, url
        assert "/strategies/pedt-ivry/actions/?public=6-11" in hrefs, url


def test_measurements_of_other_neighbourhoods_stay_out(client, portal):
    other = NeighbourhoodFactory(territory=portal["strategy"].territory, name="Petit-Ivry")
    Measurement.objects.filter(neighbourhood=portal["neighbourhood"]).update(neighbourhood=other)
    html = client.get(PAGE).content.decode()
    assert "Aucun indicateur publié n'a encore de valeur pour ce quartier." in html
    audience("6-11")  # reference data still there for the other tests
