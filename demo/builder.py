"""Turns the content of a demo data file (``demo/datafile.py`` reads and checks it) into rows, idempotently.

Rules the files rely on, kept here rather than repeated in every file:
- an action belongs to the axis numbered by the start of its code (« 2.3 » is in axis 2);
- an orientation with a ``validated_on`` date is validated, one without is proposed;
- SWOT items and signatories are ordered as the file lists them;
- a budget line's file reference is « <file_reference_prefix>-<action code>-<year>-<FUNDER> ».
"""

from decimal import Decimal

from django.utils.text import slugify

from demo import funding
from demo.base import apply, upsert
from demo.datafile import DemoDataError
from demo.registry import lookup
from indicators.enums import Direction, Frequency, IndicatorKind, Sex
from indicators.models import Indicator, Measurement
from strategy.enums import OrientationStatus
from strategy.models import (
    Action,
    ActionPartner,
    Axis,
    BudgetLine,
    Decision,
    Meeting,
    Orientation,
    Signatory,
    Strategy,
    SwotItem,
    Workshop,
)


def load_file(registry, data, source):
    """Loads everything the data file ``data`` describes; ``source`` names the file in error messages."""
    territory_slug = data["strategy"]["territory"]
    if "territory" in data:
        if data["territory"]["slug"] != territory_slug:
            raise DemoDataError(
                f"{source} : la stratégie est sur le territoire « {territory_slug} », "
                f"le fichier décrit « {data['territory']['slug']} »."
            )
        registry.load_territory(data["territory"])
    registry.load_organisations(data.get("organisations", []), source)
    registry.load_contacts(data.get("contacts", []), source)
    territory = lookup(registry.territories, territory_slug, "territoire", source)
    if "neighbourhoods" in data:
        registry.load_neighbourhoods(territory, data["neighbourhoods"])
    loader = StrategyLoader(registry, territory, source)
    loader.load_strategy(data["strategy"])
    loader.load_axes(data.get("axes", []))
    loader.load_orientations(data.get("orientations", []))
    loader.load_actions(data.get("actions", []))
    loader.load_indicators(data.get("indicators", []))
    loader.load_workshops(data.get("workshops", []))
    loader.load_swot(data.get("swot", []))
    loader.load_meetings(data.get("meetings", []))
    loader.load_signatories(data.get("signatories", []))
    return loader


class StrategyLoader:
    """Loads one strategy and everything hanging from it."""

    def __init__(self, registry, territory, source):
        self.registry = registry
        self.ref = registry.ref
        self.territory = territory
        self.neighbourhoods = registry.neighbourhoods.get(territory.slug, {})
        self.source = source
        self.strategy = None
        self.file_prefix = ""
        self.axes = {}
        self.orientations = {}
        self.actions = {}
        self.indicators = {}
        self.workshops = {}

    def find(self, found, key, what):
        return lookup(found, key, what, self.source)

    def organisation(self, slug):
        return self.find(self.registry.organisations, slug, "organisation")

    def load_strategy(self, spec):
        spec = dict(spec)
        del spec["territory"]
        self.file_prefix = spec.pop("file_reference_prefix")
        self.strategy = upsert(Strategy, {"slug": spec.pop("slug")}, territory=self.territory, **spec)
        return self.strategy

    def load_axes(self, specs):
        for spec in specs:
            self.axes[spec["number"]] = upsert(
                Axis,
                {"strategy": self.strategy, "number": spec["number"]},
                title=spec["title"],
                description=spec.get("description", ""),
            )

    def load_orientations(self, specs):
        for spec in specs:
            validated_on = spec.get("validated_on")
            self.orientations[spec["number"]] = upsert(
                Orientation,
                {"strategy": self.strategy, "number": spec["number"]},
                axis=self.find(self.axes, spec["axis"], "axe") if "axis" in spec else None,
                title=spec["title"],
                description=spec.get("description", ""),
                status=OrientationStatus.VALIDATED if validated_on else OrientationStatus.PROPOSED,
                validated_on=validated_on,
            )

    def load_actions(self, specs):
        # One query per table for the rows that already exist, instead of one per row.
        existing = {
            action.code: action for action in Action.objects.filter(strategy=self.strategy).order_by()
        }
        self._lines = {
            (line.action_id, line.year, line.funder_id): line
            for line in BudgetLine.objects.filter(action__strategy=self.strategy).order_by()
        }
        self._partnerships = {
            (partnership.action_id, partnership.organisation_id): partnership
            for partnership in ActionPartner.objects.filter(action__strategy=self.strategy).order_by()
        }
        for spec in specs:
            code = spec["code"]
            action = apply(
                Action,
                existing.get(code),
                {"strategy": self.strategy, "code": code},
                axis=self.find(self.axes, int(code.split(".")[0]), "axe (début du code de l'action)"),
                orientation=self.find(self.orientations, spec["orientation"], "orientation")
                if "orientation" in spec
                else None,
                title=spec["title"],
                summary=spec["summary"],
                description=spec["description"],
                pilot=self.organisation(spec["pilot"]),
                pilot_contact=self.find(self.registry.contacts, spec["contact"], "contact")
                if "contact" in spec
                else None,
                start_date=spec.get("start_date"),
                end_date=spec.get("end_date"),
                status=spec["status"],
                progress=spec.get("progress", 0),
                who_may_come=spec.get("who_may_come", ""),
                cost=spec.get("cost", ""),
                how_to_join=spec.get("how_to_join", ""),
            )
            self._load_partners(action, spec.get("partners", []))
            action.audiences.set(
                [self.find(self.ref.audiences, c, "public") for c in spec.get("audiences", [])]
            )
            action.sectors.set([self.find(self.ref.sectors, c, "secteur") for c in spec.get("sectors", [])])
            action.neighbourhoods.set(
                [self.find(self.neighbourhoods, slug, "quartier") for slug in spec.get("neighbourhoods", [])]
            )
            for line in spec.get("budget", []):
                self._load_budget_line(action, line)
            self.actions[code] = action

    def _load_budget_line(self, action, line):
        funder = self.organisation(line["funder"])
        apply(
            BudgetLine,
            self._lines.get((action.pk, line["year"], funder.pk)),
            {"action": action, "year": line["year"], "funder": funder},
            planned_amount=decimal(line["planned"]),
            executed_amount=decimal(line["executed"]),
            stage=line["stage"],
            **funding.line_values(
                self.strategy.slug,
                action,
                funder,
                line,
                default_reference=f"{self.file_prefix}-{action.code}-{line['year']}-{funder_code(funder)}",
            ),
        )

    def _load_partners(self, action, partners):
        kept = set()
        for partner in partners:
            organisation = self.organisation(partner["organisation"])
            apply(
                ActionPartner,
                self._partnerships.get((action.pk, organisation.pk)),
                {"action": action, "organisation": organisation},
                {"role": partner["role"]},
            )
            kept.add(organisation.pk)
        stale = [
            partnership.pk
            for (action_id, organisation_id), partnership in self._partnerships.items()
            if action_id == action.pk and organisation_id not in kept
        ]
        if stale:
            ActionPartner.objects.filter(pk__in=stale).delete()

    def load_indicators(self, specs):
        existing = {
            indicator.code: indicator
            for indicator in Indicator.objects.filter(strategy=self.strategy).order_by()
        }
        self._measurements = {
            (m.indicator_id, m.period, m.neighbourhood_id, m.audience_id, m.sex): m
            for m in Measurement.objects.filter(indicator__strategy=self.strategy).order_by()
        }
        for spec in specs:
            indicator = apply(
                Indicator,
                existing.get(spec["code"]),
                {"strategy": self.strategy, "code": spec["code"]},
                slug=slugify(f"{spec['code']} {spec['name']}")[:120].strip("-"),
                name=spec["name"],
                definition=spec["definition"],
                kind=spec.get("kind", IndicatorKind.QUANTITATIVE),
                unit=spec.get("unit", ""),
                direction=spec.get("direction", Direction.UP),
                source=self.organisation(spec["source"]),
                frequency=spec.get("frequency", Frequency.YEARLY),
                baseline_value=decimal(spec.get("baseline_value")),
                baseline_period=spec.get("baseline_period", ""),
                target_value=decimal(spec.get("target_value")),
                target_period=spec.get("target_period", ""),
                is_public=spec.get("public", True),
                is_core=spec.get("core", False),
            )
            indicator.orientations.set(
                [self.find(self.orientations, n, "orientation") for n in spec.get("orientations", [])]
            )
            indicator.actions.set(
                [self.find(self.actions, code, "action") for code in spec.get("actions", [])]
            )
            note = spec.get("source_note", "")
            for period, value in spec.get("values", {}).items():
                self._measure(indicator, period, None, value=decimal(value), source_note=note)
            for slug, values in spec.get("by_neighbourhood", {}).items():
                neighbourhood = self.find(self.neighbourhoods, slug, "quartier")
                for period, value in values.items():
                    self._measure(indicator, period, neighbourhood, value=decimal(value), source_note=note)
            # Breakdowns of the whole territory by sex and by age band (audience code).
            sexes = {"girls": Sex.GIRLS, "boys": Sex.BOYS}
            for key, values in spec.get("by_sex", {}).items():
                sex = self.find(sexes, key, "sexe")
                for period, value in values.items():
                    self._measure(indicator, period, None, sex=sex, value=decimal(value), source_note=note)
            for code, values in spec.get("by_audience", {}).items():
                audience = self.find(self.ref.audiences, code, "public")
                for period, value in values.items():
                    self._measure(
                        indicator, period, None, audience=audience, value=decimal(value), source_note=note
                    )
            for rating in spec.get("ratings", []):
                self._measure(
                    indicator,
                    rating["period"],
                    None,
                    rating=rating["rating"],
                    comment=rating.get("comment", ""),
                    source_note=note,
                )
            self.indicators[spec["code"]] = indicator

    def _measure(
        self,
        indicator,
        period,
        neighbourhood,
        *,
        audience=None,
        sex=Sex.ALL,
        value=None,
        rating="",
        comment="",
        source_note="",
    ):
        key = (indicator.pk, period, getattr(neighbourhood, "pk", None), getattr(audience, "pk", None), sex)
        apply(
            Measurement,
            self._measurements.get(key),
            {
                "indicator": indicator,
                "period": period,
                "neighbourhood": neighbourhood,
                "audience": audience,
                "sex": sex,
            },
            {"value": value, "rating": rating, "comment": comment, "source_note": source_note},
        )

    def load_workshops(self, specs):
        for spec in specs:
            workshop = upsert(
                Workshop,
                {"strategy": self.strategy, "title": spec["title"]},
                kind=spec["kind"],
                phase=spec.get("phase", ""),
                date=spec["date"],
                axis=self.find(self.axes, spec["axis"], "axe") if "axis" in spec else None,
                participants_count=spec["participants"],
                objectives=spec.get("objectives", ""),
                outcomes=spec.get("outcomes", ""),
            )
            workshop.organisations.set([self.organisation(slug) for slug in spec.get("organisations", [])])
            self.workshops[spec["title"]] = workshop

    def load_swot(self, specs):
        orders = {}
        for spec in specs:
            axis, kind = spec["axis"], spec["kind"]
            order = orders[(axis, kind)] = orders.get((axis, kind), 0) + 1
            upsert(
                SwotItem,
                {
                    "strategy": self.strategy,
                    "axis": self.find(self.axes, axis, "axe"),
                    "kind": kind,
                    "order": order,
                },
                text=spec["text"],
                workshop=self.find(self.workshops, spec["workshop"], "atelier")
                if "workshop" in spec
                else None,
            )

    def load_meetings(self, specs):
        for spec in specs:
            meeting = upsert(
                Meeting,
                {"strategy": self.strategy, "date": spec["date"], "kind": spec["kind"]},
                title=spec["title"],
                location=spec.get("location", ""),
                minutes=spec.get("minutes", ""),
            )
            for decision_spec in spec.get("decisions", []):
                decision = upsert(
                    Decision, {"meeting": meeting, "kind": decision_spec["kind"]}, text=decision_spec["text"]
                )
                decision.orientations.set(
                    [
                        self.find(self.orientations, n, "orientation")
                        for n in decision_spec.get("orientations", [])
                    ]
                )
                decision.actions.set(
                    [self.find(self.actions, code, "action") for code in decision_spec.get("actions", [])]
                )

    def load_signatories(self, specs):
        for order, spec in enumerate(specs, start=1):
            upsert(
                Signatory,
                {"strategy": self.strategy, "organisation": self.organisation(spec["organisation"])},
                representative=spec["representative"],
                representative_title=spec.get("representative_title", ""),
                order=order,
            )


def decimal(number):
    """The exact decimal a TOML number stands for (9.5 is 9.5, not its binary approximation)."""
    return None if number is None else Decimal(str(number))


def funder_code(organisation):
    return slugify(organisation.short_name or organisation.slug).upper()[:12]
