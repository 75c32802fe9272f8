"""At 5,000 actions loaded in bulk and analysed, PostgreSQL searches through the GIN index."""

import io
from collections import Counter

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection

from strategy.models import Action
from strategy.search import filter_by_text

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the GIN index exists on PostgreSQL only"),
]


def plan_of(queryset):
    with connection.cursor() as cursor:
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_actions_list_search_uses_the_gin_index_after_a_bulk_load_and_analyze():
    call_command("loadsynthetic", "grand-territoire", actions=5000, seed=3, stdout=io.StringIO())
    assert not Action.objects.filter(search_document="").exists()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE strategy_action")
    # The rarest word of the titles: what a visitor searching for one action types.
    counts = Counter(
        word
        for title in Action.objects.values_list("title", flat=True)
        for word in set(title.lower().split())
    )
    word = min((word for word in counts if len(word) > 4 and word.isalpha()), key=counts.__getitem__)
    visible = Action.objects.visible_to(AnonymousUser()).filter(strategy__slug="grand-territoire")
    queryset = filter_by_text(visible, word)
    assert queryset.exists()
    plan = plan_of(queryset)
    assert "action_search_french" in plan, plan
