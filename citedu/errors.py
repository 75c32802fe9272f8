"""Error pages of the portal that Django does not pick by template name alone."""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    """A refused form (missing or expired CSRF token): a French page of the portal, not Django's."""
    return render(request, "403_csrf.html", status=403)
