"""`marktplatz serve`: read-only HTTP for the directory and the office — feed (JSON, JSON-LD, CSV), link health and
the latest weekly report.

Every answer carries an `ETag` and a `Last-Modified`, and `Cache-Control: no-cache`, so a client revalidates each
time and gets an empty `304 Not Modified` while nothing changed. Feed ETags are weak (`W/"…"`): they hash the
listings, not `generated_at`, which differs on every build. Only GET and HEAD are answered.
"""

from __future__ import annotations

import hashlib
import json
import logging
import mimetypes
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from sqlalchemy.orm import Session

from marktplatz.config import HealthRules

log = logging.getLogger(__name__)

SessionScope = Callable[[], AbstractContextManager[Session]]


@dataclass(frozen=True)
class Resource:
    body: bytes
    content_type: str
    etag: str
    last_modified: datetime | None = None


INDEX_HTML = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Marktplatz Herne</title></head>
<body><h1>Digitaler Marktplatz Herne</h1><ul>
<li><a href="/feed.json">Verzeichnis-Feed (JSON)</a></li><li><a href="/feed.jsonld">Verzeichnis-Feed (JSON-LD)</a></li>
<li><a href="/feed.csv">Verzeichnis-Feed (CSV)</a></li><li><a href="/health">Erreichbarkeit der Websites (JSON)</a></li>
<li><a href="/report/">Aktueller Wochenbericht</a></li></ul></body></html>
"""
NO_REPORT_HTML = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Kein Bericht</title></head>
<body><h1>Noch kein Wochenbericht vorhanden</h1><p>Erstellen mit <code>marktplatz report --out {folder}</code>.</p>
</body></html>
"""


class Publisher:
    """Builds the resources; remembers when each one's content last changed, for `Last-Modified`."""

    def __init__(self, session_scope: SessionScope, reports_dir: Path, health_rules: HealthRules | None = None) -> None:
        self.session_scope = session_scope
        self.reports_dir = reports_dir
        self.health_rules = health_rules or HealthRules()
        self._changed: dict[str, tuple[str, datetime]] = {}
        self._lock = threading.Lock()

    def dynamic(self, path: str) -> Resource | None:
        builders: dict[str, Callable[[Session, datetime], tuple[bytes, str, Any]]] = {
            "/feed.json": _feed_json, "/feed.jsonld": _feed_jsonld, "/feed.csv": _feed_csv,
            "/health": lambda session, now: _health(session, now, self.health_rules)}
        build = builders.get(path)
        if build is None:
            return None
        now = datetime.now(UTC)
        with self.session_scope() as session:
            body, content_type, identity = build(session, now)
        etag = 'W/"' + hashlib.sha256(json.dumps(identity, sort_keys=True, default=str).encode()).hexdigest()[:32] \
            + '"'
        return Resource(body, content_type, etag, self._last_modified(path, etag, now))

    def report_file(self, rel: str) -> Resource | None:
        folder = latest_report(self.reports_dir)
        if folder is None:
            return None
        target = (folder / (rel or "index.html")).resolve()
        if not target.is_relative_to(folder.resolve()) or not target.is_file():
            return None
        body = target.read_bytes()
        content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or target.suffix == ".csv":
            content_type += "; charset=utf-8"
        mtime = datetime.fromtimestamp(int(target.stat().st_mtime), UTC)
        return Resource(body, content_type, '"' + hashlib.sha256(body).hexdigest()[:32] + '"', mtime)

    def _last_modified(self, path: str, etag: str, now: datetime) -> datetime:
        with self._lock:
            seen = self._changed.get(path)
            if seen is None or seen[0] != etag:
                seen = (etag, now.replace(microsecond=0))
                self._changed[path] = seen
            return seen[1]


def latest_report(reports_dir: Path) -> Path | None:
    """The report folder itself when it holds an index.html, else its newest sub-folder that does."""
    if (reports_dir / "index.html").is_file():
        return reports_dir
    if not reports_dir.is_dir():
        return None
    candidates = [p for p in reports_dir.iterdir() if (p / "index.html").is_file()]
    return max(candidates, key=lambda p: ((p / "index.html").stat().st_mtime, p.name), default=None)


def _feed_json(session: Session, now: datetime) -> tuple[bytes, str, Any]:
    from marktplatz.reports.feed import build_feed

    feed = build_feed(session, now)
    return (json.dumps(feed, ensure_ascii=False, indent=1).encode() + b"\n", "application/json; charset=utf-8",
            feed["listings"])


def _feed_jsonld(session: Session, now: datetime) -> tuple[bytes, str, Any]:
    from marktplatz.reports.feed import build_feed
    from marktplatz.reports.jsonld import item_list

    feed = build_feed(session, now)
    return (json.dumps(item_list(feed), ensure_ascii=False, indent=1).encode() + b"\n",
            "application/ld+json; charset=utf-8", ["jsonld", feed["listings"]])


def _feed_csv(session: Session, now: datetime) -> tuple[bytes, str, Any]:
    from marktplatz.reports.feed import build_feed
    from marktplatz.reports.feed_csv import feed_csv_bytes

    body = feed_csv_bytes(build_feed(session, now))
    return body, "text/csv; charset=utf-8", hashlib.sha256(body).hexdigest()


def _health(session: Session, now: datetime, rules: HealthRules) -> tuple[bytes, str, Any]:
    from marktplatz.reports.health import build_health

    health = build_health(session, now, rules=rules)
    return (json.dumps(health, ensure_ascii=False, indent=1).encode() + b"\n", "application/json; charset=utf-8",
            health["sites"])


class Handler(BaseHTTPRequestHandler):
    server: FeedHTTPServer
    server_version = "MarktplatzHerne"
    sys_version = ""

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _not_allowed(self) -> None:
        self.send_response(HTTPStatus.METHOD_NOT_ALLOWED)
        self.send_header("Allow", "GET, HEAD")
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_PUT = do_DELETE = do_PATCH = _not_allowed

    def _answer(self, send_body: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        publisher = self.server.publisher
        try:
            if path == "/":
                resource: Resource | None = Resource(INDEX_HTML.encode(), "text/html; charset=utf-8",
                                                     '"index-1"')
            elif path == "/report":
                self._redirect("/report/")
                return
            elif path.startswith("/report/"):
                resource = publisher.report_file(path.removeprefix("/report/"))
                if resource is None and path == "/report/":
                    folder = publisher.reports_dir / "JJJJ-Www"
                    self._send_plain(HTTPStatus.NOT_FOUND, NO_REPORT_HTML.format(folder=folder).encode(),
                                     "text/html; charset=utf-8", send_body)
                    return
            else:
                resource = publisher.dynamic(path)
        except Exception:
            log.exception("serve: failed to build %s", path)
            self._send_plain(HTTPStatus.INTERNAL_SERVER_ERROR, b"internal error\n", "text/plain", send_body)
            return
        if resource is None:
            self._send_plain(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain", send_body)
            return
        self._send_resource(resource, send_body)

    def _send_resource(self, resource: Resource, send_body: bool) -> None:
        not_modified = _not_modified(self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since"),
                                     resource)
        self.send_response(HTTPStatus.NOT_MODIFIED if not_modified else HTTPStatus.OK)
        self.send_header("ETag", resource.etag)
        if resource.last_modified is not None:
            self.send_header("Last-Modified", format_datetime(resource.last_modified, usegmt=True))
        self.send_header("Cache-Control", "no-cache")
        if not_modified:
            self.end_headers()
            return
        self.send_header("Content-Type", resource.content_type)
        self.send_header("Content-Length", str(len(resource.body)))
        self.end_headers()
        if send_body:
            self.wfile.write(resource.body)

    def _send_plain(self, status: HTTPStatus, body: bytes, content_type: str, send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        log.info("serve: %s %s", self.address_string(), format % args)


def _not_modified(if_none_match: str | None, if_modified_since: str | None, resource: Resource) -> bool:
    """RFC 9110 §13.2.2: If-None-Match (weak comparison) wins; If-Modified-Since only without it."""
    if if_none_match is not None:
        wanted = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in wanted or resource.etag.removeprefix("W/") in wanted
    if if_modified_since and resource.last_modified is not None:
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return resource.last_modified <= since
    return False


class FeedHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], publisher: Publisher) -> None:
        super().__init__(address, Handler)
        self.publisher = publisher


def iter_paths() -> Iterator[str]:
    yield from ("/feed.json", "/feed.jsonld", "/feed.csv", "/health", "/report/")
