"""Redis key names and the per-run bookkeeping: which sites a run has, which wait in the queue, which are done,
and which are leased by a living worker."""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterable
from dataclasses import dataclass

from redis import Redis

PREFIX = "marktplatz"
SPIDER = "sites"
QUEUE_KEY = f"{PREFIX}:%(spider)s:requests"
DUPEFILTER_KEY = f"{PREFIX}:%(spider)s:dupefilter"
CURRENT_RUN = f"{PREFIX}:run"


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass
class RunBook:
    """The Redis side of one distributed crawl run."""

    redis: Redis
    run_id: int
    lease_seconds: int = 60

    def _k(self, name: str) -> str:
        return f"{PREFIX}:run:{self.run_id}:{name}"

    def lease_key(self, trader_id: str) -> str:
        return self._k(f"lease:{trader_id}")

    def register(self, sites: Iterable[tuple[str, str, int]]) -> None:
        """Sites of the run: (trader id, home URL, priority)."""
        pipe = self.redis.pipeline()
        for trader_id, url, priority in sites:
            pipe.sadd(self._k("pending"), trader_id)
            pipe.sadd(self._k("queued"), trader_id)
            pipe.hset(self._k("sites"), trader_id, json.dumps([url, priority]))
        pipe.set(CURRENT_RUN, self.run_id)
        pipe.execute()

    def site(self, trader_id: str) -> tuple[str, int] | None:
        raw = self.redis.hget(self._k("sites"), trader_id)
        if raw is None:
            return None
        url, priority = json.loads(raw)
        return str(url), int(priority)

    def take(self, trader_id: str, worker: str) -> None:
        """A worker took the site from the queue: it is leased, no longer queued."""
        pipe = self.redis.pipeline()
        pipe.srem(self._k("queued"), trader_id)
        pipe.set(self.lease_key(trader_id), worker, ex=self.lease_seconds)
        pipe.execute()

    def renew(self, trader_ids: Iterable[str], worker: str) -> None:
        pipe = self.redis.pipeline()
        for trader_id in trader_ids:
            pipe.set(self.lease_key(trader_id), worker, ex=self.lease_seconds)
        pipe.execute()

    def finish(self, trader_id: str) -> None:
        pipe = self.redis.pipeline()
        pipe.sadd(self._k("done"), trader_id)
        pipe.delete(self.lease_key(trader_id))
        pipe.execute()

    def counts(self) -> tuple[int, int]:
        """(sites in the run, sites done)."""
        return int(self.redis.scard(self._k("pending"))), int(self.redis.scard(self._k("done")))

    def complete(self) -> bool:
        pending, done = self.counts()
        return done >= pending

    def claim_lost(self) -> list[str]:
        """Sites neither done, nor waiting in the queue, nor leased by a living worker (their worker died), marked
        as queued again; the caller puts their requests back into the queue.

        One Lua script, so Redis runs it atomically. Read in steps, a site could finish between the reading of the
        open sites and the look at its lease (finishing deletes the lease), and so look lost and be crawled twice;
        and two idle workers could both put back the same site."""
        lost = self.redis.eval(_CLAIM_LOST, 3, self._k("pending"), self._k("done"), self._k("queued"),
                               self.lease_key(""))
        return sorted(raw.decode() if isinstance(raw, bytes) else str(raw) for raw in lost)


# KEYS: pending, done, queued; ARGV[1]: the prefix of the lease keys.
_CLAIM_LOST = """
local lost = {}
for _, id in ipairs(redis.call('SDIFF', KEYS[1], KEYS[2], KEYS[3])) do
  if redis.call('EXISTS', ARGV[1] .. id) == 0 then
    redis.call('SADD', KEYS[3], id)
    table.insert(lost, id)
  end
end
return lost
"""


def current_run(redis: Redis) -> int | None:
    raw = redis.get(CURRENT_RUN)
    return int(raw) if raw is not None else None
