"""Creates the portal's roles as groups with their model permissions, and the audiences."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

APPS = ("actors", "strategy", "indicators")

# Model permissions per role; row-level limits (a pilot's own actions) are enforced in the admin.
ROLE_PERMISSIONS = {
    "coordination": "__all__",
    "copil": {
        "view": "__all__",
        "add": ["meeting", "decision"],
        "change": ["meeting", "decision", "orientation", "action", "contribution"],
    },
    "pilote": {
        "view": "__all__",
        "add": ["budgetline", "measurement", "actionpartner"],
        "change": ["action", "budgetline", "measurement", "actionpartner"],
        "delete": ["budgetline", "measurement", "actionpartner"],
    },
    "partenaire": {"add": ["contribution"]},
}

# Frozen versions are never deleted, whoever asks.
NEVER_GRANTED = {"delete_strategyversion", "change_strategyversion"}

AUDIENCES = [
    ("0-3", "Petite enfance (0-3 ans)"),
    ("3-6", "Maternelle (3-6 ans)"),
    ("6-11", "Élémentaire (6-11 ans)"),
    ("11-15", "Collège (11-15 ans)"),
    ("16-25", "Jeunes (16-25 ans)"),
    ("parents", "Parents"),
    ("professionnels", "Professionnels"),
]


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    portal_permissions = Permission.objects.filter(content_type__app_label__in=APPS).exclude(
        codename__in=NEVER_GRANTED
    )
    for role, spec in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        if spec == "__all__":
            group.permissions.set(portal_permissions)
            continue
        granted = []
        for verb, models in spec.items():
            verb_permissions = portal_permissions.filter(codename__startswith=f"{verb}_")
            if models != "__all__":
                verb_permissions = verb_permissions.filter(codename__in=[f"{verb}_{m}" for m in models])
            granted.extend(verb_permissions)
        group.permissions.set(granted)


def create_audiences(apps, schema_editor):
    Audience = apps.get_model("strategy", "Audience")
    for order, (code, name) in enumerate(AUDIENCES):
        Audience.objects.update_or_create(code=code, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("actors", "0002_initial"),
        ("strategy", "0001_initial"),
        ("indicators", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_roles, migrations.RunPython.noop),
        migrations.RunPython(create_audiences, migrations.RunPython.noop),
    ]
