from strategy.models.actions import Action, ActionPartner, Audience, BudgetLine
from strategy.models.concertation import Contribution, Decision, Meeting, SwotItem, Workshop
from strategy.models.structure import Axis, Orientation, Signatory, Strategy

__all__ = [
    "Action",
    "ActionPartner",
    "Audience",
    "Axis",
    "BudgetLine",
    "Contribution",
    "Decision",
    "Meeting",
    "Orientation",
    "Signatory",
    "Strategy",
    "SwotItem",
    "Workshop",
]
