"""The data dictionary page (/donnees/) documents every column of every open-data CSV, from the
schemas the files are checked against; the footer and the documents page lead to it."""

import re
from html import unescape

import pytest

from api.schemas import TABLES

pytestmark = pytest.mark.django_db


def test_it_documents_every_column_of_every_file(client):
    response = client.get("/donnees/")

    assert response.status_code == 200
    html = unescape(response.content.decode())
    for table in TABLES:
        assert f'<h2 id="{table.name}">{table.filename}' in html
        assert f"Les {len(table.columns)} colonnes de {table.filename}</caption>" in html
        documented = re.findall(
            r'<th scope="row"><code>([^<]+)</code></th>', html.split(f'id="{table.name}"')[1]
        )
        assert documented[: len(table.columns)] == table.headers
        assert f'href="/donnees/{table.name}.schema.json"' in html


def test_it_gives_each_column_s_type_unit_example_and_allowed_values(client):
    html = unescape(client.get("/donnees/").content.decode())

    assert "Nombre décimal à virgule, sans séparateur de milliers." in html
    assert "Nombre entier, en personnes." in html
    assert "Exemple : <code>2024-2025</code>" in html
    assert "Valeurs possibles : Proposée, Validée, En cours, Réalisée, Reportée, Abandonnée." in html


def test_the_footer_and_the_documents_page_lead_to_the_data(client, world):
    documents = client.get("/strategies/pedt-villebelle/documents/").content.decode()

    assert 'href="/donnees/"' in client.get("/").content.decode()
    assert 'href="/strategies/pedt-villebelle/datapackage.json"' in documents
    assert 'href="/donnees/"' in documents
