"""OpenAPI generation: every operation documents the French errors it may answer."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


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
