"""Audit checks on the legally required pages: Impressum (present, reachable within two clicks, complete per
§ 5 DDG), Datenschutzerklärung, and legal texts that cite repealed law."""

from __future__ import annotations

import functools
from collections import deque
from collections.abc import Callable
from datetime import date
from typing import Any

from marktplatz.crawler.aliases import declared_in, followable, site_alias
from marktplatz.crawler.spiders.frontier import dedupe_key, under_own_address
from marktplatz.monitor.finding import AuditFinding, make_finding
from marktplatz.monitor.pages import AuditPage, SiteView
from marktplatz.monitor.wordlists import (
    CAPITAL_COMPANY_FORMS,
    IMPRESSUM_MAX_CLICKS,
    OBSOLETE_LEGAL,
    PRIVACY_PAGE,
    REGISTERED_FORMS,
)

INDEX_FILES = ("index.html", "index.htm", "index.php")


def check_impressum_present(feed: dict[str, Any]) -> list[AuditFinding]:
    if not feed.get("impressum_url"):
        return [make_finding("no_impressum")]
    return []


def click_depths(pages: list[AuditPage]) -> dict[str, int]:
    """Clicks from the home page to every page the stored links reach (breadth-first over `pages.links`)."""
    alias: dict[str, str] = {}
    links: dict[str, list[str]] = {}
    home: str | None = None
    own_name = _own_name(pages)
    for page in pages:
        if page.kind not in ("home", "page"):
            continue
        node = _key(page.url)
        if node is None:
            continue
        for url in (page.url, page.final_url):
            k = _key(url)
            if k is not None:
                alias.setdefault(k, node)
        links[node] = [k for k in (_key(own_name(url)) for url, _text in followable(page.links)) if k is not None]
        if page.kind == "home" and home is None:
            home = node
    if home is None:
        return {}
    depth = {home: 0}
    todo = deque([home])
    while todo:
        node = todo.popleft()
        for target in links.get(node, []):
            target = alias.get(target, target)
            if target not in depth:
                depth[target] = depth[node] + 1
                todo.append(target)
    # Every alias of a reached page has that page's depth.
    for k, node in alias.items():
        if node in depth:
            depth.setdefault(k, depth[node])
    return depth


def _own_name(pages: list[AuditPage]) -> Callable[[str], str]:
    """Links to the site's other name (`crawler.aliases`) as the crawl followed them: under its own address."""
    home = next((p for p in pages if p.kind == "home"), None)
    if home is None:
        return str
    key = site_alias(home.address, followable(home.links), declared_in(home.links))
    return str if key is None else functools.partial(under_own_address, alias=key, base_url=home.address)


def check_impressum_depth(feed: dict[str, Any], pages: list[AuditPage]) -> list[AuditFinding]:
    url = feed.get("impressum_url")
    if not url:
        return []
    key = _key(url)
    depths = click_depths(pages)
    if not depths or key is None:
        return []
    clicks = depths.get(key)
    if clicks is None:
        return [make_finding("impressum_too_deep", {"impressum_url": url, "clicks": None},
                             detail="es ist von der Startseite aus nirgends verlinkt")]
    if clicks > IMPRESSUM_MAX_CLICKS:
        return [make_finding("impressum_too_deep", {"impressum_url": url, "clicks": clicks},
                             detail=f"es ist erst nach {clicks} Klicks erreichbar")]
    return []


def check_impressum_complete(feed: dict[str, Any]) -> list[AuditFinding]:
    """§ 5 DDG fields, judged on the extraction's Impressum record (skipped when there is none)."""
    imp = feed.get("impressum")
    if not isinstance(imp, dict):
        return []
    missing: list[str] = []
    if not imp.get("name"):
        missing.append("Name bzw. Firmenname")
    address = imp.get("address") or {}
    if not (address.get("street") and address.get("postcode") and address.get("city")):
        missing.append("vollständige Anschrift (Straße, PLZ, Ort)")
    if not imp.get("emails"):
        missing.append("E-Mail-Adresse")
    form_text = " ".join(str(imp.get(k) or "") for k in ("legal_form", "name")).lower()
    if REGISTERED_FORMS.search(form_text):
        if not imp.get("register_court") or not imp.get("register_number"):
            missing.append("Registergericht und Registernummer")
        if CAPITAL_COMPANY_FORMS.search(form_text) and not imp.get("representatives"):
            missing.append("Vertretungsberechtigte (z. B. Geschäftsführer)")
    if not missing:
        return []
    return [make_finding("impressum_incomplete", {"missing": missing, "impressum_url": imp.get("url")},
                         missing=", ".join(missing))]


def check_datenschutz(site: SiteView) -> list[AuditFinding]:
    for stored in site.all_pages:
        if PRIVACY_PAGE.search(stored.url.lower()) and (stored.status or 200) < 400 \
                and stored.kind in ("page", "probe"):
            return []
        for link in stored.links:
            if link and PRIVACY_PAGE.search(" ".join(link[:2]).lower()):
                return []
    for page in site:  # probes and pages stored without links
        if any(PRIVACY_PAGE.search(f"{a.get('href', '')} {a.text_content()}".lower())
               for a in page.doc.xpath("//a[@href]")):
            return []
    home = site.home
    if home is not None:
        headings = " ".join(home.doc.xpath("//h1//text()|//h2//text()|//h3//text()|//*[@id]/@id")).lower()
        if PRIVACY_PAGE.search(headings):
            return []
    return [make_finding("no_datenschutz")]


def check_obsolete_legal_text(site: SiteView, today: date) -> list[AuditFinding]:
    items: dict[str, str] = {}  # what (German) → first page
    for page in site:
        haystack = page.text_lower + " " + " ".join(page.attrs("//a/@href")).lower()
        for pattern, since, what in OBSOLETE_LEGAL:
            if today >= since and what not in items and pattern.search(haystack):
                items[what] = page.url
    if not items:
        return []
    return [make_finding("obsolete_legal_text", {"items": items}, detail="; ".join(items))]


def _key(url: str | None) -> str | None:
    if not url or not url.startswith(("http://", "https://")):
        return None
    try:
        key = dedupe_key(url)
    except ValueError:
        return None
    # `/index.html` and `/` are one page to a visitor (servers answer a folder with its index file).
    for index in INDEX_FILES:
        if key.endswith("/" + index) or ("/" + index + "?") in key:
            return key.replace("/" + index, "/", 1)
    return key
