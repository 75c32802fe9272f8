"""The suite's check on undefined template variables (``strict_templates`` in tests/conftest.py)."""

import re

import pytest
from django.contrib.auth.models import User
from django.template import Context, Template
from django.template.loader import render_to_string


@pytest.mark.parametrize(
    ("template_name", "variable"),
    [("includes/_chart.html", "chart.title"), ("documents/includes/_action_sheet.html", "action.slug")],
)
def test_an_undefined_variable_in_one_of_our_templates_fails_the_test(template_name, variable):
    with pytest.raises(
        AssertionError,
        match=rf"Undefined template variable '{re.escape(variable)}' in .*{re.escape(template_name)}$",
    ):
        render_to_string(template_name, {})


def test_an_undefined_variable_under_if_is_allowed():
    # documents/includes/_chart.html is wrapped in {% if chart %}: nothing to draw, nothing to say.
    assert render_to_string("documents/includes/_chart.html", {}).strip() == ""


def test_a_template_that_is_not_ours_keeps_django_default_for_an_undefined_variable():
    assert Template("[{{ missing }}|{{ missing|default:'vide' }}]").render(Context()) == "[|vide]"
    translated = Template("{% load i18n %}{% blocktranslate %}[{{ missing }}]{% endblocktranslate %}")
    assert translated.render(Context()) == "[]"


def test_an_admin_page_that_relies_on_an_undefined_variable_still_renders(client, db):
    # django-import-export's export.html reads ``export_url``, which its view leaves undefined.
    client.force_login(User.objects.create_superuser("racine", "racine@example.org", "x"))

    response = client.get("/admin/strategy/budgetline/export/")

    assert response.status_code == 200
    assert 'name="format"' in response.content.decode()
