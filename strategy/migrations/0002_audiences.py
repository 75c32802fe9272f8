"""Reference data: the audiences actions are meant for, by age or role."""

from django.db import migrations

AUDIENCES = [
    ("0-3", "Petite enfance (0-3 ans)"),
    ("3-6", "Maternelle (3-6 ans)"),
    ("6-11", "Élémentaire (6-11 ans)"),
    ("11-15", "Collège (11-15 ans)"),
    ("16-25", "Jeunes (16-25 ans)"),
    ("parents", "Parents"),
    ("professionnels", "Professionnels"),
]


def create_audiences(apps, schema_editor):
    Audience = apps.get_model("strategy", "Audience")
    for order, (code, name) in enumerate(AUDIENCES):
        Audience.objects.update_or_create(code=code, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("strategy", "0001_initial")]

    operations = [migrations.RunPython(create_audiences, migrations.RunPython.noop)]
