"""Freezing a strategy: version n of its document, rendered once, fingerprinted, never changed.

The admin only asks (``request_freeze``): the worker freezes (``freeze_version``), recording its
progress on the ``FreezeJob`` that the admin shows, so nobody waits on the rendering.
"""

import hashlib

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from actors import roles
from documents import assembly, content, rendering, snapshots
from documents.enums import DocumentKind, FreezeStatus, VersionKind
from documents.models import FreezeJob, StrategyVersion
from strategy.models import Strategy
from worker import retry


def may_freeze(user):
    return bool(getattr(user, "is_authenticated", False)) and (
        user.is_superuser or roles.has_role(user, roles.COORDINATION)
    )


def _check_may_freeze(strategy, user):
    if not may_freeze(user):
        raise PermissionDenied(_("Seule l’équipe de coordination peut figer une version."))
    if not strategy.is_published:
        raise ValidationError(_("Seule une stratégie adoptée ou terminée peut être figée."))


def _next_number(strategy):
    return (strategy.versions.aggregate(last=Max("number"))["last"] or 0) + 1


def freeze_strategy(strategy, user, *, signed_at_place="", title="", progress=None):
    """Render the strategy document as an anonymous visitor sees it and store it as the next version.

    Version 1 is the initial version, the next ones are amendments (avenants). Only the
    coordination team and superusers may freeze, and only a published (adopted or closed) strategy:
    a draft's public document would be empty. ``progress(percent, step)`` hears of each step.
    """
    progress = progress or (lambda percent, step: None)
    strategy = Strategy.objects.select_related("territory").get(pk=strategy.pk)
    _check_may_freeze(strategy, user)
    number = _next_number(strategy)
    version = StrategyVersion(
        strategy=strategy,
        number=number,
        kind=VersionKind.INITIAL if number == 1 else VersionKind.AMENDMENT,
        title=title,
        frozen_at=timezone.now(),
        frozen_by=user,
        signed_at_place=signed_at_place,
    )
    progress(10, _("Lecture du contenu publié"))
    # The data of the version, to compare editions; its fingerprint is printed on every page.
    version.data = snapshots.strategy_snapshot(strategy)
    version.content_sha256 = snapshots.snapshot_sha256(version.data)
    with translation.override("fr"):
        context = content.strategy_document(
            strategy, AnonymousUser(), document_date=timezone.localdate(), version=version
        )
        html = rendering.render_html("documents/strategy_document.html", context)
    progress(30, _("Mise en page du document"))
    pdf = assembly.render_pdf(DocumentKind.STRATEGY, html)
    progress(90, _("Empreinte et enregistrement"))
    version.sha256 = hashlib.sha256(pdf).hexdigest()
    with transaction.atomic():
        # Lock the strategy so two freezes cannot take the same number.
        Strategy.objects.select_for_update().get(pk=strategy.pk)
        if _next_number(strategy) != number:
            raise ValidationError(
                _("Une autre version vient d’être figée : recommencez pour figer la suivante.")
            )
        version.pdf.save(f"v{version.number}.pdf", ContentFile(pdf), save=False)
        version.save()
    return version


def request_freeze(strategy, user, *, signed_at_place="", title=""):
    """Ask the worker to freeze the next version; the job records its progress."""
    _check_may_freeze(strategy, user)
    job = FreezeJob.objects.create(
        strategy=strategy, requested_by=user, signed_at_place=signed_at_place, title=title
    )
    # The database backend writes the task in this transaction: it runs only if this commits.
    freeze_version.enqueue(job_id=job.pk)
    return job


def _update(job_id, **fields):
    FreezeJob.objects.filter(pk=job_id).update(**fields)


@task(queue_name="documents", takes_context=True)
def freeze_version(context, job_id):
    job = FreezeJob.objects.select_related("strategy", "requested_by").filter(pk=job_id).first()
    if job is None or job.status == FreezeStatus.DONE:
        return "nothing to do"
    _update(job_id, status=FreezeStatus.RUNNING, progress=0, step=_("Démarrage"), error="")
    try:
        with translation.override("fr"):
            version = freeze_strategy(
                job.strategy,
                job.requested_by,
                signed_at_place=job.signed_at_place,
                title=job.title,
                progress=lambda percent, step: _update(job_id, progress=percent, step=step),
            )
    except (PermissionDenied, ValidationError) as refusal:
        # Trying again would give the same answer.
        message = " ".join(getattr(refusal, "messages", [str(refusal)]))
        _update(job_id, status=FreezeStatus.FAILED, error=message, finished_at=timezone.now())
        return "refused"
    except Exception as error:
        last = retry.is_last_attempt(context.task_result)
        _update(
            job_id,
            status=FreezeStatus.FAILED if last else FreezeStatus.QUEUED,
            error=f"{type(error).__name__}: {error}"[:2000],
            finished_at=timezone.now() if last else None,
            step=_("Échec") if last else _("Nouvel essai prévu"),
        )
        raise
    _update(
        job_id,
        status=FreezeStatus.DONE,
        progress=100,
        step=_("Version figée"),
        version=version,
        finished_at=timezone.now(),
    )
    return f"version {version.number}"
