"""A synthetic local web for the pipeline benchmark: N trader sites × M German pages, generated from a seed.

Nothing is written to disk: `SyntheticWeb.page()` builds a page from the seed, the host name and the path when it is
asked for, always the same bytes for the same arguments. `WebServer` serves that web from its own process on
127.0.0.1 (asyncio, HTTP/1.1 keep-alive, one port, every site a virtual host told apart by the `Host` header), answers
conditional requests (`If-None-Match` → 304, `If-Modified-Since` → 304) and counts the bytes it sends, so the cost of
a re-crawl can be measured at the server.

Each site has a home page, Kontakt (phone, fax, e-mail, address), Impressum, Öffnungszeiten (German hours text),
Leistungen (a list), content pages up to M pages in all, navigation on every page, a `robots.txt`, on every second
site a `sitemap.xml`, and one or two internal links to pages that do not exist (404).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import multiprocessing
import random
from dataclasses import dataclass
from email.utils import formatdate
from functools import lru_cache
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any
from urllib.request import Request, urlopen

CONTROL_HOST = "control.bench"
TRADES = (("Bäckerei", ["Brot", "Brötchen", "Torten", "Kuchen", "Kaffee zum Mitnehmen"]),
          ("Tischlerei", ["Möbel nach Maß", "Innenausbau", "Fenster", "Türen", "Reparaturen"]),
          ("Friseur", ["Damenhaarschnitt", "Herrenhaarschnitt", "Färben", "Strähnen", "Hochsteckfrisuren"]),
          ("Metzgerei", ["Wurst aus eigener Herstellung", "Partyservice", "Grillfleisch", "Mittagstisch"]),
          ("Optik", ["Brillen", "Kontaktlinsen", "Sehtest", "Sonnenbrillen", "Hörgeräte"]),
          ("Blumen", ["Sträuße", "Hochzeitsfloristik", "Trauerfloristik", "Pflanzen", "Lieferservice"]),
          ("Elektro", ["Elektroinstallation", "Smart Home", "E-Check", "Photovoltaik", "Notdienst"]),
          ("Café", ["Frühstück", "Kuchen", "Eis", "Kaffeespezialitäten", "Catering"]))
STREETS = ("Bahnhofstraße", "Hauptstraße", "Sodinger Straße", "Bebelstraße", "Mont-Cenis-Straße", "Bochumer Straße",
           "Holsterhauser Straße", "Wanner Straße", "Hauptstr.", "Shamrockring")
SURNAMES = ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Schulz", "Koch", "Yılmaz")
CONTENT_PAGES = ("ueber-uns", "team", "aktuelles", "galerie", "anfahrt", "jobs", "preise", "referenzen")
FILLER = ("Seit über dreißig Jahren sind wir Ihr Partner in Herne und Umgebung. Qualität, Zuverlässigkeit und "
          "freundliche Beratung stehen bei uns an erster Stelle. Sprechen Sie uns gern an – wir nehmen uns Zeit für "
          "Ihre Wünsche und finden gemeinsam die passende Lösung. Unser Team freut sich auf Ihren Besuch.").split()
HOURS_TEXTS = ("Mo.-Fr. 8:00 - 18:00 Uhr<br>Sa. 8:00 - 13:00 Uhr<br>So. geschlossen",
               "Montag bis Freitag: 09.00 – 12.30 Uhr und 14.30 – 18.00 Uhr<br>Samstag: 09.00 – 14.00 Uhr",
               "Di, Do 10–19 Uhr, Mi und Fr 9–18 Uhr, Sa 9–14 Uhr, Montag Ruhetag",
               "täglich 7:00 bis 19:00 Uhr")
LAST_MODIFIED = formatdate(1_764_000_000, usegmt=True)
NOT_FOUND = b"<!DOCTYPE html><html lang='de'><title>404</title><h1>Seite nicht gefunden</h1></html>"


@dataclass(frozen=True)
class SitePlan:
    """What one site contains; small, so thousands of them fit in the server's memory."""

    index: int
    host: str
    trade: str
    offerings: tuple[str, ...]
    owner: str
    street: str
    postcode: str
    phone: str
    fax: str
    hours: str
    pages: tuple[str, ...]  # paths of every HTML page, home first
    broken: tuple[str, ...]  # internal links to pages that do not exist
    sitemap: bool


class SyntheticWeb:
    """The web as a function of (seed, sites, pages per site): plans and pages are computed on demand."""

    def __init__(self, sites: int, pages_per_site: int = 12, seed: int = 8) -> None:
        if pages_per_site < 5:
            raise ValueError("a site needs at least 5 pages (home, Kontakt, Impressum, Öffnungszeiten, Leistungen)")
        self.sites = sites
        self.pages_per_site = pages_per_site
        self.seed = seed
        self.plan = lru_cache(maxsize=None)(self._plan)

    @staticmethod
    def host(index: int) -> str:
        # Short names: all of them go into MARKTPLATZ_HOSTS, one environment variable (at most 128 KiB on Linux).
        return f"hb{index:04d}.de"

    def hosts(self) -> list[str]:
        return [self.host(i) for i in range(self.sites)]

    def index_of(self, host: str) -> int | None:
        if not (host.startswith("hb") and host.endswith(".de") and host[2:-3].isdigit()):
            return None
        index = int(host[2:-3])
        return index if index < self.sites else None

    def _plan(self, index: int) -> SitePlan:
        rng = random.Random(f"{self.seed}:{index}")
        trade, offerings = TRADES[index % len(TRADES)]
        extra = self.pages_per_site - 5
        named = list(CONTENT_PAGES[:min(extra, len(CONTENT_PAGES))])
        posts = [f"aktuelles/beitrag-{k}.html" for k in range(1, extra - len(named) + 1)]
        pages = ("", "kontakt.html", "impressum.html", "oeffnungszeiten.html", "leistungen.html",
                 *(f"{p}.html" for p in named), *posts)
        broken = tuple(f"alt/angebot-{2015 + k}.html" for k in range(rng.randint(1, 2)))
        return SitePlan(index=index, host=self.host(index), trade=trade,
                        offerings=tuple(rng.sample(offerings, rng.randint(3, len(offerings)))),
                        owner=rng.choice(SURNAMES), street=f"{rng.choice(STREETS)} {rng.randint(1, 180)}",
                        postcode=f"446{rng.randint(23, 53)}", phone=f"02323 {rng.randint(10000, 999999)}",
                        fax=f"02323 {rng.randint(10000, 999999)}", hours=rng.choice(HOURS_TEXTS),
                        pages=pages, broken=broken, sitemap=index % 2 == 0)

    def page_count(self) -> int:
        return self.sites * self.pages_per_site

    def page(self, host: str, path: str, origin: str) -> tuple[int, str, bytes]:
        """(status, content type, body) of `path` on `host`; `origin` is `http://host:port` for absolute links."""
        index = self.index_of(host)
        if index is None:
            return 404, "text/plain", b"unknown host"
        site = self.plan(index)
        rel = path.split("?", 1)[0].lstrip("/")
        if rel == "robots.txt":
            return 200, "text/plain", b"User-agent: *\nDisallow: /intern/\n"
        if rel == "sitemap.xml" and site.sitemap:
            urls = "".join(f"<url><loc>{origin}/{p}</loc></url>" for p in site.pages)
            return 200, "application/xml", (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns='
                                            f'"http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>').encode()
        if rel in ("index.html",):
            rel = ""
        if rel not in site.pages:
            return 404, "text/html; charset=utf-8", NOT_FOUND
        return 200, "text/html; charset=utf-8", render_page(site, rel, self.seed).encode()


def render_page(site: SitePlan, rel: str, seed: int) -> str:
    rng = random.Random(f"{seed}:{site.index}:{rel}")
    name = f"{site.trade} {site.owner}"
    titles = {"": "Willkommen", "kontakt.html": "Kontakt", "impressum.html": "Impressum",
              "oeffnungszeiten.html": "Öffnungszeiten", "leistungen.html": "Leistungen"}
    title = titles.get(rel) or rel.removesuffix(".html").split("/")[-1].replace("-", " ").title()
    nav = " ".join(f'<li><a href="/{p}">{titles.get(p) or p.removesuffix(".html").replace("-", " ").title()}</a></li>'
                   for p in site.pages if "/" not in p)
    address = (f"<address>{name}<br>{site.street}<br>{site.postcode} Herne</address>")
    body: list[str] = []
    if rel == "":
        body.append(f"<p>Herzlich willkommen bei {name} in Herne! Telefon: {site.phone}</p>")
        body.append(f"<p>Unsere Öffnungszeiten: {site.hours}</p>")
    elif rel == "kontakt.html":
        body.append(f"<h2>So erreichen Sie uns</h2>{address}<p>Telefon: <a href=\"tel:{site.phone.replace(' ', '')}\">"
                    f"{site.phone}</a><br>Fax: {site.fax}<br>E-Mail: <a href=\"mailto:info@{site.host}\">"
                    f"info@{site.host}</a></p>")
    elif rel == "impressum.html":
        body.append(f"<h2>Angaben gemäß § 5 DDG</h2>{address}<p>Inhaber: {site.owner}<br>Tel.: {site.phone}<br>"
                    f"Fax: {site.fax}<br>E-Mail: info@{site.host}</p><p>USt-IdNr.: DE{rng.randint(10**8, 10**9)}</p>")
    elif rel == "oeffnungszeiten.html":
        body.append(f"<h2>Öffnungszeiten</h2><p>{site.hours}</p><p>An Feiertagen geschlossen.</p>")
    elif rel == "leistungen.html":
        body.append("<h2>Unsere Leistungen</h2><ul>" + "".join(f"<li>{o}</li>" for o in site.offerings) + "</ul>")
    elif rel == "aktuelles.html":
        posts = [p for p in site.pages if p.startswith("aktuelles/")]
        body.append("<ul>" + "".join(f'<li><a href="/{p}">Beitrag {p.split("-")[-1][:-5]}</a></li>'
                                     for p in posts) + "</ul>")
    if rel in ("", "aktuelles.html") or rel.startswith("aktuelles/"):
        body.extend(f'<p>Unser <a href="/{b}">Angebot von {b[12:16]}</a> ist da.</p>' for b in site.broken)
    body.extend(f"<p>{' '.join(rng.choices(FILLER, k=rng.randint(60, 140)))}</p>" for _ in range(rng.randint(3, 8)))
    return (f"<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>{title} – {name}</title>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<link rel='stylesheet' href='/css/style.css'></head><body><header><h1>{name}</h1><nav><ul>{nav}</ul>"
            f"</nav></header><main><h2>{title}</h2>{''.join(body)}</main><footer>{address}"
            f"<p><a href='/impressum.html'>Impressum</a> · <a href='/kontakt.html'>Kontakt</a> · "
            f"<a href='https://www.herne.de/'>Stadt Herne</a></p><p>© 2024 {name}</p></footer></body></html>")


class _Counters:
    def __init__(self) -> None:
        self.requests = 0
        self.bytes_sent = 0
        self.statuses: dict[int, int] = {}

    def as_dict(self) -> dict[str, Any]:
        return {"requests": self.requests, "bytes_sent": self.bytes_sent,
                "statuses": {str(k): v for k, v in sorted(self.statuses.items())}}


class _HttpProtocol(asyncio.Protocol):
    """Minimal HTTP/1.1: GET and HEAD, keep-alive, no request bodies — all a crawler sends."""

    def __init__(self, web: SyntheticWeb, counters: _Counters, port: int) -> None:
        self.web = web
        self.counters = counters
        self.port = port
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while b"\r\n\r\n" in self.buffer:
            head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
            self._answer(head.decode("latin-1"))

    def _answer(self, head: str) -> None:
        request_line, *lines = head.split("\r\n")
        method, _, rest = request_line.partition(" ")
        target = rest.rsplit(" ", 1)[0]
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}
        host = headers.get("host", "").rsplit(":", 1)[0].lower()
        if host == CONTROL_HOST:
            status, ctype, body = 200, "application/json", json.dumps(self.counters.as_dict()).encode()
            if target == "/reset":
                self.counters.__init__()  # type: ignore[misc]
            self._send(status, ctype, body, {}, count=False)
            return
        status, ctype, body = self.web.page(host, target, f"http://{host}:{self.port}")
        extra: dict[str, str] = {}
        if status == 200:
            etag = '"' + hashlib.blake2b(body, digest_size=8).hexdigest() + '"'
            extra = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
            if headers.get("if-none-match") == etag or headers.get("if-modified-since") == LAST_MODIFIED:
                status, body = 304, b""
        self._send(status, ctype, b"" if method == "HEAD" else body, extra, length=len(body))

    def _send(self, status: int, ctype: str, body: bytes, extra: dict[str, str], count: bool = True,
              length: int | None = None) -> None:
        reason = {200: "OK", 304: "Not Modified", 404: "Not Found"}.get(status, "OK")
        lines = [f"HTTP/1.1 {status} {reason}", "Server: synthweb", "Connection: keep-alive"]
        if status != 304:
            lines += [f"Content-Type: {ctype}", f"Content-Length: {len(body) if length is None else length}"]
        lines += [f"{k}: {v}" for k, v in extra.items()]
        data = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
        assert self.transport is not None
        self.transport.write(data)
        if count:
            self.counters.requests += 1
            self.counters.bytes_sent += len(data)
            self.counters.statuses[status] = self.counters.statuses.get(status, 0) + 1


def _serve(sites: int, pages_per_site: int, seed: int, conn: Connection) -> None:
    async def main() -> None:
        web = SyntheticWeb(sites, pages_per_site, seed)
        counters = _Counters()
        loop = asyncio.get_running_loop()
        port_box: list[int] = [0]
        server = await loop.create_server(lambda: _HttpProtocol(web, counters, port_box[0]), "127.0.0.1", 0,
                                          backlog=1024)
        port_box[0] = server.sockets[0].getsockname()[1]
        conn.send(port_box[0])
        await server.serve_forever()

    asyncio.run(main())


class WebServer:
    """The synthetic web served from a process of its own (so it does not share a core's GIL with the caller)."""

    def __init__(self, sites: int, pages_per_site: int = 12, seed: int = 8) -> None:
        self.web = SyntheticWeb(sites, pages_per_site, seed)
        self.port = 0
        self._process: BaseProcess | None = None

    def start(self) -> WebServer:
        parent, child = multiprocessing.Pipe()
        process = multiprocessing.get_context("spawn").Process(
            target=_serve, args=(self.web.sites, self.web.pages_per_site, self.web.seed, child), daemon=True)
        process.start()
        self._process = process
        if not parent.poll(30):
            raise RuntimeError("the synthetic web server did not start")
        self.port = int(parent.recv())
        return self

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.join(10)

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def url(self, index: int) -> str:
        return f"http://{self.web.host(index)}:{self.port}/"

    def hosts_env(self) -> str:
        """`MARKTPLATZ_HOSTS` value: every site's name → 127.0.0.1."""
        return ",".join(f"{h}=127.0.0.1" for h in self.web.hosts())

    def stats(self, reset: bool = False) -> dict[str, Any]:
        """The server's counters (requests, bytes sent, by status); `reset` zeroes them after reading."""
        request = Request(f"http://127.0.0.1:{self.port}/{'reset' if reset else 'stats'}",
                          headers={"Host": CONTROL_HOST})
        with urlopen(request, timeout=10) as response:
            return dict(json.loads(response.read()))
