"""Reference data: the fields of public action organisations work in."""

from django.db import migrations

SECTORS = [
    ("education", "Éducation"),
    ("culture", "Culture"),
    ("sport", "Sport"),
    ("sante", "Santé"),
    ("jeunesse", "Jeunesse"),
    ("petite-enfance", "Petite enfance"),
    ("action-sociale", "Action sociale"),
    ("urbanisme", "Urbanisme et cadre de vie"),
    ("numerique", "Numérique"),
    ("insertion", "Insertion et emploi"),
]


def create_sectors(apps, schema_editor):
    Sector = apps.get_model("actors", "Sector")
    for code, name in SECTORS:
        Sector.objects.update_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("actors", "0001_initial")]

    operations = [migrations.RunPython(create_sectors, migrations.RunPython.noop)]
