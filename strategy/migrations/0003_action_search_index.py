"""A GIN index for the French full-text search of actions, on PostgreSQL only.

Its expression must stay identical to ``strategy.search.FRENCH_MATCH_SQL``'s left operand.
"""

from django.db import migrations

INDEX = "action_search_french"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON strategy_action "
        "USING gin (to_tsvector('french'::regconfig, search_document))"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("strategy", "0002_audiences")]

    operations = [migrations.RunPython(create_index, drop_index)]
