"""The legal pages' content, one site-wide record each, and the processing records they list."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from legal.compliance import compliance_status
from legal.enums import ComplianceStatus, LegalBasis
from legal.validators import validate_siret

SINGLETON_PK = 1


class SiteWideRecord(models.Model):
    """A model with one row for the whole portal, whose primary key the database holds at 1."""

    # Not a sequence: a row created anywhere is the one row, on PostgreSQL as on SQLite.
    id = models.PositiveSmallIntegerField(primary_key=True, default=SINGLETON_PK, editable=False)
    updated_at = models.DateTimeField(_("dernière modification"), auto_now=True)

    #: Groups of fields of which one at least must be filled for the page to be lawful.
    REQUIRED_FIELDS = ()
    #: What a group of several fields is called where one of them is missing.
    REQUIRED_GROUP_LABELS = {}

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(condition=Q(pk=SINGLETON_PK), name="%(app_label)s_%(class)s_single_row")
        ]

    @classmethod
    def load(cls):
        """The record as it stands, for reading: unsaved defaults while nobody has filled it, so a
        public page never writes."""
        return cls.objects.filter(pk=SINGLETON_PK).first() or cls(pk=SINGLETON_PK)

    @classmethod
    def load_for_editing(cls):
        """The record, created with its defaults the first time the admin opens it."""
        return cls.objects.get_or_create(pk=SINGLETON_PK)[0]


class LegalNotice(SiteWideRecord):
    """The *mentions légales*: who publishes and hosts the portal, and who protects personal data."""

    publisher_name = models.CharField(_("nom de l'éditeur"), max_length=200, blank=True)
    publisher_address = models.TextField(_("adresse de l'éditeur"), blank=True)
    publisher_siret = models.CharField(
        _("numéro SIRET de l'éditeur"),
        max_length=14,
        blank=True,
        validators=[validate_siret],
        help_text=_("14 chiffres, espaces permis : 219 900 001 00013."),
    )
    publisher_phone = models.CharField(_("téléphone de l'éditeur"), max_length=40, blank=True)
    publisher_email = models.EmailField(_("courriel de l'éditeur"), blank=True)
    publication_director = models.CharField(
        _("directeur ou directrice de la publication"),
        max_length=200,
        blank=True,
        help_text=_("Nom et fonction, par exemple : Mme Claire Martin, maire."),
    )
    host_name = models.CharField(_("nom de l'hébergeur"), max_length=200, blank=True)
    host_address = models.TextField(_("adresse de l'hébergeur"), blank=True)
    host_phone = models.CharField(_("téléphone de l'hébergeur"), max_length=40, blank=True)
    dpo_name = models.CharField(
        _("nom du délégué ou de la déléguée à la protection des données"), max_length=200, blank=True
    )
    dpo_organisation = models.CharField(
        _("organisme du délégué à la protection des données"),
        max_length=200,
        blank=True,
        help_text=_("Si la fonction est mutualisée (centre de gestion, intercommunalité)."),
    )
    dpo_email = models.EmailField(_("courriel du délégué à la protection des données"), blank=True)
    dpo_postal_address = models.TextField(
        _("adresse postale du délégué à la protection des données"), blank=True
    )
    cookies_text = models.TextField(
        _("texte sur les cookies"),
        blank=True,
        help_text=_(
            "Laisser vide pour le texte par défaut : le portail ne dépose que des cookies strictement "
            "nécessaires, listés sous ce texte."
        ),
    )

    REQUIRED_FIELDS = (
        ("publisher_name",),
        ("publisher_address",),
        ("publisher_phone", "publisher_email"),
        ("publication_director",),
        ("host_name",),
        ("host_address",),
        ("host_phone",),
        ("dpo_email", "dpo_postal_address"),
    )
    REQUIRED_GROUP_LABELS = {
        ("publisher_phone", "publisher_email"): _("téléphone ou courriel de l'éditeur"),
        ("dpo_email", "dpo_postal_address"): _(
            "courriel ou adresse postale du délégué à la protection des données"
        ),
    }

    class Meta(SiteWideRecord.Meta):
        verbose_name = _("mentions légales")
        verbose_name_plural = _("mentions légales")
        ordering = ["pk"]
        constraints = [
            *SiteWideRecord.Meta.constraints,
            models.CheckConstraint(
                condition=Q(publisher_siret="") | Q(publisher_siret__regex=r"^[0-9]{14}$"),
                name="legal_legalnotice_siret_has_14_digits",
                violation_error_message=_("Le numéro SIRET compte 14 chiffres."),
            ),
        ]

    def __str__(self):
        return str(_("Mentions légales"))

    def get_absolute_url(self):
        return reverse("portal:legal_notice")


class ProcessingRecord(models.Model):
    """One entry of the record of processing activities (GDPR art. 30) that the portal implies."""

    name = models.CharField(_("traitement"), max_length=200, unique=True)
    purpose = models.TextField(_("finalité"))
    legal_basis = models.CharField(_("base légale"), max_length=30, choices=LegalBasis.choices)
    data_subjects = models.TextField(_("personnes concernées"), blank=True)
    data_categories = models.TextField(_("catégories de données"))
    recipients = models.TextField(_("destinataires"))
    retention = models.TextField(_("durée de conservation"))
    rights = models.TextField(
        _("vos droits et comment les exercer"),
        blank=True,
        help_text=_(
            "Laisser vide : les droits d'accès, de rectification, d'effacement et d'opposition "
            "s'exercent auprès du délégué à la protection des données."
        ),
    )
    position = models.PositiveSmallIntegerField(_("ordre d'affichage"), default=0)

    class Meta:
        verbose_name = _("traitement de données personnelles")
        verbose_name_plural = _("traitements de données personnelles")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('portal:personal_data')}#traitement-{self.pk}"


class AccessibilityStatement(SiteWideRecord):
    """The accessibility statement of the RGAA model; its status follows from the audit alone."""

    audit_date = models.DateField(_("date de l'audit"), null=True, blank=True)
    compliance_rate = models.DecimalField(
        _("taux de conformité (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Part des critères du RGAA respectés, mesurée par l'audit : 87,5 par exemple."),
    )
    audited_by = models.CharField(_("audit réalisé par"), max_length=200, blank=True)
    pages_sample = models.TextField(
        _("pages de l'échantillon"), blank=True, help_text=_("Une page par ligne.")
    )
    assistive_technologies = models.TextField(
        _("technologies d'assistance et navigateurs utilisés"),
        blank=True,
        help_text=_("Une combinaison par ligne, par exemple : NVDA 2024.4 et Firefox 128."),
    )
    tools_used = models.TextField(
        _("outils pour évaluer l'accessibilité"), blank=True, help_text=_("Un outil par ligne.")
    )
    non_conformities = models.TextField(_("non-conformités"), blank=True)
    derogations = models.TextField(_("dérogations pour charge disproportionnée"), blank=True)
    out_of_scope = models.TextField(_("contenus non soumis à l'obligation d'accessibilité"), blank=True)
    back_office_in_scope = models.BooleanField(
        _("l'espace d'administration est inclus dans l'audit"), default=False
    )
    back_office_text = models.TextField(_("précisions sur l'espace d'administration"), blank=True)
    multi_year_plan = models.TextField(_("schéma pluriannuel de mise en accessibilité"), blank=True)
    multi_year_plan_url = models.URLField(_("adresse du schéma pluriannuel"), blank=True)
    action_plan = models.TextField(_("plan d'action de l'année"), blank=True)
    contact_email = models.EmailField(_("courriel de contact"), blank=True)
    contact_form_url = models.URLField(_("adresse du formulaire de contact"), blank=True)
    contact_postal_address = models.TextField(_("adresse postale de contact"), blank=True)
    statement_date = models.DateField(_("date de la déclaration"), null=True, blank=True)

    REQUIRED_FIELDS = (
        ("audit_date",),
        ("compliance_rate",),
        ("audited_by",),
        ("pages_sample",),
        ("assistive_technologies",),
        ("contact_email", "contact_form_url"),
        ("statement_date",),
    )
    REQUIRED_GROUP_LABELS = {("contact_email", "contact_form_url"): _("courriel ou formulaire de contact")}

    class Meta(SiteWideRecord.Meta):
        verbose_name = _("déclaration d'accessibilité")
        verbose_name_plural = _("déclaration d'accessibilité")
        ordering = ["pk"]
        constraints = [
            *SiteWideRecord.Meta.constraints,
            models.CheckConstraint(
                condition=Q(compliance_rate__isnull=True)
                | Q(compliance_rate__gte=0, compliance_rate__lte=100),
                name="legal_accessibilitystatement_rate_between_0_and_100",
            ),
        ]

    def __str__(self):
        return str(_("Déclaration d'accessibilité"))

    def get_absolute_url(self):
        return reverse("portal:accessibility")

    @property
    def status(self):
        return compliance_status(self.audit_date, self.compliance_rate)

    @property
    def status_label(self):
        return ComplianceStatus(self.status).label

    @property
    def audited(self):
        return self.audit_date is not None and self.compliance_rate is not None
