"""Adaptive check cadence: which sites the daily check visits.

A site that failed or changed in its last check is checked again the next day, until a check finds it unchanged
and working; a stable site is checked no more than weekly (the Monday crawl visits every site anyway). The rule is
a pure function of a listing's health fields; the scheduler stores its result in `listings.next_check_at`, so the
operator (and a future `marktplatz check --due`) can see when each site is up next.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from marktplatz.db.models import Listing, Trader

FAILING_STATUSES = frozenset({"broken", "unreachable"})


@dataclass(frozen=True)
class Cadence:
    unstable_every: timedelta = timedelta(days=1)
    stable_every: timedelta = timedelta(days=7)
    # A site checked at 06:04 yesterday is due again at today's 06:00 run: intervals are measured with this slack.
    slack: timedelta = timedelta(hours=3)
    # A change recorded this long before the check stamp still belongs to that check (the stamps of one check are
    # taken moments apart).
    same_check: timedelta = timedelta(hours=1)


def last_seen(listing: Listing) -> datetime | None:
    """When the site was last looked at, by the daily check or by a crawl."""
    times = [t for t in (listing.last_checked_at, listing.last_crawled_at) if t is not None]
    return max(times) if times else None


def is_unstable(listing: Listing, cadence: Cadence = Cadence()) -> bool:
    """Failed or changed in its last check."""
    if listing.consecutive_failures > 0 or listing.site_status in FAILING_STATUSES:
        return True
    seen = last_seen(listing)
    return (listing.last_changed_at is not None and seen is not None
            and listing.last_changed_at >= seen - cadence.same_check)


def next_check_at(listing: Listing, cadence: Cadence = Cadence()) -> datetime | None:
    """When the site is due next; `None` means now (never looked at)."""
    seen = last_seen(listing)
    if seen is None:
        return None
    interval = cadence.unstable_every if is_unstable(listing, cadence) else cadence.stable_every
    return seen + interval - cadence.slack


def plan_checks(session: Session, now: datetime, cadence: Cadence = Cadence()) -> list[str]:
    """Store every listing's `next_check_at` and return the ids of the traders that are due at `now`: those with a
    website who have not opted out (an opted-out trader's site is not visited at all)."""
    due: list[str] = []
    rows = session.execute(select(Trader.id, Listing).outerjoin(Listing, Listing.trader_id == Trader.id)
                           .where(Trader.website.is_not(None), Trader.opt_out.is_(False)).order_by(Trader.id))
    for trader_id, listing in rows:
        if listing is None:
            due.append(trader_id)
            continue
        when = next_check_at(listing, cadence)
        if listing.next_check_at != when:
            listing.next_check_at = when
        if when is None or when <= now:
            due.append(trader_id)
    return due
