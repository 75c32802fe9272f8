"""The accessibility statement's status: one rule, from the audit's date and rate (the RGAA 4.1 model)."""

from decimal import Decimal

from legal.enums import ComplianceStatus

#: The RGAA's thresholds: every criterion met is full compliance, half of them at least is partial.
FULL_RATE = Decimal(100)
PARTIAL_RATE = Decimal(50)


def compliance_status(audit_date, compliance_rate):
    """« non conforme » until an audit has a date and a rate; then by the rate of criteria met."""
    if audit_date is None or compliance_rate is None:
        return ComplianceStatus.NON_COMPLIANT
    if compliance_rate >= FULL_RATE:
        return ComplianceStatus.FULLY_COMPLIANT
    if compliance_rate >= PARTIAL_RATE:
        return ComplianceStatus.PARTIALLY_COMPLIANT
    return ComplianceStatus.NON_COMPLIANT
