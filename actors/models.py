import re

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actors.enums import OrganisationKind
from shared.content_language import name_in_language


class Territory(models.Model):
    """A commune (or a group of communes) that carries a strategy."""

    name = models.CharField(_("nom"), max_length=150)
    slug = models.SlugField(_("identifiant"), max_length=150, unique=True)
    insee_code = models.CharField(_("code INSEE"), max_length=5, blank=True)
    department = models.CharField(_("département"), max_length=100, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(_("année de la population"), null=True, blank=True)
    description = models.TextField(_("présentation"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("territoire")
        verbose_name_plural = _("territoires")
        constraints = [
            models.UniqueConstraint(
                fields=["insee_code"],
                condition=~Q(insee_code=""),
                name="territory_unique_insee_code",
                violation_error_message=_("Ce code INSEE est déjà attribué à un autre territoire."),
            ),
            models.CheckConstraint(
                condition=Q(insee_code="") | Q(insee_code__regex=r"^[0-9][0-9AB][0-9]{3}$"),
                name="territory_insee_code_format",
                violation_error_message=_("Le code INSEE doit compter cinq caractères, par exemple 94041."),
            ),
        ]

    def __str__(self):
        return self.name


class SectorQuerySet(models.QuerySet):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Sector(models.Model):
    """A field of public action (education, culture, sport, health…)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("nom"), max_length=100, unique=True)
    name_en = models.CharField(_("nom en anglais"), max_length=100, blank=True, db_default="")

    objects = SectorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("secteur")
        verbose_name_plural = _("secteurs")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        """The name in the reader's language: English where the interface is and ``name_en`` is filled."""
        return name_in_language(self.name, self.name_en)

    def natural_key(self):
        return (self.code,)


#: Kinds that serve every territory: the State's services and the family allowance fund.
NATIONAL_KINDS = (OrganisationKind.STATE, OrganisationKind.NATIONAL_EDUCATION, OrganisationKind.CAF)

#: How an organisation takes part in a strategy, each path ending at the strategy's territory.
STRATEGY_LINKS = (
    "piloted_actions__strategy__territory",
    "partnerships__action__strategy__territory",
    "funded_lines__action__strategy__territory",
    "signatures__strategy__territory",
    "workshops__strategy__territory",
    "indicators__strategy__territory",
)


class OrganisationQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def usable_in(self, territory):
        """The organisations a strategy of ``territory`` may name (funders, pilots, partners).

        Those already taking part in a strategy of that territory, the State's services and the CAF,
        and those taking part in no strategy yet (just created); never one that works only for
        another territory's strategies. One subquery per link: a join across them would multiply rows.
        """
        model = self.model
        here, anywhere = Q(kind__in=NATIONAL_KINDS), Q()
        for link in STRATEGY_LINKS:
            here |= Q(pk__in=model.objects.filter(**{link: territory}).values("pk"))
            anywhere |= Q(pk__in=model.objects.filter(**{f"{link}__isnull": False}).values("pk"))
        return self.filter(here | ~anywhere)


class Organisation(models.Model):
    name = models.CharField(_("nom"), max_length=200)
    short_name = models.CharField(_("sigle ou nom court"), max_length=60, blank=True)
    slug = models.SlugField(_("identifiant"), max_length=200, unique=True)
    kind = models.CharField(_("type"), max_length=30, choices=OrganisationKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("organisation parente"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    sectors = models.ManyToManyField(
        Sector, verbose_name=_("secteurs"), blank=True, related_name="organisations"
    )
    description = models.TextField(_("présentation"), blank=True)
    website = models.URLField(_("site web"), blank=True)
    # The structure's public contact, shown to families: an organisation's, never a person's.
    address = models.TextField(_("adresse"), blank=True)
    public_email = models.EmailField(
        _("courriel public"),
        blank=True,
        help_text=_("Une adresse de la structure (accueil, contact), pas d'une personne."),
    )
    public_phone = models.CharField(_("téléphone public"), max_length=30, blank=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["name"],
                name="organisation_unique_name",
                violation_error_message=_("Une organisation porte déjà ce nom."),
            ),
            models.CheckConstraint(
                condition=~Q(name=""),
                name="organisation_name_not_empty",
                violation_error_message=_("Le nom de l'organisation est obligatoire."),
            ),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

    @property
    def has_public_contact(self):
        """Whether the structure gave any way for families to reach it (never a person's)."""
        return bool(self.address or self.public_email or self.public_phone or self.website)

    @property
    def public_phone_uri(self):
        """The public phone as a ``tel:`` link (digits and a leading +), empty without a phone."""
        digits = re.sub(r"[^\d+]", "", self.public_phone)
        return f"tel:{digits}" if digits else ""

    @property
    def display_name(self):
        return self.short_name or self.name


class Contact(models.Model):
    """A person in an organisation. Personal data: never public unless they agreed."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="contacts"
    )
    first_name = models.CharField(_("prénom"), max_length=100)
    last_name = models.CharField(_("nom"), max_length=100)
    job_title = models.CharField(_("fonction"), max_length=200, blank=True)
    email = models.EmailField(_("courriel"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    public_consent = models.BooleanField(
        _("accepte que son nom et sa fonction soient publiés"),
        default=False,
        help_text=_("Le courriel et le téléphone ne sont jamais publiés."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte utilisateur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact",
    )

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return f"{self.first_name} {self.last_name} ({self.organisation.display_name})"

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"


class Neighbourhood(models.Model):
    territory = models.ForeignKey(
        Territory,
        verbose_name=_("territoire"),
        on_delete=models.CASCADE,
        related_name="neighbourhoods",
    )
    name = models.CharField(_("nom"), max_length=150)
    slug = models.SlugField(_("identifiant"), max_length=150)
    qpv_code = models.CharField(
        _("code QPV"), max_length=12, blank=True, help_text=_("Code officiel, par exemple QN09401M.")
    )
    is_priority = models.BooleanField(_("quartier prioritaire (QPV)"), default=False)
    # A GeoJSON geometry (Polygon or MultiPolygon, WGS 84 longitude/latitude), imported and checked.
    shape = models.JSONField(_("contour"), null=True, blank=True, editable=False)
    shape_illustrative = models.BooleanField(
        _("contour illustratif"),
        default=False,
        help_text=_("Le contour est un dessin d'exemple, pas le tracé officiel : la carte le signale."),
    )

    class Meta:
        ordering = ["territory__name", "name"]
        verbose_name = _("quartier")
        verbose_name_plural = _("quartiers")
        constraints = [
            models.UniqueConstraint(
                fields=["territory", "slug"],
                name="neighbourhood_unique_slug_per_territory",
                violation_error_message=_("Ce territoire a déjà un quartier avec cet identifiant."),
            ),
            models.UniqueConstraint(
                fields=["qpv_code"],
                condition=~Q(qpv_code=""),
                name="neighbourhood_unique_qpv_code",
                violation_error_message=_("Ce code QPV est déjà attribué à un autre quartier."),
            ),
            models.CheckConstraint(
                condition=Q(qpv_code="") | Q(qpv_code__regex=r"^QN[0-9]{3}[0-9]{2,3}[A-Z]?$"),
                name="neighbourhood_qpv_code_format",
                violation_error_message=_(
                    "Le code QPV doit avoir la forme officielle, par exemple QN09401M."
                ),
            ),
        ]

    def __str__(self):
        return self.name
