"""Each user's mail preferences, a portal page: posted as the page renders its form."""

import html

from actors import roles
from notifications.models import MailPreference
from tests.strategy.admin.html_forms import submitted_data
from tests.strategy.factories import UserFactory

URL = "/comptes/courriels/"


def test_an_anonymous_visitor_is_sent_to_the_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/comptes/login/")


def test_a_partner_chooses_english_the_digest_and_turns_one_kind_off(client, partner_user):
    client.force_login(partner_user)
    page = client.get(URL)
    assert page.status_code == 200
    text = html.unescape(page.content.decode())
    assert "Réponse à l'une de mes contributions" in text
    assert "Vous recevez ce courriel parce que vous avez déposé cette contribution." in text
    data = submitted_data(page.content.decode(), "mail-preferences-form")
    assert data["kind_contribution_answered"] == ["on"]  # every kind is on at first
    data.pop("kind_action_decided")
    data.update({"language": ["en"], "digest": ["on"]})
    response = client.post(URL, data, follow=True)
    assert "Vos préférences de courriel sont enregistrées." in html.unescape(response.content.decode())
    preference = MailPreference.objects.get(user=partner_user)
    assert (preference.language, preference.digest, preference.disabled_kinds) == (
        "en",
        True,
        ["action_decided"],
    )
    again = submitted_data(client.get(URL).content.decode(), "mail-preferences-form")
    assert "kind_action_decided" not in again and again["language"] == ["en"] and again["digest"] == ["on"]


def test_a_bad_language_gets_a_french_error_and_changes_nothing(client, partner_user):
    client.force_login(partner_user)
    data = submitted_data(client.get(URL).content.decode(), "mail-preferences-form")
    data["language"] = ["klingon"]
    response = client.post(URL, data)
    assert response.status_code == 400
    assert "Sélectionnez un choix valide" in html.unescape(response.content.decode())
    assert not MailPreference.objects.exists()


def test_an_account_without_address_is_told_it_gets_no_mail(client, db):
    user = UserFactory(username="sans", email="", role=roles.PARTENAIRE)
    client.force_login(user)
    assert "vous ne recevrez aucun courriel" in html.unescape(client.get(URL).content.decode())


def test_the_page_is_linked_from_the_portal_header_and_the_admin_user_links(client, coordination_user):
    client.force_login(coordination_user)
    assert f'href="{URL}"' in client.get("/").content.decode()
    assert f'href="{URL}"' in client.get("/admin/").content.decode()


def test_the_page_reads_the_preferences_in_a_few_queries(client, partner_user, django_assert_max_num_queries):
    client.force_login(partner_user)
    with django_assert_max_num_queries(4):  # session, user, preference (+ savepoint-free reads)
        assert client.get(URL).status_code == 200


def test_coordination_sees_the_accounts_mail_cannot_reach(client, coordination_user):
    silent = UserFactory(
        username="pilote-muet", email="", first_name="Lou", last_name="Martin", role=roles.PILOTE
    )
    UserFactory(username="joignable", email="ok@ville.example.fr", role=roles.PILOTE)
    UserFactory(username="sans-role", email="")
    client.force_login(coordination_user)
    page = html.unescape(client.get("/admin/").content.decode())
    assert "Comptes sans adresse : ils ne recevront aucun courriel" in page
    block = page.split('id="citedu-unreachable-accounts"', 1)[1].split("</ul>", 1)[0]
    assert "Lou Martin (pilote-muet)" in block
    assert "joignable" not in block and "sans-role" not in block
    admin = UserFactory(username="root", email="root@ville.example.fr", is_superuser=True, is_staff=True)
    UserFactory._meta.model.objects.filter(pk=admin.pk).update(is_superuser=True)
    admin.groups.add(*coordination_user.groups.all())
    client.force_login(admin)
    page = client.get("/admin/").content.decode()
    assert f'href="/admin/auth/user/{silent.pk}/change/"' in page


def test_a_pilot_does_not_see_the_unreachable_accounts(client, db):
    from tests.strategy.factories import pilot_user

    UserFactory(username="pilote-muet", email="", role=roles.PILOTE)
    client.force_login(pilot_user())
    assert "Comptes sans adresse" not in html.unescape(client.get("/admin/").content.decode())
