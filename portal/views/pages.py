import re

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from legal.cookies import portal_cookies
from legal.models import LegalNotice, ProcessingRecord
from strategy.page_cache import public_page

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
DEFAULT_BRAND = "#1d4f91"


@public_page(every_strategy=True)
def accessibility(request):
    # The statement itself comes from the context processor that gives every footer its status.
    return render(request, "pages/accessibilite.html", {"publisher_name": LegalNotice.load().publisher_name})


@public_page(every_strategy=True)
def legal_notice(request):
    return render(request, "pages/mentions_legales.html", {"notice": LegalNotice.load()})


@public_page(every_strategy=True)
def personal_data(request):
    context = {
        "notice": LegalNotice.load(),
        "records": ProcessingRecord.objects.all(),
        "cookies": portal_cookies(),
    }
    return render(request, "pages/donnees_personnelles.html", context)


@require_GET
@cache_control(max_age=3600, public=True)
def theme_css(request):
    """The territory's colour as a CSS custom property: inline styles are forbidden by the CSP."""
    colour = settings.CITEDU_BRAND_COLOUR
    if not HEX_COLOUR.match(colour or ""):
        colour = DEFAULT_BRAND
    return HttpResponse(f":root {{ --brand: {colour}; }}\n", content_type="text/css; charset=utf-8")
