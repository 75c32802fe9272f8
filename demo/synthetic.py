"""Synthetic strategies of any size, for tests and benchmarks: deterministic for a given seed.

Everything is written with ``bulk_create`` (no ``save()``, no signals, no history records), so the
slugs and search documents that ``Action.save()`` would compute are set here.
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils.text import slugify

from actors.enums import OrganisationKind
from actors.models import Contact, Neighbourhood, Organisation, Sector, Territory
from demo.base import upsert
from demo.synthetic_words import KIND_NAMES, PLACES, STATUS_WEIGHTS, SUBJECTS, VERBS
from documents.models import FreezeJob, RenderedDocument, StrategyVersion
from indicators.enums import Direction, Frequency
from indicators.models import Indicator, Measurement
from strategy import revision
from strategy.enums import (
    ActionStatus,
    FundingStage,
    OrientationStatus,
    PartnerRole,
    StrategyKind,
    StrategyStatus,
)
from strategy.models import (
    Action,
    ActionPartner,
    Audience,
    Axis,
    BudgetLine,
    Contribution,
    Decision,
    Meeting,
    Orientation,
    Signatory,
    Strategy,
    StrategyRevision,
    SwotItem,
    Workshop,
)

BATCH_SIZE = 1000
AXES_COUNT = 5
ORIENTATIONS_PER_AXIS = 3
BUDGET_YEARS = (2023, 2024, 2025)
MEASUREMENT_PERIODS = [str(year) for year in range(2016, 2026)]
NEIGHBOURHOODS_COUNT = 8


class RowFactory:
    """Builds unsaved instances from positional values, Django's fast path for ``Model.__init__``.

    With tens of thousands of rows, keyword construction dominates the run time; the values are given by
    attname (``action_id``) and the missing ones take the field's default once.
    """

    def __init__(self, model):
        self.model = model
        self.fields = [field.attname for field in model._meta.concrete_fields]
        self.defaults = [
            None if field.primary_key else field.get_default() for field in model._meta.concrete_fields
        ]

    def __call__(self, **values):
        return self.model(
            *[values.get(name, default) for name, default in zip(self.fields, self.defaults, strict=True)]
        )


def organisation_slug_prefix(slug):
    return f"{slug}-org-"


def delete_synthetic(slug):
    """Deletes the strategy ``slug`` with everything hanging from it, and its synthetic organisations.

    Raw deletes: no signals, so no history record per deleted row, and no collector walking 50 000 rows.
    """
    strategy = Strategy.objects.filter(slug=slug).first()
    querysets = []
    if strategy is not None:
        in_strategy = {"action__strategy": strategy}
        querysets += [
            RenderedDocument.objects.filter(strategy=strategy),
            FreezeJob.objects.filter(strategy=strategy),
            Measurement.objects.filter(indicator__strategy=strategy),
            Indicator.actions.through.objects.filter(indicator__strategy=strategy),
            Indicator.orientations.through.objects.filter(indicator__strategy=strategy),
            Indicator.objects.filter(strategy=strategy),
            Contribution.objects.filter(strategy=strategy),
            Decision.actions.through.objects.filter(decision__meeting__strategy=strategy),
            Decision.orientations.through.objects.filter(decision__meeting__strategy=strategy),
            Decision.objects.filter(meeting__strategy=strategy),
            Meeting.objects.filter(strategy=strategy),
            SwotItem.objects.filter(strategy=strategy),
            Workshop.organisations.through.objects.filter(workshop__strategy=strategy),
            Workshop.objects.filter(strategy=strategy),
            StrategyVersion.objects.filter(strategy=strategy),
            BudgetLine.objects.filter(**in_strategy),
            ActionPartner.objects.filter(**in_strategy),
            Action.audiences.through.objects.filter(**in_strategy),
            Action.neighbourhoods.through.objects.filter(**in_strategy),
            Action.sectors.through.objects.filter(**in_strategy),
            Action.objects.filter(strategy=strategy),
            Orientation.objects.filter(strategy=strategy),
            Axis.objects.filter(strategy=strategy),
            Signatory.objects.filter(strategy=strategy),
            StrategyRevision.objects.filter(strategy=strategy),
            Strategy.objects.filter(pk=strategy.pk),
        ]
    prefix = organisation_slug_prefix(slug)
    querysets += [
        Contact.objects.filter(organisation__slug__startswith=prefix),
        Organisation.sectors.through.objects.filter(organisation__slug__startswith=prefix),
        Organisation.objects.filter(slug__startswith=prefix),
    ]
    for queryset in querysets:
        queryset._raw_delete(queryset.db)


def load_synthetic(slug, actions_count, seed=0):
    """Creates (or replaces) an adopted strategy of ``actions_count`` actions; returns the counts."""
    rng = random.Random(seed)
    with transaction.atomic():
        delete_synthetic(slug)
        counts = _Builder(slug, actions_count, rng).build()
        # Bulk writes send no signal; the organisations replaced may show on any strategy's pages.
        revision.bump_all()
        return counts


class _Builder:
    def __init__(self, slug, actions_count, rng):
        self.slug = slug
        self.actions_count = actions_count
        self.rng = rng
        self.audiences = list(Audience.objects.order_by("code"))
        self.sectors = list(Sector.objects.order_by("code"))

    def build(self):
        territory = upsert(
            Territory,
            {"slug": f"synthetique-{self.slug}"},
            name=f"Territoire synthétique {self.slug}",
            population=50000,
            population_year=2024,
        )
        neighbourhoods = [
            upsert(
                Neighbourhood,
                {"territory": territory, "slug": f"quartier-{number}"},
                name=f"Quartier {number}",
                is_priority=number <= 3,
            )
            for number in range(1, NEIGHBOURHOODS_COUNT + 1)
        ]
        organisations = self._organisations()
        strategy = Strategy.objects.create(
            territory=territory,
            slug=self.slug,
            title=f"Stratégie synthétique {self.slug}",
            kind=StrategyKind.PEDT,
            status=StrategyStatus.ADOPTED,
            start_date=datetime.date(2023, 9, 1),
            end_date=datetime.date(2026, 8, 31),
            summary="Stratégie générée automatiquement pour les tests et les mesures de performance.",
        )
        axes = Axis.objects.bulk_create(
            [
                Axis(strategy=strategy, number=number, title=f"Axe synthétique {number}")
                for number in range(1, AXES_COUNT + 1)
            ]
        )
        orientations = Orientation.objects.bulk_create(
            [
                Orientation(
                    strategy=strategy,
                    axis=axes[(number - 1) // ORIENTATIONS_PER_AXIS],
                    number=number,
                    title=f"Orientation synthétique {number}",
                    status=OrientationStatus.VALIDATED,
                    validated_on=datetime.date(2023, 6, 30),
                )
                for number in range(1, AXES_COUNT * ORIENTATIONS_PER_AXIS + 1)
            ]
        )
        actions = self._actions(strategy, axes, orientations, organisations)
        self._action_links(actions, organisations, neighbourhoods)
        budget_lines = self._budget_lines(actions, organisations)
        indicators, measurements = self._indicators(strategy, orientations, actions, organisations)
        return {
            "organisations": len(organisations),
            "actions": len(actions),
            "budget_lines": budget_lines,
            "indicators": len(indicators),
            "measurements": measurements,
        }

    def _organisations(self):
        count = max(3, round(self.actions_count / 15))
        kinds = list(KIND_NAMES)
        organisations = []
        for number in range(1, count + 1):
            # The first one is the city, so every strategy has a municipal pilot.
            kind = OrganisationKind.CITY_DEPARTMENT if number == 1 else self.rng.choice(kinds)
            organisations.append(
                Organisation(
                    name=f"{KIND_NAMES[kind]} {number} ({self.slug})",
                    slug=f"{organisation_slug_prefix(self.slug)}{number:05d}",
                    kind=kind,
                )
            )
        organisations = Organisation.objects.bulk_create(organisations, batch_size=BATCH_SIZE)
        Through = Organisation.sectors.through
        Through.objects.bulk_create(
            [
                Through(organisation_id=organisation.pk, sector_id=self.rng.choice(self.sectors).pk)
                for organisation in organisations
            ],
            batch_size=BATCH_SIZE,
        )
        Contact.objects.bulk_create(
            [
                Contact(
                    organisation=organisation,
                    first_name="Camille",
                    last_name=f"Référente {number}",
                    job_title="Chargée de mission",
                    email=f"referent{number}@{self.slug}.example.org",
                )
                for number, organisation in enumerate(organisations, start=1)
            ],
            batch_size=BATCH_SIZE,
        )
        return organisations

    def _actions(self, strategy, axes, orientations, organisations):
        rng = self.rng
        statuses = [status for status, _weight in STATUS_WEIGHTS]
        weights = [weight for _status, weight in STATUS_WEIGHTS]
        per_axis = dict.fromkeys(range(AXES_COUNT), 0)
        actions = []
        Row = RowFactory(Action)
        for index in range(self.actions_count):
            axis_index = index % AXES_COUNT
            per_axis[axis_index] += 1
            orientation = orientations[
                axis_index * ORIENTATIONS_PER_AXIS + rng.randrange(ORIENTATIONS_PER_AXIS)
            ]
            code = f"{axis_index + 1}.{per_axis[axis_index]}"
            title = f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)} {rng.choice(PLACES)}"
            status = rng.choices(statuses, weights)[0]
            start = datetime.date(2023, 9, 1) + datetime.timedelta(days=rng.randrange(365))
            action = Row(
                strategy_id=strategy.pk,
                axis_id=axes[axis_index].pk,
                orientation_id=orientation.pk,
                code=code,
                slug=slugify(f"{code} {title}")[:120].strip("-"),
                title=title,
                summary=f"Action {code} : {title.lower()}. Elle s'adresse aux enfants et à leurs familles.",
                description=f"Description détaillée de l'action synthétique {code}.",
                pilot_id=organisations[rng.randrange(len(organisations))].pk,
                status=status,
                progress=100 if status == ActionStatus.DONE else rng.randrange(0, 95, 5),
                start_date=start,
                end_date=start + datetime.timedelta(days=rng.randrange(180, 900)),
            )
            action.search_document = action.build_search_document()
            actions.append(action)
        return Action.objects.bulk_create(actions, batch_size=BATCH_SIZE)

    def _action_links(self, actions, organisations, neighbourhoods):
        rng = self.rng
        audiences, sectors, neighbourhood_links, partners = [], [], [], []
        AudienceLink = RowFactory(Action.audiences.through)
        SectorLink = RowFactory(Action.sectors.through)
        NeighbourhoodLink = RowFactory(Action.neighbourhoods.through)
        Partner = RowFactory(ActionPartner)
        roles = list(PartnerRole.values)
        for action in actions:
            for audience in rng.sample(self.audiences, 2):
                audiences.append(AudienceLink(action_id=action.pk, audience_id=audience.pk))
            sectors.append(SectorLink(action_id=action.pk, sector_id=rng.choice(self.sectors).pk))
            for neighbourhood in rng.sample(neighbourhoods, rng.randint(1, 2)):
                neighbourhood_links.append(
                    NeighbourhoodLink(action_id=action.pk, neighbourhood_id=neighbourhood.pk)
                )
            candidates = [org for org in rng.sample(organisations, 3) if org.pk != action.pilot_id][:2]
            for organisation in candidates:
                partners.append(
                    Partner(action_id=action.pk, organisation_id=organisation.pk, role=rng.choice(roles))
                )
        for model, rows in (
            (AudienceLink, audiences),
            (SectorLink, sectors),
            (NeighbourhoodLink, neighbourhood_links),
            (Partner, partners),
        ):
            model.model.objects.bulk_create(rows, batch_size=BATCH_SIZE)

    def _budget_lines(self, actions, organisations):
        rng = self.rng
        lines = []
        Line = RowFactory(BudgetLine)
        for action in actions:
            for year in BUDGET_YEARS:
                planned = Decimal(rng.randrange(1000, 50000, 50))
                if action.status == ActionStatus.PROPOSED:
                    executed, stage = Decimal(0), FundingStage.REQUESTED
                elif year < BUDGET_YEARS[-1]:
                    executed, stage = planned, FundingStage.PAID
                else:
                    executed = (planned * action.progress / 100).quantize(Decimal("1"))
                    stage = FundingStage.COMMITTED
                funder = organisations[0] if year == BUDGET_YEARS[0] else rng.choice(organisations)
                lines.append(
                    Line(
                        action_id=action.pk,
                        year=year,
                        funder_id=funder.pk,
                        planned_amount=planned,
                        executed_amount=executed,
                        stage=stage,
                        file_reference=f"SYN-{action.code}-{year}",
                    )
                )
        BudgetLine.objects.bulk_create(lines, batch_size=BATCH_SIZE)
        return len(lines)

    def _indicators(self, strategy, orientations, actions, organisations):
        rng = self.rng
        count = max(1, round(self.actions_count / 15))
        indicators = []
        for number in range(1, count + 1):
            code = f"IND-{number:04d}"
            name = f"Participants à {rng.choice(SUBJECTS)}"
            indicators.append(
                Indicator(
                    strategy=strategy,
                    code=code,
                    slug=slugify(f"{code} {name}")[:120].strip("-"),
                    name=name,
                    definition="Indicateur synthétique.",
                    unit="personnes",
                    direction=Direction.UP,
                    source=rng.choice(organisations),
                    frequency=Frequency.YEARLY,
                    baseline_value=Decimal(100),
                    baseline_period=MEASUREMENT_PERIODS[0],
                    target_value=Decimal(500),
                    target_period=MEASUREMENT_PERIODS[-1],
                    # One in ten is not published yet.
                    is_public=number % 10 != 0,
                )
            )
        indicators = Indicator.objects.bulk_create(indicators, batch_size=BATCH_SIZE)
        ActionLink = Indicator.actions.through
        OrientationLink = Indicator.orientations.through
        action_links, orientation_links, measurements = [], [], []
        Measure = RowFactory(Measurement)
        for indicator in indicators:
            orientation_links.append(
                OrientationLink(indicator_id=indicator.pk, orientation_id=rng.choice(orientations).pk)
            )
            for action in rng.sample(actions, min(3, len(actions))):
                action_links.append(ActionLink(indicator_id=indicator.pk, action_id=action.pk))
            value = 100
            for period in MEASUREMENT_PERIODS:
                value += rng.randrange(-10, 60)
                measurements.append(
                    Measure(indicator_id=indicator.pk, period=period, value=Decimal(max(value, 0)))
                )
        ActionLink.objects.bulk_create(action_links, batch_size=BATCH_SIZE)
        OrientationLink.objects.bulk_create(orientation_links, batch_size=BATCH_SIZE)
        Measurement.objects.bulk_create(measurements, batch_size=BATCH_SIZE)
        return indicators, len(measurements)
