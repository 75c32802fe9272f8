"""On the demo data, no page shows an anonymous visitor a draft, a contact's e-mail or phone."""

import html

import pytest

from actors.models import Contact
from demo.load import load_demo
from indicators.models import Indicator
from strategy.models import Action, Contribution, Strategy


@pytest.fixture
def demo(db):
    load_demo(with_data=True, with_users=True)


def every_url():
    urls = ["/"]
    for strategy in Strategy.objects.all():
        base = f"/strategies/{strategy.slug}/"
        urls += [
            base + suffix
            for suffix in ("", "actions/", "indicateurs/", "acteurs/", "concertation/", "documents/")
        ]
        urls += [f"{base}actions/?page={page}" for page in (2, 3)]
    urls += [action.get_absolute_url() for action in Action.objects.select_related("strategy")]
    urls += [indicator.get_absolute_url() for indicator in Indicator.objects.select_related("strategy")]
    return urls


def test_anonymous_visitor_never_sees_personal_data_drafts_or_contributions_by_any_url(client, demo):
    secrets = [contact.email for contact in Contact.objects.exclude(email="")]
    secrets += [contact.phone for contact in Contact.objects.exclude(phone="")]
    secrets += [
        f"{contact.first_name} {contact.last_name}"
        for contact in Contact.objects.filter(public_consent=False)
    ]
    drafts = [action.title for action in Action.objects.filter(status="proposed")]
    drafts += [indicator.name for indicator in Indicator.objects.filter(is_public=False)]
    drafts += [contribution.body[:40] for contribution in Contribution.objects.all()]
    assert secrets and drafts, "the demo data should hold personal data and drafts to hide"
    public = {action.title for action in Action.objects.visible_to(None)}
    drafts = [title for title in drafts if title not in public]
    for url in every_url():
        response = client.get(url)
        assert response.status_code in (200, 404), url
        if response.status_code == 404:
            continue
        text = html.unescape(response.content.decode())
        for secret in secrets + drafts:
            assert secret not in text, f"{secret!r} visible on {url}"


def test_partner_sees_the_consultation_drafts_of_the_demo(client, demo):
    from django.contrib.auth.models import User

    client.force_login(User.objects.get(username="partenaire"))
    page = client.get("/strategies/pedt-ivry-sur-seine-2027/actions/").content.decode()
    assert "Projet" in page
    assert client.get("/strategies/pedt-ivry-sur-seine-2027/").status_code == 200
