"""The demo loaders write in bulk and delete raw (no signals): they bump the revisions themselves,
so a page an anonymous visitor had cached shows what they loaded."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.test import Client

from strategy import revision
from strategy.models import Action, Strategy


@pytest.mark.django_db
def test_loadsynthetic_again_is_seen_on_the_cached_pages_of_every_strategy():
    call_command("loadsynthetic", "synthetique-a", actions=15)
    call_command("loadsynthetic", "synthetique-b", actions=15)
    other = Strategy.objects.get(slug="synthetique-b")
    url = "/strategies/synthetique-a/actions/"
    first = Client().get(url)
    assert first.status_code == 200
    before = revision.current(other)

    call_command("loadsynthetic", "synthetique-a", actions=30)

    # Its organisations were replaced: any strategy may have shown them.
    assert revision.current(other) > before
    again = Client().get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    count = Action.objects.visible_to(AnonymousUser()).filter(strategy__slug="synthetique-a").count()
    assert f"{count} actions" in again.content.decode()


@pytest.mark.django_db
def test_loaddemo_restoring_a_field_changed_behind_its_back_is_seen_on_the_cached_page():
    call_command("loaddemo")
    strategy = Strategy.objects.get(slug="pedt-ivry-sur-seine")
    url = f"/strategies/{strategy.slug}/"
    title = strategy.title
    # Changed by hand in the database (no signal), then cached as it stands.
    Strategy.objects.filter(pk=strategy.pk).update(title="Titre changé en douce")
    assert "Titre changé en douce" in Client().get(url).content.decode()
    before = revision.current(strategy)

    call_command("loaddemo")

    assert revision.current(strategy) > before
    page = Client().get(url).content.decode()
    assert "Titre changé en douce" not in page
    assert title.replace("'", "&#x27;") in page
