"""`marktplatz crawl`, `check`, `extract` and `reprocess`: fetching sites and reading pages."""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from marktplatz.cli.app import App, CliError, positive_int
from marktplatz.cli.progress import SiteProgress


def register(sub: Any) -> None:
    crawl = sub.add_parser("crawl", help="one polite crawl of every trader's site (or the named ones)",
                           description="Fetch, extract, store, audit and check links of every trader's website "
                                       "(or only --trader ones), within the per-site bounds.")
    crawl.add_argument("--trader", action="append", default=[], metavar="ID", help="crawl only this trader (repeat)")
    crawl.add_argument("--max-pages", type=positive_int, metavar="N", help="pages per site (default 30)")
    crawl.add_argument("--worker", action="store_true",
                       help="with MARKTPLATZ_REDIS: work on the current distributed run until all its sites are done")
    crawl.add_argument("--no-wait", action="store_true",
                       help="with MARKTPLATZ_REDIS: only enqueue the sites; workers do the rest")
    crawl.set_defaults(func=cmd_crawl)

    ex = sub.add_parser("extract", help="run the extraction on one saved page or live URL",
                        description="Print the typed record of one page as JSON: the feed's field names plus each "
                                    "field's provenance and confidence.")
    ex.add_argument("source", metavar="FILE|URL", help="a saved HTML file, or an http(s) URL fetched through the guard")
    ex.add_argument("--base-url", help="the URL the saved file was served from (resolves relative links)")
    ex.set_defaults(func=cmd_extract)

    rp = sub.add_parser("reprocess", help="re-run extraction and audit on stored pages (no fetching)",
                        description="Re-extract listings and re-audit sites from the stored raw bodies.")
    rp.add_argument("--trader", action="append", default=[], metavar="ID", help="only this trader (repeat)")
    rp.set_defaults(func=cmd_reprocess)


def cmd_crawl(app: App, args: argparse.Namespace) -> int:
    from marktplatz.crawler.runner import UnknownTraders, run_crawl

    app.require_schema()
    settings = app.settings.with_limits(max_pages=args.max_pages) if args.max_pages else app.settings
    if args.worker or settings.redis_url:
        return _crawl_distributed(app, settings, args)
    started = time.monotonic()
    progress = SiteProgress(app.progress, "crawl")
    try:
        summary = run_crawl(settings, args.trader, progress=progress.site_done, on_start=progress.start)
    except UnknownTraders as exc:
        raise CliError(str(exc)) from exc
    finally:
        progress.close()
    seconds = time.monotonic() - started
    for trader_id, why in summary.skipped.items():
        print(f"crawl: trader {trader_id} not crawled: {why}", file=sys.stderr)
    by_status = progress.by_status()
    errors = sum(v for k, v in summary.stats.items() if k.startswith("marktplatz/errors/"))
    print(f"crawl: {summary.sites} site(s), {summary.pages} page(s), {by_status}; {errors} fetch error(s); "
          f"{seconds:.1f} s (run {summary.run_id}, {summary.status})")
    if summary.status != "finished":
        raise CliError(f"crawl run {summary.run_id} ended {summary.status}")
    failed = int(summary.stats.get("marktplatz/sites/failed", 0))
    if failed:
        log_file = app.settings.logs_dir / "marktplatz.log"
        raise CliError(f"{failed} site(s) were fetched but could not be processed; their listings are unchanged "
                       f"(the error is in {log_file})")
    return 0


def _crawl_distributed(app: App, settings: Any, args: argparse.Namespace) -> int:
    """MARKTPLATZ_REDIS set: `crawl` enqueues the run's sites and waits; `crawl --worker` works on them."""
    from redis.exceptions import RedisError

    from marktplatz.crawler.distributed.coordinator import RunInProgress, enqueue_run, wait_for_run
    from marktplatz.crawler.runner import run_worker

    if not settings.redis_url:
        raise CliError("--worker needs MARKTPLATZ_REDIS (the Redis URL the workers share)")
    started = time.monotonic()
    try:
        if args.worker:
            summary = run_worker(settings)
            if summary is None:
                print("crawl --worker: no distributed run in progress; nothing to do")
                return 0
            print(f"crawl --worker: run {summary.run_id}: {summary.sites} site(s) crawled by this worker, "
                  f"{summary.pages} page(s); {time.monotonic() - started:.1f} s")
            return 0
        queued = enqueue_run(settings, args.trader)
        print(f"crawl: run {queued.run_id}: {queued.sites} site(s) queued in Redis")
        if args.no_wait:
            return 0
        bar = app.progress(queued.sites, "crawl")
        seen = 0
        with bar:
            def progress(total: int, done: int) -> None:
                nonlocal seen
                for _ in range(done - seen):
                    bar.advance()
                seen = max(seen, done)

            stats = wait_for_run(settings, queued.run_id, progress)
    except RunInProgress as exc:
        raise CliError(str(exc)) from exc
    except RedisError as exc:
        raise CliError(f"Redis at {settings.redis_url}: {exc}") from exc
    print(f"crawl: run {queued.run_id}: {stats['sites_done']} of {stats['sites']} site(s) done by the workers, "
          f"{stats['fetches']} fetch(es); {time.monotonic() - started:.1f} s")
    return 0


def cmd_extract(app: App, args: argparse.Namespace) -> int:
    from marktplatz.crawler.pages import extract_page, merge_site

    source: str = args.source
    headers: dict[str, str] = {}
    if source.startswith(("http://", "https://")):
        from marktplatz.crawler.fetch_one import fetch_one
        from marktplatz.registry.urls import WebsiteError, normalise_website

        try:
            url = normalise_website(source).url
        except WebsiteError as exc:
            raise CliError(str(exc)) from exc
        fetched = fetch_one(app.settings, url)
        if fetched.error or fetched.body is None:
            raise CliError(f"{url}: {fetched.error or 'no body'}")
        if fetched.status and fetched.status >= 400:
            raise CliError(f"{url}: HTTP {fetched.status}")
        body, url, headers = fetched.body, fetched.final_url or url, fetched.headers
    else:
        path = Path(source)
        if not path.is_file():
            raise CliError(f"{source}: no such file (give a saved HTML file or an http(s) URL)")
        body = path.read_bytes()
        url = args.base_url or path.resolve().as_uri()
    from marktplatz.processing import local_date

    today = local_date(datetime.now(UTC))
    record = extract_page(body, url, headers, today=today)
    site = merge_site([record], url, today=today)
    out = site.to_feed()
    out["url"] = url
    out["provenance"] = site.provenance()
    if record.error:
        out["error"] = record.error
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


def cmd_reprocess(app: App, args: argparse.Namespace) -> int:
    from marktplatz.db.bodies import BodyStore
    from marktplatz.db.engine import transaction
    from marktplatz.db.models import Trader
    from marktplatz.db.repo.traders import traders_to_crawl
    from marktplatz.processing import process_site

    app.require_schema()
    with app.sessions() as session:
        ids = [t.id for t in traders_to_crawl(session, args.trader)]
    store = BodyStore(app.settings.bodies_dir)
    done = 0
    for trader_id in ids:
        with transaction(app.sessions) as session:
            trader = session.get(Trader, trader_id)
            if trader is not None:
                process_site(session, store, trader, None, datetime.now(UTC), record_health=False)
                done += 1
    print(f"reprocess: {done} site(s) re-extracted and re-audited from stored pages")
    return 0
