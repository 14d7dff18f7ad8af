"""Where a page names its business outside the title: the logo's alt text, a welcome heading, the copyright line;
and how well a candidate name fits the site's own domain.

Title segments and `og:site_name` are read by the page (`pages.generic`); these are the other places a small
business writes its name. A site builder's SEO title ("Maler Herne | Fassaden | Malerbetrieb Kaya") has several
segments of equal standing; the one that shares words with the site's domain or its e-mail domain is the name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from marktplatz.crawler.parsing.dom import Doc, with_class

_LOGO_ALT = ("//*[contains(translate(@class, 'LOGO', 'logo'), 'logo') or contains(translate(@id, 'LOGO', 'logo'), "
             "'logo')]//img/@alt | //img[contains(translate(@class, 'LOGO', 'logo'), 'logo') or "
             "contains(translate(@src, 'LOGO', 'logo'), 'logo')]/@alt")
# A name set as text where a logo would be: WordPress themes' site title, Bootstrap's navbar brand, a text logo.
_TEXT_LOGO = f"//*[{with_class('site-title', 'site-name', 'navbar-brand', 'logo')}][not(.//img)]"
_NOT_A_LOGO = re.compile(r"\b(?:startseite|menü|menu|navigation|zurück|home)\b", re.IGNORECASE)
_LOGO_WORD = re.compile(r"\s*[-–|:]?\s*\b(?:logo|firmenlogo|header|bild|image)\b\s*[-–|:]?\s*", re.IGNORECASE)
# Where a title (or an alt text) parts into segments: "Leistungen – Malerbetrieb Kaya | Herne".
TITLE_SPLIT = re.compile(r"\s+(?:[|–—·•:»›/-]|::)\s+")
_FILE_NAME = re.compile(r"\.(?:png|jpe?g|gif|svg|webp)$|^[\w-]+_[\w-]+$|^\S*\d{3,}\S*$", re.IGNORECASE)
_WELCOME = re.compile(r"^(?:herzlich\s+)?willkommen\s+(?:bei(?:m)?|im|in der|in|auf der (?:website|homepage|seite|"
                      r"internetseite) (?:von|der|des|vom))\s+(?:der\s+|dem\s+|den\s+)?"
                      r"(?P<name>[^!.?]{3,60}?)\s*[!.]?$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:ihr|ihre|ihrem|ihrer|ihren|unser|unsere|unserem|unserer|dein|deinem|deiner)\b",
                         re.IGNORECASE)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*(?:[-–]\s*\d{2,4})?\s*)?(?:by\s+)?"
                        r"(?P<name>[^|·•©\n]{3,80})", re.IGNORECASE)
_COPYRIGHT_TAIL = re.compile(r"\s*(?:[-–,]\s*|\b)(?:alle rechte|all rights|rechte vorbehalten|impressum|datenschutz|"
                             r"powered|erstellt|webdesign|design by|made with|mit liebe).*$|\s+[-–]\s+.*$",
                             re.IGNORECASE)
_GENERIC = re.compile(r"^(?:logo|home|startseite|start|homepage|website|webseite|header|banner|bild|foto|"
                      r"\d{4})$", re.IGNORECASE)
# Mail providers' and site builders' domains name the provider, not the business.
_SHARED_DOMAINS = frozenset(("gmail", "googlemail", "web", "gmx", "t-online", "freenet", "yahoo", "outlook",
                             "hotmail", "icloud", "aol", "arcor", "online", "posteo", "mailbox", "jimdo", "jimdosite",
                             "wixsite", "wordpress", "blogspot", "webnode", "ionos", "strato", "business", "site"))


def logo_names(doc: Doc) -> list[str]:
    """The alt text of the logo image(s), without the word "Logo" ("Malerbetrieb Kaya Logo"), and a name set as
    text in the logo's place."""
    out: list[str] = []
    texts = [str(alt) for alt in doc.root.xpath(_LOGO_ALT)[:3]]
    # (a text logo is a name, not a sentence or a link's words: "Zur Startseite", "Menü")
    texts += [t for el in doc.root.xpath(_TEXT_LOGO)[:2]
              if (t := el.text_content().strip())[:1].isupper() and len(t.split()) <= 6 and not t.endswith(".")
              and not _NOT_A_LOGO.search(t)]
    for raw in texts:
        text = " ".join(raw.split())
        text = TITLE_SPLIT.split(_LOGO_WORD.sub(" ", text).strip(" -–|:"))[0].strip()
        if 3 <= len(text) <= 60 and not _GENERIC.match(text) and not _FILE_NAME.search(text) and text not in out:
            out.append(text)
    return out


def welcome_name(text: str) -> str | None:
    """"Herzlich willkommen bei Malerbetrieb Kaya!" → "Malerbetrieb Kaya"."""
    m = _WELCOME.match(text.strip())
    name = m.group("name").strip() if m else ""
    # "Willkommen bei Ihrem Friseur in Herne" greets without a name
    if not name[:1].isupper() or _POSSESSIVE.match(name):
        return None
    return name


def copyright_name(text: str) -> str | None:
    """"© 2024 Malerbetrieb Kaya – Alle Rechte vorbehalten" → "Malerbetrieb Kaya"."""
    m = _COPYRIGHT.search(text)
    if not m:
        return None
    name = _COPYRIGHT_TAIL.sub("", m.group("name")).strip(" .,-–")
    if not (3 <= len(name) <= 60) or _GENERIC.match(name) or not re.search(r"[A-Za-zÄÖÜäöü]{3}", name):
        return None
    return name


def domain_words(hosts: Iterable[str]) -> list[list[str]]:
    """The words of each of the site's own domain names ("maler-kaya.de" → ["maler", "kaya"], "malerkaya.de" →
    ["malerkaya"]); mail providers' and site builders' domains give none."""
    out: list[list[str]] = []
    for host in hosts:
        labels = host.lower().split(".")
        if len(labels) < 2 or labels[-1].isdigit() or labels[-2] in _SHARED_DOMAINS:
            continue
        parts = [p for p in re.split(r"[-_\d]+", labels[-2]) if len(p) >= 3]
        words = parts if len(parts) >= 2 else [labels[-2]]
        if words not in out:
            out.append(words)
    return out


def domain_affinity(name: str, domains: list[list[str]]) -> float:
    """How well a candidate name matches a domain (0..1), the best over the site's domains. A domain of several words
    counts the share of them the name contains ("Malerbetrieb Kaya" against "maler-kaya": 1.0; "Maler": 0.5); a
    domain of one word counts the share of the name's words found in it ("Kaya Malerei" against "kaya.de": 0.5)."""
    # domains spell umlauts as "ae", "oe", "ue" ("reisebuero-fernweh.de" for "Reisebüro Fernweh")
    low = name.lower().replace("ß", "ss").replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    compact = re.sub(r"[^a-z0-9]", "", low)
    name_words = [w for w in re.split(r"[^a-z0-9]+", low) if len(w) >= 3]
    best = 0.0
    for words in domains:
        if len(words) >= 2:
            share = sum(1 for w in words if w in compact) / len(words)
        else:
            share = sum(1 for w in name_words if w in words[0]) / len(name_words) if name_words else 0.0
        best = max(best, share)
    return best
