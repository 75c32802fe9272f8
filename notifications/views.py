"""The user's mail preferences (``/comptes/courriels/``) and the one-click unsubscribe page."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from notifications import kinds, preferences, tokens
from notifications.forms import MailPreferenceForm


@login_required
@require_http_methods(["GET", "POST"])
def preferences_page(request):
    form = MailPreferenceForm(request.POST or None, preference=preferences.of(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Vos préférences de courriel sont enregistrées."))
        return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {"form": form, "has_address": bool(request.user.email)},
        status=400 if form.is_bound else 200,
    )


def _refused(request, status, message):
    return render(request, "notifications/unsubscribe_error.html", {"message": message}, status=status)


# A mail client's one-click unsubscribe (RFC 8058) posts without a session or CSRF token; the signed
# token is what authorises the change, and it can only turn mail off.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    read = tokens.read(token)
    if read is None:
        return _refused(
            request, 400, _("Ce lien de désinscription n'est pas valide : il a peut-être été mal copié.")
        )
    user_id, kind_code = read
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    kind = kinds.KINDS.get(kind_code)
    if user is None or (kind is None and kind_code != tokens.ALL_KINDS) or (kind and not kind.optional):
        return _refused(request, 404, _("Ce lien ne correspond à aucun courriel que vous pouvez arrêter."))
    context = {"token": token, "kind": kind, "all_kinds": kind is None, "done": False}
    if request.method == "POST":
        preferences.turn_off(user, kind_code)
        context["done"] = True
    return render(request, "notifications/unsubscribe.html", context)
