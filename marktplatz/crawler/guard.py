"""The private-address guard: which IP addresses the crawler may connect to.

Outsiders type the URLs we fetch, so by default only globally routable unicast addresses are reachable. Loopback,
private, link-local (incl. the cloud metadata address 169.254.169.254), CGNAT, multicast, unspecified, reserved,
IPv6 ULA/link-local and IPv4 addresses hidden inside IPv6 (mapped, 6to4, Teredo, NAT64) are refused unless the
operator lists them in `MARKTPLATZ_ALLOW_PRIVATE`.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

from marktplatz.config import IPNetwork

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_CGNAT = ipaddress.ip_network("100.64.0.0/10")


class BlockedAddress(Exception):
    """A connection target the guard refuses; the message names the address and the rule."""


@dataclass(frozen=True)
class AddressPolicy:
    allow: tuple[IPNetwork, ...] = ()

    def check(self, address: str | IPAddress) -> None:
        """Raise `BlockedAddress` unless the address may be connected to."""
        reason = self.refusal(address)
        if reason:
            raise BlockedAddress(reason)

    def allows(self, address: str | IPAddress) -> bool:
        return self.refusal(address) is None

    def refusal(self, address: str | IPAddress) -> str | None:
        """Why `address` is refused, or None when it is allowed."""
        try:
            ip = ipaddress.ip_address(address) if isinstance(address, str) else address
        except ValueError:
            return f"{address!r} is not an IP address"
        if isinstance(ip, ipaddress.IPv6Address) and ip.scope_id:
            ip = ipaddress.IPv6Address(str(ip).split("%")[0])
        if self._explicitly_allowed(ip):
            return None
        for inner in _embedded_ipv4(ip):
            if self._explicitly_allowed(inner):
                return None
            why = _non_global_reason(inner)
            if why:
                return f"{ip} embeds {inner}, a {why} address"
        why = _non_global_reason(ip)
        return f"{ip} is a {why} address" if why else None

    def _explicitly_allowed(self, ip: IPAddress) -> bool:
        return any(ip.version == net.version and ip in net for net in self.allow)

    def filter(self, addresses: Iterable[str]) -> tuple[list[str], list[str]]:
        """Split resolved addresses into (allowed, refusal reasons)."""
        ok, refused = [], []
        for addr in addresses:
            reason = self.refusal(addr)
            if reason:
                refused.append(reason)
            else:
                ok.append(addr)
        return ok, refused


def _embedded_ipv4(ip: IPAddress) -> list[ipaddress.IPv4Address]:
    if not isinstance(ip, ipaddress.IPv6Address):
        return []
    out = [x for x in (ip.ipv4_mapped, ip.sixtofour) if x is not None]
    if ip.teredo:
        out.extend(ip.teredo)
    if ip in _NAT64:
        out.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return out


def _non_global_reason(ip: IPAddress) -> str | None:
    # Order matters: Python counts 0.0.0.0/8 and 240.0.0.0/4 as "private" too; name the more precise reason.
    if ip.is_loopback:
        return "loopback"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT:
        return "carrier-grade NAT"
    if ip.is_reserved:
        return "reserved"
    if ip.is_private:
        return "private"
    if not ip.is_global:
        return "non-global"
    return None
