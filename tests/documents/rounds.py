"""Reporting rounds for the yearly report's tests, built with the round's rules (``followup.rounds``).

On a strategy from ``builders.build_strategy`` (eight actions piloted by the city and the school):
- 2023-2024 (year 2024), closed: the city answers on time, the school late after a reminder, an
  association never answers (it only saved a draft); then the live data is edited after the fact;
- 2024-2025 (year 2025), closed with no answer at all;
- 2025-2026 (year 2026), open: the city has sent one action's answer.
2023 has no round.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from actors import roles
from followup import rounds
from followup.models import ActionReport, ReportingRound, RoundParticipant
from strategy.enums import ActionStatus
from strategy.models import Action, ActionBeneficiaries, BeneficiariesByAudience, BudgetLine
from tests.actors.factories import OrganisationFactory
from tests.strategy.factories import UserFactory, audience, pilot_user

CITY_SENDER = ("Mireille", "Sentinelle")
SCHOOL_SENDER = ("Gaston", "Vigie")
DRAFT_NOTE = "Brouillon de l'association, jamais envoyé"
SENT_NOTE = "Douze ateliers tenus dans trois écoles ; la bibliothèque prête ses locaux."
LIVE_NOTE = "Point d'étape réécrit après la clôture"


def at(year, month, day, hour=12):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, 0))


@dataclass
class Rounds:
    closed: object = None
    empty: object = None
    open: object = None
    association: object = None
    coordination: object = None
    city_pilot: object = None
    school_pilot: object = None
    reports: dict = field(default_factory=dict)


def beneficiaries(action, year, total, *, audiences=None, **parts):
    row = ActionBeneficiaries.objects.create(action=action, year=year, total=total, **parts)
    for code, count in (audiences or {}).items():
        BeneficiariesByAudience.objects.create(beneficiaries=row, audience=audience(code), count=count)
    return row


def _answer(report, user, when, note=""):
    report.milestone_note = note
    rounds.mark_saved(report, user)
    return rounds.send_report(report, user, now=when)


def build_rounds(built):
    """The three rounds above on ``built`` (its actions run until June 2026 for the open round)."""
    strategy = built.strategy
    actions = built.actions
    Action.objects.filter(strategy=strategy).update(end_date=datetime.date(2026, 6, 30))
    city, school = actions[0].pilot, actions[1].pilot
    result = Rounds()
    result.association = OrganisationFactory(name=f"{strategy.slug} Association Lire en ville")
    Action.objects.filter(pk__in=[actions[6].pk, actions[7].pk]).update(pilot=result.association)
    for action in actions:
        action.refresh_from_db()
    result.coordination = UserFactory(username=f"{strategy.slug}-coordination", role=roles.COORDINATION)
    result.city_pilot = pilot_user(city, first_name=CITY_SENDER[0], last_name=CITY_SENDER[1])
    result.school_pilot = pilot_user(school, first_name=SCHOOL_SENDER[0], last_name=SCHOOL_SENDER[1])
    association_pilot = pilot_user(result.association, first_name="Aline", last_name="Brouillon")

    # The year 2024 as pilots entered it: 115 beneficiaries over five actions, one with none.
    beneficiaries(
        actions[0], 2024, 64, girls=30, boys=34, in_priority_area=40, outside_priority_area=24,
        audiences={"6-11": 50, "11-15": 14},
    )  # fmt: skip
    beneficiaries(actions[2], 2024, 20, girls=12, boys=8, in_priority_area=20, audiences={"6-11": 20})
    beneficiaries(actions[1], 2024, 16, in_priority_area=10, outside_priority_area=6, audiences={"6-11": 16})
    beneficiaries(actions[3], 2024, 10, girls=5, boys=3, sex_unknown=2, audiences={"6-11": 10})
    beneficiaries(actions[5], 2024, 5, girls=2, boys=3, in_priority_area=5, audiences={"6-11": 5})
    BudgetLine.objects.filter(action=actions[0], year=2024).update(executed_amount=Decimal("3000"))

    closed = ReportingRound.objects.create(
        strategy=strategy, period="2023-2024", year=2024, deadline=datetime.date(2024, 7, 5)
    )
    rounds.open_round(closed, result.coordination, now=at(2024, 5, 15))
    result.closed = closed
    report = {r.action_id: r for r in ActionReport.objects.filter(round=closed)}
    city_user, school_user = result.city_pilot, result.school_pilot
    _answer(report[actions[0].pk], city_user, at(2024, 6, 18), SENT_NOTE)
    _answer(report[actions[2].pk], city_user, at(2024, 6, 19))
    _answer(report[actions[4].pk], city_user, at(2024, 6, 20), "Action lancée en mars.")
    _answer(report[actions[1].pk], school_user, at(2024, 6, 25), "Deux classes de plus.")
    _answer(report[actions[3].pk], school_user, at(2024, 6, 26))
    # The reminders are the mail's work: here the participants' record of them, as they leave it.
    RoundParticipant.objects.filter(round=closed, organisation=school).update(
        reminder_count=1, last_reminded_at=at(2024, 6, 28, 8)
    )
    RoundParticipant.objects.filter(round=closed, organisation=result.association).update(
        reminder_count=2, last_reminded_at=at(2024, 7, 5, 8)
    )
    _answer(report[actions[5].pk], school_user, at(2024, 7, 9), "Reprise après les travaux.")
    draft = report[actions[6].pk]
    draft.milestone_note = DRAFT_NOTE
    rounds.mark_saved(draft, association_pilot)
    rounds.close_round(closed, result.coordination, now=at(2024, 7, 15))
    result.reports = report

    # Edited after the round was closed: the report keeps what was sent.
    ActionBeneficiaries.objects.filter(action=actions[0], year=2024).update(total=70, girls=36)
    BudgetLine.objects.filter(action=actions[0], year=2024).update(executed_amount=Decimal("9999"))
    Action.objects.filter(pk=actions[0].pk).update(progress=90, status=ActionStatus.IN_PROGRESS)
    ActionReport.objects.filter(pk=report[actions[0].pk].pk).update(milestone_note=LIVE_NOTE)

    result.empty = ReportingRound.objects.create(
        strategy=strategy, period="2024-2025", year=2025, deadline=datetime.date(2025, 7, 4)
    )
    rounds.open_round(result.empty, result.coordination, now=at(2025, 5, 12))
    rounds.close_round(result.empty, result.coordination, now=at(2025, 7, 20))

    today = timezone.localdate()
    result.open = ReportingRound.objects.create(
        strategy=strategy, period="2025-2026", year=2026, deadline=today + datetime.timedelta(days=30)
    )
    rounds.open_round(result.open, result.coordination, now=timezone.now() - datetime.timedelta(days=3))
    beneficiaries(actions[0], 2026, 12, girls=6, boys=6)
    first = ActionReport.objects.get(round=result.open, action=actions[0])
    _answer(first, city_user, timezone.now() - datetime.timedelta(days=1), "Premier trimestre tenu.")
    return result
