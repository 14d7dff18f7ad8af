"""Failed fetches → a short, stable error kind and a one-line message (what the health history records)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
    UnsupportedURLSchemeError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as tx_error
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from marktplatz.crawler.resolver import REFUSALS

ERROR_KINDS = ("dns", "blocked", "refused", "timeout", "reset", "tls", "too_large", "robots", "redirects",
               "ignored", "other")


class BlockedRequest(IgnoreRequest):
    """Refused before any connection: scheme, URL length or a private target address."""

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


def classify_failure(failure: Any, url: str) -> tuple[str, str]:
    """(error_kind, message) for a Twisted failure of a request to `url`."""
    exc = failure.value
    host = (urlsplit(url).hostname or "").lower()
    if isinstance(exc, BlockedRequest):
        return exc.kind, exc.reason
    if isinstance(exc, HttpError) and exc.response is not None and 300 <= exc.response.status < 400:
        location = (exc.response.headers.get("Location") or b"").decode("latin-1", "replace")[:300]
        scheme = urlsplit(location).scheme.lower()
        if scheme and scheme not in ("http", "https"):
            return "scheme", f"redirect to a {scheme}: address, which is never followed ({location})"
        return "redirects", f"redirect that could not be followed ({exc.response.status} to {location!r})"
    if isinstance(exc, ResponseDataLossError):
        return "reset", f"connection lost mid-body ({_first_line(exc)})"
    if isinstance(exc, IgnoreRequest):
        text = str(exc)
        if "MAXSIZE" in text.upper() or "decompression" in text.lower():
            return "too_large", text or "body larger than the size limit"
        if "robots.txt" in text:
            return "robots", "forbidden by robots.txt"
        if "redirect" in text:
            return "redirects", text or "too many redirects"
        return "ignored", text or "request ignored"
    if any(_is_tls_error(e) for e in _causes(exc)):
        return "tls", f"TLS error: {_first_line(_tls_cause(exc))}"
    if isinstance(exc, UnsupportedURLSchemeError):
        return "scheme", _first_line(exc)
    if isinstance(exc, DownloadCancelledError):
        # Timeouts raise DownloadTimeoutError; the one thing that cancels a download here is the size limit.
        return "too_large", "download cancelled: the body is larger than the size limit"
    if isinstance(exc, tx_error.DNSLookupError | CannotResolveHostError):
        if host in REFUSALS:
            return "blocked", f"{host}: {REFUSALS[host]}"
        return "dns", f"DNS lookup failed for {host}"
    if isinstance(exc, tx_error.ConnectionRefusedError | DownloadConnectionRefusedError):
        return "refused", "connection refused"
    if isinstance(exc, tx_error.TimeoutError | tx_error.TCPTimedOutError | DownloadTimeoutError):
        return "timeout", "timed out"
    if _is_tls_error(exc):
        return "tls", f"TLS error: {_first_line(exc)}"
    if isinstance(exc, tx_error.ConnectionLost | tx_error.ConnectionDone | ResponseNeverReceived | ResponseFailed
                  | DownloadFailedError):
        inner = getattr(exc, "reasons", None)
        if inner and any(_is_tls_error(r.value) for r in inner):
            return "tls", "TLS handshake failed"
        return "reset", f"connection lost ({type(exc).__name__})"
    if type(exc).__name__ == "CancelledError" and "maxsize" in str(exc).lower():
        return "too_large", _first_line(exc)
    if "download_maxsize" in str(exc) or "Cancelling download" in str(exc) or "maxsize" in str(exc):
        return "too_large", _first_line(exc)
    return "other", f"{type(exc).__name__}: {_first_line(exc)}"


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception, what it was raised from, and the reasons inside Twisted's ResponseFailed-style wrappers."""
    out: list[BaseException] = []
    todo: list[BaseException] = [exc]
    while todo and len(out) < 20:
        e = todo.pop()
        out.append(e)
        for inner in (e.__cause__, e.__context__):
            if inner is not None:
                todo.append(inner)
        for reason in getattr(e, "reasons", None) or []:
            value = getattr(reason, "value", None)
            if isinstance(value, BaseException):
                todo.append(value)
    return out


def _tls_cause(exc: BaseException) -> BaseException:
    return next((e for e in _causes(exc) if _is_tls_error(e)), exc)


def _is_tls_error(exc: BaseException) -> bool:
    name = type(exc).__module__ + "." + type(exc).__name__
    return "SSL" in name or "OpenSSL" in name or "tls" in name.lower()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:300]
