"""Admin import/export wiring of the three tables: a strategy to choose, the preview, French errors.

The admin classes (``strategy/admin/``, ``indicators/admin.py``) inherit these mixins; the reading,
checking and writing is the Resource classes', exactly as for the ``importtable`` command.
"""

import os

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.forms import ConfirmImportForm, ExportForm, ImportForm

from shared.spreadsheets import EXTENSIONS, TABLE_FORMATS, TableFileError, check_size, table_format
from strategy.beneficiary_resources import BeneficiariesResource
from strategy.budget_resources import BudgetLineResource
from strategy.models import Strategy
from strategy.perms import strategies_editable_by
from strategy.resources import ActionResource


class StrategyImportForm(ImportForm):
    """The import form with the strategy to import into; the format follows the file's extension."""

    strategy = forms.ModelChoiceField(label=_("Stratégie"), queryset=Strategy.objects.none())
    field_order = ["strategy", "resource", "import_file", "format"]

    def __init__(self, formats, resources, user=None, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.table_formats = formats
        self.fields["strategy"].queryset = strategies_editable_by(user).order_by("title")
        self.fields["format"].required = False
        self.fields["format"].help_text = _("Facultatif : déduit de l'extension du fichier.")
        self.fields["import_file"].help_text = _(
            "Classeur .xlsx ou .ods, ou fichier .csv (UTF-8 ou Windows-1252, séparé par « ; » ou « , »)."
        )
        self.order_fields(self.field_order)

    def clean_import_file(self):
        import_file = self.cleaned_data["import_file"]
        try:
            check_size(import_file.size)
            table_format(import_file.name)
        except TableFileError as error:
            raise forms.ValidationError(str(error)) from error
        return import_file

    def clean(self):
        cleaned_data = super().clean()
        import_file = cleaned_data.get("import_file")
        if import_file is not None:
            kind = EXTENSIONS[os.path.splitext(import_file.name.lower())[1]]
            for index, format_class in enumerate(self.table_formats):
                if getattr(format_class, "KIND", None) == kind:
                    cleaned_data["format"] = str(index)
        return cleaned_data


class StrategyConfirmImportForm(ConfirmImportForm):
    strategy = forms.ModelChoiceField(queryset=Strategy.objects.all(), widget=forms.HiddenInput())


class TableImportExportMixin(ImportExportMixin):
    """Import with a strategy and the acting user; export with the same columns."""

    import_form_class = StrategyImportForm
    confirm_form_class = StrategyConfirmImportForm
    export_form_class = ExportForm
    import_formats = TABLE_FORMATS
    export_formats = TABLE_FORMATS

    def get_import_form_kwargs(self, request):
        kwargs = super().get_import_form_kwargs(request)
        kwargs["user"] = request.user
        return kwargs

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial["strategy"] = import_form.cleaned_data["strategy"].pk
        return initial

    def get_import_resource_kwargs(self, request, **kwargs):
        form = kwargs.get("form")
        strategy = None
        if form is not None and form.is_bound and hasattr(form, "cleaned_data"):
            strategy = form.cleaned_data.get("strategy")
        if strategy is not None and not strategies_editable_by(request.user).filter(pk=strategy.pk).exists():
            raise PermissionDenied
        return {"strategy": strategy, "user": request.user}

    def get_export_resource_kwargs(self, request, **kwargs):
        return {"user": request.user}

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, TableFileError):
            form.add_error("import_file", str(e))
        else:
            form.add_error(
                "import_file",
                gettext("Fichier illisible (%(error)s) : vérifier son format.") % {"error": type(e).__name__},
            )


class ActionImportExportMixin(TableImportExportMixin):
    resource_classes = [ActionResource]


class BudgetLineImportExportMixin(TableImportExportMixin):
    resource_classes = [BudgetLineResource]


class BeneficiariesImportExportMixin(TableImportExportMixin):
    resource_classes = [BeneficiariesResource]
