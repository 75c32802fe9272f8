"""Refuse to overwrite what someone else saved while the form was open.

The change form carries the ``updated_at`` the editor started from. If the row has been saved
since, the save is refused and the message names the fields the other person changed, read from
the history (the record the editor started from against the latest one).
"""

from django import forms
from django.contrib.admin.utils import flatten_fieldsets
from django.utils.dateparse import parse_datetime
from django.utils.text import capfirst
from django.utils.translation import gettext as _

#: Fields every save changes or that nobody edits by hand: never worth naming.
IGNORED_FIELDS = {"updated_at", "search_document"}


def changed_fields_since(instance, loaded_at):
    """Verbose names of the fields changed between the version saved at ``loaded_at`` and now."""
    history = instance.history.order_by("-history_date", "-history_id")
    latest = history.first()
    base = history.filter(updated_at=loaded_at).first()
    if latest is None or base is None:
        return None, getattr(latest, "history_user", None)
    delta = latest.diff_against(base)
    names = [
        str(capfirst(instance._meta.get_field(change.field).verbose_name))
        for change in delta.changes
        if change.field not in IGNORED_FIELDS
    ]
    return names, latest.history_user


class ConcurrentEditForm(forms.ModelForm):
    loaded_updated_at = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["loaded_updated_at"].initial = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None:
            return cleaned_data
        loaded_at = parse_datetime(cleaned_data.get("loaded_updated_at") or "")
        # self.instance was read from the database in this request: it is the latest saved state.
        if loaded_at is None or loaded_at == self.instance.updated_at:
            return cleaned_data
        names, user = changed_fields_since(self.instance, loaded_at)
        who = str(user) if user is not None else _("quelqu'un d'autre")
        if names:
            what = _("les champs modifiés sont : %(fields)s.") % {"fields": ", ".join(names)}
        elif names is None:
            what = _("les champs modifiés n'ont pas pu être retrouvés.")
        else:
            what = _("aucun champ de la fiche n'a changé de valeur.")
        raise forms.ValidationError(
            _(
                "Cette fiche a été enregistrée par %(who)s pendant que vous la modifiiez ; "
                "%(what)s Vos modifications n'ont pas été enregistrées : rechargez la page pour "
                "repartir de la dernière version, puis refaites-les."
            )
            % {"who": who, "what": what},
            code="concurrent_edit",
        )


class ConcurrentEditAdminMixin:
    """Give a SimpleHistoryAdmin's change form the concurrent-edit check."""

    form = ConcurrentEditForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not self.has_change_permission(request, obj):
            return fieldsets
        if "loaded_updated_at" in flatten_fieldsets(fieldsets):
            return fieldsets
        (name, options), *rest = fieldsets
        options = {**options, "fields": [*options["fields"], "loaded_updated_at"]}
        return [(name, options), *rest]
