"""A site as the audit sees it: its stored pages, parsed once (pure; bytes in, trees out).

Bodies are the raw bytes the crawl stored, so an audit re-runs without fetching anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html
from w3lib.encoding import html_to_unicode

MAX_PARSED_BYTES = 3_000_000  # a larger page is audited on its first 3 MB
TEXT_XPATH = "//body//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]"


@dataclass(frozen=True)
class AuditPage:
    """One stored fetch of the site (home page, other pages, Impressum probes)."""

    url: str
    kind: str
    body: bytes | None
    final_url: str | None = None
    status: int | None = None
    depth: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    links: list[list[str]] = field(default_factory=list)
    elapsed_ms: int | None = None
    size: int | None = None

    @property
    def address(self) -> str:
        return self.final_url or self.url


class ParsedPage:
    """A page's tree and its text, computed once and shared by every check."""

    def __init__(self, page: AuditPage, doc: Any) -> None:
        self.page = page
        self.doc = doc

    @property
    def url(self) -> str:
        return self.page.address

    @cached_property
    def html_lower(self) -> str:
        return (self.page.body or b"")[:MAX_PARSED_BYTES].decode("utf-8", "replace").lower()

    @cached_property
    def text(self) -> str:
        return " ".join(" ".join(self.doc.xpath(TEXT_XPATH)).split())

    @cached_property
    def text_lower(self) -> str:
        return self.text.lower()

    def attrs(self, xpath: str) -> list[str]:
        return [str(v).strip() for v in self.doc.xpath(xpath)]

    def absolute(self, ref: str) -> str:
        try:
            return urljoin(self.url, ref.strip())
        except ValueError:
            return ref

    @property
    def is_https(self) -> bool:
        return urlsplit(self.url).scheme == "https"


def parse_html(body: bytes | None, content_type: str | None = None) -> Any:
    """An lxml tree of `body` decoded the way a browser would (header charset, meta charset, BOM, then a guess),
    or None for an empty or unreadable body (binary served as HTML, ...)."""
    if not body or not body.strip():
        return None
    _encoding, text = html_to_unicode(content_type, body[:MAX_PARSED_BYTES])
    text = text.replace("\x00", "")
    if not text.strip():
        return None
    try:
        return lxml_html.document_fromstring(text)
    except ValueError:  # a str with an XML encoding declaration: let lxml read the bytes itself
        try:
            return lxml_html.document_fromstring(body[:MAX_PARSED_BYTES])
        except (ValueError, lxml_html.etree.ParserError):
            return None
    except lxml_html.etree.ParserError:
        return None


def parse_page(page: AuditPage) -> ParsedPage | None:
    doc = parse_html(page.body, page.headers.get("content-type"))
    return ParsedPage(page, doc) if doc is not None else None


@dataclass
class SiteView:
    """The parsed HTML pages of one site, home page first (None when the home page is unreadable)."""

    home: ParsedPage | None
    pages: list[ParsedPage]
    all_pages: list[AuditPage]

    def __iter__(self) -> Iterator[ParsedPage]:
        return iter(self.pages)


def site_view(pages: list[AuditPage]) -> SiteView:
    parsed: list[ParsedPage] = []
    home: ParsedPage | None = None
    for page in pages:
        if page.kind not in ("home", "page", "probe") or page.body is None or (page.status or 200) >= 400:
            continue
        p = parse_page(page)
        if p is None:
            continue
        if page.kind == "home" and home is None:
            home = p
        parsed.append(p)
    parsed.sort(key=lambda p: p.page.kind != "home")
    return SiteView(home, parsed, pages)
