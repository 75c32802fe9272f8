"""The partners' contributions of the demo files, loaded once the demo logins exist."""

from django.utils import timezone

from demo.base import upsert
from demo.registry import lookup
from strategy.models import Action, Contribution, Orientation, Strategy


def load_contributions(data, users, source):
    """The partners' contributions of a file, once the demo logins (``users``, by username) exist.

    Does nothing when the file's strategy is not in the portal (a portal left alone by ``--if-empty``).
    """
    strategy = Strategy.objects.filter(slug=data["strategy"]["slug"]).first()
    if strategy is None:
        return
    for spec in data.get("contributions", []):
        action = Action.objects.get(strategy=strategy, code=spec["action"]) if "action" in spec else None
        orientation = (
            Orientation.objects.get(strategy=strategy, number=spec["orientation"])
            if "orientation" in spec
            else None
        )
        answered_by = spec.get("answered_by")
        answered_at = spec.get("answered_at")
        upsert(
            Contribution,
            {
                "strategy": strategy,
                "author": lookup(users, spec["author"], "compte", source),
                "action": action,
                "orientation": orientation,
            },
            body=spec["body"],
            status=spec["status"],
            answer=spec.get("answer", ""),
            answered_by=lookup(users, answered_by, "compte", source) if answered_by else None,
            # A fixed date from the file, so a second run finds nothing to change.
            answered_at=timezone.make_aware(answered_at) if answered_at else None,
        )
