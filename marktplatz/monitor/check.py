"""Running the daily health check (`marktplatz check`): open a run, look at every home page, close the run.

Like a crawl it needs a process of its own (Scrapy's reactor cannot restart), so the CLI calls this once per process.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from scrapy.crawler import CrawlerProcess

from marktplatz.config import Settings
from marktplatz.crawler.context import CrawlContext
from marktplatz.crawler.runner import UnknownTraders
from marktplatz.crawler.settings import scrapy_settings
from marktplatz.crawler.spiders.health import CheckTarget, HealthSpider
from marktplatz.db.bodies import BodyStore
from marktplatz.db.engine import make_engine, session_factory, transaction
from marktplatz.db.models import Trader
from marktplatz.db.repo.runs import close_run, open_run
from marktplatz.db.repo.traders import traders_to_crawl
from marktplatz.monitor.status import HealthRules


@dataclass
class CheckSummary:
    run_id: int
    sites: int
    status: str
    stats: dict[str, Any] = field(default_factory=dict)


def run_check(settings: Settings, trader_ids: Sequence[str] = (), rules: HealthRules | None = None,
              timeout: float | None = None, progress: Callable[[str, str], None] | None = None,
              on_start: Callable[[int], None] | None = None) -> CheckSummary:
    """Check every trader's home page (or the named ones) once; blocks until done."""
    engine = make_engine(settings.db_url)
    sessions = session_factory(engine)
    with transaction(sessions) as session:
        traders = traders_to_crawl(session, trader_ids)
        if trader_ids:
            unknown = sorted(i for i in set(trader_ids) - {t.id for t in traders} if session.get(Trader, i) is None)
            if unknown:
                raise UnknownTraders(f"no trader with id {', '.join(unknown)}")
        targets = [CheckTarget(t.id, t.website) for t in traders if t.website]
        run_id = open_run(session, "check", [t.trader_id for t in targets] if trader_ids else ()).id
    if on_start is not None:
        on_start(len(targets))
    ctx = CrawlContext(settings=settings, run_id=run_id, sessions=sessions, store=BodyStore(settings.bodies_dir),
                       progress=progress)
    lim = settings.limits
    config = scrapy_settings(
        settings, MARKTPLATZ_CONTEXT=ctx, MARKTPLATZ_HEALTH_RULES=rules or HealthRules(),
        ITEM_PIPELINES={"marktplatz.crawler.pipelines.health.RecordCheckPipeline": 100},
        DOWNLOAD_TIMEOUT=timeout or lim.download_timeout, RETRY_ENABLED=False,
        # Three small requests per site at most: no throttling beyond the per-site delay is needed.
        AUTOTHROTTLE_ENABLED=False)
    # A dead site makes the robots.txt middleware log an error with a traceback; the check records the failure
    # itself, so on a daily run of thousands of sites that is only noise.
    logging.getLogger("scrapy.downloadermiddlewares.robotstxt").setLevel(logging.CRITICAL)
    process = CrawlerProcess(config)
    crawler = process.create_crawler(HealthSpider)
    status, error = "finished", None
    try:
        process.crawl(crawler, targets=targets, timeout=timeout or lim.download_timeout,
                      max_bytes=lim.max_response_bytes)
        process.start()
    except BaseException as exc:
        status, error = "failed", "".join(traceback.format_exception_only(exc)).strip()
        raise
    finally:
        stats = {k: v if isinstance(v, int | float | str | bool) or v is None else str(v)
                 for k, v in (crawler.stats.get_stats() if crawler.stats else {}).items()}
        if stats.get("finish_reason") not in (None, "finished"):
            status = "interrupted" if status == "finished" else status
        with transaction(sessions) as session:
            close_run(session, run_id, status, stats, error)
        engine.dispose()
    return CheckSummary(run_id=run_id, sites=len(targets), status=status, stats=stats)
