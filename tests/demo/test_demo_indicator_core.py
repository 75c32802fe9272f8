"""The demo's indicator core (socle commun) and its values broken down by sex and age band."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from indicators.enums import Sex
from indicators.models import Indicator, Measurement
from strategy.models import Strategy
from tests.demo.test_data_files import data_dir, replace_once  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db

CE = "cite-educative-exemple.toml"


@pytest.fixture
def demo(db):
    call_command("loaddemo")


@pytest.mark.parametrize("slug", ["pedt-ivry-sur-seine", "cite-educative-exemple"])
def test_each_adopted_demo_strategy_has_a_short_public_core(demo, slug):
    core = Indicator.objects.filter(strategy__slug=slug, is_core=True)
    assert 4 <= core.count() <= 6
    assert all(indicator.is_public and indicator.definition for indicator in core)


def test_the_children_of_ce_05_are_broken_down_by_sex_and_age_band_adding_up_to_the_whole(demo):
    values = Measurement.objects.filter(indicator__code="CE-05", period="2024-2025")
    whole = values.territory_wide().get().value
    by_sex = {m.sex: m.value for m in values.filter(audience__isnull=True).exclude(sex=Sex.ALL)}
    by_band = {m.audience.code: m.value for m in values.filter(audience__isnull=False)}

    assert whole == Decimal("271")
    assert by_sex == {Sex.GIRLS: Decimal("140"), Sex.BOYS: Decimal("131")}
    assert by_band == {"6-11": Decimal("176"), "11-15": Decimal("95")}
    assert sum(by_sex.values()) == sum(by_band.values()) == whole


def test_the_breakdowns_are_restored_by_the_next_run_and_not_duplicated(demo):
    girls = Measurement.objects.get(indicator__code="CE-05", period="2024-2025", sex=Sex.GIRLS)
    girls.value = Decimal("1")
    girls.save()
    Indicator.objects.filter(code="CE-05").update(is_core=False)
    count = Measurement.objects.count()

    call_command("loaddemo")

    girls.refresh_from_db()
    assert girls.value == Decimal("140")
    assert Indicator.objects.get(code="CE-05").is_core
    assert Measurement.objects.count() == count


def test_an_unknown_sex_in_a_demo_file_is_refused_naming_the_file(data_dir):  # noqa: F811
    replace_once(data_dir / CE, 'girls = { "2023-2024"', 'filles = { "2023-2024"')

    with pytest.raises(CommandError, match=f"{CE} : sexe inconnu·e « filles »"):
        call_command("loaddemo")

    assert not Strategy.objects.exists()
