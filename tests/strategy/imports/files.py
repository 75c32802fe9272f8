"""Generators of the spreadsheets the tests import: small, built on the fly, never committed."""

import csv
import io

import openpyxl
import tablib
from django.apps import apps

PORTAL_APPS = ("actors", "strategy", "indicators")


def csv_bytes(rows, separator=";", encoding="utf-8", bom=False):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=separator, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def xlsx_bytes(rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def ods_bytes(rows):
    dataset = tablib.Dataset(headers=list(rows[0]))
    for row in rows[1:]:
        dataset.append(list(row))
    return dataset.export("ods")


BUILDERS = {"csv": csv_bytes, "xlsx": xlsx_bytes, "ods": ods_bytes}


def table_file(tmp_path, rows, kind="csv", name="tableau", **options):
    """Write the rows (header first) as a file of that kind and return its path."""
    path = tmp_path / f"{name}.{kind}"
    path.write_bytes(BUILDERS[kind](rows, **options))
    return path


def snapshot():
    """Every row of every portal model (history included), to prove that nothing changed."""
    state = {}
    for app_label in PORTAL_APPS:
        for model in apps.get_app_config(app_label).get_models():
            state[model._meta.label] = list(model.objects.order_by("pk").values_list())
            for field in model._meta.many_to_many:
                through = field.remote_field.through
                state[through._meta.label] = list(through.objects.order_by("pk").values_list())
    return state
