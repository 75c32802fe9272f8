"""System checks of the documents app: the signature trust roots read as certificates."""

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from documents.signatures import trust_roots


@checks.register()
def signature_trust_roots_check(app_configs, **kwargs):
    try:
        trust_roots()
    except ImproperlyConfigured as error:
        return [
            checks.Error(
                str(error),
                hint="See the README's settings table (« Réglages »).",
                id="documents.E001",
            )
        ]
    return []
