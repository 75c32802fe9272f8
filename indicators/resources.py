"""Import/export resource of the measurements table (indicator values), admin and commands alike."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields

from actors.models import Neighbourhood, Organisation
from indicators.enums import IndicatorKind, Rating
from indicators.models import Indicator, Measurement, validate_period
from indicators.perms import indicators_editable_by
from shared.spreadsheets import Lookup, format_decimal, parse_decimal
from strategy.perms import edits_everything, organisation_of
from strategy.resources import TableResource, lookup_by_choice

MAX_VALUE = 10**12  # max_digits=14 with two decimals


class MeasurementResource(TableResource):
    """The measurements table: one row per indicator, period and neighbourhood (empty: everywhere)."""

    indicator = fields.Field(column_name="Code indicateur")
    period = fields.Field(column_name="Période")
    neighbourhood = fields.Field(column_name="Quartier")
    value = fields.Field(column_name="Valeur")
    rating = fields.Field(column_name="Appréciation")
    comment = fields.Field(column_name="Commentaire")
    source_note = fields.Field(column_name="Source")

    required_columns = ("Code indicateur", "Période")
    key_column = "Code indicateur"

    class Meta:
        model = Measurement
        fields = ("indicator", "period", "neighbourhood", "value", "rating", "comment", "source_note")
        import_id_fields = ()
        skip_unchanged = True
        report_skipped = True

    @classmethod
    def get_display_name(cls):
        return _("Mesures des indicateurs")

    def scope(self, queryset):
        return queryset.filter(indicator__strategy=self.strategy) if self.strategy else queryset

    def optimise(self, queryset):
        return queryset.select_related("indicator", "neighbourhood").order_by(
            "indicator__code", "period", "neighbourhood__name"
        )

    def prepare(self):
        strategy = self.strategy
        self.indicators = Lookup(_("indicateur inconnu"))
        for indicator in Indicator.objects.filter(strategy=strategy):
            self.indicators.add(indicator, indicator.code)
        self.neighbourhoods = Lookup(_("quartier inconnu"))
        for neighbourhood in Neighbourhood.objects.filter(territory_id=strategy.territory_id):
            self.neighbourhoods.add(
                neighbourhood, neighbourhood.name, neighbourhood.slug, neighbourhood.qpv_code
            )
        self.ratings = lookup_by_choice(_("appréciation inconnue"), Rating.choices)
        self.allowed_indicators = None
        if self.user is not None and not edits_everything(self.user):
            self.allowed_indicators = set(
                indicators_editable_by(self.user).filter(strategy=strategy).values_list("id", flat=True)
            )
        self._existing = {(m.indicator_id, m.period, m.neighbourhood_id): m for m in self.get_queryset()}

    def parse_row(self, parsed):
        values = parsed.values
        indicator = self.lookup(parsed, "Code indicateur", self.indicators, required=True)
        if indicator:
            values["indicator"] = indicator
        period = self.text(parsed, "Période", required=True)
        if period:
            try:
                validate_period(period)
            except ValidationError as error:
                parsed.error("Période", " ".join(error.messages))
                period = None
            else:
                values["period"] = period
        neighbourhood = None
        if self.has("Quartier"):
            neighbourhood = self.lookup(parsed, "Quartier", self.neighbourhoods)
            values["neighbourhood"] = neighbourhood
        value = None
        if self.has("Valeur"):
            value = self.convert(parsed, "Valeur", parse_decimal)
            if value is not None and (abs(value) >= MAX_VALUE or value != round(value, 2)):
                parsed.error("Valeur", _("valeur hors limites ou avec plus de deux décimales."))
            values["value"] = value
        rating = ""
        if self.has("Appréciation"):
            rating = self.lookup(parsed, "Appréciation", self.ratings) or ""
            values["rating"] = rating
        comment = ""
        if self.has("Commentaire"):
            comment = self.text(parsed, "Commentaire") or ""
            values["comment"] = comment
        if self.has("Source"):
            source = self.text(parsed, "Source", max_length=250)
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
            parsed.key = (indicator.id, period, neighbourhood.id if neighbourhood else None)
            parsed.label = lambda: (
                _("la mesure %(code)s / %(period)s / %(where)s")
                % {
                    "code": indicator.code,
                    "period": period,
                    "where": neighbourhood.name if neighbourhood else _("tout le territoire"),
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
            instance.entered_by = self.user

    def dehydrate_indicator(self, measurement):
        return measurement.indicator.code

    def dehydrate_period(self, measurement):
        return measurement.period

    def dehydrate_neighbourhood(self, measurement):
        return measurement.neighbourhood.name if measurement.neighbourhood_id else ""

    def dehydrate_value(self, measurement):
        return format_decimal(measurement.value)

    def dehydrate_rating(self, measurement):
        return str(measurement.get_rating_display()) if measurement.rating else ""

    def dehydrate_comment(self, measurement):
        return measurement.comment

    def dehydrate_source_note(self, measurement):
        return measurement.source_note
