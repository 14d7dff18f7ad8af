"""Home-page observations → outcome, redirect kind and the status one observation points to (pure).

An observation is what one look at the home page showed, from a crawl or from the daily check. Outcomes:
`ok`, `redirected` (moved to another domain or to a social-media page), `parked`, `http_error`, `robots` and
`rate_limited` (we may not look now: no verdict), and the error kinds of `crawler.errors` (`dns`, `refused`,
`timeout`, `reset`, `tls`, `blocked`, `redirects`, `too_large`, ...). An HTTP error, or an answer that cannot be
used (redirect flood, too large), points to `broken`; no answer points to `unreachable`. Whether a failing
observation turns the site `broken`/`unreachable` is decided over the history, in `monitor.status`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from marktplatz.crawler.spiders.frontier import site_key
from marktplatz.monitor.parked import parking_host
from marktplatz.monitor.wordlists import SOCIAL_MEDIA_DOMAINS
from marktplatz.registry.urls import registered_domain

REACHABLE_OUTCOMES = frozenset({"ok", "redirected", "parked"})
# Answers that say nothing about the site's health: keep the status it had.
NEUTRAL_OUTCOMES = frozenset({"robots", "rate_limited"})
# The server answered, but what it answered is unusable: the site is broken, not unreachable.
BROKEN_KINDS = frozenset({"redirects", "scheme", "too_large", "url_too_long"})
SITE_STATUSES = ("ok", "redirected", "broken", "unreachable", "parked", "no_website", "not_crawled")
FAILED_STATUSES = frozenset({"broken", "unreachable"})
# Failures a second look cannot change: the address itself is refused before any connection.
FINAL_ERROR_KINDS = frozenset({"blocked", "scheme", "url_too_long", "robots", "ignored"})


@dataclass
class Observation:
    url: str
    outcome: str
    http_status: int | None = None
    final_url: str | None = None
    redirects: list[dict[str, Any]] = field(default_factory=list)
    tls: dict[str, Any] | None = None
    elapsed_ms: int | None = None
    error: str | None = None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def reachable(self) -> bool:
        return self.outcome in REACHABLE_OUTCOMES

    @property
    def neutral(self) -> bool:
        return self.outcome in NEUTRAL_OUTCOMES


def observe(url: str, status: int | None, error_kind: str | None, error: str | None, final_url: str | None,
            redirects: list[dict[str, Any]], tls: dict[str, Any] | None, elapsed_ms: int | None,
            parked: dict[str, str] | None = None) -> Observation:
    """Classify one home-page fetch (`parked`: the verdict of `monitor.parked` on its body, if any)."""
    details: dict[str, Any] = {}
    kind = redirect_kind(url, final_url, redirects) if final_url else None
    if kind:
        details["redirect_kind"] = kind
        platform = social_platform(final_url)
        if platform:
            details["platform"] = platform
    if error_kind is not None:
        outcome = error_kind
        if error_kind == "blocked" and redirects:
            outcome = "redirects"  # the site answered, then redirected to an address we may not reach
    elif status is None:
        outcome = "other"
    elif status == 429:
        outcome = "rate_limited"
    elif status >= 400:
        outcome = "http_error"
    elif parked is not None or kind == "parking":
        outcome = "parked"
        details["parked"] = parked or {"kind": "parking", "evidence": f"Weiterleitung zu {parking_host(final_url)}"}
    elif kind in ("moved_domain", "social_media"):
        outcome = "redirected"
    else:
        outcome = "ok"
    return Observation(url=url, outcome=outcome, http_status=status, final_url=final_url, redirects=redirects,
                       tls=tls, elapsed_ms=elapsed_ms, error=error, details=details)


def status_from(observation: Observation) -> str | None:
    """The site status one observation points to; None when it tells nothing (robots.txt, rate limiting)."""
    if observation.neutral:
        return None
    if observation.reachable:
        return observation.outcome
    if observation.outcome == "http_error" or observation.outcome in BROKEN_KINDS:
        return "broken"
    return "unreachable"


def redirect_kind(url: str, final_url: str | None, redirects: list[dict[str, Any]] | None = None) -> str | None:
    """How the home page moved: `https_upgrade`, `www_added`, `www_removed`, `path`, `moved_domain`,
    `social_media`, `parking`; None when it did not move. The strongest change wins."""
    if not final_url:
        return None
    hops = [h.get("url") for h in (redirects or []) if h.get("url")]
    if parking_host(final_url) or any(parking_host(h) for h in hops):
        return "parking"
    start, end = urlsplit(url), urlsplit(final_url)
    if (start.hostname or "").lower() == (end.hostname or "").lower() and start.scheme == end.scheme \
            and start.port == end.port:
        return "path" if _path(start.path) != _path(end.path) or start.query != end.query else None
    if social_platform(final_url):
        return "social_media"
    if site_key(url) != site_key(final_url):
        return "moved_domain"
    start_host, end_host = (start.hostname or "").lower(), (end.hostname or "").lower()
    if start_host != end_host:
        if end_host == "www." + start_host:
            return "www_added"
        if start_host == "www." + end_host:
            return "www_removed"
        return "moved_domain" if registered_domain(start_host) != registered_domain(end_host) else "host"
    if start.scheme == "http" and end.scheme == "https":
        return "https_upgrade"
    return "path"


def social_platform(url: str | None) -> str | None:
    host = (urlsplit(url or "").hostname or "").lower()
    return SOCIAL_MEDIA_DOMAINS.get(registered_domain(host)) if host else None


def second_strategy(url: str, error_kind: str | None, status: int | None) -> str | None:
    """The other way to reach a home page after a failed look, or None when another look cannot help.

    A name that does not resolve gets the www/non-www twin (people type `baeckerei.de`, DNS knows only
    `www.baeckerei.de`); any other failure gets the other scheme (a broken https with a working http, or the other
    way round). HTTP errors try the www twin, since hosters often serve only one of the two names."""
    if error_kind in FINAL_ERROR_KINDS or status == 429:
        return None  # refused before connecting, or asked to slow down: another look now cannot help
    parts = urlsplit(url)
    host = parts.hostname or ""
    if not host or _is_ip(host):
        return None if error_kind == "dns" else _other_scheme(parts)
    if error_kind == "dns" or (error_kind is None and status is not None and status >= 400):
        twin = host[4:] if host.startswith("www.") else "www." + host
        if "." not in twin:
            return None
        netloc = twin + (f":{parts.port}" if parts.port else "")
        return urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
    return _other_scheme(parts)


def _other_scheme(parts: Any) -> str | None:
    if parts.port:
        # A typed port belongs to one scheme; the other scheme on that port is no second chance.
        return None
    scheme = "http" if parts.scheme == "https" else "https"
    return urlunsplit((scheme, parts.netloc, parts.path or "/", parts.query, ""))


def _path(path: str) -> str:
    return path.rstrip("/") or "/"


def _is_ip(host: str) -> bool:
    return host.replace(".", "").isdigit() or ":" in host
