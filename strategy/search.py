"""Accent- and case-insensitive full-text search over actions.

Each action keeps a normalised copy of its words (``search_document``). PostgreSQL searches it with
its French text search configuration (stemming: « écoles » finds « école »); SQLite falls back to
requiring every word of the query as a substring.
"""

import unicodedata

from django.db import connection
from django.db.models import BooleanField, F, Q
from django.db.models.expressions import Expression


def normalise(text):
    """Lower case, accents removed, apostrophes as spaces: « L'École » -> « l ecole »."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.lower().replace("'", " ").replace("’", " ").split())


def search_document(*parts):
    return normalise(" ".join(part for part in parts if part))


#: Matches the expression index created by migration 0003 on PostgreSQL: keep them identical.
FRENCH_MATCH_SQL = "to_tsvector('french'::regconfig, {column}) @@ to_tsquery('french'::regconfig, %s)"


class FrenchTextMatch(Expression):
    """``column`` matches the tsquery, the column compiled with the alias of the query it sits in, so
    that a filtered queryset still works nested as a subquery (the open-data CSVs' ``action__in``)."""

    output_field = BooleanField()

    def __init__(self, column, tsquery):
        super().__init__()
        self.column = column
        self.tsquery = tsquery

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, expressions):
        (self.column,) = expressions

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        resolved = self.copy()
        resolved.column = self.column.resolve_expression(query, allow_joins, reuse, summarize, for_save)
        return resolved

    def as_sql(self, compiler, connection):
        column_sql, params = compiler.compile(self.column)
        return FRENCH_MATCH_SQL.format(column=column_sql), [*params, self.tsquery]


def filter_by_text(queryset, query, field="search_document"):
    """Actions containing every word of ``query``, whatever the accents and the case.

    On PostgreSQL, plain words are matched by the French text search, stemmed and as prefixes
    (« ecoles » finds « école », « robesp » finds « Robespierre »), through a GIN index; words with
    punctuation (codes such as « 2.3 », « tut-tut ») are matched as substrings.
    """
    words = normalise(query).split()
    # Elided articles (« l'école » -> « l », « ecole ») would match everything.
    words = [word for word in words if len(word) > 1] or words
    if not words:
        return queryset
    if connection.vendor == "postgresql" and field == "search_document":
        plain = [word for word in words if word.isalnum()]
        condition = Q(*[Q(**{f"{field}__contains": word}) for word in words if not word.isalnum()])
        if plain:
            tsquery = " & ".join(f"{word}:*" for word in plain)
            match = FrenchTextMatch(F(field), tsquery)
            return queryset.alias(_text_match=match).filter(condition, _text_match=True)
        return queryset.filter(condition)
    condition = Q()
    for word in words:
        condition &= Q(**{f"{field}__contains": word})
    return queryset.filter(condition)
