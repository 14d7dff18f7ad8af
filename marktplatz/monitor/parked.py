"""Is a home page a parked, for-sale or placeholder page rather than the trader's site? (pure)"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from marktplatz.monitor.pages import parse_html
from marktplatz.monitor.wordlists import (
    PARKED_MAX_LINKS,
    PARKED_MAX_TEXT_CHARS,
    PARKED_PATTERNS,
    PARKING_DOMAINS,
)
from marktplatz.registry.urls import registered_domain


@dataclass(frozen=True)
class ParkedVerdict:
    kind: str  # for_sale, parking, placeholder, server_default
    evidence: str

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind, "evidence": self.evidence}


def parking_host(url: str | None) -> str | None:
    """The parking service's domain when `url` is on one."""
    host = (urlsplit(url or "").hostname or "").lower()
    domain = registered_domain(host) if host else ""
    return domain if domain in PARKING_DOMAINS else None


def detect_parked(body: bytes | None, final_url: str | None, redirect_urls: list[str] | None = None
                  ) -> ParkedVerdict | None:
    """A verdict when the page (or a hop of its redirect chain) is a parking, sale or placeholder page."""
    for url in [*(redirect_urls or []), final_url]:
        host = parking_host(url)
        if host:
            return ParkedVerdict("parking", f"Weiterleitung zu {host}")
    doc = parse_html(body[:400_000] if body else None)
    if doc is None:
        return None
    for bad in doc.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    text = " ".join(doc.text_content().split()).lower()
    title = " ".join(doc.xpath("string(//title)").split()).lower()
    links = doc.xpath("//a[@href]")
    srcs = " ".join(doc.xpath("//script/@src|//iframe/@src|//a/@href")).lower()
    for domain in PARKING_DOMAINS:
        if domain in srcs and len(text) < PARKED_MAX_TEXT_CHARS:
            return ParkedVerdict("parking", f"Inhalte von {domain}")
    # A real site may mention "Domain kaufen" in passing; a parking page is short and has few links.
    if len(text) > PARKED_MAX_TEXT_CHARS or len(links) > PARKED_MAX_LINKS:
        return None
    for pattern, kind in PARKED_PATTERNS:
        match = pattern.search(title) or pattern.search(text)
        if match:
            return ParkedVerdict(kind, match.group(0))
    return None
