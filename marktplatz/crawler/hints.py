"""Which pages of a trader's site matter most, as data: URL/link-text hints and their crawl priority.

The spider fetches higher-priority pages first, so the 30-page budget goes to Impressum, Kontakt, Öffnungszeiten and
the offer pages rather than to gallery or blog pages.
"""

from __future__ import annotations

import re

# (pattern on the lower-cased URL path or link text, priority). First match wins; order matters.
PAGE_HINTS: list[tuple[re.Pattern[str], int]] = [
    (re.compile(r"impressum|imprint|legal[-_ ]?notice|anbieterkennzeichnung"), 90),
    (re.compile(r"kontakt|contact|anfahrt|anschrift|standort|filiale|wegbeschreibung|so finden sie"), 85),
    (re.compile(r"(ö|oe|o)ffnungszeit|opening|sprechzeit|sprechstunde|zeiten|hours"), 85),
    (re.compile(r"leistung|angebot|service|speisekarte|karte|men(u|ü)|sortiment|produkt|preis|behandlung"
                r"|therapie|rechtsgebiet|schwerpunkt|tätigkeit|taetigkeit|werkstatt|shop"), 70),
    (re.compile(r"(ü|ue)ber[-_ ]?uns|about|wir[-_ ]?(ü|ue)ber|team|praxis|geschichte|philosophie"), 60),
    (re.compile(r"datenschutz|privacy|dsgvo"), 55),
]
DEFAULT_PRIORITY = 20
# Pages that rarely carry listing data; crawled last.
LOW_VALUE = re.compile(r"galerie|gallery|blog|news|aktuelles|archiv|tag/|category/|kategorie/|page/\d|\?p=|"
                       r"login|wp-admin|feed|kalender|calendar|event|termin(e)?/\d")
LOW_PRIORITY = 5

# Links that are never pages to crawl (fetched with HEAD as link checks at most).
ASSET_EXTENSIONS = frozenset(
    ".pdf .jpg .jpeg .png .gif .webp .svg .ico .bmp .tif .tiff .mp3 .mp4 .m4v .mov .avi .wmv .webm .ogg .wav .zip "
    ".rar .7z .gz .tgz .doc .docx .xls .xlsx .ppt .pptx .odt .ods .css .js .json .xml .rss .txt .csv .exe .dmg .apk "
    ".woff .woff2 .ttf .eot .swf .flv .ics .vcf".split()
)

# Where an Impressum usually lives, probed when no page links one.
IMPRESSUM_PROBES = ("impressum", "impressum/", "impressum.html", "impressum.php", "impressum.htm")

SITEMAP_PATHS = ("sitemap.xml",)


def page_priority(path: str, link_text: str = "") -> int:
    """Crawl priority of a link by its URL path and anchor text (higher first)."""
    target = f"{path.lower()} {link_text.lower()}"
    for pattern, prio in PAGE_HINTS:
        if pattern.search(target):
            return prio
    if LOW_VALUE.search(target):
        return LOW_PRIORITY
    return DEFAULT_PRIORITY


def is_impressum_link(path: str, link_text: str = "") -> bool:
    return bool(PAGE_HINTS[0][0].search(f"{path.lower()} {link_text.lower()}"))


def looks_like_asset(path: str) -> bool:
    last = path.lower().rsplit("/", 1)[-1]
    return "." in last and "." + last.rsplit(".", 1)[-1] in ASSET_EXTENSIONS
