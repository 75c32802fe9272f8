from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    CITY_DEPARTMENT = "city_department", _("Service municipal")
    STATE = "state", _("État / Préfecture")
    NATIONAL_EDUCATION = "national_education", _("Éducation nationale")
    SCHOOL = "school", _("Établissement scolaire")
    CAF = "caf", _("CAF")
    DEPARTEMENT = "departement", _("Département")
    ASSOCIATION = "association", _("Association")
    COMPANY = "company", _("Entreprise")
    OTHER = "other", _("Autre")
