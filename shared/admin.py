"""Admin building blocks every app's admin uses: choices loaded once, 404 for hidden rows,
inlines scoped to their parent, numbers typed the French way, a readable history that only editors
may revert."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from shared.form_fields import FrenchDecimalField, FrenchIntegerField, FrenchNumberInput


class CachedChoicesInlineMixin:
    """Selects in an inline load their choices once per formset instead of once per row."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        # An autocomplete renders only the chosen option: freezing would load every row instead.
        return field if db_field.name in self.get_autocomplete_fields(request) else _freeze_choices(field)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        return field if db_field.name in self.get_autocomplete_fields(request) else _freeze_choices(field)


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
