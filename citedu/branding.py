from django.conf import settings
from django.templatetags.static import static


def portal(request):
    """Branding shared by every page: the portal's name, the territory's colour and logo."""
    return {
        "PORTAL_NAME": settings.CITEDU_PORTAL_NAME,
        "BRAND_COLOUR": settings.CITEDU_BRAND_COLOUR,
        "PORTAL_LOGO": getattr(settings, "CITEDU_LOGO_URL", "") or static("img/logo.svg"),
    }
