"""The demo data files: each one parses, and a mistake in one stops the loading with a clear error."""

import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from demo import datafile
from demo.datafile import DEMO_FILES, DemoDataError, read, read_all
from strategy.models import Strategy

IVRY = "pedt-ivry-sur-seine.toml"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A copy of the demo data files that a test may break, used by ``loaddemo`` in its place."""
    for name in DEMO_FILES:
        shutil.copy(datafile.DATA_DIR / name, tmp_path / name)
    monkeypatch.setattr(datafile, "DATA_DIR", tmp_path)
    return tmp_path


def replace_once(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_every_demo_data_file_parses_and_names_only_known_keys():
    files = read_all()

    assert [data["strategy"]["slug"] for data in files] == [
        "pedt-ivry-sur-seine",
        "cite-educative-exemple",
        "pedt-ivry-sur-seine-2027",
    ]
    assert all(data["actions"] for data in files)


def test_every_demo_data_file_says_that_illustrative_figures_are_illustrative():
    for name in DEMO_FILES:
        header = (datafile.DATA_DIR / name).read_text().split("\n\n")[0]
        assert header.startswith("# Demo data:")
        assert "illustrative" in header


def test_a_misspelt_key_is_refused_with_the_file_the_action_and_the_key(data_dir):
    replace_once(data_dir / IVRY, "progress = 70", "progres = 70")

    with pytest.raises(DemoDataError) as error:
        read(IVRY)

    message = str(error.value)
    assert message.startswith(IVRY)
    assert "actions" in message and "code 1.1" in message
    assert "clé inconnue « progres »" in message
    assert "vouliez-vous dire « progress »" in message


def test_a_misspelt_key_inside_a_budget_line_is_refused_too(data_dir):
    replace_once(data_dir / IVRY, "executed = 95000", "executd = 95000")

    with pytest.raises(DemoDataError, match=r"budget.*clé inconnue « executd »"):
        read(IVRY)


def test_a_status_outside_its_choices_is_refused(data_dir):
    replace_once(data_dir / IVRY, 'status = "in_progress"', 'status = "en_cours"')

    with pytest.raises(DemoDataError, match="valeur inconnue « en_cours » ; valeurs possibles : proposed"):
        read(IVRY)


def test_a_missing_required_key_is_refused(data_dir):
    replace_once(data_dir / IVRY, 'pilot = "ivry-restauration"\n', "")

    with pytest.raises(DemoDataError, match=r"code 1\.2\) : clé « pilot » manquante"):
        read(IVRY)


@pytest.mark.django_db
def test_loaddemo_stops_on_a_broken_file_before_writing_anything(data_dir):
    replace_once(data_dir / "pedt-ivry-sur-seine-2027.toml", "[[axes]]", "[[axe]]")

    with pytest.raises(CommandError, match="pedt-ivry-sur-seine-2027.toml.*clé inconnue « axe »"):
        call_command("loaddemo")

    assert not Strategy.objects.exists()


@pytest.mark.django_db
def test_loaddemo_names_an_unknown_organisation_and_keeps_the_portal_unchanged(data_dir):
    replace_once(data_dir / IVRY, 'pilot = "ivry-restauration"', 'pilot = "ivry-restoration"')

    with pytest.raises(CommandError, match=f"{IVRY} : organisation inconnu·e « ivry-restoration »"):
        call_command("loaddemo")

    assert not Strategy.objects.exists()
