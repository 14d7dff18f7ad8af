"""Per-site link health export (`marktplatz export health`): status, redirects, TLS, down-since, flapping and broken
links, as JSON (the CLI contract) and as CSV (one row per site, for Excel).

`broken_links` holds the site's *internal* broken links only; broken links to other sites are in
`broken_external_links`. Read-only: everything comes from the listing and the health history.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from marktplatz.db.models import LinkCheck
from marktplatz.monitor.health import FAILED_STATUSES
from marktplatz.monitor.record import point_of, recent_history
from marktplatz.monitor.status import HealthRules, failure_streak, is_confirmed, is_flapping, last_ok
from marktplatz.reports.csvfiles import csv_bytes
from marktplatz.reports.queries import broken_links_by_trader, listing_of, visible_traders

HISTORY_IN_EXPORT = 10
CSV_COLUMNS = ("id", "website", "site_status", "status_confirmed", "down_since", "failing_since", "flapping",
               "consecutive_failures", "outcome", "error", "http_status", "final_url", "redirect_kind", "redirects",
               "tls_valid", "tls_problems", "tls_days_left", "tls_not_after", "soft_404", "parked", "checked_at",
               "last_ok_at", "broken_links", "broken_link_urls", "broken_external_links")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def build_health(session: Session, now: datetime, rules: HealthRules | None = None) -> dict[str, Any]:
    rules = rules or HealthRules()
    histories = recent_history(session)
    broken = broken_links_by_trader(session)
    sites = []
    for trader in visible_traders(session):
        listing = listing_of(trader)
        history: list[LinkCheck] = histories.get(trader.id, [])
        check = history[-1] if history else None
        points = [point_of(c) for c in history]
        streak = failure_streak(points)
        links = broken.get(trader.id, [])
        status = listing.site_status if trader.website else "no_website"
        down = status in FAILED_STATUSES
        details = dict(check.details or {}) if check else {}
        tls = check.tls if check else None
        sites.append({
            "id": trader.id,
            "website": trader.website,
            "site_status": status,
            # A failed status that the N-failures rule has not confirmed yet (the site never answered so far).
            "status_confirmed": is_confirmed(streak, rules) if down else None,
            "http_status": check.http_status if check else None,
            "final_url": check.final_url if check else None,
            "redirects": check.redirects if check else [],
            "redirect_kind": details.get("redirect_kind"),
            "tls": tls,
            "outcome": check.outcome if check else None,
            "error": check.error if check else None,
            "checked_at": _iso(check.checked_at) if check else None,
            "check_kind": check.kind if check else None,
            "down_since": _iso(listing.status_since) if down else None,
            "failing_since": _iso(streak[0].checked_at) if streak else None,
            "last_ok_at": _iso(last_ok(points)),
            "flapping": is_flapping(points, rules),
            "consecutive_failures": listing.consecutive_failures,
            "dns": details.get("dns"),
            "second_strategy": details.get("second_strategy"),  # the retry's address and result, if one was needed
            "fallback_url": details.get("fallback_url"),
            "soft_404": details.get("soft_404"),
            "parked": details.get("parked"),
            "broken_links": [{"url": b.url, "status": b.status, "error": b.error, "found_on": b.found_on}
                             for b in links if not b.external],
            "broken_external_links": [{"url": b.url, "status": b.status, "error": b.error, "found_on": b.found_on}
                                      for b in links if b.external],
            "history": [{"checked_at": _iso(c.checked_at), "kind": c.kind, "outcome": c.outcome,
                         "http_status": c.http_status} for c in history[-HISTORY_IN_EXPORT:]],
        })
    return {"generated_at": now.isoformat(timespec="seconds"), "sites": sites}


def health_csv_bytes(health: dict[str, Any]) -> bytes:
    """One row per site, as German Excel expects it (`reports.csvfiles`)."""
    rows = []
    for site in health["sites"]:
        tls = site.get("tls") or {}
        parked = site.get("parked") or {}
        row = {
            **{k: site.get(k) for k in ("id", "website", "site_status", "down_since", "failing_since", "outcome",
                                        "error", "http_status", "final_url", "redirect_kind", "checked_at",
                                        "last_ok_at", "consecutive_failures")},
            "status_confirmed": _yes_no(site.get("status_confirmed")),
            "flapping": _yes_no(site.get("flapping")),
            "redirects": " → ".join(h.get("url", "") for h in site.get("redirects") or []),
            "tls_valid": _yes_no(tls.get("valid")),
            "tls_problems": ", ".join(tls.get("problems") or []),
            "tls_days_left": tls.get("days_left"),
            "tls_not_after": tls.get("not_after"),
            "soft_404": _yes_no(site.get("soft_404")),
            "parked": parked.get("kind", ""),
            "broken_links": len(site["broken_links"]),
            "broken_link_urls": " ".join(b["url"] for b in site["broken_links"]),
            "broken_external_links": len(site["broken_external_links"]),
        }
        rows.append([row[c] for c in CSV_COLUMNS])
    return csv_bytes(CSV_COLUMNS, rows)


def _yes_no(value: Any) -> str:
    if value is None:
        return ""
    return "ja" if value else "nein"
