"""The documents' one typographic pass: elisions get the typographic apostrophe, markup stays as it was."""

from documents.typography import curly_apostrophes_in_html


def test_text_gets_typographic_apostrophes_escaped_or_not():
    html = "<p>L'école d&#x27;Ivry, aujourd&#39;hui</p>"
    assert curly_apostrophes_in_html(html) == "<p>L’école d’Ivry, aujourd’hui</p>"


def test_tags_attributes_addresses_and_quotes_are_left_alone():
    html = (
        "<svg font-family='Citedu Sans'><text>l'axe</text></svg>"
        "<p title=\"l'école\">Écrire à o'neil@example.org ou https://example.org/l'ecole, 'cité'</p>"
    )
    assert curly_apostrophes_in_html(html) == (
        "<svg font-family='Citedu Sans'><text>l’axe</text></svg>"
        "<p title=\"l'école\">Écrire à o'neil@example.org ou https://example.org/l'ecole, 'cité'</p>"
    )
