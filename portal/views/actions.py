from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import QueryDict
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from followup.timeline import timeline_of
from indicators.models import Indicator
from portal.forms import ContributionForm
from portal.views.access import can_contribute, get_visible_strategy
from strategy.filters import ActionFilterSet
from strategy.lateness import late_reasons
from strategy.models import Action, ActionBeneficiaries, ActionPartner, Contribution, Decision, Milestone
from strategy.page_cache import public_page

PAGE_SIZE = 20


def _active_filters(filterset):
    """The filters in use, each with the query string that removes it (the « chips »)."""
    chips = []
    data = filterset.data
    for name, field in filterset.form.fields.items():
        raw = data.get(name)
        if raw in (None, ""):
            continue
        value = filterset.form.cleaned_data.get(name) if filterset.is_valid() else None
        if value in (None, ""):
            label = raw
        elif hasattr(field, "choices") and not hasattr(value, "pk"):
            label = dict(field.choices).get(value, value)
        else:
            label = value
        remaining = QueryDict(mutable=True)
        for key in data:
            if key not in (name, "page"):
                remaining.setlist(key, data.getlist(key))
        chips.append({"name": field.label, "value": label, "remove_query": remaining.urlencode()})
    return chips


@public_page()
def action_list(request, slug):
    """The strategy's actions, filtered by query string, paginated, shareable by URL."""
    strategy = get_visible_strategy(request, slug)
    queryset = (
        Action.objects.visible_to(request.user)
        .filter(strategy=strategy)
        .select_related("axis", "orientation", "pilot")
        .prefetch_related("neighbourhoods", "audiences")
        .with_lateness(timezone.localdate())
        .in_code_order()
    )
    filterset = ActionFilterSet(request.GET or None, queryset=queryset, strategy=strategy, user=request.user)
    suggest_url = reverse("portal:structure_suggestions", args=[strategy.slug])
    for name in ("pilote", "partenaire"):
        filterset.form.fields[name].widget.attrs.update(
            {
                "data-combobox-url": suggest_url,
                "data-combobox-empty": _("Aucune structure de cette stratégie ne correspond à ce nom."),
                "placeholder": _("Tapez le nom d'une structure"),
            }
        )
    invalid = filterset.is_bound and not filterset.is_valid()
    results = queryset.none() if invalid else filterset.qs
    paginator = Paginator(results, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "strategy": strategy,
        "filterset": filterset,
        "form": filterset.form,
        "invalid": invalid,
        "chips": _active_filters(filterset) if filterset.is_bound else [],
        "page": page,
        "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "actions": page.object_list,
        "result_count": paginator.count,
        "query": query.urlencode(),
        "csv_url": f"/strategies/{strategy.slug}/actions.csv" + (f"?{query.urlencode()}" if query else ""),
    }
    return render(request, "portal/action_list.html", context)


@public_page()
def action_detail(request, slug, action_slug):
    """One fiche action: the plain-language summary first, then the administrative details."""
    strategy = get_visible_strategy(request, slug)
    user = request.user
    action = get_object_or_404(
        Action.objects.visible_to(user)
        .filter(strategy=strategy)
        .select_related("axis", "orientation", "pilot", "pilot_contact")
        .prefetch_related(
            "audiences",
            "neighbourhoods",
            "sectors",
            "milestones",  # all of them: the lateness rule counts the internal ones too
            Prefetch(
                "partnerships",
                queryset=ActionPartner.objects.select_related("organisation").order_by("organisation__name"),
            ),
            Prefetch(
                "beneficiaries", queryset=ActionBeneficiaries.objects.with_breakdown().order_by("-year")
            ),
        ),
        slug=action_slug,
    )
    action.strategy = strategy
    contact = action.pilot_contact if action.pilot_contact and action.pilot_contact.public_consent else None
    budget_lines = action.budget_lines.select_related("funder").order_by("year", "funder__name")
    contributing = can_contribute(user, strategy)
    visible_milestones = Milestone.objects.visible_to(user).filter(action=action)
    context = {
        "strategy": strategy,
        "action": action,
        # One rule (Action.is_late); the reasons name only the milestones this reader may see.
        "late_reasons": late_reasons(action, timezone.localdate(), visible_milestones),
        "contact": contact,
        "budget_lines": budget_lines,
        "budget_totals": action.budget_lines.totals(),
        "indicators": Indicator.objects.visible_to(user).filter(actions=action).order_by("code"),
        "decisions": Decision.objects.visible_to(user)
        .filter(actions=action)
        .select_related("meeting")
        .order_by("meeting__date"),
        "timeline": timeline_of(action, user, known_visible=True),
        "contributions": Contribution.objects.visible_to(user)
        .filter(action=action)
        .select_related("author")
        .order_by("created_at"),
        "can_contribute": contributing,
        "contribution_form": ContributionForm() if contributing else None,
        "pdf_url": f"/strategies/{strategy.slug}/actions/{action.slug}.pdf",
    }
    return render(request, "portal/action_detail.html", context)
