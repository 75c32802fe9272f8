import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.core.management.base import CommandError

from actors.models import Organisation
from documents.enums import Audience, DocumentKind
from documents.models import FreezeJob, RenderedDocument
from indicators.models import Indicator, Measurement
from strategy.enums import ActionStatus, StrategyStatus
from strategy.models import Action, ActionPartner, BudgetLine, Strategy


def load(slug, actions, seed=0):
    call_command("loadsynthetic", slug, actions=actions, seed=seed)
    return Strategy.objects.get(slug=slug)


def fingerprint(strategy):
    """What a reader would compare between two runs: titles, statuses, amounts."""
    actions = list(strategy.actions.order_by("code").values_list("code", "title", "status", "pilot__name"))
    amounts = list(
        BudgetLine.objects.filter(action__strategy=strategy)
        .order_by("action__code", "year")
        .values_list("action__code", "year", "planned_amount", "executed_amount", "funder__name")
    )
    values = list(
        Measurement.objects.filter(indicator__strategy=strategy)
        .order_by("indicator__code", "period")
        .values_list("indicator__code", "period", "value")
    )
    return actions, amounts, values


@pytest.mark.django_db
def test_a_synthetic_strategy_has_everything_in_proportion():
    strategy = load("synthetique-150", 150)

    assert strategy.status == StrategyStatus.ADOPTED
    assert strategy.axes.count() == 5
    assert strategy.orientations.count() == 15
    assert strategy.actions.count() == 150
    assert Organisation.objects.filter(name__endswith="(synthetique-150)").count() == 10
    assert Indicator.objects.filter(strategy=strategy).count() == 10
    assert Measurement.objects.filter(indicator__strategy=strategy).count() == 100
    assert BudgetLine.objects.filter(action__strategy=strategy).count() == 450
    assert Indicator.objects.filter(strategy=strategy, is_public=True).count() >= 8


@pytest.mark.django_db
def test_every_synthetic_action_has_partners_publics_neighbourhoods_sectors_and_a_search_document():
    strategy = load("synthetique-links", 60)

    for action in strategy.actions.prefetch_related("audiences", "neighbourhoods", "sectors", "partners"):
        assert action.audiences.all() and action.neighbourhoods.all() and action.sectors.all()
        assert action.slug and action.summary
        assert action.search_document == action.build_search_document()
    assert ActionPartner.objects.filter(action__strategy=strategy).count() >= 60


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_strategy():
    first = fingerprint(load("synthetique-seed", 40, seed=7))
    second = fingerprint(load("synthetique-seed", 40, seed=7))

    assert first == second


@pytest.mark.django_db
def test_another_seed_gives_other_titles_and_amounts():
    first = fingerprint(load("synthetique-seed", 40, seed=7))
    other = fingerprint(load("synthetique-seed", 40, seed=8))

    assert first[0] != other[0]
    assert first[1] != other[1]


@pytest.mark.django_db
def test_loading_again_replaces_the_strategy_and_its_organisations():
    load("synthetique-remplacee", 90)

    strategy = load("synthetique-remplacee", 20)

    assert Strategy.objects.filter(slug="synthetique-remplacee").count() == 1
    assert strategy.actions.count() == 20
    assert Action.objects.count() == 20
    assert Organisation.objects.filter(name__endswith="(synthetique-remplacee)").count() == 3
    assert BudgetLine.objects.count() == 60


@pytest.mark.django_db
def test_loading_again_replaces_a_strategy_whose_documents_were_rendered_or_frozen():
    strategy = load("synthetique-documents", 10)
    action = strategy.actions.first()
    for key, kind, on_action in (
        ("doc-strategie", DocumentKind.STRATEGY, None),
        ("doc-fiche", DocumentKind.ACTION, action),
    ):
        RenderedDocument.objects.create(
            key=key, strategy=strategy, kind=kind, action=on_action, audience=Audience.PUBLIC, language="fr"
        )
    FreezeJob.objects.create(strategy=strategy)

    strategy = load("synthetique-documents", 5)

    assert strategy.actions.count() == 5
    assert not RenderedDocument.objects.exists() and not FreezeJob.objects.exists()


@pytest.mark.django_db
def test_two_synthetic_strategies_live_side_by_side():
    load("synthetique-a", 30)
    load("synthetique-b", 30)

    assert Action.objects.count() == 60
    assert Organisation.objects.count() == 6


@pytest.mark.django_db
def test_a_synthetic_strategy_is_published_to_anonymous_visitors():
    strategy = load("synthetique-publique", 100)
    anonymous = AnonymousUser()

    assert Strategy.objects.visible_to(anonymous).filter(pk=strategy.pk).exists()
    visible = Action.objects.visible_to(anonymous).filter(strategy=strategy)
    assert visible.count() == strategy.actions.exclude(status=ActionStatus.PROPOSED).count()
    assert visible.count() > 80


@pytest.mark.django_db
def test_loadsynthetic_prints_its_elapsed_time(capsys):
    call_command("loadsynthetic", "synthetique-temps", actions=15)

    output = capsys.readouterr().out
    assert "synthetique-temps" in output
    assert " s :" in output and "15 actions" in output


@pytest.mark.django_db
def test_loadsynthetic_refuses_a_slug_that_is_not_one():
    with pytest.raises(CommandError, match="identifiant valide"):
        call_command("loadsynthetic", "Pas un slug", actions=10)
    assert not Strategy.objects.exists()
