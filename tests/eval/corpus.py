"""Reading the labelled corpus (`../shared/corpus/real`) the way a crawler would see it, without a server.

`site_pages(root)` follows links from a site's home page over the files, resolving paths like the corpus README
says GitHub Pages does (a folder answers with its `index.html`, an extensionless path also tries `PATH.html`), and
probes the usual Impressum paths when no linked page is one. It returns (url, body) pairs, home page first, so the
extraction can be measured directly while the full CLI pipeline is not needed.
"""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import html as lxml_html

from marktplatz.crawler.aliases import DECLARED_XPATH, site_alias
from marktplatz.crawler.spiders.frontier import under_own_address

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "real"
BASE = "http://127.0.0.1:8000/"
MAX_PAGES = 30
IMPRESSUM_PROBES = ("impressum", "impressum/", "impressum.html")
_HREF = re.compile(rb"""<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_SKIP_EXT = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|ico|css|js|json|xml|pdf|zip|ics|vcf|mp4|woff2?|ttf|txt)$", re.I)
_PRIORITY = [(re.compile(r"impressum|imprint"), 0), (re.compile(r"kontakt|contact|anfahrt|filiale"), 1),
             (re.compile(r"zeiten|hours|sprech"), 1),
             (re.compile(r"leistung|angebot|speise|karte|produkt|preis|service|therapie|rechtsgebiet|werkstatt|"
                         r"torten"), 2),
             (re.compile(r"datenschutz|privacy"), 3)]


def resolve(root: Path, path: str) -> Path | None:
    """The file a GitHub-Pages-like server answers for a URL path, or None for a 404."""
    rel = unquote(path.split("?")[0].split("#")[0]).lstrip("/")
    target = (root / rel).resolve()
    if root.resolve() not in target.parents and target != root.resolve():
        return None
    if target.is_dir():
        if (target / "index.html").is_file():
            return target / "index.html"
        alt = Path(str(target).rstrip("/") + ".html")
        return alt if alt.is_file() else None
    if target.is_file():
        return target
    if not rel.endswith("/") and Path(str(target) + ".html").is_file():
        return Path(str(target) + ".html")
    return None


def _priority(path: str) -> int:
    low = path.lower()
    for rx, prio in _PRIORITY:
        if rx.search(low):
            return prio
    return 5


def site_pages(root: Path, base: str = BASE, max_pages: int = MAX_PAGES) -> list[tuple[str, bytes]]:
    """(url, body) of the pages a polite crawler would fetch from the site's home page, home first."""
    seen_urls: set[str] = set()
    seen_files: set[Path] = set()
    out: list[tuple[str, bytes]] = []
    queue: deque[str] = deque([base])
    host = urlsplit(base).netloc

    def fetch(url: str) -> bytes | None:
        path = urlsplit(url).path
        file = resolve(root, path)
        if file is None or file in seen_files or not file.name.endswith((".html", ".htm")):
            return None
        seen_files.add(file)
        return file.read_bytes()

    alias: str | None = None
    while queue and len(out) < max_pages:
        url = queue.popleft()
        if url in seen_urls:
            continue
        seen_urls.add(url)
        body = fetch(url)
        if body is None:
            continue
        out.append((url, body))
        hrefs = [(m.group(1) or m.group(2) or m.group(3) or b"").decode("utf-8", "replace").strip()
                 for m in _HREF.finditer(body)]
        absolute_links = [urljoin(url, h).split("#")[0] for h in hrefs
                          if h and not h.startswith(("#", "mailto:", "tel:", "javascript:"))]
        if len(out) == 1:  # the home page: does it present itself under another name (`crawler.aliases`)?
            declared = [urljoin(url, str(v)) for v in lxml_html.fromstring(body).xpath(DECLARED_XPATH)]
            alias = site_alias(url, [(u, "") for u in absolute_links], declared)
        links = []
        for absolute in absolute_links:
            if alias is not None:
                absolute = under_own_address(absolute, alias, base)
            parts = urlsplit(absolute)
            if parts.netloc != host or _SKIP_EXT.search(parts.path):
                continue
            links.append(absolute)
        for link in sorted(dict.fromkeys(links), key=lambda u: _priority(urlsplit(u).path)):
            if link not in seen_urls:
                queue.append(link)
    if not any(re.search(r"impressum|imprint", u, re.I) for u, _ in out):
        for probe in IMPRESSUM_PROBES:
            body = fetch(urljoin(base, probe))
            if body is not None:
                out.append((urljoin(base, probe), body))
                break
    return out
