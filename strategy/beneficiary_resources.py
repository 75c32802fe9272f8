"""The beneficiaries table: one row per action and year, with the breakdowns funders ask for.

Columns: ``Code action``, ``Année``, ``Bénéficiaires`` (the total), ``Filles``, ``Garçons``,
``Sexe non renseigné``, ``En QPV``, ``Hors QPV`` and ``Par public``, the breakdown by audience in
one cell (« Maternelle (3-6 ans) : 12 ; Élémentaire (6-11 ans) : 30 », each audience by its code or
name, never created). The same rules as the admin's: a breakdown never counts more people than the
total (``ActionBeneficiaries.refused_audience_counts`` for the audiences), and a pilot imports only
their organisation's actions (``strategy.perms``).
"""

import re

from django.db.models.functions import Length
from django.utils.translation import gettext as _
from import_export import fields

from shared.cells import CellError, Lookup, cell_list, parse_integer
from shared.table_widgets import IntegerCellWidget, RelatedWidget
from strategy import perms
from strategy.models import Action, ActionBeneficiaries, Audience, BeneficiariesByAudience
from strategy.models.beneficiaries import COUNT_FIELDS, PLACE_FIELDS, SEX_FIELDS
from strategy.resources import StrategyTableResource

#: The count columns, model field -> header.
COUNT_COLUMNS = {
    "total": "Bénéficiaires",
    "girls": "Filles",
    "boys": "Garçons",
    "sex_unknown": "Sexe non renseigné",
    "in_priority_area": "En QPV",
    "outside_priority_area": "Hors QPV",
}
AGES_SUFFIX = re.compile(r"\s*\([^()]*\)$")
#: Between an audience and its count inside the « Par public » cell.
COUNT_SEPARATOR = ":"


def audience_counts_text(beneficiaries):
    """The « Par public » cell: « Maternelle (3-6 ans) : 12 ; Élémentaire (6-11 ans) : 30 »."""
    if beneficiaries is None or beneficiaries.pk is None:
        return ""
    return audience_counts_cell((audience.name, count) for audience, count in beneficiaries.audience_counts())


def audience_counts_cell(pairs):
    """The « Par public » cell of (audience name, count) pairs, in the audiences' order."""
    return " ; ".join(f"{name} {COUNT_SEPARATOR} {count}" for name, count in pairs)


class BeneficiariesResource(StrategyTableResource):
    """The beneficiaries table of one strategy."""

    action = fields.Field(attribute="action", column_name="Code action", widget=RelatedWidget("code"))
    year = fields.Field(attribute="year", column_name="Année", widget=IntegerCellWidget())
    total = fields.Field(attribute="total", column_name="Bénéficiaires", widget=IntegerCellWidget())
    girls = fields.Field(attribute="girls", column_name="Filles", widget=IntegerCellWidget())
    boys = fields.Field(attribute="boys", column_name="Garçons", widget=IntegerCellWidget())
    sex_unknown = fields.Field(
        attribute="sex_unknown", column_name="Sexe non renseigné", widget=IntegerCellWidget()
    )
    in_priority_area = fields.Field(
        attribute="in_priority_area", column_name="En QPV", widget=IntegerCellWidget()
    )
    outside_priority_area = fields.Field(
        attribute="outside_priority_area", column_name="Hors QPV", widget=IntegerCellWidget()
    )
    # Written by ``dehydrate_by_audience``, read item by item by ``read_audience_counts``.
    by_audience = fields.Field(column_name="Par public", dehydrate_method="dehydrate_by_audience")

    required_columns = ("Code action", "Année", "Bénéficiaires")
    key_column = "Code action"
    sheet_title = "Bénéficiaires"

    class Meta:
        model = ActionBeneficiaries
        fields = ("action", "year", *COUNT_FIELDS, "by_audience")
        import_id_fields = ()
        skip_unchanged = True
        report_skipped = True

    @classmethod
    def get_display_name(cls):
        return _("Tableau des bénéficiaires")

    def scope(self, queryset):
        return queryset.filter(action__strategy=self.strategy) if self.strategy else queryset

    def optimise(self, queryset):
        return (
            queryset.select_related("action")
            .prefetch_related("by_audience__audience")
            .order_by("action__axis__number", Length("action__code"), "action__code", "year")
        )

    def dehydrate_by_audience(self, beneficiaries):
        return audience_counts_text(beneficiaries)

    def prepare(self):
        self.actions = {
            action.code: action
            for action in Action.objects.filter(strategy=self.strategy).select_related("pilot")
        }
        self.audiences = Lookup(_("public inconnu"))
        for audience in Audience.objects.all():
            # « Maternelle » for « Maternelle (3-6 ans) »: people write the band without its ages.
            short_name = AGES_SUFFIX.sub("", audience.name)
            self.audiences.add(audience, audience.code, audience.name, short_name)
        self._existing = {(row.action_id, row.year): row for row in self.get_queryset()}

    def parse_row(self, parsed):
        values = parsed.values
        action = self.read_action(parsed)
        year = self.read(parsed, "year", required=True)
        if year is not None and not 2000 <= year <= 2100:
            parsed.error("Année", _("année invalide : %(year)s.") % {"year": year})
            year = None
        existing = self._existing.get((action.id, year)) if action and year else None
        for name in COUNT_COLUMNS:
            if name == "total" or self.has(name):
                count = self.read(parsed, name, required=name == "total")
                if count is not None and count < 0:
                    parsed.error(COUNT_COLUMNS[name], _("nombre négatif : %(count)s.") % {"count": count})
                elif name != "total" or count is not None:
                    values[name] = count
        if self.has("by_audience"):
            counts = self.read_audience_counts(parsed)
            if counts is not None:
                parsed.m2m["by_audience"] = counts
        self.check_sums(parsed, existing)
        if action and year:
            values["action"], values["year"] = action, year
            parsed.key = (action.id, year)
            parsed.label = lambda: (
                _("les bénéficiaires de l'action %(code)s en %(year)s") % {"code": action.code, "year": year}
            )
        if action and self.user is not None:
            # The rule of every door: only who may change the action counts its beneficiaries.
            for _attribute, message in perms.refused_action_changes(self.user, action, {}):
                parsed.error("Code action", message)

    def read_audience_counts(self, parsed):
        """{audience id: count} from the « Par public » cell, each bad item a row error; None if any."""
        column = self.fields["by_audience"].column_name
        try:
            items = cell_list(self.cell(parsed, "by_audience"))
        except CellError as error:
            parsed.error(column, str(error))
            return None
        counts, failed = {}, False
        for item in items:
            name, separator, number = item.rpartition(COUNT_SEPARATOR)
            try:
                if not separator or not name.strip():
                    raise CellError(
                        _("« %(item)s » : écrire le public puis son nombre, par exemple « Maternelle : 12 ».")
                        % {"item": item}
                    )
                audience = self.audiences.get(name.strip())
                count = parse_integer(number.strip())
                if count is None or count < 0:
                    raise CellError(_("« %(item)s » : le nombre doit être positif ou nul.") % {"item": item})
                if audience.pk in counts:
                    raise CellError(_("le public « %(name)s » figure deux fois.") % {"name": audience.name})
            except CellError as error:
                parsed.error(column, str(error))
                failed = True
                continue
            counts[audience.pk] = count
        return None if failed else counts

    def check_sums(self, parsed, existing):
        """The model's rules with the row's values (a column left out keeps the stored count)."""
        values = parsed.values
        total = values.get("total")
        if total is None:
            return
        wrong = {column for column, _message in parsed.errors}

        def known(name):
            return values[name] if name in values else getattr(existing, name, None)

        for names, message in (
            (
                SEX_FIELDS,
                _("les bénéficiaires par sexe (filles, garçons, non renseigné) dépassent le total."),
            ),
            (
                PLACE_FIELDS,
                _("les bénéficiaires en QPV et hors QPV dépassent le total."),
            ),
        ):
            if sum(known(name) or 0 for name in names) > total and COUNT_COLUMNS[names[0]] not in wrong:
                parsed.error(COUNT_COLUMNS[names[0]], message)
        if "by_audience" in parsed.m2m:
            counts = parsed.m2m["by_audience"]
        elif existing is not None:
            counts = {row.audience_id: row.count for row in existing.by_audience.all()}
        else:
            counts = {}
        refusal = ActionBeneficiaries(total=total).refused_audience_counts(counts)
        if refusal:
            parsed.error(self.fields["by_audience"].column_name, refusal)

    def m2m_changed(self, instance, parsed):
        if instance.pk is None:
            return True
        saved = {row.audience_id: row.count for row in instance.by_audience.all()}
        return saved != parsed.m2m["by_audience"]

    def save_m2m(self, instance, row, **kwargs):
        if not self._is_using_transactions(kwargs) and self._is_dry_run(kwargs):
            return
        counts = self._current.m2m.get("by_audience")
        if counts is None:
            return
        BeneficiariesByAudience.objects.filter(beneficiaries=instance).delete()
        BeneficiariesByAudience.objects.bulk_create(
            BeneficiariesByAudience(beneficiaries=instance, audience_id=audience_id, count=count)
            for audience_id, count in counts.items()
        )
        if hasattr(instance, "_prefetched_objects_cache"):
            instance._prefetched_objects_cache.clear()
