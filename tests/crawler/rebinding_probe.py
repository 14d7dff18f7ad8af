"""Run by test_resolver.py in its own process: a real reactor, real loopback listeners, a lying DNS.

Prints one JSON line: which listener got which connection, and how each connection attempt ended.
"""

from __future__ import annotations

import json
import sys

from twisted.internet import asyncioreactor

asyncioreactor.install()

from twisted.internet import defer, protocol, reactor  # noqa: E402
from twisted.internet.endpoints import HostnameEndpoint  # noqa: E402

from marktplatz.config import parse_cidrs  # noqa: E402
from marktplatz.crawler.guard import AddressPolicy  # noqa: E402
from marktplatz.crawler.resolver import GuardedResolver, system_lookup  # noqa: E402

ANSWERS = {
    "rebind": [["127.0.0.1"], ["127.0.0.2"]],  # checked once as allowed, then "rebound" to a forbidden address
    "multi": [["127.0.0.2", "127.0.0.3", "127.0.0.1"]],  # one allowed address among forbidden ones
    "forbidden": [["127.0.0.2"]],
}
calls: dict[str, int] = {}
accepted: list[str] = []


def lookup(host: str) -> list[str]:
    if host not in ANSWERS:
        return system_lookup(host)  # IP literals resolve to themselves
    n = calls.get(host, 0)
    calls[host] = n + 1
    answers = ANSWERS[host]
    return answers[min(n, len(answers) - 1)]


class Listener(protocol.Protocol):
    def connectionMade(self) -> None:
        accepted.append(self.transport.getHost().host)
        self.transport.loseConnection()


async def attempt(host: str, port: int) -> str:
    endpoint = HostnameEndpoint(reactor, host, port, timeout=2)
    try:
        proto = await defer.ensureDeferred(endpoint.connect(protocol.Factory.forProtocol(protocol.Protocol)))
    except Exception as exc:
        return type(exc).__name__
    proto.transport.loseConnection()
    return "connected"


async def main() -> None:
    factory = protocol.Factory.forProtocol(Listener)
    ports = [reactor.listenTCP(0, factory, interface="127.0.0.1")]
    port = ports[0].getHost().port
    for addr in ("127.0.0.2", "127.0.0.3"):
        ports.append(reactor.listenTCP(port, factory, interface=addr))
    resolver = GuardedResolver(reactor, AddressPolicy(parse_cidrs("127.0.0.1/32")), lookup=lookup, cache_ttl=0)
    reactor.installNameResolver(resolver)
    results = {name: await attempt(host, port) for name, host in
               [("rebind-1", "rebind"), ("rebind-2", "rebind"), ("multi", "multi"), ("forbidden", "forbidden"),
                ("literal-forbidden", "127.0.0.2"), ("literal-allowed", "127.0.0.1")]}
    d: defer.Deferred[None] = defer.Deferred()
    reactor.callLater(0.3, d.callback, None)
    await d
    print(json.dumps({"results": results, "accepted": accepted}))
    reactor.stop()


reactor.callWhenRunning(lambda: defer.ensureDeferred(main()).addErrback(lambda f: (print(f), reactor.stop())))
reactor.run()
sys.exit(0)
