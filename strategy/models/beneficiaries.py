"""Who an action reached in a year: the beneficiaries, in total and by age band, sex and neighbourhood.

Funders' forms and the State's yearly reviews ask the same breakdowns: by age band (the strategy's
audiences), by sex (girls, boys, not known) and by neighbourhood (in a QPV or not). Each breakdown
is optional, since a pilot does not always know it, but a breakdown never counts more people than
the total. The per-row sums are database constraints; the sum across audiences (several rows) is
``ActionBeneficiaries.refused_audience_counts``, which every door asks.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils.text import get_text_list
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from shared.formatting import number
from strategy.models.actions import Action, ActionQuerySet, Audience


def _known(*fields):
    total = Coalesce(F(fields[0]), 0)
    for field in fields[1:]:
        total = total + Coalesce(F(field), 0)
    return total


SEX_FIELDS = ("girls", "boys", "sex_unknown")
PLACE_FIELDS = ("in_priority_area", "outside_priority_area")
#: The counts of a year, in the order the tables, the API and the documents give them.
COUNT_FIELDS = ("total", *SEX_FIELDS, *PLACE_FIELDS)


class ActionBeneficiariesQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(action__in=Action.objects.visible_to(user))

    def of_actions(self, actions: ActionQuerySet):
        return self.filter(action__in=actions)

    def with_breakdown(self):
        """With the breakdown by audience (and each audience) in one more query, for ``sentence``."""
        return self.prefetch_related(
            models.Prefetch(
                "by_audience", queryset=BeneficiariesByAudience.objects.select_related("audience")
            )
        )


class ActionBeneficiaries(models.Model):
    """The beneficiaries of one action in one (calendar) year, the year of its budget lines."""

    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.CASCADE, related_name="beneficiaries"
    )
    year = models.PositiveSmallIntegerField(_("année"))
    total = models.PositiveIntegerField(_("nombre de bénéficiaires"))
    girls = models.PositiveIntegerField(_("filles"), null=True, blank=True)
    boys = models.PositiveIntegerField(_("garçons"), null=True, blank=True)
    sex_unknown = models.PositiveIntegerField(_("sexe non renseigné"), null=True, blank=True)
    in_priority_area = models.PositiveIntegerField(
        _("habitant un quartier prioritaire (QPV)"), null=True, blank=True
    )
    outside_priority_area = models.PositiveIntegerField(
        _("habitant hors quartier prioritaire"), null=True, blank=True
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = ActionBeneficiariesQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "year"]
        verbose_name = _("bénéficiaires de l'année")
        verbose_name_plural = _("bénéficiaires")
        constraints = [
            models.UniqueConstraint(
                fields=["action", "year"],
                name="beneficiaries_unique_action_year",
                violation_error_message=_("Cette action a déjà ses bénéficiaires pour cette année."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100),
                name="beneficiaries_year_plausible",
                violation_error_message=_("L'année doit être comprise entre 2000 et 2100."),
            ),
            models.CheckConstraint(
                condition=Q(total__gte=_known(*SEX_FIELDS)),
                name="beneficiaries_by_sex_within_total",
                violation_error_message=_(
                    "Les bénéficiaires par sexe (filles, garçons, non renseigné) dépassent le total."
                ),
            ),
            models.CheckConstraint(
                condition=Q(total__gte=_known(*PLACE_FIELDS)),
                name="beneficiaries_by_place_within_total",
                violation_error_message=_(
                    "Les bénéficiaires en quartier prioritaire et hors quartier prioritaire "
                    "dépassent le total."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.action.code} · {self.year} · {self.total}"

    def audience_counts(self):
        """[(audience, count)] of the breakdown by audience, in the audiences' order.

        Reads ``by_audience`` as prefetched (``prefetch_related("by_audience__audience")``)."""
        rows = sorted(self.by_audience.all(), key=lambda row: (row.audience.order, row.audience.name))
        return [(row.audience, row.count) for row in rows]

    def sentence(self):
        """The year in words, with the breakdowns known: « 172 bénéficiaires en 2025, dont 90 filles et
        80 garçons ; 120 habitent un quartier prioritaire ; par public : Maternelle (3-6 ans) 100. »

        The one wording of the pages and the documents; reads ``by_audience`` as prefetched."""
        text = ngettext(
            "%(count)s bénéficiaire en %(year)s",
            "%(count)s bénéficiaires en %(year)s",
            self.total,
        ) % {"count": number(self.total), "year": self.year}
        by_sex = []
        if self.girls is not None:
            by_sex.append(
                ngettext("%(count)s fille", "%(count)s filles", self.girls) % {"count": number(self.girls)}
            )
        if self.boys is not None:
            by_sex.append(
                ngettext("%(count)s garçon", "%(count)s garçons", self.boys) % {"count": number(self.boys)}
            )
        if self.sex_unknown is not None:
            by_sex.append(gettext("%(count)s de sexe non renseigné") % {"count": number(self.sex_unknown)})
        if by_sex:
            text += gettext(", dont %(list)s") % {"list": get_text_list(by_sex, gettext("et"))}
        by_place = []
        if self.in_priority_area is not None:
            by_place.append(
                ngettext(
                    "%(count)s habite un quartier prioritaire",
                    "%(count)s habitent un quartier prioritaire",
                    self.in_priority_area,
                )
                % {"count": number(self.in_priority_area)}
            )
        if self.outside_priority_area is not None:
            by_place.append(
                gettext("%(count)s hors quartier prioritaire") % {"count": number(self.outside_priority_area)}
            )
        parts = [text]
        if by_place:
            parts.append(get_text_list(by_place, gettext("et")))
        counts = self.audience_counts()
        if counts:
            parts.append(
                gettext("par public : %(list)s")
                % {
                    "list": ", ".join(
                        f"{audience.display_name} {number(count)}" for audience, count in counts
                    )
                }
            )
        return " ; ".join(parts) + "."

    def refused_audience_counts(self, counts):
        """The French error when ``counts`` (audience -> number, the breakdown by age band about to be
        saved) counts more people than the total, else None."""
        given = sum(number or 0 for number in counts.values())
        if self.total is not None and given > self.total:
            return _(
                "Les bénéficiaires par public (%(given)s) dépassent le total de l'année (%(total)s)."
            ) % {"given": given, "total": self.total}
        return None

    def clean(self):
        if self.total is None:
            return
        errors = {}
        if sum(getattr(self, field) or 0 for field in SEX_FIELDS) > self.total:
            errors["girls"] = _(
                "Les bénéficiaires par sexe (filles, garçons, non renseigné) dépassent le total."
            )
        if sum(getattr(self, field) or 0 for field in PLACE_FIELDS) > self.total:
            errors["in_priority_area"] = _(
                "Les bénéficiaires en quartier prioritaire et hors quartier prioritaire dépassent le total."
            )
        if errors:
            raise ValidationError(errors)


class BeneficiariesByAudience(models.Model):
    """How many of an action's beneficiaries of the year belong to one audience (age band)."""

    beneficiaries = models.ForeignKey(
        ActionBeneficiaries,
        verbose_name=_("bénéficiaires"),
        on_delete=models.CASCADE,
        related_name="by_audience",
    )
    audience = models.ForeignKey(
        Audience, verbose_name=_("public"), on_delete=models.PROTECT, related_name="beneficiary_counts"
    )
    count = models.PositiveIntegerField(_("nombre"))

    class Meta:
        ordering = ["beneficiaries", "audience__order", "audience__name"]
        verbose_name = _("bénéficiaires d'un public")
        verbose_name_plural = _("bénéficiaires par public")
        constraints = [
            models.UniqueConstraint(
                fields=["beneficiaries", "audience"],
                name="beneficiaries_unique_audience",
                violation_error_message=_("Ce public est déjà compté pour cette action et cette année."),
            ),
        ]

    def __str__(self):
        return f"{self.audience} : {self.count}"
