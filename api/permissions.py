"""Who may write through the API: only measurements, by the one rule of ``indicators.perms``."""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, permissions

from actors.roles import organisation_of
from indicators import perms as indicator_perms
from strategy.perms import edits_everything


class ReadOrWriteOwnMeasurements(permissions.BasePermission):
    """Anyone reads (visibility is the queryset's job); writing needs an account in an organisation."""

    message = _("Votre compte n'est rattaché à aucune organisation : il ne peut pas saisir de mesure.")

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        if not (request.user and request.user.is_authenticated):
            return False  # DRF answers 401: not authenticated
        return edits_everything(request.user) or organisation_of(request.user) is not None

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        if not indicator_perms.can_change_measurement(request.user, obj):
            raise exceptions.PermissionDenied(
                _("Cette mesure appartient à un indicateur dont votre organisation n'est pas la source.")
            )
        return True
