"""Periods as the indicators and the reporting rounds write them, and which ones a strategy spans.

A label is a calendar year (``2025``), a school year (``2025-2026``, 1 September to 31 August) or a
quarter (``2025-T2``). What is due is always read from the strategy's span (and a round's period),
never from today's date alone: a PEDT that ended in August 2026 is owed 2025-2026, not 2026-2027.
"""

from datetime import date, timedelta

from indicators.enums import Frequency


def bounds(label):
    """The first and last day of the period ``label`` (an already valid label)."""
    year = int(label[:4])
    if len(label) == 4:
        return date(year, 1, 1), date(year, 12, 31)
    if label[5] == "T":
        quarter = int(label[6])
        start = date(year, 3 * quarter - 2, 1)
        following = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
        return start, following - timedelta(days=1)
    return date(year, 9, 1), date(year + 1, 8, 31)


def label_of(frequency, day):
    """The label of the period of ``frequency`` that contains ``day``; None for one-off indicators."""
    if frequency == Frequency.YEARLY:
        return str(day.year)
    if frequency == Frequency.SCHOOL_YEAR:
        start = day.year if day.month >= 9 else day.year - 1
        return f"{start}-{start + 1}"
    if frequency == Frequency.TERM:
        return f"{day.year}-T{(day.month - 1) // 3 + 1}"
    return None


def periods_between(frequency, start, end):
    """The labels of the periods of ``frequency`` that overlap ``start``..``end``, in order."""
    labels = []
    day = start
    while day <= end:
        label = label_of(frequency, day)
        if label is None:
            return []
        labels.append(label)
        day = bounds(label)[1] + timedelta(days=1)
    return labels


def due_periods(frequency, strategy, *, until):
    """The periods of ``frequency`` a strategy owes values for, up to the period that contains (or
    ends before) the day ``until``: those overlapping the strategy's span that have started by then."""
    end = min(strategy.end_date, until)
    if end < strategy.start_date:
        return []
    return periods_between(frequency, strategy.start_date, end)


def overlaps(label, start, end):
    first, last = bounds(label)
    return first <= end and start <= last


def owed_periods(frequency, strategy, by):
    """The periods of the strategy's span that have ended by the day ``by``: what a round whose
    period ends on ``by`` asks for, and what a pilot owes today when no round is open (a period
    still running is not asked for yet)."""
    return [label for label in due_periods(frequency, strategy, until=by) if bounds(label)[1] <= by]
