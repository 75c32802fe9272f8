"""The worker's own upkeep, run on its schedule (``CITEDU_SCHEDULE``)."""

from django.core.management import call_command
from django_tasks import task

#: Finished tasks (successful or failed) are kept this long, then pruned.
KEEP_TASK_RESULTS_DAYS = 30


@task()
def prune_task_results():
    """Delete the finished task results older than ``KEEP_TASK_RESULTS_DAYS`` days, on every queue
    (django-tasks-db's own ``prune_db_task_results``)."""
    call_command("prune_db_task_results", queue_name="*", min_age_days=KEEP_TASK_RESULTS_DAYS, verbosity=0)
    return "pruned"
