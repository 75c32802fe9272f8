"""Refuse to overwrite what someone else saved while the form was open.

Every change form, and every existing row of an inline, carries the version its editor started
from: the row's ``auto_now`` timestamp (``updated_at``, or ``entered_at`` for a measurement). If the
row has been saved since, the save is refused and the message names the fields the other person
changed, read from the history (the record the editor started from against the latest one). A form
posted without its version, or with one that does not parse, is refused too: it cannot prove it
starts from the latest state. A new row needs no version.
"""

from django import forms
from django.contrib.admin.utils import flatten_fieldsets
from django.utils.dateparse import parse_datetime
from django.utils.text import capfirst
from django.utils.translation import gettext as _

#: The hidden input each form carries.
TOKEN = "loaded_updated_at"

#: Fields every save changes or that nobody edits by hand: never worth naming.
IGNORED_FIELDS = {"updated_at", "entered_at", "entered_by", "search_document"}


def version_field(model):
    """Name of the field that changes at each save of ``model``: its ``auto_now`` timestamp."""
    for field in model._meta.concrete_fields:
        if getattr(field, "auto_now", False):
            return field.name
    raise TypeError(f"{model._meta.label} has no auto_now field to detect concurrent edits.")


def changed_fields_since(instance, loaded_at):
    """Verbose names of the fields changed between the version saved at ``loaded_at`` and now."""
    history = instance.history.order_by("-history_date", "-history_id")
    latest = history.first()
    base = history.filter(**{version_field(type(instance)): loaded_at}).first()
    if latest is None or base is None:
        return None, getattr(latest, "history_user", None)
    delta = latest.diff_against(base)
    names = [
        str(capfirst(instance._meta.get_field(change.field).verbose_name))
        for change in delta.changes
        if change.field not in IGNORED_FIELDS
    ]
    return names, latest.history_user


def _saved_version(instance):
    """The version in the database now, the row locked until the end of the save's transaction."""
    model = type(instance)
    field = version_field(model)
    # No ordering: the default one may join a nullable relation, which PostgreSQL cannot lock.
    rows = model._default_manager.order_by().select_for_update().filter(pk=instance.pk)
    return rows.values_list(field, flat=True).first()


def _concurrent_edit_error(instance, loaded_at):
    names, user = changed_fields_since(instance, loaded_at)
    who = str(user) if user is not None else _("quelqu'un d'autre")
    if names:
        what = _("les champs modifiés sont : %(fields)s.") % {"fields": ", ".join(names)}
    elif names is None:
        what = _("les champs modifiés n'ont pas pu être retrouvés.")
    else:
        what = _("aucun champ de la fiche n'a changé de valeur.")
    return forms.ValidationError(
        _(
            "Cette fiche a été enregistrée par %(who)s pendant que vous la modifiiez ; "
            "%(what)s Vos modifications n'ont pas été enregistrées : rechargez la page pour "
            "repartir de la dernière version, puis refaites-les."
        )
        % {"who": who, "what": what},
        code="concurrent_edit",
    )


def stale_edit_error(instance, token):
    """The French ``ValidationError`` refusing a save of ``instance`` made from the version
    ``token`` (the hidden input's text) when the row was saved since, or when the token is missing
    or does not parse; None when the token is the version saved now. Locks the row until the end of
    the caller's transaction, so nobody saves it in between."""
    loaded_at = parse_datetime(token or "")
    if loaded_at is None:
        return forms.ValidationError(
            _(
                "Ce formulaire ne dit pas de quelle version de la fiche vous êtes parti·e : "
                "rien n'a été enregistré. Rechargez la page, puis refaites vos modifications."
            ),
            code="missing_edit_token",
        )
    saved = _saved_version(instance)
    if saved is not None and loaded_at != saved:
        return _concurrent_edit_error(instance, loaded_at)
    return None


def version_token(instance):
    """The text of the hidden input that carries the version of ``instance`` (empty for a new row)."""
    if instance is None or instance.pk is None:
        return ""
    version = getattr(instance, version_field(type(instance)))
    return version.isoformat() if version else ""


class ConcurrentEditForm(forms.ModelForm):
    loaded_updated_at = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            version = getattr(self.instance, version_field(type(self.instance)))
            self.fields[TOKEN].initial = version.isoformat() if version else ""

    def clean(self):
        cleaned_data = super().clean()
        # A new row has no version. A row posted exactly as it is saved now overwrites nothing (and
        # an inline row its editor may not change never "changes"): both go through.
        if self.instance.pk is None or not self.has_changed():
            return cleaned_data
        # The raw POST, not cleaned_data: a missing input and an empty one are both refused.
        error = stale_edit_error(self.instance, self.data.get(self.add_prefix(TOKEN)))
        if error is not None:
            raise error
        return cleaned_data


class ConcurrentEditAdminMixin:
    """Give a ModelAdmin's change form, or an inline's rows, the concurrent-edit check.

    The model needs an ``auto_now`` field and a ``history`` (django-simple-history).
    """

    form = ConcurrentEditForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not self.has_change_permission(request, obj):
            return fieldsets
        if TOKEN in flatten_fieldsets(fieldsets):
            return fieldsets
        (name, options), *rest = fieldsets
        options = {**options, "fields": [*options["fields"], TOKEN]}
        return [(name, options), *rest]
