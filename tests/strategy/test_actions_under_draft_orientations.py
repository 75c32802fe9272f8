"""Only a proposed action may sit under a still-proposed orientation: the COPIL workflow, the admin
form and the import refuse the rest, so the strategy document prints every action it counts."""

import html

import pytest

from strategy.enums import ActionStatus, OrientationStatus, StrategyStatus
from strategy.models import Action, Decision
from tests.strategy.admin.conftest import admin_url, form_data
from tests.strategy.admin.test_workflow import run_action
from tests.strategy.factories import ActionFactory, AxisFactory, OrientationFactory, StrategyFactory
from tests.strategy.imports.conftest import run_command
from tests.strategy.imports.files import snapshot, table_file


@pytest.fixture
def draft_and_validated(db):
    strategy = StrategyFactory(slug="pedt-ivry", status=StrategyStatus.ADOPTED)
    axis = AxisFactory(strategy=strategy, number=1)
    draft = OrientationFactory(strategy=strategy, axis=axis, number=1, status=OrientationStatus.PROPOSED)
    validated = OrientationFactory(
        strategy=strategy, axis=axis, number=2, status=OrientationStatus.VALIDATED, validated_on="2025-06-01"
    )
    under_draft = ActionFactory(
        strategy=strategy, axis=axis, orientation=draft, code="1.1", status=ActionStatus.PROPOSED
    )
    under_validated = ActionFactory(
        strategy=strategy, axis=axis, orientation=validated, code="1.2", status=ActionStatus.PROPOSED
    )
    return under_draft, under_validated


def test_copil_cannot_validate_an_action_whose_orientation_is_proposed(
    client, copil_user, draft_and_validated
):
    under_draft, under_validated = draft_and_validated
    client.force_login(copil_user)

    response = run_action(
        client,
        Action,
        "validate_actions",
        [under_draft, under_validated],
        apply="1",
        new_meeting_date="2025-06-12",
        text="Le COPIL valide les actions.",
    )

    assert response.status_code == 302
    messages = [str(message) for message in response.wsgi_request._messages]
    assert any(
        "Action 1.1 laissée telle quelle : L'orientation 1 n'est pas encore validée" in message
        for message in messages
    )
    under_draft.refresh_from_db()
    under_validated.refresh_from_db()
    assert under_draft.status == ActionStatus.PROPOSED
    assert under_validated.status == ActionStatus.VALIDATED
    assert list(Decision.objects.get().actions.all()) == [under_validated]


def test_the_admin_form_refuses_an_active_action_under_a_proposed_orientation(
    client, coordination_user, draft_and_validated
):
    under_draft, _ = draft_and_validated
    client.force_login(coordination_user)
    url = admin_url(Action, "change", under_draft.pk)
    data = form_data(client.get(url))
    data["status"] = ActionStatus.IN_PROGRESS

    response = client.post(url, data)

    assert response.status_code == 200
    assert "L'orientation 1 n'est pas encore validée" in html.unescape(response.content.decode())
    under_draft.refresh_from_db()
    assert under_draft.status == ActionStatus.PROPOSED


def test_the_import_refuses_to_validate_an_action_under_a_proposed_orientation(draft_and_validated, tmp_path):
    under_draft, _ = draft_and_validated
    path = table_file(
        tmp_path,
        [
            ["Code", "Titre", "Axe", "Orientation", "Structure pilote", "Statut"],
            ["1.1", under_draft.title, "1", "1", under_draft.pilot.name, "Validée"],
        ],
        "xlsx",
    )
    before = snapshot()

    run = run_command("importtable", "pedt-ivry", "actions", path)

    assert run.code == 1
    assert "Ligne 2, colonne « Statut »" in run.err
    assert "L'orientation 1 n'est pas encore validée" in run.err
    assert snapshot() == before


def test_an_orientation_with_a_validated_action_cannot_go_back_to_proposed(
    client, coordination_user, draft_and_validated
):
    _, under_validated = draft_and_validated
    under_validated.status = ActionStatus.VALIDATED
    under_validated.save()
    orientation = under_validated.orientation
    client.force_login(coordination_user)
    url = admin_url(type(orientation), "change", orientation.pk)
    data = form_data(client.get(url))
    data["status"] = OrientationStatus.PROPOSED

    response = client.post(url, data)

    assert response.status_code == 200
    assert "elle ne peut pas redevenir proposée" in html.unescape(response.content.decode())
    orientation.refresh_from_db()
    assert orientation.status == OrientationStatus.VALIDATED
