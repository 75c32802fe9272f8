"""The coordination's back office of the reporting rounds: prepare, open, follow, remind, close.

Coordination holds every permission on rounds; the steering committee reads them (list, form,
state view) and changes nothing; a pilot never sees these pages (``actors.roles.WITHHELD``): they
answer on their own pages (``followup.urls``). Every change goes through ``followup.rounds``
(opening, closing) or ``followup.reminders``.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from followup import reminders, round_state, rounds
from followup.enums import RoundStatus
from followup.models import ReportingRound
from strategy import perms

#: Fields fixed once the round is open: they decide who is asked about what.
FIXED_WHEN_OPEN = ("strategy", "period", "year")
RECORD_FIELDS = ("status", "opened_at", "opened_by", "closed_at", "closed_by")


@admin.register(ReportingRound)
class ReportingRoundAdmin(admin.ModelAdmin):
    list_display = ["__str__", "period", "deadline", "status", "answered", "state_link"]
    list_display_links = ["__str__"]
    list_filter = ["status", "strategy"]
    list_select_related = ["strategy"]
    search_fields = ["strategy__title", "period"]
    fields = ["strategy", "period", "year", "deadline", "reminder_days", "message", *RECORD_FIELDS]
    change_form_template = "admin/followup/reportinground/change_form.html"

    # A pilot answers on their own pages; this admin is the coordination's and the COPIL's.
    def has_module_permission(self, request):
        return not perms.is_restricted_pilot(request.user) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return not perms.is_restricted_pilot(request.user) and super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not perms.is_restricted_pilot(request.user) and super().has_change_permission(request, obj)

    def has_add_permission(self, request):
        return not perms.is_restricted_pilot(request.user) and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        # Once opened, a round is a record: its answers stay.
        allowed = not perms.is_restricted_pilot(request.user) and super().has_delete_permission(request, obj)
        return allowed and (obj is None or obj.status == RoundStatus.PREPARING)

    def get_readonly_fields(self, request, obj=None):
        if obj is None or obj.status == RoundStatus.PREPARING:
            return RECORD_FIELDS
        if obj.is_closed:
            return [field for field in self.fields]
        return (*FIXED_WHEN_OPEN, *RECORD_FIELDS)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                participant_total=Count("participants", distinct=True),
                participant_done=Count(
                    "participants", filter=Q(participants__completed_at__isnull=False), distinct=True
                ),
            )
        )

    @admin.display(description=gettext_lazy("structures ayant répondu"))
    def answered(self, obj):
        if obj.status == RoundStatus.PREPARING:
            return "—"
        return f"{obj.participant_done}/{obj.participant_total}"

    @admin.display(description=gettext_lazy("suivi"))
    def state_link(self, obj):
        if obj.status == RoundStatus.PREPARING:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:followup_reportinground_state", args=[obj.pk]), _("État")
        )

    def get_urls(self):
        def wrap(view):
            return self.admin_site.admin_view(view)

        return [
            path("<int:pk>/etat/", wrap(self.state_view), name="followup_reportinground_state"),
            path("<int:pk>/etat.xlsx", wrap(self.state_export), name="followup_reportinground_export"),
            path("<int:pk>/relancer/", wrap(self.remind_view), name="followup_reportinground_remind"),
            path("<int:pk>/ouvrir/", wrap(self.open_view), name="followup_reportinground_open"),
            path("<int:pk>/cloturer/", wrap(self.close_view), name="followup_reportinground_close"),
            *super().get_urls(),
        ]

    def _round(self, request, pk, *, change):
        round = (
            ReportingRound.objects.select_related("strategy", "opened_by", "closed_by").filter(pk=pk).first()
        )
        if round is None:
            raise Http404(_("Cette campagne de suivi n'existe pas."))
        allowed = (
            self.has_change_permission(request, round) if change else self.has_view_permission(request, round)
        )
        if not allowed:
            raise PermissionDenied
        return round

    def _context(self, request, round, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.model._meta,
            "round": round,
            "may_change": self.has_change_permission(request, round),
            **extra,
        }

    def state_view(self, request, pk):
        round = self._round(request, pk, change=False)
        state = round_state.state_of(round)
        context = self._context(request, round, _("État de la campagne"), state=state)
        return TemplateResponse(request, "admin/followup/round_state.html", context)

    def state_export(self, request, pk):
        round = self._round(request, pk, change=False)
        content = round_state.state_workbook(round_state.state_of(round))
        response = HttpResponse(
            content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        filename = f"campagne-{round.strategy.slug}-{round.period}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def remind_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        round = self._round(request, pk, change=True)
        state_url = reverse("admin:followup_reportinground_state", args=[round.pk])
        if not round.is_open:
            self.message_user(request, _("Seule une campagne ouverte peut être relancée."), messages.ERROR)
            return redirect(state_url)
        participants = rounds.participants_with_progress(round)
        if request.POST.get("participant"):
            chosen = [p for p in participants if str(p.pk) == request.POST["participant"]]
            if not chosen:
                raise Http404(_("Cette structure n'est pas sollicitée par la campagne."))
        else:
            chosen = [p for p in participants if p.current_state in round_state.PENDING_STATES]
        reminded = reminders.remind(chosen)
        self._report_reminders(request, chosen, reminded)
        return redirect(state_url)

    def _report_reminders(self, request, chosen, reminded):
        for participant in reminded:
            self.message_user(
                request,
                _("Rappel envoyé aux pilotes de %(organisation)s.")
                % {"organisation": participant.organisation},
                messages.SUCCESS,
            )
        skipped = [participant for participant in chosen if participant not in reminded]
        for participant in skipped:
            if reminders.is_done(participant):
                reason = _("elle a envoyé toutes ses fiches")
            elif reminders.reminded_on(participant, timezone.localdate()):
                reason = _("elle a déjà été relancée aujourd'hui")
            else:
                reason = _("aucun de ses pilotes n'a d'adresse ni ne reçoit ces rappels")
            self.message_user(
                request,
                _("%(organisation)s n'a pas été relancée : %(reason)s.")
                % {"organisation": participant.organisation, "reason": reason},
                messages.WARNING,
            )
        if not chosen:
            self.message_user(request, _("Toutes les structures ont envoyé leurs fiches."), messages.INFO)

    def open_view(self, request, pk):
        round = self._round(request, pk, change=True)
        change_url = reverse("admin:followup_reportinground_change", args=[round.pk])
        if round.status != RoundStatus.PREPARING:
            self.message_user(request, _("Cette campagne est déjà ouverte ou clôturée."), messages.ERROR)
            return redirect(change_url)
        if request.method == "POST":
            try:
                rounds.open_round(round, request.user)
            except ValidationError as error:
                for text in error.messages:
                    self.message_user(request, text, messages.ERROR)
                return redirect(change_url)
            count = round.participants.count()
            self.message_user(
                request,
                ngettext(
                    "Campagne ouverte : %(count)d structure sollicitée, prévenue par courriel.",
                    "Campagne ouverte : %(count)d structures sollicitées, prévenues par courriel.",
                    count,
                )
                % {"count": count},
                messages.SUCCESS,
            )
            return redirect("admin:followup_reportinground_state", round.pk)
        context = self._context(
            request, round, _("Ouvrir la campagne"), asked=round_state.who_would_be_asked(round)
        )
        return TemplateResponse(request, "admin/followup/round_open.html", context)

    def close_view(self, request, pk):
        round = self._round(request, pk, change=True)
        state_url = reverse("admin:followup_reportinground_state", args=[round.pk])
        if not round.is_open:
            self.message_user(request, _("Seule une campagne ouverte peut être clôturée."), messages.ERROR)
            return redirect(reverse("admin:followup_reportinground_change", args=[round.pk]))
        if request.method == "POST":
            try:
                rounds.close_round(round, request.user)
            except ValidationError as error:
                for text in error.messages:
                    self.message_user(request, text, messages.ERROR)
                return redirect(state_url)
            self.message_user(
                request,
                _("Campagne clôturée : les fiches envoyées restent la réponse de chaque structure."),
                messages.SUCCESS,
            )
            return redirect(state_url)
        state = round_state.state_of(round)
        context = self._context(request, round, _("Clôturer la campagne"), state=state)
        return TemplateResponse(request, "admin/followup/round_close.html", context)


from followup import review_admin  # noqa: E402,F401  (registers the yearly review's admin)
