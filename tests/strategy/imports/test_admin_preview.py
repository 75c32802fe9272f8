"""The admin's import preview, read from the HTML it renders: « avant → après » in French, no inline style."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from strategy.models import BudgetLine
from tests.strategy.imports.files import csv_bytes, xlsx_bytes
from tests.strategy.imports.test_admin_import import upload

pytestmark = pytest.mark.urls("tests.strategy.imports.admin_site")

HEADERS = [
    "Code action",
    "Année",
    "Financeur",
    "Montant prévu",
    "Montant réalisé",
    "Étape",
    "Référence dossier",
]


class PreviewTable(HTMLParser):
    """The rows of ``table.import-preview`` as whitespace-collapsed cell texts; inline styles and scripts."""

    def __init__(self):
        super().__init__()
        self.rows, self.inline_styles, self.inline_scripts = [], [], 0
        self._in_table = False
        self._cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.inline_styles.append(tag)
        if tag == "script" and "src" not in attrs:
            self.inline_scripts += 1
        if tag == "style":
            self.inline_styles.append("<style>")
        if tag == "table" and "import-preview" in attrs.get("class", ""):
            self._in_table = True
        elif self._in_table and tag == "tr":
            self.rows.append([])
        elif self._in_table and tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "table":
            self._in_table = False
        elif self._in_table and tag in ("td", "th") and self._cell is not None:
            # Collapse the template's ASCII whitespace only: the (narrow) no-break spaces are the value's.
            self.rows[-1].append(re.sub(r"[ \t\r\n]+", " ", "".join(self._cell)).strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def preview_of(response):
    parser = PreviewTable()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def coordination_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_a_changed_amount_reads_before_arrow_after_the_french_way(world, coordination_client):
    rows = [
        HEADERS,
        ["1.1", "2024", "CAF", "80 000,50", "2 500,00", "Demandé", "CAF-2024-17"],
        ["2.1", "2026", "Ville", "1 500", "", "Notifié", "VILLE-2026-07"],
    ]

    response = upload(
        coordination_client,
        reverse("admin:strategy_budgetline_import"),
        world.strategy,
        "financements.xlsx",
        xlsx_bytes(rows),
    )

    preview = preview_of(response)
    header, update, new = preview.rows
    assert header[:2] == ["Ligne", "Effet"]
    cells = dict(zip(header, update, strict=True))
    assert cells["Ligne"] == "2"
    assert cells["Effet"] == "Mise à jour"
    assert cells["Montant prévu"] == "12\u202f500,50\u00a0€ → 80\u202f000,50\u00a0€"
    assert cells["Montant réalisé"] == "2\u202f500\u00a0€"  # unchanged: the value alone
    assert cells["Étape"] == "Notifié → Demandé"
    new_cells = dict(zip(header, new, strict=True))
    assert (new_cells["Ligne"], new_cells["Effet"], new_cells["Montant prévu"]) == (
        "3",
        "Création",
        "1\u202f500\u00a0€",
    )
    assert preview.inline_styles == [] and preview.inline_scripts == 0
    assert BudgetLine.objects.get(pk=world.line.pk).planned_amount == world.line.planned_amount


def test_a_changed_measurement_value_reads_in_french_with_its_row_number(world, coordination_client):
    rows = [
        ["Code indicateur", "Période", "Quartier", "Valeur"],
        ["I1", "2023", "Ivry Port", "41,5"],
        ["I1", "2023", "", "240,25"],
    ]

    response = upload(
        coordination_client,
        reverse("admin:indicators_measurement_import"),
        world.strategy,
        "mesures.csv",
        csv_bytes(rows),
    )

    header, unchanged, update = preview_of(response).rows
    assert dict(zip(header, unchanged, strict=True))["Effet"] == "Inchangée"
    cells = dict(zip(header, update, strict=True))
    assert (cells["Ligne"], cells["Valeur"]) == ("3", "237 → 240,25")


def test_a_refused_row_is_numbered_as_in_the_spreadsheet(world, coordination_client):
    rows = [
        HEADERS,
        ["1.1", "2024", "CAF", "80 000,50", "", "Demandé", ""],
        ["1.1", "2025", "CAF", "-4", "", "", ""],
    ]

    response = upload(
        coordination_client,
        reverse("admin:strategy_budgetline_import"),
        world.strategy,
        "financements.csv",
        csv_bytes(rows),
    )

    preview = preview_of(response)
    refused = [row for row in preview.rows[1:]]
    assert [row[0] for row in refused] == ["3"]
    assert refused[0][1].startswith("Ligne 3, colonne « Montant prévu » : montant négatif")
    assert preview.inline_styles == []
