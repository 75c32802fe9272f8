"""Milestones (jalons) of an action: what its pilot plans to have done, and when it was."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actors import roles
from strategy.models.actions import Action


class MilestoneQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Public milestones of the actions the user may see; staff see the internal ones too."""
        visible = self.filter(action__in=Action.objects.visible_to(user))
        return visible if roles.sees_everything(user) else visible.filter(is_public=True)

    def late(self, today):
        """Planned before ``today`` and not done."""
        return self.filter(planned_date__lt=today, done_date__isnull=True)


class Milestone(models.Model):
    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("intitulé"), max_length=250)
    planned_date = models.DateField(_("date prévue"))
    done_date = models.DateField(_("réalisé le"), null=True, blank=True)
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("Décocher pour une étape interne, qui ne paraît pas sur le portail."),
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = MilestoneQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "planned_date", "id"]
        verbose_name = _("jalon")
        verbose_name_plural = _("jalons")
        constraints = [
            models.CheckConstraint(
                condition=~Q(title=""),
                name="milestone_title_not_empty",
                violation_error_message=_("L'intitulé du jalon est obligatoire."),
            ),
        ]

    def __str__(self):
        return f"{self.action.code} · {self.title}"

    def clean(self):
        # A milestone is marked done once it is: a date still to come is a plan, not a fact.
        if self.done_date is not None and self.done_date > timezone.localdate():
            raise ValidationError(
                {
                    "done_date": _(
                        "La date de réalisation ne peut pas être dans le futur : indiquez la date prévue."
                    )
                }
            )

    def is_late(self, today):
        return self.done_date is None and self.planned_date < today
