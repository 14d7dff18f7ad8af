"""Scrapy settings for our crawls, derived from `Settings`: polite, bounded, and guarded by default."""

from __future__ import annotations

from typing import Any

from scrapy.settings import default_settings

from marktplatz.config import Settings
from marktplatz.crawler.guard import AddressPolicy

BOT_NAME = "marktplatz"

# How Scrapy's engine is run, apart from what is fetched: the benchmark's bare spider uses the same, so that the
# comparison measures what extraction and storage cost and not these settings.
ENGINE_TUNING: dict[str, Any] = {
    # Scrapy starts this many asyncio tasks for *every* response to work through what the callback yields
    # (default 100). A callback yields a result and a few requests: a handful of tasks does the same work, and the
    # 100 cost more CPU than the rest of Scrapy's handling of a response.
    "CONCURRENT_ITEMS": 4,
    # The frontier bounds depth and URL length per site (`spiders/frontier.py`, the guard). Scrapy's
    # DepthMiddleware would also overwrite our `depth` meta (the page's depth on its site) with the length of
    # the response chain; the meta-copy check is a development aid. Each one is a layer every request and item
    # passes through.
    "SPIDER_MIDDLEWARES": {
        "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
        "scrapy.spidermiddlewares.urllength.UrlLengthMiddleware": None,
        "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware": None,
    },
}


def scrapy_settings(settings: Settings, **extra: Any) -> dict[str, Any]:
    lim = settings.limits
    out: dict[str, Any] = {
        "BOT_NAME": BOT_NAME,
        "USER_AGENT": settings.user_agent,
        "ROBOTSTXT_OBEY": True,
        "ROBOTSTXT_USER_AGENT": "MarktplatzHerneBot",
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "CONCURRENT_REQUESTS": lim.concurrent_total,
        "CONCURRENT_REQUESTS_PER_DOMAIN": lim.concurrent_per_site,
        "DOWNLOAD_DELAY": lim.download_delay,
        "DOWNLOAD_DELAY_JITTER": 0.5,  # ±50 %: requests to a site do not arrive like clockwork
        "LOG_INSTALL_ROOT_HANDLER": False,  # our own logging (marktplatz.logs) stays in charge
        "AUTOTHROTTLE_ENABLED": lim.autothrottle,
        "AUTOTHROTTLE_START_DELAY": lim.download_delay * 2,
        "AUTOTHROTTLE_MAX_DELAY": 30.0,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(lim.concurrent_per_site) * 0.75,
        "DOWNLOAD_TIMEOUT": lim.download_timeout,
        "DOWNLOAD_MAXSIZE": lim.max_response_bytes,
        "DOWNLOAD_WARNSIZE": lim.warn_response_bytes,
        "REDIRECT_MAX_TIMES": lim.max_redirects,
        "METAREFRESH_MAXDELAY": 30,
        "URLLENGTH_LIMIT": lim.max_url_length,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": 1,
        "RETRY_HTTP_CODES": [502, 503, 504, 522, 524, 408],
        # Not a failed DNS lookup: the guarded resolver remembers it for a minute, so the retry, sent at once,
        # could only fail the same way.
        "RETRY_EXCEPTIONS": [e for e in default_settings.RETRY_EXCEPTIONS
                             if e != "scrapy.exceptions.CannotResolveHostError"],
        # A request that still failed after its retry is an outcome the crawl records (a dead link, a site that is
        # down) and counts in its summary, not a program error: at Scrapy's ERROR, a dead domain in a footer that
        # a thousand traders share would put a thousand errors in front of the operator. In the log file at INFO.
        "RETRY_GIVE_UP_LOG_LEVEL": "INFO",
        "DNSCACHE_ENABLED": False,  # the guarded resolver caches, and must see every lookup
        "TWISTED_DNS_RESOLVER": "marktplatz.crawler.resolver.GuardedResolver",
        "MARKTPLATZ_ADDRESS_POLICY": AddressPolicy(settings.allow_private),
        "MARKTPLATZ_HOSTS": dict(settings.hosts),
        "REACTOR_THREADPOOL_MAXSIZE": 20,
        # Only http(s): a redirect to file:, ftp:, s3: or data: has no handler and fails.
        "DOWNLOAD_HANDLERS": {"file": None, "ftp": None, "s3": None, "data": None,
                              "http": "marktplatz.crawler.download.SiteHTTPDownloadHandler",
                              "https": "marktplatz.crawler.download.SiteHTTPDownloadHandler"},
        "DOWNLOADER_MIDDLEWARES": {
            "marktplatz.crawler.middlewares.GuardMiddleware": 50,
            "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
            "marktplatz.crawler.robots.RfcRobotsTxtMiddleware": 100,
        },
        **ENGINE_TUNING,
        "ITEM_PIPELINES": {
            "marktplatz.crawler.pipelines.store.StorePagePipeline": 100,
            "marktplatz.crawler.pipelines.finish.FinishSitePipeline": 200,
        },
        "LOG_LEVEL": "INFO",
        "LOGSTATS_INTERVAL": 60.0,
        "MEMUSAGE_ENABLED": False,
    }
    out.update(extra)
    return out


def redis_settings(settings: Settings) -> dict[str, Any]:
    """The scrapy-redis settings of a distributed crawl: shared queue and duplicate filter, JSON-encoded."""
    from marktplatz.crawler.distributed.keys import DUPEFILTER_KEY, QUEUE_KEY

    return {
        "REDIS_URL": settings.redis_url,
        "SCHEDULER": "marktplatz.crawler.distributed.scheduler.SiteAffinityScheduler",
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        "SCHEDULER_QUEUE_KEY": QUEUE_KEY,
        "SCHEDULER_DUPEFILTER_KEY": DUPEFILTER_KEY,
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_SERIALIZER": "marktplatz.crawler.distributed.codec",
        "SCHEDULER_PERSIST": True,  # the queue belongs to the run, not to one worker
        "SCHEDULER_IDLE_BEFORE_CLOSE": 0,
    }
