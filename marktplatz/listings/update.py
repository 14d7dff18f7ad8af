"""Apply one crawl's extraction to a trader's listing without ever losing known-good data.

The rules (PRODUCT.md §5):
- a working site's new value replaces the old one and a change record says so (field, old, new, when, source URL);
- a value that *disappears* from a working site (the field is now empty, or a list only lost entries) is not deleted:
  the listing keeps it and a review item asks a person to confirm the removal (`marktplatz review`);
- a site that is down (or parked) keeps every last verified value and `last_verified_at`, and is marked stale.

The very first verification of a listing fills it without change records: there is nothing to compare with.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from marktplatz.db.models import ChangeRecord, Listing
from marktplatz.listings.fields import DERIVED, REVIEWED_FIELDS, TRACKED_FIELDS, is_empty, only_removed, same
from marktplatz.listings.review import open_items_by_field, open_review, resolve_reviews

EXTRA_FIELDS = ("other_hours", "special_hours", "impressum", "emergency_phones", "branches")
NOT_ABOUT_THE_BUSINESS = ("parked",)


def apply_extraction(session: Session, listing: Listing, feed: dict[str, Any], sources: dict[str, str],
                     when: datetime, run_id: int | None) -> list[ChangeRecord]:
    """The site answered: take new values, record changes, queue disappearances for review."""
    if listing.site_status in NOT_ABOUT_THE_BUSINESS:
        # A parked or for-sale page says nothing about the business: treat it like a site that is down.
        mark_stale(listing)
        return []
    changes: list[ChangeRecord] = []
    first_time = listing.last_verified_at is None
    merged_sources = dict(listing.sources or {})
    pending = open_items_by_field(session, listing.trader_id)
    for name in TRACKED_FIELDS:
        new = feed.get(name)
        old = getattr(listing, name)
        if same(old, new):
            resolve_reviews(pending.get(name, []), when)
            if not is_empty(new):
                _set_derived(listing, feed, name)
            _take_source(merged_sources, sources, name, new)
            continue
        if not first_time and name in REVIEWED_FIELDS and (is_empty(new) or only_removed(old, new)):
            open_review(session, listing.trader_id, run_id, name, old, new, sources.get(name)
                        or (listing.sources or {}).get(name), when)
            continue
        resolve_reviews(pending.get(name, []), when)
        if not first_time:
            change = ChangeRecord(trader_id=listing.trader_id, crawl_run_id=run_id, field=name, old=old, new=new,
                                  changed_at=when, source_url=sources.get(name))
            session.add(change)
            changes.append(change)
        setattr(listing, name, new)
        _set_derived(listing, feed, name)
        _take_source(merged_sources, sources, name, new)
    for name in EXTRA_FIELDS:
        setattr(listing, name, feed.get(name) if name == "impressum" else (feed.get(name) or []))
    listing.sources = merged_sources
    listing.last_verified_at = when
    listing.stale = False
    if changes:
        listing.last_changed_at = when
    return changes


def mark_stale(listing: Listing) -> None:
    """The site did not answer: keep every value and `last_verified_at`; the feed shows the listing as stale."""
    listing.stale = listing.last_verified_at is not None


def _set_derived(listing: Listing, feed: dict[str, Any], name: str) -> None:
    for derived in DERIVED.get(name, ()):
        setattr(listing, derived, feed.get(derived))


def _take_source(merged: dict[str, str], sources: dict[str, str], name: str, value: Any) -> None:
    """The source of a value the listing now shows; a value kept for review keeps its old source."""
    if name in sources:
        merged[name] = sources[name]
    elif is_empty(value):
        merged.pop(name, None)
