"""The statement's status follows the RGAA model's thresholds, and nothing else."""

import datetime
from decimal import Decimal

import pytest

from legal.compliance import compliance_status
from legal.enums import ComplianceStatus
from legal.models import AccessibilityStatement

AUDITED = datetime.date(2026, 3, 12)


@pytest.mark.parametrize(
    ("rate", "status"),
    [
        (Decimal("0"), ComplianceStatus.NON_COMPLIANT),
        (Decimal("49.99"), ComplianceStatus.NON_COMPLIANT),
        (Decimal("50"), ComplianceStatus.PARTIALLY_COMPLIANT),
        (Decimal("99.99"), ComplianceStatus.PARTIALLY_COMPLIANT),
        (Decimal("100"), ComplianceStatus.FULLY_COMPLIANT),
    ],
)
def test_an_audited_portal_is_as_compliant_as_its_rate_says(rate, status):
    assert compliance_status(AUDITED, rate) == status


def test_a_rate_without_an_audit_date_is_non_compliant():
    assert compliance_status(None, Decimal("100")) == ComplianceStatus.NON_COMPLIANT


def test_an_audit_date_without_a_rate_is_non_compliant():
    assert compliance_status(AUDITED, None) == ComplianceStatus.NON_COMPLIANT


def test_a_statement_nobody_filled_says_non_conforme(db):
    statement = AccessibilityStatement.load()

    assert statement.status == ComplianceStatus.NON_COMPLIANT
    assert statement.status_label == "non conforme"
    assert not AccessibilityStatement.objects.exists()  # reading wrote nothing
