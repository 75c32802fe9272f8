"""The admin's upload of a territory's neighbourhood contours (a GeoJSON file), checked by
``actors.shapes``: every error in French, and nothing saved unless the whole file is right."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actors.models import Territory
from actors.shapes import MAX_FILE_SIZE, ShapeFileError, import_shapes


class ShapesImportForm(forms.Form):
    shapes_file = forms.FileField(
        label=gettext_lazy("Fichier GeoJSON des contours"),
        help_text=gettext_lazy(
            "Une FeatureCollection de Polygon ou MultiPolygon en longitude et latitude WGS 84 "
            "(EPSG:4326), %(size)s Mo au plus, comme les contours des QPV publiés par l'État. Chaque objet "
            "est rattaché à un quartier par sa propriété code_qp (code QPV), slug ou nom."
        )
        % {"size": MAX_FILE_SIZE // (1024 * 1024)},
    )
    illustrative = forms.BooleanField(
        label=gettext_lazy("Contours illustratifs"),
        required=False,
        help_text=gettext_lazy("À cocher pour un dessin d'exemple : la carte le signale aux visiteurs."),
    )


class ShapesImportAdminMixin:
    """« Importer les contours des quartiers » on a territory's change page."""

    def get_urls(self):
        return [
            path(
                "<int:pk>/contours/",
                self.admin_site.admin_view(self.shapes_view),
                name="actors_territory_shapes",
            ),
            *super().get_urls(),
        ]

    def shapes_view(self, request, pk):
        territory = Territory.objects.filter(pk=pk).first()
        if territory is None:
            raise Http404(_("Ce territoire n'existe pas."))
        if not self.has_change_permission(request, territory):
            raise PermissionDenied
        errors = []
        form = ShapesImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                updated = import_shapes(
                    form.cleaned_data["shapes_file"],
                    territory,
                    illustrative=form.cleaned_data["illustrative"],
                )
            except ShapeFileError as error:
                errors = error.errors
            else:
                self.message_user(
                    request,
                    _("Contours importés pour : %(names)s.") % {"names": ", ".join(n.name for n in updated)},
                    messages.SUCCESS,
                )
                return redirect(reverse("admin:actors_territory_change", args=[territory.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Importer les contours des quartiers de %(territory)s")
            % {"territory": territory.name},
            "opts": self.model._meta,
            "original": territory,
            "form": form,
            "shape_errors": errors,
            "neighbourhoods": territory.neighbourhoods.order_by("name"),
        }
        return TemplateResponse(request, "admin/actors/territory/shapes_import.html", context)
