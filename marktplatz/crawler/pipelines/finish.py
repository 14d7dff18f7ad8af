"""When a site's crawl ends: the site and its fetch facts go to the site processor (`crawler/processor.py`), which
writes the fetch rows, then extraction, health, broken links, audit and listing update in one transaction.

Sites whose crawl was cut short (engine shutdown, Ctrl-C) are processed at close with what was fetched; the crawl
ends only when every site handed over has been processed.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import reactor
from twisted.internet.defer import Deferred

from marktplatz.crawler.context import CrawlContext, context_from
from marktplatz.crawler.items import FetchResult, SiteDone
from marktplatz.crawler.processor import SiteProcessor
from marktplatz.processing import SiteOutcome

log = logging.getLogger(__name__)


class FinishSitePipeline:
    def __init__(self, ctx: CrawlContext, crawler: Crawler) -> None:
        self.ctx = ctx
        self.stats = crawler.stats
        self.open_sites: set[str] = set()
        self.facts: dict[str, dict[str, Any]] = {}  # trader id → crawl facts, while the site is being processed
        limits = ctx.settings.limits
        self.processor = SiteProcessor(ctx.settings.db_url, ctx.store, ctx.settings.health, limits.processing_workers)
        # Sites handed over and not yet processed. Past this many the pipeline waits, which holds the site's last
        # response in Scrapy's scraper and so slows the downloader: a crawl never runs far ahead of its results.
        # Enough for a burst of sites that end together; few enough that the crawl's end does not wait long for
        # the worker to catch up (with `concurrent_total` sites, 32 by default, that took about 2 s).
        self.max_backlog = 8 * max(1, limits.processing_workers)
        self._drained: list[Deferred[None]] = []
        ctx.close_processing = self.processor.close

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FinishSitePipeline:
        return cls(context_from(crawler), crawler)

    def open_spider(self) -> None:
        self.processor.start()

    async def process_item(self, item: Any) -> Any:
        if isinstance(item, FetchResult):
            self.open_sites.add(item.trader_id)
        elif isinstance(item, SiteDone):
            self.open_sites.discard(item.trader_id)
            self._finish(item.trader_id, {"site_seconds": item.seconds, "pages_planned": item.pages,
                                          "end": item.reason, "home_url": item.home_url})
            while len(self.facts) > self.max_backlog:
                await self._wait_for_one()
        return item

    async def close_spider(self) -> None:
        for trader_id in sorted(self.open_sites):
            self._finish(trader_id, {"end": "interrupted"})
        self.open_sites.clear()
        while self.facts:
            await self._wait_for_one()
        self.processor.close()

    async def _wait_for_one(self) -> None:
        waiter: Deferred[None] = Deferred()
        self._drained.append(waiter)
        await maybe_deferred_to_future(waiter)

    def _finish(self, trader_id: str, facts: dict[str, Any]) -> None:
        try:
            fetches = self.ctx.take_pages(trader_id) if self.ctx.take_pages is not None else []
        except Exception as exc:
            log.exception("storing the pages of trader %s failed", trader_id)
            self._processed(trader_id, None, exc)
            return
        self.facts[trader_id] = facts
        self.processor.submit(trader_id, self.ctx.run_id, facts, fetches,
                              lambda *result: reactor.callFromThread(self._processed, *result))

    def _processed(self, trader_id: str, outcome: SiteOutcome | None, error: BaseException | None) -> None:
        """Back in the crawl's thread: statistics, progress, and (distributed) the site is done for the run."""
        facts = self.facts.pop(trader_id, {})
        try:
            if error is not None:
                self._count_failed(trader_id)
            elif outcome is not None:
                self._report(outcome, facts)
        finally:
            if self.ctx.site_finished is not None:
                self.ctx.site_finished(trader_id)
            while self._drained:
                self._drained.pop().callback(None)

    def _count_failed(self, trader_id: str) -> None:
        if self.stats is not None:
            self.stats.inc_value("marktplatz/sites/failed")
        if self.ctx.progress is not None:
            self.ctx.progress(trader_id, "failed")

    def _report(self, outcome: SiteOutcome, facts: dict[str, Any]) -> None:
        log.info("site %s done (%s): %s, %d page(s), %d broken link(s), score %s, %.1f s", outcome.trader_id,
                 facts.get("home_url", "-"), outcome.site_status, outcome.pages, outcome.broken_links,
                 outcome.score, facts.get("site_seconds", 0.0))
        if self.stats is not None:
            self.stats.inc_value("marktplatz/sites/done")
            self.stats.inc_value(f"marktplatz/sites/{facts.get('end', 'complete')}")
            self.stats.inc_value(f"marktplatz/site_status/{outcome.site_status}")
            for name, count in outcome.fields_found.items():
                if count:
                    self.stats.inc_value(f"marktplatz/field/{name}/found")
        if self.ctx.progress is not None:
            self.ctx.progress(outcome.trader_id, outcome.site_status)
