"""The health check, and a clear 503 whenever the database is unreachable.

The body also reports the task queue: tasks due and how long the oldest has waited, tasks scheduled
for later, running, failed, the workers alive (``worker.queue.state``), and the next run of each
scheduled job (``worker.schedule.next_runs``).
"""

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

from worker import queue, schedule

UNAVAILABLE_MESSAGE = "Le service est momentanément indisponible. Merci de réessayer dans quelques instants."


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        # A broken connection must not stay in the pool: the next probe reconnects.
        connection.close_if_unusable_or_obsolete()
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse(
        {"status": "ok", "database": "ok", "queue": {**queue.state(), "schedule": schedule.next_runs()}}
    )


class DatabaseUnavailableMiddleware:
    """Answers 503 (not 500) while the database is down, and drops the dead connection."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        connection.close_if_unusable_or_obsolete()
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": UNAVAILABLE_MESSAGE}, status=503)
        else:
            response = HttpResponse(UNAVAILABLE_MESSAGE, status=503, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = "5"
        return response
