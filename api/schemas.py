"""The open data's Table Schemas (https://specs.frictionlessdata.io/table-schema/), one place for the
columns of ``actions.csv``, ``beneficiaires.csv`` and ``indicateurs.csv``.

The CSV writers (``api.csv_rows``) write these columns in this order, the data package
(``datapackage.json``) declares them and the data dictionary page (``/donnees/``) documents them; a test
checks each file's header against its schema. Cells are written as ``shared.spreadsheets`` writes the
tables: codes and periods are text, dates ``2021-05-31``, decimals with a comma and no grouping
(``shared.formatting.cell_decimal``), lists joined with ``;``, choices by their French label.
"""

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from indicators.enums import Direction, Rating, Sex
from indicators.models import PERIOD_PATTERN
from strategy.enums import ActionStatus

#: How every file is written (``shared.spreadsheets.CSV_DIALECT``), in the terms of a CSV Dialect.
DIALECT = {"delimiter": ";", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True, "header": True}
#: UTF-8 with a byte order mark (so that Excel reads accents); frictionless skips the mark.
ENCODING = "utf-8"
DECIMAL = {"decimalChar": ",", "groupChar": ""}


TYPE_LABELS = {
    "string": _("texte"),
    "integer": _("nombre entier"),
    "number": _("nombre décimal à virgule, sans séparateur de milliers"),
    "date": _("date AAAA-MM-JJ"),
    "boolean": _("oui ou non"),
}


@dataclass(frozen=True)
class Column:
    """One column of a file: its header (``name``), what it holds and an example cell."""

    name: str
    title: str
    description: str
    type: str = "string"
    example: str = ""
    format: str = ""
    unit: str = ""
    constraints: dict = field(default_factory=dict)
    options: dict = field(default_factory=dict)  # decimalChar, trueValues…

    @property
    def type_label(self):
        """The type as the data dictionary page names it."""
        return TYPE_LABELS[self.type]

    @property
    def allowed(self):
        """The values a choice column may hold, else an empty list (French: the files' own words)."""
        with translation.override("fr"):
            return [str(label) for label in self.constraints.get("enum", [])]

    def descriptor(self):
        """The column as a Table Schema field."""
        descriptor = {"name": self.name, "title": str(self.title), "description": str(self.description)}
        descriptor["type"] = self.type
        if self.format:
            descriptor["format"] = self.format
        if self.unit:
            descriptor["unit"] = str(self.unit)
        # What the cells hold is French whatever the reader's language (the files are written in French,
        # ``api.opendata``): only the titles and descriptions above follow it.
        with translation.override("fr"):
            descriptor.update({key: _translated(value) for key, value in self.options.items()})
            if self.constraints:
                descriptor["constraints"] = {
                    key: _translated(value) for key, value in self.constraints.items()
                }
            if self.example and "decimalChar" not in self.options:
                # frictionless 5 reads a field's example without its decimalChar: the page shows those.
                descriptor["example"] = str(self.example)
        return descriptor

    @property
    def example_cell(self):
        """The example as the file writes it (in French)."""
        with translation.override("fr"):
            return str(self.example)


def _translated(value):
    """Lazy labels (a choice's label) as text of the active language."""
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return value


@dataclass(frozen=True)
class Table:
    """One CSV of the open data."""

    name: str  # the data package resource's name and the file's stem
    title: str
    description: str
    columns: tuple
    primary_key: tuple = ()
    foreign_keys: tuple = ()

    @property
    def filename(self):
        return f"{self.name}.csv"

    @property
    def headers(self):
        return [column.name for column in self.columns]

    def schema(self):
        """The Table Schema of the file."""
        schema = {"fields": [column.descriptor() for column in self.columns], "missingValues": [""]}
        if self.primary_key:
            schema["primaryKey"] = list(self.primary_key)
        if self.foreign_keys:
            schema["foreignKeys"] = [dict(key) for key in self.foreign_keys]
        return schema


def _labels(choices):
    return [label for _value, label in choices]


PERIOD = {"pattern": PERIOD_PATTERN.strip("^$")}
COUNT = {"minimum": 0}

ACTIONS = Table(
    name="actions",
    title=_("Les actions"),
    description=_("Les fiches actions publiées de la stratégie : une ligne par action."),
    columns=(
        Column(
            "Code",
            _("Code de l'action"),
            _("Identifie l'action dans la stratégie : du texte, « 2.10 » n'est pas « 2.1 »."),
            example="2.10",
            constraints={"required": True, "unique": True},
        ),
        Column("Titre", _("Titre"), _("Le titre de l'action."), example=_("Coup de pouce lecture")),
        Column("Axe", _("Axe"), _("Le numéro de l'axe de la stratégie."), "integer", "1", constraints=COUNT),
        Column(
            "Orientation",
            _("Orientation"),
            _("Le numéro de l'orientation de l'axe, vide si l'action n'en relève d'aucune."),
            "integer",
            "3",
            constraints=COUNT,
        ),
        Column(
            "Résumé", _("Résumé"), _("Deux ou trois phrases en langage clair."), example=_("Des ateliers …")
        ),
        Column("Description", _("Description"), _("La description détaillée."), example=_("Chaque semaine…")),
        Column(
            "Structure pilote",
            _("Structure pilote"),
            _("Le nom de l'organisation qui pilote l'action."),
            example=_("Ville d'Ivry-sur-Seine"),
        ),
        Column(
            "Partenaires",
            _("Partenaires"),
            _("Les organisations partenaires. Liste séparée par « ; »."),
            example=_("Caisse d'allocations familiales; Médiathèque"),
        ),
        Column(
            "Publics",
            _("Publics"),
            _("Les publics visés (tranches d'âge, parents…). Liste séparée par « ; »."),
            example=_("Élémentaire (6-11 ans); Parents"),
        ),
        Column(
            "Quartiers",
            _("Quartiers"),
            _("Les quartiers où l'action a lieu. Liste séparée par « ; »."),
            example=_("Quartiers sud"),
        ),
        Column(
            "Secteurs",
            _("Secteurs"),
            _("Les secteurs de l'action (scolaire, culture, sport…). Liste séparée par « ; »."),
            example=_("Culture; Scolaire"),
        ),
        Column(
            "Statut",
            _("Statut"),
            _("Où en est l'action."),
            example=ActionStatus.IN_PROGRESS.label,
            constraints={"enum": _labels(ActionStatus.choices)},
        ),
        Column(
            "Date de début", _("Date de début"), _("Au format AAAA-MM-JJ."), "date", "2025-09-01", "default"
        ),
        Column("Date de fin", _("Date de fin"), _("Au format AAAA-MM-JJ."), "date", "2026-07-04", "default"),
    ),
    primary_key=("Code",),
)

BENEFICIARIES = Table(
    name="beneficiaires",
    title=_("Les bénéficiaires des actions"),
    description=_(
        "Combien de personnes chaque action a touchées : une ligne par action et par année civile."
    ),
    columns=(
        Column(
            "Code action",
            _("Code de l'action"),
            _("Le code de l'action dans le fichier des actions (du texte)."),
            example="2.10",
            constraints={"required": True},
        ),
        Column("Année", _("Année"), _("L'année civile."), "integer", "2025", constraints={"required": True}),
        Column(
            "Bénéficiaires",
            _("Bénéficiaires"),
            _("Le nombre total de personnes touchées."),
            "integer",
            "120",
            unit=_("personnes"),
            constraints={**COUNT, "required": True},
        ),
        Column(
            "Filles", _("Filles"), _("Dont filles."), "integer", "61", unit=_("personnes"), constraints=COUNT
        ),
        Column(
            "Garçons",
            _("Garçons"),
            _("Dont garçons."),
            "integer",
            "55",
            unit=_("personnes"),
            constraints=COUNT,
        ),
        Column(
            "Sexe non renseigné",
            _("Sexe non renseigné"),
            _("Dont personnes dont le sexe n'est pas connu."),
            "integer",
            "4",
            unit=_("personnes"),
            constraints=COUNT,
        ),
        Column(
            "En QPV",
            _("En QPV"),
            _("Dont habitants d'un quartier prioritaire de la politique de la ville."),
            "integer",
            "80",
            unit=_("personnes"),
            constraints=COUNT,
        ),
        Column(
            "Hors QPV",
            _("Hors QPV"),
            _("Dont habitants hors des quartiers prioritaires."),
            "integer",
            "40",
            unit=_("personnes"),
            constraints=COUNT,
        ),
        Column(
            "Par public",
            _("Par public"),
            _("La répartition par public : « public : nombre », séparés par « ; »."),
            example=_("Maternelle (3-6 ans) : 12 ; Élémentaire (6-11 ans) : 30"),
        ),
    ),
    primary_key=("Code action", "Année"),
    foreign_keys=({"fields": ["Code action"], "reference": {"resource": "actions", "fields": ["Code"]}},),
)

#: The columns the open data adds to the « mesures » table: the indicator each value measures.
INDICATOR_COLUMNS = (
    Column(
        "Socle commun",
        _("Socle commun"),
        _("Si l'indicateur fait partie du socle commun suivi d'année en année."),
        "boolean",
        _("oui"),
        options={"trueValues": [_("oui")], "falseValues": [_("non")]},
    ),
    Column(
        "Intitulé",
        _("Intitulé de l'indicateur"),
        _("Ce que l'indicateur mesure."),
        example=_("Taux de réussite"),
    ),
    Column(
        "Unité",
        _("Unité"),
        _("L'unité des valeurs, de la référence et de la cible de l'indicateur."),
        example="%",
    ),
    Column(
        "Sens souhaité",
        _("Sens souhaité"),
        _("Le sens dans lequel l'indicateur doit évoluer."),
        example=Direction.UP.label,
        constraints={"enum": _labels(Direction.choices)},
    ),
    Column(
        "Valeur de référence",
        _("Valeur de référence"),
        _("La valeur de départ de l'indicateur, dans son unité."),
        "number",
        "72,50",
        options=DECIMAL,
    ),
    Column(
        "Période de référence",
        _("Période de référence"),
        _("La période de la valeur de référence."),
        example="2023-2024",
        constraints=PERIOD,
    ),
    Column("Cible", _("Cible"), _("La valeur visée, dans son unité."), "number", "80,00", options=DECIMAL),
    Column(
        "Échéance de la cible",
        _("Échéance de la cible"),
        _("La période à laquelle la cible doit être atteinte."),
        example="2027",
        constraints=PERIOD,
    ),
)

MEASUREMENTS = Table(
    name="indicateurs",
    title=_("Les valeurs des indicateurs"),
    description=_(
        "Les valeurs publiées des indicateurs : une ligne par indicateur, période, quartier, public et sexe, "
        "avec l'indicateur (intitulé, unité, sens, référence et cible) à côté de chaque valeur."
    ),
    columns=(
        Column(
            "Code indicateur",
            _("Code de l'indicateur"),
            _("Identifie l'indicateur dans la stratégie (du texte)."),
            example="I.2",
            constraints={"required": True},
        ),
        Column(
            "Période",
            _("Période"),
            _("Une année (2025), une année scolaire (2024-2025) ou un trimestre (2025-T2)."),
            example="2024-2025",
            constraints={**PERIOD, "required": True},
        ),
        Column(
            "Quartier",
            _("Quartier"),
            _("Le quartier de la valeur ; vide : tout le territoire."),
            example=_("Quartiers sud"),
        ),
        Column(
            "Public", _("Public"), _("Le public de la valeur ; vide : tous publics."), example=_("Parents")
        ),
        Column(
            "Sexe",
            _("Sexe"),
            _("Qui la valeur compte : filles, garçons ou l'ensemble."),
            example=Sex.ALL.label,
            constraints={"enum": _labels(Sex.choices)},
        ),
        Column(
            "Valeur",
            _("Valeur"),
            _("La valeur mesurée, dans l'unité de l'indicateur (colonne « Unité ») ; virgule décimale."),
            "number",
            "74,20",
            options=DECIMAL,
        ),
        Column(
            "Appréciation",
            _("Appréciation"),
            _("L'appréciation d'un indicateur qualitatif."),
            example=Rating.SATISFACTORY.label,
            constraints={"enum": _labels(Rating.choices)},
        ),
        Column("Commentaire", _("Commentaire"), _("Le commentaire qui accompagne la valeur.")),
        Column("Source", _("Source"), _("D'où vient la valeur."), example=_("Éducation nationale")),
        *INDICATOR_COLUMNS,
    ),
)

TABLES = (ACTIONS, BENEFICIARIES, MEASUREMENTS)


def table(name):
    """The open data table of that name (``actions``, ``beneficiaires``, ``indicateurs``), or None."""
    return next((table for table in TABLES if table.name == name), None)
