"""Persist each fetch: the compressed body into the body store at once, the fetch facts into `pages` per site.

A site's fetch rows are kept in memory until the site's crawl ends and are then written in one transaction, just
before `FinishSitePipeline` processes the site (it calls `CrawlContext.flush_pages`, also for sites cut short at
close). One commit per site instead of one per fetch; a crawl killed mid-site leaves no rows of that site, which the
re-run crawls again anyway.
"""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler

from marktplatz.crawler.context import CrawlContext, context_from
from marktplatz.crawler.items import FetchResult
from marktplatz.db.engine import transaction
from marktplatz.db.repo.pages import record_fetches


class StorePagePipeline:
    def __init__(self, ctx: CrawlContext, crawler: Crawler) -> None:
        self.ctx = ctx
        self.stats = crawler.stats
        self.pending: dict[str, list[dict[str, Any]]] = {}  # trader id → fetch facts not yet written
        ctx.flush_pages = self.flush

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePagePipeline:
        return cls(context_from(crawler), crawler)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, FetchResult) or item.kind == "recheck":
            return item
        facts: dict[str, Any] = {
            "url": item.url, "kind": item.kind, "final_url": item.final_url, "status": item.status,
            "error_kind": item.error_kind, "error": item.error, "headers": item.headers,
            "redirects": item.redirects, "size": item.size, "elapsed_ms": item.elapsed_ms, "depth": item.depth,
            "found_on": item.found_on, "content_type": item.content_type, "links": item.links,
            "etag": item.headers.get("etag"), "last_modified": item.headers.get("last-modified"),
            "not_modified": item.not_modified, "fetched_at": item.fetched_at, "tls": item.tls,
            "content_hash": None, "body_path": None,
        }
        if item.body is not None:
            facts["content_hash"], facts["body_path"] = self.ctx.store.put(item.body)
            assert self.stats is not None
            self.stats.inc_value("marktplatz/bodies_stored")
            self.stats.inc_value("marktplatz/body_bytes", len(item.body))
            item.body = None  # the pipeline after us reads bodies from the store; free the memory now
        self.pending.setdefault(item.trader_id, []).append(facts)
        if self.stats is not None:
            self.stats.inc_value(f"marktplatz/fetch/{item.kind}")
        return item

    def flush(self, trader_id: str) -> None:
        """Write the site's fetch rows (one transaction); called when the site's crawl has ended."""
        fetches = self.pending.pop(trader_id, None)
        if fetches:
            with transaction(self.ctx.sessions) as session:
                record_fetches(session, trader_id, self.ctx.run_id, fetches)

    def close_spider(self) -> None:
        # Normally `FinishSitePipeline` has flushed every site by now; this keeps the rows of any it could not.
        for trader_id in sorted(self.pending):
            self.flush(trader_id)
