"""The year's revue de projet (Cité éducative) or bilan annuel (PEDT) as its xlsx and its PDF show it:
the figures by the State's themes (``followup.annual_review``), the coordination's written answers and
the record of the year's reporting round (the yearly report's « Campagne de suivi », reused as is).
"""

from dataclasses import dataclass

from django.utils import timezone

from documents.content_round import round_section
from followup import annual_review


@dataclass
class Theme:
    """One theme of the questionnaire: its answer field, label and the coordination's answer."""

    name: str
    label: str
    answer: str


def annual_review_context(strategy, year, user, *, document_date=None, today=None):
    """The context of the year's review, as ``user`` reads it (only the coordination and the COPIL
    are ever given it). Bounded queries: the figures', the answers' one, the round's four."""
    figures = annual_review.figures(strategy, year, user, today=today)
    review = annual_review.answers_of(strategy, year)
    themes = {
        name: Theme(name, label, answer)
        for name, label, answer in annual_review.theme_blocks(strategy, review)
    }
    return {
        "strategy": strategy,
        "year": year,
        "title": figures.title,
        "document_date": document_date or timezone.localdate(),
        "figures": figures,
        "themes": themes,
        "review": review,
        "cofunding_text": annual_review.cofunding_sentence(figures.financial.cofunding),
        "round_section": round_section(strategy, year, figures.axes, user),
    }
