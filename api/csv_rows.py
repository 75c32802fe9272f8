"""The rows of the open-data CSVs, read with a few ``values_list()`` queries and produced one by one.

The cells are those of the import/export resources (``ActionResource``, ``BeneficiariesResource``,
``OpenDataMeasurementResource``), byte for byte once written by ``shared.spreadsheets.stream_csv``:
the same names lists (``shared.table_widgets.names``' order), labels, decimals and dates, without
building a model instance per row. The rows are read through ``iterator()``: a large strategy never
sits in memory, only the names of each many-to-many column (one query each, by action).
"""

from collections import defaultdict

from django.db.models.functions import Length

from indicators.enums import Direction, Rating, Sex
from indicators.resources import CoreFlagWidget
from shared.cells import match_key
from shared.formatting import cell_decimal
from strategy.beneficiary_resources import audience_counts_cell
from strategy.enums import ActionStatus
from strategy.models import Action, ActionBeneficiaries, ActionPartner, BeneficiariesByAudience
from strategy.models.beneficiaries import COUNT_FIELDS

CHUNK_SIZE = 2000
ACTION_FIELDS = (
    "id",
    "code",
    "title",
    "axis__number",
    "orientation__number",
    "summary",
    "description",
    "pilot__name",
    "status",
    "start_date",
    "end_date",
)
#: The many-to-many columns of actions.csv: the through table and the name of its target.
ACTION_LISTS = (
    (ActionPartner, "organisation"),
    (Action.audiences.through, "audience"),
    (Action.neighbourhoods.through, "neighbourhood"),
    (Action.sectors.through, "sector"),
)
MEASUREMENT_FIELDS = (
    "indicator__code",
    "period",
    "neighbourhood__name",
    "audience__name",
    "sex",
    "value",
    "rating",
    "comment",
    "source_note",
    "indicator__is_core",
    "indicator__name",
    "indicator__unit",
    "indicator__direction",
    "indicator__baseline_value",
    "indicator__baseline_period",
    "indicator__target_value",
    "indicator__target_period",
)


def _labels(choices):
    """Choice labels as text in the language of the request (the rows are produced after the view)."""
    return {value: str(label) for value, label in choices}


def action_rows(actions):
    """The rows of actions.csv for these actions (a filtered queryset, DISTINCT or not)."""
    ids = actions.values("pk")
    rows = Action.objects.filter(pk__in=ids).in_code_order().values_list(*ACTION_FIELDS)
    return _action_rows(rows, ids, _labels(ActionStatus.choices))


def _action_rows(rows, ids, statuses):
    lists = [
        _names_by_action(through.objects.filter(action__in=ids), target) for through, target in ACTION_LISTS
    ]
    for (
        action_id,
        code,
        title,
        axis,
        orientation,
        summary,
        description,
        pilot,
        status,
        start,
        end,
    ) in rows.iterator(chunk_size=CHUNK_SIZE):
        names = [by_action.get(action_id, "") for by_action in lists]
        yield [
            code,
            title,
            axis,
            orientation,
            summary,
            description,
            pilot,
            *names,
            statuses.get(status, status),
            start,
            end,
        ]


def _names_by_action(through_rows, target):
    """{action id: « name; name »}, in the order ``shared.table_widgets.names`` writes them: each
    target's place in that order is computed once, and each combination of targets written once."""
    rows = through_rows.order_by(f"{target}__name")
    targets_by_action = defaultdict(list)
    keys = {}  # target id -> (order, name)
    if target == "audience":  # the only target with an ``order`` field
        for action_id, target_id, name, order in rows.values_list(
            "action_id", f"{target}_id", f"{target}__name", f"{target}__order"
        ):
            targets_by_action[action_id].append(target_id)
            keys[target_id] = (order, name)
    else:
        for action_id, target_id, name in rows.values_list("action_id", f"{target}_id", f"{target}__name"):
            targets_by_action[action_id].append(target_id)
            keys[target_id] = (0, name)
    ranked = sorted(keys, key=lambda target_id: (keys[target_id][0], match_key(keys[target_id][1])))
    rank = {target_id: position for position, target_id in enumerate(ranked)}
    cells = {}
    by_action = {}
    for action_id, target_ids in targets_by_action.items():
        combination = tuple(target_ids)
        cell = cells.get(combination)
        if cell is None:
            ordered = sorted(target_ids, key=rank.__getitem__)
            cell = cells[combination] = "; ".join(keys[target_id][1] for target_id in ordered)
        by_action[action_id] = cell
    return by_action


def beneficiary_rows(actions):
    """The rows of beneficiaires.csv: one per action and year of these actions."""
    ids = actions.values("pk")
    rows = (
        ActionBeneficiaries.objects.filter(action__in=ids)
        .order_by("action__axis__number", Length("action__code"), "action__code", "year")
        .values_list("id", "action__code", "year", *COUNT_FIELDS)
    )
    counts = BeneficiariesByAudience.objects.filter(beneficiaries__action__in=ids)
    return _beneficiary_rows(rows, counts)


def _beneficiary_rows(rows, counts):
    by_year = {}
    for beneficiaries_id, order, name, count in counts.values_list(
        "beneficiaries_id", "audience__order", "audience__name", "count"
    ):
        by_year.setdefault(beneficiaries_id, []).append((order, name, count))
    for beneficiaries_id, *cells in rows.iterator(chunk_size=CHUNK_SIZE):
        pairs = [(name, count) for _order, name, count in sorted(by_year.get(beneficiaries_id, []))]
        yield [*cells, audience_counts_cell(pairs)]


def measurement_rows(measurements):
    """The rows of indicateurs.csv for these (visible, filtered) measurements."""
    rows = measurements.in_breakdown_order("indicator__code", "period").values_list(*MEASUREMENT_FIELDS)
    labels = (_labels(Sex.choices), _labels(Rating.choices), _labels(Direction.choices))
    core = {is_core: CoreFlagWidget().render(is_core) for is_core in (True, False)}
    return _measurement_rows(rows, labels, core)


def _measurement_rows(rows, labels, core):
    sexes, ratings, directions = labels
    for (
        code,
        period,
        neighbourhood,
        audience,
        sex,
        value,
        rating,
        comment,
        source,
        is_core,
        name,
        unit,
        direction,
        baseline,
        baseline_period,
        target,
        target_period,
    ) in rows.iterator(chunk_size=CHUNK_SIZE):
        yield [
            code,
            period,
            neighbourhood,
            audience,
            sexes.get(sex, sex) if sex else "",
            cell_decimal(value),
            ratings.get(rating, rating) if rating else "",
            comment,
            source,
            core[bool(is_core)],
            name,
            unit,
            directions.get(direction, direction) if direction else "",
            cell_decimal(baseline),
            baseline_period,
            cell_decimal(target),
            target_period,
        ]
