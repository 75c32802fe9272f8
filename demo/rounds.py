"""The demo's reporting rounds of the PEDT: a closed one for a past school year, an open one.

- **2024-2025, closed** (fixed dates, so the record is exact on every load): opened on 15 September
  2025, due 17 October 2025, closed 14 November 2025. The Direction de l'enfance et de l'éducation
  answered on time; the Direction de la jeunesse was reminded twice (seven days before and on the
  deadline) and answered late; the Direction de la culture, reminded too, never answered, nor did
  the organisations that have no account.
- **2025-2026, open** (the strategy's last school year), opened five days before the demo is loaded
  and due three weeks after it, so a newcomer always finds it open: the Direction de l'enfance et de
  l'éducation has sent everything, the Direction de la jeunesse has sent some reports and is
  writing another, the Direction de la culture has not started.

Everything goes through ``followup.rounds`` (opening, saving, sending, closing), as the admin does.
The demo writes no mail: rounds are opened with ``send_mail=False`` and the reminders of the past
round are recorded on the participants, never queued.

A round already in the portal is a record and is left as it is: a second load changes nothing.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from followup import rounds
from followup.models import ReportingRound, RoundParticipant
from strategy.models import Strategy

STRATEGY = "pedt-ivry-sur-seine"
COORDINATION = "coordination"


def at(day, hour=10, minute=0):
    """A fixed moment of the demo's past, in the portal's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


CLOSED_ROUND = {
    "period": "2024-2025",
    "year": 2025,
    "deadline": datetime.date(2025, 10, 17),
    "reminder_days": 7,
    "message": (
        "Bonjour à toutes et à tous,\n\nLe bilan annuel du PEDT est présenté au comité de pilotage de "
        "novembre. Merci de renseigner pour chacune de vos actions l'avancement, le budget réalisé en "
        "2025, les bénéficiaires et un court point d'étape."
    ),
    "opened_at": at(datetime.date(2025, 9, 15), 9, 30),
    "closed_at": at(datetime.date(2025, 11, 14), 17, 0),
    # organisation slug: the moment each reminder was recorded (none was queued by the demo).
    "reminders": {
        "ivry-direction-jeunesse": [at(datetime.date(2025, 10, 10), 7), at(datetime.date(2025, 10, 17), 7)],
        "ivry-direction-culture": [at(datetime.date(2025, 10, 10), 7), at(datetime.date(2025, 10, 17), 7)],
    },
    # (action code, who sends it, when, point d'étape)
    "sent": [
        (
            "1.1",
            "pilote",
            at(datetime.date(2025, 10, 6), 14, 20),
            "Les pochettes ont été distribuées dans toutes les écoles élémentaires à la rentrée.",
        ),
        (
            "1.9",
            "pilote",
            at(datetime.date(2025, 10, 6), 14, 35),
            "Douze projets communs enseignants-animateurs menés, surtout en CM1 et CM2.",
        ),
        (
            "3.7",
            "pilote",
            at(datetime.date(2025, 10, 8), 11, 5),
            "Radio Cartable a produit trente émissions ; deux écoles de plus ont rejoint le projet.",
        ),
        (
            "2.1",
            "pilote-jeunesse",
            at(datetime.date(2025, 10, 15), 16, 0),
            "Les 400 stages ont été proposés ; 372 collégiens les ont effectués.",
        ),
        (
            "2.2",
            "pilote-jeunesse",
            at(datetime.date(2025, 10, 15), 16, 10),
            "Coup de pouce a suivi huit groupes ; Coreus a accompagné 45 jeunes.",
        ),
        ("2.3", "pilote-jeunesse", at(datetime.date(2025, 10, 21), 9, 40), "Action terminée fin 2024."),
        (
            "2.4",
            "pilote-jeunesse",
            at(datetime.date(2025, 10, 21), 9, 55),
            "172 jeunes ont préparé le code ; le taux de réussite reste élevé.",
        ),
        (
            "2.5",
            "pilote-jeunesse",
            at(datetime.date(2025, 10, 24), 10, 15),
            "La cérémonie de juin a réuni les diplômés du brevet et du baccalauréat.",
        ),
        (
            "2.6",
            "pilote-jeunesse",
            at(datetime.date(2025, 10, 24), 10, 30),
            "Action reportée : pas de séjour cette année.",
        ),
    ],
    # (action code, who saved it, point d'étape): started, never sent.
    "saved": [
        ("3.1", "pilote-culture", "Spectacles et films programmés pour toutes les classes ; bilan à faire.")
    ],
}

OPEN_ROUND = {
    "period": "2025-2026",
    "year": 2026,
    "deadline_in_days": 21,
    "opened_days_ago": 5,
    "reminder_days": 7,
    "message": (
        "Bonjour,\n\nLa campagne de suivi de la dernière année du PEDT est ouverte : vos réponses "
        "serviront au bilan final et à la préparation du prochain projet. Merci !"
    ),
    # (action code, who sends it, days before the load, point d'étape)
    "sent": [
        ("1.1", "pilote", 3, "Distribution faite à la rentrée ; stock suffisant pour l'an prochain."),
        ("1.9", "pilote", 3, "Quinze projets communs cette année, dont quatre avec les collèges."),
        ("3.7", "pilote", 2, "Radio Cartable a fêté sa centième émission."),
        ("2.1", "pilote-jeunesse", 1, "Les stages ont eu lieu en décembre et en février."),
        ("2.2", "pilote-jeunesse", 1, "Coup de pouce a ouvert deux groupes de plus."),
    ],
    "saved": [("2.4", "pilote-jeunesse", "Bilan en cours avec l'auto-école partenaire.")],
}


def load_rounds(users, now=None):
    """Adds the demo's rounds missing from the portal (``users``: the demo logins by username).

    Does nothing when the PEDT is not in the portal (a portal left alone by ``--if-empty``)."""
    strategy = Strategy.objects.filter(slug=STRATEGY).first()
    if strategy is None:
        return []
    now = now or timezone.now()
    loaded = []
    if not ReportingRound.objects.filter(strategy=strategy, period=CLOSED_ROUND["period"]).exists():
        loaded.append(_closed_round(strategy, users))
    if not ReportingRound.objects.filter(strategy=strategy, period=OPEN_ROUND["period"]).exists():
        loaded.append(_open_round(strategy, users, now))
    return [round for round in loaded if round is not None]


def _create(strategy, spec, deadline):
    return ReportingRound.objects.create(
        strategy=strategy,
        period=spec["period"],
        year=spec["year"],
        deadline=deadline,
        reminder_days=spec["reminder_days"],
        message=spec["message"],
    )


def _open(round, users, opened_at):
    try:
        return rounds.open_round(round, users[COORDINATION], now=opened_at, send_mail=False)
    except ValidationError:
        # The strategy was changed by hand so that nothing is in scope: no round to show.
        round.delete()
        return None


def _reports_by_code(round):
    return {report.action.code: report for report in round.reports.select_related("action", "round")}


def _write(report, user, note):
    """What the pilot's page does on « Enregistrer »: keep the point d'étape, mark the report saved."""
    report.milestone_note = note
    report.save(update_fields=["milestone_note", "updated_at"])
    rounds.mark_saved(report, user)


def _answer(round, users, sent, saved):
    reports = _reports_by_code(round)
    for code, username, when, note in sent:
        report = reports.get(code)
        if report is not None:
            _write(report, users[username], note)
            rounds.send_report(report, users[username], now=when)
    for code, username, note in saved:
        report = reports.get(code)
        if report is not None:
            _write(report, users[username], note)


def _closed_round(strategy, users):
    spec = CLOSED_ROUND
    round = _open(_create(strategy, spec, spec["deadline"]), users, spec["opened_at"])
    if round is None:
        return None
    _answer(round, users, spec["sent"], spec["saved"])
    for participant in RoundParticipant.objects.filter(
        round=round, organisation__slug__in=list(spec["reminders"])
    ).select_related("organisation"):
        moments = spec["reminders"][participant.organisation.slug]
        participant.reminder_count = len(moments)
        participant.last_reminded_at = moments[-1]
        participant.save(update_fields=["reminder_count", "last_reminded_at"])
    return rounds.close_round(round, users[COORDINATION], now=spec["closed_at"])


def _open_round(strategy, users, now):
    spec = OPEN_ROUND
    today = timezone.localdate(now)
    deadline = today + datetime.timedelta(days=spec["deadline_in_days"])
    opened_at = now - datetime.timedelta(days=spec["opened_days_ago"])
    round = _open(_create(strategy, spec, deadline), users, opened_at)
    if round is None:
        return None
    sent = [
        (code, username, now - datetime.timedelta(days=days), note)
        for code, username, days, note in spec["sent"]
    ]
    _answer(round, users, sent, spec["saved"])
    return round
