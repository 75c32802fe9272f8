"""Who may enter and who may validate the measurements of which indicator: one rule for the admin,
the import and the API."""

from django.db.models import Q

from actors import roles
from indicators.enums import MeasurementStatus
from indicators.models import Indicator, Measurement
from strategy.perms import edits_everything, organisation_of


def _linked_to_actions_piloted_by(organisation):
    linked = Indicator.actions.through.objects.filter(action__pilot_id=organisation)
    return Q(pk__in=linked.values("indicator_id"))


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
        rule |= _linked_to_actions_piloted_by(organisation)
    return Indicator.objects.filter(rule)


def measurements_editable_by(user):
    if edits_everything(user):
        return Measurement.objects.all()
    return Measurement.objects.filter(indicator__in=indicators_editable_by(user))


def can_enter_measurements_of(user, indicator):
    return edits_everything(user) or indicators_editable_by(user).filter(pk=indicator.pk).exists()


def can_change_measurement(user, measurement):
    return edits_everything(user) or indicators_editable_by(user).filter(pk=measurement.indicator_id).exists()


def indicators_validatable_by(user):
    """Indicators whose values the user may validate (publish): coordination all, a pilot those
    linked to an action their organisation pilots. A source organisation never validates its own."""
    if edits_everything(user):
        return Indicator.objects.all()
    organisation = organisation_of(user)
    if organisation is None or not roles.has_role(user, roles.PILOTE):
        return Indicator.objects.none()
    return Indicator.objects.filter(_linked_to_actions_piloted_by(organisation))


def validators_of(indicator_ids):
    """Who may validate the values of these indicators: ``indicators_validatable_by`` read the other
    way, as ``{user: the ids among indicator_ids they may validate}`` (active accounts only).

    Coordination validates them all; a pilot those linked to an action their organisation pilots.
    """
    indicator_ids = set(indicator_ids)
    validators = {user: set(indicator_ids) for user in roles.users_with_role(roles.COORDINATION)}
    piloted = {}
    for organisation_id, indicator_id in Indicator.actions.through.objects.filter(
        indicator_id__in=indicator_ids, action__pilot__isnull=False
    ).values_list("action__pilot_id", "indicator_id"):
        piloted.setdefault(organisation_id, set()).add(indicator_id)
    for user in roles.users_of(list(piloted), role=roles.PILOTE):
        if user not in validators:
            validators[user] = set(piloted.get(organisation_of(user), ()))
    return {user: ids for user, ids in validators.items() if ids}


def measurements_validatable_by(user):
    if edits_everything(user):
        return Measurement.objects.all()
    return Measurement.objects.filter(indicator__in=indicators_validatable_by(user))


def can_validate_measurements_of(user, indicator):
    return edits_everything(user) or indicators_validatable_by(user).filter(pk=indicator.pk).exists()


def status_of_entry(user, indicator, *, through_api=False):
    """The state a value entered by ``user`` is recorded in: published at once only when it comes
    from the city's staff who may validate it; anything written through the API waits."""
    if not through_api and can_validate_measurements_of(user, indicator):
        return MeasurementStatus.VALIDATED
    return MeasurementStatus.PENDING
