"""When a site's crawl ends: extraction, health, broken links, audit and listing update in one transaction.

Sites whose crawl was cut short (engine shutdown, Ctrl-C) are processed at close with what was fetched.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from scrapy.crawler import Crawler

from marktplatz.crawler.context import CrawlContext, context_from
from marktplatz.crawler.items import FetchResult, SiteDone
from marktplatz.db.engine import transaction
from marktplatz.db.models import Trader
from marktplatz.processing import process_site

log = logging.getLogger(__name__)


class FinishSitePipeline:
    def __init__(self, ctx: CrawlContext, crawler: Crawler) -> None:
        self.ctx = ctx
        self.stats = crawler.stats
        self.open_sites: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FinishSitePipeline:
        return cls(context_from(crawler), crawler)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, FetchResult):
            self.open_sites.add(item.trader_id)
        elif isinstance(item, SiteDone):
            self.open_sites.discard(item.trader_id)
            self._finish(item.trader_id, item.reason, {"site_seconds": item.seconds, "pages_planned": item.pages,
                                                       "end": item.reason, "home_url": item.home_url})
        return item

    def close_spider(self) -> None:
        for trader_id in sorted(self.open_sites):
            self._finish(trader_id, "interrupted", {"end": "interrupted"})
        self.open_sites.clear()

    def _finish(self, trader_id: str, reason: str, facts: dict[str, Any]) -> None:
        try:
            self._process(trader_id, reason, facts)
        finally:
            if self.ctx.site_finished is not None:
                self.ctx.site_finished(trader_id)

    def _process(self, trader_id: str, reason: str, facts: dict[str, Any]) -> None:
        try:
            if self.ctx.flush_pages is not None:
                self.ctx.flush_pages(trader_id)  # the site's fetch rows first: processing reads them back
            with transaction(self.ctx.sessions) as session:
                trader = session.get(Trader, trader_id)
                if trader is None:
                    return
                outcome = process_site(session, self.ctx.store, trader, self.ctx.run_id, datetime.now(UTC),
                                       crawl_facts=facts, rules=self.ctx.settings.health)
        except Exception:  # one site's failure must not end the crawl of the others
            log.exception("processing the crawl of trader %s failed", trader_id)
            if self.stats is not None:
                self.stats.inc_value("marktplatz/sites/failed")
            return
        self.ctx.outcomes.append(outcome)
        log.info("site %s done (%s): %s, %d page(s), %d broken link(s), score %s, %.1f s", trader_id,
                 facts.get("home_url", "-"), outcome.site_status, outcome.pages, outcome.broken_links,
                 outcome.score, facts.get("site_seconds", 0.0))
        if self.stats is not None:
            self.stats.inc_value("marktplatz/sites/done")
            self.stats.inc_value(f"marktplatz/sites/{reason}")
            self.stats.inc_value(f"marktplatz/site_status/{outcome.site_status}")
            for name, count in outcome.fields_found.items():
                if count:
                    self.stats.inc_value(f"marktplatz/field/{name}/found")
        if self.ctx.progress is not None:
            self.ctx.progress(trader_id, outcome.site_status)
