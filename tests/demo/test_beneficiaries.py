"""The demo's beneficiaries: the seed's counts on the demo actions, loaded again without a change."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from demo import beneficiaries as demo_beneficiaries
from demo.datafile import DemoDataError
from strategy.models import ActionBeneficiaries, BeneficiariesByAudience

pytestmark = pytest.mark.django_db


def test_the_demo_actions_have_the_seed_counts_for_past_years(client):
    call_command("loaddemo")
    tut_tut = ActionBeneficiaries.objects.get(
        action__strategy__slug="pedt-ivry-sur-seine", action__code="2.4", year=2024
    )
    assert (tut_tut.total, tut_tut.girls, tut_tut.boys) == (172, 90, 80)
    assert {audience.code: count for audience, count in tut_tut.audience_counts()} == {"16-25": 172}
    graduation = ActionBeneficiaries.objects.get(action__code="2.5", year=2024)
    assert graduation.total == 1754
    assert set(
        ActionBeneficiaries.objects.filter(action__strategy__slug="cite-educative-exemple").values_list(
            "year", flat=True
        )
    ) == {2022, 2023}

    page = client.get(f"/strategies/pedt-ivry-sur-seine/actions/{tut_tut.action.slug}/").content.decode()
    assert "172 bénéficiaires en 2024, dont 90 filles, 80 garçons et 2 de sexe non renseigné" in page


def test_a_count_edited_by_hand_goes_back_to_the_file():
    call_command("loaddemo")
    row = ActionBeneficiaries.objects.get(action__code="2.4", year=2024)
    row.total = 999
    row.save()
    row.by_audience.all().delete()

    call_command("loaddemo")

    row.refresh_from_db()
    assert row.total == 172
    assert BeneficiariesByAudience.objects.get(beneficiaries=row).count == 172


def test_a_breakdown_beyond_its_total_stops_the_loading_naming_the_row_and_changes_nothing(
    tmp_path, monkeypatch
):
    call_command("loaddemo")
    before = sorted(ActionBeneficiaries.objects.values_list("action__code", "year", "total"))
    broken = tmp_path / "beneficiaires.toml"
    broken.write_text(
        demo_beneficiaries.PATH.read_text()
        .replace("total = 158", "total = 160", 1)
        .replace('by_audience = { "16-25" = 172 }', 'by_audience = { "16-25" = 200 }', 1)
    )
    monkeypatch.setattr(demo_beneficiaries, "PATH", broken)

    with pytest.raises(CommandError) as error:
        call_command("loaddemo")

    assert "beneficiaires.toml, beneficiaries n° 3 (action 2.4, 2024)" in str(error.value)
    assert "Les bénéficiaires par public (200) dépassent le total de l'année (172)." in str(error.value)
    assert sorted(ActionBeneficiaries.objects.values_list("action__code", "year", "total")) == before


def test_a_misspelt_key_is_refused_with_the_file_and_the_key(tmp_path):
    broken = tmp_path / "beneficiaires.toml"
    broken.write_text(demo_beneficiaries.PATH.read_text().replace("girls = 81", "filles = 81", 1))
    with pytest.raises(DemoDataError, match="beneficiaires.toml.*clé inconnue « filles »"):
        demo_beneficiaries.read_beneficiaries(broken)
