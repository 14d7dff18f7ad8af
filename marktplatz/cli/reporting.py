"""`marktplatz report` (the weekly German report) and `marktplatz serve` (read-only HTTP for feed and report)."""

from __future__ import annotations

import argparse
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from marktplatz.cli.app import App, CliError


def register(sub: Any) -> None:
    rep = sub.add_parser("report", help="write the weekly report (HTML + CSV)",
                         description="Write the weekly site-quality report: DIR/index.html with charts, and CSVs.")
    rep.add_argument("--week", type=_week, metavar="YYYY-Www", help="the ISO week (default: the current one)")
    rep.add_argument("--out", required=True, metavar="DIR", help="folder to write the report into")
    rep.set_defaults(func=cmd_report)

    srv = sub.add_parser("serve", help="read-only HTTP: /feed.json, /feed.jsonld, /feed.csv, /report/, /health",
                         description="Serve the feed and the latest report read-only over HTTP.")
    srv.add_argument("--port", type=int, default=8080, help="port (default 8080; 0 picks a free one)")
    srv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    srv.add_argument("--report-dir", metavar="DIR",
                     help="the report to serve at /report/: a report folder, or a folder of them (the newest is "
                          "served); default: DATA_DIR/reports")
    srv.set_defaults(func=cmd_serve)


def _week(text: str) -> str:
    if not re.fullmatch(r"\d{4}-W(0[1-9]|[1-4]\d|5[0-3])", text):
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO week like 2026-W48")
    return text


def cmd_report(app: App, args: argparse.Namespace) -> int:
    from marktplatz.reports.weekly.build import build_report
    from marktplatz.reports.weekly.period import current_week, parse_week
    from marktplatz.reports.weekly.write import write_report

    out = Path(args.out).expanduser()
    if out.exists() and not out.is_dir():
        raise CliError(f"--out {args.out}: is a file; give a folder")
    tz = ZoneInfo(app.settings.timezone)
    now = datetime.now(UTC)
    week = parse_week(args.week, tz) if args.week else current_week(now, tz)
    if week.start > now:
        raise CliError(f"week {week.label} has not started yet")
    with app.reading() as session:
        report = build_report(session, week, now, tz)
    written = write_report(report, out)
    sites = report.trend[-1][1]
    print(f"report: {week.label}, {sites.checked} site(s) checked, {len(written)} file(s) → {written[0]}")
    return 0


def cmd_serve(app: App, args: argparse.Namespace) -> int:
    from marktplatz.reports.serve import FeedHTTPServer, Publisher, iter_paths

    app.require_schema()
    reports_dir = Path(args.report_dir).expanduser() if args.report_dir else app.settings.reports_dir
    try:
        server = FeedHTTPServer((args.host, args.port), Publisher(app.reading, reports_dir, app.settings.health))
    except OSError as exc:
        raise CliError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from exc
    host, port = server.server_address[:2]
    base = f"http://{host if isinstance(host, str) else host.decode()}:{port}"
    print(f"serve: {base}/ ({', '.join(iter_paths())}); report from {reports_dir}; Ctrl-C stops", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    print("serve: stopped")
    return 0
