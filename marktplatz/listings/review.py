"""The review queue: values that vanished from a working site wait here for a person's decision.

An item is `open` until someone accepts the removal (the listing then takes the proposed value and a change record
is written), rejects it (the listing keeps its value, and the same disappearance is not asked about again), or the
value comes back or changes on the site by itself (`resolved`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from marktplatz.db.models import ChangeRecord, Listing, ReviewItem, Trader
from marktplatz.listings.fields import DERIVED, is_empty, same

OPEN, ACCEPTED, REJECTED, RESOLVED = "open", "accepted", "rejected", "resolved"


class ReviewError(ValueError):
    """A review decision that cannot be made (unknown item, already decided)."""


def open_review(session: Session, trader_id: str, run_id: int | None, field: str, old: Any, proposed: Any,
                source_url: str | None, when: datetime) -> ReviewItem | None:
    """Queue a disappearance, once: an open item for the field is updated; a rejected identical one is respected."""
    items = list(session.scalars(select(ReviewItem).where(ReviewItem.trader_id == trader_id,
                                                          ReviewItem.field == field)))
    for item in items:
        if item.status == REJECTED and same(item.old, old) and same(item.proposed, proposed):
            return None
    current = next((i for i in items if i.status == OPEN), None)
    if current is not None:
        current.old, current.proposed, current.crawl_run_id = old, proposed, run_id
        current.source_url = source_url
        return current
    item = ReviewItem(trader_id=trader_id, crawl_run_id=run_id, field=field, old=old, proposed=proposed,
                      source_url=source_url, status=OPEN, created_at=when)
    session.add(item)
    return item


def open_items_by_field(session: Session, trader_id: str) -> dict[str, list[ReviewItem]]:
    """The trader's open items by field: one query for a whole listing update, not one per field."""
    out: dict[str, list[ReviewItem]] = {}
    for item in session.scalars(select(ReviewItem).where(ReviewItem.trader_id == trader_id,
                                                         ReviewItem.status == OPEN)):
        out.setdefault(item.field, []).append(item)
    return out


def resolve_reviews(items: list[ReviewItem], when: datetime) -> None:
    """The site settled the question itself (the value is back, or was replaced): close the field's open items."""
    for item in items:
        item.status = RESOLVED
        item.decided_at = when


def open_items(session: Session) -> list[tuple[ReviewItem, Trader]]:
    """Open items of traders who have not opted out (an opted-out trader appears in no list)."""
    query = (select(ReviewItem, Trader).join(Trader, Trader.id == ReviewItem.trader_id)
             .where(ReviewItem.status == OPEN, Trader.opt_out.is_(False))
             .order_by(ReviewItem.created_at, ReviewItem.id))
    return [(item, trader) for item, trader in session.execute(query).tuples()]


def accept(session: Session, item_id: int, now: datetime) -> ReviewItem:
    """Confirm the removal: the listing takes the proposed value, and a change record says so."""
    item = _open_item(session, item_id)
    listing = session.get(Listing, item.trader_id)
    if listing is not None:
        old = getattr(listing, item.field)
        setattr(listing, item.field, item.proposed)
        for derived in DERIVED.get(item.field, ()):
            setattr(listing, derived, _derive(derived, item.proposed))
        if is_empty(item.proposed):
            listing.sources = {k: v for k, v in (listing.sources or {}).items() if k != item.field}
        listing.last_changed_at = now
        session.add(ChangeRecord(trader_id=item.trader_id, crawl_run_id=item.crawl_run_id, field=item.field,
                                 old=old, new=item.proposed, changed_at=now, source_url=item.source_url))
    item.status = ACCEPTED
    item.decided_at = now
    return item


def reject(session: Session, item_id: int, now: datetime) -> ReviewItem:
    """Keep the value: the listing stays as it is, and this disappearance is not queued again."""
    item = _open_item(session, item_id)
    item.status = REJECTED
    item.decided_at = now
    return item


def _open_item(session: Session, item_id: int) -> ReviewItem:
    item = session.get(ReviewItem, item_id)
    if item is None:
        raise ReviewError(f"review item {item_id} does not exist")
    if item.status != OPEN:
        raise ReviewError(f"review item {item_id} is already {item.status}")
    return item


def _derive(name: str, value: Any) -> Any:
    if name == "opening_hours_osm":
        from marktplatz.crawler.parsing.hours_format import to_osm

        return to_osm(value) if value else None
    raise KeyError(name)
