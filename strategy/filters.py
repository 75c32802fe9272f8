"""The one filterset of the actions list, shared by the page, the CSV export and the API."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from actors.models import Neighbourhood, Sector
from strategy.enums import ActionStatus
from strategy.models import Action, Audience, Axis, Orientation
from strategy.organisation_filter import OrganisationFilter
from strategy.search import filter_by_text

# The empty choice of each select agrees with its noun: « Tous » les axes, « Toutes » les orientations.
ALL_MASCULINE = pgettext_lazy("empty choice of a filter on a masculine noun (axe, statut, quartier)", "Tous")
ALL_FEMININE = pgettext_lazy("empty choice of a filter on a feminine noun (orientation, structure)", "Toutes")


class ActionFilterSet(django_filters.FilterSet):
    """Filters of `/strategies/<slug>/actions/`, scoped to one strategy's choices.

    Values are codes and slugs (``?axe=2&statut=in_progress&quartier=quartiers-sud``) so a URL reads
    and can be shared. An unknown value is a form error: the view shows a message and no result.
    """

    q = django_filters.CharFilter(label=_("Rechercher"), method="filter_text", max_length=200)
    axe = django_filters.ModelChoiceFilter(
        label=_("Axe"),
        empty_label=ALL_MASCULINE,
        field_name="axis",
        queryset=Axis.objects.none(),
        to_field_name="number",
    )
    orientation = django_filters.ModelChoiceFilter(
        label=_("Orientation"),
        empty_label=ALL_FEMININE,
        field_name="orientation",
        queryset=Orientation.objects.none(),
        to_field_name="number",
    )
    statut = django_filters.ChoiceFilter(
        label=_("Statut"), empty_label=ALL_MASCULINE, field_name="status", choices=ActionStatus.choices
    )
    pilote = OrganisationFilter(label=_("Structure pilote"), field_name="pilot")
    partenaire = OrganisationFilter(label=_("Partenaire"), field_name="partners")
    quartier = django_filters.ModelChoiceFilter(
        label=_("Quartier"),
        empty_label=ALL_MASCULINE,
        field_name="neighbourhoods",
        queryset=Neighbourhood.objects.none(),
        to_field_name="slug",
    )
    public = django_filters.ModelChoiceFilter(
        label=_("Public"),
        empty_label=ALL_MASCULINE,
        field_name="audiences",
        queryset=Audience.objects.all(),
        to_field_name="code",
    )
    secteur = django_filters.ModelChoiceFilter(
        label=_("Secteur"),
        empty_label=ALL_MASCULINE,
        field_name="sectors",
        queryset=Sector.objects.all(),
        to_field_name="code",
    )
    retard = django_filters.ChoiceFilter(
        label=_("Retard"),
        empty_label=ALL_MASCULINE,
        method="filter_late",
        choices=[("1", _("En retard"))],
    )
    annee = django_filters.NumberFilter(
        label=_("Année"),
        method="filter_year",
        # Bounded so that ?annee=1e10 is a form error, not an integer overflow in the database.
        min_value=2000,
        max_value=2100,
        widget=forms.NumberInput(attrs={"min": 2000, "max": 2100}),
    )

    class Meta:
        model = Action
        fields = []

    def __init__(self, data=None, queryset=None, *, strategy, user, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.strategy = strategy
        # Every choice list goes through visible_to: a draft's title or pilot never reaches a visitor.
        self.filters["axe"].queryset = Axis.objects.visible_to(user).filter(strategy=strategy)
        self.filters["orientation"].queryset = Orientation.objects.visible_to(user).filter(strategy=strategy)
        involved = Action.objects.visible_to(user).filter(strategy=strategy).organisations_involved()
        self.filters["pilote"].extra["queryset"] = involved
        self.filters["partenaire"].extra["queryset"] = involved
        self.filters["quartier"].queryset = Neighbourhood.objects.filter(territory=strategy.territory_id)

    def filter_text(self, queryset, name, value):
        return filter_by_text(queryset, value)

    def filter_late(self, queryset, name, value):
        """``?retard=1``: the late actions, by the one rule (``ActionQuerySet.late``)."""
        return queryset.late(timezone.localdate()) if value == "1" else queryset

    def filter_year(self, queryset, name, value):
        """Actions running during that year (started before its end, not ended before its start)."""
        year = int(value)
        return queryset.filter(
            Q(start_date__isnull=True) | Q(start_date__year__lte=year),
            Q(end_date__isnull=True) | Q(end_date__year__gte=year),
        )

    #: Filters across a many-to-many relation, which can repeat an action once per match.
    MANY_TO_MANY = ("partenaire", "quartier", "public", "secteur")

    @property
    def qs(self):
        queryset = super().qs
        # DISTINCT only when a filter can repeat rows: it makes the database compute every row (and
        # its lateness) before the page's LIMIT, and the count compare every column.
        cleaned = getattr(self.form, "cleaned_data", {})
        if any(cleaned.get(name) for name in self.MANY_TO_MANY):
            return queryset.distinct()
        return queryset
