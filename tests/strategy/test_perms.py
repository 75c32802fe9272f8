"""The one rule of what a role may change on an action, field by field (``strategy.perms``).

The admin form (read-only fields, status choices) and the spreadsheet import both ask it; their
own tests attack it through those doors (``tests/strategy/admin``, ``tests/access``).
"""

import datetime

import pytest

from actors import roles
from strategy import perms
from strategy.enums import ActionStatus
from strategy.models import Milestone
from tests.actors.factories import ContactFactory, OrganisationFactory
from tests.strategy.factories import ActionFactory, AxisFactory, UserFactory


@pytest.fixture
def pilot_world(db):
    mine = OrganisationFactory(name="Service enfance")
    other = OrganisationFactory(name="Conservatoire")
    pilot = UserFactory(username="pilote", role=roles.PILOTE)
    ContactFactory(organisation=mine, user=pilot)
    action = ActionFactory(pilot=mine, status=ActionStatus.PROPOSED)
    return {"pilot": pilot, "mine": mine, "other": other, "action": action}


def fields_refused(user, action, values):
    return [field for field, _message in perms.refused_action_changes(user, action, values)]


def test_a_pilot_may_not_validate_their_own_proposed_action(pilot_world):
    refused = perms.refused_action_changes(
        pilot_world["pilot"], pilot_world["action"], {"status": ActionStatus.VALIDATED}
    )
    assert [field for field, _message in refused] == ["status"]
    assert "comité de pilotage" in refused[0][1]


def test_a_pilot_may_not_move_their_action_or_hand_it_over(pilot_world):
    action = pilot_world["action"]
    other_axis = AxisFactory(strategy=action.strategy, number=7)
    values = {"axis": other_axis, "pilot": pilot_world["other"], "code": "9.9", "title": "Nouveau titre"}
    assert fields_refused(pilot_world["pilot"], action, values) == ["axis", "code", "pilot"]


def test_a_pilot_may_change_what_they_own_and_values_left_as_they_are(pilot_world):
    action = pilot_world["action"]
    values = {"title": "Nouveau titre", "axis": action.axis, "pilot": pilot_world["mine"], "progress": 40}
    assert fields_refused(pilot_world["pilot"], action, values) == []


def test_a_pilot_may_not_touch_another_organisation_action_nor_create_one(pilot_world):
    foreign = ActionFactory(pilot=pilot_world["other"])
    assert fields_refused(pilot_world["pilot"], foreign, {"title": "x"}) == [None]
    assert fields_refused(pilot_world["pilot"], None, {"title": "x"}) == [None]


def test_coordination_may_change_every_field(pilot_world):
    coordination = UserFactory(username="coord", role=roles.COORDINATION)
    values = {"status": ActionStatus.VALIDATED, "pilot": pilot_world["other"], "code": "9.9"}
    assert perms.refused_action_changes(coordination, pilot_world["action"], values) == []
    assert perms.locked_action_fields(coordination) == ()
    assert "axis" in perms.locked_action_fields(pilot_world["pilot"])


def test_a_pilot_changes_only_their_own_actions_milestones(pilot_world, coordination_user, copil_user):
    day = datetime.date(2025, 3, 1)
    mine = Milestone.objects.create(action=pilot_world["action"], title="Le mien", planned_date=day)
    theirs = Milestone.objects.create(
        action=ActionFactory(pilot=pilot_world["other"]), title="Le leur", planned_date=day
    )
    assert list(perms.milestones_editable_by(pilot_world["pilot"])) == [mine]
    assert perms.can_change_milestone(pilot_world["pilot"], mine)
    assert not perms.can_change_milestone(pilot_world["pilot"], theirs)
    assert set(perms.milestones_editable_by(coordination_user)) == {mine, theirs}
    assert not perms.milestones_editable_by(copil_user).exists()
    assert not perms.can_change_milestone(copil_user, mine)
