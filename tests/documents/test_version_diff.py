"""Two signed versions of a strategy and what changed between them: frozen content, page and annex."""

import html
import re
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone

from actors import roles
from documents import content_diff, rendering
from documents.diff import compare
from documents.enums import VersionKind
from documents.models import StrategyVersion
from documents.snapshots import snapshot_sha256, strategy_snapshot
from documents.versions import freeze_strategy
from strategy.enums import ActionStatus, StrategyStatus
from tests.documents.builders import DRAFT_TITLE, UNPUBLISHED_INDICATOR, build_strategy
from tests.documents.conftest import client_for, pdf_text
from tests.queue import download
from tests.strategy.factories import ActionFactory, BudgetLineFactory, StrategyFactory, UserFactory

pytestmark = pytest.mark.django_db

SLUG = "pedt-avenant"
NEW_TITLE = "Ateliers lecture pour les tout-petits"
ADDED_TITLE = "Orchestre à l'école"


@dataclass
class Scenario:
    built: object
    v1: StrategyVersion
    v2: StrategyVersion
    renamed: object
    old_title: str
    refunded: object
    deleted_code: str
    deleted_title: str
    added: object


@pytest.fixture(scope="module")
def scenario(module_data, coordination):
    """Version 1, then an action renamed, an amount raised, an action deleted and one added, a target
    raised, and the draft action edited (which no version may show), then version 2."""
    built = build_strategy(SLUG, actions_per_orientation=1, prefix="Avenant ")
    v1 = freeze_strategy(built.strategy, coordination, signed_at_place="Ivry-sur-Seine")

    renamed, refunded, deleted = built.actions[0], built.actions[1], built.actions[2]
    old_title = renamed.title
    renamed.title = NEW_TITLE
    renamed.save()
    line = refunded.budget_lines.get(year=2024)
    line.planned_amount = Decimal("14000")
    line.save()
    deleted_code, deleted_title = deleted.code, deleted.title
    deleted.delete()
    added = ActionFactory(
        strategy=built.strategy,
        axis=built.axes[1],
        orientation=built.orientations[1],
        code="2.50",
        title=ADDED_TITLE,
        pilot=refunded.pilot,
        status=ActionStatus.VALIDATED,
    )
    BudgetLineFactory(action=added, year=2025, funder=line.funder, planned_amount=Decimal("6000"))
    culture = built.indicators[1]
    culture.target_value = Decimal("95")
    culture.save()
    built.draft.title = f"{DRAFT_TITLE} revu"
    built.draft.save()

    v2 = freeze_strategy(built.strategy, coordination, title="Avenant n° 1")
    return Scenario(built, v1, v2, renamed, old_title, refunded, deleted_code, deleted_title, added)


def page_text(response):
    """The visible text of a page: tags dropped, entities decoded, every kind of space a plain one."""
    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body))).replace("\u202f", " ")


def spaced(text):
    return re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\u00a0", " "))


# --- Freezing keeps the content ---------------------------------------------------------------


def test_freezing_stores_the_public_content_and_its_fingerprint(scenario):
    stored = StrategyVersion.objects.get(pk=scenario.v1.pk)
    assert scenario.old_title == stored.data["actions"][scenario.renamed.code]["title"]
    assert scenario.built.draft.code not in stored.data["actions"]
    # Read back from the database (jsonb on PostgreSQL), the content still gives the stored fingerprint.
    assert stored.content_sha256 == snapshot_sha256(stored.data)
    assert re.fullmatch(r"[0-9a-f]{64}", stored.content_sha256)
    assert stored.content_sha256 != StrategyVersion.objects.get(pk=scenario.v2.pk).content_sha256


def test_the_frozen_content_does_not_follow_later_edits(scenario):
    stored = StrategyVersion.objects.get(pk=scenario.v1.pk)
    assert stored.data != strategy_snapshot(scenario.built.strategy)
    assert stored.data["actions"][scenario.deleted_code]["title"] == scenario.deleted_title
    assert "2.50" not in stored.data["actions"]


@pytest.mark.parametrize(
    "field, value", [("data", {"format": 1, "actions": {}}), ("content_sha256", "0" * 64)]
)
def test_the_frozen_content_and_its_fingerprint_can_never_be_changed(scenario, field, value):
    stored = StrategyVersion.objects.get(pk=scenario.v1.pk)
    setattr(stored, field, value)
    with pytest.raises(PermissionDenied, match=field):
        stored.save()
    again = StrategyVersion.objects.get(pk=scenario.v1.pk)
    assert again.content_sha256 == snapshot_sha256(again.data) == scenario.v1.content_sha256


# --- The diff of the real scenario ------------------------------------------------------------


def test_the_diff_of_two_real_versions_says_exactly_what_changed(scenario):
    diff = compare(scenario.v1.data, scenario.v2.data)
    (changed,) = diff["actions"]["changed"]
    assert changed["code"] == scenario.renamed.code
    assert [(c["label"], c["old_text"], c["new_text"]) for c in changed["changes"]] == [
        ("Titre", scenario.old_title, NEW_TITLE)
    ]
    assert [(a["code"], a["title"]) for a in diff["actions"]["removed"]] == [
        (scenario.deleted_code, scenario.deleted_title)
    ]
    assert [(a["code"], a["title"], a["status_text"]) for a in diff["actions"]["added"]] == [
        ("2.50", ADDED_TITLE, "Validée")
    ]
    caf, state = "pedt-avenant CAF du Val-de-Marne", "pedt-avenant Préfecture du Val-de-Marne"
    assert sorted(
        (line["action"], line["funder"], line["year"], line["old"], line["new"])
        for line in diff["budget"]["lines"]
    ) == sorted(
        [
            (scenario.refunded.code, caf, 2024, "12500.00", "14000.00"),
            (scenario.deleted_code, caf, 2024, "12500.00", None),
            (scenario.deleted_code, state, 2025, "7500.00", None),
            ("2.50", caf, 2025, None, "6000.00"),
        ]
    )
    assert diff["budget"]["total"] == {"old": "80000.00", "new": "67500.00", "difference": "-12500.00"}
    (indicator,) = diff["indicators"]["changed"]
    assert indicator["code"] == "IND-2"
    assert [(c["label"], c["old_text"], c["new_text"]) for c in indicator["changes"]] == [
        ("Cible", "90", "95")
    ]
    assert diff["strategy"] == [] and diff["empty"] is False


def test_a_version_compared_with_itself_shows_no_change(scenario):
    assert compare(scenario.v2.data, scenario.v2.data)["empty"] is True


# --- The page ---------------------------------------------------------------------------------


def test_an_anonymous_visitor_reads_what_changed_between_two_versions(scenario):
    response = client_for().get(f"/strategies/{SLUG}/versions/1-2/")
    assert response.status_code == 200
    text = page_text(response)
    assert "Ce qui a changé de la version 1 à la version 2" in text
    assert f"{scenario.old_title} {NEW_TITLE}" in text  # the title, before and after
    assert f"2.50 {ADDED_TITLE}" in text
    assert f"{scenario.deleted_code} {scenario.deleted_title}" in text
    assert "12 500 € 14 000 € +1 500 €" in spaced(text)
    assert "Cible 90 95" in text
    assert "Total prévu, tous financeurs et toutes années 80 000 € 67 500 € −12 500 €" in spaced(text)
    assert DRAFT_TITLE not in text and UNPUBLISHED_INDICATOR not in text
    assert "1 action ajoutée, 1 action retirée, 1 action modifiée, 4 lignes de financement modifiées" in text


def test_the_page_has_accessible_tables_and_the_version_picker(scenario):
    body = client_for().get(f"/strategies/{SLUG}/versions/1-2/").content.decode()
    tables = re.findall(r"<table>.*?</table>", body, flags=re.S)
    assert len(tables) >= 5
    assert all("<caption>" in table and 'scope="col"' in table for table in tables)
    assert '<label for="version-de">De la version</label>' in body
    assert '<label for="version-a">À la version</label>' in body
    assert re.search(r'<form method="get" action="/strategies/pedt-avenant/versions/1-2/"', body)
    assert '<option value="1" selected>' in body and '<option value="2" selected>' in body


def test_the_picker_leads_to_the_chosen_pair(scenario):
    response = client_for().get(f"/strategies/{SLUG}/versions/1-2/", {"de": "2", "a": "1"})
    assert response.status_code == 302 and response["Location"] == f"/strategies/{SLUG}/versions/2-1/"
    backwards = client_for().get(response["Location"])
    assert backwards.status_code == 200
    assert f"{NEW_TITLE} {scenario.old_title}" in page_text(backwards)
    same = client_for().get(f"/strategies/{SLUG}/versions/2-2/")
    assert "Aucun changement" in page_text(same)


@pytest.mark.parametrize(
    "url",
    [
        f"/strategies/{SLUG}/versions/1-9/",
        f"/strategies/{SLUG}/versions/9-2/",
        "/strategies/inconnue/versions/1-2/",
        f"/strategies/{SLUG}/versions/1-2/?de=un&a=2",
    ],
)
def test_unknown_versions_give_404(scenario, url):
    assert client_for().get(url).status_code == 404


def fake_version(strategy, number, **fields):
    """A version row without freezing (no PDF rendered): enough for the comparison page."""
    return StrategyVersion.objects.create(
        strategy=strategy,
        number=number,
        kind=VersionKind.INITIAL if number == 1 else VersionKind.AMENDMENT,
        frozen_at=timezone.now(),
        sha256="0" * 64,
        pdf=f"versions/{strategy.slug}/v{number}.pdf",
        **fields,
    )


def test_a_version_of_another_strategy_is_not_found_here(scenario):
    other = StrategyFactory(slug="autre-strategie")
    fake_version(other, 1, data=scenario.v1.data)
    # The other strategy has no version 2, though this one has.
    assert client_for().get("/strategies/autre-strategie/versions/1-2/").status_code == 404


def test_versions_of_a_strategy_under_consultation_are_hidden_from_anonymous_visitors(scenario):
    hidden = StrategyFactory(slug="en-concertation-avec-versions", status=StrategyStatus.CONSULTATION)
    fake_version(hidden, 1, data=scenario.v1.data)
    fake_version(hidden, 2, data=scenario.v2.data)
    url = "/strategies/en-concertation-avec-versions/versions/1-2/"
    assert client_for().get(url).status_code == 404
    assert client_for(UserFactory(role=roles.PARTENAIRE)).get(url).status_code == 200


def test_versions_frozen_before_their_content_was_kept_cannot_be_compared(scenario):
    old = StrategyFactory(slug="versions-anciennes")
    fake_version(old, 1)
    fake_version(old, 2, data=scenario.v2.data)
    response = client_for().get("/strategies/versions-anciennes/versions/1-2/")
    assert response.status_code == 200
    assert "Cette comparaison n'est pas possible" in page_text(response)


def test_the_page_takes_a_bounded_number_of_queries(scenario, django_assert_max_num_queries):
    client = client_for()
    # The versions with their strategy (through the visibility rule), then the content of the two;
    # the footer's accessibility status.
    with django_assert_max_num_queries(3):
        assert client.get(f"/strategies/{SLUG}/versions/1-2/").status_code == 200


# --- The documents page -------------------------------------------------------------------------


def test_the_documents_page_offers_to_compare_the_last_two_versions(scenario):
    body = client_for().get(f"/strategies/{SLUG}/documents/").content.decode()
    assert f'action="/strategies/{SLUG}/versions/1-2/"' in body
    assert '<label for="version-de">De la version</label>' in body
    response = client_for().get(f"/strategies/{SLUG}/versions/1-2/", {"de": "1", "a": "2"})
    assert response.status_code == 200


def test_the_documents_page_has_no_picker_for_a_single_version(scenario):
    single = StrategyFactory(slug="une-seule-version")
    fake_version(single, 1)
    body = client_for().get("/strategies/une-seule-version/documents/").content.decode()
    assert "Version 1 (PDF)" in body
    assert "version-de" not in body


# --- The printable annex ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def annex_pdf(scenario):
    """Downloaded from the comparison page's link, rendered by the worker."""
    page = Client().get(f"/strategies/{SLUG}/versions/1-2/").content.decode()
    link = f"/strategies/{SLUG}/versions/1-2/annexe.pdf"
    assert f'href="{link}"' in page
    response = download(Client(), link)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return response.content


def test_an_annex_of_unknown_versions_is_not_found(scenario):
    for pair in ("1-9", "2-2", "9-1"):
        assert Client().get(f"/strategies/{SLUG}/versions/{pair}/annexe.pdf").status_code == 404


def test_the_annex_pdf_lists_the_changes_of_the_amendment(scenario, annex_pdf):
    text = spaced(pdf_text(annex_pdf))
    assert "Annexe à l’avenant (version 2) — Avenant n° 1" in text
    assert "Ce qui change de la version 1 à la version 2" in text
    assert NEW_TITLE in text and scenario.old_title.split(" :")[0] in text
    assert ADDED_TITLE.replace("'", "’") in text.replace("'", "’")
    assert scenario.deleted_title.split(" :")[0] in text
    assert "14 000 €" in text and "+1 500 €" in text and "−12 500 €" in text
    assert DRAFT_TITLE not in text


def test_the_annex_is_the_same_html_for_the_same_pair(scenario):
    def annex_html():
        context = content_diff.amendment_annex(scenario.built.strategy, scenario.v1, scenario.v2)
        return rendering.render_html("documents/amendment_annex.html", context)

    first = annex_html()
    assert annex_html() == first
    assert timezone.localdate(scenario.v2.frozen_at).strftime("%Y") in first


def test_a_caption_never_ends_a_page_alone(module_data):
    """WeasyPrint 66 crashes while tagging a table whose caption stays on a page its rows leave
    (Kozea/WeasyPrint#2761): the print stylesheet keeps a caption with its table. One table per page,
    each lower than the last, so that one of them lands where the caption fits and no row does."""
    tables = "".join(
        f'<div class="new-page"></div><div class="spacer-{step}"></div>'
        f"<table><caption>Légende {step}</caption><tbody><tr><td>Ligne {step}</td></tr></tbody></table>"
        for step in range(80)
    )
    spacers = "".join(f".spacer-{step} {{ height: {238 + step * 0.25}mm; }}" for step in range(80))
    html_text = (
        '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Légendes</title>'
        f'<link rel="stylesheet" href="documents/print.css"><style>{spacers}</style></head>'
        f"<body>{tables}</body></html>"
    )
    text = pdf_text(rendering.html_to_pdf(html_text))
    assert "Légende 79" in text and "Ligne 79" in text
