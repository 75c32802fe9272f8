"""The REST API, read-only but for measurements. Thin views: querysets in ``api.querysets``,
visibility in the models' ``visible_to``, validation in the serializers and the models."""

from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.settings import spectacular_settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularSwaggerSplitView, _get_sidecar_url
from rest_framework import serializers, viewsets
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from actors.models import Organisation
from api import querysets
from api.exceptions import french_exception_handler
from api.pagination import CiteduPagination
from api.parsers import JSONParser
from api.schema import CiteduAutoSchema
from api.serializers.actors import OrganisationSerializer
from api.serializers.indicators import IndicatorSerializer
from api.serializers.strategy import (
    ActionDetailSerializer,
    ActionSerializer,
    AxisSerializer,
    OrientationSerializer,
    StrategySerializer,
)
from api.throttling import AnonymousThrottle, AuthenticatedThrottle
from indicators.models import Indicator
from strategy.filters import ActionFilterSet
from strategy.lookups import visible_strategy_or_404
from strategy.models import Action, Axis, Orientation

LICENCE_NAME = "Licence Ouverte / Open Licence 2.0"
LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"

STRATEGY_SLUG = OpenApiParameter(
    "slug",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description=_("Identifiant de la stratégie."),
    examples=[OpenApiExample(_("Le PEDT de démonstration"), value="pedt-ivry-sur-seine")],
)
ACTION_CODE = OpenApiParameter(
    "code",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description=_("Code de l'action dans la stratégie, par exemple 2.3."),
    examples=[OpenApiExample(_("Une action"), value="1.1")],
)
INDICATOR_CODE = OpenApiParameter(
    "code",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description=_("Code de l'indicateur dans la stratégie."),
    examples=[OpenApiExample(_("Un indicateur"), value="IND-01")],
)


class CiteduAPIMixin:
    """What every API view shares: token or session authentication, JSON only, French errors."""

    authentication_classes = [TokenAuthentication, SessionAuthentication]
    # Read-only by routing: only GET is mapped, any other method is a 405 (measurements excepted).
    permission_classes = [AllowAny]
    throttle_classes = [AnonymousThrottle, AuthenticatedThrottle]
    renderer_classes = [JSONRenderer]
    parser_classes = [JSONParser]
    pagination_class = CiteduPagination
    schema = CiteduAutoSchema()

    def get_exception_handler(self):
        return french_exception_handler


class StrategyScopedMixin(CiteduAPIMixin):
    """Views nested under ``strategies/<slug>/``: the strategy must be visible, or 404."""

    def get_strategy(self):
        if not hasattr(self, "_strategy"):
            self._strategy = visible_strategy_or_404(self.request.user, self.kwargs["slug"])
        return self._strategy

    def is_schema_generation(self):
        return getattr(self, "swagger_fake_view", False)


class ApiRootSerializer(serializers.Serializer):
    name = serializers.CharField()
    licence = serializers.DictField(child=serializers.CharField())
    documentation = serializers.URLField()
    schema = serializers.URLField()
    endpoints = serializers.DictField(child=serializers.CharField())
    csv = serializers.DictField(child=serializers.CharField())


class ApiRootView(CiteduAPIMixin, APIView):
    @extend_schema(
        summary=_("Racine de l'API"),
        description=_("Les points d'entrée de l'API, sa documentation et la licence des données."),
        responses=ApiRootSerializer,
        tags=["racine"],
    )
    def get(self, request):
        def url(name):
            return reverse(name, request=request)

        strategies = url("api:strategy-list")
        # URI templates: « {slug} » is a strategy's identifier, as listed by the strategies endpoint.
        pages = request.build_absolute_uri("/strategies/") + "{slug}/"
        return Response(
            {
                "name": _("API des données ouvertes de Citédu"),
                "licence": {
                    "name": LICENCE_NAME,
                    "url": LICENCE_URL,
                    "text": _(
                        "Les données publiées par l'API et les exports CSV sont diffusées sous la "
                        "Licence Ouverte / Open Licence 2.0 d'Etalab : réutilisation libre, "
                        "y compris commerciale, sous réserve d'en mentionner la source."
                    ),
                },
                "documentation": url("api:docs"),
                "schema": url("api:schema"),
                "endpoints": {
                    "strategies": strategies,
                    "organisations": url("api:organisation-list"),
                    "measurements": url("api:measurement-list"),
                    "axes": strategies + "{slug}/axes/",
                    "orientations": strategies + "{slug}/orientations/",
                    "actions": strategies + "{slug}/actions/",
                    "indicators": strategies + "{slug}/indicateurs/",
                },
                "csv": {
                    "actions": pages + "actions.csv",
                    "beneficiaries": pages + "beneficiaires.csv",
                    "indicators": pages + "indicateurs.csv",
                    # The files' Table Schemas and licence (frictionless), and their dictionary.
                    "datapackage": pages + "datapackage.json",
                    "dictionary": request.build_absolute_uri("/donnees/"),
                },
            }
        )


@extend_schema_view(
    list=extend_schema(
        summary=_("Stratégies"),
        description=_(
            "Les stratégies éducatives publiées (et, pour les partenaires, celles en concertation)."
        ),
    ),
    retrieve=extend_schema(summary=_("Une stratégie"), parameters=[STRATEGY_SLUG]),
)
class StrategyViewSet(CiteduAPIMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = StrategySerializer
    lookup_field = "slug"

    def get_queryset(self):
        return querysets.strategies_for_api(self.request.user)


@extend_schema_view(
    list=extend_schema(summary=_("Axes d'une stratégie"), parameters=[STRATEGY_SLUG]),
    retrieve=extend_schema(summary=_("Un axe"), parameters=[STRATEGY_SLUG]),
)
class AxisViewSet(StrategyScopedMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = AxisSerializer
    lookup_field = "number"
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        if self.is_schema_generation():
            return Axis.objects.none()
        return (
            Axis.objects.visible_to(self.request.user).filter(strategy=self.get_strategy()).order_by("number")
        )


@extend_schema_view(
    list=extend_schema(summary=_("Orientations stratégiques"), parameters=[STRATEGY_SLUG]),
    retrieve=extend_schema(summary=_("Une orientation"), parameters=[STRATEGY_SLUG]),
)
class OrientationViewSet(StrategyScopedMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = OrientationSerializer
    lookup_field = "number"
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        if self.is_schema_generation():
            return Orientation.objects.none()
        return (
            Orientation.objects.visible_to(self.request.user)
            .filter(strategy=self.get_strategy())
            .select_related("axis")
            .order_by("number")
        )


class ActionFilterBackend(DjangoFilterBackend):
    """The page's filterset, scoped to the strategy of the URL: the same query string, the same rows."""

    def get_filterset_kwargs(self, request, queryset, view):
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        return {**kwargs, "strategy": view.get_strategy(), "user": request.user}

    def filter_queryset(self, request, queryset, view):
        filtered = super().filter_queryset(request, queryset, view)
        # The filterset's DISTINCT (for its M2M filters) stays in a subquery of ids: the page's
        # query then computes the budget totals for its own rows only, not for the whole strategy.
        return queryset.filter(pk__in=filtered.values("pk"))


@extend_schema_view(
    list=extend_schema(
        summary=_("Actions d'une stratégie"),
        description=_(
            "Les fiches actions visibles, avec les mêmes filtres que la page des actions "
            "(axe, orientation, statut, pilote, partenaire, quartier, public, secteur, année, retard, "
            "recherche)."
        ),
        parameters=[STRATEGY_SLUG],
    ),
    retrieve=extend_schema(
        summary=_("Une action"),
        parameters=[STRATEGY_SLUG, ACTION_CODE],
    ),
)
class ActionViewSet(StrategyScopedMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ActionSerializer
    filter_backends = [ActionFilterBackend]
    filterset_class = ActionFilterSet
    lookup_field = "code"
    lookup_value_regex = "[^/]+"

    def get_serializer_class(self):
        return ActionDetailSerializer if self.action == "retrieve" else ActionSerializer

    def get_queryset(self):
        if self.is_schema_generation():
            return Action.objects.none()
        if self.action == "retrieve":
            return querysets.action_detail_for_api(self.request.user, self.get_strategy())
        return querysets.actions_for_api(self.request.user, self.get_strategy())


@extend_schema_view(
    list=extend_schema(
        summary=_("Organisations"),
        description=_(
            "Les organisations engagées dans les stratégies visibles : pilotes, partenaires, financeurs, "
            "signataires, sources d'indicateurs. Jamais les coordonnées des personnes."
        ),
        parameters=[
            OpenApiParameter(
                "strategie", OpenApiTypes.STR, description=_("Limiter à une stratégie (identifiant).")
            )
        ],
    ),
    retrieve=extend_schema(summary=_("Une organisation")),
)
class OrganisationViewSet(CiteduAPIMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = OrganisationSerializer
    lookup_field = "slug"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Organisation.objects.none()
        strategy_slug = self.request.query_params.get("strategie") if self.action == "list" else None
        return querysets.involved_organisations(self.request.user, strategy_slug)


@extend_schema_view(
    list=extend_schema(summary=_("Indicateurs d'une stratégie"), parameters=[STRATEGY_SLUG]),
    retrieve=extend_schema(
        summary=_("Un indicateur"),
        parameters=[STRATEGY_SLUG, INDICATOR_CODE],
    ),
)
class IndicatorViewSet(StrategyScopedMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = IndicatorSerializer
    lookup_field = "code"
    lookup_value_regex = "[^/]+"

    def get_queryset(self):
        if self.is_schema_generation():
            return Indicator.objects.none()
        return querysets.indicators_for_api(self.request.user, self.get_strategy())


@csrf_exempt  # it changes nothing, and must answer JSON even to a cookie-less PATCH
def not_found(request, unmatched=""):
    """Any other URL under /api/: the API's JSON 404 rather than the site's HTML page.

    As APPEND_SLASH would (this catch-all hides the URL from it), a GET missing its final slash is
    redirected when the URL with the slash exists.
    """
    if request.method in ("GET", "HEAD") and not request.path.endswith("/"):
        try:
            match = resolve(f"{request.path}/")
        except Resolver404:
            match = None
        if match is not None and match.url_name != "not_found":
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(f"{request.path}/" + (f"?{query}" if query else ""))
    return JsonResponse({"detail": gettext("Ressource introuvable.")}, status=404)


class OfflineSwaggerView(SpectacularSwaggerSplitView):
    """Swagger UI from the static files of drf-spectacular-sidecar: no CDN, works offline, and its
    script is a separate file (no inline script for the CSP)."""

    url_name = "api:schema"
    template_name = "api/swagger_ui.html"
    title = _("API Citédu — documentation")

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if "settings" in response.data:
            # Swagger UI would otherwise send the schema's URL to validator.swagger.io for a badge.
            # Without deep links, an operation's path is text inside its toggle button, not a link
            # nested in a button (axe's nested-interactive, and a touch target too small).
            response.data["settings"] = self._dump(
                {**spectacular_settings.SWAGGER_UI_SETTINGS, "validatorUrl": None, "deepLinking": False}
            )
        return response

    @staticmethod
    def _swagger_ui_resource(filename):
        return _get_sidecar_url(f"swagger-ui-dist/{filename}")

    @staticmethod
    def _swagger_ui_favicon():
        return _get_sidecar_url("swagger-ui-dist/favicon-32x32.png")
