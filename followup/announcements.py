"""The opening mail of a round, written by the worker: 67 mails at 1,000 actions are too slow for the
request that opens the round (``followup.rounds.open_round`` queues this task in its transaction)."""

from django_tasks import task

from followup import mail
from followup.models import ReportingRound


@task(queue_name="mail")
def announce_round(round_id):
    """The opening mail of a round to each participant organisation's pilots, once it is open."""
    round = ReportingRound.objects.filter(pk=round_id).first()
    if round is None:
        return "round deleted before its announcement"
    created = mail.round_opened(round, list(round.participants.select_related("organisation")))
    return f"{len(created)} opening mails queued"
