"""Frozen, signed versions of a strategy document."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from documents.enums import Audience, DocumentKind, FreezeStatus, VersionKind
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
    data = models.JSONField(
        _("contenu figé"),
        default=dict,
        blank=True,
        help_text=_("Les actions, budgets et indicateurs de la version, pour comparer deux versions."),
    )
    content_sha256 = models.CharField(_("empreinte du contenu (SHA-256)"), max_length=64, blank=True)
    signatures = models.JSONField(
        _("signatures électroniques"),
        default=list,
        blank=True,
        help_text=_("Ce que la vérification de la copie signée a trouvé (signataires, dates, intégrité)."),
    )
    signatures_checked_at = models.DateTimeField(_("signatures vérifiées le"), null=True, blank=True)

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


class RenderedDocument(models.Model):
    """One downloadable document, for one audience in one language, and its last rendered PDF.

    The PDFs are files of the cache (``documents.cache``), named by ``pdf_name``. A download serves the
    current one at once; when the content may have changed (``stale_since``), the worker renders it
    again and the previous PDF stays offered meanwhile.
    """

    key = models.CharField(_("clé"), max_length=200, unique=True)
    strategy = models.ForeignKey(
        Strategy, verbose_name=_("stratégie"), on_delete=models.CASCADE, related_name="rendered_documents"
    )
    kind = models.CharField(_("document"), max_length=20, choices=DocumentKind.choices)
    year = models.PositiveSmallIntegerField(_("année"), null=True, blank=True)
    action = models.ForeignKey(
        "strategy.Action",
        verbose_name=_("action"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="rendered_documents",
    )
    extra = models.CharField(_("paramètre"), max_length=50, blank=True)
    audience = models.CharField(_("lecteurs"), max_length=10, choices=Audience.choices)
    language = models.CharField(_("langue"), max_length=10)

    fingerprint = models.CharField(_("empreinte du contenu"), max_length=64, blank=True)
    pdf_name = models.CharField(_("PDF"), max_length=100, blank=True)
    content_date = models.DateField(_("date du contenu"), null=True, blank=True)
    rendered_at = models.DateTimeField(_("rendu le"), null=True, blank=True)
    render_seconds = models.FloatField(_("durée du rendu (s)"), null=True, blank=True)
    previous_pdf_name = models.CharField(_("PDF précédent"), max_length=100, blank=True)
    previous_content_date = models.DateField(_("date du contenu précédent"), null=True, blank=True)

    stale_since = models.DateTimeField(_("à refaire depuis"), null=True, blank=True)
    render_after = models.DateTimeField(_("rendu prévu après"), null=True, blank=True)
    queued = models.BooleanField(_("en file d'attente"), default=False)
    attempts = models.PositiveSmallIntegerField(_("essais"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    failed_at = models.DateTimeField(_("échec définitif le"), null=True, blank=True)
    requested_at = models.DateTimeField(_("demandé le"), null=True, blank=True)

    class Meta:
        ordering = ["strategy", "kind", "year", "key"]
        verbose_name = _("document rendu")
        verbose_name_plural = _("documents rendus")

    def __str__(self):
        return self.key

    @property
    def is_ready(self):
        return bool(self.pdf_name) and self.stale_since is None

    @property
    def has_failed(self):
        return self.failed_at is not None


class FreezeJob(models.Model):
    """A request to freeze the next version of a strategy, carried out by the worker."""

    strategy = models.ForeignKey(
        Strategy, verbose_name=_("stratégie"), on_delete=models.CASCADE, related_name="freeze_jobs"
    )
    requested_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("demandée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("demandée le"), auto_now_add=True)
    signed_at_place = models.CharField(_("signée à"), max_length=100, blank=True)
    title = models.CharField(_("intitulé"), max_length=250, blank=True)
    status = models.CharField(
        _("état"), max_length=10, choices=FreezeStatus.choices, default=FreezeStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("avancement (%)"), default=0)
    step = models.CharField(_("étape"), max_length=200, blank=True)
    version = models.OneToOneField(
        StrategyVersion,
        verbose_name=_("version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="freeze_job",
    )
    error = models.TextField(_("erreur"), blank=True)
    finished_at = models.DateTimeField(_("terminée le"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("préparation d'une version")
        verbose_name_plural = _("préparations de versions")

    def __str__(self):
        return f"{self.strategy} — {self.get_status_display()}"
