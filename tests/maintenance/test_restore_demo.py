"""Backup then restore of the full demo into an empty database gives back every row and every file."""

import hashlib
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission, User
from django.core import serializers
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from rest_framework.authtoken.models import Token

from documents.models import StrategyVersion
from documents.versions import freeze_strategy
from indicators.models import Measurement
from strategy.enums import StrategyStatus
from strategy.models import Strategy, StrategyRevision
from tests.reference_data import restore_reference_data

#: Not in a backup on purpose: rebuilt by migrate (content types, permissions), or worthless
#: (sessions, login attempts).
NOT_BACKED_UP = ["contenttypes", "auth.permission", "sessions", "axes", "django_tasks_database", "worker"]
NOT_BACKED_UP += ["documents.rendereddocument", "documents.freezejob"]
CHECKED_APPS = ["actors", "strategy", "indicators", "followup", "documents", "auth", "authtoken", "admin"]


def canonical_dump():
    """Every backed-up row of every app, natural keys, values at full precision (microseconds),
    in a stable order (many-to-many lists sorted too); the pages' cache revisions apart, which a
    restore moves on on purpose (``revisions``)."""
    rows = []
    for model in apps.get_models():
        if model._meta.app_label in NOT_BACKED_UP or model._meta.label_lower in NOT_BACKED_UP:
            continue
        if model is StrategyRevision:
            continue
        if model._meta.proxy:
            continue
        for row in serializers.serialize(
            "python", model._base_manager.all(), use_natural_foreign_keys=True, use_natural_primary_keys=True
        ):
            for name, value in row["fields"].items():
                if isinstance(value, list):
                    row["fields"][name] = sorted(value, key=str)
            rows.append(json.dumps(row, sort_keys=True, default=repr, ensure_ascii=False))
    return sorted(rows)


def media_files(root):
    root = Path(root)
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def empty_tables_and_relations():
    """The tables without a row and the relations never filled, among the backed-up apps."""
    missing = []
    for label in CHECKED_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model._meta.label in ("auth.Permission", "authtoken.TokenProxy") or (
                model._meta.label_lower in NOT_BACKED_UP
            ):
                continue
            rows = model._base_manager
            if not rows.exists():
                missing.append(model._meta.label)
                continue
            for field in model._meta.concrete_fields:
                if (
                    field.is_relation
                    and field.null
                    and not rows.filter(**{f"{field.name}__isnull": False}).exists()
                ):
                    missing.append(f"{model._meta.label}.{field.name}")
    return missing


@pytest.fixture
def full_demo(settings, tmp_path, django_db_blocker):
    """The demo with its logins, a frozen version with its PDF and signed copy, an API token, and an
    admin log entry."""
    # The migrations' sectors and audiences, which a previous transactional test may have flushed.
    restore_reference_data(django_db_blocker)
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DEBUG = True
    call_command("loaddemo", users=True, verbosity=0)
    coordination = User.objects.get(username="coordination")
    strategy = Strategy.objects.get(slug="pedt-ivry-sur-seine", status=StrategyStatus.ADOPTED)
    version = freeze_strategy(strategy, coordination, signed_at_place="Ivry-sur-Seine")
    client = Client()
    client.force_login(coordination)
    scan = SimpleUploadedFile("scan.pdf", "%PDF-1.7 copie signée".encode(), content_type="application/pdf")
    response = client.post(
        f"/admin/documents/strategyversion/{version.pk}/change/",
        {"signed_copy": scan, "signed_on": "2024-07-01"},
    )
    assert response.status_code == 302
    Token.objects.create(user=coordination)
    coordination.user_permissions.add(Permission.objects.get(codename="view_strategyversion"))
    # Rows written from the command line carry no user: name one on some, as the admin does.
    first = Measurement.objects.order_by("pk")[0].pk
    Measurement.objects.filter(pk=first).update(entered_by=coordination, validated_by=coordination)
    for model in (m for m in apps.get_models() if hasattr(m, "history") and m.history.exists()):
        latest = model.history.order_by("-history_id").values("history_id")[:1]
        model.history.filter(history_id__in=latest).update(history_user=coordination)
    # The measurements' own latest record (``latest`` above is the last model's of the loop).
    latest_measurement = Measurement.history.order_by("-history_id").values("history_id")[:1]
    Measurement.history.filter(history_id__in=latest_measurement).update(
        entered_by=coordination, validated_by=coordination
    )
    return StrategyVersion.objects.get(pk=version.pk)


@pytest.mark.django_db(transaction=True)
def test_the_full_demo_comes_back_row_for_row_and_byte_for_byte(full_demo, settings, tmp_path):
    missing = empty_tables_and_relations()
    assert missing == [], missing
    rows_before, files_before = canonical_dump(), media_files(settings.MEDIA_ROOT)
    revisions_before = dict(StrategyRevision.objects.values_list("strategy__slug", "number"))
    assert full_demo.pdf.name in files_before and full_demo.signed_copy.name in files_before
    archive = tmp_path / "sauvegarde.tar.gz"
    call_command("backup", str(archive), verbosity=0)

    # An empty database and an empty media folder, as on a new server.
    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "nouveau-serveur"
    assert not Strategy.objects.exists()
    call_command("restore", str(archive), yes=True, verbosity=0)

    assert canonical_dump() == rows_before
    assert media_files(settings.MEDIA_ROOT) == files_before
    # Every strategy's revision moved on from the backup's: no page cached under it is served now.
    revisions = dict(StrategyRevision.objects.values_list("strategy__slug", "number"))
    assert revisions.keys() == revisions_before.keys()
    assert all(revisions[slug] > revisions_before[slug] for slug in revisions)
    restored = StrategyVersion.objects.get()
    with restored.pdf.open("rb") as pdf:
        assert hashlib.sha256(pdf.read()).hexdigest() == restored.sha256 == full_demo.sha256
    assert Client().post("/admin/login/", {"username": "coordination", "password": "demo"}).status_code == 302


def test_every_model_with_a_natural_key_can_be_found_by_it():
    """dumpdata writes natural keys for these models; loaddata needs the manager's counterpart."""
    lacking = [
        model._meta.label
        for model in apps.get_models()
        if hasattr(model, "natural_key") and not hasattr(model._default_manager, "get_by_natural_key")
    ]
    assert lacking == []
