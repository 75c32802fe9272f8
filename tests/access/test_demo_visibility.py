"""On the demo data, an anonymous visitor reads the adopted strategies' public actions, and no page shows
them a draft, a contribution, a contact's e-mail or phone.

What they must and must not see is written out here, not asked of ``visible_to``: a broken rule fails.
"""

import html
import re

import pytest
from django.contrib.auth.models import User

from actors.models import Contact
from demo.load import load_demo
from indicators.models import Indicator
from strategy.models import Action, Strategy

UNDER_CONSULTATION = "/strategies/pedt-ivry-sur-seine-2027/"

#: The home page lists the adopted strategies.
PUBLISHED_STRATEGIES = [
    "Projet éducatif territorial d'Ivry-sur-Seine 2023-2026",
    "Cité éducative des quartiers sud (exemple)",
]

#: Every action of the adopted strategies but their proposals (1.10, 2.7, 4.6 at Ivry, 3.6 at the Cité).
PUBLIC_ACTION_CODES = {
    "pedt-ivry-sur-seine": [
        *("1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9"),
        *("2.1", "2.2", "2.3", "2.4", "2.5", "2.6"),
        *("3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8"),
        *("4.1", "4.2", "4.3", "4.4", "4.5"),
        *("5.1", "5.2", "5.3", "5.4", "5.5"),
    ],
    "cite-educative-exemple": [
        *("1.1", "1.2", "1.3", "1.4", "1.5", "1.6"),
        *("2.1", "2.2", "2.3", "2.4", "2.5", "2.6"),
        *("3.1", "3.2", "3.3", "3.4", "3.5"),
    ],
}

#: Contacts who consented to be named, and an action they follow (their e-mail and phone stay hidden).
NAMED_CONTACTS = [
    ("Nadia Benali", "pedt-ivry-sur-seine", "1.1"),
    ("Hugo Garnier", "pedt-ivry-sur-seine", "1.8"),
    ("Samia Ouali", "cite-educative-exemple", "2.5"),
]

#: Drafts and contributions no page may show an anonymous visitor.
NEVER_SHOWN = [
    # The proposals of the adopted strategies.
    "Un accueil adapté pour les enfants récemment arrivés en France",
    "Un conseil des jeunes Ivryens",
    "Un nouvel équipement nautique",
    "Montrer des parcours de réussite issus des quartiers",
    # The strategy under consultation, its orientations and its actions.
    "2027-2030",
    "Informer les familles dans un langage clair",
    "Associer les parents aux décisions",
    "Sécuriser les parcours des jeunes sans solution",
    "Favoriser l'accès des jeunes au logement et aux soins",
    "Un guide des familles en langage clair",
    "Des parents membres du comité de pilotage",
    "Des cafés des parents dans chaque groupe scolaire",
    "Aller vers les jeunes sans emploi ni formation",
    "Une permanence santé pour les 16-25 ans",
    # The unpublished indicators.
    "Classes ayant suivi le parcours culturel complet",
    "Délai d'attente pour un premier rendez-vous au CMPP",
    # The partners' contributions.
    "Pensez aux jeunes parents de moins de 25 ans",
    "La CAF peut relire le guide",
]

#: The contacts who did not consent to be named publicly.
UNNAMED_CONTACTS = [
    "Inès Carpentier",
    "Aïcha Diallo",
    "Élise Fontaine",
    "Paul Girard",
    "Karim Haddad",
    "Thomas Lemoine",
    "Bernard Leroy",
    "Sophie Marchand",
    "Laurent Moreau",
    "Léa Morel",
    "Marion Petit",
    "Julien Roux",
    "Moussa Traoré",
    "Claire Vasseur",
]

#: Besides every page under the strategy under consultation, the pages of drafts answer 404.
NOT_FOUND = {
    "/strategies/pedt-ivry-sur-seine/actions/110-un-accueil-adapte-pour-les-enfants-recemment-arrives-en-france/",
    "/strategies/pedt-ivry-sur-seine/actions/27-un-conseil-des-jeunes-ivryens/",
    "/strategies/pedt-ivry-sur-seine/actions/46-un-nouvel-equipement-nautique/",
    "/strategies/cite-educative-exemple/actions/36-montrer-des-parcours-de-reussite-issus-des-quartiers/",
    "/strategies/pedt-ivry-sur-seine/indicateurs/ind-17-classes-ayant-suivi-le-parcours-culturel-complet/",
    "/strategies/pedt-ivry-sur-seine/indicateurs/ind-18-delai-dattente-pour-un-premier-rendez-vous-au-cmpp/",
}


@pytest.fixture
def demo(db):
    load_demo(with_data=True, with_users=True)


def every_url():
    """Every page of every strategy, action and indicator in the database, public or not."""
    urls = ["/"]
    for strategy in Strategy.objects.all():
        base = f"/strategies/{strategy.slug}/"
        urls += [
            base + suffix
            for suffix in (
                "",
                "actions/",
                "indicateurs/",
                "acteurs/",
                "concertation/",
                "documents/",
                "quartiers/",
            )
        ]
        urls += [
            f"{base}quartiers/{slug}/"
            for slug in strategy.territory.neighbourhoods.values_list("slug", flat=True)
        ]
        urls += [f"{base}actions/?page={page}" for page in (2, 3)]
    urls += [action.get_absolute_url() for action in Action.objects.select_related("strategy")]
    urls += [indicator.get_absolute_url() for indicator in Indicator.objects.select_related("strategy")]
    return urls


def is_a_draft_page(url):
    return url.startswith(UNDER_CONSULTATION) or url in NOT_FOUND


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(response.content.decode())


def test_anonymous_visitor_gets_every_public_page_and_a_404_on_every_draft(client, demo):
    urls = every_url()
    assert set(NOT_FOUND) < set(urls), "the demo's drafts have moved: update NOT_FOUND"

    statuses = {url: client.get(url).status_code for url in urls}

    assert {url: status for url, status in statuses.items() if status != 200} == {
        url: 404 for url in urls if is_a_draft_page(url)
    }


def test_anonymous_visitor_reads_the_published_strategies_and_exactly_their_public_actions(client, demo):
    home = page_text(client, "/")
    for title in PUBLISHED_STRATEGIES:
        assert title in home

    for slug, codes in PUBLIC_ACTION_CODES.items():
        listed = set()
        for page in (1, 2):
            text = page_text(client, f"/strategies/{slug}/actions/?page={page}")
            listed |= set(re.findall(r'<span class="code">([^<]+)</span>', text))
        assert listed == set(codes), slug


def test_anonymous_visitor_reads_the_names_of_the_contacts_who_consented(client, demo):
    for name, slug, code in NAMED_CONTACTS:
        url = Action.objects.get(strategy__slug=slug, code=code).get_absolute_url()
        assert name in page_text(client, url), url


def test_anonymous_visitor_never_sees_personal_data_drafts_or_contributions_by_any_url(client, demo):
    personal_data = UNNAMED_CONTACTS + [
        value for contact in Contact.objects.all() for value in (contact.email, contact.phone) if value
    ]
    for url in every_url():
        if is_a_draft_page(url):
            continue  # a 404, checked above
        text = page_text(client, url)
        for secret in NEVER_SHOWN + personal_data:
            assert secret not in text, f"{secret!r} visible on {url}"


def test_partner_sees_the_consultation_drafts_of_the_demo(client, demo):
    client.force_login(User.objects.get(username="partenaire"))

    text = page_text(client, f"{UNDER_CONSULTATION}actions/")

    assert "Un guide des familles en langage clair" in text
    assert "Une permanence santé pour les 16-25 ans" in text
    assert "Projet" in text
    assert "Informer les familles dans un langage clair" in page_text(client, UNDER_CONSULTATION)
