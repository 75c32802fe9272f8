"""Admin of the co-construction record: workshops, diagnosis, COPIL meetings, contributions."""

from django.contrib import admin
from django.db.models import Count
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from shared.admin import (
    FRENCH_NUMBER_FIELDS,
    CachedChoicesInlineMixin,
    HiddenRowsAre404Mixin,
    ParentScopedInlineMixin,
)
from shared.concurrency import ConcurrentEditAdminMixin
from strategy import mail
from strategy.enums import ContributionStatus
from strategy.models import Contribution, Decision, Meeting, SwotItem, Workshop


class SwotItemInline(
    ConcurrentEditAdminMixin, ParentScopedInlineMixin, CachedChoicesInlineMixin, admin.TabularInline
):
    formfield_overrides = FRENCH_NUMBER_FIELDS
    model = SwotItem
    fields = ["kind", "axis", "text", "order"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("axis")


@admin.register(Workshop)
class WorkshopAdmin(HiddenRowsAre404Mixin, ConcurrentEditAdminMixin, admin.ModelAdmin):
    formfield_overrides = FRENCH_NUMBER_FIELDS
    list_display = ["title", "kind", "phase", "date", "strategy", "axis", "participants_count", "swot_count"]
    list_filter = ["kind", "strategy"]
    list_select_related = ["strategy", "axis"]
    search_fields = ["title", "phase", "objectives", "outcomes"]
    autocomplete_fields = ["strategy", "axis", "organisations"]
    inlines = [SwotItemInline]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).annotate(swot_count=Count("swot_items"))
        return queryset.order_by(*Workshop._meta.ordering)

    @admin.display(description=_("éléments du diagnostic"), ordering="swot_count")
    def swot_count(self, obj):
        return obj.swot_count

    def save_formset(self, request, form, formset, change):
        # Diagnosis lines written in a workshop belong to the workshop's strategy.
        for item in formset.save(commit=False):
            item.strategy_id = form.instance.strategy_id
            item.save()
        for item in formset.deleted_objects:
            item.delete()
        formset.save_m2m()


@admin.register(SwotItem)
class SwotItemAdmin(HiddenRowsAre404Mixin, ConcurrentEditAdminMixin, admin.ModelAdmin):
    formfield_overrides = FRENCH_NUMBER_FIELDS
    list_display = ["short_text", "kind", "axis", "strategy", "workshop", "order"]
    list_filter = ["kind", "strategy"]
    list_select_related = ["axis", "strategy", "workshop"]
    search_fields = ["text"]
    autocomplete_fields = ["strategy", "axis", "workshop"]

    @admin.display(description=_("constat"), ordering="text")
    def short_text(self, obj):
        return Truncator(obj.text).chars(80)


class DecisionInline(
    ConcurrentEditAdminMixin, ParentScopedInlineMixin, CachedChoicesInlineMixin, admin.StackedInline
):
    model = Decision
    fields = ["kind", "text"]
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("meeting")


@admin.register(Meeting)
class MeetingAdmin(HiddenRowsAre404Mixin, ConcurrentEditAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "title", "kind", "date", "strategy", "decision_count"]
    list_filter = ["kind", "strategy"]
    list_select_related = ["strategy"]
    search_fields = ["title", "location", "minutes", "strategy__title"]
    autocomplete_fields = ["strategy"]
    inlines = [DecisionInline]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).annotate(decision_count=Count("decisions"))
        return queryset.order_by(*Meeting._meta.ordering)

    @admin.display(description=_("décisions"), ordering="decision_count")
    def decision_count(self, obj):
        return obj.decision_count


@admin.register(Decision)
class DecisionAdmin(HiddenRowsAre404Mixin, ConcurrentEditAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "short_text", "kind", "meeting", "strategy"]
    list_filter = ["kind", "meeting__strategy"]
    list_select_related = ["meeting__strategy"]
    search_fields = ["text", "meeting__title"]
    autocomplete_fields = ["meeting", "orientations", "actions"]

    @admin.display(description=_("décision"), ordering="text")
    def short_text(self, obj):
        return Truncator(obj.text).chars(80)

    @admin.display(description=_("stratégie"), ordering="meeting__strategy__title")
    def strategy(self, obj):
        return obj.meeting.strategy


@admin.register(Contribution)
class ContributionAdmin(HiddenRowsAre404Mixin, ConcurrentEditAdminMixin, admin.ModelAdmin):
    list_display = ["short_body", "strategy", "orientation", "action", "author", "status", "created_at"]
    list_filter = [
        "status",
        "strategy",
        ("orientation", admin.RelatedOnlyFieldListFilter),
        ("action", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["strategy", "orientation", "action", "author"]
    search_fields = ["body", "answer", "author__username", "author__last_name"]
    autocomplete_fields = ["strategy", "orientation", "action"]
    readonly_fields = ["author", "created_at", "answered_by", "answered_at"]
    fields = [
        "strategy",
        "orientation",
        "action",
        "author",
        "created_at",
        "body",
        "status",
        "answer",
        "answered_by",
        "answered_at",
    ]

    @admin.display(description=_("contribution"), ordering="body")
    def short_body(self, obj):
        return Truncator(obj.body).chars(80)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
        answering = {"answer", "status"} & set(form.changed_data)
        answered = bool(answering) and (bool(obj.answer) or obj.status != ContributionStatus.OPEN)
        if answered:
            obj.answered_by = request.user
            obj.answered_at = timezone.now()
        super().save_model(request, obj, form, change)
        if answered and change and obj.author_id != request.user.pk:
            mail.contribution_answered(obj)
