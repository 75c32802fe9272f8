"""Tasks the worker tests queue: each run leaves a line in a file, so a test sees every attempt."""

from pathlib import Path

from django_tasks import task


@task()
def fail_until(path, succeed_at_attempt):
    """Fails (a real exception) until its ``succeed_at_attempt``-th run; 0 means it always fails."""
    log = Path(path)
    runs = len(log.read_text().splitlines()) + 1 if log.exists() else 1
    with log.open("a") as file:
        file.write(f"run {runs}\n")
    if succeed_at_attempt == 0 or runs < succeed_at_attempt:
        raise RuntimeError(f"échec voulu au passage {runs}")
    return runs
