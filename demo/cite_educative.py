"""A Cité éducative built the way seed 004 tells it, for a territory the seed does not name.

Dates, attendance, axes and orientations follow the seed. Organisation and people names, budgets and
indicator values are illustrative (budgets on the scale of a real labelled Cité: 475 000 € of State
funding over three years).
"""

import datetime
from decimal import Decimal

from actors.enums import OrganisationKind as Kind
from demo.builder import (
    StrategyLoader,
    load_contacts,
    load_neighbourhoods,
    load_organisations,
    load_territory,
)
from indicators.enums import Direction, Frequency, IndicatorKind, Rating
from strategy.enums import ActionStatus as S
from strategy.enums import (
    DecisionKind,
    FundingStage,
    MeetingKind,
    StrategyKind,
    StrategyStatus,
    SwotKind,
    WorkshopKind,
)
from strategy.enums import PartnerRole as R

D = datetime.date
SLUG = "cite-educative-exemple"
COPIL_DATE = D(2021, 6, 25)
STATE_FUNDING_TOTAL = Decimal(475000)
YEARS = (2022, 2023, 2024)

TERRITORY = {
    "slug": "territoire-exemple",
    "name": "Territoire exemple",
    "department": "",
    "description": (
        "Territoire fictif servant d'exemple : une commune dont les quartiers sud sont classés quartier "
        "prioritaire de la politique de la ville. Son histoire suit le récit public d'une vraie Cité "
        "éducative, sans la nommer."
    ),
}

# The QPV code is illustrative: a made-up value in the official format.
NEIGHBOURHOODS = [
    ("quartiers-sud", "Quartiers sud", "QN99901X", True),
    ("centre", "Centre", "", False),
]

ORGANISATIONS = [
    {
        "slug": "exemple-ville",
        "name": "Ville du territoire exemple",
        "short_name": "Ville",
        "kind": Kind.CITY_DEPARTMENT,
        "sectors": ["education", "jeunesse"],
    },
    {
        "slug": "exemple-direction-education",
        "name": "Direction de l'éducation (territoire exemple)",
        "short_name": "Direction de l'éducation",
        "kind": Kind.CITY_DEPARTMENT,
        "parent": "exemple-ville",
        "sectors": ["education"],
    },
    {
        "slug": "exemple-college",
        "name": "Collège des quartiers sud (chef de file)",
        "short_name": "Collège chef de file",
        "kind": Kind.SCHOOL,
        "sectors": ["education"],
    },
    {
        "slug": "exemple-ecoles",
        "name": "Écoles primaires des quartiers sud",
        "short_name": "Écoles primaires",
        "kind": Kind.SCHOOL,
        "sectors": ["education"],
    },
    {
        "slug": "exemple-education-nationale",
        "name": "Éducation nationale — circonscription du territoire exemple",
        "short_name": "Éducation nationale",
        "kind": Kind.NATIONAL_EDUCATION,
        "sectors": ["education"],
    },
    {
        "slug": "exemple-prefecture",
        "name": "Préfecture — délégation du préfet (territoire exemple)",
        "short_name": "Préfecture",
        "kind": Kind.STATE,
        "sectors": ["action-sociale"],
    },
    {
        "slug": "exemple-maison-solidarites",
        "name": "Maison des Solidarités (territoire exemple)",
        "short_name": "Maison des Solidarités",
        "kind": Kind.DEPARTEMENT,
        "sectors": ["action-sociale"],
    },
    {
        "slug": "exemple-caf",
        "name": "Caisse d'allocations familiales (territoire exemple)",
        "short_name": "CAF",
        "kind": Kind.CAF,
        "sectors": ["petite-enfance", "action-sociale"],
    },
    {
        "slug": "exemple-irts",
        "name": "Institut régional du travail social (territoire exemple)",
        "short_name": "IRTS",
        "kind": Kind.OTHER,
        "sectors": ["action-sociale", "education"],
    },
    {
        "slug": "exemple-associations",
        "name": "Associations de terrain des quartiers sud (collectif)",
        "short_name": "Associations de terrain",
        "kind": Kind.ASSOCIATION,
        "sectors": ["jeunesse", "action-sociale", "numerique"],
    },
    {
        "slug": "exemple-centre-social",
        "name": "Centre social des quartiers sud",
        "kind": Kind.ASSOCIATION,
        "sectors": ["action-sociale"],
    },
]

CONTACTS = [
    (
        "coordination",
        "exemple-direction-education",
        "Samia",
        "Ouali",
        "Cheffe de projet Cité éducative",
        "s.ouali@territoire.example.org",
        "01 00 00 00 01",
        True,
    ),
    (
        "college",
        "exemple-college",
        "Bernard",
        "Leroy",
        "Principal du collège, chef de file",
        "b.leroy@college.example.org",
        "01 00 00 00 02",
        False,
    ),
    (
        "prefecture",
        "exemple-prefecture",
        "Inès",
        "Carpentier",
        "Déléguée du préfet",
        "i.carpentier@prefecture.example.org",
        "01 00 00 00 03",
        False,
    ),
    (
        "associations",
        "exemple-associations",
        "Moussa",
        "Traoré",
        "Coordinateur du collectif associatif",
        "m.traore@asso.example.org",
        "06 00 00 00 04",
        False,
    ),
]

STRATEGY = {
    "slug": SLUG,
    "title": "Cité éducative des quartiers sud (exemple)",
    "kind": StrategyKind.CITE_EDUCATIVE,
    "status": StrategyStatus.ADOPTED,
    "start_date": D(2021, 9, 1),
    "end_date": D(2024, 8, 31),
    "summary": (
        "La Cité éducative rassemble l'école, la ville, l'État et les associations autour des enfants et "
        "des jeunes des quartiers sud, de la naissance à 25 ans. Six orientations, décidées avec les "
        "professionnels, guident les actions pendant trois ans. "
        "Les montants de ce territoire d'exemple sont illustratifs."
    ),
    "introduction": (
        "Ce territoire d'exemple reprend pas à pas la démarche publiée par une Cité éducative labellisée "
        "en 2021 : les trois axes nationaux, un diagnostic partagé en ateliers, six orientations "
        "stratégiques transversales validées en comité de pilotage. Les noms des personnes et des "
        "structures sont inventés ; les montants des financements sont illustratifs, à l'échelle d'une "
        "Cité éducative réelle (475 000 € de crédits de l'État sur trois ans)."
    ),
    "governance": (
        "La Cité éducative est pilotée par une troïka : la ville, l'Éducation nationale, représentée par "
        "le principal du collège chef de file, et la Préfecture. Le comité de pilotage valide les "
        "orientations et la programmation annuelle ; une convention-cadre fixe les engagements et le "
        "protocole d'évaluation."
    ),
    "co_construction": (
        "La démarche partenariale démarre en novembre 2020 pour préparer la pré-sélection. En décembre "
        "2020, une réunion rassemble les premiers partenaires : Maison des Solidarités, CAF, associations "
        "de terrain. De février à mai 2021, la démarche est présentée dans les instances du territoire "
        "(PEDT, PEL, conseils du collège et des écoles, rencontres d'élus).\n\n"
        "Le dossier de candidature est déposé le 31 mars 2021 et le tableau prévisionnel de financement "
        "et d'actions le 31 mai 2021. Avec l'appui de l'IRTS, un diagnostic partagé est conduit en deux "
        "temps : des groupes de travail par axe début juin (Temps 1), puis un groupe sur les orientations "
        "le 22 juin (Temps 2). Le comité de pilotage du 25 juin 2021 valide les six orientations. "
        "La mobilisation des parents, des enfants et des jeunes est prévue au second semestre."
    ),
}

AXES = [
    (
        1,
        "Conforter le rôle de l'école",
        "Climat scolaire, persévérance, innovation pédagogique, formation des équipes.",
    ),
    (
        2,
        "Promouvoir la continuité éducative",
        "Continuité entre l'école, la famille et les temps périscolaires, dès la petite enfance.",
    ),
    (
        3,
        "Ouvrir le champ des possibles",
        "Élargir les horizons des jeunes : culture, sport, numérique, mobilité, orientation.",
    ),
]

# The six orientations cut across the three axes (no axis), all validated by the COPIL of 25 June 2021.
ORIENTATIONS = [
    (
        1,
        None,
        "Impliquer les parents et soutenir la parentalité par la co-éducation",
        "Associer les parents à la scolarité et au bien-être de leurs enfants.",
        COPIL_DATE,
    ),
    (
        2,
        None,
        "Construire des parcours éducatifs et d'insertion de 0 à 25 ans",
        "Travailler les transitions, les cycles, le décrochage, l'orientation et l'insertion.",
        COPIL_DATE,
    ),
    (
        3,
        None,
        "Faire ensemble autrement : la coopération entre professionnels",
        "Développer les coopérations entre professionnels éducatifs du territoire.",
        COPIL_DATE,
    ),
    (
        4,
        None,
        "Former et recruter des professionnels éducatifs",
        "Monter en compétences et stabiliser les équipes.",
        COPIL_DATE,
    ),
    (
        5,
        None,
        "Expérimenter, oser, voir ailleurs",
        "Tester de nouvelles façons d'apprendre et d'accompagner.",
        COPIL_DATE,
    ),
    (
        6,
        None,
        "Valoriser les initiatives des professionnels, des habitants et des jeunes",
        "Rendre visibles les réussites et les projets nés dans les quartiers.",
        COPIL_DATE,
    ),
]

# Weights split the State funding between actions (they sum to 100).
ACTION_SPECS = [
    # code, orientation, weight, title, summary, description, pilot, status, progress, audiences,
    # sectors, partners
    (
        "1.1",
        1,
        8,
        "Médiation scolaire entre l'école, les enfants et les parents",
        "Un médiateur aide les parents et l'école à mieux se comprendre. "
        "Il peut accompagner un parent à un rendez-vous avec un enseignant.",
        "Une médiatrice ou un médiateur scolaire intervient au collège et dans les écoles pour faciliter le "
        "dialogue avec les familles, prévenir les conflits et accompagner les parents éloignés de l'école.",
        "exemple-college",
        S.IN_PROGRESS,
        70,
        ["6-11", "11-15", "parents"],
        ["education"],
        [("exemple-associations", R.OPERATOR), ("exemple-ecoles", R.PARTNER)],
    ),
    (
        "2.1",
        1,
        4,
        "Sensibiliser les parents au bien-être des enfants",
        "Des rencontres pour parler du sommeil, des écrans ou de l'alimentation des enfants. "
        "Les parents échangent entre eux avec un professionnel.",
        "Cycles de cafés des parents et d'ateliers animés par des professionnels de santé et de "
        "l'éducation, dans les écoles et au centre social.",
        "exemple-centre-social",
        S.IN_PROGRESS,
        60,
        ["parents"],
        ["action-sociale", "sante"],
        [("exemple-caf", R.FUNDER), ("exemple-maison-solidarites", R.PARTNER)],
    ),
    (
        "3.1",
        1,
        6,
        "Accompagner l'inclusion numérique dans l'éducation",
        "Les familles apprennent à utiliser l'espace numérique de l'école. "
        "Des ordinateurs peuvent être prêtés aux élèves qui n'en ont pas.",
        "Ateliers d'initiation aux outils numériques scolaires pour les parents, prêt de matériel et "
        "accompagnement des démarches en ligne.",
        "exemple-associations",
        S.IN_PROGRESS,
        55,
        ["parents", "11-15"],
        ["numerique", "education"],
        [("exemple-college", R.PARTNER)],
    ),
    (
        "2.2",
        1,
        7,
        "Permanences psychologiques et de soutien à la parentalité",
        "Une psychologue reçoit les parents et les jeunes qui en ont besoin, gratuitement. "
        "On peut venir sans rendez-vous une demi-journée par semaine.",
        "Permanences hebdomadaires d'écoute psychologique et de soutien à la parentalité, tenues au "
        "collège et à la Maison des Solidarités.",
        "exemple-maison-solidarites",
        S.IN_PROGRESS,
        65,
        ["parents", "11-15", "16-25"],
        ["sante", "action-sociale"],
        [("exemple-college", R.PARTNER)],
    ),
    (
        "2.3",
        2,
        5,
        "Dispositif passerelle entre la crèche et l'école maternelle",
        "Avant d'entrer à l'école, les tout-petits viennent la découvrir avec leurs parents. "
        "La première rentrée se passe mieux.",
        "Temps d'accueil progressifs à l'école maternelle pour les enfants de 2 à 3 ans et leurs parents, "
        "préparés avec les structures de la petite enfance.",
        "exemple-ecoles",
        S.DONE,
        100,
        ["0-3", "3-6", "parents"],
        ["petite-enfance", "education"],
        [("exemple-caf", R.FUNDER)],
    ),
    (
        "3.2",
        2,
        8,
        "Parcours sport et parcours culture",
        "Chaque enfant peut essayer plusieurs sports et activités artistiques dans l'année. "
        "Il choisit ensuite celle qu'il veut continuer.",
        "Cycles de découverte sportive et culturelle sur le temps périscolaire, puis orientation vers les "
        "clubs et les structures culturelles du territoire.",
        "exemple-direction-education",
        S.IN_PROGRESS,
        60,
        ["6-11", "11-15"],
        ["sport", "culture"],
        [("exemple-associations", R.OPERATOR)],
    ),
    (
        "1.2",
        2,
        8,
        "Persévérance scolaire et lutte contre la déscolarisation avant 16 ans",
        "Quand un élève ne vient plus en classe, une équipe le contacte vite avec sa famille. "
        "Elle l'aide à reprendre le chemin de l'école.",
        "Cellule de veille partagée entre le collège, les écoles et la Maison des Solidarités ; "
        "accompagnement individualisé des élèves en risque de décrochage.",
        "exemple-college",
        S.IN_PROGRESS,
        50,
        ["11-15", "parents"],
        ["education", "action-sociale"],
        [("exemple-maison-solidarites", R.CO_PILOT)],
    ),
    (
        "3.3",
        2,
        6,
        "Construire son projet d'orientation et d'insertion",
        "Des jeunes rencontrent des professionnels et visitent des entreprises. "
        "Ils sont aidés pour choisir une formation ou un métier.",
        "Forums des métiers, visites d'entreprises et suivi des jeunes sortis du système scolaire.",
        "exemple-college",
        S.VALIDATED,
        20,
        ["11-15", "16-25"],
        ["insertion", "education"],
        [("exemple-associations", R.PARTNER)],
    ),
    (
        "3.4",
        2,
        4,
        "Favoriser la mobilité des jeunes",
        "Les jeunes apprennent à se déplacer seuls en transports en commun. "
        "Ils sortent plus facilement de leur quartier.",
        "Ateliers mobilité, sorties encadrées et aide au financement du titre de transport.",
        "exemple-associations",
        S.POSTPONED,
        10,
        ["11-15", "16-25"],
        ["jeunesse"],
        [],
    ),
    (
        "2.4",
        3,
        7,
        "Actions socio-éducatives associatives et démarches d'aller-vers",
        "Des associations vont à la rencontre des jeunes dans leur quartier. "
        "Elles proposent des activités de loisirs, de numérique ou d'aide à l'emploi.",
        "Appel à projets associatif pour des actions socio-éducatives, d'insertion, de loisirs et de "
        "numérique privilégiant la coopération et l'aller-vers.",
        "exemple-associations",
        S.IN_PROGRESS,
        65,
        ["11-15", "16-25"],
        ["jeunesse", "action-sociale"],
        [("exemple-centre-social", R.PARTNER)],
    ),
    (
        "1.3",
        3,
        5,
        "Un bon climat scolaire dans les cours de récréation",
        "Enseignants, animateurs et agents travaillent ensemble pour des récréations plus calmes. "
        "Les enfants proposent des règles de jeu.",
        "Démarche commune aux acteurs éducatifs de la pause méridienne et de la récréation : observation, "
        "règles partagées, médiation par les pairs.",
        "exemple-ecoles",
        S.IN_PROGRESS,
        45,
        ["6-11"],
        ["education"],
        [("exemple-direction-education", R.PARTNER)],
    ),
    (
        "1.4",
        4,
        5,
        "Former les professionnels à l'ethnopsychiatrie",
        "Les professionnels sont formés pour mieux comprendre les familles venues d'autres cultures. "
        "Ils les accompagnent avec plus de justesse.",
        "Interventions et formations croisées en ethnopsychiatrie pour les enseignants, travailleurs "
        "sociaux et animateurs.",
        "exemple-irts",
        S.DONE,
        100,
        ["professionnels"],
        ["education", "action-sociale"],
        [("exemple-maison-solidarites", R.PARTNER)],
    ),
    (
        "1.5",
        4,
        4,
        "Former à des cours de récréation égalitaires",
        "Les équipes apprennent à aménager les cours pour que filles et garçons jouent partout. "
        "Chacun trouve sa place dans la cour.",
        "Formation des professionnels éducatifs à l'aménagement et aux usages des cours de récréation "
        "favorables à l'égalité filles-garçons.",
        "exemple-irts",
        S.IN_PROGRESS,
        40,
        ["professionnels"],
        ["education", "urbanisme"],
        [("exemple-ecoles", R.PARTNER)],
    ),
    (
        "2.5",
        4,
        6,
        "Recruter des animateurs qualifiés",
        "Les centres de loisirs recrutent des animateurs diplômés et les gardent plus longtemps. "
        "Les enfants retrouvent les mêmes adultes toute l'année.",
        "Financement de formations qualifiantes (BPJEPS) et de postes d'animateurs permanents.",
        "exemple-direction-education",
        S.IN_PROGRESS,
        50,
        ["professionnels"],
        ["education"],
        [("exemple-caf", R.FUNDER)],
    ),
    (
        "1.6",
        5,
        6,
        "Le numérique au service des apprentissages",
        "Les enseignants utilisent des outils numériques pour rendre les cours plus vivants. "
        "Les élèves apprennent aussi à utiliser ces outils avec prudence.",
        "Équipement des classes et accompagnement des enseignants à des usages pédagogiques du numérique.",
        "exemple-education-nationale",
        S.IN_PROGRESS,
        60,
        ["6-11", "11-15"],
        ["numerique", "education"],
        [("exemple-college", R.PARTNER)],
    ),
    (
        "2.6",
        5,
        4,
        "Ateliers sociolinguistiques pour les parents",
        "Des parents apprennent le français de la vie quotidienne et de l'école. "
        "Ils peuvent mieux suivre la scolarité de leurs enfants.",
        "Ateliers sociolinguistiques hebdomadaires au centre social, en lien avec les écoles.",
        "exemple-centre-social",
        S.ABANDONED,
        0,
        ["parents"],
        ["action-sociale"],
        [("exemple-associations", R.OPERATOR)],
    ),
    (
        "3.5",
        6,
        4,
        "Soutenir les initiatives des jeunes des quartiers sud",
        "Les jeunes qui ont une idée pour leur quartier reçoivent de l'aide pour la réaliser. "
        "Un adulte les accompagne à chaque étape.",
        "Accompagnement et petites bourses pour des initiatives d'intérêt collectif portées par des jeunes.",
        "exemple-direction-education",
        S.IN_PROGRESS,
        55,
        ["16-25"],
        ["jeunesse"],
        [("exemple-associations", R.PARTNER)],
    ),
    (
        "3.6",
        6,
        3,
        "Montrer des parcours de réussite issus des quartiers",
        "D'anciens élèves racontent leur parcours aux collégiens. "
        "Certains deviennent parrains ou marraines de jeunes.",
        "Portraits, interviews, interventions en classe et réseau de parrainage.",
        "exemple-college",
        S.PROPOSED,
        0,
        ["11-15", "16-25"],
        ["education", "insertion"],
        [("exemple-associations", R.PARTNER)],
    ),
]


def _state_amounts():
    """State funding per (action code, year), summing exactly to STATE_FUNDING_TOTAL."""
    per_year = [Decimal(150000), Decimal(160000), Decimal(165000)]
    amounts = {}
    for year, year_total in zip(YEARS, per_year, strict=True):
        allotted = Decimal(0)
        for index, (code, _o, weight, *_rest) in enumerate(ACTION_SPECS):
            if index == len(ACTION_SPECS) - 1:
                amount = year_total - allotted
            else:
                amount = (year_total * weight / 100).quantize(Decimal("1"))
            allotted += amount
            amounts[(code, year)] = amount
    return amounts


def _actions():
    state = _state_amounts()
    actions = []
    for (
        code,
        orientation,
        _weight,
        title,
        summary,
        description,
        pilot,
        status,
        progress,
        audiences,
        sectors,
        partners,
    ) in ACTION_SPECS:
        budget = []
        for year in YEARS:
            planned = state[(code, year)]
            if status == S.PROPOSED:
                executed, stage = Decimal(0), FundingStage.REQUESTED
            elif year < 2024 or status == S.DONE:
                executed, stage = planned, FundingStage.PAID
            elif status in (S.ABANDONED, S.POSTPONED):
                executed, stage = Decimal(0), FundingStage.NOTIFIED
            else:
                executed = (planned * progress / 100).quantize(Decimal("1"))
                stage = FundingStage.COMMITTED
            budget.append((year, "exemple-prefecture", planned, executed, stage))
        # The city's co-funding, about a fifth of the State's, for the first year.
        city_planned = (state[(code, YEARS[0])] / 5).quantize(Decimal("1"))
        city_executed = Decimal(0) if status == S.PROPOSED else city_planned
        budget.append(
            (
                YEARS[0],
                "exemple-ville",
                city_planned,
                city_executed,
                FundingStage.REQUESTED if status == S.PROPOSED else FundingStage.PAID,
            )
        )
        actions.append(
            {
                "code": code,
                "orientation": orientation,
                "title": title,
                "summary": summary,
                "description": description,
                "pilot": pilot,
                "contact": {
                    "exemple-college": "college",
                    "exemple-associations": "associations",
                    "exemple-direction-education": "coordination",
                }.get(pilot),
                "partners": [("exemple-prefecture", R.FUNDER), *partners],
                "audiences": audiences,
                "sectors": sectors,
                "neighbourhoods": ["quartiers-sud"],
                "status": status,
                "progress": progress,
                "start": D(2021, 9, 1),
                "end": D(2024, 8, 31),
                "budget": budget,
            }
        )
    return actions


SCHOOL_YEARS = ["2021-2022", "2022-2023", "2023-2024", "2024-2025"]


def _series(values):
    return list(zip(SCHOOL_YEARS, [Decimal(v) for v in values], strict=True))


ILLUSTRATIVE = " Valeurs illustratives du territoire d'exemple."
INDICATORS = [
    {
        "code": "CE-01",
        "name": "Taux d'absentéisme des collégiens",
        "unit": "%",
        "direction": Direction.DOWN,
        "source": "exemple-college",
        "frequency": Frequency.SCHOOL_YEAR,
        "orientations": [2],
        "actions": ["1.2"],
        "baseline": (Decimal("9.5"), "2021-2022"),
        "target": (Decimal(6), "2024-2025"),
        "definition": "Part des demi-journées d'absence non justifiées au collège." + ILLUSTRATIVE,
        "values": _series(["9.5", "8.9", "7.8", "7.1"]),
    },
    {
        "code": "CE-02",
        "name": "Élèves de moins de 16 ans raccrochés",
        "unit": "élèves",
        "source": "exemple-college",
        "frequency": Frequency.SCHOOL_YEAR,
        "orientations": [2],
        "actions": ["1.2"],
        "baseline": (Decimal(0), "2021-2022"),
        "target": (Decimal(25), "2024-2025"),
        "definition": "Élèves déscolarisés ou absentéistes revenus en classe après un accompagnement."
        + ILLUSTRATIVE,
        "values": _series([6, 12, 17, 21]),
    },
    {
        "code": "CE-03",
        "name": "Parents reçus en médiation scolaire",
        "unit": "parents",
        "source": "exemple-college",
        "frequency": Frequency.SCHOOL_YEAR,
        "orientations": [1],
        "actions": ["1.1"],
        "baseline": (Decimal(40), "2021-2022"),
        "target": (Decimal(150), "2024-2025"),
        "definition": "Parents ayant rencontré le médiateur scolaire dans l'année." + ILLUSTRATIVE,
        "values": _series([40, 85, 120, 138]),
    },
    {
        "code": "CE-04",
        "name": "Professionnels formés",
        "unit": "personnes",
        "source": "exemple-irts",
        "frequency": Frequency.SCHOOL_YEAR,
        "orientations": [4],
        "actions": ["1.4", "1.5"],
        "baseline": (Decimal(0), "2021-2022"),
        "target": (Decimal(120), "2024-2025"),
        "definition": "Nombre cumulé de professionnels ayant suivi une formation de la Cité éducative."
        + ILLUSTRATIVE,
        "values": _series([18, 52, 86, 109]),
    },
    {
        "code": "CE-05",
        "name": "Enfants inscrits à un parcours sport ou culture",
        "unit": "enfants",
        "source": "exemple-direction-education",
        "frequency": Frequency.SCHOOL_YEAR,
        "orientations": [2],
        "actions": ["3.2"],
        "baseline": (Decimal(120), "2021-2022"),
        "target": (Decimal(300), "2024-2025"),
        "definition": "Enfants inscrits à au moins un cycle de découverte sportive ou culturelle."
        + ILLUSTRATIVE,
        "values": _series([120, 180, 236, 271]),
    },
    {
        "code": "CE-06",
        "name": "Jeunes accompagnés dans leur projet d'orientation",
        "unit": "jeunes",
        "source": "exemple-college",
        "frequency": Frequency.SCHOOL_YEAR,
        "orientations": [2],
        "actions": ["3.3"],
        "baseline": (Decimal(30), "2021-2022"),
        "target": (Decimal(100), "2024-2025"),
        "definition": "Jeunes ayant bénéficié d'un suivi individuel d'orientation." + ILLUSTRATIVE,
        "values": _series([30, 48, 67, 80]),
    },
    {
        "code": "CE-07",
        "name": "Parents participant aux actions de soutien à la parentalité",
        "unit": "parents",
        "source": "exemple-maison-solidarites",
        "frequency": Frequency.SCHOOL_YEAR,
        "orientations": [1],
        "actions": ["2.1", "2.2"],
        "baseline": (Decimal(25), "2021-2022"),
        "target": (Decimal(120), "2024-2025"),
        "definition": "Parents venus au moins une fois à un café des parents ou à une permanence."
        + ILLUSTRATIVE,
        "values": _series([25, 61, 94, 112]),
    },
    {
        "code": "CE-08",
        "name": "Initiatives de jeunes soutenues",
        "unit": "projets",
        "source": "exemple-direction-education",
        "frequency": Frequency.SCHOOL_YEAR,
        "orientations": [6],
        "actions": ["3.5"],
        "baseline": (Decimal(0), "2021-2022"),
        "target": (Decimal(20), "2024-2025"),
        "definition": "Nombre cumulé de projets de jeunes accompagnés et financés." + ILLUSTRATIVE,
        "values": _series([2, 7, 12, 16]),
    },
    {
        "code": "CE-09",
        "name": "Coopération entre professionnels du territoire",
        "kind": IndicatorKind.QUALITATIVE,
        "source": "exemple-irts",
        "frequency": Frequency.SCHOOL_YEAR,
        "orientations": [3],
        "actions": ["2.4", "1.3"],
        "definition": "Appréciation de l'équipe projet, à partir d'un questionnaire annuel aux partenaires.",
        "ratings": [
            (
                "2021-2022",
                Rating.UNSATISFACTORY,
                "Les partenaires se connaissent mal en dehors des instances.",
            ),
            (
                "2022-2023",
                Rating.SATISFACTORY,
                "Les cellules de veille font travailler ensemble école et travail social.",
            ),
            (
                "2023-2024",
                Rating.SATISFACTORY,
                "Les associations demandent plus de place dans les décisions.",
            ),
            ("2024-2025", Rating.VERY_SATISFACTORY, "Des projets communs naissent sans appel à projets."),
        ],
    },
]

TEMPS_1 = "Temps 1 : groupes de travail sur chaque axe de la Cité éducative"
TEMPS_2 = "Temps 2 : groupe de travail sur les orientations stratégiques"
T1_OBJECTIVES = (
    "Partager et questionner les constats du dossier de candidature déposé le 31 mars 2021 ; repérer les "
    "principales ressources internes (forces, faiblesses) et externes (opportunités, menaces) de l'axe."
)
T2_OBJECTIVES = (
    "Croiser les ressources internes et externes repérées au Temps 1 et formuler des orientations "
    "stratégiques à soumettre au comité de pilotage. Chaque partenaire a choisi l'axe sur lequel contribuer."
)
PARTNERS_PRESENT = [
    "exemple-ville",
    "exemple-college",
    "exemple-ecoles",
    "exemple-maison-solidarites",
    "exemple-caf",
    "exemple-irts",
    "exemple-associations",
]

WORKSHOPS = [
    {
        "title": "Réunion partenariale de lancement",
        "kind": WorkshopKind.PARTNERSHIP_MEETING,
        "phase": "Démarche partenariale",
        "date": D(2020, 12, 15),
        "participants": 18,
        "organisations": [
            "exemple-ville",
            "exemple-maison-solidarites",
            "exemple-caf",
            "exemple-associations",
            "exemple-college",
        ],
        "objectives": "Présenter le programme des Cités éducatives et préparer le dossier de pré-sélection "
        "(réunion de décembre 2020 ; le jour exact est illustratif).",
        "outcomes": "Les partenaires s'engagent dans la démarche et transmettent leurs premiers constats.",
    },
    {
        "title": "Temps 1 — Axe 1 : Conforter le rôle de l'école",
        "kind": WorkshopKind.DIAGNOSIS,
        "phase": "Temps 1",
        "date": D(2021, 6, 10),
        "axis": 1,
        "participants": 29,
        "organisations": PARTNERS_PRESENT,
        "objectives": T1_OBJECTIVES,
        "outcomes": "Forces, faiblesses, opportunités et menaces de l'axe 1 (voir le diagnostic).",
    },
    {
        "title": "Temps 1 — Axe 2 : Promouvoir la continuité éducative",
        "kind": WorkshopKind.DIAGNOSIS,
        "phase": "Temps 1",
        "date": D(2021, 6, 4),
        "axis": 2,
        "participants": 40,
        "organisations": PARTNERS_PRESENT,
        "objectives": T1_OBJECTIVES,
        "outcomes": "Forces, faiblesses, opportunités et menaces de l'axe 2 (voir le diagnostic).",
    },
    {
        "title": "Temps 1 — Axe 3 : Ouvrir le champ des possibles",
        "kind": WorkshopKind.DIAGNOSIS,
        "phase": "Temps 1",
        "date": D(2021, 6, 7),
        "axis": 3,
        "participants": 42,
        "organisations": PARTNERS_PRESENT,
        "objectives": T1_OBJECTIVES,
        "outcomes": "Forces, faiblesses, opportunités et menaces de l'axe 3 (voir le diagnostic).",
    },
    {
        "title": "Temps 2 — Axe 1 : Conforter le rôle de l'école",
        "kind": WorkshopKind.ORIENTATIONS,
        "phase": "Temps 2",
        "date": D(2021, 6, 22),
        "axis": 1,
        "participants": 14,
        "organisations": PARTNERS_PRESENT,
        "objectives": T2_OBJECTIVES,
        "outcomes": "Propositions d'orientations sur le climat scolaire, la persévérance et la formation.",
    },
    {
        "title": "Temps 2 — Axe 2 : Promouvoir la continuité éducative",
        "kind": WorkshopKind.ORIENTATIONS,
        "phase": "Temps 2",
        "date": D(2021, 6, 22),
        "axis": 2,
        "participants": 13,
        "organisations": PARTNERS_PRESENT,
        "objectives": T2_OBJECTIVES,
        "outcomes": "Propositions d'orientations sur la co-éducation et les parcours de 0 à 25 ans.",
    },
    {
        "title": "Temps 2 — Axe 3 : Ouvrir le champ des possibles",
        "kind": WorkshopKind.ORIENTATIONS,
        "phase": "Temps 2",
        "date": D(2021, 6, 22),
        "axis": 3,
        "participants": 17,
        "organisations": PARTNERS_PRESENT,
        "objectives": T2_OBJECTIVES,
        "outcomes": "Propositions d'orientations sur l'expérimentation et la valorisation des initiatives.",
    },
]

W1, W2, W3 = (
    "Temps 1 — Axe 1 : Conforter le rôle de l'école",
    "Temps 1 — Axe 2 : Promouvoir la continuité éducative",
    "Temps 1 — Axe 3 : Ouvrir le champ des possibles",
)
SWOT = [
    (1, SwotKind.STRENGTH, "Des équipes enseignantes engagées et un collège moteur de la démarche.", W1),
    (1, SwotKind.WEAKNESS, "Un fort renouvellement des enseignants d'une année sur l'autre.", W1),
    (1, SwotKind.OPPORTUNITY, "Les moyens et l'ingénierie apportés par le label Cité éducative.", W1),
    (1, SwotKind.THREAT, "Un absentéisme qui progresse chez les collégiens les plus fragiles.", W1),
    (2, SwotKind.STRENGTH, "Un tissu associatif dense et proche des familles.", W2),
    (2, SwotKind.WEAKNESS, "Des parents qui se sentent peu légitimes face à l'école.", W2),
    (2, SwotKind.WEAKNESS, "Des ruptures de suivi au passage de l'école au collège.", W2),
    (
        2,
        SwotKind.OPPORTUNITY,
        "La Maison des Solidarités et la CAF prêtes à coordonner leurs accompagnements.",
        W2,
    ),
    (2, SwotKind.THREAT, "La fragilité financière des petites associations.", W2),
    (3, SwotKind.STRENGTH, "Des jeunes porteurs d'idées pour leur quartier.", W3),
    (3, SwotKind.WEAKNESS, "Des jeunes qui sortent peu de leur quartier.", W3),
    (
        3,
        SwotKind.OPPORTUNITY,
        "Des entreprises et des lieux culturels proches prêts à accueillir des jeunes.",
        W3,
    ),
    (3, SwotKind.THREAT, "La fracture numérique de nombreuses familles.", W3),
]

MEETINGS = [
    {
        "date": COPIL_DATE,
        "kind": MeetingKind.COPIL,
        "title": "Comité de pilotage du 25 juin 2021",
        "location": "Collège des quartiers sud",
        "minutes": "Le comité prend connaissance du diagnostic partagé et des propositions du Temps 2.",
        "decisions": [
            {
                "kind": DecisionKind.VALIDATE_ORIENTATIONS,
                "text": (
                    "Le comité de pilotage valide les six orientations stratégiques de la Cité éducative."
                ),
                "orientations": [1, 2, 3, 4, 5, 6],
            },
        ],
    },
    {
        "date": D(2022, 1, 20),
        "kind": MeetingKind.COPIL,
        "title": "Comité de pilotage : programmation 2022",
        "location": "Hôtel de ville",
        "minutes": "Examen de la programmation de la première année.",
        "decisions": [
            {
                "kind": DecisionKind.VALIDATE_ACTIONS,
                "text": "La programmation 2022 est validée.",
                "actions": [spec[0] for spec in ACTION_SPECS if spec[7] != S.PROPOSED],
            },
        ],
    },
]

SIGNATORIES = [
    ("exemple-ville", "Nathalie Bernard", "Maire du territoire exemple"),
    ("exemple-prefecture", "Olivier Masson", "Préfet du département"),
    (
        "exemple-education-nationale",
        "Hélène Rousseau",
        "Directrice académique des services de l'Éducation nationale",
    ),
]


def load(ref):
    territory = load_territory(TERRITORY)
    organisations = load_organisations(ORGANISATIONS, ref)
    contacts = load_contacts(CONTACTS, organisations)
    neighbourhoods = load_neighbourhoods(territory, NEIGHBOURHOODS)
    loader = StrategyLoader(ref, territory, organisations, contacts, neighbourhoods, "CITE-EX")
    loader.load_strategy(STRATEGY)
    loader.load_axes(AXES)
    loader.load_orientations(ORIENTATIONS)
    loader.load_actions(_actions())
    loader.load_indicators(INDICATORS)
    loader.load_workshops(WORKSHOPS)
    loader.load_swot(SWOT)
    loader.load_meetings(MEETINGS)
    loader.load_signatories(SIGNATORIES)
    return loader
