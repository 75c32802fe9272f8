"""Import/export resource of the measurements table (indicator values), admin and commands alike."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields

from actors.models import Organisation
from indicators import mail
from indicators.enums import Direction, IndicatorKind, Rating, Sex
from indicators.models import BREAKDOWN_FIELDS, Indicator, Measurement, validate_period
from indicators.perms import indicators_editable_by, status_of_entry
from shared.cells import Lookup
from shared.table_widgets import ChoiceLabelWidget, DecimalCellWidget, RelatedWidget
from strategy.models import Audience
from strategy.perms import edits_everything, organisation_of
from strategy.resources import StrategyTableResource, neighbourhood_lookup

MAX_VALUE = 10**12  # max_digits=14 with two decimals


class MeasurementResource(StrategyTableResource):
    """The measurements table: one row per indicator, period and breakdown: neighbourhood (empty:
    everywhere), audience (empty: everyone) and sex (empty or « Ensemble »: both). A file without the
    ``Public`` and ``Sexe`` columns (made before they existed) holds whole-population values."""

    indicator = fields.Field(
        attribute="indicator", column_name="Code indicateur", widget=RelatedWidget("code")
    )
    period = fields.Field(attribute="period", column_name="Période")
    neighbourhood = fields.Field(
        attribute="neighbourhood", column_name="Quartier", widget=RelatedWidget("name")
    )
    audience = fields.Field(attribute="audience", column_name="Public", widget=RelatedWidget("name"))
    sex = fields.Field(
        attribute="sex",
        column_name="Sexe",
        widget=ChoiceLabelWidget(
            Sex.choices, gettext_lazy("sexe inconnu (écrire Filles, Garçons ou Ensemble)")
        ),
    )
    value = fields.Field(attribute="value", column_name="Valeur", widget=DecimalCellWidget())
    rating = fields.Field(
        attribute="rating",
        column_name="Appréciation",
        widget=ChoiceLabelWidget(Rating.choices, gettext_lazy("appréciation inconnue")),
    )
    comment = fields.Field(attribute="comment", column_name="Commentaire")
    source_note = fields.Field(attribute="source_note", column_name="Source")

    required_columns = ("Code indicateur", "Période")
    key_column = "Code indicateur"
    sheet_title = "Mesures"

    class Meta:
        model = Measurement
        fields = ("indicator", "period", *BREAKDOWN_FIELDS, "value", "rating", "comment", "source_note")
        import_id_fields = ()
        skip_unchanged = True
        report_skipped = True

    @classmethod
    def get_display_name(cls):
        return _("Mesures des indicateurs")

    def scope(self, queryset):
        return queryset.filter(indicator__strategy=self.strategy) if self.strategy else queryset

    def optimise(self, queryset):
        return queryset.select_related("indicator", "neighbourhood", "audience").in_breakdown_order(
            "indicator__code", "period"
        )

    def prepare(self):
        strategy = self.strategy
        indicators = Lookup(_("indicateur inconnu"))
        for indicator in Indicator.objects.filter(strategy=strategy):
            indicators.add(indicator, indicator.code)
        self.set_lookup(indicators, "indicator")
        self.set_lookup(neighbourhood_lookup(strategy), "neighbourhood")
        audiences = Lookup(_("public inconnu"))
        for audience in Audience.objects.all():
            audiences.add(audience, audience.code, audience.name)
        self.set_lookup(audiences, "audience")
        self.allowed_indicators = None
        if self.user is not None and not edits_everything(self.user):
            self.allowed_indicators = set(
                indicators_editable_by(self.user).filter(strategy=strategy).values_list("id", flat=True)
            )
        self._existing = {
            (m.indicator_id, m.period, m.neighbourhood_id, m.audience_id, m.sex): m
            for m in self.get_queryset()
        }

    def parse_row(self, parsed):
        values = parsed.values
        indicator = self.read(parsed, "indicator", required=True)
        if indicator:
            values["indicator"] = indicator
        period = self.text(parsed, "period", required=True)
        if period:
            try:
                validate_period(period)
            except ValidationError as error:
                parsed.error("Période", " ".join(error.messages))
                period = None
            else:
                values["period"] = period
        neighbourhood = None
        if self.has("neighbourhood"):
            neighbourhood = self.read(parsed, "neighbourhood")
            values["neighbourhood"] = neighbourhood
        audience = None
        if self.has("audience"):
            audience = self.read(parsed, "audience")
            values["audience"] = audience
        sex = Sex.ALL
        if self.has("sex"):
            sex = self.read(parsed, "sex") or Sex.ALL
            values["sex"] = sex
        value = None
        if self.has("value"):
            value = self.read(parsed, "value")
            if value is not None and (abs(value) >= MAX_VALUE or value != round(value, 2)):
                parsed.error("Valeur", _("valeur hors limites ou avec plus de deux décimales."))
            values["value"] = value
        rating = ""
        if self.has("rating"):
            rating = self.read(parsed, "rating") or ""
            values["rating"] = rating
        comment = ""
        if self.has("comment"):
            comment = self.text(parsed, "comment") or ""
            values["comment"] = comment
        if self.has("source_note"):
            source = self.text(parsed, "source_note", max_length=250)
            if source is not None:
                values["source_note"] = source
        if indicator and not parsed.errors:
            if indicator.kind == IndicatorKind.QUANTITATIVE and value is None:
                parsed.error(
                    "Valeur",
                    _("valeur manquante : l'indicateur %(code)s est quantitatif.") % {"code": indicator.code},
                )
            elif indicator.kind == IndicatorKind.QUALITATIVE and not (rating or comment or value is not None):
                parsed.error(
                    "Appréciation",
                    _("l'indicateur qualitatif %(code)s demande une appréciation ou un commentaire.")
                    % {"code": indicator.code},
                )
        if indicator and period:
            parsed.key = (
                indicator.id,
                period,
                neighbourhood.id if neighbourhood else None,
                audience.id if audience else None,
                sex,
            )
            parsed.label = lambda: (
                _("la mesure %(code)s / %(period)s / %(where)s / %(who)s")
                % {
                    "code": indicator.code,
                    "period": period,
                    "where": neighbourhood.name if neighbourhood else _("tout le territoire"),
                    "who": " · ".join(
                        [audience.name if audience else _("tous publics"), str(Sex(sex).label)]
                    ),
                }
            )
        if self.allowed_indicators is not None and indicator and indicator.id not in self.allowed_indicators:
            parsed.error(
                "Code indicateur",
                _(
                    "Vous ne pouvez pas modifier l'indicateur %(code)s : il ne suit aucune action "
                    "pilotée par %(organisation)s."
                )
                % {"code": indicator.code, "organisation": self.user_organisation()},
            )

    def user_organisation(self):
        """The pilot's organisation, named in a refusal (fetched only then)."""
        return Organisation.objects.filter(pk=organisation_of(self.user)).first()

    def before_save_instance(self, instance, row, **kwargs):
        if self.user is not None:
            instance.record_entry(self.user, status_of_entry(self.user, instance.indicator))
            self._entered.append(instance)

    def before_import(self, dataset, **kwargs):
        self._entered = []
        super().before_import(dataset, **kwargs)

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if not result.has_errors() and not result.has_validation_errors() and not kwargs.get("dry_run"):
            # One mail for the whole file, however many values wait.
            mail.measurements_waiting(self._entered, self.user)


class CoreFlagWidget(ChoiceLabelWidget):
    """Whether the measurement's indicator is in the core (socle commun), written « oui » or « non »."""

    def __init__(self):
        super().__init__([(True, gettext_lazy("oui")), (False, gettext_lazy("non"))], "")

    def render(self, value, obj=None, **kwargs):
        return str(dict(self.choices)[bool(value)])


class OpenDataMeasurementResource(MeasurementResource):
    """The measurements as the open data publishes them (``indicateurs.csv``): the « mesures » table
    and, after it, the indicator each value measures: « Socle commun » (whether it is in the core),
    its name, unit, direction, baseline and target. An import ignores those columns (they belong to
    the indicator, not to its values), so the file re-imported changes nothing."""

    is_core = fields.Field(
        attribute="indicator__is_core", column_name="Socle commun", widget=CoreFlagWidget()
    )
    indicator_name = fields.Field(attribute="indicator__name", column_name="Intitulé")
    unit = fields.Field(attribute="indicator__unit", column_name="Unité")
    direction = fields.Field(
        attribute="indicator__direction",
        column_name="Sens souhaité",
        widget=ChoiceLabelWidget(Direction.choices, gettext_lazy("sens inconnu")),
    )
    baseline_value = fields.Field(
        attribute="indicator__baseline_value", column_name="Valeur de référence", widget=DecimalCellWidget()
    )
    baseline_period = fields.Field(attribute="indicator__baseline_period", column_name="Période de référence")
    target_value = fields.Field(
        attribute="indicator__target_value", column_name="Cible", widget=DecimalCellWidget()
    )
    target_period = fields.Field(attribute="indicator__target_period", column_name="Échéance de la cible")

    class Meta(MeasurementResource.Meta):
        fields = (
            *MeasurementResource.Meta.fields,
            "is_core",
            "indicator_name",
            "unit",
            "direction",
            "baseline_value",
            "baseline_period",
            "target_value",
            "target_period",
        )
