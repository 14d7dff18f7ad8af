"""Audit checks on what a site sends visitors' data to: Google Fonts, trackers and embeds without a consent tool,
files from public CDNs."""

from __future__ import annotations

from urllib.parse import urlsplit

from marktplatz.monitor.finding import AuditFinding, make_finding
from marktplatz.monitor.pages import ParsedPage, SiteView
from marktplatz.monitor.wordlists import (
    CONSENT_GATE_ATTRIBUTES,
    CONSENT_TOOLS,
    EMBEDS,
    EVIDENCE_EXAMPLES,
    GOOGLE_FONT_HOSTS,
    GOOGLE_FONT_INLINE,
    REMOTE_ASSET_HOSTS,
    TRACKERS,
)


def check_google_fonts(site: SiteView) -> list[AuditFinding]:
    examples: list[dict[str, str]] = []
    for page in site:
        # Stylesheets first for the evidence; a bare preconnect also opens a connection to Google, so it counts too.
        refs = page.attrs("//link[not(contains(@rel,'preconnect'))]/@href|//script/@src") + page.attrs(
            "//link[contains(@rel,'preconnect')]/@href")
        inline = " ".join(page.doc.xpath("//style/text()|//script[not(@src)]/text()")).lower()
        hit = next((r for r in refs if any(h in r.lower() for h in GOOGLE_FONT_HOSTS)), None)
        if hit is None and any(h in inline for h in GOOGLE_FONT_HOSTS):
            hit = "@import " + next(h for h in GOOGLE_FONT_HOSTS if h in inline)
        if hit is None and "webfont.load" in inline and any(k in inline for k in GOOGLE_FONT_INLINE[1:]):
            hit = "WebFont.load({google: …})"
        if hit is not None and len(examples) < EVIDENCE_EXAMPLES:
            examples.append({"resource": hit[:300], "page": page.url})
    if examples:
        return [make_finding("google_fonts_remote", {"examples": examples})]
    return []


def check_consent(site: SiteView) -> list[AuditFinding]:
    """Trackers or embeds that load on page view while no consent tool is on the site."""
    tools = sorted({name for page in site for needle, name in CONSENT_TOOLS if needle in page.html_lower})
    if tools:
        return []
    loaded: dict[str, str] = {}  # what → first page
    for page in site:
        for what in _loaded_third_parties(page):
            loaded.setdefault(what, page.url)
    if not loaded:
        return []
    names = list(loaded)
    what = _german_list(names)
    return [make_finding("third_party_without_consent", {"services": names, "pages": loaded}, what=what)]


def check_remote_assets(site: SiteView) -> list[AuditFinding]:
    hosts: dict[str, str] = {}
    for page in site:
        for ref in page.attrs("//script/@src|//link[not(contains(@rel,'preconnect')) and "
                              "not(contains(@rel,'dns-prefetch'))]/@href"):
            host = (urlsplit(page.absolute(ref)).hostname or "").lower()
            if host in REMOTE_ASSET_HOSTS:
                hosts.setdefault(host, page.url)
    if hosts:
        return [make_finding("remote_third_party_resources", {"hosts": hosts}, hosts=", ".join(sorted(hosts)))]
    return []


def _loaded_third_parties(page: ParsedPage) -> list[str]:
    found: list[str] = []
    for script in page.doc.xpath("//script"):
        if _gated(script):
            continue
        src = (script.get("src") or "").lower()
        code = (script.text or "").lower()[:20000] if not src else ""
        for needle, name in (*TRACKERS, *EMBEDS):
            if (needle in src or (code and needle in code)) and name not in found:
                found.append(name)
    for frame in page.doc.xpath("//iframe[@src]"):
        if _gated(frame):
            continue
        src = frame.get("src", "").lower()
        for needle, name in EMBEDS:
            if needle in src and "youtube-nocookie" not in src and name not in found:
                found.append(name)
    return found


def _gated(element: object) -> bool:
    """Held back by a consent tool until the visitor agrees (inert type, or a consent attribute)."""
    get = getattr(element, "get")  # noqa: B009 - lxml elements; keeps the helper usable for any element
    script_type = (get("type") or "").lower()
    if script_type in ("text/plain", "text/x-template", "application/json", "text/template"):
        return True
    return any(get(a) is not None for a in CONSENT_GATE_ATTRIBUTES)


def _german_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " und " + items[-1]
