"""The indicators' mail: values « à valider » waiting, to the people who may validate them.

One mail per batch, never one per value: every door that records waiting values (the admin's form
and inline, the import, the API) calls :func:`measurements_waiting` once with all of them.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from indicators import perms
from indicators.enums import MeasurementStatus
from indicators.models import Indicator
from notifications import kinds, outbox

MEASUREMENTS_WAITING = kinds.register(
    kinds.MailKind(
        code="measurements_waiting",
        label=_("Valeurs d'indicateurs à valider"),
        reason=_(
            "Vous recevez ce courriel parce que vous pouvez valider les valeurs de ces indicateurs "
            "(équipe de coordination, ou pilote d'une action qui leur est liée)."
        ),
    )
)

#: The indicators named in the mail; the others are counted.
NAMED_INDICATORS = 5


def _person(user):
    return (user.get_full_name() or user.get_username()) if user is not None else ""


def measurements_waiting(measurements, entered_by=None):
    """Tell each validator of the batch's waiting values how many await them (one mail each)."""
    waiting = [measurement for measurement in measurements if measurement.status == MeasurementStatus.PENDING]
    if not waiting:
        return []
    counts = {}
    for measurement in waiting:
        counts[measurement.indicator_id] = counts.get(measurement.indicator_id, 0) + 1
    names = dict(
        (pk, f"{code} — {name}")
        for pk, code, name in Indicator.objects.filter(pk__in=counts)
        .order_by("code")
        .values_list("pk", "code", "name")
    )
    groups = {}
    for user, indicator_ids in perms.validators_of(counts).items():
        groups.setdefault(frozenset(indicator_ids), []).append(user)
    link = reverse("admin:indicators_measurement_changelist") + f"?status__exact={MeasurementStatus.PENDING}"
    notifications = []
    for indicator_ids, users in groups.items():
        named = sorted(indicator_ids, key=lambda pk: names[pk])
        notifications += outbox.notify(
            MEASUREMENTS_WAITING.code,
            users,
            params={
                "count": sum(counts[pk] for pk in indicator_ids),
                "indicators": [names[pk] for pk in named[:NAMED_INDICATORS]],
                "other_indicators": max(0, len(named) - NAMED_INDICATORS),
                "entered_by": _person(entered_by or waiting[0].entered_by),
            },
            link=link,
        )
    return notifications
