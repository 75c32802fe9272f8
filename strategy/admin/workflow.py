"""Admin actions that move things through their workflow: COPIL decisions, strategy status."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.widgets import AdminDateWidget
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from strategy import mail
from strategy.enums import (
    ActionStatus,
    DecisionKind,
    MeetingKind,
    OrientationStatus,
    StrategyStatus,
)
from strategy.models import Decision, Meeting
from strategy.models.actions import orientation_refuses


class CopilDecisionForm(forms.Form):
    """Which COPIL meeting took the decision (an existing one or a new date), and its text."""

    meeting = forms.ModelChoiceField(
        label=gettext_lazy("Réunion du COPIL"),
        queryset=Meeting.objects.none(),
        required=False,
        empty_label=gettext_lazy("— nouvelle réunion —"),
    )
    new_meeting_date = forms.DateField(
        label=gettext_lazy("Ou date de la nouvelle réunion"), required=False, widget=AdminDateWidget
    )
    text = forms.CharField(label=gettext_lazy("Texte de la décision"), widget=forms.Textarea)

    def __init__(self, strategy, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.strategy = strategy
        self.fields["meeting"].queryset = Meeting.objects.filter(
            strategy=strategy, kind=MeetingKind.COPIL
        ).order_by("-date")

    def clean(self):
        cleaned_data = super().clean()
        meeting, new_date = cleaned_data.get("meeting"), cleaned_data.get("new_meeting_date")
        if bool(meeting) == bool(new_date):
            raise forms.ValidationError(
                _(
                    "Choisissez une réunion existante ou indiquez la date d'une nouvelle réunion, "
                    "pas les deux."
                )
            )
        return cleaned_data

    def get_meeting(self):
        if self.cleaned_data["meeting"]:
            return self.cleaned_data["meeting"]
        return Meeting.objects.create(
            strategy=self.strategy,
            kind=MeetingKind.COPIL,
            date=self.cleaned_data["new_meeting_date"],
            title=_("Comité de pilotage"),
        )


def _keep_allowed_by_orientation(modeladmin, request, actions, to_status):
    """The actions the model's rule lets take ``to_status``; each one left out is named, with why."""
    kept = []
    for action in actions:
        refusal = orientation_refuses(to_status, action.orientation)
        if refusal:
            modeladmin.message_user(
                request,
                _("Action %(code)s laissée telle quelle : %(reason)s")
                % {"code": action.code, "reason": refusal},
                messages.ERROR,
            )
        else:
            kept.append(action)
    return kept


def _record_copil_decision(modeladmin, request, queryset, *, kind, from_statuses, to_status, title):
    """Ask for the meeting and text, then record the decision and move the selected items."""
    strategy_ids = set(queryset.values_list("strategy_id", flat=True))
    if len(strategy_ids) != 1:
        modeladmin.message_user(
            request, _("Sélectionnez des éléments d'une seule et même stratégie."), messages.ERROR
        )
        return None
    movable = queryset.filter(status__in=from_statuses).select_related("strategy")
    if kind == DecisionKind.VALIDATE_ORIENTATIONS:
        movable = list(movable)
    else:
        movable = _keep_allowed_by_orientation(
            modeladmin, request, movable.select_related("orientation"), to_status
        )
    if not movable:
        modeladmin.message_user(
            request,
            _("Aucun élément sélectionné n'est dans un statut qui permet ce changement."),
            messages.WARNING,
        )
        return None
    strategy = movable[0].strategy
    form = CopilDecisionForm(strategy, request.POST if "apply" in request.POST else None)
    if form.is_bound and form.is_valid():
        with transaction.atomic():
            meeting = form.get_meeting()
            decision = Decision.objects.create(meeting=meeting, kind=kind, text=form.cleaned_data["text"])
            related = (
                decision.orientations if kind == DecisionKind.VALIDATE_ORIENTATIONS else decision.actions
            )
            related.set(movable)
            for obj in movable:
                obj.status = to_status
                if kind == DecisionKind.VALIDATE_ORIENTATIONS:
                    obj.validated_on = meeting.date
                obj.save()
                if kind != DecisionKind.VALIDATE_ORIENTATIONS:
                    mail.action_decided(obj, decision, meeting)
        modeladmin.message_user(
            request,
            ngettext(
                "Décision enregistrée (%(meeting)s) : %(count)d élément mis à jour.",
                "Décision enregistrée (%(meeting)s) : %(count)d éléments mis à jour.",
                len(movable),
            )
            % {"meeting": meeting, "count": len(movable)},
            messages.SUCCESS,
        )
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "opts": modeladmin.model._meta,
        "strategy": strategy,
        "objects": movable,
        "skipped": queryset.count() - len(movable),
        "form": form,
        "action_name": request.POST.get("action", ""),
        "selected_ids": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "media": modeladmin.media + form.media,
    }
    return TemplateResponse(request, "admin/strategy/copil_decision.html", context)


@admin.action(description=gettext_lazy("Valider en COPIL"), permissions=["validate"])
def validate_actions(modeladmin, request, queryset):
    return _record_copil_decision(
        modeladmin,
        request,
        queryset,
        kind=DecisionKind.VALIDATE_ACTIONS,
        from_statuses=(ActionStatus.PROPOSED,),
        to_status=ActionStatus.VALIDATED,
        title=_("Valider des actions en COPIL"),
    )


@admin.action(description=gettext_lazy("Reporter (décision du COPIL)"), permissions=["validate"])
def postpone_actions(modeladmin, request, queryset):
    return _record_copil_decision(
        modeladmin,
        request,
        queryset,
        kind=DecisionKind.STOP_ACTIONS,
        from_statuses=(ActionStatus.PROPOSED, ActionStatus.VALIDATED, ActionStatus.IN_PROGRESS),
        to_status=ActionStatus.POSTPONED,
        title=_("Reporter des actions"),
    )


@admin.action(description=gettext_lazy("Abandonner (décision du COPIL)"), permissions=["validate"])
def abandon_actions(modeladmin, request, queryset):
    return _record_copil_decision(
        modeladmin,
        request,
        queryset,
        kind=DecisionKind.STOP_ACTIONS,
        from_statuses=(
            ActionStatus.PROPOSED,
            ActionStatus.VALIDATED,
            ActionStatus.IN_PROGRESS,
            ActionStatus.POSTPONED,
        ),
        to_status=ActionStatus.ABANDONED,
        title=_("Abandonner des actions"),
    )


@admin.action(description=gettext_lazy("Valider les orientations en COPIL"), permissions=["validate"])
def validate_orientations(modeladmin, request, queryset):
    return _record_copil_decision(
        modeladmin,
        request,
        queryset,
        kind=DecisionKind.VALIDATE_ORIENTATIONS,
        from_statuses=(OrientationStatus.PROPOSED,),
        to_status=OrientationStatus.VALIDATED,
        title=_("Valider des orientations en COPIL"),
    )


def _move_strategies(modeladmin, request, queryset, from_status, to_status):
    moved = 0
    for strategy in queryset.filter(status=from_status):
        strategy.status = to_status
        strategy.save()
        moved += 1
    skipped = queryset.count() - moved
    modeladmin.message_user(
        request,
        _("%(moved)d stratégie(s) passée(s) au statut « %(status)s ».")
        % {"moved": moved, "status": StrategyStatus(to_status).label},
        messages.SUCCESS if moved else messages.WARNING,
    )
    if skipped:
        modeladmin.message_user(
            request,
            _(
                "%(skipped)d stratégie(s) laissée(s) telle(s) quelle(s) : "
                "elles n'étaient pas au statut « %(status)s »."
            )
            % {"skipped": skipped, "status": StrategyStatus(from_status).label},
            messages.WARNING,
        )


@admin.action(description=gettext_lazy("Ouvrir la concertation"), permissions=["workflow"])
def open_consultation(modeladmin, request, queryset):
    _move_strategies(modeladmin, request, queryset, StrategyStatus.DRAFT, StrategyStatus.CONSULTATION)


@admin.action(description=gettext_lazy("Adopter la stratégie"), permissions=["workflow"])
def adopt_strategy(modeladmin, request, queryset):
    _move_strategies(modeladmin, request, queryset, StrategyStatus.CONSULTATION, StrategyStatus.ADOPTED)


@admin.action(description=gettext_lazy("Clôturer la stratégie"), permissions=["workflow"])
def close_strategy(modeladmin, request, queryset):
    _move_strategies(modeladmin, request, queryset, StrategyStatus.ADOPTED, StrategyStatus.CLOSED)
