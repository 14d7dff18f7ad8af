"""Bytes → text for a stored response: charset from the HTTP header, BOM, `<meta charset>`, then detection.

Also decides when a body is not worth parsing (empty, binary, far too large), so that the page object can return an
empty record with a reason instead of raising.
"""

from __future__ import annotations

from collections.abc import Mapping

from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom, resolve_encoding

MAX_BODY_BYTES = 4_000_000
"""Bodies above this are refused: no small-business page is that large, and parsing one costs a second of CPU."""


# Every byte except the C0 controls that never occur in text (tab, newlines, form feed and CR are allowed).
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))


class UnreadableBody(ValueError):
    """The body cannot be read as HTML; the message is the reason stored in `PageRecord.error`."""


def header(headers: Mapping[str, str] | None, name: str) -> str | None:
    """A header value by case-insensitive name (Scrapy and the db store them in different cases)."""
    if not headers:
        return None
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value if isinstance(value, str) else str(value)
    return None


def _looks_binary(body: bytes) -> bool:
    head = body[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = len(head.translate(None, _NOT_CONTROL))
    return controls > len(head) * 0.05


def _magic(body: bytes) -> str | None:
    signatures = {b"%PDF": "pdf", b"\x89PNG": "png", b"\xff\xd8\xff": "jpeg", b"GIF8": "gif", b"PK\x03\x04": "zip",
                  b"\x1f\x8b": "gzip", b"RIFF": "riff"}
    for sig, kind in signatures.items():
        if body.startswith(sig):
            return kind
    return None


def decode_body(body: bytes, headers: Mapping[str, str] | None = None) -> str:
    """The page text; raises `UnreadableBody` with a reason when there is nothing to parse."""
    if not body or not body.strip():
        raise UnreadableBody("empty body")
    if len(body) > MAX_BODY_BYTES:
        raise UnreadableBody(f"body too large ({len(body)} bytes)")
    kind = _magic(body)
    if kind:
        raise UnreadableBody(f"binary body ({kind})")
    bom_enc, bom = read_bom(body)
    if bom_enc and bom:
        return body[len(bom):].decode(bom_enc, "replace")
    if _looks_binary(body):
        raise UnreadableBody("binary body")
    declared = http_content_type_encoding(header(headers, "content-type")) or html_body_declared_encoding(body)
    candidates: list[str] = []
    if declared:
        enc = resolve_encoding(declared) or declared
        # A page declared as Latin-1/cp1252 whose bytes are valid multi-byte UTF-8 was saved as UTF-8 by an editor
        # that kept the old declaration; non-ASCII UTF-8 sequences almost never occur in real cp1252 text.
        if enc != "utf-8" and not body.isascii():
            candidates.append("utf-8")
        candidates.append(enc)
    # Undeclared or wrongly declared pages are mostly UTF-8 or Windows-1252 in Germany: try strict UTF-8 first
    # (it almost never accepts non-UTF-8 text by accident), then cp1252, which accepts every byte but five.
    candidates += ["utf-8", "cp1252"]
    for enc in candidates:
        try:
            return body.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return body.decode("utf-8", "replace")
