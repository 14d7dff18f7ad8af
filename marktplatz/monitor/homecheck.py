"""What the daily check saw of one home page (facts from the health spider) → one health observation (pure).

A check is up to three looks: the home page, a second strategy when that failed (`health.second_strategy`), and a
random path on a working site to see whether it admits "not found" (soft 404). Certificates are verified by a
separate handshake (`monitor.tls.verify_certificate`); the verdict arrives here as plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from marktplatz.monitor.health import Observation, observe
from marktplatz.monitor.parked import detect_parked
from marktplatz.monitor.tls import tls_summary


@dataclass
class Attempt:
    """One look at a home page address."""

    url: str
    final_url: str | None = None
    status: int | None = None
    error_kind: str | None = None
    error: str | None = None
    redirects: list[dict[str, Any]] = field(default_factory=list)
    elapsed_ms: int | None = None
    dns: str | None = None  # after a DNS failure: nxdomain / temporary / resolves / other

    @property
    def ok(self) -> bool:
        return self.error_kind is None and self.status is not None and self.status < 400

    def to_json(self) -> dict[str, Any]:
        out = {"url": self.url, "final_url": self.final_url, "status": self.status, "error_kind": self.error_kind,
               "error": self.error}
        if self.dns:
            out["dns"] = self.dns
        return out


@dataclass
class HomeCheck:
    """Everything one site's check found; the spider fills it, the pipeline records it."""

    trader_id: str
    url: str
    attempts: list[Attempt] = field(default_factory=list)
    body: bytes | None = None  # the working attempt's body (first 400 KB), for the parked-page test
    certificate: dict[str, Any] | None = None  # `crawler.tls.certificate_facts` of the working attempt
    verification: dict[str, Any] | None = None  # `monitor.tls.verify_certificate`
    probe: dict[str, Any] | None = None  # the random path: {"url", "status", "final_url", "error_kind"}


def observation_from_check(check: HomeCheck) -> Observation:
    """The observation the check adds to the history, with what it learned in `details`."""
    if not check.attempts:
        return Observation(url=check.url, outcome="other", error="nothing was fetched")
    first, last = check.attempts[0], check.attempts[-1]
    if not last.ok:
        # Both looks failed: the address the trader gave is the one to report on.
        last = first
    final = last.final_url or last.url
    parked = None
    if last.ok:
        verdict = detect_parked(check.body, final, [h.get("url", "") for h in last.redirects])
        parked = verdict.to_json() if verdict else None
    tls = tls_summary(check.certificate, urlsplit(final).hostname, check.verification) \
        if (check.certificate or check.verification) and final.startswith("https://") else None
    obs = observe(last.url, last.status, last.error_kind, last.error, last.final_url, last.redirects, tls,
                  last.elapsed_ms, parked)
    obs.url = check.url
    if len(check.attempts) > 1:
        second = check.attempts[-1]
        obs.details["first_attempt"] = first.to_json()
        obs.details["second_strategy"] = second.to_json()
        if second.ok:
            obs.details["fallback_url"] = second.url
    if last.dns:
        obs.details["dns"] = last.dns
    soft = soft_404(check.probe)
    if soft is not None:
        obs.details["soft_404"] = soft
        if soft:
            obs.details["soft_404_probe"] = check.probe
    return obs


def soft_404(probe: dict[str, Any] | None) -> bool | None:
    """True when a path that cannot exist answered like a page; None when the probe tells nothing."""
    if not probe or probe.get("error_kind"):
        return None
    status = probe.get("status")
    if status is None:
        return None
    return 200 <= int(status) < 300
