import re

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
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


#: Crawlers may read the public pages and the API's docs; not the back office, the logins, nor the
#: API's answers (the same data as the pages, with filters without end). Allow before Disallow: crawlers
#: that take the first match (Python's robotparser) agree with those that take the longest (Google's).
#: No sitemap yet: no Sitemap line.
ROBOTS_TXT = """User-agent: *
Disallow: /admin/
Disallow: /comptes/
Disallow: /i18n/
Allow: /api/docs/
Disallow: /api/
"""


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    return HttpResponse(ROBOTS_TXT, content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(max_age=86400, public=True)
def favicon(request):
    """Browsers and feed readers ask for /favicon.ico whatever the pages' <link rel="icon"> says."""
    return redirect(static("img/logo.svg"), permanent=True)
