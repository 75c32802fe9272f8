"""Row-level permissions on indicators: whose measurements a user may enter."""

from actors import roles
from indicators.models import Indicator, Measurement
from strategy.perms import edits_everything, organisation_of


def indicators_editable_by(user):
    """Indicators whose measurements the user may enter (pilots: those linked to their actions)."""
    if edits_everything(user):
        return Indicator.objects.all()
    if roles.has_role(user, roles.PILOTE):
        linked = Indicator.actions.through.objects.filter(action__pilot_id=organisation_of(user))
        return Indicator.objects.filter(pk__in=linked.values("indicator_id"))
    return Indicator.objects.none()


def measurements_editable_by(user):
    if edits_everything(user):
        return Measurement.objects.all()
    return Measurement.objects.filter(indicator__in=indicators_editable_by(user))


def can_change_measurement(user, measurement):
    if edits_everything(user):
        return True
    return indicators_editable_by(user).filter(pk=measurement.indicator_id).exists()
