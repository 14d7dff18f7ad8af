"""Why a host name did not resolve: the name does not exist (NXDOMAIN) or the lookup failed for now.

The crawler's guarded resolver only says "no address"; after such a failure the check asks once more here (blocking:
run it in a thread) to tell a deleted domain from a resolver hiccup.
"""

from __future__ import annotations

import socket
from collections.abc import Callable

NXDOMAIN_CODES = frozenset({socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)})
TEMPORARY_CODES = frozenset({socket.EAI_AGAIN, getattr(socket, "EAI_FAIL", socket.EAI_AGAIN)})


def dns_failure_kind(host: str, lookup: Callable[[str], object] | None = None) -> str:
    """`nxdomain` (the name does not exist), `temporary` (try again later), `resolves` (it works now) or `other`."""
    resolve = lookup or (lambda name: socket.getaddrinfo(name, None, type=socket.SOCK_STREAM))
    try:
        resolve(host)
    except socket.gaierror as exc:
        if exc.errno in NXDOMAIN_CODES:
            return "nxdomain"
        if exc.errno in TEMPORARY_CODES:
            return "temporary"
        return "other"
    except (OSError, UnicodeError):
        return "other"
    return "resolves"
