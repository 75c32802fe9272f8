from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkerConfig(AppConfig):
    name = "worker"
    verbose_name = _("Tâches de fond")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django_tasks_db.compat import task_finished

        from worker import retry

        task_finished.connect(retry.retry_failed_task, dispatch_uid="citedu-retry-failed-task")
