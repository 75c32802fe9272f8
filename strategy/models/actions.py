"""Actions (fiches actions) and their partners; the audiences they address."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Sum
from django.db.models.functions import Length
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actors import roles
from actors.models import Organisation
from shared.content_language import name_in_language
from strategy.enums import (
    ActionStatus,
    OrientationStatus,
    PartnerRole,
    StrategyStatus,
)
from strategy.models.structure import Axis, Orientation, Strategy
from strategy.search import search_document

#: Statuses of an action that can no longer be late.
FINISHED_STATUSES = (ActionStatus.DONE, ActionStatus.ABANDONED)


class AudienceQuerySet(models.QuerySet):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Audience(models.Model):
    """A public an action addresses: an age band, a school level, parents, professionals."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("nom"), max_length=100, unique=True)
    name_en = models.CharField(_("nom en anglais"), max_length=100, blank=True, db_default="")
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)
    age_min = models.PositiveSmallIntegerField(
        _("âge minimal"),
        null=True,
        blank=True,
        help_text=_("Vide pour un public qui n'est pas une tranche d'âge."),
    )
    age_max = models.PositiveSmallIntegerField(_("âge maximal"), null=True, blank=True)

    objects = AudienceQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("public")
        verbose_name_plural = _("publics")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        """The name in the reader's language: English where the interface is and ``name_en`` is filled."""
        return name_in_language(self.name, self.name_en)

    def natural_key(self):
        return (self.code,)


def orientation_refuses(status, orientation):
    """Why an action may not take ``status`` under ``orientation``, or None.

    Only a proposed action may sit under a still-proposed orientation: the public pages and the
    strategy document print an action under its orientation, and a draft orientation is not printed,
    so a validated action there would be counted but shown nowhere (nor in a signed version).
    One rule for the admin form, the COPIL workflow and the import.
    """
    if orientation is None or status == ActionStatus.PROPOSED:
        return None
    if orientation.status == OrientationStatus.PROPOSED:
        return _(
            "L'orientation %(number)s n'est pas encore validée : ses actions restent « proposées » "
            "jusqu'à ce que le COPIL la valide."
        ) % {"number": orientation.number}
    return None


class ActionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The one rule for actions, used by pages, PDFs, CSV and API.

        Anonymous visitors see the validated (non-proposed) actions of published strategies.
        Partners also see every action, proposals included, of strategies under consultation.
        Staff inside the strategy see everything.
        """
        if roles.sees_everything(user):
            return self
        visible = Q(strategy__status__in=(StrategyStatus.ADOPTED, StrategyStatus.CLOSED)) & ~Q(
            status=ActionStatus.PROPOSED
        )
        if roles.is_partner(user):
            visible |= Q(strategy__status=StrategyStatus.CONSULTATION)
        return self.filter(visible)

    def in_code_order(self):
        """By axis, then code in natural order (1.2 before 1.10)."""
        return self.order_by("axis__number", Length("code"), "code")

    def organisations_involved(self):
        """The organisations that pilot or partner these actions.

        Two subqueries, not an OR across two joins (which would multiply actions by partnerships).
        """
        return Organisation.objects.filter(
            Q(pk__in=self.values("pilot"))
            | Q(pk__in=ActionPartner.objects.filter(action__in=self).values("organisation"))
        )

    def late(self, today):
        """The one rule of lateness, for lists, pages, documents and the API: an action past its end
        date and neither done nor abandoned, or with a milestone planned before ``today`` and not done."""
        past_end = Q(end_date__lt=today) & ~Q(status__in=FINISHED_STATUSES)
        late_milestone = Q(
            pk__in=Action.objects.filter(
                milestones__planned_date__lt=today, milestones__done_date__isnull=True
            ).values("pk")
        )
        return self.filter(past_end | late_milestone)

    def with_lateness(self, today):
        """Each action annotated ``is_late_today`` by ``late(today)``: one subquery, no query per row."""
        return self.annotate(is_late_today=Exists(Action.objects.late(today).filter(pk=OuterRef("pk"))))

    def with_budget_totals(self):
        return self.annotate(
            planned_total=Sum("budget_lines__planned_amount"),
            executed_total=Sum("budget_lines__executed_amount"),
        )


class Action(models.Model):
    strategy = models.ForeignKey(
        Strategy, verbose_name=_("stratégie"), on_delete=models.CASCADE, related_name="actions"
    )
    axis = models.ForeignKey(Axis, verbose_name=_("axe"), on_delete=models.PROTECT, related_name="actions")
    orientation = models.ForeignKey(
        Orientation,
        verbose_name=_("orientation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="actions",
    )
    code = models.CharField(
        _("code"), max_length=20, help_text=_("Par exemple 2.3 : unique dans la stratégie.")
    )
    slug = models.SlugField(_("identifiant"), max_length=120, blank=True)
    title = models.CharField(_("titre"), max_length=250)
    summary = models.TextField(
        _("résumé en langage clair"),
        blank=True,
        help_text=_("Deux ou trois phrases simples (FALC), montrées en premier aux familles."),
    )
    description = models.TextField(_("description détaillée"), blank=True)
    pilot = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("structure pilote"),
        on_delete=models.PROTECT,
        related_name="piloted_actions",
    )
    pilot_contact = models.ForeignKey(
        "actors.Contact",
        verbose_name=_("référent·e"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="piloted_actions",
    )
    partners = models.ManyToManyField(
        "actors.Organisation",
        verbose_name=_("partenaires"),
        through="ActionPartner",
        blank=True,
        related_name="partner_actions",
    )
    audiences = models.ManyToManyField(
        Audience, verbose_name=_("publics"), blank=True, related_name="actions"
    )
    neighbourhoods = models.ManyToManyField(
        "actors.Neighbourhood", verbose_name=_("quartiers"), blank=True, related_name="actions"
    )
    sectors = models.ManyToManyField(
        "actors.Sector", verbose_name=_("secteurs"), blank=True, related_name="actions"
    )
    start_date = models.DateField(_("date de début"), null=True, blank=True)
    end_date = models.DateField(_("date de fin"), null=True, blank=True)
    status = models.CharField(
        _("statut"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PROPOSED
    )
    progress = models.PositiveSmallIntegerField(_("avancement (%)"), default=0)
    # How a family takes part: shown on the public page only when filled.
    who_may_come = models.TextField(
        _("qui peut venir"),
        blank=True,
        help_text=_("Par exemple : les enfants de 6 à 11 ans des écoles du quartier."),
    )
    cost = models.CharField(
        _("coût pour les familles"),
        max_length=250,
        blank=True,
        help_text=_("Par exemple : gratuit, ou 2 € la séance."),
    )
    how_to_join = models.TextField(
        _("comment s'inscrire"), blank=True, help_text=_("Où, quand et auprès de qui s'inscrire.")
    )
    search_document = models.TextField(editable=False, blank=True, default="")
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = ActionQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        # Shorter codes first within an axis, so that 1.2 comes before 1.10.
        ordering = ["strategy", "axis__number", Length("code"), "code"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "code"],
                name="action_unique_code_per_strategy",
                violation_error_message=_("Cette stratégie a déjà une action portant ce code."),
            ),
            models.UniqueConstraint(
                fields=["strategy", "slug"],
                name="action_unique_slug_per_strategy",
                violation_error_message=_("Cette stratégie a déjà une action avec cet identifiant."),
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(start_date__lte=F("end_date")),
                name="action_dates_in_order",
                violation_error_message=_("La date de fin de l'action doit suivre sa date de début."),
            ),
            models.CheckConstraint(
                condition=Q(progress__lte=100),
                name="action_progress_at_most_100",
                violation_error_message=_("L'avancement est un pourcentage, entre 0 et 100."),
            ),
            models.CheckConstraint(
                condition=~Q(code=""),
                name="action_code_not_empty",
                violation_error_message=_("Le code de l'action est obligatoire."),
            ),
            models.CheckConstraint(
                condition=~Q(title=""),
                name="action_title_not_empty",
                violation_error_message=_("Le titre de l'action est obligatoire."),
            ),
        ]

    def __str__(self):
        return f"{self.code} — {self.title}"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(f"{self.code} {self.title}")[:120].strip("-")
        self.search_document = self.build_search_document()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_document"}
        super().save(*args, **kwargs)

    def build_search_document(self):
        """The normalised words the full-text search looks in (see strategy.search)."""
        return search_document(self.code, self.title, self.summary, self.description)

    def get_absolute_url(self):
        return reverse("portal:action_detail", kwargs={"slug": self.strategy.slug, "action_slug": self.slug})

    def clean(self):
        errors = {}
        if self.axis_id and self.strategy_id and self.axis.strategy_id != self.strategy_id:
            errors["axis"] = _("Cet axe appartient à une autre stratégie.")
        if self.orientation_id and self.strategy_id and self.orientation.strategy_id != self.strategy_id:
            errors["orientation"] = _("Cette orientation appartient à une autre stratégie.")
        if self.pilot_contact_id and self.pilot_id and self.pilot_contact.organisation_id != self.pilot_id:
            errors["pilot_contact"] = _("Le ou la référent·e doit appartenir à la structure pilote.")
        if self.orientation_id and "orientation" not in errors:
            refusal = orientation_refuses(self.status, self.orientation)
            if refusal:
                errors["status"] = refusal
        if errors:
            raise ValidationError(errors)

    @property
    def is_draft(self):
        return self.status == ActionStatus.PROPOSED

    @property
    def tells_how_to_take_part(self):
        """Whether any of « qui peut venir », « coût », « comment s'inscrire » is filled."""
        return any(value.strip() for value in (self.who_may_come, self.cost, self.how_to_join))

    def is_late(self, today):
        """``ActionQuerySet.late`` for one action (its milestones prefetched spare a query)."""
        if self.end_date and self.end_date < today and self.status not in FINISHED_STATUSES:
            return True
        return any(milestone.is_late(today) for milestone in self.milestones.all())


class ActionPartner(models.Model):
    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.CASCADE, related_name="partnerships"
    )
    organisation = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="partnerships",
    )
    role = models.CharField(
        _("rôle"), max_length=20, choices=PartnerRole.choices, default=PartnerRole.PARTNER
    )

    class Meta:
        ordering = ["action", "organisation__name"]
        verbose_name = _("partenaire de l'action")
        verbose_name_plural = _("partenaires de l'action")
        constraints = [
            models.UniqueConstraint(
                fields=["action", "organisation"],
                name="action_partner_unique",
                violation_error_message=_("Cette organisation est déjà partenaire de l'action."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"
