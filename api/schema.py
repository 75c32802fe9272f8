"""OpenAPI generation: every operation documents the French errors it may answer."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from indicators.models import PERIOD_PATTERN


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text=_("Message d'erreur en français."))


class ValidationErrorSerializer(ErrorSerializer):
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text=_("Messages par champ ; « non_field_errors » pour ceux qui portent sur l'ensemble."),
    )


ERRORS = {
    "400": OpenApiResponse(ValidationErrorSerializer, description=_("Paramètres ou données invalides.")),
    "401": OpenApiResponse(ErrorSerializer, description=_("Authentification requise ou jeton invalide.")),
    "403": OpenApiResponse(ErrorSerializer, description=_("Opération non autorisée pour ce compte.")),
    "404": OpenApiResponse(ErrorSerializer, description=_("Ressource introuvable.")),
    "406": OpenApiResponse(ErrorSerializer, description=_("Format de réponse non disponible.")),
    "415": OpenApiResponse(ErrorSerializer, description=_("Format de données non pris en charge.")),
    "429": OpenApiResponse(ErrorSerializer, description=_("Trop de requêtes : réessayer plus tard.")),
}


class CiteduAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        codes = ["400", "401", "404", "406", "429"]
        if self.method not in ("GET", "HEAD", "OPTIONS"):
            codes += ["403", "415"]
        for code in codes:
            responses.setdefault(code, self._get_response_for_code(ERRORS[code], code, direction=direction))
        return responses

    def get_tags(self):
        # Group by resource (« actions », « mesures »…) rather than by the « v1 » prefix.
        parts = [part for part in self._tokenize_path() if part not in ("v1",) and not part.startswith("{")]
        return [parts[-1] if parts else "racine"]

    def get_auth(self):
        # Every read of this API is open to anonymous clients (visibility filters what they get).
        auths = super().get_auth()
        if self.method in ("GET", "HEAD", "OPTIONS") and {} not in auths:
            auths.append({})
        return auths


def _references(node):
    """The names of the components a part of the schema refers to, at any depth."""
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/components/schemas/"):
            yield ref.rsplit("/", 1)[1]
        for value in node.values():
            yield from _references(value)
    elif isinstance(node, list):
        for value in node:
            yield from _references(value)


def drop_answer_defaults(result, generator, request, public):
    """Postprocessing hook: no ``default`` in the components that only describe answers.

    A default says what the server assumes when a client leaves a field out of what it sends; in an
    answer it means nothing, and a model's form default (``Action.slug``'s empty string) broke the
    field's own pattern, so a strict validator refused the whole schema.
    """
    schemas = result.get("components", {}).get("schemas", {})
    sent = set()
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            if isinstance(operation, dict) and "requestBody" in operation:
                sent |= set(_references(operation["requestBody"]))
    for name, component in schemas.items():
        if name not in sent:
            for prop in component.get("properties", {}).values():
                _drop_defaults(prop)
    return result


def _drop_defaults(node):
    if isinstance(node, dict):
        node.pop("default", None)
        for key in ("oneOf", "anyOf", "allOf", "items"):
            for child in node.get(key, []) if key != "items" else [node.get(key)]:
                _drop_defaults(child)


SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
#: Every parameter of the API, by location and name: its bounds and a value that exists in the demo,
#: so that « Try it out » on the docs page returns something. One table, applied to every operation.
PARAMETERS = {
    ("query", "page"): {"schema": {"minimum": 1}, "example": 1},
    ("query", "taille"): {"schema": {"minimum": 1, "maximum": 500}, "example": 100},
    ("query", "annee"): {"schema": {"type": "integer", "minimum": 2000, "maximum": 2100}, "example": 2025},
    ("query", "axe"): {"schema": {"minimum": 1, "maximum": 32767}, "example": 1},
    ("query", "orientation"): {"schema": {"minimum": 1, "maximum": 32767}, "example": 1},
    ("query", "statut"): {"example": "in_progress"},
    # A structure by its identifier, its name or its short name (strategy.organisation_filter).
    ("query", "pilote"): {
        "schema": {"type": "string", "maxLength": 200},
        "example": "ivry-direction-enfance-education",
    },
    ("query", "partenaire"): {"schema": {"type": "string", "maxLength": 200}, "example": "caf-val-de-marne"},
    ("query", "quartier"): {"schema": {"pattern": SLUG_PATTERN}, "example": "plateau-monmousseau"},
    ("query", "public"): {"schema": {"pattern": SLUG_PATTERN, "maxLength": 30}, "example": "6-11"},
    ("query", "secteur"): {"schema": {"pattern": SLUG_PATTERN, "maxLength": 40}, "example": "culture"},
    ("query", "retard"): {"example": "1"},
    ("query", "q"): {"schema": {"maxLength": 200}, "example": "théâtre"},
    ("query", "strategie"): {"schema": {"pattern": SLUG_PATTERN}, "example": "pedt-ivry-sur-seine"},
    ("query", "indicateur"): {"schema": {"maxLength": 20}, "example": "IND-01"},
    ("query", "periode"): {"schema": {"pattern": PERIOD_PATTERN}, "example": "2023"},
    ("query", "sexe"): {"example": "girls"},
    ("path", "id"): {"schema": {"minimum": 1}},
    ("path", "code"): {"schema": {"maxLength": 20}},
    ("path", "number"): {"schema": {"minimum": 1, "maximum": 32767}, "example": 1},
}
#: Path slugs differ by resource: each path's slug is a strategy's but for organisations.
ORGANISATION_SLUG_EXAMPLE = "caf-val-de-marne"


def declare_parameters(result, generator, request, public):
    """Postprocessing hook: each parameter's bounds and a real example, from ``PARAMETERS``."""
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            if not isinstance(operation, dict):
                continue
            for parameter in operation.get("parameters", []):
                declared = PARAMETERS.get((parameter["in"], parameter["name"]), {})
                parameter["schema"] = {**parameter.get("schema", {}), **declared.get("schema", {})}
                if parameter["in"] == "path" and parameter["name"] == "slug":
                    parameter["schema"].setdefault("pattern", SLUG_PATTERN)
                    if path.startswith("/api/v1/organisations/"):
                        declared = {"example": ORGANISATION_SLUG_EXAMPLE}
                if "example" in declared and "examples" not in parameter:
                    parameter["example"] = declared["example"]
    return result
