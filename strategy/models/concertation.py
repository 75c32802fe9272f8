"""The co-construction record: workshops, the SWOT diagnosis, COPIL meetings, contributions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actors import roles
from strategy.enums import ContributionStatus, DecisionKind, MeetingKind, SwotKind, WorkshopKind
from strategy.models.structure import Axis, Strategy


class StrategyChildQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(strategy__in=Strategy.objects.visible_to(user))


class Workshop(models.Model):
    """A co-construction workshop (groupe de travail, atelier de concertation)."""

    strategy = models.ForeignKey(
        Strategy, verbose_name=_("stratégie"), on_delete=models.CASCADE, related_name="workshops"
    )
    title = models.CharField(_("intitulé"), max_length=250)
    kind = models.CharField(_("type"), max_length=30, choices=WorkshopKind.choices)
    phase = models.CharField(
        _("temps de la démarche"), max_length=100, blank=True, help_text=_("Par exemple « Temps 1 ».")
    )
    date = models.DateField(_("date"))
    axis = models.ForeignKey(
        Axis,
        verbose_name=_("axe"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshops",
    )
    participants_count = models.PositiveIntegerField(_("nombre de participants"), default=0)
    organisations = models.ManyToManyField(
        "actors.Organisation", verbose_name=_("organisations présentes"), blank=True, related_name="workshops"
    )
    objectives = models.TextField(_("objectifs"), blank=True)
    outcomes = models.TextField(_("ce qui en est ressorti"), blank=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = StrategyChildQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy", "date", "axis__number", "id"]
        verbose_name = _("atelier de concertation")
        verbose_name_plural = _("ateliers de concertation")

    def __str__(self):
        return f"{self.title} ({self.date:%d/%m/%Y})"

    @property
    def full_title(self):
        """« Temps 1 — Atelier de l’axe 1 »: the phase, then the title, unless the title starts with it."""
        if not self.phase or self.title.casefold().startswith(self.phase.casefold()):
            return self.title
        return f"{self.phase} — {self.title}"


class SwotItem(models.Model):
    """One line of the shared diagnosis (diagnostic partagé), as a SWOT per axis."""

    strategy = models.ForeignKey(
        Strategy, verbose_name=_("stratégie"), on_delete=models.CASCADE, related_name="swot_items"
    )
    axis = models.ForeignKey(
        Axis,
        verbose_name=_("axe"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="swot_items",
    )
    kind = models.CharField(_("nature"), max_length=20, choices=SwotKind.choices)
    text = models.TextField(_("constat"))
    workshop = models.ForeignKey(
        Workshop,
        verbose_name=_("atelier d'origine"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="swot_items",
    )
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = StrategyChildQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy", "axis__number", SwotKind.reading_order(), "order", "id"]
        verbose_name = _("élément du diagnostic (AFOM)")
        verbose_name_plural = _("diagnostic partagé (AFOM)")
        constraints = [
            models.CheckConstraint(
                condition=~Q(text=""),
                name="swot_item_text_not_empty",
                violation_error_message=_("Le constat est obligatoire."),
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} : {self.text[:60]}"


class Meeting(models.Model):
    """A meeting of the steering committee (COPIL) or the technical committee."""

    strategy = models.ForeignKey(
        Strategy, verbose_name=_("stratégie"), on_delete=models.CASCADE, related_name="meetings"
    )
    kind = models.CharField(
        _("instance"), max_length=20, choices=MeetingKind.choices, default=MeetingKind.COPIL
    )
    date = models.DateField(_("date"))
    title = models.CharField(_("intitulé"), max_length=250)
    location = models.CharField(_("lieu"), max_length=200, blank=True)
    minutes = models.TextField(_("relevé de conclusions"), blank=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = StrategyChildQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy", "-date"]
        verbose_name = _("réunion de pilotage")
        verbose_name_plural = _("réunions de pilotage")

    def __str__(self):
        return f"{self.get_kind_display()} du {self.date:%d/%m/%Y}"


class DecisionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(meeting__strategy__in=Strategy.objects.visible_to(user))


class Decision(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("réunion"), on_delete=models.CASCADE, related_name="decisions"
    )
    kind = models.CharField(_("nature"), max_length=30, choices=DecisionKind.choices)
    text = models.TextField(_("décision"))
    orientations = models.ManyToManyField(
        "strategy.Orientation",
        verbose_name=_("orientations concernées"),
        blank=True,
        related_name="decisions",
    )
    actions = models.ManyToManyField(
        "strategy.Action", verbose_name=_("actions concernées"), blank=True, related_name="decisions"
    )
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = DecisionQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "id"]
        verbose_name = _("décision")
        verbose_name_plural = _("décisions")
        constraints = [
            models.CheckConstraint(
                condition=~Q(text=""),
                name="decision_text_not_empty",
                violation_error_message=_("Le texte de la décision est obligatoire."),
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.meeting}"


class ContributionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Partners read the contributions of what they can read; anonymous visitors see none."""
        if roles.sees_everything(user):
            return self
        if roles.is_partner(user):
            return self.filter(strategy__in=Strategy.objects.visible_to(user))
        return self.none()

    def open(self):
        return self.filter(status=ContributionStatus.OPEN)


class Contribution(models.Model):
    """A partner's comment on a strategy under consultation, and the coordination's answer."""

    strategy = models.ForeignKey(
        Strategy, verbose_name=_("stratégie"), on_delete=models.CASCADE, related_name="contributions"
    )
    orientation = models.ForeignKey(
        "strategy.Orientation",
        verbose_name=_("orientation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="contributions",
    )
    action = models.ForeignKey(
        "strategy.Action",
        verbose_name=_("action"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="contributions",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur·rice"),
        on_delete=models.PROTECT,
        related_name="contributions",
    )
    body = models.TextField(_("contribution"))
    status = models.CharField(
        _("suite donnée"), max_length=20, choices=ContributionStatus.choices, default=ContributionStatus.OPEN
    )
    answer = models.TextField(_("réponse"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("réponse de"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answered_contributions",
    )
    answered_at = models.DateTimeField(_("répondue le"), null=True, blank=True)
    created_at = models.DateTimeField(_("déposée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = ContributionQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        constraints = [
            models.CheckConstraint(
                condition=~Q(body=""),
                name="contribution_body_not_empty",
                violation_error_message=_("La contribution ne peut pas être vide."),
            ),
            models.CheckConstraint(
                condition=Q(orientation__isnull=True) | Q(action__isnull=True),
                name="contribution_targets_one_item",
                violation_error_message=_(
                    "Une contribution porte sur une orientation ou sur une action, pas les deux."
                ),
            ),
        ]

    def __str__(self):
        return (
            f"Contribution de {self.author} du {self.created_at:%d/%m/%Y}"
            if self.created_at
            else "Contribution"
        )

    def clean(self):
        for field in ("orientation", "action"):
            target = getattr(self, field)
            if target is not None and self.strategy_id and target.strategy_id != self.strategy_id:
                raise ValidationError({field: _("Cet élément appartient à une autre stratégie.")})
