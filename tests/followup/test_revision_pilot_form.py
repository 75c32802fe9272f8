"""A pilot's report page (followup) writes the action, its budget lines, beneficiaries and values:
the strategy's revision bumps, and the action's page an anonymous visitor had cached shows it."""

import pytest
from django.test import Client

from strategy import revision
from tests.followup.test_action_report import budget_field, fill, page_url, rendered_form, submit


@pytest.mark.django_db
def test_a_report_saved_by_its_pilot_shows_on_the_cached_public_page(client, world):
    action = world["action"]
    public = action.get_absolute_url()
    first = Client().get(public)
    assert first.status_code == 200
    assert "4\u202f321" not in first.content.decode()
    before = revision.current(action.strategy)
    client.force_login(world["pilot"])
    url = page_url(world)
    data = fill(rendered_form(client, url), progress="60", **{budget_field(world["caf_line"]): "4 321"})

    assert submit(client, url, data).status_code == 302

    assert revision.current(action.strategy) > before
    again = Client().get(public, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert "4\u202f321" in again.content.decode()
