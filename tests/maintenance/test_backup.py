import pytest
from django.core.management import CommandError, call_command

from indicators.models import Measurement
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
    import io
    import tarfile

    archive = tmp_path / "malveillante.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for name, payload in [
            ("data.json", b"[]"),
            ("citedu-backup.json", b"{}"),
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
