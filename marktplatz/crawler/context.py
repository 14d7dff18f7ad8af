"""What a crawl process shares between its spider and pipelines: settings, the run id, db sessions, body store.

Built once by the runner and handed to Scrapy as the `MARKTPLATZ_CONTEXT` setting (settings may hold objects).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from marktplatz.config import Settings
from marktplatz.db.bodies import BodyStore


@dataclass
class CrawlContext:
    settings: Settings
    run_id: int | None
    sessions: sessionmaker[Session]
    store: BodyStore
    progress: Callable[[str, str], None] | None = None  # (trader_id, site_status) after each site
    site_finished: Callable[[str], None] | None = None  # after a site's results are stored (distributed mode)
    take_pages: Callable[[str], list[dict[str, Any]]] | None = None  # a finished site's fetch facts (StorePagePipeline)
    close_processing: Callable[..., None] | None = None  # stops the site processor's workers (FinishSitePipeline)

    def __deepcopy__(self, memo: dict[int, Any]) -> CrawlContext:
        # Scrapy deep-copies its settings; the context holds live connections and must stay one object.
        return self


def context_from(crawler: Any) -> CrawlContext:
    ctx = crawler.settings.get("MARKTPLATZ_CONTEXT")
    if not isinstance(ctx, CrawlContext):
        raise RuntimeError("MARKTPLATZ_CONTEXT is not set: crawls are started through marktplatz.crawler.runner")
    return ctx
