"""Starting a crawl: open a run, hand the sites to Scrapy, close the run with its statistics.

Scrapy's reactor cannot restart inside one process, so every crawl or check runs in a process of its own (the CLI
process, or a child the scheduler starts).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from scrapy.crawler import CrawlerProcess
from sqlalchemy import bindparam, select

from marktplatz.config import Settings
from marktplatz.crawler.context import CrawlContext
from marktplatz.crawler.settings import scrapy_settings
from marktplatz.crawler.spiders.site import KnownPage, SiteSpider, SiteTarget
from marktplatz.db.bodies import BodyStore
from marktplatz.db.engine import make_engine, session_factory, transaction
from marktplatz.db.models import Page, Trader
from marktplatz.db.repo.runs import close_run, open_run
from marktplatz.db.repo.traders import traders_to_crawl

log = logging.getLogger(__name__)


@dataclass
class CrawlSummary:
    run_id: int
    sites: int
    status: str
    stats: dict[str, Any] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)  # trader id → why it was not crawled

    @property
    def pages(self) -> int:
        return int(self.stats.get("marktplatz/fetch/home", 0)) + int(self.stats.get("marktplatz/fetch/page", 0)) \
            + int(self.stats.get("marktplatz/fetch/probe", 0))


class UnknownTraders(ValueError):
    pass


def run_crawl(settings: Settings, trader_ids: Sequence[str] = (),
              progress: Callable[[str, str], None] | None = None,
              on_start: Callable[[int], None] | None = None) -> CrawlSummary:
    """Crawl every trader with a website (or the named ones) once; blocks until done."""
    engine = make_engine(settings.db_url)
    sessions = session_factory(engine)
    with transaction(sessions) as session:
        traders = traders_to_crawl(session, trader_ids)
        skipped: dict[str, str] = {}
        for missing in sorted(set(trader_ids) - {t.id for t in traders}):
            trader = session.get(Trader, missing)
            if trader is None:
                raise UnknownTraders(f"no trader with id {missing}")
            skipped[missing] = "opted out" if trader.opt_out else "has no website"
        targets = [SiteTarget(t.id, t.website) for t in traders if t.website]
        del traders  # the ORM rows of the whole city are not needed for the hours the crawl runs
        run = open_run(session, "crawl", [t.trader_id for t in targets] if trader_ids else ())
        run_id = run.id
    if on_start is not None:
        on_start(len(targets))
    ctx = CrawlContext(settings=settings, run_id=run_id, sessions=sessions,
                       store=BodyStore(settings.bodies_dir), progress=progress)

    reader = make_engine(settings.db_url, read_only=True)
    page_memory = _page_memory(session_factory(reader))
    process = CrawlerProcess(scrapy_settings(settings, MARKTPLATZ_CONTEXT=ctx))
    crawler = process.create_crawler(SiteSpider)
    status, error = "finished", None
    try:
        process.crawl(crawler, targets=targets, limits=settings.limits, page_memory=page_memory,
                      max_active_sites=active_sites(settings))
        process.start()
    except BaseException as exc:
        status, error = "failed", "".join(traceback.format_exception_only(exc)).strip()
        raise
    finally:
        if ctx.close_processing is not None:
            ctx.close_processing(cancel=True)  # normally closed already; after a forced stop, drop what is queued
        stats = _plain_stats(crawler.stats.get_stats() if crawler.stats else {})
        if stats.get("finish_reason") not in (None, "finished"):
            status = "interrupted" if status == "finished" else status
        with transaction(sessions) as session:
            close_run(session, run_id, status, stats, error)
        engine.dispose()
        reader.dispose()
    return CrawlSummary(run_id=run_id, sites=len(targets), status=status, stats=stats, skipped=skipped)


def _page_memory(sessions: Any) -> Callable[[str], dict[str, KnownPage]]:
    """What the last crawl of a site stored, for conditional requests. `sessions` must be read-only: the lookup runs
    on the crawl's thread, which must never queue behind a worker's write lock."""

    # Only the columns needed, not whole rows (headers, TLS facts, redirects). Built once: building the statement
    # cost more than running it, once per site on the crawl's thread.
    query = (select(Page.url, Page.etag, Page.last_modified, Page.links)
             .where(Page.trader_id == bindparam("trader_id"), Page.kind.in_(("home", "page")),
                    Page.body_path.is_not(None), (Page.etag.is_not(None)) | (Page.last_modified.is_not(None))))

    def page_memory(trader_id: str) -> dict[str, KnownPage]:
        with sessions() as session:
            rows = session.execute(query, {"trader_id": trader_id})
            return {url: KnownPage(etag, modified, links or []) for url, etag, modified, links in rows}
    return page_memory


def run_worker(settings: Settings, progress: Callable[[str, str], None] | None = None) -> CrawlSummary | None:
    """Work on the current distributed run until all its sites are done; None when no run is in progress."""
    from marktplatz.crawler.distributed.coordinator import finish_run, redis_client
    from marktplatz.crawler.distributed.keys import RunBook, current_run
    from marktplatz.crawler.settings import redis_settings

    redis = redis_client(settings)
    run_id = current_run(redis)
    if run_id is None or RunBook(redis, run_id).complete():
        return None
    book = RunBook(redis, run_id, settings.redis_lease_seconds)
    engine = make_engine(settings.db_url)
    reader = make_engine(settings.db_url, read_only=True)
    sessions = session_factory(engine)
    ctx = CrawlContext(settings=settings, run_id=run_id, sessions=sessions, store=BodyStore(settings.bodies_dir),
                       progress=progress)
    process = CrawlerProcess(scrapy_settings(settings, MARKTPLATZ_CONTEXT=ctx, **redis_settings(settings)))
    crawler = process.create_crawler(SiteSpider)
    ctx.site_finished = lambda trader_id: crawler.spider.site_finished(trader_id)  # type: ignore[union-attr]
    try:
        process.crawl(crawler, targets=[], limits=settings.limits, page_memory=_page_memory(session_factory(reader)),
                      max_active_sites=active_sites(settings), runbook=book)
        process.start()
    finally:
        if ctx.close_processing is not None:
            ctx.close_processing(cancel=True)
        engine.dispose()
        reader.dispose()
    stats = _plain_stats(crawler.stats.get_stats() if crawler.stats else {})
    if book.complete():
        finish_run(settings, run_id)
    return CrawlSummary(run_id=run_id, sites=int(stats.get("marktplatz/sites/done", 0)), status="finished",
                        stats=stats)


def _plain_stats(stats: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in stats.items():
        if isinstance(value, int | float | str | bool) or value is None:
            out[key] = value
        else:
            out[key] = str(value)
    return out


def active_sites(settings: Settings) -> int:
    """Sites crawled at once. As many as requests in flight: a site in its last pages, or waiting for its
    politeness pause, uses fewer than its share, and the others fill the gap."""
    return max(4, settings.limits.concurrent_total)
