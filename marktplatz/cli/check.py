"""`marktplatz check`: the cheap daily link-health check of every home page (no full crawl)."""

from __future__ import annotations

import argparse
import time
from typing import Any

from marktplatz.cli.app import App, CliError, positive_int
from marktplatz.cli.progress import SiteProgress


def register(sub: Any) -> None:
    check = sub.add_parser("check", help="daily link-health check of every home page",
                           description="Fetch every trader's home page once (no full crawl): status, redirects, "
                                       "DNS, TLS certificate (verified against the system's CA store), parked "
                                       "pages, soft 404s. A failure is retried by a second strategy (www twin or "
                                       "other scheme) and recorded in the health history; a working site counts "
                                       "as broken/unreachable only after N failures from different checks.")
    check.add_argument("--trader", action="append", default=[], metavar="ID", help="check only this trader (repeat)")
    check.add_argument("--timeout", type=_seconds, metavar="SECONDS",
                       help="time limit per request (default: the crawl's, 20 s)")
    check.add_argument("--failures-to-down", type=positive_int, default=None, metavar="N",
                       help="consecutive failed checks before a working site is reported down "
                            "(default: [health] failures_to_down in MARKTPLATZ_CONFIG, else 2)")
    check.set_defaults(func=cmd_check)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0.1 <= value <= 300:
        raise argparse.ArgumentTypeError("must be between 0.1 and 300 seconds")
    return value


def cmd_check(app: App, args: argparse.Namespace) -> int:
    from marktplatz.crawler.runner import UnknownTraders
    from marktplatz.monitor.check import run_check
    from marktplatz.monitor.status import HealthRules

    app.require_schema()
    # The check is cheap and runs on one machine whether or not crawls are shared through Redis.
    rules = app.settings.health
    if args.failures_to_down is not None:
        rules = HealthRules(failures_to_down=args.failures_to_down, min_checks=min(rules.min_checks,
                                                                                   args.failures_to_down),
                            flapping_window=rules.flapping_window, flapping_changes=rules.flapping_changes)
    started = time.monotonic()
    progress = SiteProgress(app.progress, "check")
    try:
        summary = run_check(app.settings, args.trader, rules=rules, timeout=args.timeout,
                            progress=progress.site_done, on_start=progress.start)
    except UnknownTraders as exc:
        raise CliError(str(exc)) from exc
    finally:
        progress.close()
    seconds = time.monotonic() - started
    by_status = progress.by_status()
    pending = int(summary.stats.get("marktplatz/check/unconfirmed", 0))
    retried = int(summary.stats.get("marktplatz/check/second_strategy", 0))
    print(f"check: {summary.sites} site(s), {by_status}; {pending} failing but not yet confirmed; "
          f"{retried} retried by a second strategy; {seconds:.1f} s (run {summary.run_id}, {summary.status})")
    if summary.status != "finished":
        raise CliError(f"check run {summary.run_id} ended {summary.status}")
    return 0
