"""Benchmark of the refusals: every file of the malformed corpora through ``importtable``, one process each.

    DEBUG=1 .venv/bin/python bench/bench_malformed.py

Sets up a throwaway SQLite database under var/bench/ (migrations and the tests' small strategy
« pedt-ivry »), writes every file of ``tests/strategy/imports/corpus.py`` and of the malformed corpus
of ``test_malformed_files.py``, then runs ``manage.py importtable`` on each in its own process and
prints its wall time and peak memory (the child's ``ru_maxrss``, read with ``os.wait4``), against
a floor measured in the same run: the import of a small valid file (``--dry-run``). Goal: each
refused (exit code 1) in under 5 s and under 300 MB. Exits 1 if one is not.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
BENCH_DIR = BASE_DIR / "var" / "bench" / "malformed"
GOAL_SECONDS = 5
GOAL_MB = 300


def setup():
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    database = BENCH_DIR / "bench_malformed.sqlite3"
    database.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citedu.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from tests.strategy.imports.conftest import World

    World()


def files():
    """(name, table, path) of every corpus file, written under BENCH_DIR."""
    from tests.strategy.imports import test_malformed_files
    from tests.strategy.imports.corpus import CORPUS
    from tests.strategy.imports.files import BUILDERS

    written = []
    for name, (table, kind, content, _fragments) in test_malformed_files.CORPUS.items():
        data = content() if callable(content) else BUILDERS[kind](content)
        written.append((name, table, write(name, kind, data)))
    for name, (table, kind, build, _fragments) in CORPUS.items():
        written.append((name, table, write(name, kind, build())))
    return written


def write(name, kind, data):
    path = BENCH_DIR / f"{name}.{kind}"
    path.write_bytes(data)
    return path


def run(table, path, *options):
    """Exit code, seconds and peak megabytes of one ``importtable`` in a process of its own."""
    command = [
        sys.executable,
        str(BASE_DIR / "manage.py"),
        "importtable",
        "pedt-ivry",
        table,
        str(path),
        *options,
    ]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    return os.waitstatus_to_exitcode(status), elapsed, usage.ru_maxrss / 1024


def prepare():
    """In a process of its own, so that the measuring process stays small: a child's peak memory
    counts from its parent's size at the fork."""
    setup()
    from tests.strategy.imports.files import csv_bytes

    write(
        "floor-valid",
        "csv",
        csv_bytes([["Code", "Titre", "Axe", "Structure pilote"], ["3.1", "Coup de pouce", "1", "Ville"]]),
    )
    with (BENCH_DIR / "files.tsv").open("w") as listing:
        for name, table, path in files():
            listing.write(f"{name}\t{table}\t{path}\n")


def main():
    database = BENCH_DIR / "bench_malformed.sqlite3"
    subprocess.run([sys.executable, __file__, "--prepare"], check=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DEBUG", "1")
    valid = BENCH_DIR / "floor-valid.csv"
    code, floor_seconds, floor_mb = run("actions", valid, "--dry-run")
    assert code == 0, "the floor's valid file must import"
    print(f"{'fichier':<46} {'taille':>9} {'code':>4} {'s':>6} {'Mo':>7} {'s - plancher':>13}")
    print(
        f"{'plancher : petit fichier valide (--dry-run)':<46} {valid.stat().st_size:>9} {code:>4} "
        f"{floor_seconds:>6.2f} {floor_mb:>7.1f}"
    )
    failures, count, worst_seconds, worst_mb = [], 0, 0.0, 0.0
    for line in (BENCH_DIR / "files.tsv").read_text().splitlines():
        name, table, path = line.split("\t")
        path = Path(path)
        code, seconds, megabytes = run(table, path)
        count += 1
        worst_seconds, worst_mb = max(worst_seconds, seconds), max(worst_mb, megabytes)
        ok = code == 1 and seconds < GOAL_SECONDS and megabytes < GOAL_MB
        if not ok:
            failures.append(name)
        print(
            f"{name:<46} {path.stat().st_size:>9} {code:>4} {seconds:>6.2f} {megabytes:>7.1f} {seconds - floor_seconds:>13.2f}{'' if ok else '  ÉCHEC'}"
        )
    print(
        f"{count} fichiers, {count - len(failures)} refusés dans l'objectif (< {GOAL_SECONDS} s, < {GOAL_MB} Mo) ; "
        f"pire : {worst_seconds:.2f} s, {worst_mb:.1f} Mo ; plancher : {floor_seconds:.2f} s, {floor_mb:.1f} Mo."
    )
    return 1 if failures else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--prepare"]:
        prepare()
    else:
        sys.exit(main())
