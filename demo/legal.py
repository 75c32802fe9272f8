"""The demo's legal notice: a fictional publisher and host, so the legal pages read as they will.

The accessibility audit stays empty: the demo portal is « non conforme », as any portal not yet
audited. Only empty fields are filled, so a second run, or a city's own text, is left as it is.
"""

from legal.models import AccessibilityStatement, LegalNotice

#: Example values only: a SIRET that passes the Luhn check but names no establishment, telephone
#: numbers from the range ARCEP keeps for fiction (01 99 00 xx xx), addresses of no real street.
NOTICE = {
    "publisher_name": "Ville exemple (démonstration)",
    "publisher_address": "1 place de l'Hôtel-de-Ville\n99000 Ville-Exemple",
    "publisher_siret": "21990000100013",
    "publisher_phone": "01 99 00 12 34",
    "publisher_email": "contact@demo.citedu.example.org",
    "publication_director": "Mme Claire Exemple, maire",
    "host_name": "Hébergeur exemple SAS (démonstration)",
    "host_address": "10 rue de l'Exemple\n99100 Ville-Exemple",
    "host_phone": "01 99 00 56 78",
    "dpo_name": "Délégué à la protection des données (démonstration)",
    "dpo_organisation": "Centre de gestion exemple",
    "dpo_email": "dpo@demo.citedu.example.org",
}

STATEMENT = {
    "contact_email": "accessibilite@demo.citedu.example.org",
    "out_of_scope": (
        "Les copies numérisées des documents signés, déposées telles quelles ; leur contenu est "
        "repris dans les pages du portail et dans le document de la stratégie qu'il produit."
    ),
    "tools_used": "axe-core (vérification automatique de chaque version du logiciel)",
}


def _fill_empty(record, values):
    changed = [name for name, value in values.items() if not getattr(record, name)]
    for name in changed:
        setattr(record, name, values[name])
    if changed:
        record.full_clean()
        record.save()
    return len(changed)


def load_legal_pages():
    """Fills the empty fields of the legal notice and the statement; returns how many it filled."""
    return _fill_empty(LegalNotice.load_for_editing(), NOTICE) + _fill_empty(
        AccessibilityStatement.load_for_editing(), STATEMENT
    )
