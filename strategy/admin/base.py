"""Admin plumbing of the strategies: a pilot's rows, budget tables."""

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from shared.formatting import euros
from strategy import perms


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
