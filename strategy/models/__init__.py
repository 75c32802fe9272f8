from strategy.models.actions import Action, ActionPartner, Audience
from strategy.models.beneficiaries import ActionBeneficiaries, BeneficiariesByAudience
from strategy.models.budget import BudgetLine
from strategy.models.concertation import Contribution, Decision, Meeting, SwotItem, Workshop
from strategy.models.milestones import Milestone
from strategy.models.revision import StrategyRevision
from strategy.models.structure import Axis, Orientation, Signatory, Strategy

__all__ = [
    "Action",
    "ActionBeneficiaries",
    "ActionPartner",
    "Audience",
    "Axis",
    "BeneficiariesByAudience",
    "BudgetLine",
    "Contribution",
    "Decision",
    "Meeting",
    "Milestone",
    "Orientation",
    "Signatory",
    "Strategy",
    "StrategyRevision",
    "SwotItem",
    "Workshop",
]
