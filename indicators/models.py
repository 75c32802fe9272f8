import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Q, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actors import roles
from indicators.enums import Direction, Frequency, IndicatorKind, MeasurementStatus, Rating, Sex
from strategy.models import Strategy

#: What a measurement may be restricted to, besides its period: empty (or « ensemble ») is everyone.
BREAKDOWN_FIELDS = ("neighbourhood", "audience", "sex")

#: A calendar year (2023), a school year (2022-2023, consecutive) or a quarter (2023-T2).
PERIOD_PATTERN = r"^(19|20)[0-9]{2}(-(19|20)[0-9]{2}|-T[1-4])?$"


class IndicatorQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Public indicators of the strategies the user may read; staff see them all."""
        if roles.sees_everything(user):
            return self
        return self.filter(is_public=True, strategy__in=Strategy.objects.visible_to(user))


class Indicator(models.Model):
    strategy = models.ForeignKey(
        Strategy, verbose_name=_("stratégie"), on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.CharField(_("code"), max_length=20)
    slug = models.SlugField(_("identifiant"), max_length=120)
    name = models.CharField(_("intitulé"), max_length=250)
    definition = models.TextField(_("définition et mode de calcul"), blank=True)
    kind = models.CharField(
        _("nature"), max_length=20, choices=IndicatorKind.choices, default=IndicatorKind.QUANTITATIVE
    )
    unit = models.CharField(
        _("unité"), max_length=40, blank=True, help_text=_("Par exemple « places », « % », « élèves ».")
    )
    direction = models.CharField(
        _("sens souhaité"), max_length=10, choices=Direction.choices, default=Direction.UP
    )
    source = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("organisation source"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
    )
    frequency = models.CharField(
        _("fréquence"), max_length=20, choices=Frequency.choices, default=Frequency.YEARLY
    )
    baseline_value = models.DecimalField(
        _("valeur de référence"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    baseline_period = models.CharField(_("période de référence"), max_length=9, blank=True)
    target_value = models.DecimalField(_("cible"), max_digits=14, decimal_places=2, null=True, blank=True)
    target_period = models.CharField(_("échéance de la cible"), max_length=9, blank=True)
    orientations = models.ManyToManyField(
        "strategy.Orientation", verbose_name=_("orientations"), blank=True, related_name="indicators"
    )
    actions = models.ManyToManyField(
        "strategy.Action", verbose_name=_("actions"), blank=True, related_name="indicators"
    )
    is_public = models.BooleanField(_("publié"), default=False)
    is_core = models.BooleanField(
        _("socle commun"),
        default=False,
        help_text=_(
            "Indicateur du socle commun : la courte liste que le territoire suit d'année en année, "
            "avec une définition stable, pour que les chiffres restent comparables."
        ),
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = IndicatorQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy", "code"]
        verbose_name = _("indicateur")
        verbose_name_plural = _("indicateurs")
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "code"],
                name="indicator_unique_code_per_strategy",
                violation_error_message=_("Cette stratégie a déjà un indicateur portant ce code."),
            ),
            models.UniqueConstraint(
                fields=["strategy", "slug"],
                name="indicator_unique_slug_per_strategy",
                violation_error_message=_("Cette stratégie a déjà un indicateur avec cet identifiant."),
            ),
            models.CheckConstraint(
                condition=Q(baseline_period="") | Q(baseline_period__regex=PERIOD_PATTERN),
                name="indicator_baseline_period_format",
                violation_error_message=_(
                    "Période de référence invalide : écrire 2023, 2022-2023 ou 2023-T2."
                ),
            ),
            models.CheckConstraint(
                condition=Q(target_period="") | Q(target_period__regex=PERIOD_PATTERN),
                name="indicator_target_period_format",
                violation_error_message=_("Échéance invalide : écrire 2023, 2022-2023 ou 2023-T2."),
            ),
            models.CheckConstraint(
                condition=~Q(code=""),
                name="indicator_code_not_empty",
                violation_error_message=_("Le code de l'indicateur est obligatoire."),
            ),
        ]

    def __str__(self):
        return f"{self.code} — {self.name}"

    def get_absolute_url(self):
        return reverse(
            "portal:indicator_detail", kwargs={"slug": self.strategy.slug, "indicator_slug": self.slug}
        )

    @property
    def is_qualitative(self):
        return self.kind == IndicatorKind.QUALITATIVE

    def progress_to_target(self, value):
        """Share of the way from baseline to target reached by ``value``, between 0 and 1.

        None when the indicator has no numeric baseline and target, or they are equal.
        """
        if value is None or self.baseline_value is None or self.target_value is None:
            return None
        span = self.target_value - self.baseline_value
        if span == 0:
            return None
        return max(0.0, min(1.0, float((value - self.baseline_value) / span)))


def validate_period(value):
    if not re.match(PERIOD_PATTERN, value):
        raise ValidationError(
            _(
                "Période « %(value)s » invalide : écrire une année (2023), une année scolaire (2022-2023) "
                "ou un trimestre (2023-T2)."
            ),
            params={"value": value},
        )
    if len(value) == 9 and value[4] == "-" and int(value[5:]) != int(value[:4]) + 1:
        raise ValidationError(
            _("Année scolaire « %(value)s » invalide : les deux années doivent se suivre."),
            params={"value": value},
        )


class MeasurementQuerySet(models.QuerySet):
    def published(self):
        """Validated values only: a value waiting for validation (or refused) is never published,
        not even to staff on the public side (a document they freeze must not carry it)."""
        return self.filter(status=MeasurementStatus.VALIDATED)

    def visible_to(self, user):
        """Published values of the indicators the user may read. Where the indicators were already
        fetched through ``Indicator.objects.visible_to``, ``published()`` is the rest of this rule."""
        return self.published().filter(indicator__in=Indicator.objects.visible_to(user))

    def pending(self):
        return self.filter(status=MeasurementStatus.PENDING)

    def territory_wide(self):
        """The values of the whole population of the whole territory: no neighbourhood, no age band,
        both sexes. The headline series of an indicator, and the only values a round asks for."""
        return self.filter(neighbourhood__isnull=True, audience__isnull=True, sex=Sex.ALL)

    def in_breakdown_order(self, *first):
        """Ordered by ``first`` (fields), then the headline before its breakdowns, the same on
        both databases: neighbourhoods by name and audiences by age, empty ones first; girls before boys."""
        sex_rank = Case(When(sex=Sex.ALL, then=0), When(sex=Sex.GIRLS, then=1), default=2)
        return self.order_by(
            *first,
            F("neighbourhood__name").asc(nulls_first=True),
            F("audience__order").asc(nulls_first=True),
            sex_rank,
        )

    def breakdowns(self):
        """The values for one neighbourhood, one age band or one sex (everything but the headline)."""
        return self.exclude(neighbourhood__isnull=True, audience__isnull=True, sex=Sex.ALL)


class Measurement(models.Model):
    """One value of an indicator for a period: for the whole territory and population, or broken down
    by neighbourhood, age band (audience) and sex, one value per combination."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicateur"), on_delete=models.CASCADE, related_name="measurements"
    )
    period = models.CharField(_("période"), max_length=9, validators=[validate_period])
    neighbourhood = models.ForeignKey(
        "actors.Neighbourhood",
        verbose_name=_("quartier"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="measurements",
        help_text=_("Laisser vide pour l'ensemble du territoire."),
    )
    audience = models.ForeignKey(
        "strategy.Audience",
        verbose_name=_("public"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="measurements",
        help_text=_("Tranche d'âge ou public mesuré ; laisser vide pour tous les publics."),
    )
    sex = models.CharField(_("sexe"), max_length=5, choices=Sex.choices, default=Sex.ALL)
    value = models.DecimalField(_("valeur"), max_digits=14, decimal_places=2, null=True, blank=True)
    rating = models.CharField(_("appréciation"), max_length=1, choices=Rating.choices, blank=True)
    comment = models.TextField(_("commentaire"), blank=True)
    source_note = models.CharField(_("source"), max_length=250, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saisie par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("saisie le"), auto_now=True)
    status = models.CharField(
        _("état"),
        max_length=10,
        choices=MeasurementStatus.choices,
        default=MeasurementStatus.VALIDATED,
        help_text=_("Une valeur venue d'un partenaire ou de l'API n'est publiée qu'une fois validée."),
    )
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("validée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    validated_at = models.DateTimeField(_("validée le"), null=True, blank=True)

    objects = MeasurementQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "period", "neighbourhood__name"]
        verbose_name = _("mesure")
        verbose_name_plural = _("mesures")
        constraints = [
            # One rule for every breakdown, nulls included: an empty neighbourhood or audience is
            # compared as 0 (no id is 0), so two territory-wide values collide on both databases.
            models.UniqueConstraint(
                F("indicator"),
                F("period"),
                Coalesce("neighbourhood", 0),
                Coalesce("audience", 0),
                F("sex"),
                name="measurement_unique_per_breakdown",
                violation_error_message=_(
                    "Une mesure existe déjà pour cet indicateur et cette période, avec le même "
                    "quartier, le même public et le même sexe."
                ),
            ),
            models.CheckConstraint(
                condition=Q(period__regex=PERIOD_PATTERN),
                name="measurement_period_format",
                violation_error_message=_("Période invalide : écrire 2023, 2022-2023 ou 2023-T2."),
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=False) | ~Q(rating="") | ~Q(comment=""),
                name="measurement_has_content",
                violation_error_message=_(
                    "Une mesure demande une valeur, une appréciation ou un commentaire."
                ),
            ),
        ]

    def __str__(self):
        return " · ".join([self.indicator.code, self.period, *self.breakdown_labels()])

    def breakdown_labels(self):
        """What the value is restricted to (neighbourhood, audience, sex), empty when territory-wide."""
        labels = []
        if self.neighbourhood_id:
            labels.append(str(self.neighbourhood))
        if self.audience_id:
            labels.append(str(self.audience))
        if self.sex != Sex.ALL:
            labels.append(str(self.get_sex_display()))
        return labels

    @property
    def is_territory_wide(self):
        """Whether this is a value of the headline series (see ``MeasurementQuerySet.territory_wide``)."""
        return self.neighbourhood_id is None and self.audience_id is None and self.sex == Sex.ALL

    @property
    def is_published(self):
        return self.status == MeasurementStatus.VALIDATED

    def record_entry(self, user, status):
        """Stamp a value just entered by ``user``, published at once or waiting (``indicators.perms``
        decides which); the caller saves it."""
        self.entered_by = user
        self.status = status
        validated = status == MeasurementStatus.VALIDATED
        self.validated_by = user if validated else None
        self.validated_at = timezone.now() if validated else None

    def review(self, user, status):
        """Validate or refuse a waiting value, keeping who did it and when (in the history too)."""
        self.status = status
        self.validated_by = user
        self.validated_at = timezone.now()
        self.save(update_fields=["status", "validated_by", "validated_at"])

    def clean(self):
        if not self.indicator_id:
            return
        if self.indicator.kind == IndicatorKind.QUANTITATIVE and self.value is None:
            raise ValidationError({"value": _("Un indicateur quantitatif demande une valeur chiffrée.")})
        if self.indicator.kind == IndicatorKind.QUALITATIVE and not (self.rating or self.comment):
            raise ValidationError(
                {"rating": _("Un indicateur qualitatif demande une appréciation ou un commentaire.")}
            )
