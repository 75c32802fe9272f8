"""Who may enter the measurements of which indicator: one rule for the admin, the import and the API."""

from django.db.models import Q

from actors import roles
from indicators.models import Indicator, Measurement
from strategy.perms import edits_everything, organisation_of


def indicators_editable_by(user):
    """Indicators whose measurements the user may enter.

    Coordination: all. Anyone else through their organisation: the indicators it is the source of
    (it produces the figures, in the admin or through the API), and for a pilot the indicators
    linked to the actions it pilots.
    """
    if edits_everything(user):
        return Indicator.objects.all()
    organisation = organisation_of(user)
    if organisation is None:
        return Indicator.objects.none()
    rule = Q(source_id=organisation)
    if roles.has_role(user, roles.PILOTE):
        linked = Indicator.actions.through.objects.filter(action__pilot_id=organisation)
        rule |= Q(pk__in=linked.values("indicator_id"))
    return Indicator.objects.filter(rule)


def measurements_editable_by(user):
    if edits_everything(user):
        return Measurement.objects.all()
    return Measurement.objects.filter(indicator__in=indicators_editable_by(user))


def can_enter_measurements_of(user, indicator):
    return edits_everything(user) or indicators_editable_by(user).filter(pk=indicator.pk).exists()


def can_change_measurement(user, measurement):
    return edits_everything(user) or indicators_editable_by(user).filter(pk=measurement.indicator_id).exists()
