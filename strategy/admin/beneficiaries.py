"""Admin of the beneficiaries: per year on the action's page, by audience on the year's own page.

A breakdown nested two levels deep (action → year → audience) does not fit the admin's inlines, so
the action's change form edits the yearly rows (total, by sex, by neighbourhood) in a tabular
inline and links each year to its own page, where the breakdown by audience is an inline of its
own. Both pages ask the same rules: the rows a pilot may change (``strategy.perms``), the sum
across audiences (``ActionBeneficiaries.refused_audience_counts``), and the version each editor
started from (``shared.concurrency``).
"""

from django import forms
from django.contrib import admin
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from shared.admin import (
    FRENCH_NUMBER_FIELDS,
    CachedChoicesInlineMixin,
    CiteduHistoryAdmin,
    HiddenRowsAre404Mixin,
    ParentScopedInlineMixin,
)
from shared.concurrency import TOKEN, ConcurrentEditAdminMixin, ConcurrentEditForm, version_field
from strategy import perms
from strategy.admin.base import PilotRowsMixin
from strategy.import_admin import BeneficiariesImportExportMixin
from strategy.models import ActionBeneficiaries, BeneficiariesByAudience

YEAR_FIELDS = ["year", "total", "girls", "boys", "sex_unknown", "in_priority_area", "outside_priority_area"]


def audience_breakdown(beneficiaries):
    """« Maternelle (3-6 ans) : 12 ; Élémentaire (6-11 ans) : 30 », or « — » when not known."""
    if beneficiaries is None or beneficiaries.pk is None:
        return "—"
    counts = beneficiaries.audience_counts()
    return " ; ".join(f"{audience.display_name} : {count}" for audience, count in counts) or "—"


class YearBeneficiariesForm(ConcurrentEditForm):
    """A year's counts; a new total may not fall below the breakdown by audience already saved."""

    def clean(self):
        cleaned_data = super().clean()
        total = cleaned_data.get("total")
        if self.instance.pk is not None and total is not None and "total" in self.changed_data:
            counts = {row.audience_id: row.count for row in self.instance.by_audience.all()}
            refusal = ActionBeneficiaries(total=total).refused_audience_counts(counts)
            if refusal:
                self.add_error("total", refusal)
        return cleaned_data


class ActionBeneficiariesInline(
    ConcurrentEditAdminMixin, ParentScopedInlineMixin, CachedChoicesInlineMixin, admin.TabularInline
):
    """On the action's page: one row per year; « Modifier » opens the year's breakdown by audience."""

    model = ActionBeneficiaries
    form = YearBeneficiariesForm
    formfield_overrides = FRENCH_NUMBER_FIELDS
    fields = [*YEAR_FIELDS, "by_audience_summary"]
    readonly_fields = ["by_audience_summary"]
    show_change_link = True
    extra = 0

    def get_queryset(self, request):
        return (
            super().get_queryset(request).select_related("action").prefetch_related("by_audience__audience")
        )

    @admin.display(description=gettext_lazy("par public"))
    def by_audience_summary(self, obj):
        return audience_breakdown(obj)


class AudienceCountsFormSet(forms.BaseInlineFormSet):
    """The breakdown by audience of one year: its sum within the year's total, its version checked.

    The year's form has already set the total being saved on ``self.instance``; a breakdown saved by
    someone else since the page was opened is refused like a change form (the year's version moves
    whenever its breakdown is saved: ``ActionBeneficiariesAdmin.save_related``).
    """

    def clean(self):
        super().clean()
        if any(form.errors for form in self.forms):
            return
        counts = {}
        for form in self.forms:
            data = getattr(form, "cleaned_data", {})
            if not data or data.get("DELETE") or data.get("audience") is None:
                continue
            counts[data["audience"].pk] = data.get("count") or 0
        refusal = self.instance.refused_audience_counts(counts)
        if refusal:
            raise forms.ValidationError(refusal, code="audiences_over_total")
        if self.instance.pk is not None and self.has_changed():
            loaded_at = parse_datetime(self.data.get(TOKEN) or "")
            saved = (
                ActionBeneficiaries.objects.filter(pk=self.instance.pk)
                .values_list(version_field(ActionBeneficiaries), flat=True)
                .first()
            )
            if loaded_at is None or (saved is not None and loaded_at != saved):
                raise forms.ValidationError(
                    _(
                        "Les bénéficiaires par public de cette année ont été enregistrés par quelqu'un "
                        "d'autre pendant que vous les modifiiez : rien n'a été enregistré. Rechargez la "
                        "page pour repartir de la dernière version, puis refaites vos modifications."
                    ),
                    code="concurrent_edit",
                )


class BeneficiariesByAudienceInline(ParentScopedInlineMixin, CachedChoicesInlineMixin, admin.TabularInline):
    model = BeneficiariesByAudience
    formset = AudienceCountsFormSet
    formfield_overrides = FRENCH_NUMBER_FIELDS
    fields = ["audience", "count"]
    extra = 1

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("audience")


@admin.register(ActionBeneficiaries)
class ActionBeneficiariesAdmin(
    HiddenRowsAre404Mixin,
    PilotRowsMixin,
    BeneficiariesImportExportMixin,
    ConcurrentEditAdminMixin,
    CiteduHistoryAdmin,
):
    formfield_overrides = FRENCH_NUMBER_FIELDS
    form = YearBeneficiariesForm
    pilot_rows = staticmethod(perms.beneficiaries_editable_by)
    list_display = ["action", "year", "total", "girls", "boys", "in_priority_area", "by_audience_summary"]
    list_filter = ["year", "action__strategy"]
    list_select_related = ["action"]
    search_fields = ["action__code", "action__title"]
    autocomplete_fields = ["action"]
    inlines = [BeneficiariesByAudienceInline]
    fieldsets = [
        (None, {"fields": ["action", "year", "total"]}),
        (gettext_lazy("Par sexe"), {"fields": ["girls", "boys", "sex_unknown"]}),
        (gettext_lazy("Par quartier"), {"fields": ["in_priority_area", "outside_priority_area"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("by_audience__audience")

    @admin.display(description=gettext_lazy("par public"))
    def by_audience_summary(self, obj):
        return audience_breakdown(obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "action" and perms.is_restricted_pilot(request.user):
            kwargs["queryset"] = perms.actions_editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if any(formset.has_changed() for formset in formsets) and not form.has_changed():
            # The breakdown changed but not the year's row: move its version all the same, so that a
            # page opened before this save cannot write its old breakdown back.
            form.instance.save(update_fields=["updated_at"])
