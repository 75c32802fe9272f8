"""The strategy and its tree of axes and orientations."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actors import roles
from strategy.enums import ActionStatus, OrientationStatus, ProgressMethod, StrategyKind, StrategyStatus

PUBLISHED_STATUSES = (StrategyStatus.ADOPTED, StrategyStatus.CLOSED)


class StrategyQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status__in=PUBLISHED_STATUSES)

    def visible_to(self, user):
        """Anonymous: adopted or closed; partners: also under consultation; staff: all."""
        if roles.sees_everything(user):
            return self
        if roles.is_partner(user):
            return self.filter(status__in=(*PUBLISHED_STATUSES, StrategyStatus.CONSULTATION))
        return self.published()


class Strategy(models.Model):
    territory = models.ForeignKey(
        "actors.Territory", verbose_name=_("territoire"), on_delete=models.PROTECT, related_name="strategies"
    )
    kind = models.CharField(_("type"), max_length=20, choices=StrategyKind.choices)
    title = models.CharField(_("titre"), max_length=250)
    slug = models.SlugField(_("identifiant"), max_length=100, unique=True)
    status = models.CharField(
        _("statut"), max_length=20, choices=StrategyStatus.choices, default=StrategyStatus.DRAFT
    )
    start_date = models.DateField(_("début"))
    end_date = models.DateField(_("fin"))
    summary = models.TextField(_("résumé en langage clair"), blank=True)
    introduction = models.TextField(_("présentation"), blank=True)
    governance = models.TextField(_("gouvernance"), blank=True)
    co_construction = models.TextField(_("démarche de co-construction"), blank=True)
    progress_method = models.CharField(
        _("calcul de l'avancement"),
        max_length=10,
        choices=ProgressMethod.choices,
        default=ProgressMethod.EQUAL,
        help_text=_("Comment l'avancement des actions se cumule par orientation, axe et quartier."),
    )
    cofunding_ratio = models.DecimalField(
        _("part minimale de la commune"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_(
            "Euros de la commune attendus pour 1 € de l'État chaque année (1 : autant que l'État). "
            "Laisser vide pour ne pas contrôler le cofinancement."
        ),
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = StrategyQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("stratégie")
        verbose_name_plural = _("stratégies")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__lte=models.F("end_date")),
                name="strategy_dates_in_order",
                violation_error_message=_("La date de fin doit suivre la date de début."),
            ),
            models.CheckConstraint(
                condition=Q(cofunding_ratio__isnull=True) | Q(cofunding_ratio__gte=0),
                name="strategy_cofunding_ratio_not_negative",
                violation_error_message=_("La part minimale de la commune ne peut pas être négative."),
            ),
            models.CheckConstraint(
                condition=~Q(title=""),
                name="strategy_title_not_empty",
                violation_error_message=_("Le titre de la stratégie est obligatoire."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("portal:strategy_detail", kwargs={"slug": self.slug})

    @property
    def is_published(self):
        return self.status in PUBLISHED_STATUSES

    @property
    def period_label(self):
        return f"{self.start_date.year}-{self.end_date.year}"


class AxisQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(strategy__in=Strategy.objects.visible_to(user))


class Axis(models.Model):
    strategy = models.ForeignKey(
        Strategy, verbose_name=_("stratégie"), on_delete=models.CASCADE, related_name="axes"
    )
    number = models.PositiveSmallIntegerField(_("numéro"))
    title = models.CharField(_("intitulé"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = AxisQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy", "number"]
        verbose_name = _("axe stratégique")
        verbose_name_plural = _("axes stratégiques")
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "number"],
                name="axis_unique_number_per_strategy",
                violation_error_message=_("Cette stratégie a déjà un axe portant ce numéro."),
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="axis_number_positive",
                violation_error_message=_("Le numéro d'un axe commence à 1."),
            ),
        ]

    def __str__(self):
        return f"Axe {self.number} — {self.title}"


class OrientationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Like actions: a proposed orientation is a draft, seen only inside the strategy, or by
        partners while the strategy is under consultation."""
        if roles.sees_everything(user):
            return self
        visible = Q(strategy__status__in=PUBLISHED_STATUSES, status=OrientationStatus.VALIDATED)
        if roles.is_partner(user):
            visible |= Q(strategy__status=StrategyStatus.CONSULTATION)
        return self.filter(visible)


class Orientation(models.Model):
    """A strategic orientation. In a Cité éducative it may cut across the axes (no axis)."""

    strategy = models.ForeignKey(
        Strategy, verbose_name=_("stratégie"), on_delete=models.CASCADE, related_name="orientations"
    )
    axis = models.ForeignKey(
        Axis,
        verbose_name=_("axe"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="orientations",
        help_text=_("Laisser vide pour une orientation transversale aux axes."),
    )
    number = models.PositiveSmallIntegerField(_("numéro"))
    title = models.CharField(_("intitulé"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("statut"), max_length=20, choices=OrientationStatus.choices, default=OrientationStatus.PROPOSED
    )
    validated_on = models.DateField(_("validée le"), null=True, blank=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = OrientationQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy", "number"]
        verbose_name = _("orientation stratégique")
        verbose_name_plural = _("orientations stratégiques")
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "number"],
                name="orientation_unique_number_per_strategy",
                violation_error_message=_("Cette stratégie a déjà une orientation portant ce numéro."),
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="orientation_number_positive",
                violation_error_message=_("Le numéro d'une orientation commence à 1."),
            ),
            models.CheckConstraint(
                condition=Q(status=OrientationStatus.PROPOSED) | Q(validated_on__isnull=False),
                name="orientation_validated_has_date",
                violation_error_message=_("Une orientation validée doit porter sa date de validation."),
            ),
        ]

    def __str__(self):
        return f"Orientation {self.number} — {self.title}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.axis_id and self.strategy_id and self.axis.strategy_id != self.strategy_id:
            raise ValidationError({"axis": _("Cet axe appartient à une autre stratégie.")})
        # The other side of ``orientation_refuses``: back to proposed only with proposed actions.
        if (
            self.pk
            and self.status == OrientationStatus.PROPOSED
            and self.actions.exclude(status=ActionStatus.PROPOSED).exists()
        ):
            raise ValidationError(
                {
                    "status": _(
                        "Des actions de cette orientation sont déjà validées : elle ne peut pas "
                        "redevenir proposée."
                    )
                }
            )


class Signatory(models.Model):
    """An organisation signing the strategy document, through a named representative."""

    strategy = models.ForeignKey(
        Strategy, verbose_name=_("stratégie"), on_delete=models.CASCADE, related_name="signatories"
    )
    organisation = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="signatures",
    )
    representative = models.CharField(_("représentant·e"), max_length=200)
    representative_title = models.CharField(_("qualité"), max_length=250)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        ordering = ["strategy", "order", "id"]
        verbose_name = _("signataire")
        verbose_name_plural = _("signataires")
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "organisation"],
                name="signatory_unique_organisation",
                violation_error_message=_("Cette organisation est déjà signataire de la stratégie."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation} — {self.representative}"
