"""Persist each fetch: the compressed body into the body store at once (in a writer thread), the fetch facts per
site.

A site's fetch facts are kept in memory until the site's crawl ends; `FinishSitePipeline` then takes them
(`CrawlContext.take_pages`, which first waits until the site's bodies are on disk) and hands them, with the site, to
the site processor, which writes them in one transaction before it processes the site. A crawl killed mid-site
leaves no rows of that site, which the re-run crawls again anyway.

Bodies are written by threads: creating, writing and renaming a file costs more than the rest of a fetch's handling,
and the file system calls and the compression run without the GIL, beside the crawl's own thread.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from scrapy.crawler import Crawler

from marktplatz.crawler.context import CrawlContext, context_from
from marktplatz.crawler.items import FetchResult
from marktplatz.db.engine import transaction
from marktplatz.db.repo.pages import record_fetches

BODY_WRITERS = 2


class StorePagePipeline:
    def __init__(self, ctx: CrawlContext, crawler: Crawler) -> None:
        self.ctx = ctx
        self.stats = crawler.stats
        self.pending: dict[str, list[dict[str, Any]]] = {}  # trader id → fetch facts not yet handed over
        self.body_writes: dict[str, list[Future[None]]] = {}  # trader id → its bodies being written
        self.writer = ThreadPoolExecutor(max_workers=BODY_WRITERS, thread_name_prefix="body-writer")
        ctx.take_pages = self.take

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
            facts["content_hash"], facts["body_path"] = self.ctx.store.address(item.body)
            self.body_writes.setdefault(item.trader_id, []).append(
                self.writer.submit(self.ctx.store.write, facts["body_path"], item.body))
            assert self.stats is not None
            self.stats.inc_value("marktplatz/bodies_stored")
            self.stats.inc_value("marktplatz/body_bytes", len(item.body))
            item.body = None  # the writer holds the body until it is on disk; the item need not
        self.pending.setdefault(item.trader_id, []).append(facts)
        if self.stats is not None:
            self.stats.inc_value(f"marktplatz/fetch/{item.kind}")
        return item

    def take(self, trader_id: str) -> list[dict[str, Any]]:
        """The site's fetch facts, once its bodies are on disk; raises when one of them could not be written."""
        writes = self.body_writes.pop(trader_id, [])
        fetches = self.pending.pop(trader_id, [])
        for write in writes:
            write.result()
        return fetches

    def close_spider(self) -> None:
        # Normally `FinishSitePipeline` has taken every site by now; this keeps the rows of any it could not.
        try:
            for trader_id in sorted(self.pending):
                fetches = self.take(trader_id)
                with transaction(self.ctx.sessions) as session:
                    record_fetches(session, trader_id, self.ctx.run_id, fetches)
        finally:
            self.writer.shutdown(wait=True)
