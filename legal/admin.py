"""Admin of the legal pages: the two site-wide records open straight on their one row."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from legal.models import SINGLETON_PK, AccessibilityStatement, LegalNotice, ProcessingRecord
from legal.validators import normalise_siret
from shared.admin import FRENCH_NUMBER_FIELDS, HiddenRowsAre404Mixin


class SiteWideRecordAdmin(HiddenRowsAre404Mixin, admin.ModelAdmin):
    """One row, created the first time it is opened, never added nor deleted."""

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        opts = self.model._meta
        return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[SINGLETON_PK]))

    def get_object(self, request, object_id, from_field=None):
        if from_field is None and str(object_id) == str(SINGLETON_PK):
            # Created only for who may change it: anyone else is refused without writing anything.
            if not self.has_change_permission(request):
                return self.model.load()
            return self.model.load_for_editing()
        return super().get_object(request, object_id, from_field)


NOTICE_FIELDSETS = [
    (
        _("Éditeur"),
        {
            "fields": [
                "publisher_name",
                "publisher_address",
                "publisher_siret",
                "publisher_phone",
                "publisher_email",
                "publication_director",
            ]
        },
    ),
    (_("Hébergeur"), {"fields": ["host_name", "host_address", "host_phone"]}),
    (
        _("Délégué ou déléguée à la protection des données"),
        {"fields": ["dpo_name", "dpo_organisation", "dpo_email", "dpo_postal_address"]},
    ),
    (_("Cookies"), {"fields": ["cookies_text"]}),
]


class SiretField(forms.CharField):
    """A SIRET typed with the spaces that group its digits (« 219 900 001 00013 »), kept without."""

    def to_python(self, value):
        return normalise_siret(super().to_python(value))


class LegalNoticeForm(forms.ModelForm):
    publisher_siret = SiretField(
        label=_("numéro SIRET de l'éditeur"),
        required=False,
        max_length=20,
        help_text=LegalNotice._meta.get_field("publisher_siret").help_text,
    )

    class Meta:
        model = LegalNotice
        fields = [name for _title, options in NOTICE_FIELDSETS for name in options["fields"]]


@admin.register(LegalNotice)
class LegalNoticeAdmin(SiteWideRecordAdmin):
    form = LegalNoticeForm
    fieldsets = NOTICE_FIELDSETS


@admin.register(AccessibilityStatement)
class AccessibilityStatementAdmin(SiteWideRecordAdmin):
    formfield_overrides = {**FRENCH_NUMBER_FIELDS, models.URLField: {"assume_scheme": "https"}}
    readonly_fields = ["status_display"]
    fieldsets = [
        (
            _("Audit"),
            {
                "fields": ["status_display", "audit_date", "compliance_rate", "audited_by"],
                "description": _(
                    "Le portail est « non conforme » tant qu'un audit n'a pas de date et de taux ; "
                    "ensuite « partiellement conforme » à partir de 50 % et « totalement conforme » à 100 %."
                ),
            },
        ),
        (
            _("Établissement de cette déclaration"),
            {"fields": ["statement_date", "pages_sample", "assistive_technologies", "tools_used"]},
        ),
        (
            _("Contenus non accessibles"),
            {"fields": ["non_conformities", "derogations", "out_of_scope"]},
        ),
        (_("Espace d'administration"), {"fields": ["back_office_in_scope", "back_office_text"]}),
        (
            _("Amélioration et contact"),
            {
                "fields": [
                    "multi_year_plan",
                    "multi_year_plan_url",
                    "action_plan",
                    "contact_email",
                    "contact_form_url",
                    "contact_postal_address",
                ]
            },
        ),
    ]

    @admin.display(description=_("état de conformité"))
    def status_display(self, obj):
        return obj.status_label


@admin.register(ProcessingRecord)
class ProcessingRecordAdmin(HiddenRowsAre404Mixin, admin.ModelAdmin):
    list_display = ["name", "legal_basis", "position"]
    list_editable = ["position"]
    fields = [
        "name",
        "purpose",
        "legal_basis",
        "data_subjects",
        "data_categories",
        "recipients",
        "retention",
        "rights",
        "position",
    ]
