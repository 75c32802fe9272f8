"""The renewal of Ivry's PEDT, under consultation: partners review it and leave contributions."""

import datetime
from decimal import Decimal

from django.utils import timezone

from demo.base import upsert
from demo.builder import StrategyLoader
from strategy.enums import ActionStatus as S
from strategy.enums import ContributionStatus, FundingStage, StrategyKind, StrategyStatus
from strategy.enums import PartnerRole as R
from strategy.models import Action, Contribution, Orientation, Strategy

D = datetime.date
SLUG = "pedt-ivry-sur-seine-2027"

STRATEGY = {
    "slug": SLUG,
    "title": "Projet éducatif territorial d'Ivry-sur-Seine 2027-2030 (en concertation)",
    "kind": StrategyKind.PEDT,
    "status": StrategyStatus.CONSULTATION,
    "start_date": D(2026, 9, 1),
    "end_date": D(2030, 8, 31),
    "summary": (
        "Le prochain projet éducatif d'Ivry est en préparation. Les partenaires peuvent lire les premières "
        "propositions et donner leur avis avant le comité de pilotage. Rien n'est encore décidé."
    ),
    "introduction": (
        "Ce projet prolonge le PEDT 2023-2026. Il met l'accent sur la place des familles et sur les "
        "jeunes de 16 à 25 ans. Les propositions ci-dessous sont soumises à la concertation."
    ),
    "governance": (
        "Même gouvernance que le projet en cours ; elle sera précisée à l'issue de la concertation."
    ),
    "co_construction": (
        "Concertation ouverte aux partenaires signataires et aux associations jusqu'au printemps 2026, "
        "puis validation par le comité de pilotage."
    ),
}

AXES = [
    (
        1,
        "Faire des familles des partenaires de l'éducation",
        "Mieux informer, associer et soutenir les parents.",
    ),
    (
        2,
        "Accompagner les 16-25 ans vers l'autonomie",
        "Formation, emploi, logement, santé des jeunes adultes.",
    ),
]

ORIENTATIONS = [
    (
        1,
        1,
        "Informer les familles dans un langage clair",
        "Documents courts, traduits, diffusés à l'école.",
        None,
    ),
    (2, 1, "Associer les parents aux décisions", "Place des parents dans les instances du projet.", None),
    (
        3,
        2,
        "Sécuriser les parcours des jeunes sans solution",
        "Repérer et accompagner les jeunes sortis du système scolaire.",
        None,
    ),
    (4, 2, "Favoriser l'accès des jeunes au logement et aux soins", "Aides et permanences dédiées.", None),
]


def _budget(base):
    return [(2027, "ville-ivry-sur-seine", Decimal(base), Decimal(0), FundingStage.REQUESTED)]


ACTIONS = [
    {
        "code": "1.1",
        "orientation": 1,
        "title": "Un guide des familles en langage clair",
        "summary": "Un petit guide explique aux parents ce que la ville propose pour leurs enfants. "
        "Il est écrit simplement et traduit dans plusieurs langues.",
        "description": "Guide annuel en version papier et en ligne, rédigé selon les règles du « facile à "
        "lire et à comprendre », distribué dans les cartables à la rentrée.",
        "pilot": "ivry-direction-enfance-education",
        "contact": "dee",
        "status": S.PROPOSED,
        "audiences": ["parents"],
        "sectors": ["education"],
        "partners": [("caf-val-de-marne", R.PARTNER)],
        "start": D(2026, 9, 1),
        "end": D(2027, 8, 31),
        "budget": _budget(15000),
    },
    {
        "code": "1.2",
        "orientation": 2,
        "title": "Des parents membres du comité de pilotage",
        "summary": "Des parents élus siègent au comité qui suit le projet éducatif. "
        "Ils donnent leur avis sur les actions.",
        "description": "Deux sièges de parents au comité de pilotage, désignés parmi les représentants élus "
        "aux conseils d'école.",
        "pilot": "ville-ivry-sur-seine",
        "status": S.PROPOSED,
        "audiences": ["parents"],
        "sectors": ["education"],
        "start": D(2026, 9, 1),
        "end": D(2030, 8, 31),
        "budget": _budget(2000),
    },
    {
        "code": "1.3",
        "orientation": 1,
        "title": "Des cafés des parents dans chaque groupe scolaire",
        "summary": "Une fois par mois, les parents se retrouvent à l'école autour d'un café. "
        "Ils échangent avec l'équipe et entre eux.",
        "description": "Rencontres mensuelles animées par les équipes d'animation et des associations.",
        "pilot": "ivry-direction-enfance-education",
        "contact": "dee",
        "status": S.PROPOSED,
        "audiences": ["parents"],
        "sectors": ["education", "action-sociale"],
        "neighbourhoods": ["plateau-monmousseau", "gagarine-truillot", "pierre-et-marie-curie"],
        "start": D(2026, 9, 1),
        "end": D(2030, 8, 31),
        "budget": _budget(8000),
    },
    {
        "code": "2.1",
        "orientation": 3,
        "title": "Aller vers les jeunes sans emploi ni formation",
        "summary": "Des éducateurs vont à la rencontre des jeunes qui n'ont ni travail ni formation. "
        "Ils les aident à trouver une solution.",
        "description": "Maraudes et permanences mobiles avec la Mission locale, à partir de la Maison de la "
        "jeunesse.",
        "pilot": "ivry-direction-jeunesse",
        "contact": "jeunesse",
        "status": S.PROPOSED,
        "audiences": ["16-25"],
        "sectors": ["jeunesse", "insertion"],
        "partners": [("mission-locale-ivry-vitry", R.CO_PILOT)],
        "start": D(2026, 9, 1),
        "end": D(2030, 8, 31),
        "budget": _budget(40000),
    },
    {
        "code": "2.2",
        "orientation": 4,
        "title": "Une permanence santé pour les 16-25 ans",
        "summary": "Les jeunes peuvent voir un médecin ou une psychologue sans avance de frais. "
        "La permanence a lieu à la Maison de la jeunesse.",
        "description": "Permanence hebdomadaire du centre municipal de santé à la Maison de la jeunesse.",
        "pilot": "ivry-centre-municipal-sante",
        "status": S.PROPOSED,
        "audiences": ["16-25"],
        "sectors": ["sante", "jeunesse"],
        "partners": [("ivry-direction-jeunesse", R.PARTNER)],
        "start": D(2026, 9, 1),
        "end": D(2030, 8, 31),
        "budget": _budget(25000),
    },
]

CONTRIBUTIONS = [
    # (action code or None, orientation number or None, body, status, answer)
    (
        "1.1",
        None,
        "La CAF peut relire le guide et y ajouter une page sur les aides à la garde des jeunes enfants.",
        ContributionStatus.ACCEPTED,
        "Merci : une page sur les modes de garde et les aides de la CAF sera ajoutée à la première édition.",
    ),
    (
        None,
        3,
        "Pensez aux jeunes parents de moins de 25 ans : ils cumulent souvent les difficultés de garde et "
        "d'insertion.",
        ContributionStatus.OPEN,
        "",
    ),
]


def load(ref, ivry_loader):
    loader = StrategyLoader(
        ref,
        ivry_loader.territory,
        ivry_loader.organisations,
        ivry_loader.contacts,
        ivry_loader.neighbourhoods,
        "IVRY-PEDT27",
    )
    loader.load_strategy(STRATEGY)
    loader.load_axes(AXES)
    loader.load_orientations(ORIENTATIONS)
    loader.load_actions(ACTIONS)
    return loader


def load_contributions(users):
    """The partner's contributions on the renewal: one answered by the coordination, one still open."""
    strategy = Strategy.objects.filter(slug=SLUG).first()
    if strategy is None:
        return
    # A fixed date, so a second run finds nothing to change.
    answered_at = timezone.make_aware(datetime.datetime(2026, 1, 15, 10, 0))
    for action_code, orientation_number, body, status, answer in CONTRIBUTIONS:
        action = Action.objects.get(strategy=strategy, code=action_code) if action_code else None
        orientation = (
            Orientation.objects.get(strategy=strategy, number=orientation_number)
            if orientation_number
            else None
        )
        upsert(
            Contribution,
            {
                "strategy": strategy,
                "author": users["partenaire"],
                "action": action,
                "orientation": orientation,
            },
            body=body,
            status=status,
            answer=answer,
            answered_by=users["coordination"] if answer else None,
            answered_at=answered_at if answer else None,
        )
