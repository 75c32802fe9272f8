"""The content revision of each strategy: the one place that reads and bumps it.

Public pages and CSVs are cached under a key holding the revision (``strategy.page_cache``), so a
write is seen at once without any cache entry being cleared: the new number names a new entry.

**The bump runs inside the writer's transaction**, not at its commit. The UPDATE of the revision
row then commits together with the data it announces: no reader can see the new number without the
new data. Bumping at commit would open a window (after the data's commit, before the bump's) in
which a reader gets the old number, finds the old page cached under it and serves it as current;
and a process that died in that window would leave the old page served until the cache's timeout.
The opposite race is harmless: a reader who read the old number just before the commit may render
the new data and store it under the old number, a key nobody asks for once the new one is visible.
The row lock the UPDATE takes serialises two writers of the same strategy until the first commits;
they were writing the same content anyway (imports already run one at a time per strategy).

Within one transaction a strategy is bumped once: a later write finds the bump still pending and
adds nothing (an admin save with its inlines costs one UPDATE), until someone reads the revision in
that same transaction (a page rendered between two writes, as a test does): the next write then
bumps again. A bump inside a savepoint that rolls back is forgotten with it, as Django forgets the
savepoint's ``on_commit`` callbacks, so the next write bumps again.

Who bumps: the model signals each domain app connects (``strategy.apps``, ``indicators.apps``,
``followup.apps``, ``documents.apps``) through ``content_saved``/``content_deleted``/
``content_m2m_changed`` here, ``shared.signals.content_changed`` for the imports' bulk writes, and the
few bulk writers themselves (``bump``/``bump_all``) where no signal fires.
"""

import contextlib
import threading

from django.db import transaction
from django.db.models import F, Max

from strategy.models import Action, ActionBeneficiaries, Meeting, Strategy, StrategyRevision

#: A strategy with no revision row yet (created before the table, or never bumped) is at this number.
FIRST = 1
ALL = "all"

_pending = threading.local()


def current(strategy):
    """The revision of ``strategy`` (an instance or its id): one tiny query."""
    _read()
    strategy_id = getattr(strategy, "pk", strategy)
    number = StrategyRevision.objects.filter(pk=strategy_id).values_list("number", flat=True).first()
    return FIRST if number is None else number


def of_slug(slug):
    """``(strategy_id, number)`` of the strategy with this slug, or None: one query."""
    _read()
    row = Strategy.objects.filter(slug=slug).values_list("pk", "revision__number").first()
    if row is None:
        return None
    return row[0], FIRST if row[1] is None else row[1]


def all_revisions():
    """``((strategy_id, number), …)`` for every strategy, in one query: the key of what shows them all
    (the home page, a legal page)."""
    _read()
    rows = Strategy.objects.order_by("pk").values_list("pk", "revision__number")
    return tuple((pk, FIRST if number is None else number) for pk, number in rows)


def _read():
    """The revision is read in this transaction: the next write must bump it again."""
    _markers().clear()


@contextlib.contextmanager
def restoring():
    """For a restore (``maintenance.archive``): no bump while the backup's rows, revisions included,
    are loaded (their many-to-many links would otherwise create revision rows the backup then
    collides with); afterwards every revision moves past every number used before the restore, so no
    page cached before it can be served after it."""
    used = StrategyRevision.objects.aggregate(highest=Max("number"))["highest"] or FIRST
    _pending.paused = True
    try:
        yield
    finally:
        _pending.paused = False
    StrategyRevision.objects.update(number=F("number") + used)
    _create_missing(None)


def _paused():
    return getattr(_pending, "paused", False)


def bump(strategy_ids):
    """Bumps the revision of these strategies in the current transaction (once per transaction)."""
    if _paused():
        return
    if strategy_ids == ALL:
        bump_all()
        return
    ids = {strategy_id for strategy_id in strategy_ids if strategy_id is not None} - _bumped_here()
    if not ids:
        return
    updated = StrategyRevision.objects.filter(pk__in=ids).update(number=F("number") + 1)
    if updated < len(ids):
        _create_missing(ids)
    _remember(ids)


def bump_all():
    """Bumps every strategy: for what any page may show (an organisation, a legal page)."""
    if _paused() or ALL in _bumped_here():
        return
    StrategyRevision.objects.update(number=F("number") + 1)
    _create_missing(None)
    _remember({ALL})


def _create_missing(ids):
    """Rows for the strategies (of ``ids``, or all) that have none, at the number after ``FIRST``.

    Only for strategies that exist: a strategy deleted in this transaction gets no row. Two writers
    creating the same row: the second's insert is ignored, then its UPDATE bumps past the first's.
    """
    missing = Strategy.objects.filter(revision__isnull=True).exclude(pk__in=_deleting_here())
    if ids is not None:
        missing = missing.filter(pk__in=ids)
    missing_ids = list(missing.values_list("pk", flat=True))
    if not missing_ids:
        return
    StrategyRevision.objects.bulk_create(
        [StrategyRevision(strategy_id=pk, number=FIRST) for pk in missing_ids], ignore_conflicts=True
    )
    StrategyRevision.objects.filter(pk__in=missing_ids).update(number=F("number") + 1)


class _Pending:
    """Registered with ``on_commit`` for each strategy bumped: while it is in the connection's list,
    the bump is pending. Django drops it with a savepoint that rolls back; the commit runs it."""

    def __init__(self, key):
        self.key = key

    def __call__(self):
        if _markers().get(self.key) is self:
            del _markers()[self.key]


def _markers():
    if not hasattr(_pending, "markers"):
        _pending.markers = {}
    return _pending.markers


def _bumped_here():
    """The strategies (or ``ALL``) already bumped in the current transaction (none outside one)."""
    connection = transaction.get_connection()
    markers = _markers()
    if not connection.in_atomic_block or not markers:
        markers.clear()
        return set()
    live = {id(callback) for _sids, callback, _robust in connection.run_on_commit}
    for key in [key for key, marker in markers.items() if id(marker) not in live]:
        del markers[key]
    return set(markers)


def _deleting_here():
    """The strategies being deleted in the current transaction (``strategy_deleting``)."""
    return {key[1] for key in _bumped_here() if isinstance(key, tuple) and key[0] == "deleting"}


def strategy_deleting(sender, instance, **kwargs):
    """``pre_delete`` of a strategy: its rows go first (the collector deletes children before their
    parent), and their own signals must not bump it, which would create a revision row for a strategy
    about to disappear (a foreign key broken at the commit)."""
    _remember({instance.pk, ("deleting", instance.pk)})


def _remember(keys):
    if not transaction.get_connection().in_atomic_block:
        return
    for key in keys:
        marker = _markers()[key] = _Pending(key)
        transaction.on_commit(marker)


# Signal receivers -----------------------------------------------------------------------------

#: How to find the strategy of a row of each kind, from the foreign key it holds.
_PARENTS = (("action_id", Action), ("meeting_id", Meeting), ("beneficiaries_id", ActionBeneficiaries))


def strategies_of(instance, parents=()):
    """The ids of the strategies whose pages show ``instance``: its ``strategy_id``, or its parent's
    strategy through one of ``_PARENTS`` (and ``parents``, the apps above this one add theirs).
    ``ALL`` when the row belongs to no strategy in particular (an organisation, a neighbourhood)."""
    if isinstance(instance, Strategy):
        return {instance.pk}
    strategy_id = getattr(instance, "strategy_id", None)
    if strategy_id is not None:
        return {strategy_id}
    for attribute, model in (*_PARENTS, *parents):
        related_id = getattr(instance, attribute, None)
        if related_id is None:
            continue
        related = _cached_related(instance, attribute)
        if related is not None:
            return strategies_of(related, parents)
        path = "action__strategy_id" if model is ActionBeneficiaries else "strategy_id"
        return set(model.objects.filter(pk=related_id).values_list(path, flat=True))
    return ALL


def _cached_related(instance, attribute):
    """The parent object if it is already loaded (no query), else None."""
    field = instance._meta.get_field(attribute.removesuffix("_id"))
    return field.get_cached_value(instance, None)


def receivers(parents=()):
    """The three model-signal receivers, finding strategies through ``parents`` as well."""

    def content_saved(sender, instance, raw=False, **kwargs):
        if not raw:
            bump(strategies_of(instance, parents))

    def content_m2m_changed(sender, instance, action, **kwargs):
        if action.startswith("post_"):
            bump(strategies_of(instance, parents))

    return content_saved, content_saved, content_m2m_changed


def territory_saved(sender, instance, raw=False, **kwargs):
    """A territory shows on the pages of its strategies."""
    if not raw:
        bump(Strategy.objects.filter(territory=instance).values_list("pk", flat=True))


def shared_saved(sender, instance, raw=False, **kwargs):
    """Organisations, contacts, neighbourhoods, sectors: any strategy may show them."""
    if not raw:
        bump_all()


def shared_m2m_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        bump_all()


def content_written_in_bulk(sender, instances, strategy=None, **kwargs):
    """``shared.signals.content_changed``: rows written with no ``post_save`` (imports)."""
    if strategy is not None:
        bump({strategy.pk})
        return
    ids = set()
    for instance in instances:
        found = strategies_of(instance)
        if found == ALL:
            bump_all()
            return
        ids |= found
    bump(ids if ids or instances else ALL)


def connect(models, parents=(), dispatch_prefix="revision"):
    """Connects the receivers to the saves, deletes and many-to-many changes of ``models``."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    saved, deleted, m2m = receivers(parents)
    for model in models:
        label = model._meta.label_lower
        post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"{dispatch_prefix}.save.{label}")
        post_delete.connect(
            deleted, sender=model, weak=False, dispatch_uid=f"{dispatch_prefix}.delete.{label}"
        )
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                m2m,
                sender=through,
                weak=False,
                dispatch_uid=f"{dispatch_prefix}.m2m.{through._meta.label_lower}",
            )


def content_models(app_config, exclude=()):
    """The models of an app whose rows its pages show: all but the history tables and ``exclude``."""
    return [
        model
        for model in app_config.get_models()
        if not model._meta.object_name.startswith("Historical") and model not in exclude
    ]
