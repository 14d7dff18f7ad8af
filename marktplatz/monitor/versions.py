"""End-of-life table of the software found on trader sites (CMS, libraries, server languages), as data.

Two kinds of entries: release branches with the date their security support ended (`BRANCH_EOL`), and products
whose makers name no end dates, where a minimum version stands in (`MINIMUM_OK`, with the reason). Dates are the
vendors' published ends of *security* support. Update the tables, not the code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# product → [(branch prefix, end of security support or None while supported)]; a branch is the leading
# version components given ("7.4" matches 7.4.x, "3" matches 3.x). Longest matching prefix wins.
BRANCH_EOL: dict[str, list[tuple[str, date | None]]] = {
    "PHP": [("5", date(2018, 12, 31)), ("7.0", date(2019, 1, 10)), ("7.1", date(2019, 12, 1)),
            ("7.2", date(2020, 11, 30)), ("7.3", date(2021, 12, 6)), ("7.4", date(2022, 11, 28)),
            ("8.0", date(2023, 11, 26)), ("8.1", date(2025, 12, 31)), ("8.2", date(2026, 12, 31)),
            ("8.3", date(2027, 12, 31)), ("8.4", date(2028, 12, 31))],
    "Joomla": [("1", date(2012, 4, 30)), ("2", date(2014, 12, 31)), ("3", date(2023, 8, 17)),
               ("4", date(2025, 10, 17)), ("5", None), ("6", None)],
    "Drupal": [("6", date(2016, 2, 24)), ("7", date(2025, 1, 5)), ("8", date(2021, 11, 2)),
               ("9", date(2023, 11, 1)), ("10", None), ("11", None)],
    "TYPO3": [("4", date(2015, 3, 31)), ("6", date(2017, 3, 31)), ("7", date(2018, 11, 30)),
              ("8", date(2020, 3, 31)), ("9", date(2021, 9, 30)), ("10", date(2023, 4, 30)),
              ("11", date(2024, 10, 31)), ("12", date(2026, 4, 30)), ("13", date(2027, 4, 30)), ("14", None)],
    "Bootstrap": [("2", date(2013, 8, 19)), ("3", date(2019, 7, 24)), ("4", date(2023, 1, 1)), ("5", None)],
    "AngularJS": [("1", date(2021, 12, 31))],
    "Apache": [("1", date(2010, 2, 3)), ("2.0", date(2013, 7, 10)), ("2.2", date(2017, 7, 11)), ("2.4", None)],
}

# product → (lowest version still considered safe, why). For products without published branch end dates.
MINIMUM_OK: dict[str, tuple[str, str]] = {
    # WordPress fixes security issues only in its current major line for sure; 6.0 (2022) is where the
    # maintained PHP 8 compatibility begins. Older sites also run plug-ins that no longer get updates.
    "WordPress": ("6.0", "nur aktuelle WordPress-Versionen erhalten zuverlässig Sicherheitsupdates"),
    # jQuery 1.x/2.x are end of life; everything below 3.5.0 has known cross-site-scripting holes
    # (CVE-2020-11022, CVE-2020-11023).
    "jQuery": ("3.5.0", "bekannte Sicherheitslücken (CVE-2020-11022/-11023)"),
    # jQuery UI below 1.13.2 has known cross-site-scripting holes (CVE-2021-41182..4, CVE-2022-31160).
    "jQuery UI": ("1.13.2", "bekannte Sicherheitslücken (CVE-2021-41184, CVE-2022-31160)"),
    "Contao": ("4.13", "ältere Contao-Versionen erhalten keine Sicherheitsupdates mehr"),
    "Shopware": ("6.0", "Shopware 5 erhält seit Juli 2024 keine Sicherheitsupdates mehr"),
}

# How products show their version: (product, pattern on a generator tag / asset URL / header, version group).
GENERATOR_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("WordPress", re.compile(r"wordpress\s+(\d+(?:\.\d+){0,2})")),
    ("Joomla", re.compile(r"joomla!?\s*(?:-\s*open source content management\s*)?(?:version\s*)?(\d+(?:\.\d+){0,2})")),
    ("Drupal", re.compile(r"drupal\s+(\d+(?:\.\d+){0,2})")),
    ("TYPO3", re.compile(r"typo3\s+(?:cms\s+)?(\d+(?:\.\d+){0,2})")),
    ("Contao", re.compile(r"contao\s+(?:open source cms\s+)?(\d+(?:\.\d+){0,2})")),
    ("Shopware", re.compile(r"shopware\s+(\d+(?:\.\d+){0,2})")),
)
ASSET_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("jQuery UI", re.compile(r"jquery[-.]ui[-.](\d+\.\d+(?:\.\d+)?)(?:\.custom)?(?:\.min)?\.js")),
    ("jQuery UI", re.compile(r"/jqueryui/(\d+\.\d+(?:\.\d+)?)/")),
    ("jQuery UI", re.compile(r"jquery-ui(?:\.min)?\.js\?ver=(\d+\.\d+(?:\.\d+)?)")),
    ("jQuery", re.compile(r"jquery[-.](\d+\.\d+(?:\.\d+)?)(?:\.slim)?(?:\.min)?\.js")),
    ("jQuery", re.compile(r"/jquery/(\d+\.\d+(?:\.\d+)?)/jquery(?:\.slim)?(?:\.min)?\.js")),
    ("jQuery", re.compile(r"/jquery(?:\.min)?\.js\?ver=(\d+\.\d+(?:\.\d+)?)")),
    ("jQuery", re.compile(r"jquery@(\d+\.\d+(?:\.\d+)?)")),
    ("Bootstrap", re.compile(r"bootstrap[@/-](\d+\.\d+(?:\.\d+)?)(?:/|\.min|\.js|\.css)")),
    ("Bootstrap", re.compile(r"/bootstrap(?:\.bundle)?(?:\.min)?\.(?:css|js)\?ver=(\d+\.\d+(?:\.\d+)?)")),
    ("AngularJS", re.compile(r"angular(?:js)?[/@-](1\.\d+(?:\.\d+)?)/angular(?:\.min)?\.js")),
    ("WordPress", re.compile(r"/wp-includes/js/wp-emoji-release\.min\.js\?ver=(\d+\.\d+(?:\.\d+)?)")),
)
HEADER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("PHP", re.compile(r"php/(\d+\.\d+(?:\.\d+)?)")),
    ("Apache", re.compile(r"apache/(\d+\.\d+(?:\.\d+)?)")),
)


@dataclass(frozen=True)
class VersionVerdict:
    product: str
    version: str
    outdated: bool
    reason: str  # German, for the finding's evidence
    eol: date | None = None


def version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", text)[:4])


def judge_version(product: str, version: str, today: date) -> VersionVerdict | None:
    """Is this version of this product past its end of life on `today`? None when the product is not in the tables."""
    parts = version_tuple(version)
    if not parts:
        return None
    if product in BRANCH_EOL:
        best: tuple[str, date | None] | None = None
        for prefix, eol in BRANCH_EOL[product]:
            if parts[:len(version_tuple(prefix))] == version_tuple(prefix) and (
                    best is None or len(version_tuple(prefix)) > len(version_tuple(best[0]))):
                best = (prefix, eol)
        if best is None:
            return VersionVerdict(product, version, False, "unbekannte Versionsreihe")
        prefix, eol = best
        if eol is not None and eol < today:
            return VersionVerdict(product, version, True,
                                  f"Sicherheitsupdates für {product} {prefix} endeten am {eol:%d.%m.%Y}", eol)
        return VersionVerdict(product, version, False, "wird noch gepflegt", eol)
    if product in MINIMUM_OK:
        minimum, why = MINIMUM_OK[product]
        outdated = parts < version_tuple(minimum)
        return VersionVerdict(product, version, outdated, why if outdated else "aktuell genug")
    return None
