"""Turns the plain data of a demo strategy (lists and dicts) into rows, idempotently."""

from django.utils.text import slugify

from actors.models import Contact, Neighbourhood, Organisation, Territory
from demo.base import apply, upsert
from indicators.enums import Direction, Frequency, IndicatorKind
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


def load_territory(spec):
    spec = dict(spec)
    return upsert(Territory, {"slug": spec.pop("slug")}, **spec)


def load_organisations(specs, ref):
    """``specs``: dicts with slug, name, kind and optionally short_name, parent (a slug), sectors."""
    organisations = {}
    for spec in specs:
        spec = dict(spec)
        slug = spec.pop("slug")
        sectors = spec.pop("sectors", [])
        parent = spec.pop("parent", None)
        spec.setdefault("short_name", "")
        spec.setdefault("description", "")
        spec.setdefault("website", "")
        organisation = upsert(
            Organisation, {"slug": slug}, parent=organisations[parent] if parent else None, **spec
        )
        organisation.sectors.set(ref.sector_list(sectors))
        organisations[slug] = organisation
    return organisations


def load_contacts(specs, organisations):
    """``specs``: (key, organisation slug, first name, last name, job title, email, phone, consent)."""
    contacts = {}
    for key, organisation, first_name, last_name, job_title, email, phone, consent in specs:
        contacts[key] = upsert(
            Contact,
            {"organisation": organisations[organisation], "first_name": first_name, "last_name": last_name},
            job_title=job_title,
            email=email,
            phone=phone,
            public_consent=consent,
        )
    return contacts


def load_neighbourhoods(territory, specs):
    """``specs``: (slug, name, QPV code or "", is priority)."""
    return {
        slug: upsert(
            Neighbourhood,
            {"territory": territory, "slug": slug},
            name=name,
            qpv_code=qpv_code,
            is_priority=is_priority,
        )
        for slug, name, qpv_code, is_priority in specs
    }


class StrategyLoader:
    """Loads one strategy and everything hanging from it, from module-level data."""

    def __init__(self, ref, territory, organisations, contacts, neighbourhoods, file_prefix):
        self.ref = ref
        self.territory = territory
        self.organisations = organisations
        self.contacts = contacts
        self.neighbourhoods = neighbourhoods
        self.file_prefix = file_prefix
        self.strategy = None
        self.axes = {}
        self.orientations = {}
        self.actions = {}
        self.indicators = {}
        self.workshops = {}

    def load_strategy(self, spec):
        spec = dict(spec)
        self.strategy = upsert(Strategy, {"slug": spec.pop("slug")}, territory=self.territory, **spec)
        return self.strategy

    def load_axes(self, specs):
        for number, title, description in specs:
            self.axes[number] = upsert(
                Axis, {"strategy": self.strategy, "number": number}, title=title, description=description
            )

    def load_orientations(self, specs):
        """``specs``: (number, axis number or None, title, description, validated_on or None)."""
        for number, axis, title, description, validated_on in specs:
            self.orientations[number] = upsert(
                Orientation,
                {"strategy": self.strategy, "number": number},
                axis=self.axes[axis] if axis else None,
                title=title,
                description=description,
                status=OrientationStatus.VALIDATED if validated_on else OrientationStatus.PROPOSED,
                validated_on=validated_on,
            )

    def load_actions(self, specs):
        # One query per table for the rows that already exist, instead of one per row.
        existing = {
            action.code: action for action in Action.objects.filter(strategy=self.strategy).order_by()
        }
        lines = {
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
                axis=self.axes[int(code.split(".")[0])],
                orientation=self.orientations[spec["orientation"]] if spec.get("orientation") else None,
                title=spec["title"],
                summary=spec["summary"],
                description=spec["description"],
                pilot=self.organisations[spec["pilot"]],
                pilot_contact=self.contacts[spec["contact"]] if spec.get("contact") else None,
                start_date=spec.get("start"),
                end_date=spec.get("end"),
                status=spec["status"],
                progress=spec.get("progress", 0),
            )
            self._load_partners(action, spec.get("partners", []))
            action.audiences.set(self.ref.audience_list(spec.get("audiences", [])))
            action.sectors.set(self.ref.sector_list(spec.get("sectors", [])))
            action.neighbourhoods.set([self.neighbourhoods[slug] for slug in spec.get("neighbourhoods", [])])
            for year, funder, planned, executed, stage in spec.get("budget", []):
                organisation = self.organisations[funder]
                apply(
                    BudgetLine,
                    lines.get((action.pk, year, organisation.pk)),
                    {"action": action, "year": year, "funder": organisation},
                    planned_amount=planned,
                    executed_amount=executed,
                    stage=stage,
                    file_reference=f"{self.file_prefix}-{code}-{year}-{funder_code(organisation)}",
                )
            self.actions[code] = action

    def _load_partners(self, action, partners):
        kept = set()
        for slug, role in partners:
            organisation = self.organisations[slug]
            apply(
                ActionPartner,
                self._partnerships.get((action.pk, organisation.pk)),
                {"action": action, "organisation": organisation},
                {"role": role},
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
            (measurement.indicator_id, measurement.period, measurement.neighbourhood_id): measurement
            for measurement in Measurement.objects.filter(indicator__strategy=self.strategy).order_by()
        }
        for spec in specs:
            baseline_value, baseline_period = spec.get("baseline", (None, ""))
            target_value, target_period = spec.get("target", (None, ""))
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
                source=self.organisations[spec["source"]],
                frequency=spec.get("frequency", Frequency.YEARLY),
                baseline_value=baseline_value,
                baseline_period=baseline_period,
                target_value=target_value,
                target_period=target_period,
                is_public=spec.get("public", True),
            )
            indicator.orientations.set([self.orientations[n] for n in spec.get("orientations", [])])
            indicator.actions.set([self.actions[code] for code in spec.get("actions", [])])
            source_note = spec.get("source_note", "")
            for period, value in spec.get("values", []):
                self._measure(indicator, period, None, value=value, source_note=source_note)
            for slug, values in spec.get("by_neighbourhood", {}).items():
                for period, value in values:
                    self._measure(
                        indicator, period, self.neighbourhoods[slug], value=value, source_note=source_note
                    )
            for period, rating, comment in spec.get("ratings", []):
                self._measure(
                    indicator, period, None, rating=rating, comment=comment, source_note=source_note
                )
            self.indicators[spec["code"]] = indicator

    def _measure(self, indicator, period, neighbourhood, value=None, rating="", comment="", source_note=""):
        key = (indicator.pk, period, neighbourhood.pk if neighbourhood else None)
        apply(
            Measurement,
            self._measurements.get(key),
            {"indicator": indicator, "period": period, "neighbourhood": neighbourhood},
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
                axis=self.axes[spec["axis"]] if spec.get("axis") else None,
                participants_count=spec["participants"],
                objectives=spec.get("objectives", ""),
                outcomes=spec.get("outcomes", ""),
            )
            workshop.organisations.set([self.organisations[slug] for slug in spec.get("organisations", [])])
            self.workshops[spec["title"]] = workshop

    def load_swot(self, specs):
        """``specs``: (axis number, kind, text, workshop title or None); ordered within axis and kind."""
        orders = {}
        for axis, kind, text, workshop in specs:
            order = orders[(axis, kind)] = orders.get((axis, kind), 0) + 1
            upsert(
                SwotItem,
                {"strategy": self.strategy, "axis": self.axes[axis], "kind": kind, "order": order},
                text=text,
                workshop=self.workshops[workshop] if workshop else None,
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
                    [self.orientations[n] for n in decision_spec.get("orientations", [])]
                )
                decision.actions.set([self.actions[code] for code in decision_spec.get("actions", [])])

    def load_signatories(self, specs):
        for order, (slug, representative, title) in enumerate(specs, start=1):
            upsert(
                Signatory,
                {"strategy": self.strategy, "organisation": self.organisations[slug]},
                representative=representative,
                representative_title=title,
                order=order,
            )


def funder_code(organisation):
    return slugify(organisation.short_name or organisation.slug).upper()[:12]
