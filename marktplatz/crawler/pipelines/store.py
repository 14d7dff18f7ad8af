"""Persist each fetch: the compressed body into the body store, the fetch facts into `pages` (one small commit)."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler

from marktplatz.crawler.context import CrawlContext, context_from
from marktplatz.crawler.items import FetchResult
from marktplatz.db.engine import transaction
from marktplatz.db.repo.pages import record_fetch


class StorePagePipeline:
    def __init__(self, ctx: CrawlContext, crawler: Crawler) -> None:
        self.ctx = ctx
        self.stats = crawler.stats

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
        with transaction(self.ctx.sessions) as session:
            record_fetch(session, item.trader_id, self.ctx.run_id, facts)
        if self.stats is not None:
            self.stats.inc_value(f"marktplatz/fetch/{item.kind}")
        return item
