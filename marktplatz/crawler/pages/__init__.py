"""Page objects: a stored response (bytes, URL, headers) in, a typed record out; no network, db, clock, env.

`extract_page(body, url, headers)` reads one page, `merge_site(records, home_url)` merges a site's pages. The names
are resolved lazily so that the parsing helpers can import `pages.record` without importing the page objects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from marktplatz.crawler.pages.record import PageRecord, SiteRecord

if TYPE_CHECKING:
    from marktplatz.crawler.pages.generic import GenericBusinessPage, extract_page
    from marktplatz.crawler.pages.site import merge_site

__all__ = ["GenericBusinessPage", "PageRecord", "SiteRecord", "extract_page", "merge_site"]


def __getattr__(name: str) -> Any:
    if name in ("GenericBusinessPage", "extract_page"):
        from marktplatz.crawler.pages import generic

        return getattr(generic, name)
    if name == "merge_site":
        from marktplatz.crawler.pages import site

        return site.merge_site
    raise AttributeError(name)
