"""robots.txt as RFC 9309 asks, replacing Scrapy's RobotsTxtMiddleware.

- 2xx: the rules apply (only the first 512 KiB is read, as the RFC allows);
- 4xx (no robots.txt): everything is allowed;
- 5xx: the site is in trouble: crawl nothing of it this time (RFC 9309 §2.3.1.4);
- no answer at all (DNS, refused, timeout): allowed, so the home-page request itself fails and the site's real
  status is recorded instead of a robots verdict.
Failures are logged at INFO, one line, without a traceback: a down site is not a program error.

The verdicts of the last `MAX_PARSERS` hosts are kept (Scrapy keeps every host's for the whole crawl, which grows
with the city): a site is crawled once per run, so a verdict evicted after its site ended is not asked for again.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

from scrapy import Request
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.robotstxt import RobotParser
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

log = logging.getLogger(__name__)

MAX_ROBOTS_BYTES = 512 * 1024
MAX_PARSERS = 2048  # far more than the sites open at once, plus the external hosts they share


class _DisallowAll(RobotParser):
    """The verdict for a robots.txt that answered 5xx."""

    def __init__(self) -> None:
        pass

    @classmethod
    def from_crawler(cls, crawler: Any, robotstxt_body: bytes) -> _DisallowAll:
        return cls()

    def allowed(self, url: str | bytes, user_agent: str | bytes) -> bool:
        return False


class RfcRobotsTxtMiddleware(RobotsTxtMiddleware):
    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        self._parsers: OrderedDict[str, RobotParser | Deferred[RobotParser | None] | None] = OrderedDict()

    def process_request_2(self, rp: RobotParser | None, request: Request) -> None:
        if isinstance(rp, _DisallowAll) and request.meta.get("kind") == "home":
            # One look at the home page, no more than the robots.txt request itself cost, so that a site answering
            # 5xx to everything is recorded as broken instead of staying unjudged.
            return
        super().process_request_2(rp, request)

    async def robot_parser(self, request: Request) -> RobotParser | None:
        url = urlparse_cached(request)
        netloc = url.netloc
        if netloc not in self._parsers:
            self._parsers[netloc] = Deferred()
            robots_request = Request(
                f"{url.scheme}://{netloc}/robots.txt", priority=self.DOWNLOAD_PRIORITY,
                meta={"dont_obey_robotstxt": True, "download_maxsize": MAX_ROBOTS_BYTES * 4,
                      "download_slot": request.meta.get("download_slot", netloc)},
                dont_filter=True,
            )
            parser: RobotParser | None = None
            try:
                assert self.crawler.engine is not None
                response = await self.crawler.engine.download_async(robots_request)
            except Exception as exc:
                log.info("robots.txt of %s not fetched (%s): crawling as if there were none", netloc,
                         type(exc).__name__)
                self._stats.inc_value("robotstxt/unreachable")
            else:
                self._stats.inc_value(f"robotstxt/response_status_count/{response.status}")
                if 200 <= response.status < 300:
                    parser = self._parserimpl.from_crawler(self.crawler, response.body[:MAX_ROBOTS_BYTES])
                elif response.status >= 500:
                    log.info("robots.txt of %s answered %s: nothing of the site is crawled this time", netloc,
                             response.status)
                    parser = _DisallowAll()
            waiting = self._parsers[netloc]
            self._parsers[netloc] = parser
            if isinstance(waiting, Deferred):
                waiting.callback(parser)
            self._stats.inc_value("robotstxt/request_count")
            self._forget_oldest()
        self._parsers.move_to_end(netloc)
        found = self._parsers[netloc]
        if isinstance(found, Deferred):
            result: RobotParser | None = await maybe_deferred_to_future(found)
            return result
        return found

    def _forget_oldest(self) -> None:
        while len(self._parsers) > MAX_PARSERS:
            # The least recently used verdict; lookups still in flight (Deferreds) have waiters and stay.
            oldest = next((n for n, p in self._parsers.items() if not isinstance(p, Deferred)), None)
            if oldest is None:
                return
            del self._parsers[oldest]
