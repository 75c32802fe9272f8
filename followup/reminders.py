"""The round's reminders: which days they are due, who is reminded, and their count.

A reminder goes to the pilot users of an organisation that has not sent all its reports, while the
round is open: by the worker's daily run ``reminder_days`` before the deadline and on the deadline
day, or when coordination presses « Relancer ». An organisation is reminded at most once a day,
whoever asks; a reminder is counted on the participant only when it reached someone.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from followup import mail
from followup.enums import ParticipantState
from followup.models import ReportingRound, RoundParticipant
from followup.rounds import participants_with_progress

#: An organisation in these states has nothing left to send.
DONE_STATES = (ParticipantState.ANSWERED, ParticipantState.ANSWERED_LATE)


def reminder_days_of(round):
    """The days the worker reminds the round's late organisations: N days before, and the deadline."""
    return sorted({round.deadline - timedelta(days=round.reminder_days), round.deadline})


def is_reminder_day(round, today):
    return round.is_open and today in reminder_days_of(round)


def is_done(participant):
    """Whether the organisation sent everything (``participant`` from ``participants_with_progress``)."""
    return participant.current_state in DONE_STATES


def reminded_on(participant, today):
    last = participant.last_reminded_at
    return last is not None and timezone.localdate(last) == today


def may_remind(participant, today):
    """Whether « Relancer » applies: the round is open, the organisation is not done and was not
    reminded today."""
    return participant.round.is_open and not is_done(participant) and not reminded_on(participant, today)


@transaction.atomic
def remind(participants, *, now=None):
    """Queue a reminder to the pilots of each of ``participants`` (from ``participants_with_progress``)
    that ``may_remind``; returns the participants reminded (their count and date updated).

    The rows are locked and read again first, so two runs at once (the worker's and a click) send
    one reminder, not two.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    wanted = {participant.pk: participant for participant in participants if may_remind(participant, today)}
    if not wanted:
        return []
    locked = RoundParticipant.objects.select_for_update().filter(pk__in=list(wanted)).order_by("pk")
    fresh = [participant for participant in locked if not reminded_on(participant, today)]
    recipients = mail.pilots_of(fresh)
    reminded = []
    for row in fresh:
        participant = wanted[row.pk]
        days_left = (participant.round.deadline - today).days
        created = mail.round_reminder(
            participant,
            recipients[row.organisation_id],
            action_count=participant.report_total,
            sent_count=participant.report_sent,
            days_left=days_left,
        )
        if not created:
            continue
        participant.reminder_count = row.reminder_count + 1
        participant.last_reminded_at = now
        RoundParticipant.objects.filter(pk=row.pk).update(
            reminder_count=participant.reminder_count, last_reminded_at=now
        )
        reminded.append(participant)
    return reminded


def send_due_reminders(now=None):
    """The worker's daily run: for each open round whose reminder day or deadline is today, remind
    the organisations not done. Returns {round id: number of organisations reminded}."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = {}
    for round in ReportingRound.objects.open().select_related("strategy").order_by("pk"):
        if is_reminder_day(round, today):
            sent[round.pk] = len(remind(participants_with_progress(round), now=now))
    return sent
