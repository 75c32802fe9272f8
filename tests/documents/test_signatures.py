"""The signed copy of a frozen version: its electronic signatures checked offline, then shown.

The suite makes its own PKI (a self-signed authority and a signer's certificate) and signs real
WeasyPrint PDFs with pyHanko, as a signing tool would, then tampers with them as a forger would.
"""

import asyncio
import json
import socket
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
import weasyprint
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from actors import roles
from documents.models import StrategyVersion
from documents.signatures import MAX_SIGNED_COPY_SIZE, inspect_signed_copy, record_signatures
from documents.versions import freeze_strategy
from tests.documents.builders import build_strategy
from tests.documents.conftest import client_for
from tests.documents.signing import AUTHORITY_NAME, TestAuthority, append_drawing, sign_pdf
from tests.queue import run_worker
from tests.reference_data import restore_reference_data
from tests.strategy.admin.html_forms import change_form_data
from tests.strategy.factories import UserFactory

UNTRUSTED = "certificat non vérifié auprès d’une autorité de confiance"
TITLE = b"/Title (PEDT 2024 version 1)"


@pytest.fixture(scope="module")
def authority():
    return TestAuthority.create()


@pytest.fixture(scope="module")
def mayor(authority):
    return authority.signer("Marie Curie", "Mairie d’Ivry-sur-Seine")


@pytest.fixture(scope="module")
def unsigned_pdf():
    # Uncompressed, so that the document's title is plain bytes a forger can rewrite.
    html = "<title>PEDT 2024 version 1</title><h1>Projet éducatif territorial</h1><p>Version 1</p>"
    return weasyprint.HTML(string=html).write_pdf(uncompressed_pdf=True)


@pytest.fixture(scope="module")
def signed_pdf(unsigned_pdf, mayor):
    return sign_pdf(unsigned_pdf, mayor)


def only(signatures):
    assert len(signatures) == 1, signatures
    return signatures[0]


def test_a_signed_pdf_names_its_signer_and_is_intact_over_the_whole_document(signed_pdf):
    signature = only(inspect_signed_copy(signed_pdf))
    assert (signature["signer"], signature["organisation"]) == ("Marie Curie", "Mairie d’Ivry-sur-Seine")
    assert signature["intact"] and signature["valid"] and signature["covers_whole_document"]
    signed_at = datetime.fromisoformat(signature["signed_at"])
    assert abs(datetime.now(UTC) - signed_at) < timedelta(minutes=10)
    assert signature["signed_at_source"] == "signer"
    # No trust root configured: the certificate is honestly not verified.
    assert not signature["trusted"]
    assert signature["summary"].startswith(
        "Copie signée électroniquement par Marie Curie (Mairie d’Ivry-sur-Seine) le "
    )
    assert "signature intacte, couvre tout le document, " + UNTRUSTED in signature["summary"]
    assert json.loads(json.dumps(signature)) == signature


def test_a_pdf_changed_after_signing_is_not_intact(signed_pdf):
    # The title as first written, well inside the signed bytes: a forger rewrites the year.
    assert TITLE in signed_pdf
    forged = signed_pdf.replace(TITLE, TITLE.replace(b"2024", b"2025"), 1)
    signature = only(inspect_signed_copy(forged))
    assert not signature["intact"]
    assert "signature altérée : le document a été modifié après la signature" in signature["summary"]
    assert "signature intacte" not in signature["summary"]


def test_a_revision_added_after_signing_leaves_the_signature_intact_but_not_covering_everything(signed_pdf):
    extended = append_drawing(signed_pdf)
    assert extended.startswith(signed_pdf)  # the signed bytes are untouched, a revision follows them
    signature = only(inspect_signed_copy(extended))
    assert signature["intact"] and signature["valid"]
    assert not signature["covers_whole_document"]
    assert signature["coverage"] == "entire_revision"
    assert (
        "ne couvre pas tout le document : des modifications ont été ajoutées après la signature"
        in (signature["summary"])
    )


def test_a_second_signature_leaves_the_first_covering_only_its_revision(signed_pdf, authority):
    countersigned = sign_pdf(
        signed_pdf, authority.signer("Jean Moulin", "Préfecture"), field_name="Signature2"
    )
    first, second = inspect_signed_copy(countersigned)
    assert (first["signer"], second["signer"]) == ("Marie Curie", "Jean Moulin")
    assert first["intact"] and not first["covers_whole_document"]
    assert first["modification_level"] == "form_filling"
    assert "d’autres signatures ont été ajoutés après la signature" in first["summary"]
    assert second["intact"] and second["covers_whole_document"]


def test_the_check_also_runs_in_a_thread_whose_event_loop_is_running(signed_pdf):
    # pyHanko starts an event loop of its own; under an ASGI server or Playwright one already runs.
    async def inside_a_running_loop():
        return inspect_signed_copy(signed_pdf)

    # In a thread of its own: the test session may already run an event loop here (Playwright's).
    with ThreadPoolExecutor(max_workers=1) as pool:
        signature = only(pool.submit(asyncio.run, inside_a_running_loop()).result())
    assert signature["intact"] and signature["signer"] == "Marie Curie"


def test_an_unsigned_pdf_is_a_scan(unsigned_pdf):
    assert inspect_signed_copy(unsigned_pdf) == []
    assert inspect_signed_copy(SimpleUploadedFile("scan.pdf", unsigned_pdf)) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n une image", "La copie signée n’est pas un fichier PDF"),
        (b"PK\x03\x04 un document Word", "La copie signée n’est pas un fichier PDF"),
        (b"%PDF-1.7 rien d'autre", "La copie signée est un PDF endommagé ou illisible"),
    ],
)
def test_a_file_that_is_not_a_readable_pdf_is_refused_in_french(content, message):
    with pytest.raises(ValidationError) as refused:
        inspect_signed_copy(content)
    assert refused.value.messages[0].startswith(message)


def test_a_truncated_signed_pdf_is_refused_in_french(signed_pdf):
    with pytest.raises(ValidationError, match="endommagé ou illisible"):
        inspect_signed_copy(signed_pdf[: len(signed_pdf) // 2])


def test_a_file_over_the_size_limit_is_refused_before_it_is_read():
    class HugeUpload:
        size = MAX_SIGNED_COPY_SIZE + 1

        def read(self, *args):
            raise AssertionError("read although too large")

    with pytest.raises(ValidationError, match="la limite est de 50 Mo"):
        inspect_signed_copy(HugeUpload())
    with pytest.raises(ValidationError, match="la limite est de 50 Mo"):
        inspect_signed_copy(b"%PDF-1.7\n" + b"0" * MAX_SIGNED_COPY_SIZE)


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test (an OCSP or CRL fetch would be one)."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_a_configured_trust_root_makes_the_certificate_trusted_without_any_network_access(
    unsigned_pdf, authority, settings, tmp_path, no_network
):
    root = tmp_path / "ac-test.pem"
    root.write_bytes(authority.pem)
    settings.CITEDU_SIGNATURE_TRUST_ROOTS = [str(root)]
    # The certificate declares an OCSP responder and a CRL, as real ones do: neither is asked.
    signer = authority.signer("Marie Curie", "Mairie", revocation_url="http://ocsp.citedu.example.org")
    signature = only(inspect_signed_copy(sign_pdf(unsigned_pdf, signer)))
    assert signature["trusted"]
    assert f"certificat vérifié auprès d’une autorité de confiance ({AUTHORITY_NAME})" in signature["summary"]
    assert no_network == []


def test_a_certificate_from_another_authority_stays_unverified(signed_pdf, settings, tmp_path):
    other = tmp_path / "autre-ac.pem"
    other.write_bytes(TestAuthority.create().pem)
    settings.CITEDU_SIGNATURE_TRUST_ROOTS = [str(other)]
    signature = only(inspect_signed_copy(signed_pdf))
    assert not signature["trusted"] and UNTRUSTED in signature["summary"]


def test_a_trust_root_that_is_not_a_certificate_fails_the_system_check(settings, tmp_path):
    broken = tmp_path / "racine.pem"
    broken.write_bytes(b"pas un certificat")
    settings.CITEDU_SIGNATURE_TRUST_ROOTS = [str(broken)]
    with pytest.raises(SystemCheckError, match="CITEDU_SIGNATURE_TRUST_ROOTS"):
        call_command("check")


# The admin, the worker and the portal together. Transactional: the task is queued when the upload
# is committed, and the worker runs in its own transactions, as in production.


@pytest.fixture
def frozen_version(transactional_db, django_db_blocker):
    # A transactional test run just before may have flushed the migrations' reference rows.
    restore_reference_data(django_db_blocker)
    coordination = UserFactory(username="sig-coordination", role=roles.COORDINATION)
    built = build_strategy("pedt-signe", actions_per_orientation=1, prefix="Signé ")
    version = freeze_strategy(built.strategy, coordination, signed_at_place="Ivry-sur-Seine")
    return version, coordination


def attach_in_admin(client, version, name, content):
    """Upload the signed copy through the change form exactly as the admin renders it."""
    change_url = f"/admin/documents/strategyversion/{version.pk}/change/"
    page = client.get(change_url)
    assert 'type="file" name="signed_copy"' in page.content.decode()
    data = change_form_data(page)
    data.update(
        signed_copy=SimpleUploadedFile(name, content, content_type="application/pdf"), signed_on="2024-07-01"
    )
    response = client.post(change_url, data, follow=True)
    assert response.redirect_chain, response.content.decode()[:3000]
    assert "ses signatures électroniques sont en cours de vérification" in response.content.decode()
    return change_url


def portal_text(version):
    page = client_for().get(f"/strategies/{version.strategy.slug}/documents/")
    assert page.status_code == 200
    return page.content.decode()


def test_a_signed_copy_uploaded_in_the_admin_is_checked_by_the_worker_and_shown(frozen_version, mayor):
    version, coordination = frozen_version
    with version.pdf.open("rb") as frozen:
        signed_copy = sign_pdf(frozen.read(), mayor)
    client = client_for()
    assert client.login(username=coordination.username, password="demo")
    change_url = attach_in_admin(client, version, "v1-signee.pdf", signed_copy)

    assert "Copie signée : vérification de la signature électronique en cours" in portal_text(version)
    assert "vérification de la signature électronique en cours" in client.get(change_url).content.decode()

    run_worker()

    checked = StrategyVersion.objects.get(pk=version.pk)
    assert checked.signatures_checked_at is not None
    assert only(checked.signatures)["signer"] == "Marie Curie"
    admin_page = client.get(change_url).content.decode()
    assert "<caption>Signatures électroniques de la copie signée</caption>" in admin_page
    assert '<th scope="row">Marie Curie (Mairie d’Ivry-sur-Seine)</th>' in admin_page
    assert (
        "<td>oui</td><td>oui</td><td>certificat non vérifié auprès d’une autorité de confiance</td>"
        in admin_page
    )
    portal = portal_text(version)
    assert "Copie signée électroniquement par Marie Curie (Mairie d’Ivry-sur-Seine) le " in portal
    assert "signature intacte, couvre tout le document" in portal
    assert "vérification de la signature électronique en cours" not in portal
    # The frozen document itself did not change.
    assert (checked.sha256, checked.pdf.name, checked.number) == (version.sha256, version.pdf.name, 1)


def test_a_scanned_copy_is_said_to_carry_no_electronic_signature(frozen_version):
    version, coordination = frozen_version
    with version.pdf.open("rb") as frozen:
        scan = frozen.read()  # the same document, printed, signed by hand and scanned: no signature inside
    client = client_for(coordination)
    change_url = attach_in_admin(client, version, "scan.pdf", scan)
    run_worker()
    assert StrategyVersion.objects.get(pk=version.pk).signatures == []
    assert "Copie signée numérisée (sans signature électronique)" in portal_text(version)
    assert "Copie signée numérisée (sans signature électronique)" in client.get(change_url).content.decode()


def attach_directly(version, content):
    version.signed_copy.save("copie.pdf", SimpleUploadedFile("copie.pdf", content), save=False)
    StrategyVersion.objects.filter(pk=version.pk).update(signed_copy=version.signed_copy.name)
    return StrategyVersion.objects.get(pk=version.pk)


def test_a_copy_changed_after_signing_is_flagged_in_the_admin_and_on_the_portal(frozen_version, mayor):
    version, coordination = frozen_version
    with version.pdf.open("rb") as frozen:
        signed = sign_pdf(frozen.read(), mayor)
    # One byte of the first content stream WeasyPrint wrote (what a page draws), inside the signed range.
    forged = bytearray(signed)
    forged[signed.index(b"stream\n") + 100] ^= 0x01
    only(record_signatures(attach_directly(version, bytes(forged))))
    admin_page = client_for(coordination).get(f"/admin/documents/strategyversion/{version.pk}/change/")
    assert (
        "<strong>non</strong> — signature altérée : le document a été modifié après la signature"
        in admin_page.content.decode()
    )
    assert "signature altérée : le document a été modifié après la signature" in portal_text(version)
    assert "signature intacte" not in portal_text(version)


def test_a_copy_that_cannot_be_read_is_recorded_with_its_reason(frozen_version):
    version, _ = frozen_version
    stored = record_signatures(attach_directly(version, b"%PDF-1.7 tronque"))
    assert stored == [
        {
            "error": "unreadable",
            "summary": "La copie signée est un PDF endommagé ou illisible : "
            "ses signatures ne peuvent pas être vérifiées.",
        }
    ]
    assert "La copie signée est un PDF endommagé ou illisible" in portal_text(version)
