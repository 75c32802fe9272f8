"""The API reads JSON only, and turns a body Python cannot parse safely into a French 400."""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, parsers


class NestedTooDeep(exceptions.ParseError):
    default_detail = _("Le corps de la requête est imbriqué trop profondément.")
    default_code = "nested_too_deep"


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            # json.loads recurses once per "[" or "{": about a thousand exhaust the stack.
            raise NestedTooDeep() from None
