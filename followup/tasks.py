"""The follow-up's background work, run by ``manage.py runworker``.

- ``announce_round`` (``followup.announcements``): queued when coordination opens a round.
- ``send_reminders``: run daily by the worker's scheduler (settings key ``round_reminders``); it
  reminds the late organisations of the open rounds whose reminder day or deadline is today.
"""

from django_tasks import task

from followup import reminders


@task(queue_name="mail")
def send_reminders():
    """Remind, once a day at most, the organisations of open rounds that have not sent everything."""
    sent = reminders.send_due_reminders()
    return ", ".join(f"round {pk}: {count} reminded" for pk, count in sent.items()) or "no reminder due"
