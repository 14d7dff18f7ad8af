"""Fetch one live URL through the same guard, limits and User-Agent as a crawl (for `marktplatz extract URL`)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

from scrapy import Request, Spider
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response

from marktplatz.config import Settings
from marktplatz.crawler.errors import classify_failure
from marktplatz.crawler.settings import scrapy_settings


@dataclass
class OneFetch:
    url: str
    final_url: str | None = None
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    error: str | None = None


class _OneSpider(Spider):
    name = "one"

    def __init__(self, target: OneFetch, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.target = target

    async def start(self) -> AsyncIterator[Any]:
        yield Request(self.target.url, callback=self.got, errback=self.failed, dont_filter=True,
                      meta={"handle_httpstatus_all": False, "handle_httpstatus_list": list(range(400, 600))})

    def got(self, response: Response) -> Iterator[Any]:
        self.target.final_url = response.url
        self.target.status = response.status
        self.target.headers = {k.decode("latin-1").lower(): v[0].decode("latin-1") for k, v in
                               response.headers.items() if v}
        self.target.body = response.body
        return iter(())

    def failed(self, failure: Any) -> Iterator[Any]:
        kind, message = classify_failure(failure, self.target.url)
        self.target.error = f"{kind}: {message}"
        return iter(())


def fetch_one(settings: Settings, url: str) -> OneFetch:
    target = OneFetch(url=url)
    config = scrapy_settings(settings, ITEM_PIPELINES={}, LOG_LEVEL="WARNING")
    process = CrawlerProcess(config)
    process.crawl(_OneSpider, target=target)
    process.start()
    return target
