"""Admin of the actions (fiches actions), their partners, milestones and budget lines."""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actors.models import Contact
from shared.admin import (
    FRENCH_NUMBER_FIELDS,
    CachedChoicesInlineMixin,
    CiteduHistoryAdmin,
    HiddenRowsAre404Mixin,
    ParentScopedInlineMixin,
)
from shared.concurrency import ConcurrentEditAdminMixin
from shared.formatting import euros
from strategy import perms
from strategy.admin import workflow
from strategy.admin.base import PilotRowsMixin, budget_table
from strategy.admin.beneficiaries import ActionBeneficiariesInline
from strategy.budget_resources import BudgetLineResource
from strategy.import_admin import ActionImportExportMixin, BudgetLineImportExportMixin
from strategy.models import Action, ActionPartner, BudgetLine, Milestone


class ActionPartnerInline(ParentScopedInlineMixin, CachedChoicesInlineMixin, admin.TabularInline):
    model = ActionPartner
    fields = ["organisation", "role"]
    # A select of every organisation per row weighed megabytes at 2,000 organisations.
    autocomplete_fields = ["organisation"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation")


class BudgetLineInline(
    ConcurrentEditAdminMixin, ParentScopedInlineMixin, CachedChoicesInlineMixin, admin.TabularInline
):
    formfield_overrides = FRENCH_NUMBER_FIELDS
    model = BudgetLine
    fields = [
        "year",
        "funder",
        "source",
        "source_detail",
        "planned_amount",
        "notified_amount",
        "executed_amount",
        "stage",
        "file_reference",
    ]
    autocomplete_fields = ["funder"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("action", "funder")


class MilestoneInline(
    ConcurrentEditAdminMixin, ParentScopedInlineMixin, CachedChoicesInlineMixin, admin.TabularInline
):
    """The action's milestones (jalons), entered by its pilot; internal ones stay off the portal."""

    model = Milestone
    fields = ["title", "planned_date", "done_date", "is_public"]
    # A milestone's title is a sentence: wide enough to read it whole.
    formfield_overrides = {models.CharField: {"widget": forms.TextInput(attrs={"size": 60})}}
    extra = 0

    def get_queryset(self, request):
        # The row rule of strategy.perms on top of the parent's: one place decides, every door asks.
        rows = perms.milestones_editable_by(request.user).values("pk")
        queryset = super().get_queryset(request).select_related("action")
        if perms.is_restricted_pilot(request.user):
            queryset = queryset.filter(pk__in=rows)
        return queryset


class LateFilter(admin.SimpleListFilter):
    """« En retard » by the one rule (``ActionQuerySet.late``)."""

    title = _("retard")
    parameter_name = "retard"

    def lookups(self, request, model_admin):
        return [("1", _("En retard")), ("0", _("Pas en retard"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(is_late_today=True)
        if self.value() == "0":
            return queryset.filter(is_late_today=False)
        return queryset


@admin.register(Action)
class ActionAdmin(
    HiddenRowsAre404Mixin,
    PilotRowsMixin,
    ActionImportExportMixin,
    ConcurrentEditAdminMixin,
    CiteduHistoryAdmin,
):
    formfield_overrides = FRENCH_NUMBER_FIELDS
    pilot_rows = staticmethod(perms.actions_editable_by)
    list_display = [
        "code",
        "title",
        "strategy",
        "axis",
        "pilot",
        "status",
        "is_late",
        "progress",
        "planned_total",
    ]
    list_display_links = ["code", "title"]
    list_filter = ["status", LateFilter, "strategy", "axis__number", "pilot"]
    list_select_related = ["strategy", "axis", "pilot"]
    search_fields = ["code", "title", "summary", "pilot__name", "pilot__short_name"]
    autocomplete_fields = [
        "strategy",
        "axis",
        "orientation",
        "pilot",
        "pilot_contact",
        "audiences",
        "neighbourhoods",
        "sectors",
    ]
    inlines = [ActionPartnerInline, MilestoneInline, BudgetLineInline, ActionBeneficiariesInline]
    actions = [workflow.validate_actions, workflow.postpone_actions, workflow.abandon_actions]
    fieldsets = [
        (None, {"fields": ["strategy", "axis", "orientation", "code", "slug", "title"]}),
        (_("Contenu"), {"fields": ["summary", "description"]}),
        (
            _("Pilotage"),
            {"fields": ["pilot", "pilot_contact", "status", "progress", "start_date", "end_date"]},
        ),
        (_("Publics et territoires"), {"fields": ["audiences", "neighbourhoods", "sectors"]}),
        # What the public page shows families under « Participer », each line only when filled.
        (_("Participer : pour les familles"), {"fields": ["who_may_come", "cost", "how_to_join"]}),
        (_("Financements"), {"fields": ["budget_by_funder_and_year"]}),
        (_("Suivi"), {"fields": ["created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .with_budget_totals()
            .with_lateness(timezone.localdate())
            .order_by(*Action._meta.ordering)
        )

    @admin.display(description=_("en retard"), boolean=True, ordering="is_late_today")
    def is_late(self, obj):
        return obj.is_late_today

    @admin.display(description=_("prévu"), ordering="planned_total")
    def planned_total(self, obj):
        return euros(obj.planned_total)

    @admin.display(description=_("budget par financeur et par année (prévu / réalisé)"))
    def budget_by_funder_and_year(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        return budget_table(obj.budget_lines.totals_by_funder_and_year())

    def get_readonly_fields(self, request, obj=None):
        fields = ["budget_by_funder_and_year", "created_at", "updated_at"]
        return fields + list(perms.locked_action_fields(request.user))

    def has_change_permission(self, request, obj=None):
        # The steering committee validates through the workflow actions; it does not rewrite fiches.
        if not (perms.edits_everything(request.user) or perms.is_restricted_pilot(request.user)):
            return False
        return super().has_change_permission(request, obj)

    def has_validate_permission(self, request):
        return perms.can_validate(request.user)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if "status" in form.base_fields:
            form.base_fields["status"].choices = perms.status_choices_for(request.user, obj)
        return form

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "pilot_contact" and perms.is_restricted_pilot(request.user):
            kwargs["queryset"] = Contact.objects.filter(organisation_id=perms.organisation_of(request.user))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(ActionPartner)
class ActionPartnerAdmin(HiddenRowsAre404Mixin, PilotRowsMixin, admin.ModelAdmin):
    pilot_rows = staticmethod(
        lambda user: ActionPartner.objects.filter(action__in=perms.actions_editable_by(user))
    )
    list_display = ["organisation", "role", "action"]
    list_filter = ["role", "action__strategy"]
    list_select_related = ["organisation", "action"]
    search_fields = ["organisation__name", "action__code", "action__title"]
    autocomplete_fields = ["action", "organisation"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "action" and perms.is_restricted_pilot(request.user):
            kwargs["queryset"] = perms.actions_editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(BudgetLine)
class BudgetLineAdmin(
    HiddenRowsAre404Mixin,
    PilotRowsMixin,
    BudgetLineImportExportMixin,
    ConcurrentEditAdminMixin,
    CiteduHistoryAdmin,
):
    formfield_overrides = FRENCH_NUMBER_FIELDS
    pilot_rows = staticmethod(perms.budget_lines_editable_by)
    # The columns of the funding table, in its order: the list reads like the spreadsheet.
    list_display = list(BudgetLineResource.Meta.fields)
    list_filter = ["year", "source", "stage", "action__strategy", "funder"]
    list_select_related = ["action", "funder"]
    search_fields = ["action__code", "action__title", "funder__name", "source_detail", "file_reference"]
    autocomplete_fields = ["action", "funder"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "action" and perms.is_restricted_pilot(request.user):
            kwargs["queryset"] = perms.actions_editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
