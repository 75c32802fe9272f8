"""Benchmark of the funding-table import: 10,000 rows from .xlsx and .csv, against a floor.

    DEBUG=1 .venv/bin/python bench/bench_import.py [--rows 10000]

Sets Django up itself on a throwaway SQLite database under var/bench/ (or DATABASE_URL if set: it
must be a database you can wipe), creates a synthetic strategy, writes the files, then times:
- the floor: reading the same file with openpyxl / the csv module and ``BudgetLine.objects.bulk_create``
  of the same rows (no checks, no history);
- ``importtable`` (the same code as the admin's import: every check, history rows, all or nothing);
- the same import again, every row unchanged.
"""

import argparse
import csv
import io
import os
import sys
import time
from decimal import Decimal
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
BENCH_DIR = BASE_DIR / "var" / "bench"
SLUG = "bench-import"
YEARS = (2024, 2025, 2026, 2027, 2028)


def setup_django():
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    if "DATABASE_URL" not in os.environ:
        database = BENCH_DIR / "bench_import.sqlite3"
        database.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citedu.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def create_strategy(actions_count):
    from django.core.management import call_command

    from strategy.models import Action, BudgetLine

    try:
        call_command("loadsynthetic", SLUG, actions=actions_count, stdout=io.StringIO())
    except Exception as error:  # another helper's command: fall back on our own minimal strategy
        print(f"loadsynthetic indisponible ({error!r}) : stratégie créée par le banc lui-même.")
        create_strategy_ourselves(actions_count)
    BudgetLine.objects.filter(action__strategy__slug=SLUG).delete()
    return list(Action.objects.filter(strategy__slug=SLUG).order_by("code").select_related("pilot"))


def create_strategy_ourselves(actions_count):
    import datetime

    from actors.models import Organisation, Territory
    from strategy.models import Action, Axis, Strategy

    territory, _ = Territory.objects.get_or_create(slug="banc", defaults={"name": "Banc"})
    strategy = Strategy.objects.create(
        territory=territory,
        kind="pedt",
        title="Banc d'essai",
        slug=SLUG,
        status="adopted",
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2028, 12, 31),
    )
    axis = Axis.objects.create(strategy=strategy, number=1, title="Axe unique")
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Structure {n}", slug=f"structure-{n}", kind="association")
        for n in range(max(5, actions_count // 15))
    )
    Action.objects.bulk_create(
        Action(
            strategy=strategy,
            axis=axis,
            code=f"{n // 100 + 1}.{n % 100 + 1}",
            slug=f"action-{n}",
            title=f"Action {n}",
            pilot=organisations[n % len(organisations)],
        )
        for n in range(actions_count)
    )


def table_rows(actions, funders, count):
    header = [
        "Code action",
        "Année",
        "Financeur",
        "Montant prévu",
        "Montant réalisé",
        "Étape",
        "Référence dossier",
    ]
    rows = []
    for index in range(count):
        action = actions[index // len(YEARS)]
        year = YEARS[index % len(YEARS)]
        funder = funders[index % len(funders)]
        planned = Decimal(1000 + index % 9000) + Decimal("0.50")
        rows.append(
            [action.code, year, funder.name, planned, Decimal(index % 500), "Demandé", f"REF-{index}"]
        )
    return header, rows


def write_files(header, rows):
    import openpyxl

    xlsx_path = BENCH_DIR / "financements.xlsx"
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Financements")
    sheet.append(header)
    for row in rows:
        sheet.append([float(cell) if isinstance(cell, Decimal) else cell for cell in row])
    workbook.save(xlsx_path)

    csv_path = BENCH_DIR / "financements.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([str(cell).replace(".", ",") if isinstance(cell, Decimal) else cell for cell in row])
    csv_path.write_bytes(("\ufeff" + buffer.getvalue()).encode("utf-8"))
    return {"xlsx": xlsx_path, "csv": csv_path}


def floor(path, kind, actions_by_code, funders_by_name, with_history=False):
    """Read the file as simply as possible and bulk_create the rows: what no import can beat.

    ``with_history`` also writes the history rows the import writes (simple_history's bulk helper).
    """
    from simple_history.utils import bulk_create_with_history

    from strategy.models import BudgetLine

    started = time.perf_counter()
    if kind == "xlsx":
        import openpyxl

        workbook = openpyxl.load_workbook(path, read_only=True)
        rows = list(workbook.worksheets[0].iter_rows(values_only=True))[1:]
        workbook.close()
    else:
        text = path.read_bytes().decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))[1:]
    lines = [
        BudgetLine(
            action=actions_by_code[str(code)],
            year=int(year),
            funder=funders_by_name[funder],
            planned_amount=Decimal(str(planned).replace(",", ".")),
            executed_amount=Decimal(str(executed).replace(",", ".")),
            stage="requested",
            file_reference=reference,
        )
        for code, year, funder, planned, executed, _stage, reference in rows
    ]
    if with_history:
        bulk_create_with_history(lines, BudgetLine, batch_size=1000)
    else:
        BudgetLine.objects.bulk_create(lines, batch_size=1000)
    return time.perf_counter() - started


def import_command(path, *options):
    from django.core.management import call_command

    out = io.StringIO()
    started = time.perf_counter()
    call_command("importtable", SLUG, "financements", str(path), *options, stdout=out, stderr=io.StringIO())
    return time.perf_counter() - started, out.getvalue().strip()


def wipe_lines():
    from strategy.models import BudgetLine

    BudgetLine.history.model.objects.all().delete()
    BudgetLine.objects.filter(action__strategy__slug=SLUG).delete()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    arguments = parser.parse_args()
    setup_django()
    from django.db import connection

    from actors.models import Organisation

    actions = create_strategy(max(100, arguments.rows // len(YEARS)))
    funders = list(Organisation.objects.order_by("name")[:20])
    header, rows = table_rows(actions, funders, arguments.rows)
    paths = write_files(header, rows)
    actions_by_code = {action.code: action for action in actions}
    funders_by_name = {funder.name: funder for funder in funders}
    print(
        f"Base : {connection.vendor} ; {arguments.rows} lignes ; {len(actions)} actions ; {len(funders)} financeurs."
    )
    for kind, path in paths.items():
        wipe_lines()
        floor_time = floor(path, kind, actions_by_code, funders_by_name)
        wipe_lines()
        history_floor_time = floor(path, kind, actions_by_code, funders_by_name, with_history=True)
        wipe_lines()
        import_time, summary = import_command(path)
        unchanged_time, unchanged_summary = import_command(path)
        print(
            f"{kind:>4} ({path.stat().st_size // 1024} Ko) : plancher {floor_time:.2f} s "
            f"(avec historique {history_floor_time:.2f} s) ; "
            f"importtable {import_time:.2f} s (×{import_time / floor_time:.1f}) — {summary} ; "
            f"réimport inchangé {unchanged_time:.2f} s (×{unchanged_time / floor_time:.1f}) — {unchanged_summary}"
        )
    wipe_lines()


if __name__ == "__main__":
    main()
