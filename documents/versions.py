"""Freezing a strategy: version n of its document, rendered once, fingerprinted, never changed."""

import hashlib

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from actors import roles
from documents import cache, content, rendering, snapshots
from documents.enums import VersionKind
from documents.models import StrategyVersion
from strategy.models import Strategy


def may_freeze(user):
    return bool(getattr(user, "is_authenticated", False)) and (
        user.is_superuser or roles.has_role(user, roles.COORDINATION)
    )


def freeze_strategy(strategy, user, *, signed_at_place="", title=""):
    """Render the strategy document as an anonymous visitor sees it and store it as the next version.

    Version 1 is the initial version, the next ones are amendments (avenants). Only the
    coordination team and superusers may freeze, and only a published (adopted or closed) strategy:
    a draft's public document would be empty.
    """
    if not may_freeze(user):
        raise PermissionDenied(_("Seule l’équipe de coordination peut figer une version."))
    with transaction.atomic():
        # Lock the strategy so two freezes cannot take the same number.
        strategy = Strategy.objects.select_for_update().select_related("territory").get(pk=strategy.pk)
        if not strategy.is_published:
            raise ValidationError(_("Seule une stratégie adoptée ou terminée peut être figée."))
        last = strategy.versions.aggregate(last=Max("number"))["last"] or 0
        version = StrategyVersion(
            strategy=strategy,
            number=last + 1,
            kind=VersionKind.INITIAL if last == 0 else VersionKind.AMENDMENT,
            title=title,
            frozen_at=timezone.now(),
            frozen_by=user,
            signed_at_place=signed_at_place,
        )
        with translation.override("fr"):
            context = content.strategy_document(
                strategy, AnonymousUser(), document_date=timezone.localdate(), version=version
            )
            html = rendering.render_html("documents/strategy_document.html", context)
        pdf = cache.pdf_for_html(html)
        version.sha256 = hashlib.sha256(pdf).hexdigest()
        version.data = snapshots.strategy_snapshot(strategy)
        version.content_sha256 = snapshots.snapshot_sha256(version.data)
        version.pdf.save(f"v{version.number}.pdf", ContentFile(pdf), save=False)
        version.save()
    return version
