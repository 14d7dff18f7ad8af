"""One trader's stored crawl → health observation, extraction, broken links, findings and listing, in one transaction.

Called by the crawl pipeline when a site's crawl ends, and by `marktplatz reprocess` to re-run extraction and audit
on the stored bodies without fetching anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from marktplatz.crawler.pages import extract_page, merge_site
from marktplatz.crawler.pages.record import PageRecord, SiteRecord
from marktplatz.db.bodies import BodyStore, ReadOnce
from marktplatz.db.models import (
    Base,
    BrokenLink,
    ExtractedValue,
    Finding,
    Listing,
    Page,
    SiteSnapshot,
    Trader,
)
from marktplatz.db.repo.pages import pages_of_trader
from marktplatz.listings.update import apply_extraction, mark_stale
from marktplatz.monitor.audit import AuditInput, AuditPage, audit_site, score
from marktplatz.monitor.finding import AuditFinding
from marktplatz.monitor.health import Observation, observe
from marktplatz.monitor.parked import detect_parked
from marktplatz.monitor.record import latest_check_details, latest_verified_tls, record_observation
from marktplatz.monitor.status import HealthRules
from marktplatz.monitor.tls import tls_summary

BERLIN = ZoneInfo("Europe/Berlin")
EXTRACTED_KINDS = ("home", "page", "probe")
BROKEN_ERROR_KINDS = frozenset({"dns", "refused", "timeout", "reset", "tls", "other", "redirects", "blocked"})
# External sites that refuse bots (social networks answer 403/429/999 to anything automated) are not "broken".
UNVERIFIABLE_EXTERNAL_STATUSES = frozenset({401, 403, 429, 999})


@dataclass
class SiteOutcome:
    trader_id: str
    site_status: str
    pages: int
    fields_found: dict[str, int]
    broken_links: int
    score: int | None


@dataclass
class PreparedSite:
    """What a site's stored crawl says, worked out without writing anything (extraction and audit: the CPU work)."""

    trader_id: str
    pages: list[Page]
    observation: Observation
    record: SiteRecord
    feed: dict[str, Any]
    broken: list[dict[str, Any]]
    own_site: bool  # the home page answered, and it is the trader's own site (not parked, not a social profile)
    findings: list[AuditFinding] | None  # None when the home page did not answer with a body


def process_site(session: Session, store: BodyStore, trader: Trader, run_id: int | None, now: datetime,
                 record_health: bool = True, crawl_facts: dict[str, Any] | None = None,
                 rules: HealthRules | None = None) -> SiteOutcome:
    """Everything that follows a site's crawl. The caller owns the transaction (one per site).

    `record_health=False` re-runs extraction and audit on stored pages without adding a health observation."""
    prepared = prepare_site(session, store, trader, run_id, now, record_health, crawl_facts)
    return store_site(session, prepared, run_id, now, record_health, rules)


def prepare_site(session: Session, store: BodyStore, trader: Trader, run_id: int | None, now: datetime,
                 record_health: bool = True, crawl_facts: dict[str, Any] | None = None) -> PreparedSite:
    """Read the site's pages and bodies, extract and audit. Only reads: a worker runs it in a read transaction, so
    the slow part holds no write lock (on SQLite one writer at a time would otherwise wait for it)."""
    store = ReadOnce(store)
    pages = pages_of_trader(session, trader.id, run_id)
    home = next((p for p in pages if p.kind == "home"), None)
    observation = _observe_home(trader, home, store)
    if record_health:
        observation.details.update({**(crawl_facts or {}), "pages": len(pages),
                                    "bytes": sum(p.size or 0 for p in pages)})
    record, home_body = extract_site(store, pages, trader.website or observation.url, local_date(now))
    feed = record.to_feed()
    broken = broken_links_of(pages)
    answered = observation.reachable and home_body is not None
    # A parking page or a social-media profile is not the trader's site: its "contact data" must not replace the
    # listing's verified values, which stay and are marked stale.
    own_site = answered and observation.outcome != "parked" \
        and observation.details.get("redirect_kind") != "social_media"
    findings = audit_site(audit_input(session, store, trader, pages, observation, feed, broken, now)) \
        if answered else None
    return PreparedSite(trader.id, pages, observation, record, feed, broken, own_site, findings)


def store_site(session: Session, prepared: PreparedSite, run_id: int | None, now: datetime,
               record_health: bool = True, rules: HealthRules | None = None) -> SiteOutcome:
    """Write what `prepare_site` worked out: health observation, broken links, listing, findings, snapshot."""
    trader_id = prepared.trader_id
    listing = session.get(Listing, trader_id)
    if listing is None:
        listing = Listing(trader_id=trader_id)
        session.add(listing)
    if record_health:
        record_observation(session, listing, prepared.observation, kind="crawl", run_id=run_id, now=now,
                           rules=rules)
        listing.last_crawled_at = now

    # A link broken for weeks is not "newly broken": keep the day it was first seen.
    first_seen = {url: seen for url, seen in session.execute(
        select(BrokenLink.url, BrokenLink.first_seen_at).where(BrokenLink.trader_id == trader_id))}
    session.execute(delete(BrokenLink).where(BrokenLink.trader_id == trader_id))
    _insert(session, BrokenLink, [
        {"trader_id": trader_id, "crawl_run_id": run_id, "url": b["url"], "status": b["status"], "error": b["error"],
         "found_on": b["found_on"], "external": b["external"], "first_seen_at": first_seen.get(b["url"], now),
         "last_seen_at": now} for b in prepared.broken])

    codes: list[str] = []
    if prepared.own_site:
        apply_extraction(session, listing, prepared.feed, prepared.record.sources(), now, run_id)
        _store_extracted_values(session, trader_id, run_id, prepared.record, now)
    else:
        mark_stale(listing)
    if prepared.findings is not None:
        session.execute(delete(Finding).where(Finding.trader_id == trader_id))
        _insert(session, Finding, [
            {"trader_id": trader_id, "crawl_run_id": run_id, "code": f.code, "severity": f.severity,
             "message_de": f.message_de, "evidence": f.evidence, "created_at": now} for f in prepared.findings])
        listing.quality_score = score(prepared.findings)
        codes = [f.code for f in prepared.findings]
    session.add(SiteSnapshot(trader_id=trader_id, taken_at=now, iso_week=iso_week(now),
                             site_status=listing.site_status, score=listing.quality_score,
                             finding_codes=codes))
    found = {k: (len(v) if isinstance(v, list) else int(v is not None)) for k, v in prepared.feed.items()
             if k in ("name", "phones", "fax", "emails", "address", "opening_hours", "offerings", "impressum_url")}
    return SiteOutcome(trader_id, listing.site_status, len(prepared.pages), found,
                       sum(1 for b in prepared.broken if not b["external"]), listing.quality_score)


def audit_input(session: Session, store: BodyStore, trader: Trader, pages: list[Page], observation: Observation,
                feed: dict[str, Any], broken: list[dict[str, Any]], now: datetime) -> AuditInput:
    """What the audit reads: every stored page with its body, the TLS verdict (the daily check's verification when
    it saw the same certificate), the health details, the extraction and the broken links. No network."""
    audit_pages = [AuditPage(url=p.url, kind=p.kind, body=store.get(p.body_path) if p.body_path else None,
                             final_url=p.final_url, status=p.status, depth=p.depth, headers=p.headers or {},
                             links=p.links or [], elapsed_ms=p.elapsed_ms, size=p.size)
                   for p in pages if p.kind in ("home", "page", "probe")]
    final = observation.final_url or observation.url
    tls = observation.tls
    if tls is not None:
        checked = latest_verified_tls(session, trader.id)
        if checked is not None and checked.get("not_after") == tls.get("not_after") \
                and checked.get("subject") == tls.get("subject"):
            tls = tls_summary(tls, urlsplit(final).hostname, {"verified": checked.get("verified"),
                                                               "problems": checked.get("problems") or [],
                                                               "verify_error": checked.get("verify_error")})
    health = dict(observation.details)
    check = latest_check_details(session, trader.id)
    if check.get("soft_404"):
        health["soft_404"] = True
        health["soft_404_probe"] = check.get("soft_404_probe")
    return AuditInput(home_url=trader.website or observation.url, final_url=final, pages=audit_pages, feed=feed,
                      broken_links=broken, today=local_date(now), tls=tls, health=health)


def local_date(when: datetime) -> date:
    """The crawl's calendar day in Herne: what "this year's holidays" and "a past Betriebsurlaub" are judged by."""
    return when.astimezone(BERLIN).date()


def extract_site(store: BodyStore, pages: list[Page], home_url: str, today: date | None = None
                 ) -> tuple[SiteRecord, bytes | None]:
    """Run the page objects over the stored bodies (home page first) and merge them."""
    records: list[PageRecord] = []
    home_body: bytes | None = None
    for page in pages:
        if page.kind not in EXTRACTED_KINDS or not page.body_path or (page.status or 0) >= 400:
            continue
        body = store.get(page.body_path)
        if body is None:
            continue
        if page.kind == "home":
            home_body = body
        records.append(extract_page(body, page.final_url or page.url, page.headers or {}, today=today))
    return merge_site(records, home_url, today=today), home_body


def broken_links_of(pages: list[Page]) -> list[dict[str, Any]]:
    """Links found on the site's pages whose target answered 4xx/5xx or could not be fetched."""
    out = []
    for page in pages:
        if page.found_on is None or page.kind not in ("page", "link", "external"):
            continue
        failed = page.error_kind in BROKEN_ERROR_KINDS
        if not failed and not (page.status is not None and page.status >= 400):
            continue
        if page.kind == "external" and not failed and page.status in UNVERIFIABLE_EXTERNAL_STATUSES:
            continue
        out.append({"url": page.url, "status": page.status, "error": page.error, "found_on": page.found_on,
                    "external": page.kind == "external"})
    return out


def _observe_home(trader: Trader, home: Page | None, store: BodyStore) -> Observation:
    """The crawl's look at the home page as a health observation (parked pages recognised from the stored body)."""
    url = trader.website or ""
    if home is None:
        return Observation(url=url, outcome="other", error="the home page was not fetched in this run")
    redirects = home.redirects or []
    parked = None
    if home.error_kind is None and home.status is not None and home.status < 400:
        body = store.get(home.body_path) if home.body_path else None
        verdict = detect_parked(body, home.final_url, [h.get("url", "") for h in redirects])
        parked = verdict.to_json() if verdict else None
    final = home.final_url or home.url
    tls = tls_summary(home.tls, urlsplit(final).hostname) if home.tls else None
    return observe(home.url, home.status, home.error_kind, home.error, home.final_url, redirects, tls,
                   home.elapsed_ms, parked)


def _store_extracted_values(session: Session, trader_id: str, run_id: int | None, record: SiteRecord,
                            now: datetime) -> None:
    session.execute(delete(ExtractedValue).where(ExtractedValue.trader_id == trader_id))
    single: dict[str, Any] = {"name": record.name, "address": record.address, "opening_hours": record.opening_hours,
                              "opening_hours_note": record.opening_hours_note, "impressum_url": record.impressum_url}
    multi: dict[str, Any] = {"phones": record.phones, "fax": record.fax, "emails": record.emails,
                             "offerings": record.offerings, "other_hours": record.other_hours,
                             "special_hours": record.special_hours}
    found_values = [(name, found) for name, found in single.items() if found is not None]
    found_values += [(name, found) for name, items in multi.items() for found in items]
    _insert(session, ExtractedValue, [_value_row(trader_id, run_id, name, found, now) for name, found in found_values])


def _value_row(trader_id: str, run_id: int | None, name: str, found: Any, now: datetime) -> dict[str, Any]:
    value = found.value.to_json() if hasattr(found.value, "to_json") else found.value
    return {"trader_id": trader_id, "crawl_run_id": run_id, "field": name, "value": value,
            "source_url": found.provenance.source_url, "method": found.provenance.method,
            "confidence": found.provenance.confidence, "extracted_at": now}


def _insert(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
    """Rows nothing else in the transaction reads back, in one multi-row INSERT: the unit of work's bookkeeping
    per object cost more than the database's own work for a site's findings, values and broken links."""
    if rows:
        session.execute(insert(model), rows)


def iso_week(when: datetime) -> str:
    year, week, _ = when.isocalendar()
    return f"{year}-W{week:02d}"
