"""The portal's roles (Django groups), the model permissions each holds, and who is who.

The groups and their permissions are (re)applied after every ``migrate`` from ``ROLE_PERMISSIONS``,
so a new model is granted by the rule that covers it without a migration to rewrite. Row-level
limits (a pilot's own actions) are each app's ``perms`` module; visibility is ``visible_to(user)``.
"""

from actors.models import Contact

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


def organisation_of(user):
    """The id of the organisation the user works for (through their contact record), or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, "_citedu_organisation_id"):
        user._citedu_organisation_id = (
            Contact.objects.filter(user=user).values_list("organisation_id", flat=True).first()
        )
    return user._citedu_organisation_id


#: The apps whose model permissions the roles are granted.
PORTAL_APPS = ("actors", "strategy", "indicators", "documents", "followup")

#: A pilot counts their actions' beneficiaries, year by year and by audience.
BENEFICIARY_MODELS = ["actionbeneficiaries", "beneficiariesbyaudience"]

#: Model permissions per role: "__all__" or, per verb, "__all__" or the model names.
ROLE_PERMISSIONS = {
    COORDINATION: "__all__",
    COPIL: {
        "view": "__all__",
        "add": ["meeting", "decision"],
        "change": ["meeting", "decision", "orientation", "action", "contribution"],
    },
    PILOTE: {
        "view": "__all__",
        "add": ["budgetline", "measurement", "actionpartner", "milestone", *BENEFICIARY_MODELS],
        # A pilot fills their organisation's reports of a round on their own pages (/admin/suivi/).
        "change": [
            "action",
            "budgetline",
            "measurement",
            "actionpartner",
            "milestone",
            "actionreport",
            *BENEFICIARY_MODELS,
        ],
        "delete": ["budgetline", "measurement", "actionpartner", "milestone", *BENEFICIARY_MODELS],
    },
    PARTENAIRE: {"add": ["contribution"]},
}

#: The legal pages are the city's word: coordination writes them, no other role even reads them in
#: the admin (the public pages show them to everyone).
LEGAL_PERMISSIONS = {
    ("legal", f"{verb}_{model}")
    for model, verbs in {
        "legalnotice": ("view", "change"),
        "accessibilitystatement": ("view", "change"),
        "processingrecord": ("view", "add", "change", "delete"),
    }.items()
    for verb in verbs
}

#: Beyond the portal's apps: coordination follows the background tasks (failures included) and
#: writes the legal pages.
COORDINATION_EXTRA = {
    ("django_tasks_database", "view_dbtaskresult"),
    ("worker", "view_workerheartbeat"),
    *LEGAL_PERMISSIONS,
}

#: Frozen versions are never changed nor deleted, whoever asks.
NEVER_GRANTED = {"delete_strategyversion", "change_strategyversion"}

#: What a role's spec would cover but the role never holds. The rounds' admin (every organisation's
#: state, reminders) is the coordination's and the COPIL's: a pilot sees only their own reports, on
#: the pilot's pages of ``followup``, which need no model permission on rounds.
WITHHELD = {
    PILOTE: {
        "view_reportinground",
        "view_historicalreportinground",
        "view_roundparticipant",
        "view_historicalactionreport",
        # The yearly review for the State is the coordination's and the COPIL's.
        "view_annualreview",
        "view_historicalannualreview",
    },
}


def grant_role_permissions(using="default", **kwargs):
    """Creates the role groups and sets their permissions from ``ROLE_PERMISSIONS`` (idempotent).

    Connected to ``post_migrate``; it creates the permissions of every app first, since the
    signal reaches this app before the apps installed after it.
    """
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    portal_permissions = list(
        Permission.objects.using(using)
        .filter(content_type__app_label__in=PORTAL_APPS)
        .exclude(codename__in=NEVER_GRANTED)
    )
    extra = [
        permission
        for permission in Permission.objects.using(using)
        .filter(content_type__app_label__in={app for app, _codename in COORDINATION_EXTRA})
        .select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in COORDINATION_EXTRA
    ]
    for role, spec in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.using(using).get_or_create(name=role)
        withheld = WITHHELD.get(role, set())
        granted = [
            permission
            for permission in portal_permissions
            if _grants(spec, permission) and permission.codename not in withheld
        ]
        group.permissions.set(granted + (extra if role == COORDINATION else []))


def _grants(spec, permission):
    if spec == "__all__":
        return True
    verb, _, model = permission.codename.partition("_")
    models = spec.get(verb, ())
    return models == "__all__" or model in models


#: What a reader is, for what ``visible_to`` shows them: the audiences of the rendered documents.
PUBLIC_AUDIENCE = "public"
PARTNER_AUDIENCE = "partner"
INSIDE_AUDIENCE = "inside"


def audience_of(user):
    """``inside`` (staff of the strategy), ``partner`` or ``public``: nothing else changes what a
    document shows, so one PDF per audience serves every reader of it."""
    if sees_everything(user):
        return INSIDE_AUDIENCE
    if is_partner(user):
        return PARTNER_AUDIENCE
    return PUBLIC_AUDIENCE


class AudienceReader:
    """A stand-in user who reads as any member of an audience does (the worker renders for it)."""

    is_superuser = False
    is_staff = False
    is_active = True
    pk = id = None

    def __init__(self, audience):
        self.audience = audience
        self.is_authenticated = audience != PUBLIC_AUDIENCE
        self.is_anonymous = not self.is_authenticated
        self._citedu_group_names = {
            PUBLIC_AUDIENCE: frozenset(),
            PARTNER_AUDIENCE: frozenset({PARTENAIRE}),
            INSIDE_AUDIENCE: frozenset({COORDINATION}),
        }[audience]
        self._citedu_organisation_id = None

    def __str__(self):
        return f"<{self.audience} reader>"


def users_of(organisation_ids, role=None):
    """The active accounts of the people of these organisations (through their contact record),
    limited to one role when ``role`` is given: who a mail about an organisation's work goes to."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(is_active=True, contact__organisation_id__in=organisation_ids)
    if role is not None:
        users = users.filter(groups__name=role)
    return users.distinct().order_by("pk")


def users_with_role(role):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_active=True, groups__name=role).distinct().order_by("pk")
