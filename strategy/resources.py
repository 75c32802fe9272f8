"""Import/export resources of the actions table, shared by the admin and the commands.

The machinery is ``shared.tables``'; here are the columns of each table, how a row is read, and who
may import it: the rules of ``strategy.perms``, the same as the admin forms'.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields

from actors.models import Neighbourhood, Organisation, Sector
from shared.cells import Lookup
from shared.formatting import short_date
from shared.table_widgets import (
    ChoiceLabelWidget,
    DateCellWidget,
    NamesWidget,
    RelatedWidget,
)
from shared.tables import TableError, TableResource
from strategy import perms
from strategy.enums import ActionStatus, PartnerRole
from strategy.models import Action, Audience, Axis, Orientation
from strategy.models.actions import orientation_refuses


class StrategyTableResource(TableResource):
    """A table of one strategy: coordination imports all of it, a pilot only their rows."""

    def check_access(self):
        # No user: the command, run by whoever administers the server.
        if self.user is not None and not perms.may_import(self.user):
            raise TableError(_("Votre compte n'a pas le droit d'importer ce tableau."))

    def read_action(self, parsed):
        """The action of the row's ``Code action`` among the strategy's (``self.actions``), or None."""
        code = self.text(parsed, "action", required=True)
        action = self.actions.get(code) if code else None
        if code and action is None:
            parsed.error(
                "Code action", _("action inconnue dans cette stratégie : « %(code)s ».") % {"code": code}
            )
        return action


def organisation_lookup(strategy):
    """Organisations by name, short name or slug, among those of the strategy's territory only."""
    lookup = Lookup(_("organisation inconnue sur le territoire de la stratégie"))
    usable = Organisation.objects.usable_in(strategy.territory_id)
    for organisation in usable.only("id", "name", "short_name", "slug"):
        lookup.add(organisation, organisation.name, organisation.short_name, organisation.slug)
    return lookup


def neighbourhood_lookup(strategy):
    lookup = Lookup(_("quartier inconnu"))
    for neighbourhood in Neighbourhood.objects.filter(territory_id=strategy.territory_id):
        lookup.add(neighbourhood, neighbourhood.name, neighbourhood.slug, neighbourhood.qpv_code)
    return lookup


class ActionResource(StrategyTableResource):
    """The actions table (fiches actions) of one strategy; ``Code`` identifies the action."""

    code = fields.Field(attribute="code", column_name="Code")
    title = fields.Field(attribute="title", column_name="Titre")
    axis = fields.Field(attribute="axis", column_name="Axe", widget=RelatedWidget("number"))
    orientation = fields.Field(
        attribute="orientation", column_name="Orientation", widget=RelatedWidget("number")
    )
    summary = fields.Field(attribute="summary", column_name="Résumé")
    description = fields.Field(attribute="description", column_name="Description")
    pilot = fields.Field(attribute="pilot", column_name="Structure pilote", widget=RelatedWidget("name"))
    partners = fields.Field(attribute="partners", column_name="Partenaires", widget=NamesWidget())
    audiences = fields.Field(attribute="audiences", column_name="Publics", widget=NamesWidget())
    neighbourhoods = fields.Field(attribute="neighbourhoods", column_name="Quartiers", widget=NamesWidget())
    sectors = fields.Field(attribute="sectors", column_name="Secteurs", widget=NamesWidget())
    status = fields.Field(
        attribute="status",
        column_name="Statut",
        widget=ChoiceLabelWidget(ActionStatus.choices, gettext_lazy("statut inconnu")),
    )
    start_date = fields.Field(attribute="start_date", column_name="Date de début", widget=DateCellWidget())
    end_date = fields.Field(attribute="end_date", column_name="Date de fin", widget=DateCellWidget())

    required_columns = ("Code", "Titre", "Axe", "Structure pilote")
    key_column = "Code"
    sheet_title = "Actions"
    m2m_fields = ("partners", "audiences", "neighbourhoods", "sectors")

    class Meta:
        model = Action
        fields = (
            "code",
            "title",
            "axis",
            "orientation",
            "summary",
            "description",
            "pilot",
            "partners",
            "audiences",
            "neighbourhoods",
            "sectors",
            "status",
            "start_date",
            "end_date",
        )
        import_id_fields = ()
        skip_unchanged = True
        report_skipped = True

    @classmethod
    def get_display_name(cls):
        return _("Tableau des actions")

    def scope(self, queryset):
        return queryset.filter(strategy=self.strategy) if self.strategy else queryset

    def optimise(self, queryset):
        return queryset.select_related("axis", "orientation", "pilot").prefetch_related(*self.m2m_fields)

    def new_instance_values(self):
        return {"strategy": self.strategy, "status": ActionStatus.PROPOSED}

    def prepare(self):
        strategy = self.strategy
        axes = Lookup(_("axe inconnu"))
        for axis in Axis.objects.filter(strategy=strategy):
            axes.add(axis, str(axis.number), axis.title, f"Axe {axis.number}")
        orientations = Lookup(_("orientation inconnue"))
        for orientation in Orientation.objects.filter(strategy=strategy):
            orientations.add(orientation, str(orientation.number), orientation.title)
        audiences = Lookup(_("public inconnu"))
        for audience in Audience.objects.all():
            audiences.add(audience, audience.code, audience.name)
        sectors = Lookup(_("secteur inconnu"))
        for sector in Sector.objects.all():
            sectors.add(sector, sector.code, sector.name)
        self.set_lookup(axes, "axis")
        self.set_lookup(orientations, "orientation")
        self.set_lookup(organisation_lookup(strategy), "pilot", "partners")
        self.set_lookup(audiences, "audiences")
        self.set_lookup(neighbourhood_lookup(strategy), "neighbourhoods")
        self.set_lookup(sectors, "sectors")
        self._existing = {action.code: action for action in self.get_queryset()}

    def parse_row(self, parsed):
        values = parsed.values
        code = self.text(parsed, "code", required=True, max_length=20)
        if code:
            values["code"] = code
            parsed.key = code
            parsed.label = lambda: _("l'action %(code)s") % {"code": code}
        existing = self._existing.get(code) if code else None
        title = self.text(parsed, "title", required=True, max_length=250)
        if title:
            values["title"] = title
        axis = self.read(parsed, "axis", required=True)
        if axis:
            values["axis"] = axis
        if self.has("orientation"):
            orientation = self.read(parsed, "orientation")
            if orientation and axis and orientation.axis_id and orientation.axis_id != axis.id:
                parsed.error(
                    "Orientation",
                    _("l'orientation %(orientation)s relève d'un autre axe que l'axe %(axis)s.")
                    % {"orientation": orientation.number, "axis": axis.number},
                )
            values["orientation"] = orientation
        for name in ("summary", "description"):
            if self.has(name):
                text = self.text(parsed, name)
                if text is not None:
                    values[name] = text
        pilot = self.read(parsed, "pilot", required=True)
        if pilot:
            values["pilot"] = pilot
        for name in self.m2m_fields:
            if self.has(name):
                found = self.read_list(parsed, name)
                if found is not None:
                    parsed.m2m[name] = {obj.id for obj in found}
        if self.has("status"):
            status = self.read(parsed, "status")
            if status:
                values["status"] = status
        for name in ("start_date", "end_date"):
            if self.has(name):
                values[name] = self.read(parsed, name)
        self.check_orientation(parsed, existing)
        start = values["start_date"] if self.has("start_date") else getattr(existing, "start_date", None)
        end = values["end_date"] if self.has("end_date") else getattr(existing, "end_date", None)
        if start and end and end < start:
            parsed.error(
                "Date de fin",
                _("la date de fin (%(end)s) précède la date de début (%(start)s).")
                % {"end": short_date(end), "start": short_date(start)},
            )
        if code and self.user is not None:
            # The admin form's rule, with the row's values: what the file changes must be allowed.
            wrong = {column for column, _message in parsed.errors}
            checked = {name: value for name, value in values.items() if self.column_of(name) not in wrong}
            for name, message in perms.refused_action_changes(self.user, existing, checked):
                parsed.error(self.column_of(name), message)

    def check_orientation(self, parsed, existing):
        """The model's rule (``orientation_refuses``) on the row's status and orientation."""
        values = parsed.values
        status = values.get("status", getattr(existing, "status", ActionStatus.PROPOSED))
        orientation = values.get("orientation", getattr(existing, "orientation", None))
        refusal = orientation_refuses(status, orientation)
        if refusal:
            parsed.error(self.column_of("status" if "status" in values else "orientation"), refusal)

    def before_save_instance(self, instance, row, **kwargs):
        if instance.pilot_contact_id and instance.pilot_contact.organisation_id != instance.pilot_id:
            # The referent belongs to the former pilot: the new pilot names their own in the admin.
            instance.pilot_contact = None

    def m2m_changed(self, instance, parsed):
        if instance.pk is None:
            return True
        for attribute, ids in parsed.m2m.items():
            if {obj.id for obj in getattr(instance, attribute).all()} != ids:
                return True
        return False

    def save_m2m(self, instance, row, **kwargs):
        if not self._is_using_transactions(kwargs) and self._is_dry_run(kwargs):
            return
        for attribute, ids in self._current.m2m.items():
            manager = getattr(instance, attribute)
            if attribute == "partners":
                manager.set(ids, through_defaults={"role": PartnerRole.PARTNER})
            else:
                manager.set(ids)
        if self._current.m2m and hasattr(instance, "_prefetched_objects_cache"):
            instance._prefetched_objects_cache.clear()
