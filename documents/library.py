"""The documents a reader can download, each kept rendered for its audience and language.

A document is named by a ``Spec``: its kind (strategy document, yearly report, action sheet, amendment
annex), its strategy and parameters, the audience it is read by (``actors.roles.audience_of``: what
``visible_to`` shows differs by audience, nothing else) and the language. Its ``RenderedDocument`` row
holds the last PDF rendered. Nothing here renders a PDF: ``documents.tasks`` does, in the worker.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import Max
from django.utils import timezone, translation

from actors import roles
from documents import content, content_diff, content_review, programmation
from documents.enums import DocumentKind
from documents.models import RenderedDocument
from followup.models import ActionReport, AnnualReview, ReportingRound
from indicators.models import Indicator, Measurement
from strategy.models import Action, Axis, BudgetLine, Milestone, Orientation, Strategy

#: The date the content fingerprint is taken with: the fingerprint must not change with the date.
FINGERPRINT_DATE = date(2000, 1, 1)

TEMPLATES = {
    DocumentKind.STRATEGY: "documents/strategy_document.html",
    DocumentKind.REPORT: "documents/yearly_report.html",
    DocumentKind.ACTION: "documents/action_sheet.html",
    DocumentKind.AMENDMENT: "documents/amendment_annex.html",
    DocumentKind.REVIEW: "documents/annual_review.html",
    DocumentKind.PROGRAMMATION: "documents/programmation.html",
}


def current_language():
    return translation.get_supported_language_variant(translation.get_language() or settings.LANGUAGE_CODE)


@dataclass(frozen=True)
class Spec:
    kind: str
    strategy: Strategy = field(compare=False)
    audience: str
    language: str
    year: int | None = None
    action: Action | None = field(default=None, compare=False)
    extra: str = ""

    @property
    def key(self):
        parts = [self.kind, str(self.strategy.pk)]
        if self.year is not None:
            parts.append(str(self.year))
        if self.action is not None:
            parts.append(str(self.action.pk))
        if self.extra:
            parts.append(self.extra)
        return ":".join([*parts, self.audience, self.language])

    @property
    def template(self):
        return TEMPLATES[self.kind]

    @property
    def filename(self):
        slug = self.strategy.slug
        return {
            DocumentKind.STRATEGY: f"{slug}.pdf",
            DocumentKind.REPORT: f"{slug}-rapport-{self.year}.pdf",
            DocumentKind.ACTION: f"{slug}-action-{getattr(self.action, 'slug', '')}.pdf",
            DocumentKind.AMENDMENT: f"{slug}-annexe-avenant-{self.extra}.pdf",
            DocumentKind.REVIEW: f"{slug}-revue-de-projet-{self.year}.pdf",
            DocumentKind.PROGRAMMATION: f"{slug}-programmation-{self.year}.pdf",
        }[self.kind]

    def context(self, document_date) -> dict[str, Any]:
        """The print template's context, read as any member of the audience reads it."""
        reader = roles.AudienceReader(self.audience)
        if self.kind == DocumentKind.STRATEGY:
            return content.strategy_document(self.strategy, reader, document_date=document_date)
        if self.kind == DocumentKind.REPORT:
            return content.yearly_report(self.strategy, self.year, reader, document_date=document_date)
        if self.kind == DocumentKind.REVIEW:
            return content_review.annual_review_context(
                self.strategy, self.year, reader, document_date=document_date
            )
        if self.kind == DocumentKind.ACTION:
            action = (
                content.action_sheet_queryset(self.strategy, reader)
                .select_related("strategy__territory")
                .get(pk=self.action.pk)
            )
            return content.action_sheet(action, reader, document_date=document_date)
        if self.kind == DocumentKind.AMENDMENT:
            old, new = (int(number) for number in self.extra.split("-"))
            versions = {
                version.number: version for version in self.strategy.versions.filter(number__in=(old, new))
            }
            # Frozen: always dated by the later version, whatever ``document_date`` says.
            return content_diff.amendment_annex(self.strategy, versions[old], versions[new])
        if self.kind == DocumentKind.PROGRAMMATION:
            return programmation.document_context(self.strategy, self.year, document_date=document_date)
        raise ValueError(f"No context for documents of kind {self.kind!r}.")

    @classmethod
    def of(cls, document):
        return cls(
            kind=document.kind,
            strategy=document.strategy,
            audience=document.audience,
            language=document.language,
            year=document.year,
            action=document.action,
            extra=document.extra,
        )


def spec_for(kind, strategy, user, **params):
    """The document ``user`` reads, in the language of the request."""
    return Spec(
        kind=kind, strategy=strategy, audience=roles.audience_of(user), language=current_language(), **params
    )


def document_for(spec):
    """The row of this document, created (never rendered yet) on its first request."""
    document, _created = RenderedDocument.objects.get_or_create(
        key=spec.key,
        defaults={
            "strategy": spec.strategy,
            "kind": spec.kind,
            "year": spec.year,
            "action": spec.action,
            "extra": spec.extra,
            "audience": spec.audience,
            "language": spec.language,
        },
    )
    return document


def fingerprint(html):
    return hashlib.sha256(html.encode("utf-8")).hexdigest()


def latest_change(strategy):
    """The date of the last saved change to the strategy's content (deletions leave no date: the
    rendering that notices them dates the content of its own day)."""
    dates = [
        strategy.updated_at,
        *(
            queryset.aggregate(last=Max(name))["last"]
            for queryset, name in (
                (Axis.objects.filter(strategy=strategy), "updated_at"),
                (Orientation.objects.filter(strategy=strategy), "updated_at"),
                (Action.objects.filter(strategy=strategy), "updated_at"),
                (BudgetLine.objects.filter(action__strategy=strategy), "updated_at"),
                (Milestone.objects.filter(action__strategy=strategy), "updated_at"),
                (Indicator.objects.filter(strategy=strategy), "updated_at"),
                (Measurement.objects.filter(indicator__strategy=strategy), "entered_at"),
                (ReportingRound.objects.filter(strategy=strategy), "updated_at"),
                (ActionReport.objects.filter(round__strategy=strategy), "updated_at"),
                (AnnualReview.objects.filter(strategy=strategy), "updated_at"),
            )
        ),
    ]
    last = max((moment for moment in dates if moment is not None), default=timezone.now())
    return timezone.localdate(last)


def estimated_seconds(document, action_count=None):
    """About how long until this document is ready: the wait before its rendering, then the
    rendering itself (the last one's duration, or a guess from the size of the strategy)."""
    now = timezone.now()
    wait = max(0.0, (document.render_after - now).total_seconds()) if document.render_after else 0.0
    if document.render_seconds:
        render = document.render_seconds
    elif document.kind == DocumentKind.STRATEGY:
        if action_count is None:
            action_count = document.strategy.actions.count()
        render = 6 + 0.07 * action_count
    else:
        render = 4
    return max(3, round(wait + render))


@dataclass
class State:
    """What the documents page says of a document: ready (of which date), updating, or failed."""

    spec: Spec
    document: RenderedDocument | None
    seconds: int | None = None

    @property
    def ready(self):
        return self.document is not None and self.document.is_ready

    @property
    def updating(self):
        return self.document is not None and not self.document.is_ready and not self.document.has_failed

    @property
    def failed(self):
        return self.document is not None and self.document.has_failed

    @property
    def has_previous(self):
        return self.document is not None and bool(self.document.pdf_name)


def states(specs):
    """The state of each document, in one query (and one count for the estimates)."""
    rows = {row.key: row for row in RenderedDocument.objects.filter(key__in=[spec.key for spec in specs])}
    action_count = None
    result = []
    for spec in specs:
        document = rows.get(spec.key)
        state = State(spec, document)
        if document is not None and not document.is_ready and not document.has_failed:
            if action_count is None:
                action_count = spec.strategy.actions.count()
            state.seconds = estimated_seconds(document, action_count)
        result.append(state)
    return result
