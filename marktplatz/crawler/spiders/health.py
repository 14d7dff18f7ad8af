"""The health spider behind `marktplatz check`: one cheap look at every trader's home page, many sites in parallel.

Per site: GET the home page (redirects followed and recorded); when that fails, one more look by a second strategy
(www twin or other scheme, `monitor.health.second_strategy`); on a working https page, a verifying TLS handshake to
the address Scrapy connected to; then one random path to see whether the site admits "not found". After a DNS
failure the name is looked up once more to tell NXDOMAIN from a temporary failure. Each site ends in exactly one
`HomeCheck` item, whatever the server does (hang, reset, redirect flood, garbage): every request has an errback.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy import Request, Spider
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from marktplatz.crawler.errors import classify_failure
from marktplatz.crawler.spiders.site import redirect_chain
from marktplatz.crawler.tls import certificate_facts
from marktplatz.monitor.dns import dns_failure_kind
from marktplatz.monitor.health import second_strategy
from marktplatz.monitor.homecheck import Attempt, HomeCheck
from marktplatz.monitor.tls import verify_certificate

KEPT_STATUSES = list(range(400, 600))
PARKED_BODY_BYTES = 400_000


@dataclass(frozen=True)
class CheckTarget:
    trader_id: str
    url: str


class HealthSpider(Spider):
    name = "health"

    def __init__(self, targets: Iterable[CheckTarget], timeout: float = 20.0, max_bytes: int = 5 * 1024 * 1024,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.targets = targets
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.checks: dict[str, HomeCheck] = {}

    async def start(self) -> AsyncIterator[Any]:
        for target in self.targets:
            if target.trader_id in self.checks:
                continue
            self.checks[target.trader_id] = HomeCheck(target.trader_id, target.url)
            yield self._request(target.trader_id, target.url, "home")

    # -- callbacks -----------------------------------------------------------------------------------------------

    async def on_response(self, response: Response) -> AsyncIterator[Any]:
        check = self.checks.get(response.meta["trader_id"])
        if check is None:
            return
        step = response.meta["step"]
        if step == "probe":
            check.probe = {"url": response.meta["origin_url"], "status": response.status, "final_url": response.url}
            yield self._finish(check)
            return
        attempt = Attempt(url=response.meta["origin_url"], final_url=response.url, status=response.status,
                          redirects=redirect_chain(response.meta, response.url),
                          elapsed_ms=int(response.meta["download_latency"] * 1000)
                          if "download_latency" in response.meta else None)
        check.attempts.append(attempt)
        self.crawler.stats.inc_value(f"marktplatz/check/status/{response.status}")
        if not attempt.ok:
            alt = second_strategy(attempt.url, None, attempt.status) if step == "home" else None
            if alt:
                yield self._request(check.trader_id, alt, "alt")
                return
            yield self._finish(check)
            return
        check.body = response.body[:PARKED_BODY_BYTES]
        if response.url.startswith("https://"):
            check.certificate = certificate_facts(getattr(response, "certificate", None))
            check.verification = await self._verify_tls(response)
        probe = urljoin(response.url, f"/marktplatz-pruefung-{secrets.token_hex(6)}.html")
        yield self._request(check.trader_id, probe, "probe")

    async def on_error(self, failure: Any) -> AsyncIterator[Any]:
        request: Request = failure.request
        check = self.checks.get(request.meta["trader_id"])
        if check is None:
            return
        kind, message = classify_failure(failure, request.url)
        self.crawler.stats.inc_value(f"marktplatz/check/errors/{kind}")
        step = request.meta["step"]
        if step == "probe":
            check.probe = {"url": request.meta["origin_url"], "error_kind": kind}
            yield self._finish(check)
            return
        attempt = Attempt(url=request.meta["origin_url"], final_url=request.url, error_kind=kind, error=message,
                          redirects=redirect_chain(request.meta, request.url))
        if kind == "dns":
            host = urlsplit(request.url).hostname or ""
            attempt.dns = await maybe_deferred_to_future(deferToThread(dns_failure_kind, host))
        check.attempts.append(attempt)
        alt = second_strategy(attempt.url, kind, None) if step == "home" else None
        if alt:
            yield self._request(check.trader_id, alt, "alt")
            return
        yield self._finish(check)

    # -- helpers -------------------------------------------------------------------------------------------------

    def _request(self, trader_id: str, url: str, step: str) -> Request:
        meta = {
            "trader_id": trader_id, "step": step, "origin_url": url, "handle_httpstatus_list": KEPT_STATUSES,
            # One politeness slot per site; the second strategy and the probe queue behind the home page.
            "download_slot": urlsplit(self.checks[trader_id].url).netloc,
            "download_maxsize": self.max_bytes,
            "download_timeout": self.timeout,
            # The second strategy is our retry: Scrapy's own retries would multiply the time a dead site costs.
            "dont_retry": True,
        }
        return Request(url, meta=meta, callback=self.on_response, errback=self.on_error, dont_filter=True,
                       priority=1 if step != "home" else 0)

    async def _verify_tls(self, response: Response) -> dict[str, Any] | None:
        ip = getattr(response, "ip_address", None)
        parts = urlsplit(response.url)
        if ip is None or not parts.hostname:
            return None
        started = time.monotonic()
        verdict: dict[str, Any] = await maybe_deferred_to_future(deferToThread(
            verify_certificate, str(ip), parts.port or 443, parts.hostname, self.timeout))
        self.crawler.stats.inc_value("marktplatz/check/tls_verified")
        self.crawler.stats.max_value("marktplatz/check/tls_verify_max_ms", int((time.monotonic() - started) * 1000))
        return verdict

    def _finish(self, check: HomeCheck) -> HomeCheck:
        self.checks.pop(check.trader_id, None)
        return check

