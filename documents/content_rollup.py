"""The roll-up section of the strategy document and the yearly report: the same figures as the
strategy page (``strategy.rollups``), and, in the report, the late actions and why."""

from django.db.models import Prefetch

from strategy.lateness import late_reasons
from strategy.models import Milestone
from strategy.rollups import axis_rows, neighbourhood_rows, strategy_rollups


def rollup_section(strategy, actions, axes, user, today, *, with_late=False):
    """The context of ``documents/includes/_rollup.html`` for ``actions`` (already visible to ``user``).

    A bounded number of queries: the roll-ups' six and the neighbourhoods' names, plus, ``with_late``,
    the late actions and their milestones (all of them for the rule, the visible ones for the reasons).
    """
    rollups = strategy_rollups(strategy, actions, today)
    section = {
        "total": rollups.total,
        "axis_rows": axis_rows(axes, rollups),
        "neighbourhood_rows": neighbourhood_rows(rollups),
        "today": today,
        "late_actions": None,
    }
    if with_late:
        late = list(
            actions.late(today)
            .select_related("axis", "pilot")
            .prefetch_related(
                "milestones",
                Prefetch(
                    "milestones", queryset=Milestone.objects.visible_to(user), to_attr="visible_milestones"
                ),
            )
            .in_code_order()
        )
        for action in late:
            action.reasons = late_reasons(action, today, action.visible_milestones)
        section["late_actions"] = late
    return section
