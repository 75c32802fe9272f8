"""API serializers of the indicators app: indicators read-only, measurements readable and writable
by the indicator's source organisation, with exactly the admin's validation (``full_clean``)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions, serializers
from rest_framework.reverse import reverse

from actors.models import Neighbourhood
from api.exceptions import django_errors_as_dict
from api.serializers.actors import OrganisationRefSerializer
from indicators import mail as indicator_mail
from indicators import perms as indicator_perms
from indicators.enums import Rating, Sex
from indicators.models import Indicator, Measurement
from strategy.models import Audience


class ReferenceValueSerializer(serializers.Serializer):
    value = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    period = serializers.CharField(
        help_text=_("Année (2023), année scolaire (2022-2023) ou trimestre (2023-T2).")
    )


class LatestMeasurementSerializer(serializers.Serializer):
    period = serializers.CharField()
    value = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    rating = serializers.CharField(help_text=_("Appréciation qualitative, de 1 à 4 ; vide sinon."))


class IndicatorSerializer(serializers.ModelSerializer):
    strategy = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    direction_label = serializers.CharField(source="get_direction_display", read_only=True)
    frequency_label = serializers.CharField(source="get_frequency_display", read_only=True)
    source = OrganisationRefSerializer(read_only=True, allow_null=True)
    is_core = serializers.BooleanField(
        read_only=True,
        help_text=_(
            "Indicateur du socle commun : suivi d'année en année avec une définition stable, "
            "pour des chiffres comparables."
        ),
    )
    baseline = serializers.SerializerMethodField(help_text=_("Valeur de référence et sa période."))
    target = serializers.SerializerMethodField(help_text=_("Cible et son échéance."))
    latest = serializers.SerializerMethodField(
        help_text=_(
            "Dernière mesure sur l'ensemble du territoire (période la plus récente) ; vide si aucune."
        )
    )
    actions = serializers.SerializerMethodField(
        help_text=_("Codes des actions visibles liées à l'indicateur.")
    )
    url = serializers.SerializerMethodField(help_text=_("Page publique de l'indicateur."))
    measurements = serializers.SerializerMethodField(help_text=_("Mesures de l'indicateur dans l'API."))

    class Meta:
        model = Indicator
        fields = [
            "code",
            "slug",
            "name",
            "strategy",
            "definition",
            "kind",
            "kind_label",
            "unit",
            "direction",
            "direction_label",
            "frequency",
            "frequency_label",
            "source",
            "is_core",
            "baseline",
            "target",
            "latest",
            "actions",
            "url",
            "measurements",
        ]

    @extend_schema_field(ReferenceValueSerializer)
    def get_baseline(self, indicator):
        return ReferenceValueSerializer(
            {"value": indicator.baseline_value, "period": indicator.baseline_period}
        ).data

    @extend_schema_field(ReferenceValueSerializer)
    def get_target(self, indicator):
        return ReferenceValueSerializer(
            {"value": indicator.target_value, "period": indicator.target_period}
        ).data

    @extend_schema_field(LatestMeasurementSerializer(allow_null=True))
    def get_latest(self, indicator):
        if indicator.latest_period is None:
            return None
        return LatestMeasurementSerializer(
            {
                "period": indicator.latest_period,
                "value": indicator.latest_value,
                "rating": indicator.latest_rating,
            }
        ).data

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_actions(self, indicator):
        return [action.code for action in indicator.visible_actions]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, indicator):
        return self.context["request"].build_absolute_uri(indicator.get_absolute_url())

    @extend_schema_field(OpenApiTypes.URI)
    def get_measurements(self, indicator):
        url = reverse("api:measurement-list", request=self.context["request"])
        return f"{url}?strategie={indicator.strategy.slug}&indicateur={indicator.code}"


class MeasurementSerializer(serializers.ModelSerializer):
    """A measurement as the API shows it: never who entered it (personal data)."""

    strategy = serializers.SlugRelatedField(source="indicator.strategy", slug_field="slug", read_only=True)
    indicator = serializers.SlugRelatedField(slug_field="code", read_only=True)
    neighbourhood = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True, help_text=_("Vide : l'ensemble du territoire.")
    )
    audience = serializers.SlugRelatedField(
        slug_field="code",
        read_only=True,
        allow_null=True,
        help_text=_("Code du public ou de la tranche d'âge mesuré (6-11…) ; vide : tous les publics."),
    )
    sex_label = serializers.CharField(source="get_sex_display", read_only=True)
    rating_label = serializers.CharField(source="get_rating_display", read_only=True)

    class Meta:
        model = Measurement
        fields = [
            "id",
            "strategy",
            "indicator",
            "period",
            "neighbourhood",
            "audience",
            "sex",
            "sex_label",
            "value",
            "rating",
            "rating_label",
            "comment",
            "source_note",
            "status",
            "entered_at",
        ]


class MeasurementWriteSerializer(serializers.Serializer):
    """What a source organisation sends to record a value; validated exactly as in the admin."""

    strategy = serializers.SlugField(
        help_text=_("Identifiant de la stratégie, par exemple pedt-ivry-sur-seine.")
    )
    indicator = serializers.CharField(max_length=20, help_text=_("Code de l'indicateur dans la stratégie."))
    period = serializers.CharField(
        max_length=9, help_text=_("Année (2023), année scolaire (2022-2023) ou trimestre (2023-T2).")
    )
    neighbourhood = serializers.SlugField(
        required=False, allow_null=True, default=None, help_text=_("Quartier ; vide pour tout le territoire.")
    )
    audience = serializers.SlugField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Code du public ou de la tranche d'âge (0-3, 3-6, 6-11…) ; vide pour tous les publics."),
    )
    sex = serializers.ChoiceField(
        choices=Sex.choices,
        required=False,
        default=Sex.ALL,
        help_text=_("girls (filles), boys (garçons) ou all (ensemble, par défaut)."),
    )
    value = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Valeur chiffrée (indicateur quantitatif)."),
    )
    rating = serializers.ChoiceField(
        choices=Rating.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Appréciation de 1 (très insuffisant) à 4 (très satisfaisant)."),
    )
    comment = serializers.CharField(required=False, allow_blank=True, default="", trim_whitespace=False)
    source_note = serializers.CharField(required=False, allow_blank=True, default="", max_length=250)

    def validate(self, attrs):
        user = self.context["request"].user
        measurement = self.instance if self.instance is not None else Measurement()
        indicator = self._indicator(attrs, measurement, user)
        if not indicator_perms.can_enter_measurements_of(user, indicator):
            raise exceptions.PermissionDenied(
                _("Votre organisation n'est pas la source de l'indicateur « %(code)s » : saisie refusée.")
                % {"code": indicator.code}
            )
        measurement.indicator = indicator
        if "neighbourhood" in attrs:
            measurement.neighbourhood = self._neighbourhood(attrs["neighbourhood"], indicator)
        if "audience" in attrs:
            measurement.audience = self._audience(attrs["audience"])
        for field in ("period", "sex", "value", "rating", "comment", "source_note"):
            if field in attrs:
                setattr(measurement, field, attrs[field])
        measurement.record_entry(user, indicator_perms.status_of_entry(user, indicator, through_api=True))
        try:
            measurement.full_clean()
        except DjangoValidationError as error:
            raise serializers.ValidationError(django_errors_as_dict(error)) from error
        self.measurement = measurement
        return attrs

    def _indicator(self, attrs, measurement, user):
        if "strategy" not in attrs and "indicator" not in attrs:
            return measurement.indicator  # partial update that keeps the indicator
        strategy_slug = attrs.get("strategy") or measurement.indicator.strategy.slug
        code = attrs.get("indicator") or measurement.indicator.code
        # The user's own indicators even when unpublished, and the indicators they may read.
        candidates = Indicator.objects.filter(
            Q(pk__in=Indicator.objects.visible_to(user).values("pk")) | Q(source__contacts__user=user)
        )
        indicator = (
            candidates.filter(strategy__slug=strategy_slug, code=code).select_related("strategy").first()
        )
        if indicator is None:
            raise serializers.ValidationError(
                {
                    "indicator": [
                        _("Indicateur « %(code)s » introuvable dans la stratégie « %(strategy)s ».")
                        % {"code": code, "strategy": strategy_slug}
                    ]
                }
            )
        return indicator

    def _neighbourhood(self, slug, indicator):
        if not slug:
            return None
        neighbourhood = Neighbourhood.objects.filter(
            territory=indicator.strategy.territory_id, slug=slug
        ).first()
        if neighbourhood is None:
            raise serializers.ValidationError(
                {"neighbourhood": [_("Quartier « %(slug)s » inconnu sur ce territoire.") % {"slug": slug}]}
            )
        return neighbourhood

    def _audience(self, code):
        if not code:
            return None
        audience = Audience.objects.filter(code=code).first()
        if audience is None:
            known = ", ".join(Audience.objects.values_list("code", flat=True))
            raise serializers.ValidationError(
                {
                    "audience": [
                        _("Public « %(code)s » inconnu : choisir parmi %(known)s.")
                        % {"code": code, "known": known}
                    ]
                }
            )
        return audience

    def create(self, validated_data):
        return self._save()

    def update(self, instance, validated_data):
        return self._save()

    def _save(self):
        try:
            with transaction.atomic():
                self.measurement.save()
                indicator_mail.measurements_waiting([self.measurement], self.context["request"].user)
        except IntegrityError as error:
            # Two clients racing past full_clean: the database constraint has the last word.
            raise serializers.ValidationError(
                {"non_field_errors": [_("Cette mesure existe déjà ou n'est pas valide.")]}
            ) from error
        return self.measurement
