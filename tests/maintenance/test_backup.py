import hashlib
import io
import json
import tarfile

import pytest
from django.core.management import CommandError, call_command

from indicators.models import Measurement
from strategy.enums import StrategyStatus
from strategy.models import Action, BudgetLine, Strategy
from tests.indicators.factories import MeasurementFactory
from tests.strategy.factories import BudgetLineFactory, ContributionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def portal_rows():
    return {
        "strategies": sorted(Strategy.objects.values_list("slug", "status")),
        "actions": sorted(Action.objects.values_list("code", "title", "search_document")),
        "budget": sorted(BudgetLine.objects.values_list("year", "planned_amount", "executed_amount")),
        "measurements": sorted(Measurement.objects.values_list("period", "value")),
    }


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_every_row_and_every_media_file(tmp_path, media_root):
    BudgetLineFactory()
    MeasurementFactory()
    contribution = ContributionFactory()
    scanned = media_root / "versions" / "scan.pdf"
    scanned.parent.mkdir(parents=True)
    scanned.write_bytes(b"%PDF-1.7 signed copy")
    before = portal_rows()
    archive = tmp_path / "sauvegarde.tar.gz"

    call_command("backup", str(archive))
    Action.objects.all().delete()
    Strategy.objects.all().delete()
    scanned.unlink()
    call_command("restore", str(archive), yes=True)

    assert portal_rows() == before
    assert scanned.read_bytes() == b"%PDF-1.7 signed copy"
    restored = type(contribution).objects.get()
    assert restored.author.username == contribution.author.username
    assert restored.author.groups.filter(name="partenaire").exists()


def test_restoring_something_that_is_not_a_backup_changes_nothing(tmp_path, media_root):
    BudgetLineFactory()
    before = portal_rows()
    bogus = tmp_path / "pas-une-sauvegarde.tar.gz"
    bogus.write_bytes(b"not an archive at all")
    with pytest.raises(CommandError, match="n'est pas une sauvegarde Citédu"):
        call_command("restore", str(bogus), yes=True)
    assert portal_rows() == before


def test_an_archive_cannot_write_outside_the_media_folder(tmp_path, media_root):
    archive = tmp_path / "malveillante.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for name, payload in [
            ("data.json", b"[]"),
            ("citedu-backup.json", b'{"format": 2}'),
            ("media/../../evil", b"x"),
        ]:
            info = tarfile.TarInfo(name)
            info.size = len(payload)
            tar.addfile(info, io.BytesIO(payload))
    BudgetLineFactory()
    with pytest.raises(CommandError, match="Chemin refusé"):
        call_command("restore", str(archive), yes=True)
    assert BudgetLine.objects.count() == 1
    assert not (tmp_path / "evil").exists()


def frozen_version(pdf_bytes=b"%PDF-1.7 version figee"):
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from documents.enums import VersionKind
    from documents.models import StrategyVersion
    from tests.strategy.factories import StrategyFactory

    version = StrategyVersion(
        strategy=StrategyFactory(status=StrategyStatus.ADOPTED),
        number=1,
        kind=VersionKind.INITIAL,
        frozen_at=timezone.now(),
        sha256=hashlib.sha256(pdf_bytes).hexdigest(),
    )
    version.pdf.save("v1.pdf", ContentFile(pdf_bytes), save=False)
    version.save()
    return version


def rewritten(archive, tmp_path, **changes):
    """A copy of ``archive`` with some members' bytes replaced (``None`` leaves a member out)."""
    copy = tmp_path / "modifiee.tar.gz"
    with tarfile.open(archive, "r:gz") as source, tarfile.open(copy, "w:gz") as target:
        for member in source.getmembers():
            payload = changes.get(member.name, source.extractfile(member).read())
            if payload is None:
                continue
            info = tarfile.TarInfo(member.name)
            info.size = len(payload)
            target.addfile(info, io.BytesIO(payload))
    return copy


def test_an_archive_whose_signed_pdf_was_altered_is_refused_and_changes_nothing(tmp_path, media_root):
    version = frozen_version()
    archive = tmp_path / "sauvegarde.tar.gz"
    call_command("backup", str(archive))
    tampered = rewritten(archive, tmp_path, **{f"media/{version.pdf.name}": b"%PDF-1.7 version falsifiee"})
    BudgetLineFactory()
    before, files_before = portal_rows(), sorted(media_root.rglob("*"))

    with pytest.raises(CommandError) as refusal:
        call_command("restore", str(tampered), yes=True)

    assert "ne correspond pas à l'empreinte SHA-256" in str(refusal.value)
    assert "Rien n'a été modifié" in str(refusal.value)
    assert portal_rows() == before and sorted(media_root.rglob("*")) == files_before
    missing = rewritten(archive, tmp_path, **{f"media/{version.pdf.name}": None})
    with pytest.raises(CommandError, match="le PDF de la version 1 .* manque"):
        call_command("restore", str(missing), yes=True)
    assert portal_rows() == before


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        (b'{"format": 1}', "format 1, écrit avant la réorganisation du code"),
        (b'{"format": 3}', "Format de sauvegarde inconnu"),
        (b"pas du json", "Format de sauvegarde inconnu"),
    ],
)
def test_an_archive_of_another_format_is_refused_in_french(tmp_path, media_root, manifest, message):
    BudgetLineFactory()
    archive = tmp_path / "sauvegarde.tar.gz"
    call_command("backup", str(archive))
    before = portal_rows()
    with pytest.raises(CommandError, match=message):
        call_command(
            "restore", str(rewritten(archive, tmp_path, **{"citedu-backup.json": manifest})), yes=True
        )
    assert portal_rows() == before


@pytest.mark.django_db(transaction=True)  # as the command runs: its own transaction, nothing pending
def test_a_restore_whose_rows_fail_to_load_changes_no_row_and_writes_no_file(tmp_path, media_root):
    BudgetLineFactory()
    scanned = media_root / "versions" / "scan.pdf"
    scanned.parent.mkdir(parents=True)
    scanned.write_bytes(b"%PDF-1.7 signed copy")
    archive = tmp_path / "sauvegarde.tar.gz"
    call_command("backup", str(archive))
    with tarfile.open(archive, "r:gz") as source:
        rows = json.loads(source.extractfile("data.json").read())
    # A budget line of an action that is in no table: the load fails at its very end.
    orphan = {"model": "strategy.budgetline", "pk": 999, "fields": {"action": 424242, "year": 2024}}
    broken = rewritten(archive, tmp_path, **{"data.json": json.dumps([*rows, orphan]).encode()})
    scanned.unlink()
    BudgetLine.objects.update(year=2030)
    before = portal_rows()

    with pytest.raises(CommandError, match="Restauration impossible, rien n'a été modifié"):
        call_command("restore", str(broken), yes=True)

    assert portal_rows() == before
    assert not scanned.exists()
    assert not any(p.name.startswith(".restauration-") for p in media_root.parent.iterdir())
