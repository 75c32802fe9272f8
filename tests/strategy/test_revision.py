"""Every kind of write to what a public page shows bumps the strategy's revision, and the page an
anonymous visitor had cached then shows the change (strategy.revision, strategy.page_cache)."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actors.models import Contact, Neighbourhood, Organisation, Territory
from documents.models import StrategyVersion
from indicators.models import Indicator, Measurement
from shared.signals import content_changed
from strategy import revision
from strategy.models import (
    Action,
    ActionBeneficiaries,
    ActionPartner,
    Axis,
    BeneficiariesByAudience,
    BudgetLine,
    Meeting,
    Milestone,
    Orientation,
    Signatory,
    Strategy,
    SwotItem,
    Workshop,
)
from tests.portal.conftest import build_portal
from tests.strategy.factories import ActionFactory, DecisionFactory, WorkshopFactory, audience

STRATEGY = "/strategies/pedt-ivry/"
ACTIONS = STRATEGY + "actions/"
THEATRE = ACTIONS + "21-parcours-theatre-a-lecole/"
CONCERTATION = STRATEGY + "concertation/"
INDICATORS = STRATEGY + "indicateurs/"
ACTORS = STRATEGY + "acteurs/"


def theatre():
    return Action.objects.get(strategy__slug="pedt-ivry", code="2.1")


def rename(model, text, **lookup):
    row = model.objects.get(**lookup)
    for field in ("title", "name", "text"):
        if hasattr(row, field):
            setattr(row, field, text)
            break
    row.save()


def _strategy_title(text):
    rename(Strategy, text, slug="pedt-ivry")


def _axis(text):
    rename(Axis, text, strategy__slug="pedt-ivry", number=2)


def _orientation(text):
    rename(Orientation, text, strategy__slug="pedt-ivry", number=1)


def _signatory(text):
    strategy = Strategy.objects.get(slug="pedt-ivry")
    Signatory.objects.create(
        strategy=strategy,
        organisation=Organisation.objects.get(slug="conservatoire"),
        representative=text,
        representative_title="Préfète",
    )


def _action(text):
    rename(Action, text, strategy__slug="pedt-ivry", code="2.1")


def _new_action(text):
    first = Action.objects.get(strategy__slug="pedt-ivry", code="1.1")
    ActionFactory(strategy=first.strategy, axis=first.axis, code="1.50", title=text, pilot=first.pilot)


def _neighbourhood_link(text):
    theatre().neighbourhoods.add(
        Neighbourhood.objects.create(territory=theatre().strategy.territory, name=text, slug="nouveau")
    )


def _audience_link(text):
    theatre().audiences.add(audience("parents"))


def _partner(text):
    organisation = Organisation.objects.create(name=text, slug="nouveau-partenaire", kind="association")
    ActionPartner.objects.create(action=theatre(), organisation=organisation)


def _budget_line(text):
    BudgetLine.objects.create(
        action=theatre(),
        year=2026,
        funder=Organisation.objects.get(slug="conservatoire"),
        planned_amount=Decimal("919"),
    )


def _beneficiaries(text):
    ActionBeneficiaries.objects.create(action=theatre(), year=2026, total=321)


def _by_audience(text):
    row = ActionBeneficiaries.objects.get(action=theatre(), year=2025)
    BeneficiariesByAudience.objects.create(beneficiaries=row, audience=audience("parents"), count=17)


def _milestone(text):
    Milestone.objects.create(action=theatre(), title=text, planned_date=datetime.date(2025, 3, 1))


def _decision(text):
    DecisionFactory(meeting=Meeting.objects.get(strategy__slug="pedt-ivry"), text=text).actions.add(theatre())


def _meeting(text):
    rename(Meeting, text, strategy__slug="pedt-ivry")


def _workshop(text):
    WorkshopFactory(strategy=Strategy.objects.get(slug="pedt-ivry"), title=text)


def _workshop_organisations(text):
    workshop = Workshop.objects.get(strategy__slug="pedt-ivry")
    workshop.organisations.add(Organisation.objects.create(name=text, slug="atelier-org", kind="association"))


def _swot(text):
    rename(SwotItem, text, strategy__slug="pedt-ivry", kind="strength")


def _indicator(text):
    rename(Indicator, text, strategy__slug="pedt-ivry", code="I1")


def _measurement(text):
    Measurement.objects.create(
        indicator=Indicator.objects.get(code="I1"), period="2024", value=Decimal("777")
    )


def _indicator_link(text):
    Indicator.objects.get(code="I2").actions.add(theatre())


def _organisation(text):
    rename(Organisation, text, slug="conservatoire")


def _neighbourhood(text):
    rename(Neighbourhood, text, slug="ivry-port")


def _territory(text):
    rename(Territory, text, name="Ivry-sur-Seine")


def _contact(text):
    contact = Contact.objects.get(last_name="Secret")
    contact.public_consent = True
    contact.last_name = text
    contact.save()
    action = Action.objects.get(code="1.1", strategy__slug="pedt-ivry")
    assert action.pilot_contact_id == contact.pk


def _queryset_delete(text):
    Action.objects.filter(strategy__slug="pedt-ivry", code="2.1").delete()


def _bulk_create(text):
    """A bulk writer says what it wrote (shared.signals.content_changed), as the imports do."""
    lines = BudgetLine.objects.bulk_create(
        [
            BudgetLine(
                action=theatre(),
                year=2027,
                funder=Organisation.objects.get(slug="conservatoire"),
                planned_amount=Decimal("929"),
            )
        ]
    )
    content_changed.send(sender=BudgetLine, instances=lines)


WRITES = [
    # (write, page, text the page then shows — or no longer shows, for a deletion)
    (_strategy_title, STRATEGY, "Projet éducatif renommé"),
    (_axis, STRATEGY, "Axe renommé"),
    (_orientation, STRATEGY, "Orientation renommée"),
    (_signatory, STRATEGY, "La préfète"),
    (_action, ACTIONS, "Action renommée"),
    (_new_action, ACTIONS, "Action toute neuve"),
    (_neighbourhood_link, THEATRE, "Quartier tout neuf"),
    (_audience_link, THEATRE, "Parents"),
    (_partner, THEATRE, "Compagnie nouvelle"),
    (_budget_line, THEATRE, "919"),
    (_beneficiaries, THEATRE, "321 bénéficiaires en 2026"),
    (_by_audience, THEATRE, "Parents 17"),
    (_milestone, THEATRE, "Jalon tout neuf"),
    (_decision, THEATRE, "Décision toute neuve"),
    (_meeting, CONCERTATION, "COPIL renommé"),
    (_workshop, CONCERTATION, "Atelier tout neuf"),
    (_workshop_organisations, CONCERTATION, "Collectif tout neuf"),
    (_swot, CONCERTATION, "Force réécrite"),
    (_indicator, INDICATORS, "Indicateur renommé"),
    (_measurement, INDICATORS + "places-creche/", "777"),
    (_indicator_link, THEATRE, "Bien-être des enfants"),
    (_organisation, ACTORS, "Conservatoire renommé"),
    (_neighbourhood, THEATRE, "Quartier renommé"),
    (_territory, "/", "Commune renommée"),
    (_contact, ACTIONS + "11-fournitures-scolaires/", "Publié"),
    (_bulk_create, THEATRE, "929"),
]


@pytest.mark.parametrize(("write", "url", "text"), WRITES, ids=[write.__name__[1:] for write, *_ in WRITES])
def test_a_write_bumps_the_revision_and_the_cached_page_shows_it(client, db, write, url, text):
    build_portal()
    strategy = Strategy.objects.get(slug="pedt-ivry")
    first = client.get(url)
    assert first.status_code == 200
    assert text not in first.content.decode()
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304  # it is cached
    before = revision.current(strategy)

    write(text)

    assert revision.current(strategy) > before
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert text in again.content.decode()


def test_a_deletion_through_a_queryset_is_seen_at_once(client, db):
    build_portal()
    assert "Parcours théâtre" in client.get(ACTIONS).content.decode()
    _queryset_delete("")
    assert "Parcours théâtre" not in client.get(ACTIONS).content.decode()


def test_a_frozen_version_bumps_its_strategy(db):
    build_portal()
    strategy = Strategy.objects.get(slug="pedt-ivry")
    before = revision.current(strategy)
    StrategyVersion.objects.create(
        strategy=strategy, number=1, kind="initial", sha256="0" * 64, frozen_at=timezone.now()
    )
    assert revision.current(strategy) == before + 1


def test_a_strategy_with_no_revision_row_starts_at_the_first_and_its_bump_creates_it(db):
    build_portal()
    strategy = Strategy.objects.get(slug="pedt-ivry")
    strategy.revision.delete()
    assert revision.current(strategy) == revision.FIRST
    revision.bump([strategy.pk])
    assert revision.current(strategy) == revision.FIRST + 1


def test_a_deleted_strategy_gets_no_revision_row(db):
    build_portal()
    draft = Strategy.objects.get(slug="brouillon")
    draft.delete()
    from strategy.models import StrategyRevision

    assert not StrategyRevision.objects.filter(pk=draft.pk).exists()


def test_writes_in_one_transaction_bump_once(db):
    build_portal()
    action = theatre()
    with transaction.atomic():
        action.title = "Une"
        action.save()
        with CaptureQueriesContext(connection) as context:
            action.title = "Deux"
            action.save()
            action.neighbourhoods.clear()
    bumps = [query for query in context.captured_queries if "strategy_strategyrevision" in query["sql"]]
    assert bumps == []


def test_a_bump_in_a_rolled_back_savepoint_is_done_again_by_the_next_write(db):
    build_portal()
    strategy = Strategy.objects.get(slug="pedt-ivry")
    before = revision.current(strategy)
    with transaction.atomic():
        try:
            with transaction.atomic():
                _action("Annulée")
                raise RuntimeError
        except RuntimeError:
            pass
        _orientation("Gardée")
    assert revision.current(strategy) == before + 1


def test_the_bump_is_in_the_writers_transaction_and_rolls_back_with_it(db):
    build_portal()
    strategy = Strategy.objects.get(slug="pedt-ivry")
    before = revision.current(strategy)
    with pytest.raises(RuntimeError), transaction.atomic():
        _action("Jamais écrite")
        assert revision.current(strategy) == before + 1
        raise RuntimeError
    assert revision.current(strategy) == before
