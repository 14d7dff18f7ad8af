"""Traders: upsert from an import, list, look up, opt-out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from marktplatz.db.models import Listing, Trader, utcnow
from marktplatz.registry.importer import TraderRow

_FIELDS = ("name", "category", "street", "postcode", "city", "phone", "email", "website_raw")


@dataclass
class ImportCounts:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def apply_import(session: Session, rows: Sequence[TraderRow], source: str) -> ImportCounts:
    """Create or update traders by id. Rows absent from the file are left alone (a partial list deletes nothing),
    and an opt-out is only ever added by a file, never withdrawn (withdrawing one is `traders opt-out --undo`)."""
    counts = ImportCounts()
    existing = {t.id: t for t in session.scalars(select(Trader).where(Trader.id.in_([r.id for r in rows])))}
    now = utcnow()
    for row in rows:
        trader = existing.get(row.id)
        wanted = {f: getattr(row, f) for f in _FIELDS}
        wanted["websites"] = list(row.websites)
        wanted["website"] = row.websites[0] if row.websites else None
        if trader is None:
            trader = Trader(id=row.id, created_at=now, updated_at=now, source=f"{source}:{row.line}",
                            opt_out=bool(row.opt_out), opt_out_at=now if row.opt_out else None, **wanted)
            session.add(trader)
            session.add(Listing(trader_id=row.id, site_status="not_crawled" if row.websites else "no_website"))
            counts.created.append(row.id)
            continue
        changed = {k: v for k, v in wanted.items() if getattr(trader, k) != v}
        if row.opt_out and not trader.opt_out:
            changed["opt_out"] = True
            changed["opt_out_at"] = now
        if not changed:
            counts.unchanged.append(row.id)
            continue
        for key, value in changed.items():
            setattr(trader, key, value)
        trader.updated_at = now
        trader.source = f"{source}:{row.line}"
        if "website" in changed:
            _reset_listing_for_new_website(session, trader)
        counts.updated.append(row.id)
    return counts


def _reset_listing_for_new_website(session: Session, trader: Trader) -> None:
    listing = session.get(Listing, trader.id)
    if listing is None:
        session.add(Listing(trader_id=trader.id, site_status="not_crawled" if trader.website else "no_website"))
        return
    listing.site_status = "not_crawled" if trader.website else "no_website"
    listing.consecutive_failures = 0
    listing.status_since = None


def list_traders(session: Session) -> list[Trader]:
    return list(session.scalars(select(Trader).order_by(Trader.id)))


def get_trader(session: Session, trader_id: str) -> Trader | None:
    return session.get(Trader, trader_id)


def traders_to_crawl(session: Session, ids: Sequence[str] = ()) -> list[Trader]:
    """Traders with a website who have not opted out, all or the named ones (in id order). An opted-out trader's
    site is not crawled at all: nothing is kept about a trader who asked to be left alone."""
    query = select(Trader).where(Trader.website.is_not(None), Trader.opt_out.is_(False)).order_by(Trader.id)
    if ids:
        query = query.where(Trader.id.in_(list(ids)))
    return list(session.scalars(query))


def set_opt_out(session: Session, trader: Trader, opted_out: bool) -> bool:
    """Record (or withdraw) an opt-out; returns whether anything changed."""
    if trader.opt_out == opted_out:
        return False
    trader.opt_out = opted_out
    trader.opt_out_at = utcnow() if opted_out else None
    trader.updated_at = utcnow()
    return True
