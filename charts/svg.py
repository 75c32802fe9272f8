"""Charts drawn on the server as self-contained SVG, shared by the web pages and the PDFs.

Every chart comes with a French text alternative and the same data as a table, so nobody depends on
seeing the picture. The SVG carries presentation attributes only (no ``style``, no script) so that a
strict Content Security Policy and WeasyPrint both accept it.
"""

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from indicators.enums import IndicatorKind, Rating
from shared.formatting import euros as format_euros
from shared.formatting import number as format_number
from strategy.enums import ActionStatus

WIDTH = 640
HEIGHT = 320
MARGIN_LEFT = 70
MARGIN_RIGHT = 20
MARGIN_TOP = 20
MARGIN_BOTTOM = 60
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
TEXT = "#1a1a1a"
GRID = "#c8c8c8"
SERIES = "#1d4f91"
BASELINE = "#6b6b6b"
TARGET = "#b3261e"
PLANNED = "#1d4f91"
EXECUTED = "#e07b00"
STATUS_COLOURS = {
    ActionStatus.PROPOSED: "#8a8a8a",
    ActionStatus.VALIDATED: "#5b8bd0",
    ActionStatus.IN_PROGRESS: "#1d4f91",
    ActionStatus.DONE: "#1e7b3c",
    ActionStatus.POSTPONED: "#e07b00",
    ActionStatus.ABANDONED: "#b3261e",
}


@dataclass
class Chart:
    """An SVG picture, its French text alternative and its data as a table."""

    svg: str
    title: str
    description: str
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)

    def __html__(self):
        return self.svg


def _svg(title, description, body, height=HEIGHT):
    # Ids unique per chart, so that several charts on one page keep their own labels.
    key = hashlib.sha1(f"{title}|{description}".encode()).hexdigest()[:8]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-labelledby="chart-{key}-title chart-{key}-desc" '
        f'font-family={quoteattr(FONT)} font-size="13" class="chart">'
        f'<title id="chart-{key}-title">{escape(title)}</title>'
        f'<desc id="chart-{key}-desc">{escape(description)}</desc>'
        f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>'
        f"{body}</svg>"
    )


def _empty_svg(title, message):
    body = (
        f'<text x="{WIDTH / 2}" y="64" text-anchor="middle" fill="{TEXT}" font-size="16">'
        f"{escape(message)}</text>"
    )
    return _svg(title, message, body, height=120)


def _nice_max(value):
    """A round upper bound for an axis, with some headroom, whose quarters are round too."""
    value *= 1.12
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1) if value >= 1 else 1
    for step in (1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _y_grid(max_value, plot_height, ticks=4, label=format_number, left=MARGIN_LEFT):
    parts = []
    for index in range(ticks + 1):
        value = max_value * index / ticks
        y = MARGIN_TOP + plot_height - plot_height * index / ticks
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - MARGIN_RIGHT}" y2="{y:.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
            f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end" fill="{TEXT}">'
            f"{escape(label(value))}</text>"
        )
    return "".join(parts)


def _legend(items, y, left=MARGIN_LEFT):
    parts, x = [], left
    for label, colour, dashed in items:
        if dashed:
            parts.append(
                f'<line x1="{x}" y1="{y - 4}" x2="{x + 22}" y2="{y - 4}" stroke="{colour}" '
                f'stroke-width="2" stroke-dasharray="6 4"/>'
            )
        else:
            parts.append(f'<rect x="{x}" y="{y - 11}" width="22" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{x + 28}" y="{y}" fill="{TEXT}">{escape(label)}</text>')
        x += 40 + 7 * len(label)
    return "".join(parts)


def indicator_chart(indicator, measurements):
    """Values of an indicator over time for the whole territory, with its baseline and target.

    ``measurements`` may hold breakdowns too (neighbourhood, age band, sex): only the whole-territory
    values are drawn.
    A qualitative indicator is drawn as its ratings over time, the y-axis naming them (« Satisfaisant »).
    """
    territory = sorted(
        (m for m in measurements if m.is_territory_wide), key=lambda measurement: measurement.period
    )
    qualitative = indicator.kind == IndicatorKind.QUALITATIVE
    title = _("Évolution de l’indicateur « %(name)s »") % {"name": indicator.name}
    unit = f" {indicator.unit}" if indicator.unit and not qualitative else ""
    if qualitative:
        columns = [_("Période"), _("Appréciation"), _("Commentaire")]
        rows = [
            [m.period, f"{m.rating} — {Rating(m.rating).label}" if m.rating else "", m.comment]
            for m in territory
        ]
        points = [(m.period, float(m.rating)) for m in territory if m.rating]
    else:
        columns = [_("Période"), _("Valeur")]
        rows = [[m.period, f"{format_number(m.value)}{unit}"] for m in territory if m.value is not None]
        points = [(m.period, float(m.value)) for m in territory if m.value is not None]

    if not points:
        message = _("Aucune valeur publiée pour l’ensemble du territoire.")
        return Chart(_empty_svg(title, message), title, message, columns, rows)

    baseline = None if qualitative or indicator.baseline_value is None else float(indicator.baseline_value)
    target = None if qualitative or indicator.target_value is None else float(indicator.target_value)
    if qualitative:
        max_value = 4.0
    else:
        max_value = _nice_max(max(v for v in [p[1] for p in points] + [baseline or 0, target or 0]))

    left = 150 if qualitative else MARGIN_LEFT  # room for « Très satisfaisant » on the y-axis
    plot_width = WIDTH - left - MARGIN_RIGHT
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    step = plot_width / max(len(points), 1)

    def x_of(index):
        return left + step * (index + 0.5)

    def y_of(value):
        return MARGIN_TOP + plot_height - plot_height * value / max_value

    axis_label = (lambda v: str(Rating(str(int(v))).label) if v else "") if qualitative else format_number
    body = [_y_grid(max_value, plot_height, ticks=4, label=axis_label, left=left)]
    for reference, colour in ((baseline, BASELINE), (target, TARGET)):
        if reference is not None:
            y = y_of(reference)
            body.append(
                f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - MARGIN_RIGHT}" y2="{y:.1f}" '
                f'stroke="{colour}" stroke-width="2" stroke-dasharray="6 4"/>'
            )
    coordinates = " ".join(f"{x_of(i):.1f},{y_of(v):.1f}" for i, (_p, v) in enumerate(points))
    body.append(f'<polyline points="{coordinates}" fill="none" stroke="{SERIES}" stroke-width="3"/>')
    for index, (period, value) in enumerate(points):
        x, y = x_of(index), y_of(value)
        shown = "" if qualitative else format_number(value)  # a rating reads on the y-axis instead
        body.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{SERIES}"/>'
            f'<text x="{x:.1f}" y="{y - 10:.1f}" text-anchor="middle" fill="{TEXT}" font-weight="bold" '
            f'stroke="#ffffff" stroke-width="4" paint-order="stroke">'
            f"{escape(shown)}</text>"
            f'<text x="{x:.1f}" y="{MARGIN_TOP + plot_height + 20}" text-anchor="middle" fill="{TEXT}">'
            f"{escape(period)}</text>"
        )
    legend = [(_("Valeurs mesurées"), SERIES, False)]
    if baseline is not None:
        legend.append((_("Référence"), BASELINE, True))
    if target is not None:
        legend.append((_("Cible"), TARGET, True))
    body.append(_legend(legend, HEIGHT - 12, left=left))

    first_period, first_value = points[0]
    last_period, last_value = points[-1]
    if qualitative:
        description = _(
            "Appréciation de %(first)s sur 4 en %(first_period)s et de %(last)s sur 4 en %(last_period)s."
        ) % {
            "first": int(first_value),
            "first_period": first_period,
            "last": int(last_value),
            "last_period": last_period,
        }
    else:
        description = _(
            "%(values)s, de %(first)s%(unit)s en %(first_period)s à %(last)s%(unit)s en %(last_period)s."
        ) % {
            "values": ngettext("%(count)s valeur", "%(count)s valeurs", len(points)) % {"count": len(points)},
            "first": format_number(first_value),
            "first_period": first_period,
            "last": format_number(last_value),
            "last_period": last_period,
            "unit": unit,
        }
        if baseline is not None:
            description += " " + _("Référence : %(value)s%(unit)s.") % {
                "value": format_number(indicator.baseline_value),
                "unit": unit,
            }
        if target is not None:
            description += " " + _("Cible : %(value)s%(unit)s.") % {
                "value": format_number(indicator.target_value),
                "unit": unit,
            }
    return Chart(_svg(title, description, "".join(body)), title, description, columns, rows)


def budget_chart(rows, funder_count=None):
    """Planned and executed amounts per year, as paired bars; the table keeps each row given.

    ``rows`` are dicts with ``funder__name``, ``year``, ``planned`` and ``executed`` (see
    ``BudgetLineQuerySet.totals_by_funder_and_year``, or its bounded ``totals_by_top_funders_and_year``
    whose « others » row then calls for the real ``funder_count``).
    """
    rows = list(rows)
    title = _("Financements prévus et réalisés par année")
    columns = [_("Financeur"), _("Année"), _("Prévu"), _("Réalisé")]
    table = [
        [
            row["funder__name"],
            str(row["year"]),
            format_euros(row["planned"]),
            format_euros(row["executed"]),
        ]
        for row in rows
    ]
    if not rows:
        message = _("Aucun financement enregistré.")
        return Chart(_empty_svg(title, message), title, message, columns, table)

    years = sorted({row["year"] for row in rows})
    planned = {year: Decimal(0) for year in years}
    executed = {year: Decimal(0) for year in years}
    for row in rows:
        planned[row["year"]] += Decimal(row["planned"] or 0)
        executed[row["year"]] += Decimal(row["executed"] or 0)
    max_value = _nice_max(float(max(max(planned.values()), max(executed.values()))))
    plot_width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    group = plot_width / len(years)
    bar = min(48, group * 0.35)

    def short(value):
        value = float(value)
        if value >= 1_000_000:
            return f"{format_number(round(value / 1_000_000, 1))}\u00a0M€"
        if value >= 1_000:
            return f"{format_number(round(value / 1_000))}\u00a0k€"
        return f"{format_number(round(value))}\u00a0€"

    body = [_y_grid(max_value, plot_height, label=short)]
    for index, year in enumerate(years):
        centre = MARGIN_LEFT + group * (index + 0.5)
        for offset, amount, colour in ((-bar, planned[year], PLANNED), (0, executed[year], EXECUTED)):
            height = plot_height * float(amount) / max_value
            y = MARGIN_TOP + plot_height - height
            body.append(
                f'<rect x="{centre + offset:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{height:.1f}" '
                f'fill="{colour}"/>'
            )
        body.append(
            f'<text x="{centre:.1f}" y="{MARGIN_TOP + plot_height + 20}" text-anchor="middle" '
            f'fill="{TEXT}">{year}</text>'
        )
    body.append(_legend([(_("Prévu"), PLANNED, False), (_("Réalisé"), EXECUTED, False)], HEIGHT - 12))

    total_planned = sum(planned.values())
    total_executed = sum(executed.values())
    funders = len({row["funder__name"] for row in rows}) if funder_count is None else funder_count
    description = _("De %(first)s à %(last)s : %(planned)s prévus, %(executed)s réalisés, %(funders)s.") % {
        "first": years[0],
        "last": years[-1],
        "planned": format_euros(total_planned),
        "executed": format_euros(total_executed),
        "funders": ngettext("%(count)s financeur", "%(count)s financeurs", funders) % {"count": funders},
    }
    return Chart(_svg(title, description, "".join(body)), title, description, columns, table)


def _get(item, name):
    return item[name] if isinstance(item, dict) else getattr(item, name)


def status_by_axis_chart(axes):
    """Actions of each axis by status, as horizontal stacked bars.

    ``axes``: objects or dicts with ``number``, ``title`` and ``counts`` (status value -> actions).
    """
    axes = list(axes)
    statuses = list(ActionStatus)
    title = _("Avancement des actions par axe")
    columns = [_("Axe")] + [str(status.label) for status in statuses] + [_("Total")]
    rows = []
    totals = []
    for axis in axes:
        counts = _get(axis, "counts") or {}
        total = sum(counts.get(status.value, 0) for status in statuses)
        totals.append(total)
        rows.append(
            [f"{_get(axis, 'number')}. {_get(axis, 'title')}"]
            + [str(counts.get(status.value, 0)) for status in statuses]
            + [str(total)]
        )
    if not axes or not any(totals):
        message = _("Aucune action publiée pour le moment.")
        return Chart(_empty_svg(title, message), title, message, columns, rows)

    bar_height = 28
    gap = 22
    top = MARGIN_TOP + 4
    left = 90
    plot_width = WIDTH - left - MARGIN_RIGHT - 40
    height = top + len(axes) * (bar_height + gap) + 56
    largest = max(totals)
    body = []
    for index, axis in enumerate(axes):
        counts = _get(axis, "counts") or {}
        y = top + index * (bar_height + gap)
        body.append(
            f'<text x="{left - 10}" y="{y + bar_height / 2 + 5:.1f}" text-anchor="end" fill="{TEXT}">'
            f"{escape(_('Axe %(number)s') % {'number': _get(axis, 'number')})}</text>"
        )
        x = left
        for status in statuses:
            count = counts.get(status.value, 0)
            if not count:
                continue
            width = plot_width * count / largest
            body.append(
                f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{bar_height}" '
                f'fill="{STATUS_COLOURS[status]}" stroke="#ffffff" stroke-width="1"/>'
            )
            x += width
        body.append(
            f'<text x="{x + 8:.1f}" y="{y + bar_height / 2 + 5:.1f}" fill="{TEXT}" font-weight="bold">'
            f"{totals[index]}</text>"
        )
    legend_y = top + len(axes) * (bar_height + gap) + 10
    parts, x, line = [], MARGIN_LEFT - 50, 0
    for status in statuses:
        label = str(status.label)
        width = 40 + 7 * len(label)
        if x + width > WIDTH:
            x, line = MARGIN_LEFT - 50, line + 1
        y = legend_y + line * 22
        parts.append(
            f'<rect x="{x}" y="{y}" width="14" height="14" fill="{STATUS_COLOURS[status]}"/>'
            f'<text x="{x + 20}" y="{y + 12}" fill="{TEXT}">{escape(label)}</text>'
        )
        x += width
    body.append("".join(parts))

    done = sum(_get(axis, "counts").get(ActionStatus.DONE.value, 0) for axis in axes)
    in_progress = sum(_get(axis, "counts").get(ActionStatus.IN_PROGRESS.value, 0) for axis in axes)
    description = _("%(actions)s sur %(axes)s, dont %(in_progress)s en cours et %(done)s.") % {
        "actions": ngettext("%(count)s action", "%(count)s actions", sum(totals)) % {"count": sum(totals)},
        "axes": ngettext("%(count)s axe", "%(count)s axes", len(axes)) % {"count": len(axes)},
        "in_progress": in_progress,
        "done": ngettext("%(count)s réalisée", "%(count)s réalisées", done) % {"count": done},
    }
    description += " " + " ; ".join(
        _("axe %(number)s : %(actions)s")
        % {
            "number": _get(axis, "number"),
            "actions": ngettext("%(count)s action", "%(count)s actions", total) % {"count": total},
        }
        for axis, total in zip(axes, totals, strict=True)
    )
    description += "."
    return Chart(_svg(title, description, "".join(body), height=height), title, description, columns, rows)
