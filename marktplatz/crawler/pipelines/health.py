"""Record each site's daily check as it finishes: one health observation, the listing's status moved on (one
transaction per site, so a check killed halfway keeps what it had)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from scrapy.crawler import Crawler
from sqlalchemy import select

from marktplatz.crawler.context import CrawlContext, context_from
from marktplatz.db.engine import transaction
from marktplatz.db.models import Finding, Listing, SiteSnapshot, Trader
from marktplatz.monitor.health import FAILED_STATUSES
from marktplatz.monitor.homecheck import HomeCheck, observation_from_check
from marktplatz.monitor.record import record_observation
from marktplatz.monitor.status import HealthRules
from marktplatz.processing import iso_week

log = logging.getLogger(__name__)


class RecordCheckPipeline:
    def __init__(self, ctx: CrawlContext, crawler: Crawler, rules: HealthRules) -> None:
        self.ctx = ctx
        self.stats = crawler.stats
        self.rules = rules

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RecordCheckPipeline:
        rules = crawler.settings.get("MARKTPLATZ_HEALTH_RULES") or HealthRules()
        return cls(context_from(crawler), crawler, rules)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, HomeCheck):
            return item
        observation = observation_from_check(item)
        now = datetime.now(UTC)
        try:
            with transaction(self.ctx.sessions) as session:
                trader = session.get(Trader, item.trader_id)
                if trader is None:
                    return item
                listing = session.get(Listing, trader.id)
                if listing is None:
                    listing = Listing(trader_id=trader.id)
                    session.add(listing)
                verdict = record_observation(session, listing, observation, kind="check", run_id=self.ctx.run_id,
                                             now=now, rules=self.rules)
                if verdict.changed:
                    # The weekly trend reads snapshots; a status change between crawls belongs in it too.
                    codes = list(session.scalars(select(Finding.code).where(Finding.trader_id == trader.id)))
                    session.add(SiteSnapshot(trader_id=trader.id, taken_at=now, iso_week=iso_week(now),
                                             site_status=listing.site_status, score=listing.quality_score,
                                             finding_codes=codes))
                status = listing.site_status
        except Exception:  # one site's failure must not end the check of the others
            log.exception("recording the check of trader %s failed", item.trader_id)
            if self.stats is not None:
                self.stats.inc_value("marktplatz/check/record_failed")
            return item
        # Counted, not kept: a check of a region must not hold a record per site until it ends.
        if self.stats is not None:
            self.stats.inc_value("marktplatz/check/sites")
            self.stats.inc_value(f"marktplatz/check/outcome/{observation.outcome}")
            self.stats.inc_value(f"marktplatz/site_status/{status}")
            # Failing, but the status rule still shows the site as it was (a rate limit is no failure).
            if verdict.failures > 0 and status not in FAILED_STATUSES:
                self.stats.inc_value("marktplatz/check/unconfirmed")
            if len(item.attempts) > 1:
                self.stats.inc_value("marktplatz/check/second_strategy")
        if self.ctx.progress is not None:
            self.ctx.progress(item.trader_id, status)
        return item
