"""The database itself refuses bad rows, whichever door they come through (admin, import, API)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from strategy.enums import OrientationStatus
from tests.actors.factories import NeighbourhoodFactory, OrganisationFactory
from tests.indicators.factories import IndicatorFactory, MeasurementFactory
from tests.strategy.factories import (
    ActionFactory,
    AxisFactory,
    BudgetLineFactory,
    ContributionFactory,
    OrientationFactory,
    StrategyFactory,
    TerritoryFactory,
)

pytestmark = pytest.mark.django_db


def assert_refused(instance, constraint_name, message):
    """The model validation names the problem in French, and the database refuses the row."""
    with pytest.raises(ValidationError) as excinfo:
        instance.full_clean()
    assert message in str(excinfo.value)
    with pytest.raises(IntegrityError) as db_error, transaction.atomic():
        instance.save()
    # SQLite names CHECK constraints in its message; PostgreSQL names every constraint.
    text = str(db_error.value)
    assert constraint_name in text or "UNIQUE" in text


def test_two_actions_of_a_strategy_cannot_share_a_code():
    action = ActionFactory(code="2.3")
    duplicate = ActionFactory.build(
        strategy=action.strategy, axis=action.axis, pilot=action.pilot, code="2.3", slug="autre"
    )
    assert_refused(duplicate, "action_unique_code_per_strategy", "déjà une action portant ce code")


def test_the_same_code_is_fine_in_another_strategy():
    ActionFactory(code="2.3")
    ActionFactory(code="2.3")  # another strategy: no error


def test_an_action_cannot_end_before_it_starts():
    action = ActionFactory.build(
        axis=AxisFactory(),
        pilot=OrganisationFactory(),
        start_date=datetime.date(2025, 1, 1),
        end_date=datetime.date(2024, 1, 1),
    )
    action.strategy = action.axis.strategy
    assert_refused(action, "action_dates_in_order", "doit suivre sa date de début")


def test_progress_cannot_exceed_100_percent():
    axis = AxisFactory()
    action = ActionFactory.build(strategy=axis.strategy, axis=axis, pilot=OrganisationFactory(), progress=140)
    assert_refused(action, "action_progress_at_most_100", "entre 0 et 100")


def test_a_strategy_cannot_end_before_it_starts():
    strategy = StrategyFactory.build(
        territory=TerritoryFactory(), start_date=datetime.date(2026, 1, 1), end_date=datetime.date(2023, 1, 1)
    )
    assert_refused(strategy, "strategy_dates_in_order", "La date de fin doit suivre")


@pytest.mark.parametrize(
    ("field", "constraint", "message"),
    [
        ("planned_amount", "budget_line_planned_not_negative", "montant prévu ne peut pas être négatif"),
        ("executed_amount", "budget_line_executed_not_negative", "montant réalisé ne peut pas être négatif"),
    ],
)
def test_budget_amounts_cannot_be_negative(field, constraint, message):
    line = BudgetLineFactory.build(
        action=ActionFactory(), funder=OrganisationFactory(), **{field: Decimal("-1")}
    )
    assert_refused(line, constraint, message)


def test_one_budget_line_per_action_year_and_funder():
    line = BudgetLineFactory()
    duplicate = BudgetLineFactory.build(action=line.action, funder=line.funder, year=line.year)
    assert_refused(duplicate, "budget_line_unique_action_year_funder", "déjà une ligne pour ce financeur")


def test_budget_year_must_be_plausible():
    line = BudgetLineFactory.build(action=ActionFactory(), funder=OrganisationFactory(), year=1850)
    assert_refused(line, "budget_line_year_plausible", "entre 2000 et 2100")


def test_one_measurement_per_indicator_period_and_neighbourhood():
    neighbourhood = NeighbourhoodFactory()
    first = MeasurementFactory(period="2023", neighbourhood=neighbourhood)
    duplicate = MeasurementFactory.build(
        indicator=first.indicator, period="2023", neighbourhood=neighbourhood
    )
    assert_refused(duplicate, "measurement_unique_per_breakdown", "le même quartier")


def test_one_measurement_per_indicator_and_period_for_the_whole_territory():
    # NULL neighbourhoods are distinct in a plain unique index: the index on Coalesce must catch this.
    first = MeasurementFactory(period="2023", neighbourhood=None)
    duplicate = MeasurementFactory.build(indicator=first.indicator, period="2023", neighbourhood=None)
    assert_refused(duplicate, "measurement_unique_per_breakdown", "Une mesure existe déjà")


def test_a_territory_measurement_and_a_neighbourhood_measurement_coexist():
    first = MeasurementFactory(period="2023")
    MeasurementFactory(indicator=first.indicator, period="2023", neighbourhood=NeighbourhoodFactory())


@pytest.mark.parametrize("period", ["23", "2023/2024", "2023-T5", "an 2023", "2023-2"])
def test_a_measurement_period_must_be_a_year_a_school_year_or_a_quarter(period):
    measurement = MeasurementFactory.build(indicator=IndicatorFactory(), period=period)
    assert_refused(measurement, "measurement_period_format", "Période")


@pytest.mark.parametrize("period", ["2023", "2022-2023", "2023-T2"])
def test_well_formed_periods_are_accepted(period):
    MeasurementFactory(indicator=IndicatorFactory(), period=period).full_clean()


def test_a_school_year_must_be_two_consecutive_years():
    measurement = MeasurementFactory.build(indicator=IndicatorFactory(), period="2022-2025")
    with pytest.raises(ValidationError, match="se suivre"):
        measurement.full_clean()


def test_an_empty_measurement_is_refused():
    measurement = MeasurementFactory.build(indicator=IndicatorFactory(), value=None, rating="", comment="")
    assert_refused(measurement, "measurement_has_content", "demande une valeur chiffrée")


def test_a_validated_orientation_carries_its_validation_date():
    orientation = OrientationFactory.build(status=OrientationStatus.VALIDATED, validated_on=None)
    orientation.strategy = StrategyFactory()
    orientation.axis = AxisFactory(strategy=orientation.strategy)
    assert_refused(orientation, "orientation_validated_has_date", "date de validation")


def test_two_axes_of_a_strategy_cannot_share_a_number():
    axis = AxisFactory(number=1)
    assert_refused(
        AxisFactory.build(strategy=axis.strategy, number=1), "axis_unique_number_per_strategy", "déjà un axe"
    )


def test_a_qpv_code_has_the_official_shape():
    neighbourhood = NeighbourhoodFactory.build(territory=TerritoryFactory(), qpv_code="QPV-12")
    assert_refused(neighbourhood, "neighbourhood_qpv_code_format", "forme officielle")


def test_an_insee_code_has_five_characters():
    territory = TerritoryFactory.build(insee_code="940")
    assert_refused(territory, "territory_insee_code_format", "cinq caractères")


def test_a_contribution_targets_an_orientation_or_an_action_not_both():
    contribution = ContributionFactory()
    contribution.orientation = OrientationFactory(strategy=contribution.strategy)
    contribution.action = ActionFactory(strategy=contribution.strategy)
    assert_refused(contribution, "contribution_targets_one_item", "pas les deux")


def test_an_action_cannot_take_an_axis_of_another_strategy():
    action = ActionFactory()
    action.axis = AxisFactory()
    with pytest.raises(ValidationError, match="autre stratégie"):
        action.full_clean()


def test_the_pilot_contact_must_belong_to_the_pilot_organisation():
    from tests.actors.factories import ContactFactory

    action = ActionFactory()
    action.pilot_contact = ContactFactory()
    with pytest.raises(ValidationError, match="structure pilote"):
        action.full_clean()
