"""The demo fills a fictional publisher and host, and leaves the audit empty: « non conforme »."""

from demo.legal import load_legal_pages
from legal.completeness import missing_fields
from legal.enums import ComplianceStatus
from legal.models import AccessibilityStatement, LegalNotice


def test_the_demo_notice_is_complete_and_its_statement_non_conforme(db):
    load_legal_pages()

    notice = LegalNotice.objects.get()
    notice.full_clean()  # the fictional SIRET passes the Luhn check
    assert missing_fields(notice) == []
    assert AccessibilityStatement.objects.get().status == ComplianceStatus.NON_COMPLIANT
    assert [missing.label for missing in missing_fields(AccessibilityStatement.load())][:2] == [
        "Date de l'audit",
        "Taux de conformité (%)",
    ]


def test_a_second_run_writes_nothing_and_the_citys_own_text_stays(db):
    load_legal_pages()
    LegalNotice.objects.update(publisher_name="Ville de Sainte-Exemple")
    before = LegalNotice.objects.get().updated_at

    assert load_legal_pages() == 0
    notice = LegalNotice.objects.get()
    assert notice.publisher_name == "Ville de Sainte-Exemple"
    assert notice.updated_at == before
