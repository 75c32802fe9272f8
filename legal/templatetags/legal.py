from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def or_to_complete(value, lines=""):
    """The value the city typed (its lines kept with ``"lines"``), or a neutral placeholder."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return format_html("<em>{}</em>", _("à compléter par la collectivité"))
    if lines:
        return linebreaksbr(value, autoescape=True)
    return value


@register.filter
def lines_of(text):
    """The non-empty lines of a text typed one item per line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@register.filter
def siret(value):
    """« 219 900 001 00013 »: SIREN by threes, then the establishment's five digits."""
    if len(value or "") != 14:
        return value
    return f"{value[:3]}\u00a0{value[3:6]}\u00a0{value[6:9]}\u00a0{value[9:]}"
