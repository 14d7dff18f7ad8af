"""Facts about a server's TLS certificate (expiry, issuer, self-signed) as plain JSON for the health history."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from cryptography import x509


def certificate_facts(certificate: Any, now: datetime | None = None) -> dict[str, Any] | None:
    """`response.certificate` (a Twisted/pyOpenSSL certificate) → `{not_after, days_left, issuer, ...}`."""
    if certificate is None:
        return None
    try:
        cert = _to_cryptography(certificate)
    except Exception as exc:  # an unreadable certificate is itself a finding, not a crash
        return {"error": f"unreadable certificate: {type(exc).__name__}"}
    return describe_certificate(cert, now)


def describe_certificate(cert: x509.Certificate, now: datetime | None = None) -> dict[str, Any]:
    now = now or datetime.now(UTC)
    not_after = cert.not_valid_after_utc
    not_before = cert.not_valid_before_utc
    try:
        names = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value.get_values_for_type(
            x509.DNSName)
    except x509.ExtensionNotFound:
        names = []
    return {
        "subject": cert.subject.rfc4514_string(),
        "issuer": cert.issuer.rfc4514_string(),
        "not_before": not_before.isoformat(),
        "not_after": not_after.isoformat(),
        "days_left": (not_after - now).days,
        "expired": not_after < now,
        "self_signed": cert.issuer == cert.subject,
        "dns_names": list(names)[:20],
    }


def _to_cryptography(certificate: Any) -> x509.Certificate:
    original = getattr(certificate, "original", certificate)
    if hasattr(original, "to_cryptography"):
        converted: x509.Certificate = original.to_cryptography()
        return converted
    if hasattr(certificate, "dump"):
        from OpenSSL import crypto

        return x509.load_der_x509_certificate(certificate.dump(crypto.FILETYPE_ASN1))
    raise TypeError(f"unknown certificate type {type(certificate).__name__}")
