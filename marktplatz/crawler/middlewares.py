"""Downloader middleware that refuses a request before it is sent: wrong scheme, overlong URL, private IP literal.

Host names are checked again at connection time by `resolver.GuardedResolver`; this early check only gives the
clearest reason for the common cases, including every hop of a redirect chain (each hop is a new request).
"""

from __future__ import annotations

import ipaddress
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.crawler import Crawler

from marktplatz.crawler.errors import BlockedRequest
from marktplatz.crawler.guard import AddressPolicy


class GuardMiddleware:
    def __init__(self, policy: AddressPolicy, max_url_length: int) -> None:
        self.policy = policy
        self.max_url_length = max_url_length

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> GuardMiddleware:
        policy = crawler.settings.get("MARKTPLATZ_ADDRESS_POLICY") or AddressPolicy()
        return cls(policy, crawler.settings.getint("URLLENGTH_LIMIT", 2000))

    def process_request(self, request: Request, spider: Spider | None = None) -> Any:
        url = request.url
        if len(url) > self.max_url_length:
            raise BlockedRequest("url_too_long", f"URL longer than {self.max_url_length} characters")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise BlockedRequest("scheme", f"scheme {parts.scheme!r} is not crawled (only http and https)")
        host = (parts.hostname or "").strip("[]")
        if not host:
            raise BlockedRequest("blocked", "URL without a host")
        if _is_ip(host):
            reason = self.policy.refusal(host)
            if reason:
                raise BlockedRequest("blocked", reason)
        return None


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
