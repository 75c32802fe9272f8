from django.db import models
from django.utils.translation import gettext_lazy as _


class RoundStatus(models.TextChoices):
    PREPARING = "preparing", _("En préparation")
    OPEN = "open", _("Ouverte")
    CLOSED = "closed", _("Clôturée")


class ReportStatus(models.TextChoices):
    """Where one action's answer stands: nothing entered, saved but not sent, sent to coordination."""

    TODO = "todo", _("À remplir")
    DRAFT = "draft", _("En cours de saisie")
    SENT = "sent", _("Envoyée")


class ParticipantState(models.TextChoices):
    """Where an organisation stands in a round, as the coordination view and the report show it."""

    WAITING = "waiting", _("Pas encore commencé")
    IN_PROGRESS = "in_progress", _("En cours")
    ANSWERED = "answered", _("Répondu")
    ANSWERED_LATE = "answered_late", _("Répondu en retard")
    LATE = "late", _("En retard")
    NO_ANSWER = "no_answer", _("Sans réponse")
