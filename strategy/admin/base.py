"""Shared admin plumbing: inline choices loaded once, 404 for hidden rows, budget tables."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from strategy import perms


class CachedChoicesInlineMixin:
    """Selects in an inline load their choices once per formset instead of once per row."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return _freeze_choices(super().formfield_for_foreignkey(db_field, request, **kwargs))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return _freeze_choices(super().formfield_for_manytomany(db_field, request, **kwargs))


def _freeze_choices(field):
    # A ModelChoiceField given explicit choices stops querying at each render; validation still
    # goes through its queryset, so a forged value is refused all the same.
    if field is not None and hasattr(field, "queryset"):
        field.choices = list(field.choices)
    return field


class HiddenRowsAre404Mixin:
    """A row outside ``get_queryset`` answers 404 instead of redirecting to the admin index."""

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        raise Http404(_("Cet élément n'existe pas ou ne vous est pas accessible."))


def euros(value):
    return f"{number_format(value or 0, 2, use_l10n=True, force_grouping=True)} €"


def budget_table(rows):
    """An HTML table of {funder__name, year, planned, executed} rows, with a total line."""
    rows = list(rows)
    if not rows:
        return _("Aucune ligne de financement.")
    body = format_html_join(
        "",
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        ((row["funder__name"], row["year"], euros(row["planned"]), euros(row["executed"])) for row in rows),
    )
    planned = sum((row["planned"] or 0) for row in rows)
    executed = sum((row["executed"] or 0) for row in rows)
    return format_html(
        '<table class="citedu-budget"><thead><tr><th scope="col">{}</th><th scope="col">{}</th>'
        '<th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody>'
        '<tfoot><tr><th scope="row" colspan="2">{}</th><td>{}</td><td>{}</td></tr></tfoot></table>',
        _("Financeur"),
        _("Année"),
        _("Prévu"),
        _("Réalisé"),
        body,
        _("Total"),
        euros(planned),
        euros(executed),
    )


class PilotRowsMixin:
    """For a pilot, only the rows ``pilot_rows(user)`` exist: others are hidden and refused.

    Coordination and the steering committee are only bound by their model permissions.
    """

    pilot_rows = None  # staticmethod(user -> QuerySet of the rows a pilot may change)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if perms.is_restricted_pilot(request.user):
            queryset = queryset.filter(pk__in=self.pilot_rows(request.user).values("pk"))
        return queryset

    def is_pilot_row(self, request, obj):
        cache = request.__dict__.setdefault("_citedu_pilot_rows", {})
        key = (obj._meta.label, obj.pk)
        if key not in cache:
            cache[key] = self.pilot_rows(request.user).filter(pk=obj.pk).exists()
        return cache[key]

    def _row_allowed(self, request, obj):
        return obj is None or not perms.is_restricted_pilot(request.user) or self.is_pilot_row(request, obj)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._row_allowed(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._row_allowed(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._row_allowed(request, obj)


class ParentScopedInlineMixin:
    """An inline may be edited only by who may change the object it belongs to."""

    def _parent_changeable(self, request, obj):
        if obj is None:
            return True
        return self.admin_site._registry[self.parent_model].has_change_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._parent_changeable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._parent_changeable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._parent_changeable(request, obj)


class CiteduHistoryAdmin(SimpleHistoryAdmin):
    """History with what changed between two states; reverting needs the right to change."""

    object_history_list_template = "admin/citedu/object_history_list.html"

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history lets anyone who may read the history post a revert: only editors may.
        if request.method == "POST":
            obj = self.get_object(request, unquote(object_id))
            if obj is None or not self.has_change_permission(request, obj):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return not self.has_change_permission(request, obj) or super().revert_disabled(request, obj)
