"""Each trader's site status and score at the end of each week, from the snapshots taken at every crawl/check.

The week that is still running (or the report's own week when it ends after `now`) uses the live listings instead,
so the report's headline agrees with the feed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from marktplatz.db.models import SiteSnapshot, Trader
from marktplatz.reports.queries import listing_of
from marktplatz.reports.weekly.period import Week


@dataclass(frozen=True)
class SiteState:
    status: str
    score: int | None
    since: datetime | None


States = dict[str, SiteState]


def live_states(traders: list[Trader]) -> States:
    out: States = {}
    for t in traders:
        listing = listing_of(t)
        status = listing.site_status if t.website else "no_website"
        out[t.id] = SiteState(status, listing.quality_score if t.website else None, listing.status_since)
    return out


def first_snapshot_at(session: Session) -> datetime | None:
    """When the first visible trader's site was first looked at: the trend starts that week."""
    query = (select(func.min(SiteSnapshot.taken_at)).join(Trader, Trader.id == SiteSnapshot.trader_id)
             .where(Trader.opt_out.is_(False)))
    return session.scalar(query)


def states_at_week_ends(session: Session, traders: list[Trader], weeks: list[Week]) -> dict[str, States]:
    """Per week label: every visible trader's state at the end of that week (`not_crawled` before any snapshot)."""
    ids = {t.id for t in traders}
    state: States = {t.id: SiteState("not_crawled" if t.website else "no_website", None, None) for t in traders}
    no_site = {t.id for t in traders if not t.website}
    out: dict[str, States] = {}
    snapshots = session.execute(select(SiteSnapshot.trader_id, SiteSnapshot.taken_at, SiteSnapshot.site_status,
                                       SiteSnapshot.score).order_by(SiteSnapshot.taken_at, SiteSnapshot.id))
    pending = iter(snapshots)
    row = next(pending, None)
    for week in weeks:
        while row is not None and row.taken_at < week.end:
            if row.trader_id in ids and row.trader_id not in no_site:
                before = state[row.trader_id]
                since = before.since if before.status == row.site_status else row.taken_at
                state[row.trader_id] = SiteState(row.site_status, row.score, since)
            row = next(pending, None)
        out[week.label] = dict(state)
    return out
