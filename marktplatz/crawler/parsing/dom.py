"""One parse per page: the lxml tree plus its visible text as a list of `Line`s with their context.

Every field parser works on these lines (text, heading level, page region, links, enclosing block element) instead of
walking the tree again; this is what keeps the whole page object fast. The walk is iterative (`iterwalk`), so deep
markup cannot exhaust the Python stack.
"""

from __future__ import annotations

import base64
import re
from copy import deepcopy
from dataclasses import dataclass, field
from html import escape as html_escape
from html import unescape

from lxml import etree, html

from marktplatz.crawler.parsing import vocab

BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "tfoot", "thead", "tr", "ul", "legend", "option", "select", "textarea", "frameset", "frame",
    "noframes",
))
CELL_TAGS = frozenset(("td", "th"))
# Inline elements whose edges separate words (adjacent links in a footer must not run together).
SOFT_BREAK_TAGS = frozenset(("a", "button", "label", "input", "img", "i", "small", "time"))
SKIP_TAGS = frozenset(("script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
                       "canvas", "video", "audio", "map", "head", "title", "meta", "link", "base"))
HEADING_LEVEL = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6, "dt": 7, "th": 7, "legend": 7, "summary": 7,
                 "caption": 7}
REGION_TAGS = {"header": "header", "nav": "nav", "footer": "footer", "aside": "aside"}
REGION_ROLES = {"navigation": "nav", "banner": "header", "contentinfo": "footer", "complementary": "aside",
                "menu": "nav", "menubar": "nav"}
# (with the theme builders' own prefixes: Elementor's "elementor-location-footer", Divi's "et-l--footer", Avada's
# "fusion-footer", Jimdo's "jtpl-footer", Wix's "SITE_FOOTER")
_REGION_TOKEN = re.compile(r"^(?:site[-_]|page-|main-|global-|top-|primary-|elementor-location-|et-l--|fusion-|"
                           r"jtpl-)?(footer|nav|navbar|navigation|menu|mainmenu|main-menu|topbar|header|masthead|"
                           r"site-header|colophon|copyright|sidebar|aside)(?:-wrapper|-area|"
                           r"-container|-inner)?$")
_TOKEN_REGION = {"footer": "footer", "colophon": "footer", "copyright": "footer", "nav": "nav", "navbar": "nav",
                 "navigation": "nav", "menu": "nav", "mainmenu": "nav", "main-menu": "nav", "topbar": "header",
                 "header": "header", "masthead": "header", "site-header": "header", "sidebar": "aside",
                 "aside": "aside"}
_REGION_HINT = re.compile(r"foot|nav|menu|head|mast|colophon|copyright|sidebar|aside|topbar", re.IGNORECASE)
_TABS = re.compile(r"\bnav-(?:tabs|pills)\b")
# A cookie-consent box (Borlabs, Cookiebot, Complianz, Cookie Notice, Usercentrics, Real Cookie Banner …) is the
# plugin's text, not the business's: its checkboxes ("Essenziell", "Statistiken") are no offers, its links no menu.
_CONSENT = re.compile(r"cookie|consent|borlabs|cybot|cmplz|gdpr|dsgvo-|usercentrics|real-cookie|rcb-|cc-window|"
                      r"cc-banner|klaro", re.IGNORECASE)
_NEVER_CONSENT = frozenset(("html", "body", "main", "article", "header", "footer", "nav", "a", "button"))
_RTL_CLASS = re.compile(r"\.([\w-]+)\s*\{(?=[^}]*unicode-bidi\s*:\s*bidi-override)(?=[^}]*direction\s*:\s*rtl)",
                        re.IGNORECASE)
_BIDI_OVERRIDE = re.compile(r"unicode-bidi\s*:\s*bidi-override", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Classes that hide an inline element in every theme (Bootstrap's "d-none", "hidden", an anti-spam "nospam")
_HIDDEN_CLASS = frozenset(("hide", "hidden", "d-none", "is-hidden", "invisible", "nospam", "no-spam"))
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
# Words that end where their inline element ends: a day or a contact label in one <span> and its value in the next,
# with no space between ("<span>Mo</span><span>geschlossen</span>", as page-builder grids write them).
_WHOLE_WORDS = frozenset((*vocab.DAY_WORDS, "telefon", "tel", "fon", "fax", "telefax", "mobil", "handy", "e-mail",
                          "email", "mail", "adresse", "anschrift", "öffnungszeiten", "täglich", "werktags",
                          "feiertags", "feiertage"))
MAX_ELEMENTS = 60_000
"""Pages with more elements are tag soup or generated dumps; walking them would cost more than they can yield."""


class TooComplex(ValueError):
    """The markup is too large to walk; the message becomes `PageRecord.error`."""


@dataclass(slots=True)
class Line:
    """A run of visible text between two block boundaries."""

    index: int
    text: str
    block: html.HtmlElement  # the innermost block element the text belongs to
    tag: str  # that element's tag
    level: int  # 1-6 for h1-h6, 7 for label-like cells (dt, th, legend, summary), 0 for ordinary text
    region: str  # "main", "header", "nav", "footer" or "aside"
    heading: int  # index of the closest heading line before this one, -1 when none
    in_list: bool  # inside a <li>
    in_table: bool
    tels: list[tuple[str, str]] = field(default_factory=list)  # (href without "tel:", link text)
    mails: list[tuple[str, str]] = field(default_factory=list)  # (href without "mailto:", link text)
    links: list[tuple[str, str]] = field(default_factory=list)  # other (href, link text)

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass
class Doc:
    """A parsed page: the tree, its lines, inline scripts and the line span of every block element."""

    root: html.HtmlElement
    lines: list[Line]
    scripts: list[str]
    json_ld: list[str]
    title: str
    meta: dict[str, str]
    spans: dict[html.HtmlElement, tuple[int, int]]
    lang: str | None = None
    max_depth: int = 0
    _lower: list[str] | None = None

    def lowers(self) -> list[str]:
        if self._lower is None:
            self._lower = [line.text.lower() for line in self.lines]
        return self._lower

    def heading_text(self, line: Line) -> str:
        return self.lines[line.heading].text if line.heading >= 0 else ""

    def span_of(self, el: html.HtmlElement) -> tuple[int, int] | None:
        return self.spans.get(el)

    def boxed_away(self, head: Line, line: Line) -> bool:
        """Whether a heading sits in a box of its own content (`<div class="box"><h2>Öffnungszeiten</h2><p>…`) that
        closed before a later line: the heading is then not that line's, however the outline reads."""
        el = head.block.getparent()
        while el is not None:
            span = self.spans.get(el)
            if span is not None and span[1] - span[0] > 1:
                return not span[0] <= line.index < span[1]
            el = el.getparent()
        return False


def clean(text: str) -> str:
    # Runs of whitespace (every character str.isspace() accepts, NBSP and the Unicode spaces too) become one space:
    # split()/join() does in C what a regular expression substitution did, with the same result.
    return " ".join(_INVISIBLE.sub("", text).split()).strip(" |")


def _region_of(el: html.HtmlElement) -> str | None:
    tag = el.tag
    if tag in REGION_TAGS:
        # A <header> or <footer> inside an article, section or main heads that part, not the page (as ARIA maps
        # them; Typo3 wraps every content heading in one)
        if tag in ("header", "footer") and next(el.iterancestors("article", "section", "main", "aside", "nav"),
                                                None) is not None:
            return None
        # ... and so does one classed as a content element's header (Typo3's "frame-header" on pages without <main>,
        # a theme's "entry-header"): a <header> holding just the site's name at the top is still the page's
        if tag == "header" and _CONTENT_HEADER.search(el.get("class") or ""):
            return None
        return REGION_TAGS[tag]
    role = el.get("role")
    if role and role in REGION_ROLES:
        return REGION_ROLES[role]
    for attr in ("id", "class"):
        value = el.get(attr)
        if value and _REGION_HINT.search(value):
            # Bootstrap's tabs are styled as navigation ("nav nav-tabs") but switch between parts of the content
            if role == "tablist" or _TABS.search(value):
                return None
            for token in value.lower().split():
                m = _REGION_TOKEN.match(token)
                if m:
                    region = _TOKEN_REGION.get(m.group(1), "main")
                    # (a "page-header" inside the main content is the article's title, as a <header> there is)
                    if region in ("header", "footer") and next(el.iterancestors("main", "article"), None) is not None:
                        return None
                    return region
    return None


_FOOTNOTE_MARK = re.compile(r"^\s*\(?(?:\d{1,2}|[a-zA-Z]|\*{1,3})(?:\s*[,.]\s*(?:\d{1,2}|[a-zA-Z]))*\)?\s*$")
_MINUTES = re.compile(r"^\s*[0-5]\d\s*$")
_UNIT_BEFORE = re.compile(r"(?<![a-zäöüß])(?:m|cm|dm|mm|km|qm)\s*$", re.IGNORECASE)
_MAILISH = re.compile(r"@|[\[({]\s*(?:at|ät|et)\s*[\])}]", re.IGNORECASE)
_CONTENT_HEADER = re.compile(r"\b(?:frame|entry|article|section|content|post|element|ce)-header\b", re.IGNORECASE)
_DATA_LOCAL = re.compile(r"^[a-z0-9][a-z0-9._%+-]{0,63}$", re.IGNORECASE)
_DATA_DOMAIN = re.compile(r"^(?:[a-z0-9äöü-]+\.)+[a-z]{2,24}$", re.IGNORECASE)


def _data_address(el: html.HtmlElement) -> str | None:
    """The address an element's data attributes hold in two parts (user and domain), when it does not show it
    (no text, or a placeholder such as "E-Mail schreiben" that the script replaces)."""
    if "@" in el.text_content():
        return None
    values = [v.strip() for k, v in el.attrib.items() if k.startswith("data-")]
    domain = next((v for v in values if _DATA_DOMAIN.match(v)), None)
    local = next((v for v in values if v != domain and _DATA_LOCAL.match(v) and "." not in v[-4:]), None)
    return f" {local}@{domain} " if domain and local else None


def _joomla_address(el: html.HtmlElement) -> str:
    """The address of a Joomla 4 cloak (`<joomla-hidden-mail first="aW5mbw==" last="eC5kZQ==">`), or ""."""
    try:
        local = base64.b64decode(el.get("first") or "", validate=True).decode("utf-8")
        domain = base64.b64decode(el.get("last") or "", validate=True).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return ""
    return f" {local}@{domain} " if _DATA_LOCAL.match(local) and _DATA_DOMAIN.match(domain) else ""


def _is_consent_box(el: html.HtmlElement) -> bool:
    for attr in ("id", "class"):
        value = el.get(attr)
        if value and _CONSENT.search(value):
            # (a wrapper of the whole page that a plugin marked, "site cookies-not-set", is not the box)
            return len(el.text_content()) <= 4000
    return False


def parse_html(text: str) -> html.HtmlElement:
    """The page's tree, with markup that shows something other than it says rewritten to what the reader sees (a
    cell spanning rows, an old CMS's title cell); each rewrite only where the text names its markup at all."""
    parser = html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    root = html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    if _ROWSPAN_HINT.search(text):
        _spread_rowspans(root)
    if "contentheading" in text or "componentheading" in text:
        _promote_cms_headings(root)
    return root


def with_class(*names: str) -> str:
    """An XPath test that an element's class list holds one of the names (whole class names, not parts)."""
    return " or ".join(f"contains(concat(' ', normalize-space(@class), ' '), ' {n} ')" for n in names)


_SPANNED_CELLS = etree.XPath("//td[@rowspan] | //th[@rowspan]")
_ROWSPAN_HINT = re.compile("rowspan", re.IGNORECASE)  # (attribute names are in any case in old markup)
MAX_SPANNED_TEXT = 80


def _cell_count(cell: html.HtmlElement) -> int:
    span = cell.get("colspan") or "1"
    return int(span) if span.isdigit() and 0 < int(span) <= 20 else 1


def _spread_rowspans(root: html.HtmlElement) -> None:
    """Repeat a short cell spanning rows in each row it spans: "Montag | 7.30 - 17.00 Uhr" over rows "Dienstag",
    "Mittwoch", … reads as each day with its times, as the reader sees the table. Long cells (a layout table's
    sidebar) are left as they are."""
    for cell in _SPANNED_CELLS(root):
        raw = cell.get("rowspan") or ""
        row = cell.getparent()
        if not raw.isdigit() or not 1 < int(raw) <= 12 or row is None or row.tag != "tr" or \
                len(cell.text_content()) > MAX_SPANNED_TEXT or cell.find(".//table") is not None:
            continue
        col = 0
        for sibling in row:
            if sibling is cell:
                break
            if sibling.tag in CELL_TAGS:
                col += _cell_count(sibling)
        del cell.attrib["rowspan"]
        nxt = row.getnext()
        for _ in range(int(raw) - 1):
            while nxt is not None and nxt.tag != "tr":
                nxt = nxt.getnext()
            if nxt is None:
                break
            at, pos = len(nxt), 0
            for k, other in enumerate(nxt):
                if other.tag in CELL_TAGS:
                    if pos >= col:
                        at = k
                        break
                    pos += _cell_count(other)
            twin = deepcopy(cell)
            twin.tail = None
            nxt.insert(at, twin)
            nxt = nxt.getnext()


# A page's or article's title set in a cell or div by an old CMS's template (Joomla 1.5's "componentheading" and
# "contentheading"), without a heading element
_CMS_HEADINGS = etree.XPath("//*[self::td or self::div or self::span or self::p]"
                            f"[{with_class('contentheading', 'componentheading')}]")


def _promote_cms_headings(root: html.HtmlElement) -> None:
    """Read an old CMS's title cell as the heading it is shown as: its content is wrapped in an <h1>."""
    for el in _CMS_HEADINGS(root):
        if len(el.text_content()) > 120 or any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in el):
            continue
        head = etree.SubElement(el, "h1")
        head.text, el.text = el.text, None
        for child in list(el)[:-1]:
            head.append(child)


def build_doc(root: html.HtmlElement) -> Doc:
    """Walk the tree once and cut its visible text into lines."""
    lines: list[Line] = []
    scripts: list[str] = []
    json_ld: list[str] = []
    spans: dict[html.HtmlElement, tuple[int, int]] = {}
    starts: dict[html.HtmlElement, int] = {}
    buf: list[str] = []
    tels: list[tuple[str, str]] = []
    mails: list[tuple[str, str]] = []
    links: list[tuple[str, str]] = []
    block_stack: list[html.HtmlElement] = []
    region_stack: list[tuple[html.HtmlElement, str]] = []
    list_depth = 0
    table_depth = 0
    last_heading = -1
    count = 0
    title = ""
    meta: dict[str, str] = {}
    lang = root.get("lang")
    card_links: set[html.HtmlElement] = set()  # links laid out as boxes of their own (`_card_link`)
    reversed_classes: set[str] = set()  # classes a stylesheet turns round (".rev{unicode-bidi:bidi-override;…}")

    def flush() -> None:
        nonlocal last_heading
        if not buf and not tels and not mails:
            return
        raw = "".join(buf)
        buf.clear()
        block = block_stack[-1] if block_stack else root
        tag = block.tag if isinstance(block.tag, str) else "div"
        # Preformatted text keeps its line breaks: an address block in <pre> is several lines.
        texts = [clean(part) for part in raw.split("\n")] if tag == "pre" else [clean(raw)]
        texts = [t for t in texts if t] or ([""] if tels or mails else [])
        if not texts:
            links.clear()
            return
        level = HEADING_LEVEL.get(tag, 0)
        for n, text in enumerate(texts):
            first = n == 0
            line = Line(index=len(lines), text=text, block=block, tag=tag, level=level,
                        region=region_stack[-1][1] if region_stack else "main", heading=last_heading,
                        in_list=list_depth > 0, in_table=table_depth > 0, tels=list(tels) if first else [],
                        mails=list(mails) if first else [], links=list(links) if first else [])
            lines.append(line)
            if level and text:
                last_heading = line.index
        tels.clear()
        mails.clear()
        links.clear()

    walker = etree.iterwalk(root, events=("start", "end"))
    skipped: html.HtmlElement | None = None
    depth = max_depth = 0
    for event, el in walker:
        if event == "start":
            depth += 1
            max_depth = max(max_depth, depth)
        else:
            depth -= 1
        tag = el.tag
        if not isinstance(tag, str):  # comments, processing instructions, entities
            if event == "end" and el.tail:
                buf.append(el.tail)
            continue
        if event == "end":
            if el is skipped:
                skipped = None
            elif tag in BLOCK_TAGS or tag in CELL_TAGS or el in card_links:
                if tag == "th" or tag not in CELL_TAGS:
                    flush()
                if block_stack and block_stack[-1] is el:
                    block_stack.pop()
                spans[el] = (starts.pop(el, len(lines)), len(lines))
                if tag == "li":
                    list_depth -= 1
                elif tag == "table":
                    table_depth -= 1
            elif tag in SOFT_BREAK_TAGS:
                buf.append(" ")
            if region_stack and region_stack[-1][0] is el:
                region_stack.pop()
            if el.tail:
                buf.append(el.tail)
            continue
        count += 1
        if count > MAX_ELEMENTS:
            raise TooComplex(f"markup too large (more than {MAX_ELEMENTS} elements)")
        if tag == "head":
            continue  # walk it for title/meta/ld+json, but it yields no lines
        if tag in SKIP_TAGS:
            _collect_head_item(el, tag, scripts, json_ld, meta)
            if tag == "title" and not title:
                title = clean(el.text_content())
            elif tag == "style" and el.text and "bidi-override" in el.text:
                reversed_classes.update(_RTL_CLASS.findall(el.text))
            elif tag == "noscript" and (shown := el.text_content()) and len(shown) <= 200 and _MAILISH.search(shown):
                # the address a script writes, as a browser without scripts shows it ("praxis [at] x [punkt] de")
                buf.append(f" {shown} ")
            walker.skip_subtree()
            skipped = el
            continue
        if el.get("hidden") is not None or el.get("aria-hidden") == "true" or (
                tag not in BLOCK_TAGS and (_HIDDEN_STYLE.search(el.get("style") or "") or (
                    (cls := el.get("class")) and not _HIDDEN_CLASS.isdisjoint(cls.split())))):
            # (an inline element hidden by its style or a hiding class is an anti-spam decoy: "info<span
            # style='display:none'>x</span>@…", "hallo<span class='hide'>nospam</span>@…"; hidden blocks are left
            # to be read, as scripts open them: accordions, tabs)
            walker.skip_subtree()
            skipped = el
            continue
        if tag not in _NEVER_CONSENT and _is_consent_box(el):
            walker.skip_subtree()
            skipped = el
            continue
        style = el.get("style")
        if tag not in BLOCK_TAGS and ((style and "rtl" in style and _BIDI_OVERRIDE.search(style)) or (
                reversed_classes and not reversed_classes.isdisjoint((el.get("class") or "").split()))):
            # text written backwards and turned round by the browser ("ed.ednamuster@ofni"), an anti-spam trick:
            # read as shown
            buf.append(el.text_content()[::-1])
            walker.skip_subtree()
            skipped = el
            continue
        assembled = _data_address(el) if tag in ("a", "span") and "mail" in (el.get("class") or "") else None
        if assembled:
            # an address a script puts together from data attributes ("data-u='info' data-d='x.de'"), read as
            # the visitor sees it
            buf.append(assembled)
        shown = _shown_instead(el, tag, buf)
        if shown is not None:
            buf.append(shown)
            walker.skip_subtree()
            skipped = el
            continue
        region = _region_of(el)
        if region:
            region_stack.append((el, region))
        if tag == "a" and len(el) and _card_link(el):
            card_links.add(el)
        if tag in BLOCK_TAGS or tag == "br" or el in card_links:
            flush()
            if tag != "br":
                block_stack.append(el)
                starts[el] = len(lines)
                if tag == "li":
                    list_depth += 1
                elif tag == "table":
                    table_depth += 1
        elif tag in CELL_TAGS:
            if tag == "th" or _first_cell(el):
                flush()
            else:
                buf.append(" | ")
            block_stack.append(el)
            starts[el] = len(lines)
        elif tag in SOFT_BREAK_TAGS or (el.text and buf and _separate(el, buf[-1], el.text)):
            buf.append(" ")
        if tag == "a":
            href = (el.get("href") or "").strip()
            low = href[:7].lower()
            if low.startswith(("tel:", "callto:", "sms:")):
                tels.append((href.split(":", 1)[1], clean(el.text_content())))
            elif low.startswith("mailto:"):
                mails.append((href[7:], clean(el.text_content())))
            elif "/cdn-cgi/l/email-protection#" in href:
                mails.append((cloudflare_email(href.rsplit("#", 1)[1]) or "", ""))
            elif href:
                links.append((href, clean(el.text_content())))
        if el.text:
            buf.append(el.text)
    flush()
    return Doc(root=root, lines=lines, scripts=scripts, json_ld=json_ld, title=title, meta=meta, spans=spans,
               lang=lang, max_depth=max_depth)


PARSER_MAX_DEPTH = 250
"""libxml2 stops nesting at 256 levels and drops what lies deeper; such pages are read as plain text instead."""


def plain_text_doc(text: str) -> Doc:
    """A page read without its markup: tags become line breaks (for markup nested deeper than the parser goes)."""
    stripped = re.sub(r"<(?:script|style)\b.*?</(?:script|style)\s*>", "\n", text, flags=re.IGNORECASE | re.DOTALL)
    stripped = re.sub(r"<[^>]*>", "\n", stripped)
    return build_doc(parse_html("<html><body><pre>" + html_escape(unescape(stripped)) + "</pre></body></html>"))


def cloudflare_email(encoded: str) -> str | None:
    """The address behind Cloudflare's e-mail protection: hex bytes XOR-ed with the first byte as the key."""
    try:
        data = bytes.fromhex(encoded.strip())
    except ValueError:
        return None
    if len(data) < 4:
        return None
    try:
        return bytes(b ^ data[0] for b in data[1:]).decode("utf-8")
    except UnicodeDecodeError:
        return None


def _collect_head_item(el: html.HtmlElement, tag: str, scripts: list[str], json_ld: list[str],
                       meta: dict[str, str]) -> None:
    if tag == "script":
        typ = (el.get("type") or "").lower()
        if "ld+json" in typ:
            json_ld.append(el.text or "")
        elif not el.get("src") and (not typ or "javascript" in typ or "module" in typ):
            scripts.append(el.text or "")
    elif tag == "meta":
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        content = el.get("content")
        if key and content:
            meta.setdefault(key, content)


def _shown_instead(el: html.HtmlElement, tag: str, buf: list[str]) -> str | None:
    """The text a reader sees in place of an element's subtree ("" for none), or None when the subtree is read.

    `buf` holds the text read so far; the two pieces before the element tell what a <sup> is raised after."""
    if tag == "joomla-hidden-mail":
        # Joomla 4's e-mail cloak: the address's two halves base64-encoded in attributes, a notice as text
        return _joomla_address(el)
    if tag == "sup":
        raised = el.text_content()
        before = "".join(buf[-2:])
        if _MINUTES.match(raised) and before[-1:].isdigit():
            # "9<sup>00</sup> – 18<sup>30</sup> Uhr": the minutes (or cents) raised after the hour
            return "." + raised.strip()
        if _FOOTNOTE_MARK.match(raised) and not _UNIT_BEFORE.search(before):
            # a menu's additive and allergen marks ("Salami<sup>1,2,a,g</sup>") and footnote marks are no part
            # of the words they follow (but "m<sup>2</sup>" is a unit)
            return ""
    protected = el.get("data-cfemail")
    if protected is not None:
        # Cloudflare's e-mail protection: the address XOR-encoded in the markup, "[email protected]" as text
        return cloudflare_email(protected) or ""
    return None


def _card_link(el: html.HtmlElement) -> bool:
    """Whether a link is one of a row of teaser cards (a picture and its caption, the next card's link right after
    it): the page shows each card as a box of its own, so its text is a line of its own, not run into the next
    card's ("Krankengymnastik Manuelle Therapie Lymphdrainage")."""
    if el.find(".//img") is None and el.find(".//picture") is None:
        return False
    prev, nxt = el.getprevious(), el.getnext()
    return (prev is not None and prev.tag == "a" and not (prev.tail or "").strip()) or \
        (nxt is not None and nxt.tag == "a" and not (el.tail or "").strip())


def _separate(el: html.HtmlElement, before: str, text: str) -> bool:
    """Whether an inline element's text starts a new word although nothing separates it from its sibling's.

    Only where the join is certainly not one word: at a digit ("Bahnhofstr. 58" + "44623 Herne", "Di" + "09:00"),
    after a whole day name or label, or across an empty element drawn between them (a price list's dotted leader).
    Two plain words stay joined otherwise: a logo may colour "Auto" + "haus" apart, and text split letter by letter
    for an animation must not fall apart into single letters."""
    prev = el.getprevious()
    if prev is None or prev.tail or not isinstance(prev.tag, str) or prev.tag in BLOCK_TAGS:
        return False
    last, first = before[-1:], text[:1]
    word = (prev.text or "").strip()
    if not word and len(prev) == 0 and last.isalnum() and first.isalnum():
        return True  # "Grünkohl mit Mettenden" <span class="separator"></span> "Portion 6,90 €"
    if not (last.isalnum() and first.isalnum()) or len(text.strip()) < 2 or len(word) == 1:
        return False
    return last.isdigit() or first.isdigit() or word.lower().rstrip(".:") in _WHOLE_WORDS


def _first_cell(el: html.HtmlElement) -> bool:
    """A cell that starts a row is a fresh line; later cells of the row join it with ' | '."""
    sib = el.getprevious()
    while sib is not None:
        if isinstance(sib.tag, str) and sib.tag in CELL_TAGS:
            return False
        sib = sib.getprevious()
    return True
