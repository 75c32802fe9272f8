"""The pilot and partner filters: an organisation typed by its name or given by its slug.

A ``<select>`` of every organisation weighs hundreds of options on a large territory; a text input
costs nothing to render. Without JavaScript the visitor types a name (or follows a link carrying the
slug); with it, ``static/js/combobox.js`` suggests names from ``suggestions``.
"""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

SUGGESTIONS_LIMIT = 20


def suggestions(organisations, text, limit=SUGGESTIONS_LIMIT):
    """At most ``limit`` of ``organisations`` whose name or short name contains ``text``, by name."""
    text = text.replace("\x00", "").strip()
    if not text:
        return []
    return list(
        organisations.filter(Q(name__icontains=text) | Q(short_name__icontains=text))
        .order_by("name")
        .values("slug", "name", "short_name")[:limit]
    )


class OrganisationInput(forms.TextInput):
    """A plain text input that ``combobox.js`` turns into an ARIA 1.2 combobox."""

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", "spellcheck": "false", "data-combobox": "", **(attrs or {})})


class OrganisationField(forms.Field):
    """One organisation of ``queryset``, given by its slug, its name or its short name (any case)."""

    widget = OrganisationInput
    default_error_messages = {
        "unknown": _(
            "Aucune structure de cette stratégie ne s'appelle « %(value)s ». Tapez quelques lettres de son "
            "nom et choisissez-la dans la liste proposée, ou retrouvez-la sur la page des acteurs."
        ),
    }

    def __init__(self, *, queryset, **kwargs):
        super().__init__(**kwargs)
        self.queryset = queryset
        self._found = {}

    def to_python(self, value):
        text = (value or "").replace("\x00", "").strip()
        if not text:
            return None
        candidates = list(
            self.queryset.filter(Q(slug=text) | Q(name__iexact=text) | Q(short_name__iexact=text)).order_by(
                "name"
            )[:10]
        )
        folded = text.casefold()
        # The slug first (links), then the full name, then the short name, which may be shared.
        for matches in (
            lambda o: o.slug == text,
            lambda o: o.name.casefold() == folded,
            lambda o: o.short_name.casefold() == folded,
        ):
            found = next((organisation for organisation in candidates if matches(organisation)), None)
            if found:
                self._found[text] = found
                return found
        raise forms.ValidationError(self.error_messages["unknown"], code="unknown", params={"value": text})

    def prepare_value(self, value):
        """The input shows the organisation's name, even when the URL gave its slug."""
        if hasattr(value, "pk"):
            return value.name
        found = self._found.get((value or "").strip())
        return found.name if found else value


class OrganisationFilter(django_filters.Filter):
    """``?pilote=<slug or name>``: the filter of an organisation field, its queryset set per strategy."""

    field_class = OrganisationField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("queryset", None)
        super().__init__(*args, **kwargs)
