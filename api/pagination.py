from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import PageNumberPagination


class CiteduPagination(PageNumberPagination):
    """``?page=2&taille=100``: 50 rows a page by default, 500 at most."""

    page_size = 50
    page_size_query_param = "taille"
    page_size_query_description = _("Nombre de résultats par page (500 au plus).")
    page_query_description = _("Numéro de la page de résultats.")
    max_page_size = 500
    invalid_page_message = _("Page introuvable.")
