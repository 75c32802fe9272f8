"""The coordination's answers to the year's revue de projet (bilan annuel for a PEDT), theme by theme,
with the year's figures shown beside each answer (read-only, computed by ``followup.annual_review``).

Coordination writes them; the COPIL reads them; nobody else sees this page (``followup.perms``).
"""

from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from actors import roles
from followup import annual_review, perms
from followup.models import AnnualReview

FIGURE_THEMES = ("governance", "deployment", "financial", "evaluation")


@admin.register(AnnualReview)
class AnnualReviewAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "year", "updated_at", "documents_links"]
    list_filter = ["strategy"]
    list_select_related = ["strategy"]
    search_fields = ["strategy__title"]

    def has_module_permission(self, request):
        return perms.reads_annual_reviews(request.user) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return perms.reads_annual_reviews(request.user) and super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return perms.edits_annual_reviews(request.user) and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return perms.edits_annual_reviews(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return perms.edits_annual_reviews(request.user) and super().has_delete_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        figures = [f"{theme}_figures" for theme in FIGURE_THEMES] if obj is not None else []
        # Which strategy and year a review answers is fixed once it exists.
        return [*figures, *(("strategy", "year") if obj is not None else ())]

    def get_fieldsets(self, request, obj=None):
        fieldsets = [(None, {"fields": ["strategy", "year"]})]
        themes = (
            annual_review.themes_of(obj.strategy)
            if obj is not None
            else [n for _k, n in annual_review.THEMES]
        )
        for name in themes:
            fields = [f"{name}_figures"] if obj is not None and name in FIGURE_THEMES else []
            fieldsets.append((annual_review.theme_label(name), {"fields": [*fields, name]}))
        return fieldsets

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("strategy")

    def _figures(self, obj):
        # Computed once for the four read-only fields of the page, as the strategy's team reads it
        # (only the coordination and the COPIL open this page, and both see everything).
        if not hasattr(obj, "_figures"):
            reader = roles.AudienceReader(roles.INSIDE_AUDIENCE)
            obj._figures = annual_review.figures(obj.strategy, obj.year, reader)
        return obj._figures

    def _summary(self, obj, theme):
        return self._figures(obj).summary(theme)

    @admin.display(description=_("Les chiffres de l'année"))
    def governance_figures(self, obj):
        return self._summary(obj, "governance")

    @admin.display(description=_("Les chiffres de l'année"))
    def deployment_figures(self, obj):
        return self._summary(obj, "deployment")

    @admin.display(description=_("Les chiffres de l'année"))
    def financial_figures(self, obj):
        return self._summary(obj, "financial")

    @admin.display(description=_("Les chiffres de l'année"))
    def evaluation_figures(self, obj):
        return self._summary(obj, "evaluation")

    @admin.display(description=_("documents"))
    def documents_links(self, obj):
        base = f"/strategies/{obj.strategy.slug}/revue-de-projet-{obj.year}"
        return format_html_join(
            " · ", '<a href="{}">{}</a>', ((f"{base}.xlsx", "xlsx"), (f"{base}.pdf", "PDF"))
        )
