"""Filters of the API lists other than actions (actions use ``strategy.filters.ActionFilterSet``)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from indicators.enums import Sex
from indicators.models import Measurement


class MeasurementFilterSet(django_filters.FilterSet):
    """``?strategie=pedt-ivry-sur-seine&indicateur=IND-01&periode=2023&quartier=centre-ville&public=6-11&sexe=girls``.

    An unknown value gives an empty list, not an error: these are plain codes.
    """

    strategie = django_filters.CharFilter(
        label=_("Stratégie (identifiant)"), field_name="indicator__strategy__slug"
    )
    indicateur = django_filters.CharFilter(label=_("Code de l'indicateur"), field_name="indicator__code")
    periode = django_filters.CharFilter(label=_("Période (2023, 2022-2023, 2023-T2)"), field_name="period")
    quartier = django_filters.CharFilter(label=_("Quartier (identifiant)"), field_name="neighbourhood__slug")
    public = django_filters.CharFilter(
        label=_("Public (code, par exemple 6-11)"), field_name="audience__code"
    )
    sexe = django_filters.ChoiceFilter(
        label=_("Sexe (girls, boys, all)"), field_name="sex", choices=Sex.choices
    )

    class Meta:
        model = Measurement
        fields = []
