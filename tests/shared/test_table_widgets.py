"""The widgets of the tables' columns write a value as the export does and read it back unchanged."""

import datetime
from decimal import Decimal

import pytest

from shared.cells import CellError, Lookup
from shared.table_widgets import (
    AmountCellWidget,
    ChoiceLabelWidget,
    DateCellWidget,
    DecimalCellWidget,
    IntegerCellWidget,
    NamesWidget,
    RelatedWidget,
)
from strategy.enums import ActionStatus


class Named:
    def __init__(self, name, order=0):
        self.name = name
        self.order = order


class Manager:
    def __init__(self, *objects):
        self.objects = objects

    def all(self):
        return self.objects


@pytest.mark.parametrize(
    ("widget", "value", "cell"),
    [
        (DecimalCellWidget(), Decimal("-3.5"), "-3,50"),
        (AmountCellWidget(), Decimal("12500.5"), "12500,50"),
        (IntegerCellWidget(), 2024, 2024),
        (DateCellWidget(), datetime.date(2021, 5, 31), "31/05/2021"),
        (ChoiceLabelWidget(ActionStatus.choices, "statut inconnu"), ActionStatus.VALIDATED, "Validée"),
    ],
)
def test_a_value_written_by_a_widget_reads_back_unchanged(widget, value, cell):
    assert widget.render(value) == cell
    assert widget.clean(cell) == value


@pytest.mark.parametrize(
    "widget",
    [DecimalCellWidget(), IntegerCellWidget(), DateCellWidget(), ChoiceLabelWidget(ActionStatus.choices, "")],
)
def test_an_empty_value_is_an_empty_cell_and_back(widget):
    assert widget.render(None) == ""
    assert widget.clean("") is None


def test_amounts_are_read_the_french_way_and_never_negative():
    assert AmountCellWidget().clean("12 500,50 €") == Decimal("12500.50")
    with pytest.raises(CellError, match="montant négatif"):
        AmountCellWidget().clean("-1")


def test_a_choice_is_read_from_its_label_or_value_and_an_unknown_one_refused_in_french():
    widget = ChoiceLabelWidget(ActionStatus.choices, "statut inconnu")

    assert widget.clean("validée") == widget.clean("validated") == ActionStatus.VALIDATED
    with pytest.raises(CellError, match="statut inconnu : « Signée »"):
        widget.clean("Signée")


def test_a_related_object_is_written_as_its_attribute_and_read_through_the_lookup():
    caf = Named("Caisse d'allocations familiales")
    widget = RelatedWidget("name")
    widget.lookup = Lookup("organisation inconnue")
    widget.lookup.add(caf, caf.name, "CAF")

    assert widget.render(caf) == "Caisse d'allocations familiales"
    assert widget.render(None) == ""
    assert widget.clean("caf") is caf


def test_names_are_joined_with_semicolons_in_their_order_then_alphabetically():
    widget = NamesWidget()

    assert widget.render(Manager(Named("Élan"), Named("Abeille"), Named("Zèbre", order=-1))) == (
        "Zèbre; Abeille; Élan"
    )
    assert widget.render(None) == ""
