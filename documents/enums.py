"""Choices of the documents app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VersionKind(models.TextChoices):
    INITIAL = "initial", _("Version initiale")
    AMENDMENT = "amendment", _("Avenant")


class DocumentKind(models.TextChoices):
    STRATEGY = "strategy", _("document de la stratégie")
    REPORT = "report", _("rapport annuel")
    ACTION = "action", _("fiche action")
    AMENDMENT = "amendment", _("annexe d'avenant")
    REVIEW = "review", _("revue de projet / bilan annuel")
    PROGRAMMATION = "programmation", _("programmation annuelle")


class Audience(models.TextChoices):
    """Who a document is rendered for: what ``visible_to`` shows each of them differs, nothing else."""

    PUBLIC = "public", _("public")
    PARTNER = "partner", _("partenaires")
    INSIDE = "inside", _("équipe de la stratégie")


class FreezeStatus(models.TextChoices):
    QUEUED = "queued", _("en file d'attente")
    RUNNING = "running", _("en cours")
    DONE = "done", _("terminée")
    FAILED = "failed", _("échouée")
