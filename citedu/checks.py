"""Deployment checks of our own: ``check --deploy`` names what production lacks, as the entry points do."""

from django.core import checks

from citedu import environment


@checks.register(checks.Tags.security, deploy=True)
def production_settings_check(app_configs, **kwargs):
    return [
        checks.Error(
            f"{name} must be set when DEBUG is off.",
            hint="See the README's settings table (« Réglages »).",
            id="citedu.E001",
        )
        for name in environment.missing_production_settings()
    ]
