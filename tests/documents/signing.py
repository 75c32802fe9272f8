"""A small test PKI and a PAdES signer: a self-signed authority, a signer's certificate, pyHanko."""

import datetime
import io
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from pyhanko.keys.internal import (
    translate_pyca_cryptography_cert_to_asn1,
    translate_pyca_cryptography_key_to_asn1,
)
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko_certvalidator.registry import SimpleCertificateStore

from documents.signatures import run_outside_event_loop

AUTHORITY_NAME = "AC de test Citédu"

_ONLY_SIGNING = {
    "digital_signature": True,
    "content_commitment": True,
    "key_encipherment": False,
    "data_encipherment": False,
    "key_agreement": False,
    "key_cert_sign": False,
    "crl_sign": False,
    "encipher_only": False,
    "decipher_only": False,
}
_ONLY_CERTIFYING = {
    **_ONLY_SIGNING,
    "digital_signature": False,
    "content_commitment": False,
    "key_cert_sign": True,
    "crl_sign": True,
}


def _name(common_name, organisation):
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
        ]
    )


def _key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class TestAuthority:
    """A self-signed root and what it signs; ``pem`` is the root as a trust-root file holds it."""

    __test__ = False  # not a pytest test class

    certificate: x509.Certificate
    key: rsa.RSAPrivateKey

    @classmethod
    def create(cls):
        key = _key()
        name = _name(AUTHORITY_NAME, "Citédu tests")
        now = datetime.datetime.now(datetime.UTC)
        certificate = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(**_ONLY_CERTIFYING), critical=True)
            .sign(key, hashes.SHA256())
        )
        return cls(certificate, key)

    @property
    def pem(self):
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    def signer(self, common_name, organisation, *, revocation_url=None):
        """A pyHanko signer with a certificate issued by this authority. With ``revocation_url``,
        the certificate declares an OCSP responder and a CRL there, as real ones do."""
        key = _key()
        now = datetime.datetime.now(datetime.UTC)
        builder = (
            x509.CertificateBuilder()
            .subject_name(_name(common_name, organisation))
            .issuer_name(self.certificate.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=90))
            .add_extension(x509.KeyUsage(**_ONLY_SIGNING), critical=True)
        )
        if revocation_url:
            builder = builder.add_extension(
                x509.AuthorityInformationAccess(
                    [
                        x509.AccessDescription(
                            x509.AuthorityInformationAccessOID.OCSP,
                            x509.UniformResourceIdentifier(revocation_url),
                        )
                    ]
                ),
                critical=False,
            ).add_extension(
                x509.CRLDistributionPoints(
                    [
                        x509.DistributionPoint(
                            [x509.UniformResourceIdentifier(f"{revocation_url}/ac.crl")], None, None, None
                        )
                    ]
                ),
                critical=False,
            )
        certificate = builder.sign(self.key, hashes.SHA256())
        return signers.SimpleSigner(
            signing_cert=translate_pyca_cryptography_cert_to_asn1(certificate),
            signing_key=translate_pyca_cryptography_key_to_asn1(key),
            cert_registry=SimpleCertificateStore.from_certs(
                [translate_pyca_cryptography_cert_to_asn1(self.certificate)]
            ),
        )


def sign_pdf(pdf_bytes, signer, field_name="Signature1"):
    """The PDF with one more PAdES signature, appended as an incremental update (as Acrobat does)."""
    out = io.BytesIO()
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes))
    run_outside_event_loop(
        signers.sign_pdf,
        writer,
        signers.PdfSignatureMetadata(field_name=field_name, subfilter=SigSeedSubFilter.PADES),
        signer=signer,
        output=out,
    )
    return out.getvalue()


def append_drawing(pdf_bytes):
    """The PDF with a red bar drawn on its first page in an incremental update (after any signature)."""
    out = io.BytesIO()
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes))
    bar = generic.StreamObject(stream_data=b"q 1 0 0 rg 40 40 300 30 re f Q")
    writer.add_stream_to_page(0, writer.add_object(bar))
    writer.write(out)
    return out.getvalue()
