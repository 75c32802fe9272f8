"""``python manage.py runworker [--once]``: the background task worker, on SQLite or PostgreSQL.

It runs django-tasks-db's own worker (``db_worker``) on every queue, beside a heartbeat that lets a
task left running by a dead worker go back to the queue and enqueues the scheduled jobs when due
(``worker.schedule``: checked at the start, then at every beat).
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.crypto import get_random_string

from worker import schedule
from worker.heartbeat import Heartbeat, requeue_orphans


class Command(BaseCommand):
    help = "Exécute les tâches de fond (documents PDF, figer une version, courriels)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Traite ce qui est en file d'attente, puis s'arrête."
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Secondes d'attente entre deux regards sur une file vide (1 par défaut).",
        )
        parser.add_argument(
            "--queue", default="*", help="Files à traiter, séparées par des virgules (toutes)."
        )

    def handle(self, *args, once=False, interval=1.0, queue="*", verbosity=1, **options):
        worker_id = get_random_string(32)
        requeue_orphans()
        # The scheduled jobs due now go in the queue first: ``--once`` runs them too.
        schedule.run_due_jobs()
        heartbeat = Heartbeat(worker_id)
        if not once:
            heartbeat.start()
        try:
            call_command(
                "db_worker",
                queue_name=queue,
                interval=interval,
                batch=once,
                reload=False,
                startup_delay=False,
                worker_id=worker_id,
                verbosity=verbosity,
                stdout=self.stdout,
                stderr=self.stderr,
            )
        finally:
            heartbeat.stop()
