from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorKind(models.TextChoices):
    QUANTITATIVE = "quantitative", _("Quantitatif")
    QUALITATIVE = "qualitative", _("Qualitatif")


class Direction(models.TextChoices):
    UP = "up", _("À la hausse")
    DOWN = "down", _("À la baisse")
    STABLE = "stable", _("À maintenir")


class Frequency(models.TextChoices):
    YEARLY = "yearly", _("Annuelle (année civile)")
    SCHOOL_YEAR = "school_year", _("Annuelle (année scolaire)")
    TERM = "term", _("Trimestrielle")
    ONCE = "once", _("Ponctuelle")


class Rating(models.TextChoices):
    """The qualitative scale of a measurement (appréciation)."""

    VERY_UNSATISFACTORY = "1", _("Très insuffisant")
    UNSATISFACTORY = "2", _("Insuffisant")
    SATISFACTORY = "3", _("Satisfaisant")
    VERY_SATISFACTORY = "4", _("Très satisfaisant")


class MeasurementStatus(models.TextChoices):
    """Whether a measurement is published: values from outside the city's staff wait for validation."""

    PENDING = "pending", _("À valider")
    VALIDATED = "validated", _("Validée")
    REFUSED = "refused", _("Refusée")


class Sex(models.TextChoices):
    """Whom a measurement counts: girls, boys, or everyone (the value of the whole population)."""

    ALL = "all", _("Ensemble")
    GIRLS = "girls", _("Filles")
    BOYS = "boys", _("Garçons")
