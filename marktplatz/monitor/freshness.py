"""Audit checks on how current a site is: copyright year, stale content (htmldate on the stored bytes, old Corona
notices, a Betriebsurlaub that is over), and software past its end of life (generator tags, asset URLs, headers)."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, timedelta

from marktplatz.monitor.finding import AuditFinding, make_finding
from marktplatz.monitor.pages import ParsedPage, SiteView
from marktplatz.monitor.versions import ASSET_PATTERNS, GENERATOR_PATTERNS, HEADER_PATTERNS, judge_version
from marktplatz.monitor.wordlists import (
    COPYRIGHT,
    COPYRIGHT_MAX_AGE_YEARS,
    CORONA_NOTICES,
    EVIDENCE_EXAMPLES,
    HOLIDAY_NOTICES,
    MONTHS_DE,
    STALE_AFTER_DAYS,
)

log = logging.getLogger(__name__)

CMS_AND_SERVER = frozenset({"WordPress", "Joomla", "Drupal", "TYPO3", "Contao", "Shopware", "PHP", "Apache"})
NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)?\d{2})\b")
WORD_DATE = re.compile(r"\b(?:(\d{1,2})\.\s?)?(" + "|".join(sorted(MONTHS_DE, key=len, reverse=True))
                       + r")\.?\s+((?:19|20)\d{2})\b")
NOTICE_WINDOW = (80, 220)  # characters before and after a holiday word that belong to the notice


def copyright_year(page: ParsedPage) -> int | None:
    """The newest year of the page's © notices (a range counts by its end)."""
    years = []
    for match in COPYRIGHT.finditer(page.text_lower):
        groups = [g for g in match.groups() if g]
        if groups:
            years.append(max(int(g) for g in groups))
    return max(years) if years else None


def check_copyright(site: SiteView, today: date) -> list[AuditFinding]:
    pages = [site.home] if site.home is not None else []
    year = copyright_year(pages[0]) if pages else None
    if year is None:
        return []
    if year < today.year - COPYRIGHT_MAX_AGE_YEARS:
        return [make_finding("outdated_copyright", {"year": year, "page": pages[0].url})]
    return []


def check_stale_content(site: SiteView, today: date) -> list[AuditFinding]:
    notices: list[dict[str, str]] = []
    for page in site:
        text = page.text
        corona = CORONA_NOTICES.search(page.text_lower)
        if corona:
            notices.append({"kind": "corona", "text": _snippet(text, corona.start(), corona.end()), "page": page.url})
        for match in HOLIDAY_NOTICES.finditer(page.text_lower):
            window = text[max(0, match.start() - NOTICE_WINDOW[0]): match.end() + NOTICE_WINDOW[1]]
            dates = _dates_in(window)
            if dates and max(dates) < today:
                notices.append({"kind": "past_holiday", "text": _snippet(text, match.start(), match.end()),
                                "page": page.url, "until": max(dates).isoformat()})
                break
        if len(notices) >= EVIDENCE_EXAMPLES:
            break
    if notices:
        kinds = {n["kind"] for n in notices}
        parts = []
        if "corona" in kinds:
            parts.append("es stehen noch Corona-Hinweise auf der Seite")
        if "past_holiday" in kinds:
            parts.append("ein Hinweis auf einen längst vergangenen Betriebsurlaub steht noch online")
        return [make_finding("stale_content", {"notices": notices}, severity="medium", detail=" und ".join(parts))]
    newest = _newest_date(site.home, today)
    if newest is not None and (today - newest).days > STALE_AFTER_DAYS:
        return [make_finding("stale_content", {"newest_date": newest.isoformat(), "method": "htmldate"},
                             severity="low",
                             detail=f"das neueste Datum auf der Startseite ist vom {newest:%d.%m.%Y}")]
    return []


def check_outdated_software(site: SiteView, today: date) -> list[AuditFinding]:
    seen: dict[str, tuple[str, str]] = {}  # product → (version, source)
    for page in site:
        for content in page.attrs("//meta[translate(@name,'GENERATOR','generator')='generator']/@content"):
            for product, pattern in GENERATOR_PATTERNS:
                m = pattern.search(content.lower())
                if m:
                    seen.setdefault(product, (m.group(1), f"Generator-Tag „{content[:80]}“"))
        for ref in page.attrs("//script/@src|//link/@href"):
            for product, pattern in ASSET_PATTERNS:
                m = pattern.search(ref.lower())
                if m:
                    seen.setdefault(product, (m.group(1), ref[:200]))
                    break
    if site.home is not None:
        headers = site.home.page.headers
        for name in ("x-powered-by", "server", "x-generator"):
            value = (headers.get(name) or "").lower()
            for product, pattern in (*HEADER_PATTERNS, *GENERATOR_PATTERNS):
                m = pattern.search(value)
                if m:
                    seen.setdefault(product, (m.group(1), f"{name}: {headers.get(name)}"))
    outdated = []
    for product, (version, source) in sorted(seen.items()):
        verdict = judge_version(product, version, today)
        if verdict is not None and verdict.outdated:
            outdated.append({"product": product, "version": version, "source": source, "reason": verdict.reason,
                             "eol": verdict.eol.isoformat() if verdict.eol else None})
    if not outdated:
        return []
    severity = "high" if any(o["product"] in CMS_AND_SERVER for o in outdated) else "medium"
    items = ", ".join(f"{o['product']} {o['version']}" for o in outdated)
    return [make_finding("outdated_software", {"software": outdated}, severity=severity, items=items)]


def _newest_date(home: ParsedPage | None, today: date) -> date | None:
    """htmldate's idea of the page's last update, on the stored bytes (no network, `today` as the upper bound).

    Dates from the page's metadata are taken as they are; from the text only full dates count, because a bare
    year ("seit 1997", "© 2019") comes back as 1 January and says nothing about when the page was last edited."""
    if home is None or not home.page.body:
        return None
    html = home.page.body.decode("utf-8", "replace")
    for extensive in (False, True):
        found = _htmldate(html, extensive, today)
        if found is not None and (not extensive or (found.month, found.day) != (1, 1)):
            return found
    return None


def _htmldate(html: str, extensive: bool, today: date) -> date | None:
    try:
        from htmldate import find_date

        found = find_date(html, extensive_search=extensive, original_date=False, outputformat="%Y-%m-%d",
                          min_date="1995-01-01", max_date=(today + timedelta(days=1)).isoformat())
    except Exception:  # htmldate is a heuristic on messy input: no date is the honest answer to its failure
        log.debug("htmldate failed", exc_info=True)
        return None
    if not found:
        return None
    try:
        return datetime.strptime(found, "%Y-%m-%d").date()
    except ValueError:
        return None


def _dates_in(text: str) -> list[date]:
    out: list[date] = []
    for d, m, y in NUMERIC_DATE.findall(text):
        out.extend(_date(int(y) if len(y) == 4 else 2000 + int(y), int(m), int(d)))
    for d, month, y in WORD_DATE.findall(text.lower()):
        out.extend(_date(int(y), MONTHS_DE[month], int(d) if d else 28))
    return out


def _date(year: int, month: int, day: int) -> list[date]:
    try:
        return [date(year, month, day)]
    except ValueError:
        return []


def _snippet(text: str, start: int, end: int) -> str:
    return " ".join(text[max(0, start - 60): end + 100].split())[:220]
