"""What the legal pages still lack, for who may fill it: the box of the coordination's admin home."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.text import capfirst

from legal.models import SINGLETON_PK, AccessibilityStatement, LegalNotice

RECORDS = (LegalNotice, AccessibilityStatement)


@dataclass(frozen=True)
class MissingField:
    record: str
    label: str
    url: str


def is_empty(value):
    return value is None or (isinstance(value, str) and not value.strip())


def missing_fields(record):
    """The required groups of ``record`` with no field filled, each with a link to its first field."""
    opts = record._meta
    change_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[SINGLETON_PK])
    missing = []
    for group in record.REQUIRED_FIELDS:
        if all(is_empty(getattr(record, name)) for name in group):
            label = record.REQUIRED_GROUP_LABELS.get(group) or opts.get_field(group[0]).verbose_name
            missing.append(
                MissingField(
                    record=capfirst(str(opts.verbose_name)),
                    label=capfirst(str(label)),
                    url=f"{change_url}#id_{group[0]}",
                )
            )
    return missing


def missing_for(user):
    """Every required field left empty, if ``user`` may fill it; nothing otherwise (one query a record)."""
    missing = []
    for model in RECORDS:
        if user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"):
            missing += missing_fields(model.load())
    return missing
