"""Frozen versions in the back office: created by freezing, then never altered nor deleted."""

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from documents import signature_wording
from documents.models import FreezeJob, RenderedDocument, StrategyVersion
from documents.tasks import queue_rendering
from documents.tasks_signatures import check_signed_copy
from documents.versions import may_freeze, request_freeze
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

    def get_queryset(self, request):
        # The frozen data can weigh megabytes: the admin never shows it.
        return super().get_queryset(request).defer("data")

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
        raise AssertionError("Versions are added by add_view (a freeze job), never by save_model.")

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

    def add_view(self, request, form_url="", extra_context=None):
        """Freezing is the worker's: a valid request queues it and shows its progress at once."""
        if request.method == "POST" and self.has_add_permission(request):
            form = FreezeForm(request.POST)
            if form.is_valid():
                job = request_freeze(
                    form.cleaned_data["strategy"],
                    request.user,
                    signed_at_place=form.cleaned_data.get("signed_at_place", ""),
                    title=form.cleaned_data.get("title", ""),
                )
                messages.success(
                    request,
                    _("La version est en préparation : cette page suit son avancement, puis donne le PDF."),
                )
                return redirect(reverse("admin:documents_freezejob_change", args=[job.pk]))
        return super().add_view(request, form_url, extra_context)


class FailedFilter(admin.SimpleListFilter):
    title = _("échec")
    parameter_name = "echec"

    def lookups(self, request, model_admin):
        return [("1", _("en échec"))]

    def queryset(self, request, queryset):
        return queryset.filter(failed_at__isnull=False) if self.value() == "1" else queryset


@admin.register(FreezeJob)
class FreezeJobAdmin(admin.ModelAdmin):
    """The freezings asked for, and how far each one is (the page refreshes itself meanwhile)."""

    list_display = ["strategy", "requested_at", "requested_by", "status", "progress", "step", "version"]
    list_filter = ["status"]
    list_select_related = ["strategy", "requested_by", "version"]
    fields = [
        "strategy",
        "requested_by",
        "requested_at",
        "status",
        "progress",
        "step",
        "version_link",
        "error",
    ]
    readonly_fields = fields
    change_form_template = "admin/documents/freezejob/change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).defer("version__data")

    @admin.display(description=_("version"))
    def version_link(self, job):
        if job.version is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            job.version.get_absolute_url(),
            _("Télécharger la version %(number)s (PDF)") % {"number": job.version.number},
            reverse("admin:documents_strategyversion_change", args=[job.version.pk]),
            _("sa fiche"),
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return may_freeze(request.user)


@admin.register(RenderedDocument)
class RenderedDocumentAdmin(admin.ModelAdmin):
    """The documents kept rendered: which are up to date, waiting, or failed (and why)."""

    list_display = [
        "key",
        "kind",
        "audience",
        "language",
        "state",
        "content_date",
        "rendered_at",
        "render_seconds",
    ]
    list_filter = [FailedFilter, "kind", "audience", "strategy"]
    list_select_related = ["strategy"]
    search_fields = ["key"]
    actions = ["render_again"]
    readonly_fields = [field.name for field in RenderedDocument._meta.fields]

    @admin.display(description=_("état"))
    def state(self, document):
        if document.has_failed:
            return _("échec : %(error)s") % {"error": document.last_error}
        if not document.pdf_name:
            return _("jamais mis en page")
        if document.stale_since:
            return _("mise à jour en cours")
        return _("à jour")

    @admin.action(description=_("Mettre en page à nouveau"))
    def render_again(self, request, queryset):
        queryset.update(failed_at=None, attempts=0, queued=False)
        for document in queryset:
            queue_rendering(document, requested=True)
        messages.success(request, _("La mise en page des documents choisis est relancée."))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return may_freeze(request.user)
