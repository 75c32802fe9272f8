"""Every saved edit to a strategy's content marks its rendered documents stale, coalesced.

Connected to every save, delete and many-to-many change of the content apps (``actors``,
``strategy``, ``indicators``, and ``followup``, whose rounds the yearly report prints). At commit,
the documents of the strategies touched are marked stale and their re-rendering is pushed
``CITEDU_DOCUMENT_DEBOUNCE`` seconds after the last edit (no more than ``MAX_WAIT`` after the
first): ten edits in a minute give one rendering. Whether a document really changed is decided by
the worker (``documents.tasks``), which compares fingerprints.
"""

import threading
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Least
from django.utils import timezone

from documents.models import RenderedDocument

CONTENT_APPS = {"actors", "strategy", "indicators", "followup"}
#: The longest an edit waits for its rendering while edits keep coming.
MAX_WAIT = timedelta(minutes=5)
ALL = "all"

_pending = threading.local()
#: Off while ``migrate`` runs: data migrations save content before the documents' table exists.
_paused = threading.Event()


def pause(**kwargs):
    _paused.set()


def resume(**kwargs):
    _paused.clear()


def strategies_of(instance):
    """The ids of the strategies whose documents show ``instance``, or ``ALL`` (an organisation,
    a neighbourhood… can appear in any strategy)."""
    from followup.models import ReportingRound
    from indicators.models import Indicator
    from strategy.models import Action, ActionBeneficiaries, Meeting, Strategy

    if isinstance(instance, Strategy):
        return {instance.pk}
    if getattr(instance, "beneficiaries_id", None):  # a count by audience: its action's strategy
        rows = ActionBeneficiaries.objects.filter(pk=instance.beneficiaries_id)
        return set(rows.values_list("action__strategy_id", flat=True))
    if getattr(instance, "strategy_id", None):
        return {instance.strategy_id}
    for attribute, model in (
        ("action_id", Action),
        ("meeting_id", Meeting),
        ("indicator_id", Indicator),
        ("round_id", ReportingRound),
    ):
        related_id = getattr(instance, attribute, None)
        if related_id:
            return set(model.objects.filter(pk=related_id).values_list("strategy_id", flat=True))
    return ALL


def _is_content(sender):
    meta = sender._meta
    return meta.app_label in CONTENT_APPS and not meta.object_name.startswith("Historical")


def content_saved(sender, instance, raw=False, **kwargs):
    if raw or not _is_content(sender):
        return
    mark_stale(strategies_of(instance))


def content_m2m_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and _is_content(type(instance)):
        mark_stale(strategies_of(instance))


def content_written_in_bulk(sender, instances, strategy=None, **kwargs):
    """``shared.signals.content_changed``: rows written without ``post_save`` (one query at most)."""
    from strategy.models import Action

    if strategy is not None:
        mark_stale({strategy.pk})
        return
    instances = list(instances)
    direct = {instance.strategy_id for instance in instances if getattr(instance, "strategy_id", None)}
    action_ids = {instance.action_id for instance in instances if getattr(instance, "action_id", None)}
    if len(direct) + len(action_ids) == 0 and instances:
        mark_stale(ALL)
        return
    if action_ids:
        direct |= set(
            Action.objects.filter(pk__in=action_ids).values_list("strategy_id", flat=True).distinct()
        )
    mark_stale(direct)


def mark_stale(strategy_ids):
    """Marks the documents of these strategies stale when the current transaction commits."""
    if not strategy_ids or _paused.is_set():
        return
    pending = getattr(_pending, "ids", None)
    registered = pending is not None and _flush_registered()
    if not registered:
        pending = _pending.ids = set()
    if strategy_ids == ALL:
        pending.add(ALL)
    else:
        pending.update(strategy_ids)
    if not registered:
        # Outside a transaction this runs at once; inside, at its commit (never after a rollback).
        transaction.on_commit(flush)


def _flush_registered():
    """Whether ``flush`` still waits for the commit (a rollback drops it with its block)."""
    return any(callback is flush for _sids, callback, _robust in transaction.get_connection().run_on_commit)


def flush():
    pending, _pending.ids = getattr(_pending, "ids", None) or set(), None
    if ALL in pending:
        documents = RenderedDocument.objects.all()
    else:
        documents = RenderedDocument.objects.filter(strategy_id__in=pending)
    schedule(documents)


def schedule(documents):
    """Marks these documents stale and their rendering due after the debounce; queues one refresh
    task per strategy that had none queued."""
    from documents.tasks import refresh_documents

    now = timezone.now()
    due = now + timedelta(seconds=settings.CITEDU_DOCUMENT_DEBOUNCE)
    idle = documents.filter(queued=False)
    strategies = set(idle.values_list("strategy_id", flat=True))
    idle.update(stale_since=now, queued=True, render_after=due, attempts=0, failed_at=None)
    # Documents already waiting: the new edit pushes their rendering back, within MAX_WAIT.
    documents.filter(queued=True, render_after__isnull=False).exclude(stale_since=now).update(
        render_after=Least(Value(due), F("stale_since") + MAX_WAIT)
    )
    for strategy_id in strategies:
        refresh_documents.using(run_after=due).enqueue(strategy_id=strategy_id)
