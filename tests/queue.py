"""The real worker, run in the test's process on what is queued (``runworker --once``)."""

from django.core.management import call_command

from documents import freshness


def run_worker():
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
