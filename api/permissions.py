"""Who may write through the API: only measurements, by the indicator's source organisation."""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, permissions

from actors.models import Organisation


def user_organisation(user):
    """The organisation of the account's contact record (``Contact.user``), or None. One query, cached."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, "_citedu_organisation"):
        user._citedu_organisation = Organisation.objects.filter(contacts__user=user).first()
    return user._citedu_organisation


class ReadOrWriteOwnMeasurements(permissions.BasePermission):
    """Anyone reads (visibility is the queryset's job); writing needs an account in an organisation."""

    message = _("Votre compte n'est rattaché à aucune organisation : il ne peut pas saisir de mesure.")

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        if not (request.user and request.user.is_authenticated):
            return False  # DRF answers 401: not authenticated
        return user_organisation(request.user) is not None

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        organisation = user_organisation(request.user)
        if organisation is None or obj.indicator.source_id != organisation.pk:
            raise exceptions.PermissionDenied(
                _("Cette mesure appartient à un indicateur dont votre organisation n'est pas la source.")
            )
        return True
