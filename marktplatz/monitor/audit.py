"""Site-quality audit: a site's stored pages and crawl facts → findings `{code, severity, message_de, evidence}` and
a 0–100 score explained by them (pure: no db, no network, no clock — `today` comes in).

Runs on stored pages and the site's extraction, so re-auditing (`marktplatz reprocess`) needs no re-crawl. The
codes, severities and German messages live in `monitor.catalog`; the checks in `markup`, `privacy`, `legal` and
`freshness`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from marktplatz.monitor import freshness, legal, markup, privacy
from marktplatz.monitor.finding import AuditFinding, make_finding, score
from marktplatz.monitor.pages import AuditPage, site_view
from marktplatz.monitor.tls import problems_de
from marktplatz.monitor.wordlists import EVIDENCE_EXAMPLES

__all__ = ["AuditFinding", "AuditInput", "AuditPage", "audit_site", "score"]


@dataclass
class AuditInput:
    home_url: str
    final_url: str | None
    pages: list[AuditPage]  # every stored fetch of the site; the home page has kind "home"
    feed: dict[str, Any]  # the extraction's listing fields (`SiteRecord.to_feed()`), incl. "impressum"
    broken_links: list[dict[str, Any]]  # {"url", "status", "error", "found_on", "external"}
    today: date
    tls: dict[str, Any] | None = None  # `monitor.tls.tls_summary` of the home page
    health: dict[str, Any] = field(default_factory=dict)  # observation details: redirect_kind, parked, soft_404


def audit_site(data: AuditInput) -> list[AuditFinding]:
    """Every finding of one site, in catalog order of importance (most severe first)."""
    health = data.health or {}
    if health.get("parked"):
        parked = health["parked"]
        return [make_finding("parked_domain", {"kind": parked.get("kind"), "evidence": parked.get("evidence")},
                             detail=parked.get("evidence", ""))]
    if health.get("redirect_kind") == "social_media":
        return [make_finding("moved_to_social_media", {"final_url": data.final_url},
                             platform=health.get("platform") or "ein soziales Netzwerk")]

    final = data.final_url or data.home_url
    site = site_view(data.pages)
    findings: list[AuditFinding] = []
    findings += markup.check_https(final)
    findings += _tls_findings(data.tls)
    findings += legal.check_impressum_present(data.feed)
    if site.home is not None:
        findings += markup.check_home_basics(site.home)
        findings += markup.check_weight_and_speed(site.home)
    findings += markup.check_mixed_content(site)
    findings += legal.check_impressum_depth(data.feed, data.pages)
    findings += legal.check_impressum_complete(data.feed)
    findings += legal.check_datenschutz(site)
    findings += legal.check_obsolete_legal_text(site, data.today)
    findings += privacy.check_google_fonts(site)
    findings += privacy.check_consent(site)
    findings += privacy.check_remote_assets(site)
    findings += freshness.check_outdated_software(site, data.today)
    findings += freshness.check_copyright(site, data.today)
    findings += freshness.check_stale_content(site, data.today)
    findings += markup.check_legacy_markup(site)
    findings += markup.check_images_alt(site)
    findings += _listing_findings(data.feed)
    findings += _broken_link_findings(data.broken_links)
    if health.get("soft_404"):
        findings.append(make_finding("soft_404", {"probe": health.get("soft_404_probe")}))
    order = {"high": 0, "medium": 1, "low": 2, "info": 3}
    return sorted(findings, key=lambda f: order.get(f.severity, 9))


def _tls_findings(tls: dict[str, Any] | None) -> list[AuditFinding]:
    if not tls:
        return []
    problems = tls.get("problems") or []
    if problems:
        return [make_finding("tls_invalid", {"problems": problems, "not_after": tls.get("not_after"),
                                             "issuer": tls.get("issuer"), "verified": tls.get("verified")},
                             reason=problems_de(problems))]
    if tls.get("expiring"):
        return [make_finding("tls_expiring", {"days_left": tls.get("days_left"), "not_after": tls.get("not_after")})]
    return []


def _listing_findings(feed: dict[str, Any]) -> list[AuditFinding]:
    out = []
    if not feed.get("opening_hours") and not feed.get("other_hours") and not feed.get("opening_hours_note"):
        out.append(make_finding("no_opening_hours_online"))
    if not feed.get("phones") and not feed.get("emails"):
        out.append(make_finding("no_contact_online"))
    return out


def _broken_link_findings(broken: list[dict[str, Any]]) -> list[AuditFinding]:
    if not broken:
        return []
    internal = [b for b in broken if not b.get("external")]
    external = [b for b in broken if b.get("external")]
    n = len(broken)
    evidence = {"count": n, "internal": len(internal), "external": len(external),
                "examples": [{"url": b["url"], "status": b.get("status"), "found_on": b.get("found_on")}
                             for b in (internal + external)[:EVIDENCE_EXAMPLES]]}
    return [make_finding("broken_links", evidence, severity="medium" if n > 2 else "low")]
