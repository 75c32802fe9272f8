"""The demo data tells the facts of the seed documents (DOMAIN.md, "Demo data")."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command

from demo.load import reset_portal
from indicators.enums import IndicatorKind
from indicators.models import Indicator, Measurement
from strategy.enums import ActionStatus, DecisionKind, OrientationStatus, StrategyKind, StrategyStatus
from strategy.models import Action, Decision, Strategy, Workshop

D = datetime.date


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for this read-only module, and removed after it."""
    with django_db_blocker.unblock():
        call_command("loaddemo")
        yield
        reset_portal()


@pytest.fixture
def cite(demo, db):
    return Strategy.objects.get(slug="cite-educative-exemple")


@pytest.fixture
def pedt(demo, db):
    return Strategy.objects.get(slug="pedt-ivry-sur-seine")


def test_the_cite_educative_has_the_three_national_axes(cite):
    assert cite.kind == StrategyKind.CITE_EDUCATIVE
    assert cite.status == StrategyStatus.ADOPTED
    assert list(cite.axes.values_list("number", "title")) == [
        (1, "Conforter le rôle de l'école"),
        (2, "Promouvoir la continuité éducative"),
        (3, "Ouvrir le champ des possibles"),
    ]


def test_the_cite_educative_has_six_transversal_orientations_validated_on_25_june_2021(cite):
    orientations = list(cite.orientations.all())

    assert [orientation.number for orientation in orientations] == [1, 2, 3, 4, 5, 6]
    assert all(orientation.axis_id is None for orientation in orientations)
    assert {orientation.status for orientation in orientations} == {OrientationStatus.VALIDATED}
    assert {orientation.validated_on for orientation in orientations} == {D(2021, 6, 25)}
    assert "parents" in orientations[0].title
    assert "0 à 25 ans" in orientations[1].title


def test_the_cite_educative_workshops_have_the_seed_dates_and_attendance(cite):
    workshops = {
        (workshop.phase, workshop.axis.number): (workshop.date, workshop.participants_count)
        for workshop in Workshop.objects.filter(strategy=cite, axis__isnull=False).select_related("axis")
    }

    assert workshops == {
        ("Temps 1", 1): (D(2021, 6, 10), 29),
        ("Temps 1", 2): (D(2021, 6, 4), 40),
        ("Temps 1", 3): (D(2021, 6, 7), 42),
        ("Temps 2", 1): (D(2021, 6, 22), 14),
        ("Temps 2", 2): (D(2021, 6, 22), 13),
        ("Temps 2", 3): (D(2021, 6, 22), 17),
    }
    meeting = Workshop.objects.get(strategy=cite, axis__isnull=True)
    assert (meeting.date.year, meeting.date.month) == (2020, 12)


def test_the_copil_of_25_june_2021_validated_the_six_orientations(cite):
    decision = Decision.objects.get(meeting__strategy=cite, meeting__date=D(2021, 6, 25))

    assert decision.kind == DecisionKind.VALIDATE_ORIENTATIONS
    assert sorted(decision.orientations.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6]


def test_the_cite_educative_tells_its_filing_dates_and_its_illustrative_budget(cite):
    assert "31 mars 2021" in cite.co_construction
    assert "31 mai 2021" in cite.co_construction
    assert "illustratif" in cite.introduction
    state_total = sum(
        line.planned_amount
        for action in cite.actions.prefetch_related("budget_lines__funder")
        for line in action.budget_lines.all()
        if line.funder.kind == "state"
    )
    assert state_total == Decimal(475000)
    assert cite.actions.count() >= 15
    assert cite.indicators.count() >= 8
    assert all(action.orientation_id for action in cite.actions.all())


def test_the_pedt_of_ivry_is_adopted_with_its_five_axes_and_enough_actions(pedt):
    assert pedt.status == StrategyStatus.ADOPTED
    assert pedt.territory.insee_code == "94041"
    assert pedt.territory.population == 63309
    assert pedt.axes.count() == 5
    assert pedt.actions.exclude(status=ActionStatus.PROPOSED).count() >= 25
    assert pedt.indicators.count() >= 15
    assert pedt.signatories.filter(representative="Philippe Bouyssou").exists()


@pytest.mark.parametrize("figure", [237, 75, 830, 230, 77000, 6300, 240000, 400, 330, 172, 448, 1754])
def test_a_pedt_indicator_has_the_seed_figure_as_its_latest_value(pedt, figure):
    latest_values = set()
    for indicator in Indicator.objects.filter(strategy=pedt, kind=IndicatorKind.QUANTITATIVE):
        latest = (
            Measurement.objects.filter(indicator=indicator, neighbourhood__isnull=True)
            .order_by("-period")
            .first()
        )
        latest_values.add(latest.value)

    assert Decimal(figure) in latest_values


def test_the_pedt_has_qualitative_indicators_with_a_written_assessment(pedt):
    qualitative = Indicator.objects.filter(strategy=pedt, kind=IndicatorKind.QUALITATIVE)

    assert qualitative.count() >= 2
    for indicator in qualitative:
        assert indicator.measurements.exclude(rating="").exclude(comment="").count() >= 2


def test_proposed_pedt_actions_are_hidden_from_anonymous_visitors(pedt):
    proposed = pedt.actions.filter(status=ActionStatus.PROPOSED)
    visible = Action.objects.visible_to(AnonymousUser()).filter(strategy=pedt)

    assert proposed.count() >= 2
    assert not visible.filter(pk__in=proposed).exists()
    assert visible.count() == pedt.actions.count() - proposed.count()


def test_pedt_statuses_are_spread_over_the_life_of_an_action(pedt):
    statuses = set(pedt.actions.values_list("status", flat=True))

    assert statuses == set(ActionStatus.values)


def test_every_demo_action_has_a_plain_language_summary(demo, db):
    assert Action.objects.count() > 50
    assert not Action.objects.filter(summary="").exists()
