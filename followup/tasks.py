"""The follow-up's background work, run by ``manage.py runworker``.

- ``announce_round``: queued when coordination opens a round; writes the opening mail of each
  participant organisation (67 mails at 1,000 actions: too slow for the request that opens it).
- ``send_reminders``: run daily by the worker's scheduler (settings key ``round_reminders``); it
  reminds the late organisations of the open rounds whose reminder day or deadline is today.
"""

from django_tasks import task

from followup import mail, reminders
from followup.models import ReportingRound


@task(queue_name="mail")
def send_reminders():
    """Remind, once a day at most, the organisations of open rounds that have not sent everything."""
    sent = reminders.send_due_reminders()
    return ", ".join(f"round {pk}: {count} reminded" for pk, count in sent.items()) or "no reminder due"


@task(queue_name="mail")
def announce_round(round_id):
    """The opening mail of a round to each participant organisation's pilots, once it is open."""
    round = ReportingRound.objects.filter(pk=round_id).first()
    if round is None:
        return "round deleted before its announcement"
    created = mail.round_opened(round, list(round.participants.select_related("organisation")))
    return f"{len(created)} opening mails queued"
