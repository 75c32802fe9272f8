"""JSON errors in French for the API: one shape, ``{"detail": …}``, plus ``errors`` for invalid data."""

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rest_framework import exceptions
from rest_framework.views import exception_handler

from api.parsers import NestedTooDeep
from shared.formatting import number


class BodyTooLarge(exceptions.APIException):
    status_code = 413
    default_code = "body_too_large"


def french_exception_handler(exc, context):
    """DRF's handler, with our own French messages and a stable body for every error."""
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(django_errors_as_dict(exc))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, RequestDataTooBig):
        exc = BodyTooLarge()
    elif isinstance(exc, TooManyFieldsSent | TooManyFilesSent):
        exc = exceptions.ParseError()
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        response.data = {"detail": _("Les données envoyées sont invalides."), "errors": errors}
    elif isinstance(exc, exceptions.NotFound):
        response.data = {"detail": _("Ressource introuvable.")}
    elif isinstance(exc, exceptions.NotAuthenticated):
        response.data = {
            "detail": _("Authentification requise : envoyez l'en-tête « Authorization: Token <jeton> ».")
        }
    elif isinstance(exc, exceptions.AuthenticationFailed):
        response.data = {"detail": _("Jeton d'authentification invalide ou compte désactivé.")}
    elif isinstance(exc, exceptions.PermissionDenied):
        response.data = {"detail": str(exc.detail) or _("Vous n'avez pas le droit de faire cette opération.")}
    elif isinstance(exc, exceptions.Throttled):
        wait = int(exc.wait or 1)
        response.data = {
            "detail": ngettext(
                "Trop de requêtes : réessayez dans %(wait)d seconde.",
                "Trop de requêtes : réessayez dans %(wait)d secondes.",
                wait,
            )
            % {"wait": wait}
        }
    elif isinstance(exc, exceptions.MethodNotAllowed):
        response.data = {"detail": _("Méthode « %(method)s » non autorisée ici.") % {"method": exc.args[0]}}
    elif isinstance(exc, exceptions.NotAcceptable):
        response.data = {"detail": _("Format de réponse non disponible : l'API répond en JSON.")}
    elif isinstance(exc, exceptions.UnsupportedMediaType):
        response.data = {"detail": _("Format de données non pris en charge : envoyez du JSON.")}
    elif isinstance(exc, BodyTooLarge):
        megabytes = number(settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 2**20, decimals=1)
        response.data = {
            "detail": _("Le corps de la requête dépasse la taille maximale de %(size)s Mo.")
            % {"size": megabytes}
        }
    elif isinstance(exc, NestedTooDeep):
        response.data = {"detail": str(exc.detail)}
    elif isinstance(exc, exceptions.ParseError):
        response.data = {"detail": _("Le corps de la requête n'est pas un JSON valide.")}
    return response


def django_errors_as_dict(error):
    """A Django ValidationError (from ``full_clean``) as ``{field: [messages]}``."""
    if hasattr(error, "error_dict"):
        return {
            ("non_field_errors" if field == "__all__" else field): messages
            for field, messages in error.message_dict.items()
        }
    return {"non_field_errors": error.messages}
