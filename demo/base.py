"""Idempotent writing helpers shared by the demo loaders.

The demo data is canonical: each run brings every demo row back to what the code says, and saves a row
only when one of its fields differs, so a second run writes nothing (and adds no history record).
"""

from actors.models import Sector
from strategy.models import Audience


def upsert(model, lookup, **values):
    """Fetch the row matching ``lookup`` (its natural key) and make its fields equal ``values``.

    Creates it when missing; saves it only when a field changed. Returns the instance.
    """
    # No ordering: the lookup is a natural key, and the models' default orderings cost joins.
    instance = next(iter(model._default_manager.filter(**lookup).order_by()[:1]), None)
    return apply(model, instance, lookup, values)


def apply(model, instance, lookup, values=None, /, **more_values):
    """``upsert`` for a row already fetched (``instance``) or known to be missing (None)."""
    values = {**(values or {}), **more_values}
    if instance is None:
        instance = model(**lookup, **values)
        instance.save()
        return instance
    changed = False
    for name, value in values.items():
        field = model._meta.get_field(name)
        if field.many_to_one or field.one_to_one:
            # Compare the ids, so an unchanged foreign key costs no query.
            new_id = value.pk if value is not None else None
            if getattr(instance, field.attname) != new_id:
                setattr(instance, name, value)
                changed = True
        elif getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    if changed:
        instance.save()
    return instance


class Reference:
    """The reference rows created by migrations (audiences, sectors), fetched once per run."""

    def __init__(self):
        self.audiences = {audience.code: audience for audience in Audience.objects.all()}
        self.sectors = {sector.code: sector for sector in Sector.objects.all()}

    def audience_list(self, codes):
        return [self.audiences[code] for code in codes]

    def sector_list(self, codes):
        return [self.sectors[code] for code in codes]
