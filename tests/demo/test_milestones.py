"""The demo's milestones: a plausible calendar on the demo actions, loaded again without a change."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from demo import milestones as demo_milestones
from demo.datafile import DemoDataError
from strategy.models import Action, Milestone

pytestmark = pytest.mark.django_db

#: The day the demo's calendar is read on in these tests (the late milestone is due before it).
TODAY = datetime.date(2026, 9, 1)


def test_the_demo_actions_have_milestones_some_done_one_late_one_internal(client):
    call_command("loaddemo")
    ivry = Milestone.objects.filter(action__strategy__slug="pedt-ivry-sur-seine")
    assert ivry.filter(done_date__isnull=False).count() >= 5
    late = Milestone.objects.late(TODAY)
    assert [milestone.title for milestone in late] == ["Barrières et signalisation devant l'école Makarenko"]
    assert Action.objects.get(strategy__slug="pedt-ivry-sur-seine", code="1.3").is_late(TODAY)
    assert Milestone.objects.filter(action__strategy__slug="cite-educative-exemple").count() == 4
    internal = Milestone.objects.get(is_public=False)
    assert internal.title == "Renégociation du marché de fournitures"

    action = Action.objects.get(strategy__slug="pedt-ivry-sur-seine", code="1.1")
    page = client.get(f"/strategies/pedt-ivry-sur-seine/actions/{action.slug}/").content.decode()
    assert "Distribution des pochettes dans les écoles" in page
    assert "Renégociation du marché de fournitures" not in page


def test_loading_twice_changes_nothing_and_a_date_edited_by_hand_goes_back_to_the_file():
    call_command("loaddemo")
    milestone = Milestone.objects.get(title="Rue apaisée devant l'école Joliot-Curie")
    history = Milestone.history.count()
    call_command("loaddemo")
    assert Milestone.history.count() == history

    milestone.planned_date = datetime.date(2030, 1, 1)
    milestone.save()
    call_command("loaddemo")
    milestone.refresh_from_db()
    assert milestone.planned_date == datetime.date(2024, 9, 2)


def test_an_unknown_action_stops_the_loading_naming_the_row_and_changes_nothing(tmp_path, monkeypatch):
    call_command("loaddemo")
    before = sorted(Milestone.objects.values_list("action__code", "title", "planned_date"))
    broken = tmp_path / "jalons.toml"
    broken.write_text(
        demo_milestones.PATH.read_text()
        .replace("planned = 2023-09-08", "planned = 2023-09-01", 1)
        .replace('action = "2.4"  #', 'action = "9.9"  #', 1)
    )
    monkeypatch.setattr(demo_milestones, "PATH", broken)
    with pytest.raises(CommandError) as error:
        call_command("loaddemo")
    assert "jalons.toml, milestones n° 8 (action 9.9" in str(error.value)
    assert "action inconnue" in str(error.value)
    assert sorted(Milestone.objects.values_list("action__code", "title", "planned_date")) == before


def test_a_misspelt_key_is_refused_before_anything_is_read(tmp_path):
    broken = tmp_path / "jalons.toml"
    broken.write_text(
        demo_milestones.PATH.read_text().replace("planned = 2023-06-30", "prevu = 2023-06-30", 1)
    )
    with pytest.raises(DemoDataError, match="jalons.toml.*clé inconnue « prevu »"):
        demo_milestones.read_milestones(broken)
