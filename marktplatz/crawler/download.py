"""The HTTP(S) download handler: Scrapy's own, with idle keep-alive connections closed after a few seconds and no
bookkeeping left behind for hosts the crawl is done with.

Twisted keeps an idle persistent connection for 240 s. A crawl moves on from site to site and rarely comes back, so
every finished site would keep its connections (and a file descriptor each) open for four minutes: a city crawl at
tens of sites a second holds thousands of them, past the usual limit of 1,024 open files, and occupies the traders'
servers for nothing. A site's own requests follow each other within its politeness pause, which stays far below
this timeout unless AutoThrottle slows a struggling site down, and then one new connection costs nothing.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from twisted.web.client import HTTPConnectionPool

IDLE_CONNECTION_SECONDS = 5


class SitePool(HTTPConnectionPool):
    """Twisted's pool keeps an entry per host it ever connected to, an empty list once the host's last idle
    connection is closed: one per site for the whole run. The entry goes with its last connection."""

    def _removeConnection(self, key: Hashable, connection: Any) -> None:
        super()._removeConnection(key, connection)
        if not self._connections.get(key, True):
            del self._connections[key]


class SiteHTTPDownloadHandler(HTTP11DownloadHandler):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        pool = SitePool(self._pool._reactor, persistent=True)
        pool.maxPersistentPerHost = self._pool.maxPersistentPerHost
        pool._factory = self._pool._factory
        pool.cachedConnectionTimeout = IDLE_CONNECTION_SECONDS
        self._pool = pool
