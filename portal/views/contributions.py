from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.forms import ContributionForm
from portal.views.access import can_contribute, get_visible_strategy
from strategy import mail as strategy_mail
from strategy.models import Action, Orientation

#: The thank-you message's id: the page comes back scrolled to it (the layout gives a message with
#: extra tags that id, and tabindex="-1" so the fragment moves the focus there too).
THANKS_ANCHOR = "merci"


def _save_contribution(request, strategy, target, redirect_url, **target_fields):
    if not can_contribute(request.user, strategy):
        raise PermissionDenied(_("Les contributions sont ouvertes aux partenaires pendant la concertation."))
    form = ContributionForm(request.POST)
    if form.is_valid():
        contribution = form.save(commit=False)
        contribution.strategy = strategy
        contribution.author = request.user
        for name, value in target_fields.items():
            setattr(contribution, name, value)
        with transaction.atomic():
            contribution.save()
            strategy_mail.contribution_new(contribution)
        messages.success(
            request,
            _("Merci : votre contribution est enregistrée. L'équipe de coordination vous répondra ici."),
            extra_tags=THANKS_ANCHOR,
        )
        return redirect(f"{redirect_url}#{THANKS_ANCHOR}")
    return render(
        request,
        "portal/contribution_form.html",
        {"strategy": strategy, "target": target, "form": form, "back_url": redirect_url},
        status=400,
    )


@require_POST
@login_required
def contribute_to_action(request, slug, action_slug):
    strategy = get_visible_strategy(request, slug)
    action = get_object_or_404(
        Action.objects.visible_to(request.user).filter(strategy=strategy), slug=action_slug
    )
    return _save_contribution(request, strategy, action, action.get_absolute_url(), action=action)


@require_POST
@login_required
def contribute_to_orientation(request, slug, number):
    strategy = get_visible_strategy(request, slug)
    orientation = get_object_or_404(
        Orientation.objects.visible_to(request.user).filter(strategy=strategy), number=number
    )
    url = strategy.get_absolute_url()
    return _save_contribution(request, strategy, orientation, url, orientation=orientation)
