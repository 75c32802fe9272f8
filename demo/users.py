"""One demo login per role, password « demo », each linked to an organisation through a contact."""

from django.contrib.auth.models import Group, User

from actors import roles
from actors.models import Contact, Organisation
from demo.base import upsert

PASSWORD = "demo"

# username, role (group), is_staff, organisation slug, first name, last name, job title
USERS = [
    (
        "coordination",
        roles.COORDINATION,
        True,
        "ville-ivry-sur-seine",
        "Léa",
        "Morel",
        "Coordinatrice du projet éducatif territorial",
    ),
    # The pilot and the partner are the referents already named in the demo actions.
    (
        "pilote",
        roles.PILOTE,
        True,
        "ivry-direction-enfance-education",
        "Nadia",
        "Benali",
        "Directrice de l'enfance et de l'éducation",
    ),
    # Two more pilots, so that a round writes to several organisations: the referents of the youth
    # and culture departments named in the demo actions.
    (
        "pilote-jeunesse",
        roles.PILOTE,
        True,
        "ivry-direction-jeunesse",
        "Karim",
        "Haddad",
        "Directeur de la jeunesse",
    ),
    (
        "pilote-culture",
        roles.PILOTE,
        True,
        "ivry-direction-culture",
        "Élise",
        "Fontaine",
        "Chargée de l'éducation artistique et culturelle",
    ),
    (
        "partenaire",
        roles.PARTENAIRE,
        False,
        "caf-val-de-marne",
        "Laurent",
        "Moreau",
        "Conseiller territorial petite enfance",
    ),
    (
        "copil",
        roles.COPIL,
        True,
        "ville-ivry-sur-seine",
        "Paul",
        "Girard",
        "Adjoint au maire, membre du comité de pilotage",
    ),
]


def load_users():
    """Creates the demo users (or brings them back to their role); returns them by username.

    The password is set only when the account is created, so a second run writes nothing.
    """
    groups = {group.name: group for group in Group.objects.filter(name__in=roles.ALL_ROLES)}
    organisations = Organisation.objects.in_bulk([spec[3] for spec in USERS], field_name="slug")
    users = {}
    for username, role, is_staff, organisation_slug, first_name, last_name, job_title in USERS:
        user = _user(username, first_name=first_name, last_name=last_name, is_staff=is_staff)
        user.groups.set([groups[role]])
        organisation = organisations.get(organisation_slug)
        if organisation is not None:
            _link_contact(user, organisation, first_name, last_name, job_title)
        users[username] = user
    users["admin"] = _user("admin", first_name="Admin", last_name="Citédu", is_staff=True, is_superuser=True)
    return users


def _user(username, **values):
    values.setdefault("is_superuser", False)
    values["email"] = f"{username}@demo.citedu.example.org"
    values["is_active"] = True
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, **values)
        user.set_password(PASSWORD)
        user.save()
        return user
    return upsert(User, {"username": username}, **values)


def _link_contact(user, organisation, first_name, last_name, job_title):
    """Links the user to their contact: the one already named in the demo data, or a new one."""
    contact = (
        Contact.objects.filter(user=user).first()
        or Contact.objects.filter(
            organisation=organisation, first_name=first_name, last_name=last_name
        ).first()
    )
    if contact is None:
        Contact.objects.create(
            organisation=organisation,
            first_name=first_name,
            last_name=last_name,
            job_title=job_title,
            email=f"{user.username}@demo.citedu.example.org",
            user=user,
        )
        return
    upsert(
        Contact,
        {"pk": contact.pk},
        organisation=organisation,
        first_name=first_name,
        last_name=last_name,
        job_title=job_title,
        user=user,
    )
