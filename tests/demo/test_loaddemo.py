import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser, Group, User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from actors.models import Contact, Organisation, Sector
from demo.load import reset_portal
from indicators.models import Indicator
from strategy.enums import ContributionStatus, StrategyStatus
from strategy.models import Action, Audience, Contribution, Strategy
from tests.actors.factories import OrganisationFactory
from tests.strategy.factories import StrategyFactory

DEMO_USERNAMES = [
    "admin",
    "coordination",
    "pilote",
    "pilote-jeunesse",
    "pilote-culture",
    "partenaire",
    "copil",
]
DEMO_SLUGS = {"pedt-ivry-sur-seine", "cite-educative-exemple", "pedt-ivry-sur-seine-2027"}


def portal_row_counts():
    """Rows of every table of the portal's apps: models, history tables and many-to-many tables."""
    counts = {}
    for label in ("actors", "strategy", "indicators", "followup", "notifications"):
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            counts[model._meta.db_table] = model._base_manager.count()
    counts["auth_user"] = User.objects.count()
    counts["auth_user_groups"] = User.groups.through.objects.count()
    return counts


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_running_loaddemo_twice_changes_no_row_in_any_portal_table():
    call_command("loaddemo", users=True)
    after_first_run = portal_row_counts()
    call_command("loaddemo", users=True)
    after_second_run = portal_row_counts()

    assert after_second_run == after_first_run
    # History tables are counted too: an unchanged row is not saved again.
    assert after_first_run["strategy_historicalaction"] == after_first_run["strategy_action"]
    assert after_first_run["strategy_actionpartner"] > 0
    assert after_first_run["indicators_indicator_actions"] > 0
    assert after_first_run["followup_reportinground"] == 2
    assert after_first_run["followup_actionreport"] > 0
    # The demo writes no mail: its rounds are opened and reminded on the record only.
    assert after_first_run["notifications_notification"] == 0


@pytest.mark.django_db
def test_a_field_edited_by_hand_is_restored_by_the_next_run():
    call_command("loaddemo")
    action = Action.objects.get(strategy__slug="pedt-ivry-sur-seine", code="1.1")
    original_title = action.title
    action.title = "Titre modifié à la main"
    action.save()
    action.audiences.clear()

    call_command("loaddemo")

    action.refresh_from_db()
    assert action.title == original_title
    assert action.audiences.exists()


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_demo_logins_are_refused_with_a_french_error_when_debug_is_off():
    with pytest.raises(CommandError, match="mode développement"):
        call_command("loaddemo", users=True)
    assert not User.objects.filter(username="admin").exists()
    assert not Strategy.objects.exists()


@pytest.mark.django_db
def test_without_users_no_login_and_no_contribution_is_created():
    call_command("loaddemo")

    assert not User.objects.exists()
    assert not Contribution.objects.exists()
    assert set(Strategy.objects.values_list("slug", flat=True)) == DEMO_SLUGS


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_reset_empties_the_portal_but_keeps_the_reference_data():
    audiences, sectors, groups = Audience.objects.count(), Sector.objects.count(), Group.objects.count()
    call_command("loaddemo", users=True)
    OrganisationFactory(name="Association hors démonstration")
    StrategyFactory(slug="strategie-hors-demo")

    call_command("loaddemo", users=True, reset=True)

    assert not Organisation.objects.filter(name="Association hors démonstration").exists()
    assert not Strategy.objects.filter(slug="strategie-hors-demo").exists()
    assert set(Strategy.objects.values_list("slug", flat=True)) == DEMO_SLUGS
    # The old history went with the reset: only the records of the reload remain.
    assert Action.history.count() == Action.objects.count()
    assert (Audience.objects.count(), Sector.objects.count(), Group.objects.count()) == (
        audiences,
        sectors,
        groups,
    )
    assert Contact.objects.filter(user__username="pilote").exists()


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_if_empty_leaves_an_existing_portal_alone_but_still_creates_the_logins():
    StrategyFactory(slug="strategie-existante")

    call_command("loaddemo", users=True, if_empty=True)

    assert list(Strategy.objects.values_list("slug", flat=True)) == ["strategie-existante"]
    assert User.objects.filter(username__in=DEMO_USERNAMES).count() == len(DEMO_USERNAMES)


@pytest.mark.django_db
def test_if_empty_loads_the_demo_into_an_empty_portal():
    call_command("loaddemo", if_empty=True)

    assert set(Strategy.objects.values_list("slug", flat=True)) == DEMO_SLUGS


@pytest.mark.django_db
def test_loaddemo_prints_a_french_summary(capsys):
    call_command("loaddemo")

    output = capsys.readouterr().out
    assert "3 stratégies" in output
    assert "actions" in output and "indicateurs" in output


@pytest.fixture(scope="class")
def demo_with_users(django_db_setup, django_db_blocker):
    """The demo and its logins, loaded once for the read-only tests below, and removed after them."""
    with django_db_blocker.unblock():
        with override_settings(DEBUG=True):
            call_command("loaddemo", users=True)
        yield
        reset_portal()
        User.objects.filter(username__in=DEMO_USERNAMES).delete()


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_with_users")
class TestTheDemoLogins:
    """Read-only checks sharing one load of the demo with its logins (removed after the class)."""

    def test_demo_logins_exist_for_each_role_with_the_password_demo(self):
        for username, is_staff in [
            ("coordination", True),
            ("pilote", True),
            ("pilote-jeunesse", True),
            ("pilote-culture", True),
            ("copil", True),
            ("partenaire", False),
        ]:
            user = User.objects.get(username=username)
            assert user.check_password("demo")
            assert list(user.groups.values_list("name", flat=True)) == [username.partition("-")[0]]
            assert user.email == f"{username}@demo.citedu.example.org"
            assert user.is_staff is is_staff
            assert not user.is_superuser
        admin = User.objects.get(username="admin")
        assert admin.is_superuser and admin.check_password("demo")

    def test_each_demo_login_belongs_to_an_organisation_through_a_contact(self):
        organisation_of = {
            contact.user.username: contact.organisation.name
            for contact in Contact.objects.filter(user__isnull=False).select_related("user", "organisation")
        }
        assert organisation_of == {
            "coordination": "Ville d'Ivry-sur-Seine",
            "copil": "Ville d'Ivry-sur-Seine",
            "pilote": "Direction de l'enfance et de l'éducation",
            "pilote-jeunesse": "Direction de la jeunesse",
            "pilote-culture": "Direction de la culture",
            "partenaire": "Caisse d'allocations familiales du Val-de-Marne",
        }
        pilot_department = Organisation.objects.get(name="Direction de l'enfance et de l'éducation")
        assert Action.objects.filter(pilot=pilot_department).count() >= 3
        caf = Organisation.objects.get(name="Caisse d'allocations familiales du Val-de-Marne")
        assert Indicator.objects.filter(source=caf, name__icontains="crèche").exists()

    def test_the_renewal_under_consultation_is_for_partners_and_carries_their_contributions(self):
        renewal = Strategy.objects.get(slug="pedt-ivry-sur-seine-2027")
        partner = User.objects.get(username="partenaire")

        assert renewal.status == StrategyStatus.CONSULTATION
        assert Strategy.objects.visible_to(partner).filter(pk=renewal.pk).exists()
        assert not Strategy.objects.visible_to(AnonymousUser()).filter(pk=renewal.pk).exists()
        assert Action.objects.visible_to(partner).filter(strategy=renewal).count() >= 4
        assert not Action.objects.visible_to(AnonymousUser()).filter(strategy=renewal).exists()
        contributions = Contribution.objects.filter(strategy=renewal, author=partner)
        assert sorted(contributions.values_list("status", flat=True)) == sorted(
            [ContributionStatus.ACCEPTED, ContributionStatus.OPEN]
        )
        assert contributions.get(status=ContributionStatus.ACCEPTED).answer
