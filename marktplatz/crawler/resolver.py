"""The crawler's DNS resolver: every connection Scrapy makes resolves its host here, and only to allowed addresses.

Twisted's `HostnameEndpoint` connects to exactly the addresses this resolver hands over (IP literals included), so
the address that is checked is the address that is connected to: a DNS answer that changes between a check and the
connection (rebinding) cannot slip through. A host whose every address is refused fails like an unknown host; the
reason is kept in `REFUSALS` so the spider can record it as the site's status.

Answers are cached (5 minutes), failed lookups too (1 minute), and concurrent lookups of one host share one system
call: many trader sites link to the same few external hosts, and a dead domain in a shared footer (a former web
designer's, say) would otherwise cost every site its own slow failing lookup in the reactor's small thread pool.
"""

from __future__ import annotations

import socket
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from twisted.internet.address import IPv4Address, IPv6Address
from twisted.internet.interfaces import IHostnameResolver, IHostResolution
from twisted.internet.threads import deferToThreadPool
from zope.interface import implementer

from marktplatz.crawler.guard import AddressPolicy

CACHE_TTL_SECONDS = 300.0
FAILED_LOOKUP_TTL_SECONDS = 60.0
CACHE_SIZE = 20_000

Lookup = Callable[[str], Sequence[str]]


class _Refusals(OrderedDict[str, str]):
    """Host → why all its addresses were refused (bounded, newest kept)."""

    def remember(self, host: str, reason: str) -> None:
        self[host] = reason
        self.move_to_end(host)
        while len(self) > CACHE_SIZE:
            self.popitem(last=False)


REFUSALS = _Refusals()


def system_lookup(host: str) -> list[str]:
    """All addresses the system resolver gives for `host` (IPv4 and IPv6, TCP)."""
    infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    seen: list[str] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        addr = str(sockaddr[0]).split("%")[0]
        if addr not in seen:
            seen.append(addr)
    return seen


@implementer(IHostResolution)
class _Resolution:
    def __init__(self, name: str) -> None:
        self.name = name

    def cancel(self) -> None:
        pass


@implementer(IHostnameResolver)
class GuardedResolver:
    """An `IHostnameResolver` that filters every answer through the `AddressPolicy`."""

    def __init__(self, reactor: Any, policy: AddressPolicy, hosts: Mapping[str, Sequence[str]] | None = None,
                 lookup: Lookup = system_lookup, cache_ttl: float = CACHE_TTL_SECONDS) -> None:
        self.reactor = reactor
        self.policy = policy
        self.hosts = {k.lower(): list(v) for k, v in (hosts or {}).items()}
        self.lookup = lookup
        self.cache_ttl = cache_ttl
        self._cache: OrderedDict[str, tuple[float, list[str]]] = OrderedDict()
        self._inflight: dict[str, list[Callable[[list[str]], None]]] = {}  # host → who waits for its lookup

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> GuardedResolver:
        settings = crawler.settings
        policy = settings.get("MARKTPLATZ_ADDRESS_POLICY") or AddressPolicy()
        hosts = settings.getdict("MARKTPLATZ_HOSTS")
        return cls(reactor, policy, hosts)

    def install_on_reactor(self) -> None:
        self.reactor.installNameResolver(self)

    def resolveHostName(self, resolutionReceiver: Any, hostName: str, portNumber: int = 0,
                        addressTypes: Sequence[type[Any]] | None = None, transportSemantics: str = "TCP") -> Any:
        # Typed as Any: mypy cannot check zope interfaces (IResolutionReceiver, IHostResolution).
        resolution = _Resolution(hostName)
        resolutionReceiver.resolutionBegan(resolution)
        host = hostName.strip("[]").lower()

        def deliver(addresses: list[str]) -> None:
            # No address (a failed lookup) completes without one: the connection fails as for an unknown host.
            allowed, refused = self.policy.filter(addresses)
            if not allowed and refused:
                REFUSALS.remember(host, "; ".join(refused))
            for addr in allowed:
                if ":" in addr:
                    resolutionReceiver.addressResolved(IPv6Address("TCP", addr, portNumber))
                else:
                    resolutionReceiver.addressResolved(IPv4Address("TCP", addr, portNumber))
            resolutionReceiver.resolutionComplete()

        cached = self._cached(host)
        if cached is not None:
            deliver(cached)
            return resolution
        waiting = self._inflight.get(host)
        if waiting is not None:
            waiting.append(deliver)
            return resolution
        self._inflight[host] = [deliver]
        d = deferToThreadPool(self.reactor, self.reactor.getThreadPool(), self._resolve, host)
        d.addCallbacks(lambda addresses: self._answered(host, addresses, self.cache_ttl),
                       lambda _failure: self._answered(host, [], FAILED_LOOKUP_TTL_SECONDS))
        return resolution

    def _answered(self, host: str, addresses: list[str], ttl: float) -> None:
        self._remember(host, addresses, ttl)
        for deliver in self._inflight.pop(host, []):
            deliver(addresses)

    def _resolve(self, host: str) -> list[str]:
        # Runs in a worker thread: no shared state is touched here.
        return list(self.hosts[host]) if host in self.hosts else list(self.lookup(host))

    def _remember(self, host: str, addresses: list[str], ttl: float) -> None:
        self._cache[host] = (time.monotonic() + ttl, addresses)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)

    def _cached(self, host: str) -> list[str] | None:
        entry = self._cache.get(host)
        if entry is None or entry[0] < time.monotonic():
            return None
        return entry[1]
