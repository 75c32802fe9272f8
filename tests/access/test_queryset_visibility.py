"""The visibility QuerySet methods: the one place deciding who sees what."""

import pytest
from django.contrib.auth.models import AnonymousUser

from actors import roles
from indicators.models import Indicator, Measurement
from strategy.enums import ActionStatus, StrategyStatus
from strategy.models import Action, Axis, BudgetLine, Contribution, Strategy
from tests.indicators.factories import IndicatorFactory, MeasurementFactory
from tests.strategy.factories import (
    ActionFactory,
    BudgetLineFactory,
    ContributionFactory,
    StrategyFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ANONYMOUS = AnonymousUser()


@pytest.fixture
def strategies():
    return {status: StrategyFactory(status=status, slug=f"s-{status}") for status in StrategyStatus.values}


def slugs(queryset):
    return set(queryset.values_list("slug", flat=True))


def test_anonymous_visitor_sees_only_adopted_and_closed_strategies(strategies):
    assert slugs(Strategy.objects.visible_to(ANONYMOUS)) == {"s-adopted", "s-closed"}


def test_partner_also_sees_strategies_under_consultation_but_no_draft(strategies):
    partner = UserFactory(role=roles.PARTENAIRE)
    assert slugs(Strategy.objects.visible_to(partner)) == {"s-adopted", "s-closed", "s-consultation"}


@pytest.mark.parametrize("role", [roles.COORDINATION, roles.PILOTE, roles.COPIL])
def test_staff_roles_see_every_strategy(strategies, role):
    expected = {f"s-{status}" for status in StrategyStatus.values}
    assert slugs(Strategy.objects.visible_to(UserFactory(role=role))) == expected


def test_a_logged_in_user_without_role_sees_what_anonymous_sees(strategies):
    assert slugs(Strategy.objects.visible_to(UserFactory())) == {"s-adopted", "s-closed"}


def test_anonymous_visitor_never_sees_a_draft_action():
    adopted = StrategyFactory(status=StrategyStatus.ADOPTED)
    shown = ActionFactory(strategy=adopted, status=ActionStatus.IN_PROGRESS)
    ActionFactory(strategy=adopted, status=ActionStatus.PROPOSED)
    ActionFactory(strategy=StrategyFactory(status=StrategyStatus.DRAFT), status=ActionStatus.VALIDATED)
    ActionFactory(strategy=StrategyFactory(status=StrategyStatus.CONSULTATION), status=ActionStatus.VALIDATED)
    assert list(Action.objects.visible_to(ANONYMOUS)) == [shown]


def test_abandoned_and_postponed_actions_stay_public_for_transparency():
    adopted = StrategyFactory()
    for status in (ActionStatus.ABANDONED, ActionStatus.POSTPONED, ActionStatus.DONE):
        ActionFactory(strategy=adopted, status=status)
    assert Action.objects.visible_to(ANONYMOUS).count() == 3


def test_partner_sees_draft_actions_of_a_strategy_under_consultation_only():
    partner = UserFactory(role=roles.PARTENAIRE)
    consultation = StrategyFactory(status=StrategyStatus.CONSULTATION)
    draft_in_consultation = ActionFactory(strategy=consultation, status=ActionStatus.PROPOSED)
    ActionFactory(strategy=StrategyFactory(status=StrategyStatus.ADOPTED), status=ActionStatus.PROPOSED)
    ActionFactory(strategy=StrategyFactory(status=StrategyStatus.DRAFT), status=ActionStatus.PROPOSED)
    assert list(Action.objects.visible_to(partner)) == [draft_in_consultation]


def test_coordination_sees_every_action():
    ActionFactory(strategy=StrategyFactory(status=StrategyStatus.DRAFT), status=ActionStatus.PROPOSED)
    ActionFactory(status=ActionStatus.PROPOSED)
    assert Action.objects.visible_to(UserFactory(role=roles.COORDINATION)).count() == 2


def test_unpublished_indicators_and_their_values_stay_hidden_from_anonymous_and_partners():
    public = IndicatorFactory(is_public=True)
    hidden = IndicatorFactory(is_public=False, strategy=public.strategy)
    MeasurementFactory(indicator=public)
    MeasurementFactory(indicator=hidden)
    partner = UserFactory(role=roles.PARTENAIRE)
    for user in (ANONYMOUS, partner):
        assert list(Indicator.objects.visible_to(user)) == [public]
        assert set(Measurement.objects.visible_to(user).values_list("indicator", flat=True)) == {public.pk}
    assert Indicator.objects.visible_to(UserFactory(role=roles.COPIL)).count() == 2


def test_public_indicators_of_a_draft_strategy_stay_hidden():
    IndicatorFactory(is_public=True, strategy=StrategyFactory(status=StrategyStatus.DRAFT))
    assert not Indicator.objects.visible_to(ANONYMOUS).exists()


def test_budget_lines_follow_their_action():
    BudgetLineFactory(action=ActionFactory(status=ActionStatus.PROPOSED))
    visible = BudgetLineFactory(action=ActionFactory(status=ActionStatus.DONE))
    assert list(BudgetLine.objects.visible_to(ANONYMOUS)) == [visible]


def test_contributions_are_never_shown_to_anonymous_visitors():
    ContributionFactory()
    assert not Contribution.objects.visible_to(ANONYMOUS).exists()
    assert Contribution.objects.visible_to(UserFactory(role=roles.PARTENAIRE)).count() == 1


def test_axes_follow_their_strategy():
    ActionFactory(strategy=StrategyFactory(status=StrategyStatus.DRAFT))
    shown = ActionFactory()
    assert list(Axis.objects.visible_to(ANONYMOUS)) == [shown.axis]


def test_visibility_costs_one_query_for_roles(django_assert_num_queries):
    partner = UserFactory(role=roles.PARTENAIRE)
    ActionFactory()
    with django_assert_num_queries(2):
        # 1. the partner's groups (then cached on the user), 2. the actions
        list(Action.objects.visible_to(partner))
    with django_assert_num_queries(1):
        list(Action.objects.visible_to(partner))


def test_action_codes_sort_naturally_within_an_axis():
    first = ActionFactory(code="1.10")
    for code in ("1.2", "1.1"):
        ActionFactory(strategy=first.strategy, axis=first.axis, code=code)
    assert [a.code for a in Action.objects.filter(strategy=first.strategy)] == ["1.1", "1.2", "1.10"]


def test_a_proposed_orientation_of_an_adopted_strategy_is_a_draft_hidden_from_anonymous_visitors(client):
    from strategy.enums import OrientationStatus
    from strategy.models import Orientation
    from tests.strategy.factories import OrientationFactory

    strategy = StrategyFactory()
    validated = OrientationFactory(
        strategy=strategy,
        title="Orientation adoptée",
        status=OrientationStatus.VALIDATED,
        validated_on="2024-01-10",
    )
    OrientationFactory(
        strategy=strategy, title="Orientation en discussion", status=OrientationStatus.PROPOSED
    )
    assert list(Orientation.objects.visible_to(ANONYMOUS)) == [validated]
    assert Orientation.objects.visible_to(UserFactory(role=roles.COPIL)).count() == 2
    page = client.get(strategy.get_absolute_url()).content.decode()
    assert "Orientation adoptée" in page
    assert "Orientation en discussion" not in page


def test_partners_read_proposed_orientations_of_a_strategy_under_consultation():
    from strategy.enums import OrientationStatus
    from strategy.models import Orientation
    from tests.strategy.factories import OrientationFactory

    proposed = OrientationFactory(
        strategy=StrategyFactory(status=StrategyStatus.CONSULTATION),
        status=OrientationStatus.PROPOSED,
        validated_on=None,
    )
    assert list(Orientation.objects.visible_to(UserFactory(role=roles.PARTENAIRE))) == [proposed]
    assert not Orientation.objects.visible_to(ANONYMOUS).exists()
