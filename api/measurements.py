"""The one endpoint that writes: measurements, entered by the indicator's source organisation
(``indicators.perms``), validated exactly as in the admin."""

from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.authentication import TokenAuthentication
from rest_framework.response import Response

from api import querysets
from api.filters import MeasurementFilterSet
from api.permissions import ReadOrWriteOwnMeasurements
from api.serializers.indicators import MeasurementSerializer, MeasurementWriteSerializer
from api.views import CiteduAPIMixin
from indicators.models import Measurement

MEASUREMENT_EXAMPLE = OpenApiExample(
    _("Une valeur annuelle sur tout le territoire"),
    value={
        "strategy": "pedt-ivry-sur-seine",
        "indicator": "IND-01",
        "period": "2026",
        "neighbourhood": None,
        "value": "237.00",
        "source_note": "Direction de la petite enfance",
    },
    request_only=True,
)
BREAKDOWN_EXAMPLE = OpenApiExample(
    _("Une valeur pour les filles de 6 à 11 ans"),
    value={
        "strategy": "cite-educative-exemple",
        "indicator": "CE-05",
        "period": "2025-2026",
        "audience": "6-11",
        "sex": "girls",
        "value": "118.00",
    },
    request_only=True,
)
QUALITATIVE_EXAMPLE = OpenApiExample(
    _("Une appréciation qualitative pour une année scolaire et un quartier"),
    value={
        "strategy": "cite-educative-exemple",
        "indicator": "CE-09",
        "period": "2025-2026",
        "neighbourhood": "quartiers-sud",
        "rating": "3",
        "comment": "Les familles participent davantage aux cafés des parents.",
    },
    request_only=True,
)
WRITE_DESCRIPTION = _(
    "Réservé aux comptes rattachés à l'organisation source de l'indicateur, avec l'en-tête "
    "« Authorization: Token <jeton> ». Mêmes contrôles que dans l'administration : période au format "
    "2023, 2022-2023 ou 2023-T2 ; valeur chiffrée pour un indicateur quantitatif, appréciation ou "
    "commentaire pour un indicateur qualitatif ; une seule mesure par indicateur, période, quartier, "
    "public et sexe (« audience » : code du public, vide pour tous ; « sex » : girls, boys ou all). "
    "La valeur est enregistrée « à valider » et n'est publiée qu'une fois validée par la coordination "
    "ou le pilote d'une action liée à l'indicateur."
)


@extend_schema_view(
    list=extend_schema(
        summary=_("Mesures des indicateurs"),
        description=_(
            "Les valeurs des indicateurs publiés, filtrables par stratégie, indicateur, période, quartier, "
            "public et sexe."
        ),
    ),
    retrieve=extend_schema(summary=_("Une mesure")),
    create=extend_schema(
        summary=_("Saisir une mesure"),
        description=WRITE_DESCRIPTION,
        request=MeasurementWriteSerializer,
        responses={201: MeasurementSerializer},
        examples=[MEASUREMENT_EXAMPLE, BREAKDOWN_EXAMPLE, QUALITATIVE_EXAMPLE],
    ),
    update=extend_schema(
        summary=_("Remplacer une mesure"),
        description=WRITE_DESCRIPTION,
        request=MeasurementWriteSerializer,
        responses=MeasurementSerializer,
        examples=[MEASUREMENT_EXAMPLE],
    ),
    partial_update=extend_schema(
        summary=_("Corriger une mesure"),
        description=WRITE_DESCRIPTION,
        request=MeasurementWriteSerializer,
        responses=MeasurementSerializer,
    ),
)
class MeasurementViewSet(
    CiteduAPIMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    # A token only: a session cookie would let any page the user visits write on their behalf.
    authentication_classes = [TokenAuthentication]
    permission_classes = [ReadOrWriteOwnMeasurements]
    filter_backends = [DjangoFilterBackend]
    filterset_class = MeasurementFilterSet
    serializer_class = MeasurementSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Measurement.objects.none()
        if self.request.method in ("PUT", "PATCH"):
            return querysets.writable_measurements(self.request.user)
        return querysets.measurements_for_api(self.request.user)

    def create(self, request, *args, **kwargs):
        serializer = MeasurementWriteSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        measurement = serializer.save()
        return Response(self.get_serializer(measurement).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        measurement = self.get_object()
        serializer = MeasurementWriteSerializer(
            measurement,
            data=request.data,
            partial=kwargs.get("partial", False),
            context=self.get_serializer_context(),
        )
        serializer.is_valid(raise_exception=True)
        return Response(self.get_serializer(serializer.save()).data)
