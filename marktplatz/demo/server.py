"""A tiny web host for the demo (and tests): several sample sites on one 127.0.0.1 port, told apart by Host header.

A folder answers with its `index.html`, an extensionless path also tries `PATH.html` (as GitHub Pages does), `HEAD` and
conditional requests (`If-None-Match`) work, `{{ORIGIN}}` in a file becomes the site's own origin, and a host can be
set to redirect permanently to another (a trader whose site moved).
"""

from __future__ import annotations

import hashlib
import mimetypes
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class VirtualHosts:
    sites: dict[str, Path] = field(default_factory=dict)  # host name → site folder
    redirects: dict[str, str] = field(default_factory=dict)  # host name → host name it moved to
    log: list[tuple[str, str, str, int]] = field(default_factory=list)  # (method, host, path, status) served
    active: dict[str, int] = field(default_factory=dict)  # host → requests being answered right now
    peak: dict[str, int] = field(default_factory=dict)  # host → most requests answered at the same time
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    delay: float = 0.0  # seconds each answer takes (to make overlapping requests visible)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._counted(True)

    def do_HEAD(self) -> None:
        self._counted(False)

    def _counted(self, send_body: bool) -> None:
        hosts = self.server.hosts
        host = self.headers.get("Host", "").rsplit(":", 1)[0].lower()
        with hosts.lock:
            hosts.active[host] = hosts.active.get(host, 0) + 1
            hosts.peak[host] = max(hosts.peak.get(host, 0), hosts.active[host])
        try:
            if hosts.delay:
                time.sleep(hosts.delay)
            self._respond(send_body=send_body)
        finally:
            with hosts.lock:
                hosts.active[host] -= 1

    def _respond(self, send_body: bool) -> None:
        hosts = self.server.hosts
        host_header = self.headers.get("Host", "")
        host = host_header.rsplit(":", 1)[0].lower() if not host_header.startswith("[") else host_header
        port = self.server.server_address[1]
        if host in hosts.redirects:
            target = f"http://{hosts.redirects[host]}:{port}{self.path}"
            self._send(301, b"", "text/plain", send_body, extra={"Location": target})
            return
        root = hosts.sites.get(host)
        if root is None:
            self._send(404, b"unknown host", "text/plain", send_body)
            return
        path = _resolve(root, urlsplit(self.path).path)
        if path is None:
            self._send(404, b"<h1>404 Seite nicht gefunden</h1>", "text/html; charset=utf-8", send_body)
            return
        body = path.read_bytes().replace(b"{{ORIGIN}}", f"http://{host}:{port}".encode())
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self._send(304, b"", None, False, extra={"ETag": etag})
            return
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/xml", "application/javascript"):
            charset = "iso-8859-1" if b"charset=iso-8859-1" in body[:600] else "utf-8"
            ctype += f"; charset={charset}"
        self._send(200, body, ctype, send_body, extra={"ETag": etag})

    def _send(self, status: int, body: bytes, ctype: str | None, send_body: bool,
              extra: Mapping[str, str] | None = None) -> None:
        host = self.headers.get("Host", "").rsplit(":", 1)[0].lower()
        self.server.hosts.log.append((self.command, host, self.path, status))
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)) if status != 304 else "0")
        self.end_headers()
        if send_body and status != 304:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def _resolve(root: Path, url_path: str) -> Path | None:
    rel = unquote(url_path).lstrip("/")
    candidate = (root / rel).resolve()
    if not candidate.is_relative_to(root.resolve()):
        return None
    if candidate.is_dir():
        index = candidate / "index.html"
        return index if index.is_file() else None
    if candidate.is_file():
        return candidate
    html = candidate.with_name(candidate.name + ".html")
    return html if html.is_file() else None


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A crawler that hangs up mid-response (killed, timed out) is normal here, not worth a traceback.
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]

    def __init__(self, hosts: VirtualHosts) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.hosts = hosts


class DemoWeb:
    """Start with `start()`, stop with `stop()`; `port` is the one port every sample site answers on."""

    def __init__(self, hosts: VirtualHosts) -> None:
        self._server = _Server(hosts)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> DemoWeb:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
