"""Another name of a site: a domain its home page presents itself under, whose links are this site's pages (pure).

Site generators write absolute URLs with the domain they were configured for (Jekyll's `site.url`, WordPress's
site address). A site served under a second domain without a redirect then links every page to the other name:
the trader registered `www.autohaus-beispiel.de`, and its menu points to `https://autohaus.de/werkstatt/`. A
crawler that keeps to the registered domain sees the home page and nothing else: no Kontakt, no Impressum, no
offer pages. Such links are read as paths of the site being crawled ("rebased"): the other name serves the same
files, so the page is the same, and the crawl stays on the address the city knows, under one politeness slot.

The other name is taken only when the home page says so:
- declared: its `<link rel="canonical">` or `og:url` names the other domain's home page;
- by its navigation: it links at least `MIN_NAV_PATHS` different pages of the other domain, and one of them is
  also linked under the site's own address (`/impressum` and `https://autohaus.de/impressum/`) — the same page
  linked both ways is what a copied or mis-configured site looks like, and what a partner's site does not.
Social media, parking services and plain link lists to other sites never qualify.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from marktplatz.crawler.hints import looks_like_asset
from marktplatz.crawler.spiders.frontier import site_key, site_key_of
from marktplatz.monitor.health import social_platform
from marktplatz.monitor.parked import parking_host

__all__ = ["DECLARED", "DECLARED_XPATH", "declared_in", "followable", "site_alias"]

# The home page's own statement of its address.
DECLARED_XPATH = ("//link[contains(concat(' ', normalize-space(translate(@rel, 'CANONIAL', 'canonial')), ' '), "
                  "' canonical ')]/@href | //meta[@property='og:url']/@content")
# A stored link entry that is the page's declared address, not a link a visitor can follow: [url, "", DECLARED].
DECLARED = "canonical"
MIN_NAV_PATHS = 3
_INDEX_SUFFIXES = ("/index.html", "/index.htm", "/index.php", ".html", ".htm", ".php")


def _path_key(path: str) -> str:
    """`/impressum`, `/impressum/`, `/impressum.html` and `/impressum/index.html` are one page to a visitor."""
    p = path.lower()
    for suffix in _INDEX_SUFFIXES:
        if p.endswith(suffix):
            p = p[: -len(suffix)]
            break
    return p.rstrip("/") or "/"


def _may_be_alias(url: str, key: str | None, own: str) -> bool:
    """Whether `url` (of site key `key`) could name the site `own` under another name."""
    return key is not None and key != own and not social_platform(url) and not parking_host(url)


def site_alias(home_url: str, links: Iterable[tuple[str, str]], declared: Sequence[str] = ()) -> str | None:
    """The site key of the other name the home page at `home_url` presents itself under, or None.

    `links`: the home page's links as (absolute URL, text); `declared`: its canonical / og:url addresses."""
    own = site_key(home_url)
    for url in declared:
        key = site_key_of(url)
        if _may_be_alias(url, key, own) and _path_key(urlsplit(url).path) in ("/", _path_key(urlsplit(home_url).path)):
            return key
    own_paths: set[str] = set()
    other_paths: dict[str, set[str]] = defaultdict(set)
    for url, _text in links:
        try:
            parts = urlsplit(url)
        except ValueError:
            continue
        if looks_like_asset(parts.path):
            continue
        path = _path_key(parts.path)
        if path == "/":
            continue
        key = site_key_of(url)
        if key == own:
            own_paths.add(path)
        elif key is not None and _may_be_alias(url, key, own):
            other_paths[key].add(path)
    best = max(other_paths.items(), key=lambda kv: (len(kv[1]), kv[0]), default=None)
    if best is not None and len(best[1]) >= MIN_NAV_PATHS and best[1] & own_paths:
        return best[0]
    return None


def declared_in(stored_links: Iterable[Sequence[str]]) -> list[str]:
    """The declared addresses kept among a stored page's links."""
    return [link[0] for link in stored_links if len(link) > 2 and link[2] == DECLARED]


def followable(stored_links: Iterable[Sequence[str]]) -> list[tuple[str, str]]:
    """A stored page's links as (URL, text), without its declared addresses."""
    return [(link[0], link[1] if len(link) > 1 else "") for link in stored_links
            if link and not (len(link) > 2 and link[2] == DECLARED)]
