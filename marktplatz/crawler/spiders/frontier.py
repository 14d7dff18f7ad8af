"""Per-site crawl state: what was seen, what is waiting (by priority), what is in flight, and the site's budgets.

Pure bookkeeping with no Scrapy types, so the rules (page budget, depth, link checks, Impressum probes, time limit)
are testable on their own. The spider turns the `Fetch` plans it returns into requests.
"""

from __future__ import annotations

import heapq
import itertools
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url, url_query_cleaner

from marktplatz.config import CrawlLimits
from marktplatz.crawler.hints import IMPRESSUM_PROBES, is_impressum_link, looks_like_asset, page_priority
from marktplatz.registry.urls import registered_domain

# Query parameters that only carry a session: dropped so `?sid=…` on every link cannot make an endless site.
SESSION_PARAMS = ("phpsessid", "sid", "sessionid", "session_id", "jsessionid", "cfid", "cftoken", "osCsid", "zenid",
                  "PHPSESSID", "SID", "JSESSIONID", "oscsid")


# Every page of a site links to the same navigation: the same URLs come back a dozen times per site, and
# canonicalising them (w3lib) or looking up their registered domain (tldextract) was a visible share of a crawl's CPU.
URL_CACHE_SIZE = 16_384


@lru_cache(maxsize=URL_CACHE_SIZE)
def site_key(url: str) -> str:
    """Identity of "the same site": the registered domain; for IP hosts and `localhost`, host and port."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    domain = registered_domain(host)
    if domain == host and ("." not in host or host.replace(".", "").isdigit() or ":" in host):
        return f"{host}:{parts.port or (443 if parts.scheme == 'https' else 80)}"
    return domain


def clean_url(url: str) -> str:
    """Fragment and session parameters removed; otherwise the URL as the site wrote it."""
    no_fragment = url.split("#", 1)[0]
    if "?" in no_fragment:
        no_fragment = url_query_cleaner(no_fragment, SESSION_PARAMS, remove=True, unique=False)
    return no_fragment


def site_key_of(url: str) -> str | None:
    """`site_key` of an http(s) URL; None for other schemes and for an unreadable host or port."""
    if not url.startswith(("http://", "https://")):
        return None
    try:
        return site_key(url)
    except ValueError:
        return None


def under_own_address(url: str, alias: str, base_url: str) -> str:
    """A link to the site's other name `alias` (a site key, see `crawler.aliases`) as the same path and query under
    the scheme and host of `base_url`, the site's own address; any other URL unchanged."""
    if site_key_of(url) != alias:
        return url
    parts, base = urlsplit(url), urlsplit(base_url)
    return urlunsplit((base.scheme, base.netloc, parts.path or "/", parts.query, ""))


@lru_cache(maxsize=URL_CACHE_SIZE)
def dedupe_key(url: str) -> str:
    return canonicalize_url(url, keep_fragments=False)


@dataclass(order=True)
class Fetch:
    """A planned request: `kind` as in `items.KINDS`."""

    sort_key: tuple[int, int]
    url: str = field(compare=False)
    kind: str = field(compare=False)
    depth: int = field(compare=False, default=0)
    found_on: str | None = field(compare=False, default=None)
    method: str = field(compare=False, default="GET")


@dataclass
class SiteFrontier:
    trader_id: str
    home_url: str
    limits: CrawlLimits
    started_at: float
    site_keys: set[str] = field(default_factory=set)
    # Another name of the site (`crawler.aliases`) and the home page's address: links there are fetched as its paths.
    alias: tuple[str, str] | None = None
    seen: set[str] = field(default_factory=set)
    queue: list[Fetch] = field(default_factory=list)
    checks: list[Fetch] = field(default_factory=list)
    external: list[Fetch] = field(default_factory=list)
    in_flight: int = 0
    pages_planned: int = 0
    checks_planned: int = 0
    external_planned: int = 0
    sitemaps_planned: int = 0
    probes: list[str] = field(default_factory=list)
    probes_planned: bool = False
    impressum_links: set[str] = field(default_factory=set)
    impressum_found: bool = False
    home_final_url: str | None = None
    timed_out: bool = False
    following: bool = True  # False once the home page turned out to be someone else's (social media, parking)
    finished: bool = False
    _seq: itertools.count[int] = field(default_factory=itertools.count)

    def __post_init__(self) -> None:
        self.site_keys.add(site_key(self.home_url))

    # -- what to fetch -------------------------------------------------------------------------------------------

    def start(self) -> None:
        self._push(self.home_url, "home", depth=0, found_on=None, priority=1000)
        for path in ("sitemap.xml",):
            self._push(urljoin(self.home_url, "/" + path), "sitemap", depth=1, found_on=None, priority=40)

    def adopt_home(self) -> None:
        """Distributed mode: the home request came from the shared queue and is already in flight here."""
        self.seen.add(dedupe_key(self.home_url))
        self.pages_planned += 1
        self.in_flight += 1
        self._push(urljoin(self.home_url, "/sitemap.xml"), "sitemap", depth=1, found_on=None, priority=40)

    def is_same_site(self, url: str) -> bool:
        return site_key(url) in self.site_keys

    def site_moved_to(self, final_url: str) -> None:
        """The home page redirected to another site: that site is now this trader's site too."""
        self.site_keys.add(site_key(final_url))

    def adopt_alias(self, key: str, base_url: str) -> None:
        """The home page at `base_url` presents itself under the site key `key`: its links there are this site's."""
        self.alias = (key, base_url)

    def own_name(self, url: str) -> str:
        """`url` under the site's own address when it names the site by its other name, else unchanged."""
        return url if self.alias is None else under_own_address(url, *self.alias)

    def stop_following(self) -> None:
        """The home page redirected to a platform that is not the trader's own site (a Facebook page, a domain
        parking service): keep what was fetched, but crawl, probe and check nothing there."""
        self.following = False
        self.queue = [f for f in self.queue if f.kind == "sitemap"]
        self.checks.clear()
        self.external.clear()
        self.probes.clear()

    def add_links(self, page_url: str, depth: int, links: list[tuple[str, str]]) -> None:
        """Links found on a page: (absolute URL, anchor text)."""
        if not self.following:
            return
        for url, text in links:
            url = clean_url(url)
            if not url.startswith(("http://", "https://")) or len(url) > self.limits.max_url_length:
                continue
            url = self.own_name(url)
            path = urlsplit(url).path or "/"
            if not self.is_same_site(url):
                self._push_external(url, page_url)
                continue
            if is_impressum_link(path, text):
                self.impressum_links.add(dedupe_key(url))
            if looks_like_asset(path):
                self._push_check(url, page_url)
            else:
                self._push(url, "page", depth=depth + 1, found_on=page_url, priority=page_priority(path, text))

    def add_sitemap_urls(self, sitemap_url: str, urls: list[str], sub_sitemaps: list[str]) -> None:
        for url in sub_sitemaps:
            if self.is_same_site(url) and self.sitemaps_planned < 3:
                self._push(url, "sitemap", depth=1, found_on=None, priority=35)
        for url in urls:
            url = self.own_name(clean_url(url))
            if self.is_same_site(url) and not looks_like_asset(urlsplit(url).path):
                # Not linked from a page: never reported as a broken link, so no `found_on`.
                self._push(url, "page", depth=1, found_on=None, priority=page_priority(urlsplit(url).path) - 1)

    def home_done(self, home_final_url: str) -> None:
        self.home_final_url = home_final_url.split("#")[0]

    def page_ok(self, url: str) -> None:
        """A page answered with content; if a link called it the Impressum, no probing is needed."""
        if dedupe_key(url) in self.impressum_links:
            self.impressum_found = True

    def probe_result(self, ok: bool) -> None:
        if ok:
            self.impressum_found = True
            self.probes.clear()

    def next_fetches(self, now: float) -> list[Fetch]:
        """Requests to send now: pages by priority within budget, then probes, link checks, external checks."""
        if now - self.started_at > self.limits.site_timeout:
            self.timed_out = True
            self.queue.clear()
            self.checks.clear()
            self.external.clear()
            self.probes.clear()
        out: list[Fetch] = []
        window = max(1, self.limits.concurrent_per_site) * 2
        while self.in_flight < window:
            fetch = self._next_one()
            if fetch is None:
                break
            out.append(fetch)
            self.in_flight += 1
        return out

    def done(self) -> None:
        self.in_flight -= 1

    @property
    def idle(self) -> bool:
        return self.in_flight == 0 and not self.queue and not self.checks and not self.external and not self.probes

    # -- internals -----------------------------------------------------------------------------------------------

    def _next_one(self) -> Fetch | None:
        while self.queue:
            fetch = heapq.heappop(self.queue)
            if fetch.kind == "sitemap":
                self.sitemaps_planned += 1
                return fetch
            if fetch.kind == "home" or (self.pages_planned < self.limits.max_pages
                                        and fetch.depth <= self.limits.max_depth):
                self.pages_planned += 1
                return fetch
            # Over the page budget or too deep: still worth knowing whether the link works.
            if fetch.found_on is not None:
                self._push_check(fetch.url, fetch.found_on, already_seen=True)
        if (not self.impressum_found and not self.probes_planned and self.in_flight == 0 and self.home_final_url
                and self.following):
            # Every page is done and no working Impressum was linked: guess its usual places.
            self.probes_planned = True
            self.probes = [urljoin(self.home_final_url, "/" + p) for p in IMPRESSUM_PROBES]
        if self.probes and self.in_flight == 0:
            # One probe at a time, only once every page is done: stop at the first that answers.
            url = self.probes.pop(0)
            key = dedupe_key(url)
            if key not in self.seen:
                self.seen.add(key)
                return Fetch((0, next(self._seq)), url, "probe", depth=1)
            return self._next_one()
        if self.checks and self.checks_planned < self.limits.max_link_checks:
            self.checks_planned += 1
            return self.checks.pop(0)
        if self.checks_planned >= self.limits.max_link_checks:
            self.checks.clear()
        if self.external and self.external_planned < self.limits.max_external_checks:
            self.external_planned += 1
            return self.external.pop(0)
        self.external.clear()
        return None

    def _push(self, url: str, kind: str, depth: int, found_on: str | None, priority: int) -> None:
        key = dedupe_key(url)
        if key in self.seen:
            return
        self.seen.add(key)
        heapq.heappush(self.queue, Fetch((-priority, next(self._seq)), url, kind, depth, found_on))

    def _push_check(self, url: str, found_on: str, already_seen: bool = False) -> None:
        key = dedupe_key(url)
        if not already_seen:
            if key in self.seen:
                return
            self.seen.add(key)
        self.checks.append(Fetch((0, next(self._seq)), url, "link", 1, found_on, method="HEAD"))

    def _push_external(self, url: str, found_on: str) -> None:
        key = dedupe_key(url)
        if key in self.seen or len(self.external) >= self.limits.max_external_checks * 3:
            return
        self.seen.add(key)
        self.external.append(Fetch((0, next(self._seq)), url, "external", 1, found_on, method="HEAD"))
