"""The coordinating side of a distributed crawl: enqueue the run's sites, put back the sites of dead workers,
wait until every site is done, close the run."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from redis import Redis
from sqlalchemy import func, select

from marktplatz.config import Settings
from marktplatz.crawler.distributed.keys import DUPEFILTER_KEY, QUEUE_KEY, SPIDER, RunBook, current_run
from marktplatz.crawler.settings import redis_settings
from marktplatz.crawler.spiders.site import SiteSpider
from marktplatz.db.engine import make_engine, session_factory, transaction
from marktplatz.db.models import CrawlRun, Page
from marktplatz.db.repo.runs import close_run, open_run
from marktplatz.db.repo.traders import traders_to_crawl


class RunInProgress(RuntimeError):
    pass


@dataclass
class Enqueued:
    run_id: int
    sites: int


def redis_client(settings: Settings) -> Redis:
    assert settings.redis_url
    return Redis.from_url(settings.redis_url)


def _queue(settings: Settings, spider: SiteSpider) -> Any:
    from scrapy.settings import Settings as ScrapySettings
    from scrapy_redis.scheduler import Scheduler as RedisScheduler

    config = ScrapySettings(redis_settings(settings))
    scheduler = RedisScheduler.from_settings(config)
    if not hasattr(spider, "settings"):
        spider.settings = config  # scrapy-redis reads its keys from the spider; this one runs no crawl
    scheduler.open(spider)
    return scheduler


def enqueue_run(settings: Settings, trader_ids: Sequence[str] = ()) -> Enqueued:
    """Open a run and put its sites into the shared queue (through the shared duplicate filter)."""
    redis = redis_client(settings)
    previous = current_run(redis)
    if previous is not None and not RunBook(redis, previous).complete():
        raise RunInProgress(f"distributed crawl run {previous} is still in progress; start workers with "
                            "`marktplatz crawl --worker`, or wait for it to finish")
    # A new run starts with an empty queue and duplicate filter: last week's site starts are not duplicates.
    redis.delete(QUEUE_KEY % {"spider": SPIDER}, DUPEFILTER_KEY % {"spider": SPIDER})
    sessions = session_factory(make_engine(settings.db_url))
    with transaction(sessions) as session:
        traders = [t for t in traders_to_crawl(session, trader_ids) if t.website]
        run = open_run(session, "crawl", [t.id for t in traders] if trader_ids else ())
        run_id = run.id
        run.stats = {"distributed": True}
    book = RunBook(redis, run_id, settings.redis_lease_seconds)
    spider = SiteSpider(targets=[], limits=settings.limits)
    queue = _queue(settings, spider)
    book.register((t.id, t.website or "", 0) for t in traders)
    for trader in traders:
        queue.enqueue_request(spider.home_request(trader.id, trader.website or "", run_id))
    return Enqueued(run_id=run_id, sites=len(traders))


def requeue_lost(settings: Settings, book: RunBook, spider: SiteSpider | None = None) -> list[str]:
    """Put the sites of workers that died back into the queue; returns their trader ids."""
    lost = book.claim_lost()
    if not lost:
        return []
    spider = spider or SiteSpider(targets=[], limits=settings.limits)
    queue = _queue(settings, spider)
    for trader_id in lost:
        site = book.site(trader_id)
        if site is None:
            continue
        queue.enqueue_request(spider.home_request(trader_id, site[0], book.run_id).replace(dont_filter=True))
    return lost


def wait_for_run(settings: Settings, run_id: int, progress: Callable[[int, int], None] | None = None,
                 poll_seconds: float = 1.0, timeout: float | None = None) -> dict[str, Any]:
    """Block until every site of the run is done, putting back lost sites meanwhile; then close the run."""
    book = RunBook(redis_client(settings), run_id, settings.redis_lease_seconds)
    started = time.monotonic()
    while not book.complete():
        requeue_lost(settings, book)
        if progress is not None:
            progress(*book.counts())
        if timeout is not None and time.monotonic() - started > timeout:
            raise TimeoutError(f"run {run_id} not complete after {timeout:.0f} s")
        time.sleep(poll_seconds)
    if progress is not None:
        progress(*book.counts())
    return finish_run(settings, run_id)


def finish_run(settings: Settings, run_id: int) -> dict[str, Any]:
    """Close the run (once) with statistics counted from what the workers stored."""
    sessions = session_factory(make_engine(settings.db_url))
    with transaction(sessions) as session:
        pages = session.scalar(select(func.count()).select_from(Page).where(Page.crawl_run_id == run_id)) or 0
        pending, done = RunBook(redis_client(settings), run_id).counts()
        stats = {"distributed": True, "sites": pending, "sites_done": done, "fetches": pages}
        run = session.get(CrawlRun, run_id)
        if run is not None and run.status == "running":
            close_run(session, run_id, "finished", stats)
    return stats
