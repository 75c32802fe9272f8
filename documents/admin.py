"""Frozen versions in the back office: created by freezing, then never altered nor deleted."""

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from documents import signature_wording
from documents.models import StrategyVersion
from documents.tasks_signatures import check_signed_copy
from documents.versions import freeze_strategy, may_freeze
from shared.admin import FRENCH_NUMBER_FIELDS
from strategy.models import Strategy


class FreezeForm(forms.ModelForm):
    """The add form: which strategy to freeze, where it will be signed, an optional title."""

    strategy = forms.ModelChoiceField(
        label=_("Stratégie"),
        queryset=Strategy.objects.published().select_related("territory"),
        help_text=_("Le document est généré tel qu’un visiteur anonyme le voit (contenu publié seulement)."),
    )

    class Meta:
        model = StrategyVersion
        fields = ["strategy", "signed_at_place", "title"]


@admin.register(StrategyVersion)
class StrategyVersionAdmin(admin.ModelAdmin):
    formfield_overrides = FRENCH_NUMBER_FIELDS
    list_display = ["strategy", "number", "kind", "frozen_at", "short_fingerprint", "signed_on"]
    list_filter = ["kind", "strategy"]
    list_select_related = ["strategy"]
    ordering = ["strategy", "number"]
    fields = [
        "strategy",
        "number",
        "kind",
        "title",
        "frozen_at",
        "frozen_by",
        "pdf",
        "sha256",
        "signed_at_place",
        "signed_copy",
        "signed_on",
        "signature_report",
    ]

    @admin.display(description=_("empreinte"))
    def short_fingerprint(self, version):
        return version.sha256[:12]

    @admin.display(description=_("signatures électroniques"))
    def signature_report(self, version):
        """What the check of the signed copy found, as a small table (read-only)."""
        context = {
            "lines": signature_wording.admin_lines(version),
            "rows": signature_wording.admin_rows(version.signatures) if version.signatures_checked_at else [],
            "checked_at": signature_wording.checked_at(version),
        }
        # The admin turns line breaks of a read-only value into <br>: the template has none left.
        return mark_safe(render_to_string("admin/documents/_signatures.html", context).strip())  # autoescaped

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = FreezeForm
            kwargs["fields"] = FreezeForm.Meta.fields
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        return FreezeForm.Meta.fields if obj is None else self.fields

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        editable = set()
        # The scanned signed copy and its date are attached once, then frozen too.
        if not obj.signed_copy:
            editable.add("signed_copy")
        if not obj.signed_on:
            editable.add("signed_on")
        return [name for name in self.fields if name not in editable]

    def has_add_permission(self, request):
        return may_freeze(request.user)

    def has_change_permission(self, request, obj=None):
        return may_freeze(request.user)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            if "signed_copy" in form.changed_data and obj.signed_copy:
                self._check_signatures_later(request, obj)
            return
        version = freeze_strategy(
            form.cleaned_data["strategy"],
            request.user,
            signed_at_place=form.cleaned_data.get("signed_at_place", ""),
            title=form.cleaned_data.get("title", ""),
        )
        # The admin goes on with ``obj`` (log entry, redirect): make it the version just frozen.
        obj.__dict__.update(version.__dict__)
        obj._state = version._state

    def _check_signatures_later(self, request, version):
        # Once the copy is saved for good: the worker reads it from the storage.
        version_id = version.pk
        transaction.on_commit(lambda: check_signed_copy.enqueue(version_id=version_id))
        self.message_user(
            request,
            _(
                "La copie signée est enregistrée ; ses signatures électroniques sont "
                "en cours de vérification."
            ),
            messages.INFO,
        )
