"""The documents' background work, run by ``manage.py runworker``: nothing here runs in a request.

- ``refresh_documents``: after edits (coalesced, see ``documents.freshness``), each document of the
  strategy that may have changed gets its rendering queued.
- ``render_document``: renders one document again if its content changed (its fingerprint is the
  HTML rendered with a fixed date), dated by the content's last change.
- ``freeze_version``: freezes the next signed version of a strategy, step by step.
"""

import logging
import time
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone, translation
from django_tasks import task

from documents import assembly, cache, library, rendering
from documents.enums import Audience, DocumentKind
from documents.models import RenderedDocument
from worker import retry

logger = logging.getLogger(__name__)

#: A document nobody asked for in this long is dropped (its files with it); the public strategy
#: document of a published strategy is always kept.
UNREQUESTED_DAYS = 90

#: Rendering someone is waiting for goes before re-rendering after edits.
REQUESTED_PRIORITY = 10


def queue_rendering(document, *, requested=False):
    """Queue the document's rendering now (once: a document already queued is left as it is)."""
    if RenderedDocument.objects.filter(pk=document.pk, queued=False).update(queued=True, render_after=None):
        # The database backend writes the task in this transaction: it runs only if this commits.
        render_document.using(priority=REQUESTED_PRIORITY if requested else 0).enqueue(
            document_id=document.pk
        )


@task(queue_name="documents")
def refresh_documents(strategy_id):
    """Queue the rendering of the strategy's documents marked stale, once their edits have settled."""
    due = RenderedDocument.objects.filter(strategy_id=strategy_id, queued=True, render_after__isnull=False)
    latest = max((moment for moment in due.values_list("render_after", flat=True)), default=None)
    if latest is None:
        return "nothing to do"
    if latest > timezone.now():
        # Edits went on after this task was queued: wait until they settle (one rendering for all).
        refresh_documents.using(run_after=latest).enqueue(strategy_id=strategy_id)
        return "postponed"
    ids = list(due.values_list("pk", flat=True))
    due.update(render_after=None)
    for document_id in ids:
        render_document.enqueue(document_id=document_id)
    return f"{len(ids)} queued"


@task(queue_name="documents", takes_context=True)
def render_document(context, document_id):
    document = (
        RenderedDocument.objects.select_related("strategy__territory", "action")
        .filter(pk=document_id)
        .first()
    )
    if document is None:
        return "gone"
    started = timezone.now()
    # From now on, an edit marks the document stale again and queues a new rendering.
    RenderedDocument.objects.filter(pk=document_id).update(queued=False, render_after=None)
    try:
        outcome = _render(document, started)
    except Exception as error:
        last = retry.is_last_attempt(context.task_result)
        RenderedDocument.objects.filter(pk=document_id).update(
            attempts=retry.attempts_of(context.task_result),
            last_error=f"{type(error).__name__}: {error}"[:2000],
            failed_at=timezone.now() if last else None,
        )
        if not last:
            # The retry runs the same task again: keep the document marked as queued meanwhile.
            RenderedDocument.objects.filter(pk=document_id).update(queued=True)
        raise
    purge()
    return outcome


def _render(document, started):
    spec = library.Spec.of(document)
    with translation.override(document.language):
        fingerprint = library.fingerprint(
            rendering.render_html(spec.template, spec.context(library.FINGERPRINT_DATE))
        )
        unchanged = fingerprint == document.fingerprint and cache.read(document.pdf_name) is not None
        if not unchanged:
            content_date = library.latest_change(document.strategy)
            if document.stale_since and document.pdf_name:
                content_date = max(content_date, timezone.localdate(document.stale_since))
            html = rendering.render_html(spec.template, spec.context(content_date))
            name = cache.name_for(html)
            seconds = document.render_seconds
            if cache.read(name) is None:
                clock = time.perf_counter()
                cache.store(assembly.render_pdf(document.kind, html), name)
                seconds = round(time.perf_counter() - clock, 2)
    fresh = {"attempts": 0, "last_error": "", "failed_at": None}
    if unchanged:
        RenderedDocument.objects.filter(pk=document.pk).update(**fresh)
        outcome = "unchanged"
    else:
        previous = (
            {"previous_pdf_name": document.pdf_name, "previous_content_date": document.content_date}
            if document.pdf_name and document.pdf_name != name
            else {}
        )
        RenderedDocument.objects.filter(pk=document.pk).update(
            **fresh,
            **previous,
            fingerprint=fingerprint,
            pdf_name=name,
            content_date=content_date,
            rendered_at=timezone.now(),
            render_seconds=seconds,
        )
        outcome = "rendered"
    # Stale no more, unless an edit came while rendering (then a new rendering is queued).
    RenderedDocument.objects.filter(pk=document.pk).filter(
        Q(stale_since__isnull=True) | Q(stale_since__lte=started)
    ).update(stale_since=None)
    return outcome


def purge():
    """Drops the documents nobody asked for in a long time, then the files no document serves."""
    limit = timezone.now() - timedelta(days=UNREQUESTED_DAYS)
    RenderedDocument.objects.filter(requested_at__lt=limit).exclude(
        kind=DocumentKind.STRATEGY, audience=Audience.PUBLIC
    ).delete()
    keep = set()
    for current, previous in RenderedDocument.objects.values_list("pdf_name", "previous_pdf_name"):
        keep.update({current, previous})
    return cache.purge(keep - {""})
