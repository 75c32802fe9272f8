import pytest
from django.db import connection

from strategy.models import Action
from strategy.search import filter_by_text
from tests.strategy.factories import ActionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def actions():
    first = ActionFactory(
        code="2.3", title="Le Petit Robespierre, centre de formation des animateurs", summary=""
    )
    for code, title in [("1.1", "Des fournitures pour l'école"), ("3.1", "Tut-tut : le code de la route")]:
        ActionFactory(strategy=first.strategy, axis=first.axis, code=code, title=title, summary="")
    return first.strategy


def found(query):
    return sorted(filter_by_text(Action.objects.all(), query).values_list("code", flat=True))


def test_a_partial_word_finds_the_action(actions):
    assert found("robesp") == ["2.3"]


def test_accents_case_and_apostrophes_do_not_matter(actions):
    assert found("ÉCOLE") == ["1.1"]
    assert found("l'ecole") == ["1.1"]


def test_every_word_must_be_found(actions):
    assert found("centre animateurs") == ["2.3"]
    assert found("centre route") == []


def test_codes_and_hyphenated_words_are_found_as_written(actions):
    assert found("2.3") == ["2.3"]
    assert found("tut-tut") == ["3.1"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="French stemming is PostgreSQL's")
def test_postgresql_finds_plural_forms_through_french_stemming(actions):
    assert found("écoles") == ["1.1"]
    assert found("formations") == ["2.3"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the GIN index exists on PostgreSQL only")
def test_postgresql_search_can_use_the_gin_index(actions):
    queryset = filter_by_text(Action.objects.all(), "robespierre")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "action_search_french" in plan, plan
