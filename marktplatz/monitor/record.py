"""Recording a home-page observation in the health history (`link_checks`) and moving the listing's status on.

Shared by the crawl (kind "crawl", via `processing`) and the daily check (kind "check"), so both write one history
and follow one status rule (`monitor.status`). The caller owns the transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from marktplatz.db.models import ChangeRecord, LinkCheck, Listing
from marktplatz.monitor.health import Observation, status_from
from marktplatz.monitor.status import HealthRules, Point, Verdict, next_status

HISTORY_LIMIT = 30


def record_observation(session: Session, listing: Listing, observation: Observation, *, kind: str,
                       run_id: int | None, now: datetime, rules: HealthRules | None = None) -> Verdict:
    """Add the observation to the history and apply the status rule to the listing; returns the verdict."""
    rules = rules or HealthRules()
    session.add(LinkCheck(trader_id=listing.trader_id, crawl_run_id=run_id, kind=kind, checked_at=now,
                          url=observation.url, final_url=observation.final_url,
                          http_status=observation.http_status, outcome=observation.outcome,
                          redirects=observation.redirects, tls=observation.tls, elapsed_ms=observation.elapsed_ms,
                          error=observation.error, details=observation.details))
    session.flush()
    history = recent_history(session, [listing.trader_id], HISTORY_LIMIT).get(listing.trader_id, [])
    verdict = next_status(listing.site_status, listing.status_since, [point_of(c) for c in history],
                          status_from(observation), rules)
    listing.last_checked_at = now
    listing.consecutive_failures = verdict.failures
    if observation.reachable and observation.final_url:
        listing.final_url = observation.final_url
    if verdict.changed:
        if listing.site_status not in ("not_crawled", "no_website"):
            session.add(ChangeRecord(trader_id=listing.trader_id, crawl_run_id=run_id, field="site_status",
                                     old=listing.site_status, new=verdict.status, changed_at=now,
                                     source_url=observation.url))
        listing.site_status = verdict.status
    listing.status_since = verdict.since
    return verdict


def point_of(check: LinkCheck) -> Point:
    return Point(check.checked_at, check.crawl_run_id, check.outcome)


def recent_history(session: Session, trader_ids: Sequence[str] | None = None, per_trader: int = HISTORY_LIMIT
                   ) -> dict[str, list[LinkCheck]]:
    """The newest `per_trader` observations of each trader (all traders, or the given ones), oldest first."""
    rank = func.row_number().over(partition_by=LinkCheck.trader_id,
                                  order_by=(LinkCheck.checked_at.desc(), LinkCheck.id.desc())).label("rank")
    inner = select(LinkCheck.id, rank)
    if trader_ids is not None:
        inner = inner.where(LinkCheck.trader_id.in_(list(trader_ids)))
    ranked = inner.subquery()
    query = (select(LinkCheck).join(ranked, ranked.c.id == LinkCheck.id).where(ranked.c.rank <= per_trader)
             .order_by(LinkCheck.trader_id, LinkCheck.checked_at, LinkCheck.id))
    out: dict[str, list[LinkCheck]] = {}
    for check in session.scalars(query):
        out.setdefault(check.trader_id, []).append(check)
    return out


def latest_verified_tls(session: Session, trader_id: str) -> dict[str, object] | None:
    """The TLS facts of the trader's newest daily check that verified the certificate (None without one)."""
    query = (select(LinkCheck.tls).where(LinkCheck.trader_id == trader_id, LinkCheck.kind == "check",
                                         LinkCheck.tls.is_not(None))
             .order_by(LinkCheck.checked_at.desc(), LinkCheck.id.desc()).limit(5))
    for tls in session.scalars(query):
        if isinstance(tls, dict) and tls.get("verified") is not None:
            return tls
    return None


def latest_check_details(session: Session, trader_id: str) -> dict[str, object]:
    """Details of the newest daily check (soft-404 probe etc.), or {}."""
    query = (select(LinkCheck.details).where(LinkCheck.trader_id == trader_id, LinkCheck.kind == "check")
             .order_by(LinkCheck.checked_at.desc(), LinkCheck.id.desc()).limit(1))
    details = session.scalars(query).first()
    return dict(details) if isinstance(details, dict) else {}
