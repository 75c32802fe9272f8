"""Choices of the documents app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VersionKind(models.TextChoices):
    INITIAL = "initial", _("Version initiale")
    AMENDMENT = "amendment", _("Avenant")
