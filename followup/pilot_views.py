"""The pilot's side of a reporting round, in the admin: the open rounds, the organisation's list of
a round, and one page per action. Access is ``followup.perms``: what a user may not read is a 404
(it does not exist for them); what they may read but not change is read-only, and a POST to it a 403.
"""

from decimal import Decimal

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from followup import checklist, perms, rounds
from followup.forms import ActionReportPage
from shared.formatting import euros
from strategy.enums import ActionStatus

SEND = "_send"


def _context(request, **context):
    return {**admin.site.each_context(request), **context}


def round_list(request):
    """The open rounds the user's organisation is asked in (every open round for coordination)."""
    found = checklist.open_rounds_for(request.user)
    return TemplateResponse(
        request,
        "admin/followup/round_list.html",
        _context(
            request,
            title=_("Campagnes de suivi"),
            rounds=found,
            chooses_organisation=perms.may_choose_organisation(request.user),
            today=timezone.localdate(),
        ),
    )


def _participant(request, round):
    """The organisation whose list is shown: ``?structure=`` for coordination and the COPIL, the
    user's own for a pilot (another one is a 404); None for coordination without a choice."""
    wanted = request.GET.get("structure")
    if perms.may_choose_organisation(request.user):
        if not wanted:
            return None
        if not wanted.isdigit():
            raise Http404
        return get_object_or_404(round.participants.select_related("organisation"), organisation_id=wanted)
    own = perms.organisation_of(request.user)
    if wanted and wanted != str(own):
        raise Http404
    return get_object_or_404(round.participants.select_related("organisation"), organisation_id=own)


def round_actions(request, round_id):
    """The organisation's list for a round: each action's report state and what it still misses."""
    round = get_object_or_404(perms.rounds_visible_to(request.user).select_related("strategy"), pk=round_id)
    participant = _participant(request, round)
    context = {"round": round, "participant": participant, "today": timezone.localdate()}
    if participant is None:
        context["participants"] = rounds.participants_with_progress(round)
    else:
        reports = participant.reports.select_related("action__axis", "sent_by").order_by(
            "action__axis__number", "action__code"
        )
        context["reports"] = checklist.missing_by_report(round, reports)
        context["structure_query"] = (
            f"?structure={participant.organisation_id}" if perms.may_choose_organisation(request.user) else ""
        )
    title = str(round)
    return TemplateResponse(
        request, "admin/followup/round_actions.html", _context(request, title=title, **context)
    )


def readable_answer(answer):
    """The record of a sent report (``ActionReport.answer``) with its labels and amounts written
    the French way, for the read-only page."""
    if not answer:
        return None
    status = answer.get("action_status")
    return {
        **answer,
        "action_status": ActionStatus(status).label if status in ActionStatus.values else status,
        "budget": [
            {
                **line,
                "planned": euros(Decimal(line["planned"])),
                "executed": euros(Decimal(line["executed"])),
            }
            for line in answer.get("budget", [])
        ],
    }


def action_report(request, round_id, action_id):
    """One action's page: one form for the whole answer, saved (or sent) at once or not at all."""
    report = get_object_or_404(
        perms.reports_visible_to(request.user).select_related(
            "round__strategy", "participant__organisation", "action__strategy", "action__pilot", "sent_by"
        ),
        round_id=round_id,
        action_id=action_id,
    )
    may_fill = perms.can_fill(request.user, report)
    if request.method == "POST" and not may_fill:
        raise PermissionDenied
    list_url = reverse("followup:round_actions", args=[report.round_id])
    if perms.may_choose_organisation(request.user):
        list_url += f"?structure={report.participant.organisation_id}"
    context = {
        "report": report,
        "round": report.round,
        "action": report.action,
        "may_fill": may_fill,
        "list_url": list_url,
        "sent_answer": readable_answer(report.answer),
        "today": timezone.localdate(),
    }
    if may_fill:
        page = ActionReportPage(report, request.user, data=request.POST if request.method == "POST" else None)
        if request.method == "POST":
            send = SEND in request.POST
            if _save(request, page, send=send):
                if send:
                    messages.success(
                        request,
                        _("La fiche de l'action %(code)s est envoyée à la coordination.")
                        % {"code": report.action.code},
                    )
                    return redirect(list_url)
                messages.success(
                    request,
                    _("La fiche de l'action %(code)s est enregistrée ; elle n'est pas encore envoyée.")
                    % {"code": report.action.code},
                )
                return redirect(request.path)
        context["page"] = page
    title = _("Fiche de suivi — %(action)s") % {"action": report.action}
    return TemplateResponse(
        request, "admin/followup/action_report.html", _context(request, title=title, **context)
    )


def _save(request, page, *, send):
    """Check and write the whole page in one transaction; False (and nothing written) if refused."""
    try:
        with transaction.atomic():
            if not page.is_valid():
                messages.error(
                    request, _("Rien n'a été enregistré : corrigez les erreurs signalées ci-dessous.")
                )
                return False
            page.save(send=send)
    except ValidationError as error:
        # The round was closed between the page's checks and the sending.
        messages.error(request, " ".join(error.messages))
        return False
    except IntegrityError:
        # Someone else wrote a row this page creates between the checks and the save.
        messages.error(
            request,
            _(
                "Rien n'a été enregistré : la fiche a été modifiée par quelqu'un d'autre au même "
                "moment. Rechargez la page."
            ),
        )
        return False
    return True
