"""Every admin URL of every model, for each role: allowed or refused as the roles table says."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.strategy.admin.conftest import MODELS, admin_url

#: What a role may add or delete besides reading (CONTRACT.md, roles table).
COPIL_ADDS = {"meeting", "decision"}
PILOT_WRITES = {"budgetline", "measurement", "actionpartner"}
VIEWS = ["changelist", "add", "change", "delete", "history"]


def expected_status(role, model, view):
    name = model._meta.model_name
    if role in ("anonymous", "partenaire"):
        return 302  # to the login page: no admin access at all
    if role == "coordination" or view in ("changelist", "change", "history"):
        return 200
    if view == "add":
        return 200 if name in (COPIL_ADDS if role == "copil" else PILOT_WRITES) else 403
    return 200 if role == "pilote" and name in PILOT_WRITES else 403


def url_for(model, view):
    if view in ("changelist", "add"):
        return admin_url(model, view)
    return admin_url(model, view, model._default_manager.order_by("pk").first().pk)


@pytest.mark.parametrize("role", ["coordination", "pilote", "copil", "partenaire", "anonymous"])
def test_every_admin_url_answers_each_role_as_the_roles_table_says(
    client, world, coordination_user, copil_user, partner_user, role
):
    users = {
        "coordination": coordination_user,
        "pilote": world["pilot"],
        "copil": copil_user,
        "partenaire": partner_user,
        "anonymous": AnonymousUser(),
    }
    if role != "anonymous":
        client.force_login(users[role])
    # Coordination's other pages are opened, with their query counts, in test_changelists.py.
    views = ["delete"] if role == "coordination" else VIEWS
    wrong = {}
    for model in MODELS:
        for view in views:
            url = url_for(model, view)
            status = client.get(url).status_code
            if status != expected_status(role, model, view):
                wrong[url] = (status, expected_status(role, model, view))
    assert wrong == {}
