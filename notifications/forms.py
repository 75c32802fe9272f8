"""The preferences form: the language of the mail, a daily digest or not, one checkbox per kind."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from notifications import kinds

KIND_PREFIX = "kind_"


class MailPreferenceForm(forms.Form):
    language = forms.ChoiceField(label=_("Langue des courriels"), choices=())
    digest = forms.BooleanField(
        label=_("Un seul courriel par jour"),
        required=False,
        help_text=_("Un résumé chaque matin à la place d'un courriel à chaque fois."),
    )

    def __init__(self, *args, preference, **kwargs):
        super().__init__(*args, **kwargs)
        self.preference = preference
        # Each language in its own words: the reader of an English mail may not read French.
        self.fields["language"].choices = [
            (code, get_language_info(code)["name_local"].capitalize()) for code, _name in settings.LANGUAGES
        ]
        self.fields["language"].initial = preference.language
        self.fields["digest"].initial = preference.digest
        for kind in sorted(kinds.KINDS.values(), key=lambda kind: str(kind.label)):
            if kind.optional:
                self.fields[KIND_PREFIX + kind.code] = forms.BooleanField(
                    label=kind.label,
                    help_text=kind.reason,
                    required=False,
                    initial=preference.wants(kind.code),
                )

    def kind_fields(self):
        return [self[name] for name in self.fields if name.startswith(KIND_PREFIX)]

    def save(self):
        preference = self.preference
        preference.language = self.cleaned_data["language"]
        preference.digest = self.cleaned_data["digest"]
        preference.disabled_kinds = sorted(
            name.removeprefix(KIND_PREFIX)
            for name, value in self.cleaned_data.items()
            if name.startswith(KIND_PREFIX) and not value
        )
        preference.save()
        return preference
