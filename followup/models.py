"""Reporting rounds (campagnes de suivi): each year coordination collects from every pilot
organisation its actions' progress, executed budget, beneficiaries and indicator values.

A round is prepared, then opened (which fixes who is asked what: one ``RoundParticipant`` per pilot
organisation, one ``ActionReport`` per action in scope), then closed. Each report keeps, once sent,
the record of what was answered, by whom and when (``answer``), which the yearly report prints.
The rules (scope, states, sending, closing) are ``followup.rounds``.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from followup.enums import ParticipantState, ReportStatus, RoundStatus
from indicators import periods
from indicators.models import validate_period
from strategy.enums import ActionStatus, StrategyKind
from strategy.models import Action, Strategy

#: A round covers a calendar year (2025) or a school year (2025-2026), never a quarter.
ROUND_PERIOD_PATTERN = r"^(19|20)[0-9]{2}(-(19|20)[0-9]{2})?$"


class ReportingRoundQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=RoundStatus.OPEN)

    def closed(self):
        return self.filter(status=RoundStatus.CLOSED)


class ReportingRound(models.Model):
    strategy = models.ForeignKey(
        Strategy, verbose_name=_("stratégie"), on_delete=models.CASCADE, related_name="reporting_rounds"
    )
    period = models.CharField(
        _("période suivie"),
        max_length=9,
        validators=[validate_period],
        help_text=_(
            "Une année civile (2025) ou une année scolaire (2025-2026), dans la durée de la stratégie."
        ),
    )
    year = models.PositiveSmallIntegerField(
        _("année budgétaire"),
        help_text=_(
            "L'année des financements réalisés et des bénéficiaires demandés : "
            "pour une année scolaire, l'une de ses deux années."
        ),
    )
    deadline = models.DateField(_("date limite de réponse"))
    reminder_days = models.PositiveSmallIntegerField(
        _("rappel (jours avant l'échéance)"),
        default=7,
        help_text=_("Un rappel part ce nombre de jours avant la date limite, un autre le jour même."),
    )
    message = models.TextField(
        _("message aux pilotes"), blank=True, help_text=_("Repris dans le courriel d'ouverture.")
    )
    status = models.CharField(
        _("état"), max_length=20, choices=RoundStatus.choices, default=RoundStatus.PREPARING
    )
    opened_at = models.DateTimeField(_("ouverte le"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ouverte par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("clôturée le"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("clôturée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = ReportingRoundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy", "-period"]
        verbose_name = _("campagne de suivi")
        verbose_name_plural = _("campagnes de suivi")
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "period"],
                name="round_unique_period_per_strategy",
                violation_error_message=_("Cette stratégie a déjà une campagne de suivi pour cette période."),
            ),
            models.CheckConstraint(
                condition=Q(period__regex=ROUND_PERIOD_PATTERN),
                name="round_period_year_or_school_year",
                violation_error_message=_(
                    "Une campagne suit une année civile (2025) ou une année scolaire (2025-2026)."
                ),
            ),
            models.CheckConstraint(
                condition=Q(reminder_days__lte=60),
                name="round_reminder_within_two_months",
                violation_error_message=_("Le rappel part au plus 60 jours avant la date limite."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100),
                name="round_year_plausible",
                violation_error_message=_("L'année doit être comprise entre 2000 et 2100."),
            ),
        ]

    def __str__(self):
        return _("Campagne de suivi %(period)s — %(strategy)s") % {
            "period": self.period,
            "strategy": self.strategy.title,
        }

    @property
    def is_school_year(self):
        return len(self.period) == 9

    @property
    def period_bounds(self):
        return periods.bounds(self.period)

    @property
    def is_open(self):
        return self.status == RoundStatus.OPEN

    @property
    def is_closed(self):
        return self.status == RoundStatus.CLOSED

    def is_past_deadline(self, today=None):
        return (today or timezone.localdate()) > self.deadline

    def clean(self):
        errors = {}
        if self.period and len(self.period) in (4, 9) and "T" not in self.period:
            try:
                validate_period(self.period)
            except ValidationError as error:
                errors["period"] = error.messages
            else:
                errors.update(self._span_errors())
        elif self.period:
            errors["period"] = _(
                "Une campagne suit une année civile (2025) ou une année scolaire (2025-2026)."
            )
        if errors:
            raise ValidationError(errors)

    def _span_errors(self):
        errors = {}
        first, last = periods.bounds(self.period)
        if self.strategy_id and not periods.overlaps(
            self.period, self.strategy.start_date, self.strategy.end_date
        ):
            errors["period"] = _(
                "La période %(period)s est en dehors de la stratégie (du %(start)s au %(end)s)."
            ) % {
                "period": self.period,
                "start": self.strategy.start_date.strftime("%d/%m/%Y"),
                "end": self.strategy.end_date.strftime("%d/%m/%Y"),
            }
        if self.year is not None and not first.year <= self.year <= last.year:
            errors["year"] = _("L'année budgétaire doit appartenir à la période %(period)s.") % {
                "period": self.period
            }
        return errors


class RoundParticipant(models.Model):
    """An organisation asked to answer a round: the pilot of at least one action in scope."""

    round = models.ForeignKey(
        ReportingRound, verbose_name=_("campagne"), on_delete=models.CASCADE, related_name="participants"
    )
    organisation = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("structure pilote"),
        on_delete=models.PROTECT,
        related_name="round_participations",
    )
    completed_at = models.DateTimeField(_("toutes les fiches envoyées le"), null=True, blank=True)
    reminder_count = models.PositiveSmallIntegerField(_("rappels envoyés"), default=0)
    last_reminded_at = models.DateTimeField(_("dernier rappel le"), null=True, blank=True)

    class Meta:
        ordering = ["round", "organisation__name"]
        verbose_name = _("structure sollicitée")
        verbose_name_plural = _("structures sollicitées")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organisation"],
                name="round_participant_unique",
                violation_error_message=_("Cette structure est déjà sollicitée par la campagne."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation} · {self.round.period}"

    def state(self, today=None, *, sent=None, total=None, started=None):
        """Where the organisation stands; ``sent``, ``total`` and ``started`` (its reports sent, in
        all, and saved at least once) may be given by an annotated query to spare one per row."""
        if sent is None:
            reports = list(self.reports.all())
            total = len(reports)
            sent = sum(report.status == ReportStatus.SENT for report in reports)
            started = sum(report.status != ReportStatus.TODO for report in reports)
        if total and sent == total:
            completed = self.completed_at
            if completed is not None and timezone.localdate(completed) > self.round.deadline:
                return ParticipantState.ANSWERED_LATE
            return ParticipantState.ANSWERED
        if self.round.is_closed:
            return ParticipantState.NO_ANSWER
        if self.round.is_past_deadline(today):
            return ParticipantState.LATE
        return ParticipantState.IN_PROGRESS if started else ParticipantState.WAITING


class ActionReport(models.Model):
    """One action's answer to a round: the pilot's point d'étape and, once sent, the record of it."""

    round = models.ForeignKey(
        ReportingRound, verbose_name=_("campagne"), on_delete=models.CASCADE, related_name="reports"
    )
    participant = models.ForeignKey(
        RoundParticipant,
        verbose_name=_("structure sollicitée"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.CASCADE, related_name="round_reports"
    )
    status = models.CharField(
        _("état"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.TODO
    )
    milestone_note = models.TextField(
        _("point d'étape"),
        blank=True,
        help_text=_("Quelques lignes : ce qui a été fait sur la période, les difficultés, la suite."),
    )
    answer = models.JSONField(
        _("réponse envoyée"),
        default=dict,
        blank=True,
        help_text=_(
            "Ce qui a été envoyé : statut, avancement, financements réalisés, bénéficiaires, valeurs."
        ),
    )
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enregistrée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("envoyée le"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("envoyée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "participant__organisation__name", "action__axis__number", "action__code"]
        verbose_name = _("fiche de suivi")
        verbose_name_plural = _("fiches de suivi")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "action"],
                name="action_report_unique_per_round",
                violation_error_message=_("Cette action a déjà sa fiche dans la campagne."),
            ),
            models.CheckConstraint(
                condition=Q(status=ReportStatus.SENT, sent_at__isnull=False) | ~Q(status=ReportStatus.SENT),
                name="action_report_sent_has_date",
                violation_error_message=_("Une fiche envoyée garde sa date d'envoi."),
            ),
        ]

    def __str__(self):
        return f"{self.action.code} · {self.round.period}"

    @property
    def is_sent(self):
        return self.status == ReportStatus.SENT


#: Actions a round asks about: every action decided on, except those abandoned.
IN_SCOPE_STATUSES = (
    ActionStatus.VALIDATED,
    ActionStatus.IN_PROGRESS,
    ActionStatus.DONE,
    ActionStatus.POSTPONED,
)


class AnnualReview(models.Model):
    """The coordination's written answers to a year's revue de projet (Cité éducative) or bilan
    annuel (PEDT), one per theme of the State's questionnaire; the figures beside each answer are
    computed (``followup.annual_review``), never typed."""

    strategy = models.ForeignKey(
        Strategy, verbose_name=_("stratégie"), on_delete=models.CASCADE, related_name="annual_reviews"
    )
    year = models.PositiveSmallIntegerField(_("année"))
    governance = models.TextField(_("gouvernance"), blank=True)
    deployment = models.TextField(_("déploiement opérationnel"), blank=True)
    inter_cites = models.TextField(
        _("liens entre cités éducatives"),
        blank=True,
        help_text=_("Cités éducatives seulement : les échanges avec les autres cités du réseau."),
    )
    communication = models.TextField(_("communication"), blank=True)
    financial = models.TextField(_("gestion financière"), blank=True)
    evaluation = models.TextField(_("évaluation"), blank=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy", "-year"]
        verbose_name = _("revue de projet / bilan annuel")
        verbose_name_plural = _("revues de projet / bilans annuels")
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "year"],
                name="annual_review_unique_year_per_strategy",
                violation_error_message=_("Cette stratégie a déjà sa revue de projet pour cette année."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100),
                name="annual_review_year_plausible",
                violation_error_message=_("L'année doit être comprise entre 2000 et 2100."),
            ),
        ]

    def __str__(self):
        return f"{self.title} — {self.strategy.title}"

    @property
    def title(self):
        return review_title(self.strategy, self.year)

    def clean(self):
        if self.strategy_id and self.year is not None:
            strategy = self.strategy
            if not strategy.start_date.year <= self.year <= strategy.end_date.year:
                raise ValidationError(
                    {
                        "year": _("L'année %(year)s est en dehors de la stratégie (%(start)s-%(end)s).")
                        % {
                            "year": self.year,
                            "start": strategy.start_date.year,
                            "end": strategy.end_date.year,
                        }
                    }
                )
            if strategy.kind != StrategyKind.CITE_EDUCATIVE:
                # The theme exists only in the Cités éducatives' questionnaire.
                self.inter_cites = ""


def review_title(strategy, year):
    """« Revue de projet 2025 » for a Cité éducative, « Bilan annuel 2025 » for any other strategy."""
    if strategy.kind == StrategyKind.CITE_EDUCATIVE:
        return _("Revue de projet %(year)s") % {"year": year}
    return _("Bilan annuel %(year)s") % {"year": year}
