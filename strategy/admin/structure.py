"""Admin of the territory, the strategy and its tree of axes, orientations and signatories."""

from django.contrib import admin, messages
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from shared.admin import (
    FRENCH_NUMBER_FIELDS,
    CachedChoicesInlineMixin,
    CiteduHistoryAdmin,
    HiddenRowsAre404Mixin,
    ParentScopedInlineMixin,
)
from shared.concurrency import ConcurrentEditAdminMixin
from strategy import cofunding_warnings, perms
from strategy.admin import workflow
from strategy.admin.base import budget_table
from strategy.models import Audience, Axis, BudgetLine, Orientation, Signatory, Strategy


@admin.register(Audience)
class AudienceAdmin(HiddenRowsAre404Mixin, admin.ModelAdmin):
    formfield_overrides = FRENCH_NUMBER_FIELDS
    list_display = ["name", "code", "order"]
    search_fields = ["name", "code"]


class AxisInline(
    ConcurrentEditAdminMixin, ParentScopedInlineMixin, CachedChoicesInlineMixin, admin.TabularInline
):
    formfield_overrides = FRENCH_NUMBER_FIELDS
    model = Axis
    fields = ["number", "title"]
    extra = 0


class OrientationInline(
    ConcurrentEditAdminMixin, ParentScopedInlineMixin, CachedChoicesInlineMixin, admin.TabularInline
):
    formfield_overrides = FRENCH_NUMBER_FIELDS
    model = Orientation
    fields = ["number", "title", "axis", "status", "validated_on"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("axis")


class SignatoryInline(ParentScopedInlineMixin, CachedChoicesInlineMixin, admin.TabularInline):
    formfield_overrides = FRENCH_NUMBER_FIELDS
    model = Signatory
    fields = ["order", "organisation", "representative", "representative_title"]
    autocomplete_fields = ["organisation"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation")


@admin.register(Strategy)
class StrategyAdmin(HiddenRowsAre404Mixin, ConcurrentEditAdminMixin, CiteduHistoryAdmin):
    # The co-funding ratio is typed the French way (« 0,5 »).
    formfield_overrides = FRENCH_NUMBER_FIELDS
    list_display = ["title", "territory", "kind", "status", "start_date", "end_date", "action_count"]
    list_filter = ["status", "kind", "territory"]
    list_select_related = ["territory"]
    search_fields = ["title", "slug", "territory__name"]
    autocomplete_fields = ["territory"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [AxisInline, OrientationInline, SignatoryInline]
    actions = [workflow.open_consultation, workflow.adopt_strategy, workflow.close_strategy]
    fieldsets = [
        (None, {"fields": ["territory", "kind", "title", "slug", "status", "start_date", "end_date"]}),
        (
            _("Textes"),
            {"fields": ["summary", "introduction", "governance", "co_construction"]},
        ),
        (
            _("Suivi et financement"),
            {
                "fields": ["progress_method", "cofunding_ratio"],
                "description": _(
                    "Comment l'avancement des actions se résume (sur le portail et dans les documents), "
                    "et la part de la commune attendue pour chaque euro de l'État."
                ),
            },
        ),
        (_("Financements"), {"fields": ["budget_totals_table"]}),
        (_("Suivi"), {"fields": ["created_at", "updated_at"]}),
    ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            strategy = self.get_object(request, object_id)
            if strategy is not None:
                # Said on every opening of the page, not stored: it disappears once the year is met.
                for warning in cofunding_warnings.warnings(strategy):
                    messages.warning(request, warning)
        return super().change_view(request, object_id, form_url, extra_context)

    def get_readonly_fields(self, request, obj=None):
        fields = ["budget_totals_table", "created_at", "updated_at"]
        if obj is not None:
            # The status moves through the workflow actions, which say what they did.
            fields.append("status")
        return fields

    def get_queryset(self, request):
        queryset = super().get_queryset(request).annotate(action_count=Count("actions"))
        return queryset.order_by(*Strategy._meta.ordering)

    @admin.display(description=_("actions"), ordering="action_count")
    def action_count(self, obj):
        return obj.action_count

    @admin.display(description=_("budget par financeur et par année"))
    def budget_totals_table(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        return budget_table(BudgetLine.objects.filter(action__strategy=obj).totals_by_funder_and_year())

    def has_workflow_permission(self, request):
        return perms.edits_everything(request.user) and self.has_change_permission(request)


@admin.register(Axis)
class AxisAdmin(HiddenRowsAre404Mixin, ConcurrentEditAdminMixin, CiteduHistoryAdmin):
    formfield_overrides = FRENCH_NUMBER_FIELDS
    list_display = ["__str__", "strategy", "number"]
    list_filter = ["strategy"]
    list_select_related = ["strategy"]
    search_fields = ["title", "strategy__title"]
    autocomplete_fields = ["strategy"]


@admin.register(Orientation)
class OrientationAdmin(HiddenRowsAre404Mixin, ConcurrentEditAdminMixin, CiteduHistoryAdmin):
    formfield_overrides = FRENCH_NUMBER_FIELDS
    list_display = ["__str__", "strategy", "axis", "status", "validated_on"]
    list_filter = ["status", "strategy"]
    list_select_related = ["strategy", "axis"]
    search_fields = ["title", "description", "strategy__title"]
    autocomplete_fields = ["strategy", "axis"]
    actions = [workflow.validate_orientations]

    def has_change_permission(self, request, obj=None):
        # The COPIL validates orientations through the action, it does not rewrite them.
        return perms.edits_everything(request.user) and super().has_change_permission(request, obj)

    def has_validate_permission(self, request):
        return perms.can_validate(request.user)


@admin.register(Signatory)
class SignatoryAdmin(HiddenRowsAre404Mixin, admin.ModelAdmin):
    formfield_overrides = FRENCH_NUMBER_FIELDS
    list_display = ["organisation", "representative", "representative_title", "strategy", "order"]
    list_filter = ["strategy"]
    list_select_related = ["organisation", "strategy"]
    search_fields = ["representative", "organisation__name", "strategy__title"]
    autocomplete_fields = ["strategy", "organisation"]
