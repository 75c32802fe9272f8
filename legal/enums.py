from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalBasis(models.TextChoices):
    """The lawful bases of article 6 of the GDPR."""

    PUBLIC_TASK = "public_task", _("mission d'intérêt public")
    LEGAL_OBLIGATION = "legal_obligation", _("obligation légale")
    CONSENT = "consent", _("consentement")
    CONTRACT = "contract", _("exécution d'un contrat")
    LEGITIMATE_INTEREST = "legitimate_interest", _("intérêt légitime")
    VITAL_INTEREST = "vital_interest", _("sauvegarde des intérêts vitaux")


class ComplianceStatus(models.TextChoices):
    """The three states of the RGAA's accessibility statement."""

    NON_COMPLIANT = "non_compliant", _("non conforme")
    PARTIALLY_COMPLIANT = "partially_compliant", _("partiellement conforme")
    FULLY_COMPLIANT = "fully_compliant", _("totalement conforme")
