"""The demo shows families how to take part in a few actions, with the structure's public contact."""

import pytest
from django.core.management import call_command

from strategy.models import Action


@pytest.fixture
def demo(db):
    call_command("loaddemo")


def test_a_few_demo_actions_tell_families_how_to_take_part(demo):
    filled = Action.objects.exclude(who_may_come="").exclude(cost="").exclude(how_to_join="")
    codes = {(action.strategy.slug, action.code) for action in filled.select_related("strategy")}
    assert ("pedt-ivry-sur-seine", "2.4") in codes
    assert ("cite-educative-exemple", "2.2") in codes
    assert 3 <= len(codes) <= 6


def test_the_tut_tut_page_shows_participer_and_the_youth_department_s_phone(client, demo):
    action = Action.objects.get(strategy__slug="pedt-ivry-sur-seine", code="2.4")
    response = client.get(action.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h2 id="participer">Participer</h2>' in html
    assert "selon le quotient familial" in html
    assert '<a href="tel:0199002120">01 99 00 21 20</a>' in html
