"""The real worker, run in the test's process on what is queued (``runworker --once``)."""

from contextlib import contextmanager
from unittest import mock

from django.core.management import call_command
from django_tasks_db.management.commands import db_worker

from documents import freshness


@contextmanager
def connections_kept():
    """The worker drops stale connections between tasks (``close_old_connections``), as a request
    does. Inside a test's transaction that would close the test's own connection on PostgreSQL, so
    it is held off, exactly as Django's test client holds it off around each request."""
    with mock.patch.object(db_worker, "close_old_connections", lambda: None):
        yield


def run_worker():
    with connections_kept():
        call_command("runworker", "--once", verbosity=0)


def download(client, url, **extra):
    """GET a document; if it is being prepared (202), run the worker, then GET it again.

    What the test wrote first counts as committed: its edits mark the documents stale, as the
    commit of the admin's transaction would (the test's own transaction never commits)."""
    freshness.flush()
    response = client.get(url, **extra)
    if response.status_code == 202:
        run_worker()
        response = client.get(url, **extra)
    return response
