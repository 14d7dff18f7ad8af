"""The HTTP(S) download handler: Scrapy's own, with idle keep-alive connections closed after a few seconds.

Twisted keeps an idle persistent connection for 240 s. A crawl moves on from site to site and rarely comes back, so
every finished site would keep its connections (and a file descriptor each) open for four minutes: a city crawl at
tens of sites a second holds thousands of them, past the usual limit of 1,024 open files, and occupies the traders'
servers for nothing. A site's own requests follow each other within its politeness pause, which stays far below
this timeout unless AutoThrottle slows a struggling site down, and then one new connection costs nothing.
"""

from __future__ import annotations

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler

IDLE_CONNECTION_SECONDS = 5


class SiteHTTPDownloadHandler(HTTP11DownloadHandler):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self._pool.cachedConnectionTimeout = IDLE_CONNECTION_SECONDS
