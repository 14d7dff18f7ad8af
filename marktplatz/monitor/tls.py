"""Is a site's certificate valid? Checked for real against the system's CA store, plus what the leaf alone shows.

Scrapy does not verify certificates, so a crawl sees an expired or self-signed site as working. The daily check
therefore opens one more TLS connection to the address Scrapy connected to (already vetted by the private-address
guard) and lets OpenSSL verify chain, dates and host name (`verify_certificate`, blocking: run it in a thread).
A crawl without that second handshake still judges the leaf certificate it got (`leaf_problems`): dates,
self-signed, host name.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from marktplatz.monitor.wordlists import TLS_WARN_DAYS

# OpenSSL verify codes → our problem names.
VERIFY_CODES = {
    9: "not_yet_valid", 10: "expired", 18: "self_signed", 19: "untrusted", 20: "untrusted", 21: "untrusted",
    2: "untrusted", 23: "revoked", 62: "hostname_mismatch", 64: "hostname_mismatch",
}
PROBLEMS_DE = {
    "expired": "abgelaufen", "not_yet_valid": "noch nicht gültig", "self_signed": "selbst ausgestellt",
    "untrusted": "nicht von einer anerkannten Zertifizierungsstelle unterschrieben",
    "hostname_mismatch": "für einen anderen Namen ausgestellt", "revoked": "widerrufen",
    "invalid": "ungültig",
}


def verify_context() -> ssl.SSLContext:
    """A verifying client context on the system's CA store (certifi when the system has none)."""
    ctx = ssl.create_default_context()
    paths = ssl.get_default_verify_paths()
    has_system_store = bool((paths.cafile and Path(paths.cafile).is_file())
                            or (paths.capath and Path(paths.capath).is_dir() and any(Path(paths.capath).iterdir())))
    if not has_system_store:
        try:
            import certifi

            ctx.load_verify_locations(certifi.where())
        except ImportError:  # no store at all: every certificate will show as untrusted, which is honest
            pass
    return ctx


def verify_certificate(ip: str, port: int, host: str, timeout: float = 10.0) -> dict[str, Any]:
    """Handshake with `ip:port` as `host` (SNI) and let OpenSSL verify the chain, dates and name.

    Returns `{"verified": True|False|None, "problems": [...], "verify_error": str|None}`; None when the handshake
    itself failed (no verdict about the certificate)."""
    ctx = verify_context()
    try:
        with socket.create_connection((ip, port), timeout=timeout) as raw, \
                ctx.wrap_socket(raw, server_hostname=host) as tls:
            tls.getpeercert()
        return {"verified": True, "problems": [], "verify_error": None}
    except ssl.SSLCertVerificationError as exc:
        problem = VERIFY_CODES.get(exc.verify_code, "invalid")
        return {"verified": False, "problems": [problem], "verify_error": f"{exc.verify_code}: {exc.verify_message}"}
    except (OSError, ssl.SSLError, ValueError) as exc:
        message = f"handshake failed: {type(exc).__name__}: {exc}"[:300]
        return {"verified": None, "problems": [], "verify_error": message}


def leaf_problems(facts: dict[str, Any] | None, host: str | None) -> list[str]:
    """What the leaf certificate's own fields show (dates, self-signed, name), without a trust store."""
    if not facts or "not_after" not in facts:
        return []
    problems = []
    if facts.get("expired"):
        problems.append("expired")
    if facts.get("self_signed"):
        problems.append("self_signed")
    names = facts.get("dns_names") or []
    if host and names and not _is_ip(host) and not any(name_matches(n, host) for n in names):
        problems.append("hostname_mismatch")
    return problems


def tls_summary(facts: dict[str, Any] | None, host: str | None, verification: dict[str, Any] | None = None
                ) -> dict[str, Any] | None:
    """Certificate facts plus the verdict: `valid` (None when unknown), `problems`, `expiring`."""
    if facts is None and verification is None:
        return None
    out: dict[str, Any] = dict(facts or {})
    problems = list(leaf_problems(facts, host))
    if verification is not None:
        out["verified"] = verification.get("verified")
        if verification.get("verify_error"):
            out["verify_error"] = verification["verify_error"]
        for p in verification.get("problems") or []:
            if p not in problems:
                problems.append(p)
    out["problems"] = problems
    verified = out.get("verified")
    out["valid"] = False if problems else (True if verified else None)
    days = out.get("days_left")
    out["expiring"] = isinstance(days, int) and 0 <= days < TLS_WARN_DAYS and "expired" not in problems
    return out


def problems_de(problems: Sequence[str]) -> str:
    return ", ".join(PROBLEMS_DE.get(p, p) for p in problems)


def name_matches(pattern: str, host: str) -> bool:
    """RFC 6125 matching: a wildcard stands for exactly one left-most label."""
    pattern, host = pattern.lower().rstrip("."), host.lower().rstrip(".")
    if pattern.startswith("*."):
        rest = pattern[2:]
        return host.endswith("." + rest) and "." not in host[: -len(rest) - 1]
    return pattern == host


def _is_ip(host: str) -> bool:
    return host.replace(".", "").isdigit() or ":" in host
