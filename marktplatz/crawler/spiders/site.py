"""The site spider: one bounded, polite crawl per trader site, many sites in parallel.

It decides what to fetch (home page, sitemap, the pages that matter first, Impressum probes, link checks) and
reports each fetch as a `FetchResult`; it never parses listing fields. Each site has its own frontier
(`frontier.SiteFrontier`); when a site has nothing left in flight, a `SiteDone` item tells the pipelines to process
it, and the next site starts. Only `max_active_sites` sites are open at once, so memory stays flat however many
traders there are. The one state shared across sites is the run's external link checks: a link to another site is
checked once per run, and every site linking to it gets that answer.
"""

from __future__ import annotations

import dataclasses
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, Spider, signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.sitemap import Sitemap
from twisted.internet.defer import Deferred
from twisted.internet.task import LoopingCall

from marktplatz.config import CrawlLimits
from marktplatz.crawler.aliases import DECLARED, DECLARED_XPATH, declared_in, followable, site_alias
from marktplatz.crawler.distributed.keys import RunBook, worker_id
from marktplatz.crawler.errors import classify_failure
from marktplatz.crawler.items import FetchResult, SiteDone
from marktplatz.crawler.spiders.frontier import Fetch, SiteFrontier, clean_url, dedupe_key
from marktplatz.crawler.tls import certificate_facts
from marktplatz.monitor.health import social_platform
from marktplatz.monitor.parked import parking_host

# Statuses handed to the callback instead of being dropped: everything but redirects, which Scrapy follows.
KEPT_STATUSES = [304, *range(400, 600)]
KEPT_HEADERS = ("content-type", "content-length", "content-encoding", "last-modified", "etag", "server",
                "x-powered-by", "x-generator", "cache-control", "strict-transport-security", "retry-after",
                "content-language", "location", "date")
MAX_LINKS_PER_PAGE = 500
STORED_LINKS_PER_PAGE = 300
LINK_XPATH = "//a[@href] | //area[@href] | //frame[@src] | //iframe[@src]"
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
# External links checked in this run, remembered by URL. Traders link to the same few places (the city's portal,
# social media, maps, their association): checked once per run, not once per site. A dead external host would
# otherwise cost every site that links to it a DNS failure or a time-out, and the host a request from each.
CHECKED_EXTERNAL_LINKS = 4_096


@dataclass(frozen=True)
class SiteTarget:
    trader_id: str
    url: str


@dataclass(frozen=True)
class KnownPage:
    """What the last crawl saw at a URL: validators for a conditional request, and its links for a 304."""

    etag: str | None
    last_modified: str | None
    links: list[list[str]]


PageMemory = Callable[[str], dict[str, KnownPage]]


class SiteSpider(Spider):
    name = "sites"

    def __init__(self, targets: Iterable[SiteTarget], limits: CrawlLimits, page_memory: PageMemory | None = None,
                 max_active_sites: int = 16, runbook: RunBook | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.targets = targets
        self.limits = limits
        self.page_memory = page_memory
        self.max_active_sites = max(1, max_active_sites)
        self.active: dict[str, SiteFrontier] = {}
        self.memory: dict[str, dict[str, KnownPage]] = {}
        self.checked_external: OrderedDict[str, FetchResult] = OrderedDict()  # URL key → its check in this run
        # URL key → (site whose request checks it now, sites waiting for that answer with their planned fetch)
        self.checking_external: dict[str, tuple[str, list[tuple[SiteFrontier, Fetch]]]] = {}
        self._waiters: list[Deferred[None]] = []
        # Distributed mode (a Redis worker): sites arrive as start requests from the shared queue.
        self.runbook = runbook
        self.held: set[str] = set()  # sites this worker took and has not finished
        self._heartbeat: LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> SiteSpider:
        spider: SiteSpider = super().from_crawler(crawler, *args, **kwargs)
        if spider.runbook is not None:
            crawler.signals.connect(spider._idle, signal=signals.spider_idle)
            crawler.signals.connect(spider._opened, signal=signals.spider_opened)
            crawler.signals.connect(spider._closed, signal=signals.spider_closed)
        return spider

    def home_request(self, trader_id: str, url: str, run_id: int) -> Request:
        """The request that starts a site's crawl on whichever worker takes it from the shared queue."""
        frontier = SiteFrontier(trader_id, url, self.limits, started_at=0.0)
        request = self._request(frontier, Fetch((-1000, 0), url, "home", 0, None)).replace(dont_filter=False)
        request.meta.pop("local", None)
        request.meta.update({"site_start": True, "run_id": run_id})
        return request

    async def start(self) -> AsyncIterator[Any]:
        for target in self.targets:
            while len(self.active) >= self.max_active_sites:
                waiter: Deferred[None] = Deferred()
                self._waiters.append(waiter)
                await maybe_deferred_to_future(waiter)
            if target.trader_id in self.active:
                continue
            frontier = SiteFrontier(target.trader_id, target.url, self.limits, started_at=time.monotonic())
            frontier.start()
            self.active[target.trader_id] = frontier
            self.memory[target.trader_id] = self.page_memory(target.trader_id) if self.page_memory else {}
            for request in self._advance(frontier):
                yield request

    # -- callbacks -----------------------------------------------------------------------------------------------

    def parse_fetch(self, response: Response) -> Iterator[Any]:
        meta = response.meta
        frontier = self._frontier_for(meta)
        result = self._result_from_response(response)
        if frontier is not None:
            self._learn(frontier, response, result)
        yield result
        yield from self._settle_external(result)
        if frontier is not None:
            frontier.done()
            yield from self._advance(frontier)

    def fetch_failed(self, failure: Any) -> Iterator[Any]:
        request: Request = failure.request
        meta = request.meta
        frontier = self._frontier_for(meta)
        kind, message = classify_failure(failure, request.url)
        result = FetchResult(
            trader_id=meta["trader_id"], url=meta.get("origin_url", request.url), kind=meta["kind"],
            depth=meta.get("depth", 0), found_on=meta.get("found_on"), fetched_at=datetime.now(UTC),
            final_url=request.url, error_kind=kind, error=message, redirects=redirect_chain(meta, request.url),
        )
        self.crawler.stats.inc_value(f"marktplatz/errors/{kind}")
        if frontier is not None and meta["kind"] == "probe":
            frontier.probe_result(False)
        yield result
        yield from self._settle_external(result)
        if frontier is not None:
            frontier.done()
            yield from self._advance(frontier)

    # -- helpers -------------------------------------------------------------------------------------------------

    def _frontier_for(self, meta: dict[str, Any]) -> SiteFrontier | None:
        frontier = self.active.get(meta["trader_id"])
        if frontier is None and meta.get("site_start") and self.runbook is not None:
            # This worker took the site from the shared queue: from now on it crawls the site itself.
            frontier = SiteFrontier(meta["trader_id"], meta["origin_url"], self.limits, started_at=time.monotonic())
            frontier.adopt_home()
            self.active[frontier.trader_id] = frontier
            self.memory[frontier.trader_id] = self.page_memory(frontier.trader_id) if self.page_memory else {}
        return frontier

    # -- distributed mode: leases and idling ---------------------------------------------------------------------

    def _opened(self, spider: Spider) -> None:
        assert self.runbook is not None
        self._heartbeat = LoopingCall(self._renew_leases)
        self._heartbeat.start(max(1.0, self.runbook.lease_seconds / 3), now=False)

    def _renew_leases(self) -> None:
        if self.runbook is not None and self.held:
            self.runbook.renew(self.held, worker_id())

    def site_finished(self, trader_id: str) -> None:
        """Called once the site's results are stored: only then is it done for the whole run."""
        if self.runbook is not None:
            self.runbook.finish(trader_id)
            self.held.discard(trader_id)

    def _idle(self, spider: Spider) -> None:
        from marktplatz.crawler.distributed.coordinator import requeue_lost

        assert self.runbook is not None
        if self.held or not self.runbook.complete():
            if requeue_lost(self.crawler.settings["MARKTPLATZ_CONTEXT"].settings, self.runbook, self):
                self.logger.info("put back sites of a worker that stopped")
            raise DontCloseSpider

    def _closed(self, spider: Spider, reason: str) -> None:
        if self._heartbeat is not None and self._heartbeat.running:
            self._heartbeat.stop()

    def _learn(self, frontier: SiteFrontier, response: Response, result: FetchResult) -> None:
        """Feed what a response says about the site back into its frontier."""
        kind = result.kind
        ok_page = result.status is not None and result.status < 400 and result.error_kind is None
        if kind == "home" and ok_page and not frontier.is_same_site(response.url):
            if social_platform(response.url) or parking_host(response.url):
                frontier.stop_following()
            else:
                frontier.site_moved_to(response.url)
        if kind in ("home", "page") and ok_page:
            frontier.page_ok(result.url)
            if result.not_modified:
                known = self.memory.get(frontier.trader_id, {}).get(result.url)
                stored = known.links if known else []
                pairs, declared = followable(stored), declared_in(stored)
            else:
                pairs = self._links_with_text(response)
                declared = self._declared(response) if kind == "home" else []
            result.links = [[url, text] for url, text in pairs[:STORED_LINKS_PER_PAGE]]
            result.links += [[url, "", DECLARED] for url in declared]
            if kind == "home" and frontier.following:
                alias = site_alias(response.url, pairs, declared)
                if alias is not None:
                    frontier.adopt_alias(alias, response.url)
                    self.crawler.stats.inc_value("marktplatz/sites/alias")
            frontier.add_links(response.url, result.depth, pairs)
        if kind == "home":
            frontier.home_done(response.url)
        elif kind == "probe":
            frontier.probe_result(ok_page and result.body is not None)
        elif kind == "sitemap" and result.status == 200:
            urls, subs = _parse_sitemap(response.body)
            frontier.add_sitemap_urls(response.url, urls, subs)
        elif kind in ("link", "external") and response.request is not None \
                and response.request.method == "HEAD" and result.status in (400, 403, 405, 501):
            # Some servers refuse HEAD; ask again with GET before calling the link broken.
            retry = Fetch((0, 0), result.url, kind, result.depth, result.found_on, method="GET")
            (frontier.checks if kind == "link" else frontier.external).insert(0, retry)
            result.kind = "recheck"

    def _result_from_response(self, response: Response) -> FetchResult:
        meta = response.meta
        headers = {k: _header(response, k) for k in KEPT_HEADERS if response.headers.get(k) is not None}
        content_type = headers.get("content-type", "").split(";")[0].strip().lower() or None
        kind = meta["kind"]
        keep_body = (kind in ("home", "page", "probe") and response.status < 400
                     and isinstance(response, TextResponse) and (content_type or "text/html") in HTML_TYPES)
        result = FetchResult(
            trader_id=meta["trader_id"], url=meta.get("origin_url", response.request.url if response.request else
                                                      response.url),
            kind=kind, depth=meta.get("depth", 0), found_on=meta.get("found_on"), fetched_at=datetime.now(UTC),
            final_url=response.url, status=response.status, headers=headers, content_type=content_type,
            body=response.body if keep_body else None, size=len(response.body),
            elapsed_ms=int(meta["download_latency"] * 1000) if "download_latency" in meta else None,
            redirects=redirect_chain(meta, response.url), not_modified=response.status == 304,
        )
        if kind == "home" and response.url.startswith("https://"):
            result.tls = certificate_facts(getattr(response, "certificate", None))
        self.crawler.stats.inc_value(f"marktplatz/status/{response.status}")
        return result

    def _links_with_text(self, response: Response) -> list[tuple[str, str]]:
        if not isinstance(response, TextResponse):
            return []
        try:
            # The lxml elements themselves, not parsel selectors: one selector object per link and per text node
            # cost more than the rest of the link handling (same XPath, same strings).
            nodes = response.selector.root.xpath(LINK_XPATH)
        except Exception:  # lxml gives up on some binary served as text/html; such a page simply has no links
            return []
        out: list[tuple[str, str]] = []
        for node in nodes[:MAX_LINKS_PER_PAGE]:
            raw = (node.get("href") or node.get("src") or "").strip()
            if not raw or raw.startswith(("#", "mailto:", "tel:", "javascript:", "data:", "callto:", "fax:")):
                continue
            try:
                url = clean_url(response.urljoin(raw))
            except ValueError:
                continue
            text = " ".join(" ".join(node.itertext()).split())[:100]
            out.append((url, text))
        return out

    def _declared(self, response: Response) -> list[str]:
        """The home page's own statement of its address (canonical, og:url), made absolute."""
        if not isinstance(response, TextResponse):
            return []
        try:
            values = response.selector.root.xpath(DECLARED_XPATH)
        except Exception:  # as for links: a page lxml cannot read declares nothing
            return []
        out: list[str] = []
        for value in values[:4]:
            try:
                out.append(clean_url(response.urljoin(str(value).strip())))
            except ValueError:
                continue
        return list(dict.fromkeys(out))

    def _settle_external(self, result: FetchResult) -> Iterator[Any]:
        """Remember an external link's check for the rest of the run, and answer the sites waiting for it."""
        if result.kind != "external":  # a refused HEAD ("recheck") is not settled yet: its GET is
            return
        key = dedupe_key(result.url)
        known = dataclasses.replace(result, trader_id="", found_on=None)
        self.checked_external[key] = known
        if len(self.checked_external) > CHECKED_EXTERNAL_LINKS:
            self.checked_external.popitem(last=False)
        _owner, waiting = self.checking_external.pop(key, ("", []))
        for frontier, fetch in waiting:
            frontier.done()
            yield self._known_answer(known, frontier, fetch)
            yield from self._advance(frontier)

    def _known_answer(self, known: FetchResult, frontier: SiteFrontier, fetch: Fetch) -> FetchResult:
        self.crawler.stats.inc_value("marktplatz/external_checks_reused")
        return dataclasses.replace(known, trader_id=frontier.trader_id, url=fetch.url, found_on=fetch.found_on,
                                   headers=dict(known.headers), redirects=list(known.redirects))

    def _advance(self, frontier: SiteFrontier) -> Iterator[Any]:
        answered = True
        while answered:  # a link answered from this run's checks frees its slot for the next fetch
            answered = False
            for fetch in frontier.next_fetches(time.monotonic()):
                if fetch.kind == "external":
                    key = dedupe_key(fetch.url)
                    known = self.checked_external.get(key)
                    if known is not None:
                        frontier.done()
                        answered = True
                        yield self._known_answer(known, frontier, fetch)
                        continue
                    owner, waiting = self.checking_external.setdefault(key, (frontier.trader_id, []))
                    if owner != frontier.trader_id:
                        waiting.append((frontier, fetch))  # in flight for this site until the check settles
                        continue
                yield self._request(frontier, fetch)
        if frontier.idle and not frontier.finished:
            frontier.finished = True
            self.active.pop(frontier.trader_id, None)
            self.memory.pop(frontier.trader_id, None)
            reason = "timeout" if frontier.timed_out else (
                "budget" if frontier.pages_planned >= self.limits.max_pages else "complete")
            yield from self._hand_over_checks(frontier)
            yield SiteDone(frontier.trader_id, frontier.home_url, reason, frontier.pages_planned,
                           seconds=round(time.monotonic() - frontier.started_at, 2))
            if self._waiters:
                self._waiters.pop(0).callback(None)

    def _hand_over_checks(self, frontier: SiteFrontier) -> Iterator[Request]:
        """A finished site whose external check never settled (its GET retry fell over the site's budget or time
        limit): the first site waiting for that link sends the check itself."""
        for key, (owner, waiting) in list(self.checking_external.items()):
            if owner != frontier.trader_id:
                continue
            del self.checking_external[key]
            if waiting:
                (heir, fetch), rest = waiting[0], waiting[1:]
                self.checking_external[key] = (heir.trader_id, rest)
                yield self._request(heir, fetch)

    def _request(self, frontier: SiteFrontier, fetch: Fetch) -> Request:
        headers: dict[str, str] = {}
        known = self.memory.get(frontier.trader_id, {}).get(fetch.url)
        if known is not None and fetch.kind in ("home", "page"):
            if known.etag:
                headers["If-None-Match"] = known.etag
            if known.last_modified:
                headers["If-Modified-Since"] = known.last_modified
        meta = {
            "trader_id": frontier.trader_id, "kind": fetch.kind, "depth": fetch.depth, "found_on": fetch.found_on,
            "origin_url": fetch.url, "handle_httpstatus_list": KEPT_STATUSES,
            # One politeness slot per site (host and port), not per host name: sites sharing a server stay apart.
            "download_slot": urlsplit(frontier.home_url).netloc,
            "download_maxsize": self.limits.max_response_bytes,
        }
        if self.runbook is not None:
            meta["local"] = True  # a taken site's requests stay on this worker (per-site politeness)
        return Request(fetch.url, method=fetch.method, headers=headers, meta=meta, callback=self.parse_fetch,
                       errback=self.fetch_failed, dont_filter=True, priority=-fetch.sort_key[0])


def _header(response: Response, name: str) -> str:
    value = response.headers.get(name) or b""
    return value.decode("latin-1", "replace")[:500]


def redirect_chain(meta: dict[str, Any], final_url: str) -> list[dict[str, Any]]:
    """The redirects Scrapy followed to reach `final_url`, each hop with the status that moved it on."""
    urls = meta.get("redirect_urls") or []
    reasons = meta.get("redirect_reasons") or []
    chain = [{"url": u, "status": reasons[i] if i < len(reasons) else None} for i, u in enumerate(urls)]
    if chain:
        chain.append({"url": final_url, "status": None})
    return chain


def _parse_sitemap(body: bytes) -> tuple[list[str], list[str]]:
    try:
        sitemap = Sitemap(body)
    except Exception:  # a broken sitemap is simply ignored: the links on the pages still lead everywhere
        return [], []
    locs = [str(entry["loc"]).strip() for entry in sitemap if "loc" in entry][:500]
    if sitemap.type == "sitemapindex":
        return [], locs[:10]
    return locs, []
