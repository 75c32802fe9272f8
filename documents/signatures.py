"""The electronic signatures (PAdES) of a frozen version's signed copy, checked offline with pyHanko.

A signed copy is either a digitally signed PDF or a scan. Each signature is checked for what a
reader needs to know: who signed and when, whether the signed bytes are unchanged (*intact*),
whether the signature itself is cryptographically valid, whether it covers the whole file or
revisions were added after it, and whether the signer's certificate chains up to a trusted root.
The check never goes on the network: no OCSP, no CRL, no certificate fetched. The only trust roots
are the certificates named by ``CITEDU_SIGNATURE_TRUST_ROOTS`` (none by default), so without them
a certificate is reported as not verified, never as trusted.

What is found is stored on the version (``StrategyVersion.signatures``) as a JSON list: one entry
per signature, or one entry with an ``error`` key when the copy could not be read at all. The
sentences people read are written when shown (``documents.signature_wording``), in their language.
"""

import asyncio
import io
import logging
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils import timezone, translation
from pyhanko.keys import load_certs_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from documents import signature_wording as wording

logger = logging.getLogger(__name__)

MAX_SIGNED_COPY_SIZE = wording.MAX_SIGNED_COPY_SIZE
#: Signatures past this many in one file are not checked (each check replays the file's revisions).
MAX_SIGNATURES = 20
#: Where the PDF header may start (the specification tolerates leading garbage; readers allow 1 KB).
HEADER_WINDOW = 1024

#: A signing certificate must allow signing: either usage will do, as for any PAdES validator.
KEY_USAGE = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"})

COVERAGE_NAMES = {
    SignatureCoverageLevel.ENTIRE_FILE: wording.ENTIRE_FILE,
    SignatureCoverageLevel.ENTIRE_REVISION: wording.ENTIRE_REVISION,
}


def trust_roots():
    """The certificates of ``CITEDU_SIGNATURE_TRUST_ROOTS`` (PEM or DER files); refuses a bad file."""
    roots = []
    for path in settings.CITEDU_SIGNATURE_TRUST_ROOTS:
        try:
            certificates = list(load_certs_from_pemder([path]))
            for certificate in certificates:
                certificate.subject.native  # noqa: B018  (asn1crypto parses lazily: parse now)
        except Exception as error:  # a file, a PEM armour or an ASN.1 structure may each be broken
            raise ImproperlyConfigured(
                f"CITEDU_SIGNATURE_TRUST_ROOTS: {path} is not a readable PEM or DER certificate ({error})."
            ) from error
        if not certificates:
            raise ImproperlyConfigured(f"CITEDU_SIGNATURE_TRUST_ROOTS: {path} holds no certificate.")
        roots.extend(certificates)
    return roots


def _validation_context(roots):
    # Offline on purpose: nothing fetched (allow_fetching), revocation not checked at all (a soft
    # failure would still try the network), and the given roots only, never the system's TLS list.
    return ValidationContext(trust_roots=list(roots), allow_fetching=False, revocation_mode="none")


def run_outside_event_loop(function, *args, **kwargs):
    """Call one of pyHanko's synchronous functions, which start an event loop (``asyncio.run``).

    Python refuses that in a thread whose event loop is running (an ASGI server, Playwright's sync
    API in the tests): the call then runs in a thread of its own.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return function(*args, **kwargs)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args, **kwargs).result()


def _read_bounded(file_or_bytes):
    """The file's bytes, refused past :data:`MAX_SIGNED_COPY_SIZE` without reading more than that."""
    if isinstance(file_or_bytes, bytes | bytearray | memoryview):
        data = bytes(file_or_bytes)
    else:
        size = getattr(file_or_bytes, "size", None)
        if size is not None and size > MAX_SIGNED_COPY_SIZE:
            _too_large(size)
        if hasattr(file_or_bytes, "seek"):
            file_or_bytes.seek(0)
        data = file_or_bytes.read(MAX_SIGNED_COPY_SIZE + 1)
    if len(data) > MAX_SIGNED_COPY_SIZE:
        _too_large(len(data))
    return data


def _too_large(size):
    raise ValidationError(wording.problem_sentence("too_large", size=size), code="too_large")


def _refuse(code):
    raise ValidationError(wording.problem_sentence(code), code=code)


def _open_pdf(data):
    if b"%PDF-" not in data[:HEADER_WINDOW]:
        _refuse("not_pdf")
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        if reader.encrypted:
            _refuse("encrypted")
        fields = reader.embedded_regular_signatures
    except ValidationError:
        raise
    except Exception as error:  # a damaged file breaks the parser in many ways
        logger.info("Unreadable signed copy: %r", error)
        raise ValidationError(wording.problem_sentence("unreadable"), code="unreadable") from error
    return fields


def inspect_signed_copy(file_or_bytes):
    """What each electronic signature of a signed copy says, as a JSON-serialisable list of dicts.

    ``file_or_bytes`` is the file's bytes or a binary file (an upload, a ``FieldFile`` open for
    reading). An unsigned PDF (a scan) gives an empty list. A file that is too large, not a PDF,
    damaged or encrypted raises a ``ValidationError`` with a French message. Each entry holds:
    ``field``, ``signer`` and ``organisation`` (the certificate subject's CN and O), ``signed_at``
    (ISO 8601) and ``signed_at_source`` (``timestamp`` for a timestamp token, ``signer`` for the
    time the signer's software declared), ``intact``, ``valid``, ``coverage`` (``entire_file``,
    ``entire_revision`` or ``partial``), ``covers_whole_document``, ``modification_level`` (what was
    added after it, pyHanko's level in lower case), ``docmdp_ok``, ``trusted``, ``trust_anchor``,
    ``trust_problem`` and ``summary`` (a French sentence).
    """
    fields = _open_pdf(_read_bounded(file_or_bytes))
    roots = trust_roots()
    found = []
    for embedded in fields[:MAX_SIGNATURES]:
        try:
            entry = _inspect_one(embedded, roots)
        except Exception as error:  # a damaged signature dictionary or CMS blob, from anyone's upload
            logger.info("Unreadable signature %s: %r", getattr(embedded, "field_name", "?"), error)
            entry = _unreadable(embedded)
        with translation.override("fr"):
            entry["summary"] = wording.signature_sentence(entry)
        found.append(entry)
    return found


def _inspect_one(embedded, roots):
    status = run_outside_event_loop(
        validate_pdf_signature,
        embedded,
        signer_validation_context=_validation_context(roots),
        key_usage_settings=KEY_USAGE,
    )
    subject = status.signing_cert.subject.native
    signed_at, source = status.signer_reported_dt, "signer" if status.signer_reported_dt else None
    token = status.timestamp_validity
    if token is not None and token.intact and token.valid:
        signed_at, source = token.timestamp, "timestamp"
    level = status.modification_level
    coverage = COVERAGE_NAMES.get(status.coverage, wording.PARTIAL)
    trust_problem = None
    if not status.trusted:
        trust_problem = (
            "revoked" if status.revoked else getattr(status.trust_problem_indic, "name", "").lower()
        )
    return {
        "field": str(embedded.field_name or ""),
        "signer": str(subject.get("common_name", "")),
        "organisation": str(subject.get("organization_name", "")),
        "signed_at": signed_at.isoformat() if signed_at else None,
        "signed_at_source": source,
        "intact": bool(status.intact),
        "valid": bool(status.valid),
        "coverage": coverage,
        "covers_whole_document": coverage == wording.ENTIRE_FILE,
        "modification_level": level.name.lower() if level is not None else None,
        "docmdp_ok": status.docmdp_ok,
        "trusted": bool(status.trusted),
        "trust_anchor": _common_name(status.validation_path[0]) if status.trusted else "",
        "trust_problem": trust_problem,
    }


def _common_name(certificate):
    subject = certificate.subject.native
    return str(subject.get("common_name") or subject.get("organization_name") or "")


def _unreadable(embedded):
    return {
        "field": str(getattr(embedded, "field_name", "") or ""),
        "signer": "",
        "organisation": "",
        "signed_at": None,
        "signed_at_source": None,
        "intact": False,
        "valid": False,
        "coverage": wording.PARTIAL,
        "covers_whole_document": False,
        "modification_level": None,
        "docmdp_ok": None,
        "trusted": False,
        "trust_anchor": "",
        "trust_problem": "unreadable",
    }


def record_signatures(version):
    """Check ``version``'s signed copy and store what was found in ``signatures`` and
    ``signatures_checked_at`` (those two fields only). A copy that cannot be read is stored as one
    entry ``{"error": code, "summary": French message}``. Returns the stored list."""
    if not version.signed_copy:
        version.signatures, version.signatures_checked_at = [], None
    else:
        try:
            with version.signed_copy.open("rb") as copy:
                version.signatures = inspect_signed_copy(copy)
        except ValidationError as error:
            code = error.code or "unreadable"
            with translation.override("fr"):
                version.signatures = [{"error": code, "summary": wording.problem_sentence(code)}]
        version.signatures_checked_at = timezone.now()
    version.save(update_fields=["signatures", "signatures_checked_at"])
    return version.signatures
