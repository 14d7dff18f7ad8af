"""Audit checks on the markup: HTTPS and mixed content, mobile viewport, size and speed, title/description/lang,
alt texts, legacy techniques (Flash, framesets, table layout)."""

from __future__ import annotations

from urllib.parse import urlsplit

from marktplatz.monitor.finding import AuditFinding, make_finding
from marktplatz.monitor.pages import ParsedPage, SiteView
from marktplatz.monitor.wordlists import EVIDENCE_EXAMPLES, HEAVY_HOME_BYTES, HEAVY_HOME_RESOURCES, SLOW_HOME_MS

# Elements whose http:// sources a https page loads (and browsers block or flag).
MIXED_SOURCES = ("//script/@src", "//link[contains(translate(@rel,'STYLESHEETICON','stylesheeticon'),"
                 "'stylesheet')]/@href", "//img/@src", "//iframe/@src", "//frame/@src", "//audio/@src",
                 "//video/@src", "//source/@src", "//embed/@src", "//object/@data", "//input[@type='image']/@src")
OBSOLETE_TAGS = ("font", "center", "marquee", "blink", "applet", "basefont", "big", "tt", "strike")


def check_https(final_url: str) -> list[AuditFinding]:
    if urlsplit(final_url).scheme != "https":
        return [make_finding("no_https", {"url": final_url})]
    return []


def check_mixed_content(site: SiteView) -> list[AuditFinding]:
    examples: list[dict[str, str]] = []
    count = 0
    for page in site:
        if not page.is_https:
            continue
        for xpath in MIXED_SOURCES:
            for ref in page.attrs(xpath):
                if ref.lower().startswith("http://"):
                    count += 1
                    if len(examples) < EVIDENCE_EXAMPLES:
                        examples.append({"resource": ref[:300], "page": page.url})
    if count:
        return [make_finding("http_mixed_content", {"count": count, "examples": examples})]
    return []


def check_home_basics(home: ParsedPage) -> list[AuditFinding]:
    out: list[AuditFinding] = []
    doc = home.doc
    if not doc.xpath("//meta[translate(@name,'VIEWPORT','viewport')='viewport']"):
        out.append(make_finding("no_viewport", {"url": home.url}))
    if not " ".join(doc.xpath("string(//title)").split()):
        out.append(make_finding("missing_title", {"url": home.url}))
    descriptions = doc.xpath("//meta[translate(@name,'DESCRIPTION','description')='description']/@content")
    if not any(d.strip() for d in descriptions):
        out.append(make_finding("missing_description", {"url": home.url}))
    langs = doc.xpath("/html/@lang|/html/@xml:lang", namespaces={"xml": "http://www.w3.org/XML/1998/namespace"})
    if not any(str(v).strip() for v in langs):
        out.append(make_finding("missing_lang", {"url": home.url}))
    return out


def check_weight_and_speed(home: ParsedPage) -> list[AuditFinding]:
    out: list[AuditFinding] = []
    size = home.page.size or len(home.page.body or b"")
    resources = len(home.doc.xpath("//script[@src]|//link[@rel='stylesheet']|//img[@src]|//iframe[@src]"
                                   "|//video|//audio"))
    if size > HEAVY_HOME_BYTES or resources > HEAVY_HOME_RESOURCES:
        parts = []
        if size > HEAVY_HOME_BYTES:
            parts.append(f"{size / 1_000_000:.1f} MB HTML")
        if resources > HEAVY_HOME_RESOURCES:
            parts.append(f"{resources} eingebundene Dateien")
        out.append(make_finding("heavy_home_page", {"html_bytes": size, "resources": resources},
                                detail=", ".join(parts)))
    elapsed = home.page.elapsed_ms
    if elapsed is not None and elapsed > SLOW_HOME_MS:
        out.append(make_finding("slow_home_page", {"elapsed_ms": elapsed}, seconds=f"{elapsed / 1000:.1f}".replace(
            ".", ",")))
    return out


def check_images_alt(site: SiteView) -> list[AuditFinding]:
    missing = 0
    examples: list[dict[str, str]] = []
    for page in site:
        for img in page.doc.xpath("//img[not(@alt)]"):
            if img.get("width") in ("0", "1") or img.get("height") in ("0", "1"):
                continue  # tracking pixels are not content
            missing += 1
            if len(examples) < EVIDENCE_EXAMPLES:
                examples.append({"src": (img.get("src") or img.get("data-src") or "")[:300], "page": page.url})
    if missing:
        return [make_finding("images_without_alt", {"count": missing, "examples": examples})]
    return []


def check_legacy_markup(site: SiteView) -> list[AuditFinding]:
    found: dict[str, str] = {}  # what → first page
    obsolete = 0
    for page in site:
        doc = page.doc
        if doc.xpath("//embed[contains(translate(@src,'SWF','swf'),'.swf')]|//object[contains(@type,'shockwave')]"
                     "|//object[contains(translate(@data,'SWF','swf'),'.swf')]|//param[contains(translate(@value,"
                     "'SWF','swf'),'.swf')]|//object[contains(translate(@classid,'D','d'),'d27cdb6e')]"):
            found.setdefault("Flash", page.url)
        if doc.xpath("//frameset|//frame"):
            found.setdefault("Frames", page.url)
        if _table_layout(page):
            found.setdefault("Tabellen-Layout", page.url)
        obsolete += len(doc.xpath("|".join(f"//{t}" for t in OBSOLETE_TAGS)))
    if obsolete >= 3:
        found.setdefault("veraltete HTML-Elemente wie <font> oder <center>", site.pages[0].url if site.pages else "")
    if not found:
        return []
    return [make_finding("legacy_markup", {"kinds": list(found), "pages": found, "obsolete_elements": obsolete},
                         what=", ".join(found))]


def _table_layout(page: ParsedPage) -> bool:
    """Tables used to lay out the page rather than to show data: nested tables, or one table that holds the
    navigation and most of the text without any header cells."""
    doc = page.doc
    if doc.xpath("//table//table"):
        return True
    total = len(page.text)
    if total < 200:
        return False
    for table in doc.xpath("//table[not(ancestor::table)]"):
        if table.xpath(".//th"):
            continue
        inner = len(" ".join(" ".join(table.xpath(".//text()[not(ancestor::script)]")).split()))
        if inner >= 0.7 * total and len(table.xpath(".//a[@href]")) >= 5:
            return True
    return False
