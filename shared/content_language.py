"""The language of the strategies' content, marked where the interface speaks another one (WCAG 3.1.2).

Staff write the strategies in French; the interface may be English. Where it is, every piece of that
French text on a page or in a PDF sits inside an element with ``lang="fr"``, so that screen readers
and hyphenation read it as French. One rule, used by every template through the builtin filters and
tag below (``TEMPLATES[...]["OPTIONS"]["builtins"]``):

- ``{{ value|fr }}``: inline text, wrapped in ``<span lang="fr">`` (valid wherever phrasing content is);
- ``{{ value|fr_paragraphs }}``: text with line breaks, as ``|linebreaks`` does, each ``<p lang="fr">``;
- ``<td{% lang_fr %}>``: the attribute on an element that holds French content only.

In French nothing is added: the page's own ``<html lang="fr">`` already says it.
"""

from django import template
from django.conf import settings
from django.template.defaultfilters import linebreaks_filter
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


def content_language():
    """The language the strategies are written in: the portal's default language (« fr »)."""
    return settings.LANGUAGE_CODE


def marks_content():
    """True when the active language is not the content's, so that French text must say it is French."""
    active = translation.get_language() or settings.LANGUAGE_CODE
    return active.split("-")[0] != content_language().split("-")[0]


def lang_attribute():
    """`` lang="fr"`` (with its leading space) where the content must be marked, else ""."""
    return format_html(' lang="{}"', content_language()) if marks_content() else ""


@register.simple_tag(name="lang_fr")
def lang_fr():
    """`` lang="fr"`` on an element holding only French content, when the interface is not French."""
    return lang_attribute()


@register.filter(name="fr", is_safe=True, needs_autoescape=True)
def inline(value, autoescape=True):
    """The text, escaped, inside ``<span lang="fr">`` when the interface is not French; "" stays ""."""
    if value in (None, ""):
        return ""
    text = conditional_escape(value) if autoescape else value
    if not marks_content():
        return text
    return format_html('<span lang="{}">{}</span>', content_language(), text)


@register.filter(name="fr_paragraphs", is_safe=True, needs_autoescape=True)
def paragraphs(value, autoescape=True):
    """``|linebreaks``, each paragraph ``<p lang="fr">`` when the interface is not French."""
    html = linebreaks_filter(value, autoescape)
    if not marks_content():
        return html
    # The text was escaped by linebreaks: every "<p>" left is one of its paragraphs.
    return mark_safe(html.replace("<p>", f'<p lang="{content_language()}">'))


def name_in_language(name, name_en):
    """The English name in an English interface when one is written, else the French ``name``.

    The one rule of the reference lists that carry an English name (audiences, sectors); data doors
    (API, CSV, imports) keep the French ``name``, which is the data.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    if name_en and language.split("-")[0] == "en":
        return name_en
    return name
