"""The page that shows what changed between two signed versions of a strategy."""

from django.http import Http404
from django.shortcuts import redirect, render

from documents import content_diff
from documents.models import StrategyVersion


def _picked(query):
    """The two numbers the version picker sent (« de », « a »), or None when it sent nothing."""
    if "de" not in query and "a" not in query:
        return None
    try:
        return int(query.get("de", "")), int(query.get("a", ""))
    except ValueError:
        raise Http404("Numéro de version invalide.") from None


def version_diff(request, slug, old, new):
    """What changed from version ``old`` to version ``new`` (any two versions, in either order)."""
    picked = _picked(request.GET)
    if picked is not None and picked != (old, new):
        return redirect("documents:version_diff", slug=slug, old=picked[0], new=picked[1])
    # Every version of the strategy, for the picker, without their (large) frozen content.
    versions = list(
        StrategyVersion.objects.visible_to(request.user)
        .filter(strategy__slug=slug)
        .select_related("strategy__territory")
        .defer("data", "signatures")
        .order_by("number")
    )
    by_number = {version.number: version for version in versions}
    if old not in by_number or new not in by_number:
        raise Http404("Version inconnue.")
    # Then the content of the two being compared.
    data = dict(
        StrategyVersion.objects.filter(pk__in=[by_number[old].pk, by_number[new].pk]).values_list(
            "number", "data"
        )
    )
    old_version, new_version = by_number[old], by_number[new]
    old_version.data, new_version.data = data[old], data[new]
    context = {
        "strategy": new_version.strategy,
        "versions": versions,
        **content_diff.version_comparison(old_version, new_version),
    }
    return render(request, "documents/version_diff.html", context)
