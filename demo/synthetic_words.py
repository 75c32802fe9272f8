"""The words synthetic strategies are made of: titles, places, organisation names, status mix."""

from actors.enums import OrganisationKind
from strategy.enums import ActionStatus

VERBS = ["Développer", "Renforcer", "Accompagner", "Soutenir", "Créer", "Ouvrir", "Former", "Favoriser"]
SUBJECTS = [
    "les ateliers de lecture",
    "l'aide aux devoirs",
    "les sorties culturelles",
    "la pratique sportive",
    "l'accueil des tout-petits",
    "la médiation scolaire",
    "les séjours de vacances",
    "les cafés des parents",
    "l'éducation au numérique",
    "les projets de jeunes",
    "la prévention santé",
    "l'orientation des collégiens",
]
PLACES = [
    "dans les écoles",
    "au centre de loisirs",
    "à la médiathèque",
    "au gymnase",
    "dans les quartiers",
    "au collège",
    "à la maison de quartier",
    "pendant les vacances",
]
STATUS_WEIGHTS = [
    (ActionStatus.VALIDATED, 25),
    (ActionStatus.IN_PROGRESS, 40),
    (ActionStatus.DONE, 20),
    (ActionStatus.POSTPONED, 5),
    (ActionStatus.ABANDONED, 3),
    (ActionStatus.PROPOSED, 7),
]
KIND_NAMES = {
    OrganisationKind.CITY_DEPARTMENT: "Service municipal",
    OrganisationKind.SCHOOL: "École",
    OrganisationKind.ASSOCIATION: "Association",
    OrganisationKind.CAF: "CAF",
    OrganisationKind.NATIONAL_EDUCATION: "Circonscription",
    OrganisationKind.DEPARTEMENT: "Service départemental",
}
