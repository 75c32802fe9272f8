"""The PEDT of Ivry-sur-Seine: facts and figures from the city's public record (seeds 000-002).

The texts are written for the demo. Names of staff are invented, except the Mayor, a public figure;
statuses, budgets and the yearly series before the latest figure are illustrative.
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
from strategy.enums import (
    ActionStatus as S,
)
from strategy.enums import (
    DecisionKind,
    FundingStage,
    MeetingKind,
    StrategyKind,
    StrategyStatus,
    SwotKind,
    WorkshopKind,
)
from strategy.enums import (
    PartnerRole as R,
)

D = datetime.date
SLUG = "pedt-ivry-sur-seine"

TERRITORY = {
    "slug": "ivry-sur-seine",
    "name": "Ivry-sur-Seine",
    "insee_code": "94041",
    "department": "Val-de-Marne",
    "population": 63309,
    "population_year": 2019,
    "description": (
        "Commune du Val-de-Marne, à une dizaine de kilomètres du centre de Paris. La ville grandit vite : "
        "de nouveaux quartiers sortent de terre et il faut prévoir les écoles, les crèches et les "
        "équipements dont les familles auront besoin."
    ),
}

ORGANISATIONS = [
    {
        "slug": "ville-ivry-sur-seine",
        "name": "Ville d'Ivry-sur-Seine",
        "short_name": "Ville d'Ivry",
        "kind": Kind.CITY_DEPARTMENT,
        "sectors": ["education", "culture", "sport", "sante", "jeunesse"],
    },
    {
        "slug": "ivry-direction-enfance-education",
        "name": "Direction de l'enfance et de l'éducation",
        "short_name": "DEE",
        "kind": Kind.CITY_DEPARTMENT,
        "parent": "ville-ivry-sur-seine",
        "sectors": ["education"],
    },
    {
        "slug": "ivry-direction-petite-enfance",
        "name": "Direction de la petite enfance",
        "kind": Kind.CITY_DEPARTMENT,
        "parent": "ville-ivry-sur-seine",
        "sectors": ["petite-enfance"],
    },
    {
        "slug": "ivry-direction-jeunesse",
        "name": "Direction de la jeunesse",
        "kind": Kind.CITY_DEPARTMENT,
        "parent": "ville-ivry-sur-seine",
        "sectors": ["jeunesse", "insertion"],
    },
    {
        "slug": "ivry-direction-culture",
        "name": "Direction de la culture",
        "kind": Kind.CITY_DEPARTMENT,
        "parent": "ville-ivry-sur-seine",
        "sectors": ["culture"],
    },
    {
        "slug": "ivry-direction-sports",
        "name": "Direction des sports",
        "kind": Kind.CITY_DEPARTMENT,
        "parent": "ville-ivry-sur-seine",
        "sectors": ["sport"],
    },
    {
        "slug": "ivry-direction-sante",
        "name": "Direction de la santé",
        "kind": Kind.CITY_DEPARTMENT,
        "parent": "ville-ivry-sur-seine",
        "sectors": ["sante"],
    },
    {
        "slug": "ivry-restauration",
        "name": "Service de la restauration municipale",
        "kind": Kind.CITY_DEPARTMENT,
        "parent": "ville-ivry-sur-seine",
        "sectors": ["education", "sante"],
    },
    {
        "slug": "ivry-batiments-espaces-publics",
        "name": "Direction des bâtiments et des espaces publics",
        "kind": Kind.CITY_DEPARTMENT,
        "parent": "ville-ivry-sur-seine",
        "sectors": ["urbanisme"],
    },
    {
        "slug": "ivry-petit-robespierre",
        "name": "Le Petit Robespierre, centre de formation des animateurs",
        "short_name": "Le Petit Robespierre",
        "kind": Kind.CITY_DEPARTMENT,
        "parent": "ivry-direction-enfance-education",
        "sectors": ["education"],
    },
    {
        "slug": "ivry-conservatoire",
        "name": "Conservatoire municipal de musique et de danse d'Ivry",
        "short_name": "Conservatoire",
        "kind": Kind.CITY_DEPARTMENT,
        "parent": "ivry-direction-culture",
        "sectors": ["culture"],
    },
    {
        "slug": "ivry-mediatheques",
        "name": "Médiathèques municipales d'Ivry",
        "short_name": "Médiathèques",
        "kind": Kind.CITY_DEPARTMENT,
        "parent": "ivry-direction-culture",
        "sectors": ["culture"],
    },
    {
        "slug": "ivry-galerie-fernand-leger",
        "name": "Galerie municipale Fernand-Léger",
        "kind": Kind.CITY_DEPARTMENT,
        "parent": "ivry-direction-culture",
        "sectors": ["culture"],
    },
    {
        "slug": "ivry-cinema-le-luxy",
        "name": "Cinéma municipal Le Luxy",
        "short_name": "Le Luxy",
        "kind": Kind.CITY_DEPARTMENT,
        "parent": "ivry-direction-culture",
        "sectors": ["culture"],
    },
    {
        "slug": "ivry-theatre-antoine-vitez",
        "name": "Théâtre Antoine-Vitez",
        "kind": Kind.CITY_DEPARTMENT,
        "parent": "ivry-direction-culture",
        "sectors": ["culture"],
    },
    {
        "slug": "ivry-mission-culture-scientifique",
        "name": "Mission municipale de culture scientifique et technique",
        "short_name": "Mission CST",
        "kind": Kind.CITY_DEPARTMENT,
        "parent": "ivry-direction-culture",
        "sectors": ["culture", "education"],
    },
    {
        "slug": "ivry-centre-municipal-sante",
        "name": "Centre municipal de santé Fanny-Dewerpe",
        "short_name": "CMS Fanny-Dewerpe",
        "kind": Kind.CITY_DEPARTMENT,
        "parent": "ivry-direction-sante",
        "sectors": ["sante"],
    },
    {
        "slug": "ivry-ccas",
        "name": "Centre communal d'action sociale d'Ivry-sur-Seine",
        "short_name": "CCAS",
        "kind": Kind.CITY_DEPARTMENT,
        "parent": "ville-ivry-sur-seine",
        "sectors": ["action-sociale"],
    },
    {
        "slug": "caf-val-de-marne",
        "name": "Caisse d'allocations familiales du Val-de-Marne",
        "short_name": "CAF du Val-de-Marne",
        "kind": Kind.CAF,
        "sectors": ["petite-enfance", "action-sociale"],
    },
    {
        "slug": "dsden-val-de-marne",
        "name": "Direction des services départementaux de l'Éducation nationale du Val-de-Marne",
        "short_name": "DSDEN 94",
        "kind": Kind.NATIONAL_EDUCATION,
        "sectors": ["education"],
    },
    {
        "slug": "ien-ivry-sur-seine",
        "name": "Circonscription de l'Éducation nationale d'Ivry-sur-Seine",
        "short_name": "IEN Ivry",
        "kind": Kind.NATIONAL_EDUCATION,
        "parent": "dsden-val-de-marne",
        "sectors": ["education"],
    },
    {"slug": "prefecture-val-de-marne", "name": "Préfecture du Val-de-Marne", "kind": Kind.STATE},
    {
        "slug": "departement-val-de-marne",
        "name": "Conseil départemental du Val-de-Marne",
        "short_name": "Département 94",
        "kind": Kind.DEPARTEMENT,
        "sectors": ["action-sociale", "education"],
    },
    {
        "slug": "college-georges-politzer",
        "name": "Collège Georges-Politzer",
        "kind": Kind.SCHOOL,
        "parent": "dsden-val-de-marne",
        "sectors": ["education"],
    },
    {
        "slug": "college-moliere",
        "name": "Collège Molière",
        "kind": Kind.SCHOOL,
        "parent": "dsden-val-de-marne",
        "sectors": ["education"],
    },
    {
        "slug": "college-romain-rolland",
        "name": "Collège Romain-Rolland",
        "kind": Kind.SCHOOL,
        "parent": "dsden-val-de-marne",
        "sectors": ["education"],
    },
    {
        "slug": "college-gisele-halimi",
        "name": "Collège Gisèle-Halimi",
        "kind": Kind.SCHOOL,
        "parent": "dsden-val-de-marne",
        "sectors": ["education"],
    },
    {
        "slug": "ecole-rosalind-franklin",
        "name": "École Rosalind-Franklin",
        "kind": Kind.SCHOOL,
        "parent": "ien-ivry-sur-seine",
        "sectors": ["education"],
    },
    {
        "slug": "ecole-jacques-solomon",
        "name": "École Jacques-Solomon",
        "kind": Kind.SCHOOL,
        "parent": "ien-ivry-sur-seine",
        "sectors": ["education"],
    },
    {
        "slug": "cmpp-ivry",
        "name": "Centre médico-psycho-pédagogique d'Ivry",
        "short_name": "CMPP",
        "kind": Kind.OTHER,
        "sectors": ["sante"],
    },
    {
        "slug": "cnrs",
        "name": "Centre national de la recherche scientifique",
        "short_name": "CNRS",
        "kind": Kind.OTHER,
        "sectors": ["culture"],
    },
    {
        "slug": "mission-locale-ivry-vitry",
        "name": "Mission locale Ivry-Vitry",
        "kind": Kind.ASSOCIATION,
        "sectors": ["insertion", "jeunesse"],
    },
    {
        "slug": "clubs-sportifs-ivryens",
        "name": "Clubs sportifs ivryens (collectif)",
        "kind": Kind.ASSOCIATION,
        "sectors": ["sport"],
    },
    {
        "slug": "paris-2024",
        "name": "Comité d'organisation des Jeux olympiques et paralympiques Paris 2024",
        "short_name": "Paris 2024",
        "kind": Kind.OTHER,
        "sectors": ["sport"],
    },
]

# Invented people; contacts are personal data, so most did not agree to be published.
CONTACTS = [
    (
        "dee",
        "ivry-direction-enfance-education",
        "Nadia",
        "Benali",
        "Directrice de l'enfance et de l'éducation",
        "n.benali@ivry.example.org",
        "01 49 60 00 11",
        True,
    ),
    (
        "petite-enfance",
        "ivry-direction-petite-enfance",
        "Sophie",
        "Marchand",
        "Responsable des établissements d'accueil du jeune enfant",
        "s.marchand@ivry.example.org",
        "01 49 60 00 12",
        False,
    ),
    (
        "jeunesse",
        "ivry-direction-jeunesse",
        "Karim",
        "Haddad",
        "Directeur de la jeunesse",
        "k.haddad@ivry.example.org",
        "01 49 60 00 13",
        False,
    ),
    (
        "culture",
        "ivry-direction-culture",
        "Élise",
        "Fontaine",
        "Chargée de l'éducation artistique et culturelle",
        "e.fontaine@ivry.example.org",
        "01 49 60 00 14",
        False,
    ),
    (
        "sports",
        "ivry-direction-sports",
        "Thomas",
        "Lemoine",
        "Responsable des activités sportives jeunesse",
        "t.lemoine@ivry.example.org",
        "01 49 60 00 15",
        False,
    ),
    (
        "sante",
        "ivry-direction-sante",
        "Aïcha",
        "Diallo",
        "Coordinatrice du conseil local en santé mentale",
        "a.diallo@ivry.example.org",
        "01 49 60 00 16",
        False,
    ),
    (
        "restauration",
        "ivry-restauration",
        "Julien",
        "Roux",
        "Responsable de la restauration scolaire",
        "j.roux@ivry.example.org",
        "01 49 60 00 17",
        False,
    ),
    (
        "batiments",
        "ivry-batiments-espaces-publics",
        "Marion",
        "Petit",
        "Cheffe de projet cours d'école",
        "m.petit@ivry.example.org",
        "01 49 60 00 18",
        False,
    ),
    (
        "robespierre",
        "ivry-petit-robespierre",
        "Hugo",
        "Garnier",
        "Responsable du centre de formation",
        "h.garnier@ivry.example.org",
        "01 49 60 00 19",
        True,
    ),
    (
        "mediatheques",
        "ivry-mediatheques",
        "Claire",
        "Vasseur",
        "Responsable jeunesse des médiathèques",
        "c.vasseur@ivry.example.org",
        "01 49 60 00 20",
        False,
    ),
    (
        "caf",
        "caf-val-de-marne",
        "Laurent",
        "Moreau",
        "Conseiller territorial petite enfance",
        "l.moreau@caf94.example.org",
        "01 45 00 00 21",
        False,
    ),
]

# Codes QPV: illustrative values in the official format, not the real codes of these neighbourhoods.
NEIGHBOURHOODS = [
    ("centre-ville", "Centre-ville", "", False),
    ("ivry-port", "Ivry-Port", "", False),
    ("petit-ivry", "Petit-Ivry", "", False),
    ("plateau-monmousseau", "Plateau - Monmousseau", "QN09411A", True),
    ("gagarine-truillot", "Gagarine - Truillot", "QN09412A", True),
    ("pierre-et-marie-curie", "Pierre-et-Marie-Curie", "QN09413A", True),
]
PRIORITY = ["plateau-monmousseau", "gagarine-truillot", "pierre-et-marie-curie"]
ALL_NEIGHBOURHOODS = [slug for slug, *_ in NEIGHBOURHOODS]

STRATEGY = {
    "slug": SLUG,
    "title": "Projet éducatif territorial d'Ivry-sur-Seine 2023-2026",
    "kind": StrategyKind.PEDT,
    "status": StrategyStatus.ADOPTED,
    "start_date": D(2023, 9, 1),
    "end_date": D(2026, 8, 31),
    "summary": (
        "La ville, l'Éducation nationale, la CAF et leurs partenaires s'engagent ensemble pour les enfants "
        "et les jeunes d'Ivry, de la crèche à l'entrée dans la vie adulte. Le projet tient en cinq axes : "
        "accompagner chaque enfant, s'engager pour la jeunesse, la culture, le sport et la santé. "
        "Chaque action dit qui la porte, pour qui, où et avec quel budget."
    ),
    "introduction": (
        "Pour Ivry, l'éducation ne s'arrête pas à la porte de l'école : elle continue au centre de loisirs, "
        "à la médiathèque, au gymnase et au cinéma. Ce projet éducatif territorial relie ces temps pour "
        "que chaque enfant y trouve sa place, quelle que soit son origine.\n\n"
        "Il s'appuie sur un service public local attaché à l'égalité : toutes les activités municipales "
        "sont facturées selon le quotient familial. Il tient compte d'une ville qui se transforme vite et "
        "doit anticiper la construction d'écoles et la révision de la carte scolaire."
    ),
    "governance": (
        "Le comité de pilotage réunit deux fois par an l'adjointe au maire chargée de l'éducation, la "
        "direction académique, l'inspection de circonscription, la CAF du Val-de-Marne et les directions "
        "municipales concernées. Il valide les actions, suit les indicateurs et décide des ajustements.\n\n"
        "Un comité technique mensuel, animé par la direction de l'enfance et de l'éducation, prépare ses "
        "travaux. Chaque action a une structure pilote et un·e référent·e qui tient sa fiche à jour."
    ),
    "co_construction": (
        "Le projet a été préparé au printemps 2023 avec des ateliers ouverts aux équipes des écoles, aux "
        "animateurs, aux associations et aux parents élus. Un diagnostic partagé par axe en est sorti. "
        "Les comptes rendus et les décisions du comité de pilotage sont publiés sur ce portail."
    ),
}

AXES = [
    (
        1,
        "Accompagner chaque enfant dans son parcours",
        "Donner à chaque enfant de bonnes conditions pour apprendre et grandir, de la crèche au CM2.",
    ),
    (
        2,
        "S'engager pour la jeunesse",
        "Soutenir les 11-30 ans dans leurs projets, leur orientation et leur autonomie.",
    ),
    (
        3,
        "Promouvoir la culture",
        "Faire de la culture un droit pour tous les enfants, à l'école et en dehors.",
    ),
    (
        4,
        "Encourager le sport",
        "Offrir des équipements et des activités sportives accessibles à tous les jeunes.",
    ),
    (
        5,
        "Défendre la santé",
        "Prendre soin de la santé physique et mentale des enfants, des jeunes et de leurs familles.",
    ),
]

ADOPTED = D(2023, 6, 29)
ORIENTATIONS = [
    (
        1,
        1,
        "Garantir à chaque élève de bonnes conditions d'apprentissage",
        "Matériel, restauration, sécurité et cadre de vie des écoles.",
        ADOPTED,
    ),
    (
        2,
        1,
        "Accueillir les tout-petits et soutenir les parents",
        "Places en crèche, modes de garde et temps de répit pour les familles.",
        ADOPTED,
    ),
    (
        3,
        1,
        "Relier l'école et les temps de loisirs",
        "Former les animateurs et faire travailler ensemble enseignants et équipes périscolaires.",
        ADOPTED,
    ),
    (
        4,
        2,
        "Accompagner les jeunes vers l'autonomie et l'emploi",
        "Stages, aides aux projets, mobilité et accès aux droits.",
        ADOPTED,
    ),
    (
        5,
        2,
        "Reconnaître la réussite des jeunes",
        "Valoriser les diplômes et les engagements des jeunes Ivryens.",
        ADOPTED,
    ),
    (
        6,
        3,
        "Un parcours culturel pour chaque enfant",
        "De la petite section au CM2, une découverte artistique chaque année.",
        ADOPTED,
    ),
    (
        7,
        3,
        "Ouvrir les lieux culturels aux collégiens et aux jeunes",
        "Jumelages avec les collèges et pratiques artistiques hors temps scolaire.",
        ADOPTED,
    ),
    (
        8,
        4,
        "Développer la pratique sportive des jeunes",
        "Des activités encadrées et des équipements neufs dans tous les quartiers.",
        ADOPTED,
    ),
    (
        9,
        4,
        "Faire vivre l'héritage des Jeux de Paris 2024",
        "Prolonger l'élan des Jeux auprès des enfants et des jeunes.",
        ADOPTED,
    ),
    (
        10,
        5,
        "Prendre soin de la santé mentale des enfants et des jeunes",
        "Repérer tôt, soigner près de chez soi, parler de santé mentale sans tabou.",
        ADOPTED,
    ),
    (
        11,
        5,
        "Prévenir et faciliter l'accès aux soins",
        "Campagnes de prévention et offre de soins de proximité.",
        ADOPTED,
    ),
]


def _budget(status, progress, city_funder, base, cofunder=None, years=(2024, 2025)):
    """Two funding lines from the city (one a year), and a third from a co-funder for the last year."""
    ratio = Decimal(progress) / 100
    lines = []
    for index, year in enumerate(years):
        planned = (Decimal(base) * (100 + 5 * index) / 100).quantize(Decimal("1"))
        if status == S.PROPOSED:
            executed, stage = Decimal(0), FundingStage.REQUESTED
        elif status == S.DONE or year < years[-1]:
            executed, stage = planned, FundingStage.PAID
        elif status in (S.ABANDONED, S.POSTPONED):
            executed, stage = Decimal(0), FundingStage.NOTIFIED
        else:
            executed, stage = (planned * ratio).quantize(Decimal("1")), FundingStage.COMMITTED
        lines.append((year, city_funder, planned, executed, stage))
    if cofunder:
        planned = (Decimal(base) * Decimal("0.4")).quantize(Decimal("1"))
        if status == S.DONE:
            executed, stage = planned, FundingStage.PAID
        elif status == S.PROPOSED:
            executed, stage = Decimal(0), FundingStage.REQUESTED
        else:
            executed, stage = (planned * ratio).quantize(Decimal("1")), FundingStage.NOTIFIED
        lines.append((years[-1], cofunder, planned, executed, stage))
    return lines


def _action(
    code,
    orientation,
    title,
    summary,
    description,
    pilot,
    status,
    progress,
    start,
    end,
    budget,
    contact=None,
    partners=(),
    audiences=(),
    neighbourhoods=(),
    sectors=(),
    cofunder=None,
):
    city = "ville-ivry-sur-seine"
    return {
        "code": code,
        "orientation": orientation,
        "title": title,
        "summary": summary,
        "description": description,
        "pilot": pilot,
        "contact": contact,
        "partners": list(partners),
        "audiences": list(audiences),
        "neighbourhoods": list(neighbourhoods or ALL_NEIGHBOURHOODS),
        "sectors": list(sectors),
        "status": status,
        "progress": progress,
        "start": start,
        "end": end,
        "budget": _budget(status, progress, city, budget, cofunder),
    }


ACTIONS = [
    # Axis 1: Accompagner chaque enfant dans son parcours
    _action(
        "1.1",
        1,
        "Une pochette de fournitures scolaires pour chaque élève",
        "À chaque rentrée, la ville donne à chaque élève une pochette avec ses fournitures. "
        "Les élèves de CP et de CE1 reçoivent aussi un livre. Les familles n'ont rien à acheter pour cela.",
        "La distribution a lieu dans toutes les écoles maternelles et élémentaires la première semaine de "
        "septembre. Le contenu des pochettes est choisi avec les équipes enseignantes pour éviter les "
        "achats inutiles. Le livre offert en CP et en CE1 est sélectionné avec les médiathèques.",
        "ivry-direction-enfance-education",
        S.IN_PROGRESS,
        70,
        D(2023, 9, 1),
        D(2026, 8, 31),
        95000,
        contact="dee",
        partners=[("ien-ivry-sur-seine", R.PARTNER), ("ivry-mediatheques", R.PARTNER)],
        audiences=["3-6", "6-11", "parents"],
        sectors=["education"],
    ),
    _action(
        "1.2",
        1,
        "Un plat végétarien proposé à chaque repas de la cantine",
        "À la cantine, les enfants peuvent choisir un plat sans viande à chaque repas. "
        "Les menus sont équilibrés et préparés avec des produits de saison.",
        "Le service de la restauration propose une alternative végétarienne quotidienne dans tous les "
        "restaurants scolaires. Une diététicienne vérifie l'équilibre des menus et des animations sur "
        "l'alimentation sont proposées pendant la pause méridienne.",
        "ivry-restauration",
        S.DONE,
        100,
        D(2023, 9, 1),
        D(2024, 7, 5),
        40000,
        partners=[("ivry-direction-sante", R.PARTNER)],
        audiences=["3-6", "6-11"],
        sectors=["education", "sante"],
    ),
    _action(
        "1.3",
        1,
        "Sécuriser les abords des écoles",
        "Des trottoirs plus larges, des barrières et des passages piétons rendent le chemin de l'école "
        "plus sûr. Les parents sont consultés avant les travaux.",
        "Chaque année, plusieurs abords d'écoles sont réaménagés : rues apaisées aux heures d'entrée et de "
        "sortie, signalisation, stationnement des vélos. Les conseils d'école sont consultés sur les "
        "priorités.",
        "ivry-batiments-espaces-publics",
        S.IN_PROGRESS,
        45,
        D(2023, 9, 1),
        D(2026, 8, 31),
        180000,
        contact="batiments",
        partners=[("ivry-direction-enfance-education", R.PARTNER)],
        audiences=["3-6", "6-11", "parents"],
        sectors=["urbanisme"],
    ),
    _action(
        "1.4",
        1,
        "Des cours d'école plus vertes et plus fraîches",
        "Le bitume des cours est remplacé par de la terre, des arbres et des plantes. "
        "Les enfants ont plus d'ombre l'été et plus d'espaces pour jouer ensemble.",
        "Après les deux cours de l'école Rosalind-Franklin, les cours des écoles Jacques-Solomon, "
        "Joliot-Curie et Einstein reçoivent de nouveaux aménagements végétalisés. Les enfants et les "
        "équipes sont associés à la conception. Les sols désimperméabilisés limitent aussi les îlots "
        "de chaleur.",
        "ivry-batiments-espaces-publics",
        S.IN_PROGRESS,
        60,
        D(2023, 9, 1),
        D(2026, 8, 31),
        420000,
        contact="batiments",
        cofunder="departement-val-de-marne",
        partners=[
            ("ecole-rosalind-franklin", R.PARTNER),
            ("ecole-jacques-solomon", R.PARTNER),
            ("departement-val-de-marne", R.FUNDER),
        ],
        audiences=["3-6", "6-11"],
        neighbourhoods=["centre-ville", "gagarine-truillot", "petit-ivry"],
        sectors=["urbanisme", "education"],
    ),
    _action(
        "1.5",
        2,
        "Des garderies éphémères pour souffler et faire ses démarches",
        "Les parents peuvent confier leur jeune enfant quelques heures à des professionnels. "
        "Ils ont du temps pour une démarche, un rendez-vous ou pour eux-mêmes.",
        "Trois garderies éphémères fonctionnent en lien avec les dispositifs d'accompagnement des "
        "familles. Elles accueillent les enfants pendant que les parents effectuent des démarches "
        "administratives ou participent à un atelier. L'accueil est gratuit et sur inscription.",
        "ivry-direction-petite-enfance",
        S.DONE,
        100,
        D(2023, 9, 1),
        D(2025, 6, 30),
        30000,
        contact="petite-enfance",
        cofunder="caf-val-de-marne",
        partners=[("ivry-ccas", R.PARTNER), ("caf-val-de-marne", R.FUNDER)],
        audiences=["0-3", "parents"],
        neighbourhoods=PRIORITY,
        sectors=["petite-enfance", "action-sociale"],
    ),
    _action(
        "1.6",
        2,
        "Plus de places en crèche, attribuées de façon transparente",
        "La ville compte 237 places en crèche municipale. Elle a racheté la crèche Madeleine-Brès. "
        "Les places sont données avec des points : chaque famille sait comment sa demande est étudiée.",
        "L'acquisition de la crèche Madeleine-Brès en 2023, pour 1,2 million d'euros, a porté l'offre "
        "municipale à 237 places. Une grille de cotation par points, publiée, rend l'attribution des "
        "places lisible pour les familles. La CAF du Val-de-Marne suit l'évolution de l'offre.",
        "ivry-direction-petite-enfance",
        S.DONE,
        100,
        D(2023, 1, 1),
        D(2023, 12, 31),
        1200000,
        contact="petite-enfance",
        cofunder="caf-val-de-marne",
        partners=[("caf-val-de-marne", R.FUNDER), ("departement-val-de-marne", R.PARTNER)],
        audiences=["0-3", "parents"],
        sectors=["petite-enfance"],
    ),
    _action(
        "1.7",
        2,
        "ACADAM : une aide pour payer l'assistant·e maternel·le",
        "Les familles qui font garder leur enfant par un·e assistant·e maternel·le peuvent recevoir une aide "
        "de la ville. Son montant dépend des revenus de la famille.",
        "Créée en 2021, l'aide communale ACADAM réduit le reste à charge des familles employant un·e "
        "assistant·e maternel·le agréé·e. Elle complète les aides de la CAF et est calculée selon le "
        "quotient familial.",
        "ivry-direction-petite-enfance",
        S.IN_PROGRESS,
        80,
        D(2021, 1, 1),
        D(2026, 8, 31),
        150000,
        contact="petite-enfance",
        partners=[("caf-val-de-marne", R.PARTNER)],
        audiences=["0-3", "parents"],
        sectors=["petite-enfance", "action-sociale"],
    ),
    _action(
        "1.8",
        3,
        "Le Petit Robespierre : les animateurs se forment entre collègues",
        "Le Petit Robespierre est un lieu où les animateurs de la ville apprennent ensemble. "
        "Ils partagent leurs idées pour mieux accueillir les enfants après l'école.",
        "Centre de ressources unique en son genre, Le Petit Robespierre propose aux animateurs une "
        "formation continue entre pairs tout au long de leur carrière. Il renforce le lien entre écoles "
        "et centres de loisirs et contribue au bien-être des enfants.",
        "ivry-petit-robespierre",
        S.IN_PROGRESS,
        65,
        D(2023, 9, 1),
        D(2026, 8, 31),
        60000,
        contact="robespierre",
        partners=[("ien-ivry-sur-seine", R.PARTNER), ("caf-val-de-marne", R.FUNDER)],
        audiences=["professionnels"],
        sectors=["education"],
        cofunder="caf-val-de-marne",
    ),
    _action(
        "1.9",
        3,
        "Des projets communs entre enseignants et animateurs",
        "Enseignants et animateurs préparent ensemble des projets pour les enfants. "
        "Ce qui est appris en classe continue au centre de loisirs.",
        "Chaque groupe scolaire construit au moins un projet partagé par an entre l'équipe enseignante et "
        "l'équipe d'animation. Des temps de concertation communs sont prévus dans le calendrier.",
        "ivry-direction-enfance-education",
        S.VALIDATED,
        10,
        D(2024, 9, 1),
        D(2026, 8, 31),
        15000,
        contact="dee",
        partners=[("ien-ivry-sur-seine", R.CO_PILOT)],
        audiences=["6-11", "professionnels"],
        sectors=["education"],
    ),
    # Axis 2: S'engager pour la jeunesse
    _action(
        "2.1",
        4,
        "400 collégiens en stage dans les services de la ville",
        "Chaque année, la ville accueille 400 collégiens pour leur stage de troisième. "
        "Ils découvrent des métiers variés, même sans réseau familial.",
        "Les services municipaux proposent des stages d'observation aux élèves de troisième, en priorité "
        "à ceux qui n'ont pas trouvé de lieu d'accueil. Un tuteur accompagne chaque stagiaire.",
        "ivry-direction-jeunesse",
        S.IN_PROGRESS,
        75,
        D(2023, 9, 1),
        D(2026, 8, 31),
        12000,
        contact="jeunesse",
        partners=[
            ("college-georges-politzer", R.PARTNER),
            ("college-moliere", R.PARTNER),
            ("college-romain-rolland", R.PARTNER),
            ("college-gisele-halimi", R.PARTNER),
        ],
        audiences=["11-15"],
        sectors=["jeunesse", "insertion"],
    ),
    _action(
        "2.2",
        4,
        "Coreus et Coup de pouce : aider les jeunes à réussir leurs projets",
        "Un jeune qui a un projet d'études, de formation ou d'engagement peut demander une aide. "
        "Un professionnel l'accompagne du début à la fin.",
        "Le contrat de réussite solidaire (Coreus) et l'aide aux projets Coup de pouce accompagnent les "
        "jeunes par une aide financière et un suivi individuel. 175 jeunes en ont bénéficié depuis le début "
        "du mandat.",
        "ivry-direction-jeunesse",
        S.IN_PROGRESS,
        60,
        D(2021, 1, 1),
        D(2026, 8, 31),
        50000,
        contact="jeunesse",
        partners=[("mission-locale-ivry-vitry", R.PARTNER)],
        audiences=["16-25"],
        sectors=["jeunesse", "insertion"],
    ),
    _action(
        "2.3",
        4,
        "Ouvrir la Maison de la jeunesse pour les 11-30 ans",
        "La Maison de la jeunesse est un lieu pour les jeunes de 11 à 30 ans. "
        "On peut y être écouté, trouver de l'aide pour ses projets et participer à des activités.",
        "Ouverte en 2024, la Maison de la jeunesse regroupe l'information jeunesse, l'accompagnement de "
        "projets et des activités. Elle accueille aussi des permanences de partenaires.",
        "ivry-direction-jeunesse",
        S.DONE,
        100,
        D(2023, 1, 1),
        D(2024, 12, 31),
        250000,
        contact="jeunesse",
        cofunder="caf-val-de-marne",
        partners=[("mission-locale-ivry-vitry", R.PARTNER), ("caf-val-de-marne", R.FUNDER)],
        audiences=["11-15", "16-25"],
        sectors=["jeunesse"],
    ),
    _action(
        "2.4",
        4,
        "Tut-tut : préparer le code de la route en stage intensif",
        "Les jeunes préparent l'examen du code de la route pendant un stage court et intensif. "
        "Le permis aide à trouver un emploi ou une formation.",
        "Le dispositif Tut-tut, lancé en 2022, propose des stages intensifs de préparation au code. "
        "172 jeunes en ont bénéficié. Une participation modeste est demandée selon le quotient familial.",
        "ivry-direction-jeunesse",
        S.IN_PROGRESS,
        70,
        D(2022, 1, 1),
        D(2026, 8, 31),
        25000,
        contact="jeunesse",
        partners=[("mission-locale-ivry-vitry", R.OPERATOR)],
        audiences=["16-25"],
        sectors=["jeunesse", "insertion"],
    ),
    _action(
        "2.5",
        5,
        "Fêter les diplômes à l'hôtel de ville",
        "Les jeunes qui ont obtenu un diplôme sont invités à une cérémonie à l'hôtel de ville. "
        "C'est un moment pour les féliciter avec leur famille.",
        "Depuis 2023, des cérémonies de remise des diplômes (brevet, CAP, baccalauréat) réunissent les "
        "jeunes diplômés et leurs proches. 1 754 jeunes y ont été accueillis.",
        "ivry-direction-jeunesse",
        S.IN_PROGRESS,
        80,
        D(2023, 6, 1),
        D(2026, 8, 31),
        18000,
        contact="jeunesse",
        partners=[("dsden-val-de-marne", R.PARTNER)],
        audiences=["11-15", "16-25", "parents"],
        sectors=["jeunesse", "education"],
    ),
    _action(
        "2.6",
        4,
        "Partir en séjour avec des festivals et des lieux culturels",
        "Des jeunes partent en vacances avec des partenaires culturels, par exemple un festival de musique. "
        "Ils découvrent d'autres villes et d'autres métiers.",
        "Des séjours sont organisés avec les Francofolies de La Rochelle, la Cité internationale de la bande "
        "dessinée d'Angoulême ou les Rencontres photographiques d'Arles. Le séjour de l'été 2025 a été "
        "reporté faute d'hébergement disponible.",
        "ivry-direction-jeunesse",
        S.POSTPONED,
        30,
        D(2024, 7, 1),
        D(2026, 8, 31),
        35000,
        contact="jeunesse",
        partners=[("ivry-direction-culture", R.CO_PILOT)],
        audiences=["11-15", "16-25"],
        sectors=["jeunesse", "culture"],
    ),
    # Axis 3: Promouvoir la culture
    _action(
        "3.1",
        6,
        "Un spectacle et un film par an pour chaque classe",
        "Chaque année, toutes les classes de la petite section au CM2 vont voir une pièce de théâtre et un "
        "film. Les sorties sont gratuites pour les familles.",
        "Le parcours culturel s'appuie sur le théâtre Antoine-Vitez et le cinéma municipal Le Luxy. Les "
        "enseignants reçoivent des ressources pour préparer la sortie et en parler en classe.",
        "ivry-direction-culture",
        S.IN_PROGRESS,
        80,
        D(2023, 9, 1),
        D(2026, 8, 31),
        70000,
        contact="culture",
        partners=[
            ("ivry-theatre-antoine-vitez", R.OPERATOR),
            ("ivry-cinema-le-luxy", R.OPERATOR),
            ("ien-ivry-sur-seine", R.PARTNER),
        ],
        audiences=["3-6", "6-11"],
        sectors=["culture", "education"],
    ),
    _action(
        "3.2",
        6,
        "Musique et danse avec le conservatoire pour les CP",
        "Les élèves de CP font de la musique et de la danse avec les professeurs du conservatoire. "
        "Ils montent un petit spectacle en fin d'année.",
        "Des professeurs du conservatoire municipal interviennent chaque semaine dans les classes de CP. "
        "Le parcours se termine par une restitution ouverte aux familles.",
        "ivry-conservatoire",
        S.IN_PROGRESS,
        70,
        D(2023, 9, 1),
        D(2026, 8, 31),
        45000,
        contact="culture",
        partners=[("ien-ivry-sur-seine", R.PARTNER)],
        audiences=["6-11"],
        sectors=["culture"],
    ),
    _action(
        "3.3",
        6,
        "Lire avec les médiathèques en CE1",
        "Les élèves de CE1 vont régulièrement à la médiathèque. Ils empruntent des livres et rencontrent "
        "des auteurs.",
        "Les médiathèques municipales accueillent toutes les classes de CE1 pour un cycle autour de la "
        "lecture : découverte des lieux, lectures à voix haute, rencontre d'un auteur ou d'une autrice.",
        "ivry-mediatheques",
        S.IN_PROGRESS,
        75,
        D(2023, 9, 1),
        D(2026, 8, 31),
        20000,
        contact="mediatheques",
        partners=[("ien-ivry-sur-seine", R.PARTNER)],
        audiences=["6-11"],
        sectors=["culture", "education"],
    ),
    _action(
        "3.4",
        6,
        "Arts plastiques à la galerie Fernand-Léger en CE2",
        "Les élèves de CE2 découvrent des œuvres à la galerie municipale. "
        "Ensuite, ils créent leurs propres œuvres avec un artiste.",
        "La galerie municipale Fernand-Léger propose aux classes de CE2 une visite d'exposition suivie "
        "d'ateliers de pratique. Les œuvres des élèves sont exposées en fin d'année.",
        "ivry-galerie-fernand-leger",
        S.IN_PROGRESS,
        65,
        D(2023, 9, 1),
        D(2026, 8, 31),
        25000,
        contact="culture",
        audiences=["6-11"],
        sectors=["culture"],
    ),
    _action(
        "3.5",
        6,
        "Sciences et techniques pour les CM1",
        "Les élèves de CM1 font des expériences et rencontrent des chercheurs. "
        "Ils découvrent que la science est aussi pour eux.",
        "La mission municipale de culture scientifique et technique organise pour les CM1 des ateliers "
        "d'expérimentation et des rencontres avec des scientifiques.",
        "ivry-mission-culture-scientifique",
        S.VALIDATED,
        20,
        D(2024, 9, 1),
        D(2026, 8, 31),
        18000,
        partners=[("cnrs", R.PARTNER)],
        audiences=["6-11"],
        sectors=["culture", "education"],
    ),
    _action(
        "3.6",
        7,
        "Jumeler chaque collège avec un lieu culturel de la ville",
        "Chaque collège travaille avec un lieu culturel : le cinéma, le conservatoire ou la galerie. "
        "Les collégiens y vont plusieurs fois dans l'année.",
        "En complément de la classe à horaires aménagés musique du collège Georges-Politzer, le collège "
        "Molière est jumelé avec le cinéma Le Luxy et le collège Romain-Rolland mène un projet d'arts "
        "plastiques. Trois collégiens sur quatre bénéficient d'une intervention culturelle municipale.",
        "ivry-direction-culture",
        S.IN_PROGRESS,
        75,
        D(2023, 9, 1),
        D(2026, 8, 31),
        40000,
        contact="culture",
        partners=[
            ("college-georges-politzer", R.PARTNER),
            ("college-moliere", R.PARTNER),
            ("college-romain-rolland", R.PARTNER),
            ("ivry-cinema-le-luxy", R.OPERATOR),
        ],
        audiences=["11-15"],
        sectors=["culture", "education"],
    ),
    _action(
        "3.7",
        7,
        "Radio Cartable : les écoliers font leur émission",
        "Des élèves d'école élémentaire préparent et animent une émission de radio. "
        "Ils apprennent à parler en public et à écrire pour être écoutés.",
        "Radio Cartable diffuse chaque jeudi une émission préparée par les élèves. L'outil donne confiance "
        "aux enfants et les fait travailler l'oral et l'écrit dans une situation réelle.",
        "ivry-direction-enfance-education",
        S.IN_PROGRESS,
        85,
        D(2023, 9, 1),
        D(2026, 8, 31),
        22000,
        contact="dee",
        partners=[("ien-ivry-sur-seine", R.PARTNER)],
        audiences=["6-11"],
        sectors=["culture", "education"],
    ),
    _action(
        "3.8",
        7,
        "Un bus culturel itinérant dans les quartiers",
        "Un bus devait apporter des livres et des ateliers au pied des immeubles. "
        "Le projet est arrêté : les moyens vont aux parcours culturels dans les écoles.",
        "Le comité de pilotage a décidé en décembre 2024 d'arrêter ce projet, jugé trop coûteux au regard "
        "des parcours existants. Les crédits prévus ont été redéployés vers l'action 3.5.",
        "ivry-direction-culture",
        S.ABANDONED,
        0,
        D(2024, 1, 1),
        D(2025, 12, 31),
        30000,
        audiences=["6-11", "parents"],
        neighbourhoods=PRIORITY,
        sectors=["culture"],
    ),
    # Axis 4: Encourager le sport
    _action(
        "4.1",
        8,
        "Ivry aime le sport : des activités encadrées pour les jeunes",
        "Les jeunes s'inscrivent à des activités sportives encadrées pendant l'année et les vacances. "
        "Le prix dépend des revenus de la famille.",
        "Le dispositif Ivry aime le sport compte 330 jeunes inscrits. Les éducateurs sportifs de la ville "
        "proposent des cycles de découverte et orientent les jeunes vers les clubs.",
        "ivry-direction-sports",
        S.IN_PROGRESS,
        70,
        D(2023, 9, 1),
        D(2026, 8, 31),
        85000,
        contact="sports",
        partners=[("clubs-sportifs-ivryens", R.PARTNER)],
        audiences=["6-11", "11-15"],
        sectors=["sport"],
    ),
    _action(
        "4.2",
        8,
        "Un nouvel équipement sportif chaque année",
        "La ville construit un équipement sportif par an : gymnase, citystade, salle d'escalade. "
        "Les écoles, les clubs et les habitants peuvent les utiliser.",
        "Gymnases Alice-Milliat (2021) et Micheline-Ostermeyer (2022), citystade Spinogag (2022), salle "
        "d'escalade et équipements du collège Gisèle-Halimi (2023), espaces de crossfit (2023-2025) : "
        "chaque année du mandat voit un équipement nouveau.",
        "ivry-batiments-espaces-publics",
        S.DONE,
        100,
        D(2021, 1, 1),
        D(2025, 6, 30),
        900000,
        partners=[("ivry-direction-sports", R.CO_PILOT), ("departement-val-de-marne", R.FUNDER)],
        audiences=["11-15", "16-25"],
        sectors=["sport", "urbanisme"],
        cofunder="departement-val-de-marne",
    ),
    _action(
        "4.3",
        9,
        "448 billets pour voir les épreuves olympiques",
        "La ville a offert 448 billets à des jeunes Ivryens pour assister aux Jeux olympiques. "
        "Beaucoup voyaient du sport de haut niveau pour la première fois.",
        "Labellisée « Terre de jeux » et centre de préparation, la ville a distribué 448 billets à des "
        "jeunes, choisis avec les clubs, les centres de loisirs et la Maison de la jeunesse.",
        "ivry-direction-sports",
        S.DONE,
        100,
        D(2024, 1, 1),
        D(2024, 9, 8),
        20000,
        contact="sports",
        partners=[("paris-2024", R.PARTNER), ("ivry-direction-jeunesse", R.PARTNER)],
        audiences=["11-15", "16-25"],
        sectors=["sport"],
    ),
    _action(
        "4.4",
        9,
        "Jooks : des parcours sportifs pour découvrir la ville",
        "Une application propose des parcours à faire à pied ou en courant dans Ivry. "
        "Elle est gratuite et compte 1 700 utilisateurs par an.",
        "L'application Jooks référence des parcours d'activité physique et de découverte du patrimoine. "
        "De nouveaux parcours sont créés avec les jeunes de la Maison de la jeunesse.",
        "ivry-direction-sports",
        S.IN_PROGRESS,
        50,
        D(2023, 9, 1),
        D(2026, 8, 31),
        8000,
        audiences=["11-15", "16-25", "parents"],
        sectors=["sport", "numerique"],
    ),
    _action(
        "4.5",
        8,
        "Rénover le gymnase Auguste-Delaune",
        "Le gymnase Auguste-Delaune sera rénové et accessible à tous. "
        "Les travaux sont repoussés après l'incendie de 2025.",
        "La rénovation énergétique et la mise en accessibilité du gymnase, prévues en 2025, sont reportées "
        "à 2025-2026 pour intégrer la remise en état après l'incendie.",
        "ivry-batiments-espaces-publics",
        S.POSTPONED,
        15,
        D(2025, 9, 1),
        D(2026, 12, 31),
        600000,
        partners=[("ivry-direction-sports", R.PARTNER)],
        audiences=["11-15", "16-25"],
        neighbourhoods=["centre-ville"],
        sectors=["sport", "urbanisme"],
    ),
    # Axis 5: Défendre la santé
    _action(
        "5.1",
        10,
        "Installer le CMPP dans l'ancienne école Danielle-Casanova",
        "Le CMPP soigne les enfants qui ont des difficultés psychologiques ou d'apprentissage. "
        "Il s'installe dans des locaux rénovés et plus grands, avec de nouveaux soignants.",
        "La ville investit 500 000 € pour reloger le centre médico-psycho-pédagogique dans les locaux "
        "rénovés de l'école Danielle-Casanova à partir d'octobre 2025. Une unité de soins précoces "
        "parents-bébé est créée, ainsi qu'un repérage précoce de l'autisme.",
        "ivry-direction-sante",
        S.IN_PROGRESS,
        55,
        D(2024, 9, 1),
        D(2026, 8, 31),
        250000,
        contact="sante",
        partners=[("cmpp-ivry", R.OPERATOR), ("ivry-batiments-espaces-publics", R.PARTNER)],
        audiences=["0-3", "3-6", "6-11", "parents"],
        sectors=["sante"],
    ),
    _action(
        "5.2",
        10,
        "Échappées inattendues : parler de santé avec les jeunes",
        "Des ateliers et des rencontres pour parler de santé mentale, d'alimentation et d'environnement. "
        "Des chercheurs viennent répondre aux questions des jeunes.",
        "Le projet « Échappées inattendues » associe les médiathèques, la mission de culture scientifique "
        "et le CNRS pour aborder la santé sous toutes ses formes avec les jeunes.",
        "ivry-mediatheques",
        S.IN_PROGRESS,
        40,
        D(2024, 9, 1),
        D(2026, 6, 30),
        15000,
        contact="mediatheques",
        partners=[
            ("ivry-mission-culture-scientifique", R.CO_PILOT),
            ("cnrs", R.PARTNER),
            ("ivry-direction-sante", R.PARTNER),
        ],
        audiences=["11-15", "16-25"],
        sectors=["sante", "culture"],
    ),
    _action(
        "5.3",
        11,
        "Des protections périodiques gratuites pour les jeunes",
        "Des distributeurs gratuits de protections périodiques sont installés dans des lieux publics. "
        "Aucune jeune fille ne doit manquer l'école faute de protections.",
        "Des distributeurs équipent la Maison de la jeunesse, le cinéma Le Luxy et le CCAS ; le centre "
        "municipal de santé suivra.",
        "ivry-direction-sante",
        S.IN_PROGRESS,
        75,
        D(2024, 3, 1),
        D(2025, 12, 31),
        10000,
        contact="sante",
        partners=[("ivry-direction-jeunesse", R.PARTNER), ("ivry-ccas", R.PARTNER)],
        audiences=["11-15", "16-25"],
        sectors=["sante"],
    ),
    _action(
        "5.4",
        11,
        "Renforcer le centre municipal de santé",
        "Le centre municipal de santé accueille de nouveaux médecins et de nouvelles spécialités. "
        "Les familles se soignent près de chez elles, sans dépassement d'honoraires.",
        "Recrutement de trois médecins généralistes et deux chirurgiens-dentistes, ouverture de "
        "consultations de dermatologie, cardiologie, orthoptie et podologie.",
        "ivry-centre-municipal-sante",
        S.VALIDATED,
        30,
        D(2024, 1, 1),
        D(2026, 8, 31),
        320000,
        contact="sante",
        partners=[("departement-val-de-marne", R.PARTNER)],
        audiences=["parents", "16-25"],
        sectors=["sante"],
    ),
    _action(
        "5.5",
        11,
        "Les jeunes mobilisés pour les campagnes de prévention",
        "Pendant Octobre rose ou le mois sans tabac, des actions sont faites avec et pour les jeunes. "
        "Chacun peut s'informer et se faire dépister.",
        "La direction de la santé relaie les campagnes nationales auprès des jeunes, avec la Maison de la "
        "jeunesse et les collèges.",
        "ivry-direction-sante",
        S.DONE,
        100,
        D(2023, 10, 1),
        D(2024, 11, 30),
        6000,
        audiences=["16-25", "parents"],
        sectors=["sante"],
    ),
    # Proposals not yet validated by the COPIL: drafts, hidden from anonymous visitors.
    _action(
        "1.10",
        3,
        "Un accueil adapté pour les enfants récemment arrivés en France",
        "Les enfants arrivés depuis peu en France ont un accueil adapté à l'école et au centre de loisirs. "
        "Leurs parents sont accompagnés dans leurs démarches.",
        "Proposition issue des ateliers : s'appuyer sur l'expérience de l'école qui accueille les enfants "
        "du centre d'hébergement d'urgence pour former les équipes à la pédagogie d'urgence.",
        "ivry-direction-enfance-education",
        S.PROPOSED,
        0,
        D(2025, 9, 1),
        D(2026, 8, 31),
        12000,
        contact="dee",
        partners=[("ien-ivry-sur-seine", R.CO_PILOT)],
        audiences=["6-11", "parents"],
        sectors=["education", "action-sociale"],
    ),
    _action(
        "2.7",
        5,
        "Un conseil des jeunes Ivryens",
        "Des jeunes de 13 à 18 ans se réunissent pour donner leur avis sur les projets de la ville. "
        "Ils peuvent aussi proposer leurs propres idées.",
        "Proposition en cours d'étude : un conseil de jeunes élus dans les collèges et les lycées, "
        "accompagné par la Maison de la jeunesse.",
        "ivry-direction-jeunesse",
        S.PROPOSED,
        0,
        D(2025, 9, 1),
        D(2026, 8, 31),
        10000,
        contact="jeunesse",
        audiences=["11-15", "16-25"],
        sectors=["jeunesse"],
    ),
    _action(
        "4.6",
        8,
        "Un nouvel équipement nautique",
        "La ville veut construire une nouvelle piscine. "
        "Les écoles pourront y emmener les élèves apprendre à nager.",
        "Projet d'équipement nautique dont les travaux pourraient démarrer en 2026 ; le programme et le "
        "plan de financement sont à l'étude.",
        "ivry-batiments-espaces-publics",
        S.PROPOSED,
        0,
        D(2026, 1, 1),
        D(2026, 8, 31),
        500000,
        partners=[("ivry-direction-sports", R.PARTNER)],
        audiences=["6-11", "11-15"],
        sectors=["sport"],
    ),
]

YEARS = ["2021", "2022", "2023", "2024", "2025"]
SCHOOL_YEARS = ["2020-2021", "2021-2022", "2022-2023", "2023-2024", "2024-2025"]


def _series(periods, values):
    return list(zip(periods, [Decimal(v) for v in values], strict=True))


INDICATORS = [
    {
        "code": "IND-01",
        "name": "Places en crèche municipale",
        "unit": "places",
        "source": "caf-val-de-marne",
        "definition": "Nombre de places d'accueil collectif en crèche municipale au 31 décembre, selon le "
        "recensement de la CAF.",
        "baseline": (Decimal(215), "2021"),
        "target": (Decimal(250), "2026"),
        "orientations": [2],
        "actions": ["1.6"],
        "values": _series(YEARS, [215, 215, 237, 237, 237]),
    },
    {
        "code": "IND-02",
        "name": "Collégiens bénéficiant d'une intervention culturelle municipale",
        "unit": "%",
        "source": "ivry-direction-culture",
        "frequency": Frequency.SCHOOL_YEAR,
        "definition": "Part des collégiens ivryens ayant suivi au moins une intervention culturelle "
        "municipale dans l'année scolaire.",
        "baseline": (Decimal(52), "2020-2021"),
        "target": (Decimal(90), "2025-2026"),
        "orientations": [7],
        "actions": ["3.6"],
        "values": _series(SCHOOL_YEARS, [52, 58, 66, 71, 75]),
    },
    {
        "code": "IND-03",
        "name": "Élèves inscrits au conservatoire",
        "unit": "élèves",
        "source": "ivry-conservatoire",
        "frequency": Frequency.SCHOOL_YEAR,
        "definition": "Nombre d'élèves inscrits au conservatoire municipal de musique et de danse.",
        "baseline": (Decimal(790), "2020-2021"),
        "target": (Decimal(850), "2025-2026"),
        "orientations": [6, 7],
        "actions": ["3.2"],
        "values": _series(SCHOOL_YEARS, [790, 805, 812, 824, 830]),
    },
    {
        "code": "IND-04",
        "name": "Élèves de l'école d'arts plastiques",
        "unit": "élèves",
        "source": "ivry-galerie-fernand-leger",
        "frequency": Frequency.SCHOOL_YEAR,
        "definition": "Nombre d'inscrits à l'école d'arts plastiques de la galerie Fernand-Léger.",
        "baseline": (Decimal(205), "2020-2021"),
        "target": (Decimal(240), "2025-2026"),
        "orientations": [7],
        "actions": ["3.4"],
        "values": _series(SCHOOL_YEARS, [205, 212, 220, 226, 230]),
    },
    {
        "code": "IND-05",
        "name": "Spectateurs du cinéma Le Luxy",
        "unit": "spectateurs",
        "source": "ivry-cinema-le-luxy",
        "definition": "Entrées annuelles au cinéma municipal, hors séances scolaires.",
        "baseline": (Decimal(48000), "2021"),
        "target": (Decimal(80000), "2026"),
        "orientations": [7],
        "actions": ["3.1", "3.6"],
        "values": _series(YEARS, [48000, 66000, 72000, 75500, 77000]),
    },
    {
        "code": "IND-06",
        "name": "Usagers réguliers des médiathèques",
        "unit": "usagers",
        "source": "ivry-mediatheques",
        "definition": "Personnes ayant emprunté au moins un document dans l'année.",
        "baseline": (Decimal(5600), "2021"),
        "target": (Decimal(7000), "2026"),
        "orientations": [6],
        "actions": ["3.3"],
        "values": _series(YEARS, [5600, 5900, 6100, 6200, 6300]),
    },
    {
        "code": "IND-07",
        "name": "Prêts de documents des médiathèques",
        "unit": "prêts",
        "source": "ivry-mediatheques",
        "definition": "Nombre de prêts de documents enregistrés dans l'année.",
        "baseline": (Decimal(215000), "2021"),
        "target": (Decimal(250000), "2026"),
        "orientations": [6],
        "actions": ["3.3"],
        "values": _series(YEARS, [215000, 226000, 233000, 238000, 240000]),
    },
    {
        "code": "IND-08",
        "name": "Collégiens accueillis en stage dans les services municipaux",
        "unit": "stagiaires",
        "source": "ivry-direction-jeunesse",
        "frequency": Frequency.SCHOOL_YEAR,
        "definition": "Élèves de troisième accueillis pour leur stage d'observation.",
        "baseline": (Decimal(310), "2020-2021"),
        "target": (Decimal(400), "2025-2026"),
        "direction": Direction.STABLE,
        "orientations": [4],
        "actions": ["2.1"],
        "values": _series(SCHOOL_YEARS, [310, 350, 385, 400, 400]),
    },
    {
        "code": "IND-09",
        "name": "Jeunes inscrits à Ivry aime le sport",
        "unit": "jeunes",
        "source": "ivry-direction-sports",
        "frequency": Frequency.SCHOOL_YEAR,
        "definition": "Jeunes inscrits au dispositif dans l'année scolaire, au total et par quartier "
        "d'habitation.",
        "baseline": (Decimal(240), "2020-2021"),
        "target": (Decimal(400), "2025-2026"),
        "orientations": [8],
        "actions": ["4.1"],
        "values": _series(SCHOOL_YEARS, [240, 265, 290, 315, 330]),
        "by_neighbourhood": {
            "plateau-monmousseau": _series(SCHOOL_YEARS[-2:], [62, 70]),
            "gagarine-truillot": _series(SCHOOL_YEARS[-2:], [71, 74]),
            "pierre-et-marie-curie": _series(SCHOOL_YEARS[-2:], [48, 52]),
            "centre-ville": _series(SCHOOL_YEARS[-2:], [54, 55]),
        },
    },
    {
        "code": "IND-10",
        "name": "Bénéficiaires de Tut-tut depuis 2022",
        "unit": "jeunes",
        "source": "ivry-direction-jeunesse",
        "definition": "Nombre cumulé de jeunes ayant suivi un stage Tut-tut depuis son lancement.",
        "baseline": (Decimal(0), "2021"),
        "target": (Decimal(220), "2026"),
        "orientations": [4],
        "actions": ["2.4"],
        "values": _series(YEARS[1:], [41, 88, 131, 172]),
    },
    {
        "code": "IND-11",
        "name": "Billets pour les épreuves olympiques distribués aux jeunes",
        "unit": "billets",
        "source": "ivry-direction-sports",
        "frequency": Frequency.ONCE,
        "definition": "Billets offerts à des jeunes Ivryens pour les Jeux olympiques et paralympiques.",
        "target": (Decimal(400), "2024"),
        "orientations": [9],
        "actions": ["4.3"],
        "values": _series(["2023", "2024"], [0, 448]),
    },
    {
        "code": "IND-12",
        "name": "Jeunes accueillis aux cérémonies de remise des diplômes",
        "unit": "jeunes",
        "source": "ivry-direction-jeunesse",
        "definition": "Nombre cumulé de jeunes diplômés accueillis à l'hôtel de ville depuis 2023.",
        "baseline": (Decimal(0), "2022"),
        "target": (Decimal(2000), "2026"),
        "orientations": [5],
        "actions": ["2.5"],
        "values": _series(YEARS[2:], [590, 1170, 1754]),
    },
    {
        "code": "IND-13",
        "name": "Jeunes accompagnés par Coreus et Coup de pouce",
        "unit": "jeunes",
        "source": "ivry-direction-jeunesse",
        "definition": "Nombre cumulé de jeunes accompagnés depuis 2021.",
        "baseline": (Decimal(0), "2020"),
        "target": (Decimal(200), "2026"),
        "orientations": [4],
        "actions": ["2.2"],
        "values": _series(YEARS, [30, 68, 104, 142, 175]),
    },
    {
        "code": "IND-14",
        "name": "Repas scolaires avec une alternative végétarienne",
        "unit": "%",
        "source": "ivry-restauration",
        "direction": Direction.STABLE,
        "definition": "Part des repas servis dans les restaurants scolaires proposant un plat végétarien.",
        "baseline": (Decimal(20), "2021"),
        "target": (Decimal(100), "2024"),
        "orientations": [1],
        "actions": ["1.2"],
        "values": _series(YEARS, [20, 20, 60, 100, 100]),
    },
    {
        "code": "IND-15",
        "name": "Cours d'école désimperméabilisées",
        "unit": "cours",
        "source": "ivry-batiments-espaces-publics",
        "definition": "Nombre cumulé de cours d'école dont le sol a été végétalisé.",
        "baseline": (Decimal(0), "2021"),
        "target": (Decimal(8), "2026"),
        "orientations": [1],
        "actions": ["1.4"],
        "values": _series(YEARS, [0, 1, 2, 4, 5]),
    },
    {
        "code": "IND-16",
        "name": "Utilisateurs de l'application Jooks",
        "unit": "utilisateurs",
        "source": "ivry-direction-sports",
        "definition": "Utilisateurs actifs de l'application dans l'année.",
        "baseline": (Decimal(600), "2022"),
        "target": (Decimal(2500), "2026"),
        "orientations": [9],
        "actions": ["4.4"],
        "values": _series(YEARS[1:], [600, 1100, 1500, 1700]),
    },
    # Not yet published: the figures are being checked with the schools.
    {
        "code": "IND-17",
        "name": "Classes ayant suivi le parcours culturel complet",
        "unit": "%",
        "source": "ivry-direction-culture",
        "frequency": Frequency.SCHOOL_YEAR,
        "public": False,
        "definition": "Part des classes ayant vu un spectacle et un film dans l'année (chiffres en cours de "
        "vérification).",
        "baseline": (Decimal(85), "2022-2023"),
        "target": (Decimal(100), "2025-2026"),
        "orientations": [6],
        "actions": ["3.1"],
        "values": _series(SCHOOL_YEARS[2:], [85, 92, 96]),
    },
    {
        "code": "IND-18",
        "name": "Délai d'attente pour un premier rendez-vous au CMPP",
        "unit": "mois",
        "source": "cmpp-ivry",
        "direction": Direction.DOWN,
        "public": False,
        "definition": "Délai moyen entre la demande et le premier rendez-vous.",
        "baseline": (Decimal(9), "2023"),
        "target": (Decimal(4), "2026"),
        "orientations": [10],
        "actions": ["5.1"],
        "values": _series(YEARS[2:], [9, 8, 7]),
    },
    # Qualitative indicators: counts alone miss the aims of the project.
    {
        "code": "QUAL-01",
        "name": "Complémentarité entre l'école et les temps de loisirs",
        "kind": IndicatorKind.QUALITATIVE,
        "source": "ivry-direction-enfance-education",
        "frequency": Frequency.SCHOOL_YEAR,
        "orientations": [3],
        "actions": ["1.8", "1.9"],
        "definition": "Appréciation du comité technique, à partir d'entretiens avec des enseignants, des "
        "animateurs et des parents.",
        "ratings": [
            (
                "2022-2023",
                Rating.UNSATISFACTORY,
                "Les équipes se croisent sans se parler ; peu de projets communs.",
            ),
            (
                "2023-2024",
                Rating.SATISFACTORY,
                "Des projets partagés dans la moitié des groupes scolaires ; "
                "les animateurs formés au Petit Robespierre en sont souvent à l'origine.",
            ),
            (
                "2024-2025",
                Rating.SATISFACTORY,
                "La dynamique s'étend, mais les temps de concertation restent difficiles à caler.",
            ),
        ],
    },
    {
        "code": "QUAL-02",
        "name": "Compréhension du projet éducatif par les familles",
        "kind": IndicatorKind.QUALITATIVE,
        "source": "ville-ivry-sur-seine",
        "frequency": Frequency.YEARLY,
        "orientations": [1, 5],
        "definition": "Appréciation issue de rencontres avec des parents élus et des "
        "associations de parents.",
        "ratings": [
            (
                "2023",
                Rating.VERY_UNSATISFACTORY,
                "Le document du précédent projet n'était pas connu des parents rencontrés.",
            ),
            (
                "2024",
                Rating.UNSATISFACTORY,
                "Les résumés en langage clair sont appréciés ; il faut les "
                "diffuser à l'école et pas seulement en ligne.",
            ),
            (
                "2025",
                Rating.SATISFACTORY,
                "Plus de la moitié des parents rencontrés savent citer une action qui concerne leur enfant.",
            ),
        ],
    },
    {
        "code": "QUAL-03",
        "name": "Bien-être des enfants dans les cours végétalisées",
        "kind": IndicatorKind.QUALITATIVE,
        "source": "ivry-batiments-espaces-publics",
        "frequency": Frequency.SCHOOL_YEAR,
        "orientations": [1],
        "actions": ["1.4"],
        "definition": "Appréciation tirée d'observations et de questionnaires auprès des élèves.",
        "ratings": [
            ("2023-2024", Rating.SATISFACTORY, "Les enfants jouent plus mélangés ; les conflits diminuent."),
            (
                "2024-2025",
                Rating.VERY_SATISFACTORY,
                "Cours plus fraîches pendant les fortes chaleurs de juin.",
            ),
        ],
    },
]

WORKSHOPS = [
    {
        "title": "Atelier de diagnostic : parcours de l'enfant et culture",
        "kind": WorkshopKind.DIAGNOSIS,
        "phase": "Diagnostic",
        "date": D(2023, 3, 14),
        "axis": 1,
        "participants": 34,
        "organisations": [
            "ivry-direction-enfance-education",
            "ien-ivry-sur-seine",
            "ivry-direction-culture",
            "ecole-rosalind-franklin",
        ],
        "objectives": "Partager les constats sur les temps de l'enfant et le parcours culturel.",
        "outcomes": "Demande de projets communs entre enseignants et animateurs ; élargir le parcours "
        "culturel à toutes les classes.",
    },
    {
        "title": "Atelier de diagnostic : jeunesse, sport et santé",
        "kind": WorkshopKind.DIAGNOSIS,
        "phase": "Diagnostic",
        "date": D(2023, 3, 21),
        "axis": 2,
        "participants": 27,
        "organisations": [
            "ivry-direction-jeunesse",
            "ivry-direction-sports",
            "ivry-direction-sante",
            "mission-locale-ivry-vitry",
            "college-moliere",
        ],
        "objectives": "Recenser les besoins des 11-25 ans.",
        "outcomes": "Besoin d'un lieu unique pour les jeunes ; santé mentale identifiée comme priorité.",
    },
    {
        "title": "Rencontre avec les parents d'élèves",
        "kind": WorkshopKind.PUBLIC,
        "phase": "Concertation",
        "date": D(2023, 4, 12),
        "participants": 41,
        "organisations": ["ville-ivry-sur-seine", "caf-val-de-marne"],
        "objectives": "Présenter les premières orientations et recueillir l'avis des familles.",
        "outcomes": "Les parents demandent des documents courts et clairs, et des modes de garde souples.",
    },
]

SWOT = [
    (1, SwotKind.STRENGTH, "Une tarification de toutes les activités au quotient familial.", None),
    (
        1,
        SwotKind.WEAKNESS,
        "Des enseignants et des animateurs qui ont peu de temps pour travailler ensemble.",
        "Atelier de diagnostic : parcours de l'enfant et culture",
    ),
    (1, SwotKind.OPPORTUNITY, "Un centre de formation des animateurs reconnu au-delà de la ville.", None),
    (1, SwotKind.THREAT, "Une forte croissance de la population qui impose de construire des écoles.", None),
    (2, SwotKind.STRENGTH, "Des dispositifs d'aide aux projets des jeunes bien identifiés.", None),
    (
        2,
        SwotKind.WEAKNESS,
        "Pas de lieu unique d'accueil des jeunes avant 2024.",
        "Atelier de diagnostic : jeunesse, sport et santé",
    ),
    (2, SwotKind.THREAT, "La difficulté des collégiens sans réseau à trouver un stage.", None),
    (
        3,
        SwotKind.STRENGTH,
        "Un réseau d'équipements culturels municipaux rare pour une ville de cette taille.",
        "Atelier de diagnostic : parcours de l'enfant et culture",
    ),
    (3, SwotKind.OPPORTUNITY, "Des résidences d'artistes dans les quartiers en mutation.", None),
    (4, SwotKind.STRENGTH, "Un nouvel équipement sportif livré chaque année.", None),
    (4, SwotKind.OPPORTUNITY, "L'élan des Jeux de Paris 2024 et le label « Terre de jeux ».", None),
    (4, SwotKind.THREAT, "La dissolution du club omnisports en 2024.", None),
    (
        5,
        SwotKind.WEAKNESS,
        "De longs délais d'attente pour les soins psychologiques des enfants.",
        "Atelier de diagnostic : jeunesse, sport et santé",
    ),
    (5, SwotKind.OPPORTUNITY, "La création d'une direction municipale de la santé.", None),
]

MEETINGS = [
    {
        "date": D(2023, 6, 29),
        "kind": MeetingKind.COPIL,
        "title": "Comité de pilotage d'adoption du PEDT",
        "location": "Hôtel de ville d'Ivry-sur-Seine",
        "minutes": "Le comité adopte le projet éducatif territorial 2023-2026 et ses onze orientations.",
        "decisions": [
            {
                "kind": DecisionKind.ADOPT_STRATEGY,
                "text": "Le projet éducatif territorial 2023-2026 est adopté ; il sera signé par la ville, "
                "l'Éducation nationale et la CAF.",
                "orientations": list(range(1, 12)),
            },
            {
                "kind": DecisionKind.VALIDATE_ACTIONS,
                "text": "Les actions des cinq axes sont validées, sauf les propositions encore à l'étude.",
                "actions": ["1.1", "1.2", "1.4", "1.6", "1.8", "2.1", "2.3", "3.1", "4.1", "5.1"],
            },
        ],
    },
    {
        "date": D(2024, 12, 12),
        "kind": MeetingKind.COPIL,
        "title": "Comité de pilotage : bilan d'étape 2024",
        "location": "Maison de la jeunesse",
        "minutes": "Bilan de la première année complète ; ajustements de la programmation 2025.",
        "decisions": [
            {
                "kind": DecisionKind.STOP_ACTIONS,
                "text": "Le bus culturel itinérant est abandonné ; le séjour culturel d'été est reporté.",
                "actions": ["3.8", "2.6"],
            },
            {
                "kind": DecisionKind.VALIDATE_ACTIONS,
                "text": "Les projets communs enseignants-animateurs et les ateliers scientifiques de CM1 "
                "sont validés.",
                "actions": ["1.9", "3.5"],
                "orientations": [3, 6],
            },
        ],
    },
]

SIGNATORIES = [
    ("ville-ivry-sur-seine", "Philippe Bouyssou", "Maire d'Ivry-sur-Seine"),
    (
        "dsden-val-de-marne",
        "Catherine Lefèvre",
        "Directrice académique des services de l'Éducation nationale du Val-de-Marne",
    ),
    ("caf-val-de-marne", "Marc Duval", "Directeur de la Caisse d'allocations familiales du Val-de-Marne"),
]


def load(ref):
    territory = load_territory(TERRITORY)
    organisations = load_organisations(ORGANISATIONS, ref)
    contacts = load_contacts(CONTACTS, organisations)
    neighbourhoods = load_neighbourhoods(territory, NEIGHBOURHOODS)
    loader = StrategyLoader(ref, territory, organisations, contacts, neighbourhoods, "IVRY-PEDT")
    loader.load_strategy(STRATEGY)
    loader.load_axes(AXES)
    loader.load_orientations(ORIENTATIONS)
    loader.load_actions(ACTIONS)
    loader.load_indicators(INDICATORS)
    loader.load_workshops(WORKSHOPS)
    loader.load_swot(SWOT)
    loader.load_meetings(MEETINGS)
    loader.load_signatories(SIGNATORIES)
    return loader
