"""The read queries every report shares; opted-out traders are left out here, once, for every export."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from marktplatz.db.models import BrokenLink, Finding, LinkCheck, Listing, Trader


def visible_traders(session: Session) -> list[Trader]:
    """Every trader who has not opted out, with the listing loaded, in id order."""
    query = (select(Trader).where(Trader.opt_out.is_(False)).options(selectinload(Trader.listing))
             .order_by(Trader.id))
    return list(session.scalars(query))


def findings_by_trader(session: Session) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = {}
    for f in session.scalars(select(Finding).order_by(Finding.trader_id, Finding.id)):
        out.setdefault(f.trader_id, []).append(f)
    return out


def broken_links_by_trader(session: Session) -> dict[str, list[BrokenLink]]:
    out: dict[str, list[BrokenLink]] = {}
    for b in session.scalars(select(BrokenLink).order_by(BrokenLink.trader_id, BrokenLink.id)):
        out.setdefault(b.trader_id, []).append(b)
    return out


def latest_checks(session: Session) -> dict[str, LinkCheck]:
    """The newest home-page observation per trader (one row each, however long the history has grown)."""
    from marktplatz.monitor.record import recent_history

    return {trader_id: checks[-1] for trader_id, checks in recent_history(session, per_trader=1).items()}


def listing_of(trader: Trader) -> Listing:
    return trader.listing or Listing(trader_id=trader.id, site_status="no_website" if not trader.website
                                     else "not_crawled")
