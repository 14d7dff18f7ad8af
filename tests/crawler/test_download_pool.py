"""The crawl's connection pool: idle keep-alive connections close after a few seconds, and a host the crawl is done
with leaves nothing behind in the pool (Twisted's own pool keeps an entry per host for the whole run)."""

from __future__ import annotations

from twisted.internet.task import Clock
from twisted.web.client import HTTPConnectionPool

from marktplatz.crawler.download import IDLE_CONNECTION_SECONDS, SitePool


class _Transport:
    def __init__(self) -> None:
        self.closed = False

    def loseConnection(self) -> None:
        self.closed = True


class _IdleConnection:
    """What the pool sees of a keep-alive HTTP connection that finished its request."""

    state = "QUIESCENT"

    def __init__(self) -> None:
        self.transport = _Transport()


def _idle_hosts(pool_class: type[HTTPConnectionPool], hosts: int) -> tuple[HTTPConnectionPool, list[_IdleConnection]]:
    clock = Clock()
    pool = pool_class(clock, persistent=True)
    pool.cachedConnectionTimeout = IDLE_CONNECTION_SECONDS
    connections = []
    for n in range(hosts):
        for _ in range(2):
            connection = _IdleConnection()
            pool._putConnection((b"http", f"www.laden-{n}.de".encode(), 80), connection)
            connections.append(connection)
    clock.advance(IDLE_CONNECTION_SECONDS + 1)
    return pool, connections


def test_finished_hosts_leave_no_entries_and_their_connections_are_closed() -> None:
    pool, connections = _idle_hosts(SitePool, 50)
    assert all(c.transport.closed for c in connections)
    assert pool._connections == {}
    assert pool._timeouts == {}


def test_twisteds_own_pool_keeps_an_entry_per_host() -> None:
    """Why `SitePool` exists: if Twisted ever drops the empty entries itself, this fails and the subclass can go."""
    pool, _ = _idle_hosts(HTTPConnectionPool, 50)
    assert len(pool._connections) == 50


def test_a_host_still_in_use_keeps_its_other_connection() -> None:
    clock = Clock()
    pool = SitePool(clock, persistent=True)
    pool.cachedConnectionTimeout = IDLE_CONNECTION_SECONDS
    key = (b"http", b"www.laden.de", 80)
    first, second = _IdleConnection(), _IdleConnection()
    pool._putConnection(key, first)
    clock.advance(IDLE_CONNECTION_SECONDS - 1)
    pool._putConnection(key, second)
    clock.advance(2)  # the first one's idle time is over, the second one's not
    assert first.transport.closed and not second.transport.closed
    assert pool._connections == {key: [second]}

