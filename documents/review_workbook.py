"""The year's revue de projet / bilan annuel as an editable draft: one sheet per theme of the State's
questionnaire, the figures as typed numbers with French formats and their totals as real formulas
(a spreadsheet that recalculates finds the same sums), the coordination's answer in a wide wrapped
cell to go on writing in. Built from ``documents.content_review``'s context, as the PDF is.
"""

import io

from django.utils.translation import gettext as _

from shared.sheet_writer import XLSX_FORMATS

FORMATS = {"amount": XLSX_FORMATS["amount"], "integer": "#,##0", "decimal": "#,##0.##", "text": "@"}
#: The answer's cell spans the table's columns, so the text reads as a paragraph.
ANSWER_COLUMNS = 6
COLUMN_WIDTHS = (44, 16, 16, 16, 16, 16, 16, 16, 16)


class ThemeSheet:
    """One sheet, written top to bottom: headings, tables with their total row, the answer."""

    def __init__(self, workbook, title, heading):
        from openpyxl.styles import Font

        self.sheet = workbook.create_sheet(title=title[:31])
        self.row = 1
        self.sheet.cell(row=1, column=1, value=heading).font = Font(bold=True, size=14)
        self.row = 3
        for index, width in enumerate(COLUMN_WIDTHS, 1):
            self.sheet.column_dimensions[self._letter(index)].width = width

    @staticmethod
    def _letter(column):
        from openpyxl.utils import get_column_letter

        return get_column_letter(column)

    def heading(self, text):
        from openpyxl.styles import Font

        self.sheet.cell(row=self.row, column=1, value=text).font = Font(bold=True, size=12)
        self.row += 1

    def note(self, text):
        from openpyxl.styles import Alignment

        cell = self.sheet.cell(row=self.row, column=1, value=text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        self.row += 2

    def table(self, headers, kinds, rows, *, total=None, row_sums=False):
        """Writes the header, the rows typed by ``kinds``, then (``total``: the columns to add up, by
        index) a « Total » row of ``SUM`` formulas over the rows above it. With ``row_sums``, the
        last column of each row is the ``SUM`` of its number columns (a count corrected by hand
        moves it)."""
        from openpyxl.styles import Alignment, Font

        for column, header in enumerate(headers, 1):
            cell = self.sheet.cell(row=self.row, column=column, value=header)
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True)
        self.row += 1
        first = self.row
        for values in rows:
            if row_sums:
                last = self._letter(len(values))
                values = [*values, f"=SUM(B{self.row}:{last}{self.row})"]
            for column, (value, kind) in enumerate(zip(values, kinds, strict=True), 1):
                if kind == "text" and value is not None and not isinstance(value, str):
                    value = str(value)  # a lazy label
                cell = self.sheet.cell(row=self.row, column=column, value=value)
                cell.number_format = FORMATS[kind]
                if kind == "text":
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
            self.row += 1
        if total is not None:
            self.sheet.cell(row=self.row, column=1, value=_("Total")).font = Font(bold=True)
            for index in total:
                letter = self._letter(index + 1)
                formula = f"=SUM({letter}{first}:{letter}{self.row - 1})" if rows else 0
                cell = self.sheet.cell(row=self.row, column=index + 1, value=formula)
                cell.number_format = FORMATS[kinds[index]]
                cell.font = Font(bold=True)
            self.row += 1
        self.row += 1

    def answer(self, theme):
        """The coordination's answer in one wrapped cell across the table's width (empty: to write)."""
        from openpyxl.styles import Alignment, Font

        self.sheet.cell(row=self.row, column=1, value=_("La réponse de la coordination")).font = Font(
            bold=True, size=12
        )
        self.row += 1
        cell = self.sheet.cell(row=self.row, column=1, value=theme.answer or None)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.number_format = "@"
        self.sheet.merge_cells(
            start_row=self.row, start_column=1, end_row=self.row, end_column=ANSWER_COLUMNS
        )
        # About 120 characters a line across the merged width; room left to write more.
        lines = max(6, sum(len(paragraph) // 110 + 1 for paragraph in (theme.answer or "").splitlines()) + 2)
        self.sheet.row_dimensions[self.row].height = 15 * lines
        self.row += 2


def _governance(sheet, context):
    governance = context["figures"].governance
    year = context["year"]
    sheet.heading(_("Les réunions de %(year)s et leurs décisions") % {"year": year})
    sheet.table(
        [_("Réunion"), _("Date"), _("Décisions"), _("Ce qui a été décidé")],
        ["text", "text", "integer", "text"],
        [
            [
                f"{meeting.get_kind_display()} — {meeting.title}",
                meeting.date.strftime("%d/%m/%Y"),
                len(meeting.year_decisions),
                "\n".join(f"{d.get_kind_display()} : {d.text}" for d in meeting.year_decisions),
            ]
            for meeting in governance.meetings
        ],
        total=[2],
    )
    sheet.heading(_("La participation des partenaires"))
    sheet.table(
        [_("Atelier"), _("Date"), _("Participants"), _("Structures présentes")],
        ["text", "text", "integer", "text"],
        [
            [
                workshop.title,
                workshop.date.strftime("%d/%m/%Y"),
                workshop.participants_count,
                ", ".join(organisation.name for organisation in workshop.present),
            ]
            for workshop in governance.workshops
        ],
        total=[2],
    )


def _deployment(sheet, context):
    deployment = context["figures"].deployment
    year = context["year"]
    sheet.heading(_("Les actions par axe et par statut"))
    statuses = deployment.statuses
    sheet.table(
        [_("Axe"), *(label for _value, label in statuses), _("Total")],
        ["text", *(["integer"] * (len(statuses) + 1))],
        [[f"{row.axis.number}. {row.axis.title}", *row.counts] for row in deployment.rows],
        total=list(range(1, len(statuses) + 2)),
        row_sums=True,
    )
    sheet.heading(_("Les actions en retard au %(date)s") % {"date": deployment.late_on.strftime("%d/%m/%Y")})
    sheet.table(
        [_("Action"), _("Pilote"), _("Statut"), _("Fin prévue")],
        ["text", "text", "text", "text"],
        [
            [
                f"{action.code} — {action.title}",
                action.pilot.name,
                action.get_status_display(),
                action.end_date.strftime("%d/%m/%Y") if action.end_date else "",
            ]
            for action in deployment.late
        ],
    )
    beneficiaries = deployment.beneficiaries
    sheet.heading(_("Les bénéficiaires de %(year)s") % {"year": year})
    for title, parts in (
        (_("Par sexe"), beneficiaries.by_sex),
        (_("Par quartier"), beneficiaries.by_place),
        (_("Par âge"), beneficiaries.by_audience),
    ):
        sheet.table(
            [title, _("Bénéficiaires")], ["text", "integer"], [list(part) for part in parts], total=[1]
        )
    sheet.table(
        [_("Ensemble"), _("Bénéficiaires"), _("Actions qui les comptent")],
        ["text", "integer", "integer"],
        [[_("Bénéficiaires de l'année"), beneficiaries.total, beneficiaries.actions]],
    )


def _financial(sheet, context):
    financial = context["figures"].financial
    year = context["year"]
    sheet.heading(_("L'enveloppe %(year)s par source de financement") % {"year": year})
    sheet.table(
        [_("Source"), _("Prévu"), _("Notifié"), _("Réalisé")],
        ["text", "amount", "amount", "amount"],
        [[row.label, row.planned, row.notified, row.executed] for row in financial.sources],
        total=[1, 2, 3],
    )
    sheet.heading(_("Par étape du financement"))
    sheet.table(
        [_("Étape"), _("Lignes"), _("Prévu")],
        ["text", "integer", "amount"],
        [[row.label, row.lines, row.planned] for row in financial.stages],
        total=[1, 2],
    )
    check = financial.cofunding
    sheet.heading(_("Le cofinancement de la commune"))
    sheet.table(
        [_("Part"), _("Montant")],
        ["text", "amount"],
        [
            [_("État (programme 147, fonds de la cité, droit commun)"), check.state],
            [_("Commune"), check.commune],
            *(
                [[_("Attendu de la commune"), check.expected_commune]]
                if check.expected_commune is not None
                else []
            ),
        ],
    )
    sheet.note(context["cofunding_text"])


def _evaluation(sheet, context):
    rows = context["figures"].evaluation.indicators
    sheet.heading(_("Les indicateurs face à leur cible"))
    sheet.table(
        [_("Indicateur"), _("Référence"), _("Cible"), _("Dernière valeur"), _("Période"), _("Tendance")],
        ["text", "decimal", "decimal", "decimal", "text", "text"],
        [
            [
                f"{row.indicator.code} — {row.indicator.name}",
                row.indicator.baseline_value,
                row.indicator.target_value,
                row.latest.value if row.latest else None,
                row.latest.period if row.latest else "",
                row.trend,
            ]
            for row in rows
        ],
    )


def _round(sheet, context):
    section = context["round_section"]
    if section is None:
        sheet.note(_("Aucune campagne de suivi pour %(year)s.") % {"year": context["year"]})
        return
    sheet.heading(_("Campagne de suivi %(period)s") % {"period": section.round.period})
    sheet.table(
        [_("Structure pilote"), _("Réponse"), _("Fiches envoyées"), _("Fiches demandées")],
        ["text", "text", "integer", "integer"],
        [
            [p.organisation.name, p.current_state.label, p.report_sent, p.report_total]
            for p in section.participants
        ],
        total=[2, 3],
    )
    sheet.heading(_("Les points d'étape envoyés"))
    sheet.table(
        [_("Action"), _("Statut"), _("Avancement (%)"), _("Point d'étape")],
        ["text", "text", "integer", "text"],
        [
            [
                f"{report.action.code} — {report.action.title}",
                report.record.status_label,
                report.record.progress,
                report.record.milestone_note,
            ]
            for block in section.axis_blocks
            for report in block["reports"]
            if report.record is not None
        ],
    )


FIGURES = {
    "governance": _governance,
    "deployment": _deployment,
    "financial": _financial,
    "evaluation": _evaluation,
}


def review_workbook(context):
    """The xlsx bytes of the review for ``context`` (``content_review.annual_review_context``)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    heading = f"{context['title']} — {context['strategy'].title}"
    for name, theme in context["themes"].items():
        sheet = ThemeSheet(workbook, theme.label, f"{theme.label} · {heading}")
        if name in FIGURES:
            FIGURES[name](sheet, context)
        sheet.answer(theme)
    _round(ThemeSheet(workbook, _("Campagne de suivi"), f"{_('Campagne de suivi')} · {heading}"), context)
    workbook.properties.title = heading
    workbook.properties.creator = "Citédu"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
