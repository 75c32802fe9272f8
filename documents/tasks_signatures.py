"""Background task: check the electronic signatures of a signed copy once it is attached."""

from django_tasks import task

from documents.models import StrategyVersion
from documents.signatures import record_signatures


@task(queue_name="documents")
def check_signed_copy(version_id):
    """Check version ``version_id``'s signed copy and store its signatures; gone versions are skipped."""
    version = StrategyVersion.objects.filter(pk=version_id).first()
    if version is None:
        return None
    return len(record_signatures(version))
