"""A hostile local web: one raw asyncio HTTP server on 127.0.0.1 whose misbehaviour is chosen by the Host header.

Each case is a real socket-level behaviour (hang after accept, drip, reset, bombs, loops, traps ...), plus a TLS port
serving a self-signed and an expired certificate. Every loop here is bounded in count and time and the server stops
with the test. Used by `tests/hostile/test_hostile_web.py` and `bench/hostile.py`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gzip
import os
import socket
import ssl
import struct
import tempfile
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

MAX_SECONDS = 120  # no behaviour keeps a connection longer than this

HEALTHY_HOME = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width"><title>Gesunder Laden</title></head><body>
<h1>Gesunder Laden</h1><p>Öffnungszeiten: Mo–Fr 9–18 Uhr</p>
<a href="/kontakt.html">Kontakt</a> <a href="/impressum.html">Impressum</a> <a href="/leistungen.html">Leistungen</a>
</body></html>"""
HEALTHY_PAGES = {
    "/": HEALTHY_HOME,
    "/kontakt.html": '<html lang="de"><head><title>Kontakt</title></head><body><h1>Kontakt</h1>'
                     '<a href="tel:+4923231112233">02323 111 22 33</a> '
                     '<a href="mailto:laden@gesund-example.de">laden@gesund-example.de</a>'
                     '<p>Bahnhofstraße 5, 44623 Herne</p><a href="/">Start</a></body></html>',
    "/impressum.html": '<html lang="de"><head><title>Impressum</title></head><body><h1>Impressum</h1>'
                       '<p>Gesunder Laden GmbH, Bahnhofstraße 5, 44623 Herne</p></body></html>',
    "/leistungen.html": '<html lang="de"><head><title>Leistungen</title></head><body><h1>Leistungen</h1>'
                        '<ul><li>Beratung</li><li>Reparatur</li></ul></body></html>',
}


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    host: str


Writer = asyncio.StreamWriter
Handler = Callable[[Request, asyncio.StreamReader, Writer], Awaitable[None]]


def head(status: int, headers: dict[str, str] | None = None, reason: str = "X") -> bytes:
    lines = [f"HTTP/1.1 {status} {reason}"] + [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def send(w: Writer, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
               extra: dict[str, str] | None = None, send_body: bool = True) -> None:
    headers = {"Content-Type": ctype, "Content-Length": str(len(body)), "Connection": "close", **(extra or {})}
    w.write(head(status, headers) + (body if send_body else b""))
    await w.drain()


def page(title: str, body: str, charset: str = "utf-8") -> bytes:
    return (f"<!DOCTYPE html><html lang='de'><head><title>{title}</title></head><body>{body}</body></html>"
            ).encode(charset)


# -- behaviours ----------------------------------------------------------------------------------------------------

async def healthy(req: Request, r: asyncio.StreamReader, w: Writer) -> None:
    if req.path == "/robots.txt":
        await send(w, 200, b"User-agent: *\nAllow: /\n", "text/plain")
    elif req.path in HEALTHY_PAGES:
        await send(w, 200, HEALTHY_PAGES[req.path].encode(), send_body=req.method != "HEAD")
    else:
        await send(w, 404, page("404", "nicht gefunden"))


async def hang(req: Request, r: asyncio.StreamReader, w: Writer) -> None:
    await asyncio.sleep(MAX_SECONDS)


async def drip(req: Request, r: asyncio.StreamReader, w: Writer) -> None:
    w.write(head(200, {"Content-Type": "text/html", "Content-Length": "100000"}))
    for _ in range(MAX_SECONDS):
        w.write(b"<")
        await w.drain()
        await asyncio.sleep(1)


async def reset(req: Request, r: asyncio.StreamReader, w: Writer) -> None:
    w.write(head(200, {"Content-Type": "text/html", "Content-Length": "50000"}) + b"<html><body>" + b"x" * 2000)
    await w.drain()
    sock = w.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close → RST
    w.transport.abort()


async def storm(req: Request, r: asyncio.StreamReader, w: Writer) -> None:
    await send(w, 503 if len(req.path) % 2 else 500, page("Fehler", "Server überlastet"))


async def ratelimit(req: Request, r: asyncio.StreamReader, w: Writer) -> None:
    await send(w, 429, page("Zu viele Anfragen", "bitte später"), extra={"Retry-After": "3600"})


async def loop(req: Request, r: asyncio.StreamReader, w: Writer) -> None:
    await send(w, 302, b"", extra={"Location": "/b" if req.path != "/b" else "/a"})


async def hops(req: Request, r: asyncio.StreamReader, w: Writer) -> None:
    n = int(req.path.rsplit("/", 1)[-1]) if req.path.startswith("/hop/") else 0
    await send(w, 301, b"", extra={"Location": f"/hop/{n + 1}" if n < 30 else "/ende"})


def redirect_to(target: str) -> Handler:
    async def handler(req: Request, r: asyncio.StreamReader, w: Writer) -> None:
        if req.path == "/robots.txt":
            await send(w, 404, b"")
        else:
            await send(w, 302, b"", extra={"Location": target})
    return handler


_BOMB = gzip.compress(b"\0" * (60 * 1024 * 1024), compresslevel=9)


async def gzip_bomb(req: Request, r: asyncio.StreamReader, w: Writer) -> None:
    await send(w, 200, _BOMB, extra={"Content-Encoding": "gzip"})


async def big(req: Request, r: asyncio.StreamReader, w: Writer) -> None:
    size = 50 * 1024 * 1024
    w.write(head(200, {"Content-Type": "text/html", "Content-Length": str(size)}))
    chunk = b"<p>" + b"a" * 65533
    for _ in range(size // len(chunk)):
        w.write(chunk)
        await w.drain()


async def endless_chunked(req: Request, r: asyncio.StreamReader, w: Writer) -> None:
    w.write(head(200, {"Content-Type": "text/html", "Transfer-Encoding": "chunked"}))
    chunk = b"<p>" + b"b" * 16381
    deadline = asyncio.get_running_loop().time() + MAX_SECONDS
    while asyncio.get_running_loop().time() < deadline:
        w.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        await w.drain()


async def binary(req: Request, r: asyncio.StreamReader, w: Writer) -> None:
    await send(w, 200, os.urandom(200_000), "text/html")


def encoded_site(encoding: str) -> Handler:
    text = ("<html><head><title>Bäckerei Größe</title></head><body><h1>Bäckerei Größe – Brötchen für 0,50 €</h1>"
            "<p>Telefon: 02323 / 12 34 56</p><p>Öffnungszeiten: Mo–Fr 7–18 Uhr</p></body></html>")
    body = text.replace("€", "EUR").replace("–", "-").encode(encoding) if encoding == "latin-1" else \
        text.encode(encoding)

    async def handler(req: Request, r: asyncio.StreamReader, w: Writer) -> None:
        await send(w, 200 if req.path == "/" else 404, body if req.path == "/" else b"", "text/html")
    return handler


async def bad_utf8(req: Request, r: asyncio.StreamReader, w: Writer) -> None:
    body = (b"<html><head><meta charset='utf-8'><title>Kaputt \xc3\x28 \xff</title></head>"
            b"<body>Tel. 02323 555\xe9</body>")
    await send(w, 200, body, "text/html; charset=utf-8")


async def nested(req: Request, r: asyncio.StreamReader, w: Writer) -> None:
    await send(w, 200, b"<html><body>" + b"<div>" * 10_000 + b"tief" + b"</div>" * 10_000 + b"</body></html>")


async def malformed(req: Request, r: asyncio.StreamReader, w: Writer) -> None:
    await send(w, 200, b"<html><<body <p class='x>kaputt<table><tr><td>1<td><b><i>2</b></i></p><a href='/x'>"
                       b"<!-- nie geschlossen <script>var a = '</scr' + 'ipt>';")


async def calendar(req: Request, r: asyncio.StreamReader, w: Writer) -> None:
    n = int(req.path.split("=")[-1]) if "month=" in req.path else 0
    links = f'<a href="/kalender?month={n + 1}">nächster Monat</a><a href="/kalender?month={n - 1}">voriger</a>'
    await send(w, 200, page(f"Kalender {n}", links))


async def session_ids(req: Request, r: asyncio.StreamReader, w: Writer) -> None:
    sid = os.urandom(8).hex()
    links = "".join(f'<a href="/seite{i}.html?PHPSESSID={sid}">Seite {i}</a>' for i in range(5))
    await send(w, 200, page("Sitzung", links))


async def long_urls(req: Request, r: asyncio.StreamReader, w: Writer) -> None:
    links = "".join(f'<a href="/{chr(97 + i) * 10_000}">lang</a>' for i in range(5))
    await send(w, 200, page("Lang", links + '<a href="/kurz.html">kurz</a>'))


def robots_site(robots: Callable[[Writer], Awaitable[None]]) -> Handler:
    async def handler(req: Request, r: asyncio.StreamReader, w: Writer) -> None:
        if req.path == "/robots.txt":
            await robots(w)
        else:
            await send(w, 200, page("Seite", '<a href="/a.html">a</a>'))
    return handler


async def _robots_disallow(w: Writer) -> None:
    await send(w, 200, b"User-agent: *\nDisallow: /\n", "text/plain")


async def _robots_5xx(w: Writer) -> None:
    await send(w, 503, b"kaputt", "text/plain")


async def _robots_huge(w: Writer) -> None:
    await send(w, 200, b"User-agent: *\nAllow: /\n" + b"# " + b"x" * (10 * 1024 * 1024) + b"\n", "text/plain")


async def sitemap_self(req: Request, r: asyncio.StreamReader, w: Writer) -> None:
    if req.path == "/sitemap.xml":
        xml = (f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               f'<sitemap><loc>http://{req.host}/sitemap.xml</loc></sitemap></sitemapindex>').encode()
        await send(w, 200, xml, "application/xml")
    else:
        await send(w, 200, page("Sitemap", "nur eine Seite"))


# Host (without port) → (behaviour, what the test expects: the health outcome or site status)
CASES: dict[str, Handler] = {
    "gesund-example.de": healthy,
    "haengt-example.de": hang,
    "tropft-example.de": drip,
    "reset-example.de": reset,
    "fehlersturm-example.de": storm,
    "zuviele-example.de": ratelimit,
    "schleife-example.de": loop,
    "sprünge-example.de": hops,
    "privat-example.de": redirect_to("http://10.0.0.1/"),
    "metadata-example.de": redirect_to("http://169.254.169.254/latest/meta-data/"),
    "datei-example.de": redirect_to("file:///etc/passwd"),
    "ftp-example.de": redirect_to("ftp://127.0.0.1/"),
    "bombe-example.de": gzip_bomb,
    "riesig-example.de": big,
    "endlos-example.de": endless_chunked,
    "binaer-example.de": binary,
    "windows-example.de": encoded_site("cp1252"),
    "latin-example.de": encoded_site("latin-1"),
    "kaputt-utf8-example.de": bad_utf8,
    "verschachtelt-example.de": nested,
    "murks-example.de": malformed,
    "kalender-example.de": calendar,
    "sitzung-example.de": session_ids,
    "lang-example.de": long_urls,
    "robots-verbot-example.de": robots_site(_robots_disallow),
    "robots-5xx-example.de": robots_site(_robots_5xx),
    "robots-riesig-example.de": robots_site(_robots_huge),
    "sitemap-selbst-example.de": sitemap_self,
}
TLS_CASES = ("selbstsigniert-example.de", "abgelaufen-example.de")


def idna(host: str) -> str:
    return host.encode("idna").decode("ascii")


async def _serve(reader: asyncio.StreamReader, writer: Writer) -> None:
    try:
        raw = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout=10)
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError, ConnectionError):
        writer.close()
        return
    lines = raw.decode("latin-1").split("\r\n")
    method, path = ([*lines[0].split(" "), "", ""])[:2]
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if ":" in line)}
    host_header = headers.get("host", "")
    host = host_header.rsplit(":", 1)[0].lower()
    handler = {idna(h): f for h, f in CASES.items()}.get(host)
    if host in {idna(h) for h in TLS_CASES}:
        handler = healthy
    req = Request(method, path, host_header)
    try:
        if handler is None:
            await send(writer, 404, b"unknown host")
        else:
            await asyncio.wait_for(handler(req, reader, writer), timeout=MAX_SECONDS)
    except (ConnectionError, TimeoutError, OSError, asyncio.CancelledError):
        pass  # the crawler hung up, or the server is stopping: both are the point of these sites
    finally:
        if not writer.is_closing():
            writer.close()


def _certificate(host: str, expired: bool, folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    now = dt.datetime.now(dt.UTC)
    start, end = (now - dt.timedelta(days=400), now - dt.timedelta(days=30)) if expired else \
        (now - dt.timedelta(days=1), now + dt.timedelta(days=365))
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start).not_valid_after(end)
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(host)]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / f"{host}.crt", folder / f"{host}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


class HostileWeb:
    """`start()` → `port` (plain HTTP) and `tls_port`; `stop()` ends every connection."""

    def __init__(self) -> None:
        self.port = 0
        self.tls_port = 0
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._servers: list[asyncio.AbstractServer] = []
        self._certs = tempfile.TemporaryDirectory()

    def start(self) -> HostileWeb:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(30)
        return self

    async def _start(self) -> None:
        plain = await asyncio.start_server(_serve, "127.0.0.1", 0, limit=64 * 1024)
        contexts = {}
        for host in TLS_CASES:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(*_certificate(idna(host), host.startswith("abgelaufen"), Path(self._certs.name)))
            contexts[idna(host)] = ctx
        default = next(iter(contexts.values()))

        def pick(sock: ssl.SSLObject, server_name: str | None, _ctx: ssl.SSLContext) -> None:
            if server_name in contexts:
                sock.context = contexts[server_name]

        default.sni_callback = pick
        tls = await asyncio.start_server(_serve, "127.0.0.1", 0, ssl=default)
        self._servers = [plain, tls]
        self.port = plain.sockets[0].getsockname()[1]
        self.tls_port = tls.sockets[0].getsockname()[1]

    def stop(self) -> None:
        async def _stop() -> None:
            for server in self._servers:
                server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        asyncio.run_coroutine_threadsafe(_stop(), self._loop).result(30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._certs.cleanup()

    def url(self, host: str) -> str:
        if host in TLS_CASES:
            return f"https://{host}:{self.tls_port}/"
        return f"http://{host}:{self.port}/"

    @staticmethod
    def hosts() -> list[str]:
        return [idna(h) for h in [*CASES, *TLS_CASES]]
