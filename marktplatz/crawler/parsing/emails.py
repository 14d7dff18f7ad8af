"""E-mail addresses in a page: `mailto:` links, text, obfuscated text and inline scripts; lower-cased.

De-obfuscates `info [at] x [dot] de`, `info(at)x.de`, `info at x dot de`, `info{ät}x.de`, `info @ x.de`; entities
are already decoded by the HTML parser. In inline scripts it joins concatenated string literals (also through simple
variables), decodes `String.fromCharCode(...)` and reads reversed strings, without executing anything. Cloudflare's
protected addresses and decoys hidden in an address are handled by the page walk (`dom`). Image names
(`logo@2x.png`), example and placeholder addresses are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from urllib.parse import unquote

from marktplatz.crawler.parsing import vocab
from marktplatz.crawler.parsing.dom import Doc

_EMAIL = re.compile(r"(?<![\w.+-])([a-z0-9][a-z0-9._%+-]{0,63}@(?:[a-z0-9äöü](?:[a-z0-9äöü-]{0,61}[a-z0-9äöü])?\.)+"
                    r"[a-z]{2,24})(?![a-z0-9-])", re.IGNORECASE)
# "info @ x.de" only with a mail domain's ending: "Instagram @blumenhaus.rosenthal" is a handle
_MAIL_TLD = r"(?:de|com|net|org|eu|info|biz|nrw|ruhr|online|email|shop|at|ch)\b"
_SPACED_DOMAIN = r"[a-z0-9][a-z0-9.-]*(?:\.|\s\.\s?|\.\s)" + _MAIL_TLD
_AT = re.compile(r"\s*[\[({<]\s*(?:at|ät|@)\s*[\])}>]\s*|＠|\s+(?:at|ät)\s+|"
                 r"(?<=\w)(?:\s+@\s*|@\s+)(?=" + _SPACED_DOMAIN + ")", re.IGNORECASE)
_DOT = re.compile(r"\s*[\[({<]\s*(?:dot|punkt|\.)\s*[\])}>]\s*|\s+(?:dot|punkt)\s+", re.IGNORECASE)
# "info @ x . de": a dot set apart by spaces before the ending of the domain after the "@"
_SPACED_DOT = re.compile(r"(@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})*)(?:\s\.\s?|\.\s)(?=" + _MAIL_TLD + ")",
                         re.IGNORECASE)
_OBFUSCATION_HINT = re.compile(r"[\[({<]\s*(?:at|ät|@)\s*[\])}>]|\s(?:at|ät)\s|＠|(?<=\w)\s+@|@\s+(?=\w)",
                               re.IGNORECASE)
# An anti-spam word to be taken out of an address ("info@nospam.domain.de", "info.nospam@…", "REMOVE-THIS").
_SPAM_TRAP = re.compile(r"(?<=[@.])(?:no-?spam|remove-?this|spamfrei|antispam)\.|\.(?:no-?spam|remove-?this)(?=@)")
_STRING_LIT = re.compile(r"""(['"])((?:\\.|(?!\1).){0,200}?)\1""")


def _concatenation(group: int) -> str:
    """A script's `'a' + b + 'c'`: string literals and names joined by "+", its two quote groups numbered from
    `group`."""
    def term(n: int) -> str:
        return rf"""(?:(['"])(?:\\.|(?!\{n}).){{0,200}}?\{n}|[A-Za-z_$][\w$]*)"""
    return "(?:" + term(group) + r"\s*\+\s*)+" + term(group + 1)


_CONCAT = re.compile(_concatenation(1))
_VAR = re.compile(r"""(?:var|let|const)?\s*([A-Za-z_$][\w$]*)\s*=\s*(['"])((?:\\.|(?!\2).){0,200}?)\2""")
# (an assignment of a concatenation: "addy = addy + 'firma' + '&#46;' + 'de';")
_ASSIGN = re.compile(r"""(?:var\s+|let\s+|const\s+)?([A-Za-z_$][\w$]*)\s*=\s*(""" + _concatenation(3) + r""")\s*;""")
_CHARCODES = re.compile(r"fromCharCode\(\s*([\d\s,]+)\)")


@dataclass(frozen=True, slots=True)
class EmailHit:
    email: str
    line: int  # -1 for scripts
    method: str  # "link", "text" or "script"


def normalise(raw: str) -> str | None:
    """A clean lower-case address, or None when it is not a plausible real address."""
    addr = unquote(raw).strip().strip("<>.,;:'\"()[]").lower()
    addr = _SPAM_TRAP.sub("", addr.split("?")[0])
    m = _EMAIL.fullmatch(addr)
    if not m:
        return None
    local, _, domain = addr.rpartition("@")
    if addr.endswith(vocab.ASSET_SUFFIXES) or re.search(r"@\d+x\.", addr):
        return None
    if domain in vocab.EXAMPLE_EMAIL_DOMAINS or any(domain.endswith("." + d) for d in vocab.EXAMPLE_EMAIL_DOMAINS):
        return None
    if local in vocab.EXAMPLE_EMAIL_LOCALS and domain.split(".")[0] in ("domain", "example", "beispiel", "muster",
                                                                        "firma", "ihredomain", "test"):
        return None
    if local in ("max.mustermann", "maxmustermann", "erika.mustermann", "vorname.nachname", "ihre.email",
                 "ihre-email", "your.email", "name"):
        return None
    return addr


def deobfuscate(text: str) -> str:
    """`info [at] x [dot] de` → `info@x.de` (only the obfuscation markers are touched)."""
    out = _AT.sub("@", text)
    return _SPACED_DOT.sub(r"\1.", _DOT.sub(".", out))


@lru_cache(maxsize=8192)
def find_in_text(text: str) -> tuple[str, ...]:
    """Addresses written in a text, plain or obfuscated (memoised per text)."""
    found: list[str] = []
    if "@" not in text and not _OBFUSCATION_HINT.search(text):
        return ()
    candidates = [text]
    if _OBFUSCATION_HINT.search(text) or "[dot]" in text.lower() or "(dot)" in text.lower():
        candidates.append(deobfuscate(text))
    for cand in candidates:
        for m in _EMAIL.finditer(cand):
            addr = normalise(m.group(1))
            if addr and addr not in found:
                found.append(addr)
    return tuple(found)


def _unescape_js(s: str) -> str:
    s = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), s)
    s = re.sub(r"\\x([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), s)
    return s.replace("\\'", "'").replace('\\"', '"').replace("\\/", "/")


def _joined(expression: str, variables: dict[str, str]) -> str:
    """The string a script's `'a' + b + 'c'` makes, with the variables' values known so far."""
    return "".join(_unescape_js(p[1:-1]) if p[:1] in "'\"" else variables.get(p, "")
                   for p in re.split(r"\s*\+\s*", expression))


def find_in_scripts(scripts: Iterable[str]) -> list[str]:
    """Addresses an inline script would assemble: concatenations, variables, char codes, reversed strings."""
    found: list[str] = []

    def add(text: str) -> None:
        # (Joomla's cloak writes "@" and "." as HTML entities in its string literals: 'glas' + '&#64;')
        for addr in find_in_text(unescape(text) if "&#" in text or "&amp;" in text else text):
            if addr not in found:
                found.append(addr)

    for script in scripts:
        if not script or len(script) > 200_000:
            continue
        # Every way of assembling an address in script text keeps an "@" somewhere, or builds it from char codes.
        if "@" not in script and "fromCharCode" not in script and "\\x40" not in script and "\\u0040" not in script \
                and "&#64;" not in script:
            continue
        variables = {m.group(1): _unescape_js(m.group(3)) for m in _VAR.finditer(script)}
        # (a variable built up in steps, as Joomla 1.5's cloak does: "var addy = 'info' + '&#64;'; addy = addy +
        # 'firma' + '&#46;' + 'de';", each step read with the values so far)
        built = dict(variables)
        for m in _ASSIGN.finditer(script):
            built[m.group(1)] = _joined(m.group(2), built)
            add(built[m.group(1)])
        for m in _CONCAT.finditer(script):
            add(_joined(m.group(0), variables))
        for m in _CHARCODES.finditer(script):
            try:
                add("".join(chr(int(c)) for c in m.group(1).split(",") if c.strip()))
            except ValueError:
                continue
        reverse = "reverse" in script
        for m in _STRING_LIT.finditer(script):
            lit = _unescape_js(m.group(2))
            if "@" in lit or "mailto" in lit:
                add(lit.replace("mailto:", " "))
                if reverse:
                    add(lit[::-1])
    return found


def find_emails(doc: Doc) -> list[EmailHit]:
    hits: list[EmailHit] = []
    seen: set[tuple[str, int]] = set()
    # One search over the whole text decides whether any line needs a closer look.
    whole = "\n".join(line.text for line in doc.lines)
    scan_text = "@" in whole or bool(_OBFUSCATION_HINT.search(whole))
    for line in doc.lines:
        for href, _text in line.mails:
            for part in re.split(r"[,;]", unquote(href).split("?")[0]):
                addr = normalise(part)
                if addr and (addr, line.index) not in seen:
                    seen.add((addr, line.index))
                    hits.append(EmailHit(addr, line.index, "link"))
        for addr in find_in_text(line.text) if scan_text else ():
            if (addr, line.index) not in seen:
                seen.add((addr, line.index))
                hits.append(EmailHit(addr, line.index, "text"))
    for addr in find_in_scripts(doc.scripts):
        hits.append(EmailHit(addr, -1, "script"))
    return hits
