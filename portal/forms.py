"""Forms of the public pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from strategy.models import Contribution


class ContributionForm(forms.ModelForm):
    """A partner's comment on an orientation or an action of a strategy under consultation."""

    class Meta:
        model = Contribution
        fields = ["body"]
        labels = {"body": _("Votre contribution")}
        help_texts = {
            "body": _("Elle sera lue par l'équipe de coordination, qui vous répondra sur cette page.")
        }
        error_messages = {"body": {"required": _("Écrivez votre contribution avant de l'envoyer.")}}
        widgets = {"body": forms.Textarea(attrs={"rows": 4, "maxlength": 5000})}

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Écrivez votre contribution avant de l'envoyer."))
        return body
