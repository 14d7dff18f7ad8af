"""Certificates are verified for real: TLS servers on 127.0.0.1 with a trusted, an expired, a self-signed and a
wrong-name certificate, checked against a CA store (the test CA stands in for the system store via SSL_CERT_FILE)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import trustme

from marktplatz.monitor.tls import leaf_problems, tls_summary, verify_certificate
from tests.monitor.servers import https_server, self_signed_cert

HOST = "www.laden-sicher.de"


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def trust_test_ca(ca: trustme.CA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make the test CA the system's trust store for this process (OpenSSL reads SSL_CERT_FILE)."""
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    return bundle


def _serve(leaf: trustme.LeafCert, tmp_path: Path, name: str) -> Iterator[int]:
    cert, key = tmp_path / f"{name}.pem", tmp_path / f"{name}.key"
    leaf.cert_chain_pems[0].write_to_path(str(cert))
    for pem in leaf.cert_chain_pems[1:]:
        pem.write_to_path(str(cert), append=True)
    leaf.private_key_pem.write_to_path(str(key))
    with https_server(cert, key) as port:
        yield port


def test_certificate_from_a_trusted_ca_for_the_right_name_is_valid(ca, trust_test_ca, tmp_path) -> None:
    for port in _serve(ca.issue_cert(HOST), tmp_path, "good"):
        assert verify_certificate("127.0.0.1", port, HOST, timeout=5) == {
            "verified": True, "problems": [], "verify_error": None}


def test_expired_certificate_is_reported_as_expired(ca, trust_test_ca, tmp_path) -> None:
    past = datetime.now(UTC) - timedelta(days=400)
    leaf = ca.issue_cert(HOST, not_before=past, not_after=past + timedelta(days=90))
    for port in _serve(leaf, tmp_path, "expired"):
        verdict = verify_certificate("127.0.0.1", port, HOST, timeout=5)
    assert verdict["verified"] is False and verdict["problems"] == ["expired"]


def test_self_signed_certificate_is_reported_as_self_signed(trust_test_ca, tmp_path) -> None:
    cert, key = self_signed_cert(HOST, tmp_path)
    with https_server(cert, key) as port:
        verdict = verify_certificate("127.0.0.1", port, HOST, timeout=5)
    assert verdict["verified"] is False and verdict["problems"] == ["self_signed"]


def test_certificate_for_another_name_is_a_hostname_mismatch(ca, trust_test_ca, tmp_path) -> None:
    for port in _serve(ca.issue_cert(HOST), tmp_path, "other"):
        verdict = verify_certificate("127.0.0.1", port, "www.anderer-laden.de", timeout=5)
    assert verdict["verified"] is False and verdict["problems"] == ["hostname_mismatch"]


def test_certificate_from_an_unknown_ca_is_untrusted(tmp_path, monkeypatch) -> None:
    other = trustme.CA()
    bundle = tmp_path / "unrelated.pem"
    trustme.CA().cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    for port in _serve(other.issue_cert(HOST), tmp_path, "unknown-ca"):
        verdict = verify_certificate("127.0.0.1", port, HOST, timeout=5)
    assert verdict["verified"] is False and verdict["problems"] == ["untrusted"]


def test_refused_port_gives_no_verdict_about_the_certificate(tmp_path) -> None:
    from marktplatz.demo.run import closed_port

    verdict = verify_certificate("127.0.0.1", closed_port(), HOST, timeout=2)
    assert verdict["verified"] is None and verdict["problems"] == []
    assert "handshake failed" in verdict["verify_error"]


def test_leaf_alone_shows_expiry_self_signature_and_wrong_name() -> None:
    facts = {"not_after": "2020-01-01T00:00:00+00:00", "expired": True, "self_signed": True,
             "dns_names": ["*.laden-sicher.de"], "days_left": -1000}
    assert leaf_problems(facts, "www.laden-sicher.de") == ["expired", "self_signed"]
    assert leaf_problems(facts, "laden-sicher.de") == ["expired", "self_signed", "hostname_mismatch"]
    assert leaf_problems(facts, "a.b.laden-sicher.de")[-1] == "hostname_mismatch"


def test_certificate_expiring_within_21_days_is_flagged_but_still_valid() -> None:
    facts = {"not_after": "x", "expired": False, "self_signed": False, "dns_names": [HOST], "days_left": 12}
    summary = tls_summary(facts, HOST, {"verified": True, "problems": []})
    assert summary is not None and summary["valid"] is True and summary["expiring"] is True
    later = tls_summary({**facts, "days_left": 40}, HOST, {"verified": True, "problems": []})
    assert later is not None and later["expiring"] is False
