"""The worker's scheduler: site starts come from (and go to) the shared scrapy-redis queue and duplicate filter;
a taken site's own requests stay in this worker's local priority queue."""

from __future__ import annotations

import heapq
import itertools
from typing import Any

from scrapy import Request
from scrapy_redis.scheduler import Scheduler as RedisScheduler

from marktplatz.crawler.distributed.keys import worker_id


class SiteAffinityScheduler(RedisScheduler):
    def open(self, spider: Any) -> None:
        super().open(spider)
        self.local: list[tuple[int, int, Request]] = []
        self._seq = itertools.count()
        self.worker = worker_id()

    def enqueue_request(self, request: Request) -> bool:
        if request.meta.get("local"):
            heapq.heappush(self.local, (-request.priority, next(self._seq), request))
            return True
        return bool(super().enqueue_request(request))

    def next_request(self) -> Request | None:
        if self.local:
            return heapq.heappop(self.local)[2]
        spider = self.spider
        if len(spider.held) >= spider.max_active_sites:
            return None  # enough sites on this worker; leave the rest to the others
        request: Request | None = super().next_request()
        if request is not None:
            trader_id = request.meta["trader_id"]
            spider.held.add(trader_id)
            spider.runbook.take(trader_id, self.worker)
        return request

    def has_pending_requests(self) -> bool:
        if self.local:
            return True
        return len(self.spider.held) < self.spider.max_active_sites and bool(super().has_pending_requests())

    def __len__(self) -> int:
        return len(self.local) + len(self.queue)
