from django.utils.functional import SimpleLazyObject

from legal.models import AccessibilityStatement


def accessibility(request):
    """The accessibility statement, whose status every page's footer states (read only if shown)."""
    return {"accessibility_statement": SimpleLazyObject(AccessibilityStatement.load)}
