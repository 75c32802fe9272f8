"""Reference rows created by data migrations, put back after a transactional test flushes them."""

#: The data migrations whose rows (sectors, audiences) the flush after each transactional test deletes.
#: Content types, permissions and the role groups come back by themselves: the flush emits post_migrate.
DATA_MIGRATIONS = [
    ("actors", "0002_sectors"),
    ("strategy", "0002_audiences"),
    ("actors", "0004_public_contact_shapes_english_names"),
    ("strategy", "0008_families_shapes_revision"),
]


def restore_reference_data(django_db_blocker):
    """Re-runs the data migrations, as the migrate command does, when their rows are missing."""
    from django.db import connection, transaction
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations import RunPython

    from actors.models import Sector
    from strategy.models import Audience

    with django_db_blocker.unblock():
        if Sector.objects.exists() and Audience.objects.exists():
            return
        loader = MigrationLoader(connection)
        # The models as the tables are now (later migrations added columns the first inserts must fill).
        state = loader.project_state()
        with transaction.atomic():
            for key in DATA_MIGRATIONS:
                for operation in loader.get_migration(*key).operations:
                    if isinstance(operation, RunPython):
                        operation.code(state.apps, None)
