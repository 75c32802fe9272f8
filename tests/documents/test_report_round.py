"""The yearly report prints the year's reporting round: its record, as sent, for each audience.

The rounds (``tests.documents.rounds``): 2023-2024 closed (the city on time, the school late after
a reminder, an association never), 2024-2025 closed with no answer, 2025-2026 open; 2023 has none.
"""

import re

import page
import pytest

from actors import roles
from documents import content_round, freshness
from documents.models import RenderedDocument
from followup.models import ActionReport, ReportingRound, RoundParticipant
from tests.documents import pdf_structure
from tests.documents.builders import build_strategy
from tests.documents.conftest import client_for, pdf_pages
from tests.documents.rounds import (
    CITY_SENDER,
    DRAFT_NOTE,
    LIVE_NOTE,
    SCHOOL_SENDER,
    SENT_NOTE,
    build_rounds,
)
from tests.queue import download
from tests.strategy.factories import UserFactory

# Module fixtures hold the data; each test still runs in its own rolled-back transaction.
pytestmark = pytest.mark.django_db

SLUG = "pedt-campagne"
CITY = f"{SLUG} Ville d’Ivry-sur-Seine"
SCHOOL = f"{SLUG} Collège Henri-Wallon"
ASSOCIATION = f"{SLUG} Association Lire en ville"
ACTION = re.compile(r"(\d\.\d+) — Action \d+ : ateliers « lire et grandir » ·")
#: What a table repeats at the top of a page, or its caption: not part of an action's answer.
TABLE_HEAD = re.compile(
    r" ?(Réponse Statut déclaré Réalisé \d{4} Bénéficiaires \d{4}|Axe \d — [^·]*?(?= Réponse))"
)


def url(year):
    return f"/strategies/{SLUG}/rapport-{year}.pdf"


@pytest.fixture(scope="module")
def built(module_data):
    built = build_strategy(SLUG)
    built.rounds = build_rounds(built)
    return built


def _without_page_foot(page):
    """A page's text without its foot (running title, section, state, page number)."""
    body, _title, foot = page.rpartition("Rapport d’avancement ")
    return body if "Document de travail" in foot else page


def _text(user, year):
    """The PDF of the year's report as ``user`` reads it, and its text without the page feet."""
    response = download(client_for(user), url(year))
    assert response.status_code == 200
    return response.content, " ".join(_without_page_foot(page) for page in pdf_pages(response.content))


@pytest.fixture(scope="module")
def public_2024(built):
    return _text(None, 2024)


@pytest.fixture(scope="module")
def public_text(public_2024):
    return public_2024[1]


@pytest.fixture(scope="module")
def partner_text(built):
    return _text(UserFactory(username="campagne-partenaire", role=roles.PARTENAIRE), 2024)[1]


@pytest.fixture(scope="module")
def inside_text(built):
    return _text(built.rounds.coordination, 2024)[1]


def section(text):
    """The « Campagne de suivi » part of a report's text, the words a line's end hyphenated joined
    again (« Ivry- sur-Seine »)."""
    text = re.sub(r"(\w)- (\w)", r"\1-\2", text)
    assert "Campagne de suivi" in text
    return text.split("Campagne de suivi", 1)[1].split("Ce qui a changé en")[0]


def answers(text):
    """Each action's row(s) in the section, by action code."""
    part = section(text).split("Les réponses par action", 1)[1]
    pieces = ACTION.split(TABLE_HEAD.sub("", part))
    return {code: body.strip() for code, body in zip(pieces[1::2], pieces[2::2], strict=True)}


def test_it_dates_the_round_opened_deadline_and_closed(public_text):
    assert (
        "Campagne de suivi 2023-2024 Ouverte le 15 mai 2024 · date limite de réponse : 5 juillet 2024 · "
        "clôturée le 15 juillet 2024" in public_text
    )
    assert "chiffres provisoires" not in public_text


def test_it_says_who_answered_when_who_was_late_after_a_reminder_and_who_never_answered(public_text):
    rows = section(public_text).split("Les structures sollicitées")[1].split("Les bénéficiaires")[0]
    assert (
        rows.split()
        == (
            f"Structure pilote Réponse Fiches envoyées {ASSOCIATION} sans réponse malgré 2 rappels 0 / 2 "
            f"{SCHOOL} répondu en retard le 9 juillet 2024 après 1 rappel 3 / 3 "
            f"{CITY} répondu le 20 juin 2024 3 / 3"
        ).split()
    )


def test_each_action_shows_its_answer_as_sent_not_the_data_edited_since(public_text):
    first = answers(public_text)["1.1"]
    assert (
        f"envoyée le 18 juin 2024 par {CITY} Réalisée (40 %) 3 000 € sur 12 500 € prévus "
        f"{SLUG} CAF du Val-de-Marne : 3 000 € 64 filles : 30, garçons : 34 "
        "en quartier prioritaire (QPV) : 40, hors quartier prioritaire : 24 "
        "Élémentaire (6-11 ans) : 50, Collège (11-15 ans) : 14 "
        f"Point d’étape : {SENT_NOTE}" in first
    ), first
    # Edited after the closing: the progress (90 %), the status, the budget, the beneficiaries, the note.
    for live in ("90 %", "En cours", "9 999", "70", "36", LIVE_NOTE):
        assert live not in first, live


def test_an_action_answered_late_is_dated_and_one_without_beneficiaries_says_so(public_text):
    by_code = answers(public_text)
    assert f"envoyée le 9 juillet 2024 par {SCHOOL} Validée (40 %) 2 500 €" in by_code["1.6"]
    assert "2 500 € non renseignés Point d’étape : Action lancée en mars." in by_code["1.5"]
    assert "Point d’étape non renseigné." in by_code["2.3"]


def test_actions_without_an_answer_say_so_and_a_draft_never_shows(public_text, inside_text):
    for text in (public_text, inside_text):
        by_code = answers(text)
        assert by_code["2.7"] == f"{ASSOCIATION} pas de réponse à la campagne"
        assert by_code["2.8"] == f"{ASSOCIATION} pas de réponse à la campagne"
        assert DRAFT_NOTE not in text
    assert sorted(answers(public_text)) == ["1.1", "1.2", "1.5", "1.6", "2.3", "2.4", "2.7", "2.8"]


def test_it_adds_up_the_beneficiaries_sent_with_the_breakdowns_all_answers_gave(public_text):
    totals = section(public_text).split("Les bénéficiaires 2024")[1].split("Les réponses par action")[0]
    # 64 + 20 + 16 + 10 + 5: five of the six answers sent give a number (not 70: edited since).
    assert "115 bénéficiaires (déclarés par 5 actions sur 6 ayant répondu)" in totals
    # By sex, action 1.2 gave none (16): the others' 99 only, and it says so.
    assert (
        "Par sexe répartition connue pour 4 actions sur 5 "
        "(99 bénéficiaires : filles : 49, garçons : 48, sexe non renseigné : 2)" in totals
    ), totals
    assert (
        "Par quartier répartition connue pour 4 actions sur 5 "
        "(105 bénéficiaires : en quartier prioritaire (QPV) : 75, hors quartier prioritaire : 30)" in totals
    )
    # Every answer gave its age bands: the full breakdown, adding up to the total.
    assert "Par public Élémentaire (6-11 ans) : 101, Collège (11-15 ans) : 14" in totals


def _names(built):
    users = [built.rounds.city_pilot, built.rounds.school_pilot, built.rounds.coordination]
    return [part for user in users for part in (user.first_name, user.last_name, user.username) if part]


def test_the_public_and_partners_read_the_organisation_never_a_persons_name(built, public_text, partner_text):
    for text in (public_text, partner_text):
        assert f"envoyée le 25 juin 2024 par {SCHOOL}" in section(text)
        for name in [*CITY_SENDER, *SCHOOL_SENDER, "Aline", "Brouillon", *_names(built)]:
            assert name not in text, name


def test_inside_the_strategy_the_report_names_who_sent(inside_text):
    by_code = answers(inside_text)
    assert "envoyée le 18 juin 2024 par Mireille Sentinelle" in by_code["1.1"]
    assert "envoyée le 25 juin 2024 par Gaston Vigie" in by_code["1.2"]


def test_a_round_without_any_answer_says_so_for_each_organisation_and_action(built):
    text = _text(None, 2025)[1]
    part = section(text)
    assert "Campagne de suivi 2024-2025 Ouverte le 12 mai 2025" in text
    assert "clôturée le 20 juillet 2025" in part
    assert part.count("sans réponse") == 3
    assert "Aucune réponse envoyée : pas de bénéficiaires déclarés." in part
    # (The status chart's labels come last in the first page's text: « in » rather than « endswith ».)
    assert [body for body in answers(text).values() if " pas de réponse à la campagne" not in body] == []
    assert "envoyée le" not in part
    assert len(answers(text)) == 8


def test_an_open_round_is_provisional(built):
    text = _text(None, 2026)[1]
    part = section(text)
    assert "Campagne en cours : chiffres provisoires." in part
    assert "· en cours Campagne en cours" in part
    assert f"{CITY} en cours de saisie 1 / 3" in part
    assert f"{SCHOOL} pas encore commencé 0 / 3" in part
    assert "12 bénéficiaires (somme des réponses envoyées, 1 action)" in part
    # Nobody gave « sexe non renseigné »: it is left out, not printed as 0.
    assert "Par sexe filles : 6, garçons : 6 Par quartier répartition non renseignée dans la réponse" in part
    assert "aucun financement inscrit 12 filles : 6, garçons : 6" in answers(text)["1.1"]
    assert "Premier trimestre tenu." in answers(text)["1.1"]


def test_a_year_without_a_round_has_no_such_section_and_still_renders(built):
    text = _text(None, 2023)[1]
    assert "Les actions par axe et par statut" in text and "Les décisions de 2023" in text
    assert "Campagne de suivi" not in text and "pas de réponse" not in text


def test_the_round_part_of_the_context_costs_four_queries_not_one_per_action(
    built, django_assert_num_queries
):
    strategy = built.strategy
    axes = list(strategy.axes.order_by("number"))
    for audience in (roles.PUBLIC_AUDIENCE, roles.INSIDE_AUDIENCE):
        reader = roles.AudienceReader(audience)
        # The round, its participants with their counts, its reports (with the sender inside), the
        # audiences' order for the beneficiaries by age band.
        with django_assert_num_queries(4):
            part = content_round.round_section(strategy, 2024, axes, reader)
            assert sum(len(block["reports"]) for block in part.axis_blocks) == 8
    with django_assert_num_queries(1):
        assert content_round.round_section(strategy, 2023, axes, roles.AudienceReader("public")) is None


def _stale(edit, django_capture_on_commit_callbacks):
    key = next(
        document.key
        for document in RenderedDocument.objects.filter(year=2024, audience="public", kind="report")
    )
    assert RenderedDocument.objects.get(key=key).stale_since is None
    with django_capture_on_commit_callbacks(execute=True):
        edit()
    freshness.flush()
    return RenderedDocument.objects.get(key=key).stale_since is not None


def test_editing_a_report_a_participant_or_a_round_marks_the_report_stale(
    built, public_2024, django_capture_on_commit_callbacks
):
    closed = ReportingRound.objects.get(strategy=built.strategy, period="2023-2024")

    def report():
        first = ActionReport.objects.filter(round__strategy=built.strategy).first()
        first.milestone_note = "Corrigé"
        first.save()

    def participant():
        first = RoundParticipant.objects.filter(round__strategy=built.strategy).first()
        first.reminder_count += 1
        first.save()

    def reporting_round():
        closed.message = "Merci à tous"
        closed.save()

    for edit in (report, participant, reporting_round):
        assert _stale(edit, django_capture_on_commit_callbacks), edit.__name__
        RenderedDocument.objects.filter(strategy=built.strategy).update(stale_since=None, queued=False)
    # Each names its own strategy (not « every strategy's documents »).
    for instance in (
        ActionReport.objects.filter(round=closed).first(),
        RoundParticipant.objects.filter(round=closed).first(),
        closed,
    ):
        assert freshness.strategies_of(instance) == {built.strategy.pk}


def test_the_report_with_its_round_stays_pdf_ua_and_pdf_a(public_2024):
    pdf = public_2024[0]
    for profile in ("ua1", "3u"):
        report = page.validate_pdf_bytes(pdf, profile=profile)
        assert report.is_compliant, [f"{failure.rule_id}: {failure.message}" for failure in report.failures]
    structure = pdf_structure.read(pdf)
    levels = structure.heading_levels()
    assert levels[0] == 1 and all(
        after <= before + 1 for before, after in zip(levels, levels[1:], strict=False)
    )
    assert all(str(th.attributes.get("Scope")) in ("/Row", "/Column") for th in structure.elements("TH"))
    captions = [structure.text_of(table) for table in structure.elements("Table")]
    assert any(text.startswith("Axe 1 — Accompagner") for text in captions)
