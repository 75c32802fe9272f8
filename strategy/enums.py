from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _


class StrategyKind(models.TextChoices):
    PEDT = "pedt", _("Projet éducatif territorial (PEDT)")
    CITE_EDUCATIVE = "cite_educative", _("Cité éducative")
    OTHER = "other", _("Autre stratégie éducative")


class StrategyStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    CONSULTATION = "consultation", _("En concertation")
    ADOPTED = "adopted", _("Adoptée")
    CLOSED = "closed", _("Terminée")


class ActionStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposée")
    VALIDATED = "validated", _("Validée")
    IN_PROGRESS = "in_progress", _("En cours")
    DONE = "done", _("Réalisée")
    POSTPONED = "postponed", _("Reportée")
    ABANDONED = "abandoned", _("Abandonnée")


class OrientationStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposée")
    VALIDATED = "validated", _("Validée par le COPIL")


class PartnerRole(models.TextChoices):
    CO_PILOT = "co_pilot", _("Co-pilote")
    OPERATOR = "operator", _("Opérateur")
    FUNDER = "funder", _("Financeur")
    PARTNER = "partner", _("Partenaire")


class FundingStage(models.TextChoices):
    REQUESTED = "requested", _("Demandé")
    NOTIFIED = "notified", _("Notifié")
    COMMITTED = "committed", _("Engagé")
    PAID = "paid", _("Versé")


class FundingSource(models.TextChoices):
    """Where a budget line's money comes from, as the State's forms name the sources."""

    PROGRAMME_147 = "p147", _("Programme 147 (politique de la ville)")
    CITE_FUND = "fonds_cite", _("Fonds de la cité")
    STATE_COMMON_LAW = "droit_commun", _("Droit commun de l'État (ministère)")
    COMMUNE = "commune", _("Commune")
    CAF = "caf", _("CAF")
    DEPARTMENT = "departement", _("Département")
    REGION = "region", _("Région")
    OTHER = "other", _("Autre")

    @classmethod
    def state_sources(cls):
        """The State's own money, against which a commune's co-funding is checked."""
        return (cls.PROGRAMME_147, cls.CITE_FUND, cls.STATE_COMMON_LAW)


class ProgressMethod(models.TextChoices):
    """How a strategy's progress rolls up from its actions' progress."""

    EQUAL = "equal", _("Moyenne simple : chaque action compte autant")
    BUDGET = "budget", _("Moyenne pondérée par le budget prévu")


class WorkshopKind(models.TextChoices):
    PARTNERSHIP_MEETING = "partnership_meeting", _("Réunion partenariale")
    DIAGNOSIS = "diagnosis", _("Atelier de diagnostic partagé")
    ORIENTATIONS = "orientations", _("Groupe de travail sur les orientations")
    PUBLIC = "public", _("Rencontre avec les habitants")
    OTHER = "other", _("Autre")


class SwotKind(models.TextChoices):
    """The four boxes of the shared diagnosis, declared in the order a French SWOT (AFOM) reads:
    forces, faiblesses, opportunités, menaces. Lists follow this order, never the codes' alphabet."""

    STRENGTH = "strength", _("Force")
    WEAKNESS = "weakness", _("Faiblesse")
    OPPORTUNITY = "opportunity", _("Opportunité")
    THREAT = "threat", _("Menace")

    @classmethod
    def reading_order(cls, field="kind"):
        """An ``order_by`` expression that sorts ``field`` (a SwotKind column) in declaration order."""
        return Case(
            *(When(**{field: kind.value}, then=Value(rank)) for rank, kind in enumerate(cls)),
            output_field=IntegerField(),
        )


class MeetingKind(models.TextChoices):
    COPIL = "copil", _("Comité de pilotage (COPIL)")
    COTECH = "cotech", _("Comité technique")


class DecisionKind(models.TextChoices):
    VALIDATE_ORIENTATIONS = "validate_orientations", _("Validation d'orientations")
    VALIDATE_ACTIONS = "validate_actions", _("Validation d'actions")
    STOP_ACTIONS = "stop_actions", _("Arrêt ou report d'actions")
    ADOPT_AMENDMENT = "adopt_amendment", _("Adoption d'un avenant")
    ADOPT_STRATEGY = "adopt_strategy", _("Adoption de la stratégie")
    OTHER = "other", _("Autre décision")


class ContributionStatus(models.TextChoices):
    OPEN = "open", _("Ouverte")
    ACCEPTED = "accepted", _("Prise en compte")
    REJECTED = "rejected", _("Non retenue")
