"""The baseline of the pipeline benchmark: a plain Scrapy spider with no extraction and no storage.

It starts at every site's home page and follows the site's own links (same host) up to `--max-pages` pages per
site, with the crawl's concurrency and politeness settings, robots.txt obeyed and the same guarded resolver (the
synthetic web's host names resolve through `MARKTPLATZ_HOSTS`). With `--engine tuned` (the default) Scrapy's engine
runs as in `marktplatz crawl` (`ENGINE_TUNING`: tasks per response, spider middlewares), so the comparison measures
what extraction and storage cost; `--engine defaults` is Scrapy as it comes. Run as its own process, like
`marktplatz crawl`:

    .venv/bin/python -m bench.bare_spider --urls FILE --max-pages 30 --concurrent-total 32 --concurrent-per-site 2

Prints one JSON line: pages fetched, responses by status, seconds.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response, TextResponse

from marktplatz.config import parse_cidrs, parse_hosts
from marktplatz.crawler.guard import AddressPolicy
from marktplatz.crawler.settings import ENGINE_TUNING


class BareSpider(Spider):
    name = "bare"

    def __init__(self, urls: list[str], max_pages: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.urls = urls
        self.max_pages = max_pages
        self.planned: Counter[str] = Counter()  # host → pages requested
        self.seen: set[str] = set()
        self.statuses: Counter[int] = Counter()

    async def start(self) -> AsyncIterator[Any]:
        for url in self.urls:
            request = self._follow(url)
            if request is not None:
                yield request

    def _follow(self, url: str) -> Request | None:
        url = url.split("#", 1)[0]
        host = urlsplit(url).netloc
        if url in self.seen or self.planned[host] >= self.max_pages:
            return None
        self.seen.add(url)
        self.planned[host] += 1
        return Request(url, callback=self.parse, errback=self.failed, dont_filter=True,
                       meta={"handle_httpstatus_all": True})

    def parse(self, response: Response) -> Iterator[Request]:
        self.statuses[response.status] += 1
        if response.status >= 400 or not isinstance(response, TextResponse):
            return
        host = urlsplit(response.url).netloc
        for href in response.css("a::attr(href)").getall():
            url = response.urljoin(href)
            if url.startswith(("http://", "https://")) and urlsplit(url).netloc == host:
                request = self._follow(url)
                if request is not None:
                    yield request

    def failed(self, failure: Any) -> None:
        self.statuses[0] += 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--urls", type=Path, required=True, help="file with one home page URL per line")
    ap.add_argument("--max-pages", type=int, default=30)
    ap.add_argument("--concurrent-total", type=int, default=32)
    ap.add_argument("--concurrent-per-site", type=int, default=2)
    ap.add_argument("--delay", type=float, default=0.0)
    ap.add_argument("--hosts", default="", help="MARKTPLATZ_HOSTS-style name=address list")
    ap.add_argument("--allow", default="127.0.0.1/32", help="CIDRs the guarded resolver may hand out")
    ap.add_argument("--engine", choices=("tuned", "defaults"), default="tuned",
                    help="Scrapy's engine as `marktplatz crawl` runs it (tuned) or as it comes (defaults)")
    a = ap.parse_args()
    urls = [line.strip() for line in a.urls.read_text(encoding="utf-8").splitlines() if line.strip()]
    process = CrawlerProcess({
        "ROBOTSTXT_OBEY": True, "COOKIES_ENABLED": False, "TELNETCONSOLE_ENABLED": False,
        "CONCURRENT_REQUESTS": a.concurrent_total, "CONCURRENT_REQUESTS_PER_DOMAIN": a.concurrent_per_site,
        "DOWNLOAD_DELAY": a.delay, "AUTOTHROTTLE_ENABLED": False, "LOG_LEVEL": "WARNING",
        "DNSCACHE_ENABLED": False, "TWISTED_DNS_RESOLVER": "marktplatz.crawler.resolver.GuardedResolver",
        "MARKTPLATZ_ADDRESS_POLICY": AddressPolicy(parse_cidrs(a.allow)), "MARKTPLATZ_HOSTS": parse_hosts(a.hosts),
        "REACTOR_THREADPOOL_MAXSIZE": 20, "RETRY_TIMES": 1, "MEMUSAGE_ENABLED": False,
        **(ENGINE_TUNING if a.engine == "tuned" else {}),
    })
    crawler = process.create_crawler(BareSpider)
    started = time.monotonic()
    process.crawl(crawler, urls=urls, max_pages=a.max_pages)
    process.start()
    spider = crawler.spider
    assert isinstance(spider, BareSpider)
    print(json.dumps({"pages": sum(spider.statuses.values()), "statuses": dict(spider.statuses),
                      "seconds": round(time.monotonic() - started, 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
