"""No lost update on any fiche several people edit: two sessions post the change form the admin
really renders; the second save is refused, names what the first changed and keeps the first's value.
A form posted without its version is refused too."""

import html

import pytest
from django.test import Client

from actors.models import Organisation
from indicators.models import Indicator, Measurement
from strategy.models import (
    Action,
    Axis,
    BudgetLine,
    Contribution,
    Decision,
    Meeting,
    Orientation,
    SwotItem,
    Workshop,
)
from tests.actors.factories import OrganisationFactory
from tests.indicators.factories import IndicatorFactory, MeasurementFactory
from tests.strategy.admin.conftest import admin_url
from tests.strategy.admin.html_forms import change_form_data
from tests.strategy.factories import (
    AxisFactory,
    BudgetLineFactory,
    ContributionFactory,
    DecisionFactory,
    MeetingFactory,
    OrientationFactory,
    SwotItemFactory,
    UserFactory,
    WorkshopFactory,
)

#: model, factory, (field the first person changes, its label, value), (field the second changes, value)
CASES = [
    (Axis, AxisFactory, ("title", "Intitulé", "Réussir à l'école"), ("description", "Un axe revu.")),
    (
        Orientation,
        OrientationFactory,
        ("title", "Intitulé", "Lire dès le plus jeune âge"),
        ("description", "Une orientation revue."),
    ),
    (
        BudgetLine,
        BudgetLineFactory,
        ("file_reference", "Référence du dossier", "CAF-2025-017"),
        ("stage", "paid"),
    ),
    (
        Measurement,
        MeasurementFactory,
        ("comment", "Commentaire", "Chiffre rectifié."),
        ("source_note", "DSDEN"),
    ),
    (Indicator, IndicatorFactory, ("name", "Intitulé", "Taux de lecture"), ("definition", "Une définition.")),
    (
        Contribution,
        ContributionFactory,
        ("answer", "Réponse", "Retenu pour l'axe 2."),
        ("answer", "Nous y reviendrons au COPIL."),
    ),
    (
        Workshop,
        WorkshopFactory,
        ("objectives", "Objectifs", "Croiser les regards."),
        ("outcomes", "Trois pistes."),
    ),
    (Decision, DecisionFactory, ("text", "Décision", "Le COPIL valide l'axe 1."), ("text", "Reporté.")),
    (Meeting, MeetingFactory, ("minutes", "Relevé de conclusions", "Axe 1 validé."), ("location", "Salle B")),
    (SwotItem, SwotItemFactory, ("text", "Constat", "Peu de places en accueil du soir."), ("order", "7")),
    (
        Organisation,
        OrganisationFactory,
        ("description", "Présentation", "Une association de quartier."),
        ("short_name", "ADQ"),
    ),
]
IDS = [case[0].__name__ for case in CASES]


@pytest.fixture
def two_sessions(db, coordination_user):
    first, second = Client(), Client()
    first.force_login(coordination_user)
    second.force_login(UserFactory(username="coordination2", role="coordination"))
    return first, second


def page_text(response):
    return html.unescape(response.content.decode())


def set_value(data, name, value):
    assert name in data, f"{name} is not in the rendered form"
    data[name] = [value]


@pytest.mark.parametrize(("model", "factory", "first_change", "second_change"), CASES, ids=IDS)
def test_a_save_over_someone_elses_is_refused_and_names_their_change(
    two_sessions, model, factory, first_change, second_change
):
    first, second = two_sessions
    obj = factory()
    url = admin_url(model, "change", obj.pk)
    first_data, second_data = change_form_data(first.get(url)), change_form_data(second.get(url))
    (first_field, first_label, first_value), (second_field, second_value) = first_change, second_change
    kept = getattr(obj, second_field)

    set_value(first_data, first_field, first_value)
    assert first.post(url, first_data).status_code == 302

    set_value(second_data, second_field, second_value)
    response = second.post(url, second_data)
    assert response.status_code == 200
    text = page_text(response)
    assert "a été enregistrée par coordination pendant que vous la modifiiez" in text
    assert f"les champs modifiés sont : {first_label}" in text
    obj.refresh_from_db()
    assert str(getattr(obj, first_field)) == first_value
    if second_field != first_field:
        assert getattr(obj, second_field) == kept


@pytest.mark.parametrize(("model", "factory", "first_change", "second_change"), CASES, ids=IDS)
def test_a_change_form_posted_without_its_version_is_refused(
    two_sessions, model, factory, first_change, second_change
):
    first, _ = two_sessions
    obj = factory()
    url = admin_url(model, "change", obj.pk)
    data = change_form_data(first.get(url))
    field, _, value = first_change
    before = getattr(obj, field)
    set_value(data, field, value)
    del data["loaded_updated_at"]
    response = first.post(url, data)
    assert response.status_code == 200
    assert "Ce formulaire ne dit pas de quelle version de la fiche vous êtes parti·e" in page_text(response)
    obj.refresh_from_db()
    assert getattr(obj, field) == before


def test_a_version_that_does_not_parse_is_refused(two_sessions):
    first, _ = two_sessions
    axis = AxisFactory(title="Réussir")
    url = admin_url(Axis, "change", axis.pk)
    data = change_form_data(first.get(url))
    set_value(data, "title", "Réussir ensemble")
    set_value(data, "loaded_updated_at", "hier soir")
    response = first.post(url, data)
    assert "Ce formulaire ne dit pas de quelle version" in page_text(response)
    axis.refresh_from_db()
    assert axis.title == "Réussir"


def test_a_new_fiche_needs_no_version(two_sessions):
    first, _ = two_sessions
    strategy = AxisFactory().strategy
    url = admin_url(Axis, "add")
    data = change_form_data(first.get(url))
    assert data.get("loaded_updated_at", [""]) == [""]  # nothing to start from
    data.update(strategy=[str(strategy.pk)], number=["5"], title=["Axe ajouté"])
    assert first.post(url, data).status_code == 302
    assert Axis.objects.filter(strategy=strategy, number=5, title="Axe ajouté").exists()


def inline_row(data, prefix, pk):
    """The prefix of the inline row holding the object ``pk`` (e.g. ``budget_lines-0``)."""
    for name, values in data.items():
        if name.startswith(prefix) and name.endswith("-id") and values == [str(pk)]:
            return name[: -len("-id")]
    raise AssertionError(f"no inline row for {pk} under {prefix}")


def test_a_budget_line_edited_in_two_action_pages_keeps_the_first_save(two_sessions):
    first, second = two_sessions
    line = BudgetLineFactory(file_reference="", stage="requested")
    url = admin_url(Action, "change", line.action.pk)
    first_data, second_data = change_form_data(first.get(url)), change_form_data(second.get(url))
    row = inline_row(first_data, "budget_lines-", line.pk)
    assert f"{row}-loaded_updated_at" in first_data

    set_value(first_data, f"{row}-file_reference", "CAF-2025-017")
    assert first.post(url, first_data).status_code == 302
    set_value(second_data, f"{row}-stage", "paid")
    response = second.post(url, second_data)
    assert response.status_code == 200
    text = page_text(response)
    assert "les champs modifiés sont : Référence du dossier" in text
    line.refresh_from_db()
    assert (line.file_reference, line.stage) == ("CAF-2025-017", "requested")


def test_a_budget_line_saved_on_its_own_page_protects_it_from_a_stale_action_page(two_sessions):
    first, second = two_sessions
    line = BudgetLineFactory(file_reference="")
    action_url = admin_url(Action, "change", line.action.pk)
    line_url = admin_url(BudgetLine, "change", line.pk)
    action_data = change_form_data(second.get(action_url))
    line_data = change_form_data(first.get(line_url))

    set_value(line_data, "file_reference", "CAF-2025-017")
    assert first.post(line_url, line_data).status_code == 302
    # The second person only retitles the action; the stale budget row would write the old reference back.
    set_value(action_data, "title", "Un titre revu")
    response = second.post(action_url, action_data)
    assert response.status_code == 200
    assert "les champs modifiés sont : Référence du dossier" in page_text(response)
    line.refresh_from_db()
    assert line.file_reference == "CAF-2025-017"
    assert Action.objects.get(pk=line.action.pk).title != "Un titre revu"


def test_an_inline_row_posted_without_its_version_is_refused(two_sessions):
    first, _ = two_sessions
    line = BudgetLineFactory(file_reference="")
    url = admin_url(Action, "change", line.action.pk)
    data = change_form_data(first.get(url))
    row = inline_row(data, "budget_lines-", line.pk)
    set_value(data, f"{row}-file_reference", "CAF-2025-017")
    del data[f"{row}-loaded_updated_at"]
    response = first.post(url, data)
    assert response.status_code == 200
    assert "Ce formulaire ne dit pas de quelle version" in page_text(response)
    line.refresh_from_db()
    assert line.file_reference == ""


def test_a_measurement_edited_in_two_indicator_pages_keeps_the_first_save(two_sessions):
    first, second = two_sessions
    measurement = MeasurementFactory(comment="", source_note="")
    url = admin_url(Indicator, "change", measurement.indicator.pk)
    first_data, second_data = change_form_data(first.get(url)), change_form_data(second.get(url))
    row = inline_row(first_data, "measurements-", measurement.pk)
    set_value(first_data, f"{row}-comment", "Chiffre rectifié.")
    assert first.post(url, first_data).status_code == 302
    set_value(second_data, f"{row}-source_note", "DSDEN")
    response = second.post(url, second_data)
    assert response.status_code == 200
    assert "les champs modifiés sont : Commentaire" in page_text(response)
    measurement.refresh_from_db()
    assert (measurement.comment, measurement.source_note) == ("Chiffre rectifié.", "")
