"""One way to write numbers, amounts, percentages and dates for people, in every door."""

import datetime
from decimal import Decimal

from django.utils import translation

from shared import formatting


def test_it_groups_thousands_with_a_narrow_space_and_writes_a_decimal_comma():
    assert formatting.number(Decimal("12500.5")) == "12\u202f500,5"
    assert formatting.number(1237.50) == "1\u202f237,5"
    assert formatting.number(0) == "0"
    assert formatting.number(None) == ""


def test_it_writes_euros_with_cents_only_when_there_are_some():
    assert formatting.euros(Decimal("80000.50")) == "80\u202f000,50\xa0€"
    assert formatting.euros(Decimal("475000.00")) == "475\u202f000\xa0€"
    assert formatting.euros(None) == "0\xa0€"


def test_it_writes_percentages_and_the_first_of_the_month_the_french_way():
    assert formatting.percent(75) == "75\xa0%"
    with translation.override("fr"):
        assert formatting.long_date(datetime.date(2023, 9, 1)) == "1er septembre 2023"
        assert formatting.long_date(datetime.date(2021, 6, 25)) == "25 juin 2021"


def test_it_follows_the_interface_language_in_english():
    with translation.override("en"):
        assert formatting.number(Decimal("12500.5")) == "12,500.5"
        assert formatting.long_date(datetime.date(2023, 9, 1)) == "September 1, 2023"


def test_a_day_and_month_without_the_year_keeps_the_1er():
    with translation.override("fr"):
        assert formatting.long_date(datetime.date(2025, 9, 1), year=False) == "1er septembre"
        assert formatting.long_date(datetime.date(2025, 6, 30), year=False) == "30 juin"


def test_a_moment_is_dated_in_the_local_time_zone():
    # 23:30 UTC on 30 November is already 1 December in Paris.
    moment = datetime.datetime(2026, 11, 30, 23, 30, tzinfo=datetime.UTC)
    with translation.override("fr"):
        assert formatting.long_date(moment) == "1er décembre 2026"
