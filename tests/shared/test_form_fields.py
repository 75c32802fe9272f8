"""Numbers typed the French way in every form: what is accepted, what is refused, how it is shown."""

from decimal import Decimal

import pytest
from django import forms
from django.contrib import admin
from django.db import models
from django.test import RequestFactory

from shared.form_fields import FrenchDecimalField, FrenchIntegerField


class AmountForm(forms.Form):
    amount = FrenchDecimalField(max_digits=12, decimal_places=2, required=False)
    progress = FrenchIntegerField(min_value=0, max_value=100, required=False)


@pytest.mark.parametrize(
    "typed",
    [
        "80 000,50",
        "80000,50 €",
        "80\u202f000,50",
        "80\u00a0000,50\u00a0€",
        "80000.50",
        "80.000,50",
        " 80000,5 ",
    ],
)
def test_what_a_french_user_types_is_read_as_eighty_thousand_and_fifty_cents(typed):
    form = AmountForm(data={"amount": typed})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["amount"] == Decimal("80000.50")


def test_a_round_amount_with_a_space_is_read_as_a_whole_number():
    form = AmountForm(data={"amount": "80 000", "progress": "75 %"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"amount": Decimal("80000"), "progress": 75}


@pytest.mark.parametrize("typed", ["80,000.50", "1.234", "80.000", "1,234,5", "1.234.567"])
def test_a_number_whose_separator_may_group_thousands_is_refused_as_ambiguous(typed):
    form = AmountForm(data={"amount": typed})

    assert not form.is_valid()
    assert form.errors["amount"] == [
        f"« {typed} » est ambigu : le point ou la virgule sépare-t-il les milliers ? "
        "Écrire 1 234 pour mille deux cent trente-quatre, 1,234 pour un virgule deux cent trente-quatre."
    ]


def test_text_that_is_no_number_is_refused_in_french():
    form = AmountForm(data={"amount": "80 000,5x", "progress": "12,5"})

    assert not form.is_valid()
    assert form.errors["amount"] == ["« 80 000,5x » n'est pas un nombre : écrire par exemple 80 000,50."]
    assert form.errors["progress"] == ["« 12,5 » : écrire un nombre entier, sans décimales."]


def test_the_field_is_a_decimal_text_input_showing_the_stored_value_the_french_way():
    html = str(AmountForm(initial={"amount": Decimal("80000.5"), "progress": 2026})["amount"])

    assert 'type="text"' in html and 'inputmode="decimal"' in html
    assert 'value="80\u202f000,50"' in html


def test_a_refused_entry_is_shown_back_as_it_was_typed():
    form = AmountForm(data={"amount": "80,000.50"})

    assert 'value="80,000.50"' in str(form["amount"])


def test_a_whole_number_such_as_a_year_is_shown_without_grouping():
    html = str(AmountForm(initial={"progress": 2026})["progress"])

    assert 'value="2026"' in html and 'inputmode="decimal"' in html


PROJECT_APPS = {"actors", "strategy", "indicators", "documents", "citedu"}


def _admin_forms(request):
    for model_admin in admin.site._registry.values():
        if type(model_admin).__module__.split(".")[0] not in PROJECT_APPS:
            continue  # a third party's admin (the lockouts of django-axes) is not a form staff fill in
        yield model_admin, model_admin.get_form(request, None, fields=None)
        for inline in model_admin.get_inline_instances(request):
            yield inline, inline.get_formset(request, None, fields=None).form


def test_every_number_field_of_every_admin_form_and_inline_is_typed_the_french_way(admin_user):
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    wrong = []
    for owner, form in _admin_forms(request):
        for name, field in form.base_fields.items():
            db_field = next((f for f in owner.model._meta.fields if f.name == name), None)
            if db_field is None or db_field.choices:
                continue
            if isinstance(db_field, models.DecimalField) and not isinstance(field, FrenchDecimalField):
                wrong.append(f"{type(owner).__name__}.{name}")
            if isinstance(db_field, models.IntegerField) and not isinstance(field, FrenchIntegerField):
                wrong.append(f"{type(owner).__name__}.{name}")
            if isinstance(db_field, models.IntegerField | models.DecimalField) and (
                'type="number"' in field.widget.render(name, 1)
            ):
                wrong.append(f"{type(owner).__name__}.{name} (type=number)")

    assert wrong == [], wrong
