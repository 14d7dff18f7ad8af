"""Website cells as people type them → normalised http(s) URLs, or a reason why not.

`www.bäckerei-x.de ` becomes `http://www.xn--bckerei-x-q9a.de/`; a cell may hold several URLs or none. A URL without a
scheme gets `http://`: the site's own redirect to HTTPS (or its absence) is then exactly what the audit should see.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

import idna
import tldextract
from w3lib.url import safe_url_string

# Cells that mean "no website" in the lists the city keeps.
NO_WEBSITE_WORDS = frozenset({"", "-", "--", "—", "–", "/", "keine", "kein", "keine website", "n/a", "na", "none",
                              "nein", "k.a.", "ka", "k. a.", "x", "0", "null"})
_SPLIT = re.compile(r"[\s;|,]+")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
MAX_URL_LENGTH = 2000


class WebsiteError(ValueError):
    """A website cell that is not a usable URL; the message says why."""


@dataclass(frozen=True)
class Website:
    url: str
    host: str


@lru_cache(maxsize=1)
def _extractor() -> tldextract.TLDExtract:
    # The bundled Public Suffix List snapshot only: the crawler must never fetch the list over the network.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def registered_domain(host: str) -> str:
    """`www.baeckerei.herne.de` → `herne.de`-style registered domain; an IP address or `localhost` is its own."""
    ext = _extractor()(host)
    if ext.suffix and ext.domain:
        return f"{ext.domain}.{ext.suffix}"
    return host


def parse_websites(cell: str | None) -> list[Website]:
    """Every URL in one cell, normalised, in the order written, without duplicates; `[]` for "no website"."""
    text = (cell or "").strip()
    if text.lower() in NO_WEBSITE_WORDS:
        return []
    out: list[Website] = []
    for token in _SPLIT.split(text):
        if not token or token.lower() in NO_WEBSITE_WORDS:
            continue
        site = normalise_website(token)
        if site.url not in {w.url for w in out}:
            out.append(site)
    return out


def normalise_website(token: str) -> Website:
    """One typed URL → `Website`; raises `WebsiteError` with the reason."""
    raw = token.strip().strip("<>\"'")
    if "@" in raw and not _SCHEME.match(raw):
        raise WebsiteError(f"{token!r} looks like an e-mail address, not a website")
    if not _SCHEME.match(raw):
        if raw.lower().startswith(("http:", "https:")):
            raise WebsiteError(f"{token!r} has a malformed scheme (expected http:// or https://)")
        raw = "http://" + raw.lstrip("/")
    try:
        parts = urlsplit(raw)
    except ValueError as exc:  # e.g. an unbalanced '[' that looks like a broken IPv6 address
        raise WebsiteError(f"{token!r} is not a URL ({exc})") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise WebsiteError(f"{token!r} uses the scheme {scheme!r}; only http and https websites can be crawled")
    try:
        port = parts.port
    except ValueError as exc:
        raise WebsiteError(f"{token!r} has an invalid port") from exc
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise WebsiteError(f"{token!r} has no host name")
    ascii_host = _ascii_host(host, token)
    bracketed = f"[{ascii_host}]" if ":" in ascii_host else ascii_host
    netloc = bracketed if port is None else f"{bracketed}:{port}"
    path = parts.path or "/"
    # Percent-encode the path and query as a browser would, so every stored URL is plain ASCII.
    url = safe_url_string(urlunsplit((scheme, netloc, path, parts.query, "")))
    if len(url) > MAX_URL_LENGTH:
        raise WebsiteError(f"{token[:60]!r}… is longer than {MAX_URL_LENGTH} characters")
    return Website(url=url, host=ascii_host)


def _ascii_host(host: str, token: str) -> str:
    if _is_ip_literal(host):
        return host
    try:
        ascii_host = idna.encode(host, uts46=True).decode("ascii")
    except idna.IDNAError as exc:
        raise WebsiteError(f"{token!r}: host {host!r} is not a valid domain name ({exc})") from exc
    labels = ascii_host.split(".")
    if not all(_HOST_LABEL.match(label) for label in labels):
        raise WebsiteError(f"{token!r}: host {host!r} is not a valid domain name")
    if host != "localhost" and (len(labels) < 2 or not _extractor()(ascii_host).suffix):
        raise WebsiteError(f"{token!r}: {host!r} has no known top-level domain (such as .de)")
    return ascii_host


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True
