"""API serializers of the strategy app (read-only: the strategy is written in the admin).

The querysets that feed them live in ``api.views``: they select and prefetch everything read here,
so a list costs the same few queries whatever its length.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from actors.models import Territory
from api.serializers.actors import (
    NeighbourhoodSerializer,
    OrganisationRefSerializer,
    PilotContactSerializer,
    SectorSerializer,
)
from strategy.models import (
    Action,
    ActionBeneficiaries,
    ActionPartner,
    Audience,
    Axis,
    BeneficiariesByAudience,
    Orientation,
    Strategy,
)
from strategy.models.beneficiaries import COUNT_FIELDS


class TerritorySerializer(serializers.ModelSerializer):
    class Meta:
        model = Territory
        fields = ["slug", "name", "insee_code", "department", "population"]


class StrategySerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    territory = TerritorySerializer(read_only=True)
    url = serializers.SerializerMethodField(help_text=_("Page publique de la stratégie."))
    actions = serializers.SerializerMethodField(help_text=_("Liste des actions dans l'API."))
    indicators = serializers.SerializerMethodField(help_text=_("Liste des indicateurs dans l'API."))

    class Meta:
        model = Strategy
        fields = [
            "slug",
            "title",
            "kind",
            "kind_label",
            "status",
            "status_label",
            "territory",
            "start_date",
            "end_date",
            "summary",
            "governance",
            "url",
            "actions",
            "indicators",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, strategy):
        return self.context["request"].build_absolute_uri(strategy.get_absolute_url())

    @extend_schema_field(OpenApiTypes.URI)
    def get_actions(self, strategy):
        return reverse("api:action-list", kwargs={"slug": strategy.slug}, request=self.context["request"])

    @extend_schema_field(OpenApiTypes.URI)
    def get_indicators(self, strategy):
        return reverse("api:indicator-list", kwargs={"slug": strategy.slug}, request=self.context["request"])


class AxisSerializer(serializers.ModelSerializer):
    class Meta:
        model = Axis
        fields = ["number", "title", "description"]


class OrientationSerializer(serializers.ModelSerializer):
    axis = serializers.SlugRelatedField(
        slug_field="number",
        read_only=True,
        allow_null=True,
        help_text=_("Numéro de l'axe ; vide si transversale."),
    )
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Orientation
        fields = ["number", "title", "description", "axis", "status", "status_label", "validated_on"]


class AudienceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Audience
        fields = ["code", "name"]


class AudienceCountSerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="audience.code", read_only=True, help_text=_("Code du public."))
    name = serializers.CharField(source="audience.name", read_only=True, help_text=_("Nom du public."))

    class Meta:
        model = BeneficiariesByAudience
        fields = ["code", "name", "count"]


class BeneficiariesSerializer(serializers.ModelSerializer):
    """One year of an action's beneficiaries; a breakdown not known is null (by audience: empty)."""

    by_audience = AudienceCountSerializer(many=True, read_only=True)

    class Meta:
        model = ActionBeneficiaries
        fields = ["year", *COUNT_FIELDS, "by_audience"]


class PartnerSerializer(serializers.ModelSerializer):
    organisation = OrganisationRefSerializer(read_only=True)
    role_label = serializers.CharField(source="get_role_display", read_only=True)

    class Meta:
        model = ActionPartner
        fields = ["organisation", "role", "role_label"]


class BudgetTotalsSerializer(serializers.Serializer):
    planned = serializers.DecimalField(max_digits=14, decimal_places=2, help_text=_("Montant prévu (€)."))
    executed = serializers.DecimalField(max_digits=14, decimal_places=2, help_text=_("Montant réalisé (€)."))


class ActionSerializer(serializers.ModelSerializer):
    strategy = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    axis = serializers.SlugRelatedField(slug_field="number", read_only=True, help_text=_("Numéro de l'axe."))
    orientation = serializers.SlugRelatedField(
        slug_field="number", read_only=True, allow_null=True, help_text=_("Numéro de l'orientation.")
    )
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    pilot = OrganisationRefSerializer(read_only=True)
    pilot_contact = serializers.SerializerMethodField(
        help_text=_("Référent·e, seulement s'il ou elle a accepté la publication de son nom.")
    )
    partners = PartnerSerializer(source="partnerships", many=True, read_only=True)
    audiences = AudienceSerializer(many=True, read_only=True)
    neighbourhoods = NeighbourhoodSerializer(many=True, read_only=True)
    sectors = SectorSerializer(many=True, read_only=True)
    budget = serializers.SerializerMethodField(help_text=_("Totaux des lignes de financement."))
    indicators = serializers.SerializerMethodField(
        help_text=_("Codes des indicateurs publiés liés à l'action.")
    )
    is_late = serializers.BooleanField(
        source="is_late_today",
        read_only=True,
        help_text=_(
            "En retard : date de fin dépassée sans être réalisée ni abandonnée, ou un jalon prévu avant "
            "aujourd'hui et pas encore réalisé."
        ),
    )
    url = serializers.SerializerMethodField(help_text=_("Page publique de l'action."))

    class Meta:
        model = Action
        fields = [
            "code",
            "slug",
            "title",
            "strategy",
            "axis",
            "orientation",
            "summary",
            "description",
            "status",
            "status_label",
            "progress",
            "is_late",
            "start_date",
            "end_date",
            "pilot",
            "pilot_contact",
            "partners",
            "audiences",
            "neighbourhoods",
            "sectors",
            "budget",
            "indicators",
            "url",
        ]

    @extend_schema_field(PilotContactSerializer(allow_null=True))
    def get_pilot_contact(self, action):
        contact = action.pilot_contact
        if contact is None or not contact.public_consent:
            return None
        return PilotContactSerializer(contact).data

    @extend_schema_field(BudgetTotalsSerializer)
    def get_budget(self, action):
        return BudgetTotalsSerializer(
            {"planned": action.planned_total, "executed": action.executed_total}
        ).data

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_indicators(self, action):
        return [indicator.code for indicator in action.visible_indicators]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, action):
        return self.context["request"].build_absolute_uri(action.get_absolute_url())


class ActionDetailSerializer(ActionSerializer):
    """One action, with its beneficiaries year by year (the list leaves them out: one action at a
    time is what a reuser asks for them)."""

    beneficiaries = BeneficiariesSerializer(
        many=True,
        read_only=True,
        help_text=_("Bénéficiaires de l'action, par année (la plus récente d'abord)."),
    )

    class Meta(ActionSerializer.Meta):
        fields = [*ActionSerializer.Meta.fields, "beneficiaries"]
