"""Admin building blocks every app's admin uses: choices loaded once, 404 for hidden rows,
inlines scoped to their parent, numbers typed the French way, a readable history that only editors
may revert."""

from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from shared.form_fields import FrenchDecimalField, FrenchIntegerField, FrenchNumberInput


class CachedChoicesInlineMixin:
    """Selects in an inline load their choices once per formset instead of once per row; an
    autocomplete loads the labels of every row's chosen value in one query."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            # An autocomplete renders only the chosen option: freezing would load every row instead.
            kwargs.setdefault(
                "widget", LabelledAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
            )
            return super().formfield_for_foreignkey(db_field, request, **kwargs)
        return _freeze_choices(super().formfield_for_foreignkey(db_field, request, **kwargs))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        return field if db_field.name in self.get_autocomplete_fields(request) else _freeze_choices(field)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        names = [name for name in self.get_autocomplete_fields(request) if name in formset.form.base_fields]
        if not names:
            return formset

        class LabelledFormSet(formset):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for name in names:
                    _share_labels(self.forms, name)

        return LabelledFormSet


class LabelledAutocompleteSelect(AutocompleteSelect):
    """An autocomplete that takes its chosen option's label from ``known_labels`` when it is there
    (filled for a whole formset by ``_share_labels``) instead of querying it row by row."""

    known_labels = None

    def optgroups(self, name, value, attr=None):
        chosen = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if self.known_labels is None or not chosen or any(pk not in self.known_labels for pk in chosen):
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        for pk in chosen[:1]:
            options.append(self.create_option(name, pk, self.known_labels[pk], set(chosen), len(options)))
        return [(None, options, 0)]


def _share_labels(forms, name):
    """The labels of the values ``forms`` show for the autocomplete field ``name``, in one query."""
    widgets = []
    for form in forms:
        widget = getattr(form.fields[name].widget, "widget", form.fields[name].widget)
        if isinstance(widget, LabelledAutocompleteSelect) and widget.field.remote_field.field_name == "id":
            widgets.append((widget, form[name].value()))
    values = {str(value) for _widget, value in widgets if value not in (None, "")}
    if not values:
        return
    field = forms[0].fields[name]
    labels = {str(obj.pk): field.label_from_instance(obj) for obj in field.queryset.filter(pk__in=values)}
    for widget, _value in widgets:
        widget.known_labels = labels


def _freeze_choices(field):
    # A ModelChoiceField given explicit choices stops querying at each render; validation still
    # goes through its queryset, so a forged value is refused all the same.
    if field is not None and hasattr(field, "queryset"):
        field.choices = list(field.choices)
    return field


#: ``formfield_overrides`` of every admin and inline with numbers: typed and shown the French way.
#: The admin looks the model field's classes up along their MRO, so subclasses (positive, small) are
#: covered; fields with choices keep their select. The widget is named too: the admin's defaults give
#: integers an ``<input type=number>``.
FRENCH_NUMBER_FIELDS = {
    models.DecimalField: {"form_class": FrenchDecimalField, "widget": FrenchNumberInput},
    models.IntegerField: {"form_class": FrenchIntegerField, "widget": FrenchNumberInput},
    models.BigIntegerField: {"form_class": FrenchIntegerField, "widget": FrenchNumberInput},
}


class HiddenRowsAre404Mixin:
    """A row outside ``get_queryset`` answers 404 instead of redirecting to the admin index."""

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        raise Http404(_("Cet élément n'existe pas ou ne vous est pas accessible."))


class ParentScopedInlineMixin:
    """An inline may be edited only by who may change the object it belongs to."""

    def _parent_changeable(self, request, obj):
        if obj is None:
            return True
        return self.admin_site._registry[self.parent_model].has_change_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._parent_changeable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._parent_changeable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._parent_changeable(request, obj)


class CiteduHistoryAdmin(SimpleHistoryAdmin):
    """History with what changed between two states; reverting needs the right to change."""

    object_history_list_template = "admin/citedu/object_history_list.html"

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history lets anyone who may read the history post a revert: only editors may.
        if request.method == "POST":
            obj = self.get_object(request, unquote(object_id))
            if obj is None or not self.has_change_permission(request, obj):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return not self.has_change_permission(request, obj) or super().revert_disabled(request, obj)
