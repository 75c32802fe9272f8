"""Reference rows created by data migrations, put back after a transactional test flushes them."""

#: The data migrations whose rows (sectors, audiences) the flush after each transactional test deletes.
#: Content types, permissions and the role groups come back by themselves: the flush emits post_migrate.
DATA_MIGRATIONS = [("actors", "0002_sectors"), ("strategy", "0002_audiences")]


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
        with transaction.atomic():
            for key in DATA_MIGRATIONS:
                state = loader.project_state(key, at_end=False)
                for operation in loader.get_migration(*key).operations:
                    if isinstance(operation, RunPython):
                        operation.code(state.apps, None)
