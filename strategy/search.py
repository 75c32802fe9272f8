"""Accent- and case-insensitive full-text search over actions.

Each action keeps a normalised copy of its words (``search_document``). PostgreSQL searches it with
its French text search configuration (stemming: « écoles » finds « école »); SQLite falls back to
requiring every word of the query as a substring.
"""

import unicodedata

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q


def normalise(text):
    """Lower case, accents removed, apostrophes as spaces: « L'École » -> « l ecole »."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.lower().replace("'", " ").replace("’", " ").split())


def search_document(*parts):
    return normalise(" ".join(part for part in parts if part))


def filter_by_text(queryset, query, field="search_document"):
    words = normalise(query).split()
    if not words:
        return queryset
    if connection.vendor == "postgresql":
        vector = SearchVector(field, config="french")
        text_query = SearchQuery(" ".join(words), config="french", search_type="plain")
        # Stemmed match, or a plain substring for codes and partial words (« 2.3 », « robesp »).
        return queryset.annotate(_search=vector).filter(
            Q(_search=text_query) | Q(**{f"{field}__contains": " ".join(words)})
        )
    condition = Q()
    for word in words:
        condition &= Q(**{f"{field}__contains": word})
    return queryset.filter(condition)
