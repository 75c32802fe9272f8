from django.conf import settings


def portal(request):
    """Branding shared by every page: the portal's name and the territory's colour."""
    return {
        "PORTAL_NAME": settings.CITEDU_PORTAL_NAME,
        "BRAND_COLOUR": settings.CITEDU_BRAND_COLOUR,
    }
