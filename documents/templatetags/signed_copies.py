"""``{{ version|signed_copy_lines }}``: what the portal says of a version's signed copy."""

from django import template

from documents import signature_wording

register = template.Library()


@register.filter
def signed_copy_lines(version):
    """The sentences about the version's signed copy: its signatures, a scan, or a check under way."""
    return signature_wording.status_lines(version)
