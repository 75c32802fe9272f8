"""Frozen, signed versions of a strategy document."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from documents.enums import VersionKind
from strategy.models import Strategy


def version_upload_to(instance, filename):
    return f"versions/{instance.strategy.slug}/v{instance.number}.pdf"


def signed_copy_upload_to(instance, filename):
    return f"versions/{instance.strategy.slug}/v{instance.number}-signee-{filename}"


class StrategyVersionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(strategy__in=Strategy.objects.visible_to(user))


class StrategyVersion(models.Model):
    """Version n of the strategy document: its PDF is generated once and never changes."""

    strategy = models.ForeignKey(
        Strategy, verbose_name=_("stratégie"), on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("numéro"))
    kind = models.CharField(_("nature"), max_length=20, choices=VersionKind.choices)
    title = models.CharField(_("intitulé"), max_length=250, blank=True)
    frozen_at = models.DateTimeField(_("figée le"))
    frozen_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("figée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pdf = models.FileField(_("document PDF"), upload_to=version_upload_to)
    sha256 = models.CharField(_("empreinte SHA-256"), max_length=64)
    signed_copy = models.FileField(_("copie signée numérisée"), upload_to=signed_copy_upload_to, blank=True)
    signed_on = models.DateField(_("signée le"), null=True, blank=True)
    signed_at_place = models.CharField(_("signée à"), max_length=100, blank=True)

    objects = StrategyVersionQuerySet.as_manager()

    class Meta:
        ordering = ["strategy", "number"]
        verbose_name = _("version signée")
        verbose_name_plural = _("versions signées")
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "number"],
                name="version_unique_number_per_strategy",
                violation_error_message=_("Cette stratégie a déjà une version portant ce numéro."),
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="version_number_positive",
                violation_error_message=_("Le numéro de version commence à 1."),
            ),
            models.CheckConstraint(
                condition=Q(sha256__regex=r"^[0-9a-f]{64}$"),
                name="version_sha256_format",
                violation_error_message=_("L'empreinte SHA-256 doit compter 64 caractères hexadécimaux."),
            ),
        ]

    def __str__(self):
        return f"{self.strategy} — version {self.number}"

    def get_absolute_url(self):
        return reverse("documents:version_pdf", kwargs={"slug": self.strategy.slug, "number": self.number})
