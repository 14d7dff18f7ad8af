"""What the spiders hand to the pipelines: the facts of one fetch, and the signal that a site's crawl is over."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# Kinds of fetch: the home page, other pages, sitemaps, Impressum probes (guessed URLs, never "broken links"),
# HEAD/GET link checks of internal links we did not crawl, and a sample of external links.
KINDS = ("home", "page", "sitemap", "probe", "link", "external")


@dataclass
class FetchResult:
    trader_id: str
    url: str
    kind: str
    depth: int
    fetched_at: datetime
    found_on: str | None = None
    final_url: str | None = None
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    content_type: str | None = None
    size: int | None = None
    elapsed_ms: int | None = None
    redirects: list[dict[str, Any]] = field(default_factory=list)
    error_kind: str | None = None
    error: str | None = None
    not_modified: bool = False
    links: list[list[str]] = field(default_factory=list)  # [url, anchor text] of the page's links
    tls: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return self.error_kind is None and self.status is not None and self.status < 400


@dataclass
class SiteDone:
    """Emitted once per site after its last fetch; `reason`: complete, budget (page limit) or timeout."""

    trader_id: str
    home_url: str
    reason: str
    pages: int
    seconds: float = 0.0
