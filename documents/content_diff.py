"""What a comparison of two frozen versions shows, on the portal and in an amendment's printed annex."""

from django.utils import timezone

from documents import diff


def version_comparison(old_version, new_version):
    """The changes from ``old_version`` to ``new_version``, read from the content frozen with each.

    A version frozen before versions kept their content has none: ``comparable`` is then false and
    there is no ``diff`` (its PDF stays the reference).
    """
    comparable = diff.is_comparable(old_version.data) and diff.is_comparable(new_version.data)
    changes = diff.compare(old_version.data, new_version.data) if comparable else None
    return {
        "old_version": old_version,
        "new_version": new_version,
        "comparable": comparable,
        "diff": changes,
        "summary": diff.summary(changes) if changes else [],
    }


def amendment_annex(strategy, old_version, new_version):
    """The context of ``documents/amendment_annex.html``: what the amendment ``new_version`` changes
    from ``old_version``. Dated by the new version's freeze, so the same pair always gives the same HTML."""
    return {
        "strategy": strategy,
        "document_date": timezone.localdate(new_version.frozen_at),
        **version_comparison(old_version, new_version),
    }
