"""Model-level guard: a frozen version's PDF, content, fingerprints, number and strategy never change."""

from django.core.exceptions import PermissionDenied

from documents.models import StrategyVersion

IMMUTABLE_FIELDS = ("strategy_id", "number", "kind", "sha256", "frozen_at", "data", "content_sha256")


def forbid_changing_a_frozen_version(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    stored = StrategyVersion.objects.filter(pk=instance.pk).first()
    if stored is None:
        return
    changed = [name for name in IMMUTABLE_FIELDS if getattr(stored, name) != getattr(instance, name)]
    if stored.pdf.name != instance.pdf.name:
        changed.append("pdf")
    # The signed copy and its date may be attached once, never replaced.
    if stored.signed_copy and stored.signed_copy.name != instance.signed_copy.name:
        changed.append("signed_copy")
    if stored.signed_on and stored.signed_on != instance.signed_on:
        changed.append("signed_on")
    if changed:
        raise PermissionDenied(f"A frozen strategy version cannot change: {', '.join(changed)}.")


def forbid_deleting_a_frozen_version(sender, instance, **kwargs):
    raise PermissionDenied("A frozen strategy version cannot be deleted.")
