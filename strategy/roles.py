"""The portal's roles (Django groups created by a migration) and what each may see.

The visibility QuerySet methods ask these helpers, so one place decides who is who.
"""

COORDINATION = "coordination"
PILOTE = "pilote"
PARTENAIRE = "partenaire"
COPIL = "copil"

ALL_ROLES = (COORDINATION, PILOTE, PARTENAIRE, COPIL)
#: Roles that work inside the strategy and so see its drafts everywhere.
INSIDE_ROLES = (COORDINATION, PILOTE, COPIL)


def _group_names(user):
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_citedu_group_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._citedu_group_names = cached
    return cached


def has_role(user, role):
    return role in _group_names(user)


def sees_everything(user):
    """Staff inside the strategy: coordination, pilots, steering committee, superusers."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or bool(_group_names(user) & set(INSIDE_ROLES))


def is_partner(user):
    return has_role(user, PARTENAIRE)
