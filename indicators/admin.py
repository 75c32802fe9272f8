"""Admin of the indicators and their measurements."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Max
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from indicators import mail
from indicators import perms as indicator_perms
from indicators.enums import MeasurementStatus, Sex
from indicators.import_admin import MeasurementImportExportMixin
from indicators.models import BREAKDOWN_FIELDS, Indicator, Measurement
from shared.admin import (
    FRENCH_NUMBER_FIELDS,
    CachedChoicesInlineMixin,
    CiteduHistoryAdmin,
    HiddenRowsAre404Mixin,
    ParentScopedInlineMixin,
)
from shared.concurrency import ConcurrentEditAdminMixin
from strategy import perms
from strategy.admin.base import PilotRowsMixin


class MeasurementFormSet(forms.BaseInlineFormSet):
    """The values of one indicator: two rows of the form for the same period and breakdown are
    refused in French before the database sees them (each row alone passes the model's rule)."""

    def clean(self):
        super().clean()
        if any(form.errors for form in self.forms):
            return
        seen = set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", {})
            if not data or data.get("DELETE") or not data.get("period"):
                continue
            key = (
                data["period"],
                getattr(data.get("neighbourhood"), "pk", None),
                getattr(data.get("audience"), "pk", None),
                data.get("sex") or Sex.ALL,
            )
            if key in seen:
                raise forms.ValidationError(
                    gettext(
                        "Deux lignes portent sur la même période (%(period)s), le même quartier, "
                        "le même public et le même sexe : n'en garder qu'une."
                    )
                    % {"period": data["period"]},
                    code="duplicate_breakdown",
                )
            seen.add(key)


class MeasurementInline(
    ConcurrentEditAdminMixin, ParentScopedInlineMixin, CachedChoicesInlineMixin, admin.TabularInline
):
    formfield_overrides = FRENCH_NUMBER_FIELDS
    model = Measurement
    formset = MeasurementFormSet
    fields = ["period", *BREAKDOWN_FIELDS, "value", "rating", "comment", "source_note"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("indicator", "neighbourhood", "audience")


@admin.register(Indicator)
class IndicatorAdmin(HiddenRowsAre404Mixin, ConcurrentEditAdminMixin, CiteduHistoryAdmin):
    formfield_overrides = FRENCH_NUMBER_FIELDS
    list_display = [
        "code",
        "name",
        "strategy",
        "kind",
        "frequency",
        "is_public",
        "is_core",
        "measurement_count",
        "last_period",
    ]
    list_display_links = ["code", "name"]
    list_filter = ["is_core", "is_public", "kind", "frequency", "strategy"]
    list_select_related = ["strategy"]
    search_fields = ["code", "name", "definition"]
    autocomplete_fields = ["strategy", "source", "orientations", "actions"]
    prepopulated_fields = {"slug": ["code"]}
    inlines = [MeasurementInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(measurement_count=Count("measurements"), last_period=Max("measurements__period"))
            .order_by(*Indicator._meta.ordering)
        )

    @admin.display(description=_("mesures"), ordering="measurement_count")
    def measurement_count(self, obj):
        return obj.measurement_count

    @admin.display(description=_("dernière période"), ordering="last_period")
    def last_period(self, obj):
        return obj.last_period or "—"

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        # A pilot picking the indicator of a measurement is offered only the ones they may fill.
        if request.GET.get("field_name") == "indicator" and perms.is_restricted_pilot(request.user):
            queryset = queryset.filter(
                pk__in=indicator_perms.indicators_editable_by(request.user).values("pk")
            )
        return queryset, may_have_duplicates

    def save_formset(self, request, form, formset, change):
        entered = []
        for measurement in formset.save(commit=False):
            measurement.record_entry(
                request.user, indicator_perms.status_of_entry(request.user, measurement.indicator)
            )
            measurement.save()
            entered.append(measurement)
        for measurement in formset.deleted_objects:
            measurement.delete()
        formset.save_m2m()
        # One mail for the whole form, however many values wait.
        mail.measurements_waiting(entered, request.user)


@admin.register(Measurement)
class MeasurementAdmin(
    HiddenRowsAre404Mixin,
    PilotRowsMixin,
    MeasurementImportExportMixin,
    ConcurrentEditAdminMixin,
    CiteduHistoryAdmin,
):
    formfield_overrides = FRENCH_NUMBER_FIELDS
    pilot_rows = staticmethod(indicator_perms.measurements_editable_by)
    list_display = [
        "indicator",
        "period",
        *BREAKDOWN_FIELDS,
        "value",
        "rating",
        "status",
        "entered_by",
        "entered_at",
    ]
    list_filter = ["status", "period", "indicator__strategy", "neighbourhood", "audience", "sex"]
    list_select_related = ["indicator", "neighbourhood", "audience", "entered_by"]
    search_fields = ["indicator__code", "indicator__name", "period", "comment"]
    autocomplete_fields = ["indicator", "neighbourhood", "audience"]
    readonly_fields = ["entered_by", "entered_at", "status", "validated_by", "validated_at"]
    actions = ["validate_measurements", "refuse_measurements"]

    def has_review_permission(self, request):
        return indicator_perms.measurements_validatable_by(request.user).exists()

    def _review(self, request, queryset, status):
        allowed = indicator_perms.measurements_validatable_by(request.user)
        waiting = list(queryset.pending().filter(pk__in=allowed.values("pk")))
        for measurement in waiting:
            measurement.review(request.user, status)
        skipped = queryset.count() - len(waiting)
        label = MeasurementStatus(status).label.lower()
        self.message_user(
            request,
            ngettext(
                "%(count)d mesure passée à l'état « %(label)s ».",
                "%(count)d mesures passées à l'état « %(label)s ».",
                len(waiting),
            )
            % {"count": len(waiting), "label": label},
            messages.SUCCESS if waiting else messages.WARNING,
        )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d mesure laissée telle quelle : elle n'attendait pas de validation "
                    "ou vous ne pouvez pas la valider.",
                    "%(count)d mesures laissées telles quelles : elles n'attendaient pas de validation "
                    "ou vous ne pouvez pas les valider.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )

    @admin.action(description=_("Valider"), permissions=["review"])
    def validate_measurements(self, request, queryset):
        self._review(request, queryset, MeasurementStatus.VALIDATED)

    @admin.action(description=_("Refuser"), permissions=["review"])
    def refuse_measurements(self, request, queryset):
        self._review(request, queryset, MeasurementStatus.REFUSED)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "indicator" and perms.is_restricted_pilot(request.user):
            kwargs["queryset"] = indicator_perms.indicators_editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        obj.record_entry(request.user, indicator_perms.status_of_entry(request.user, obj.indicator))
        super().save_model(request, obj, form, change)
        mail.measurements_waiting([obj], request.user)
