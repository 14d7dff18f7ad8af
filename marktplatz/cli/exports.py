"""`marktplatz export feed|leads|health|changes`: the files other systems and people read."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from marktplatz.cli.app import App, CliError
from marktplatz.util.files import atomic_write_bytes, atomic_write_text

BERLIN = ZoneInfo("Europe/Berlin")

FORMATS = {"feed": ("json", "jsonld", "csv"), "leads": ("csv", "xlsx"), "health": ("json", "csv"),
           "changes": ("json", "csv")}


def register(sub: Any) -> None:
    p = sub.add_parser("export", help="write the listings feed, lead list, link health or change log",
                       description="Write one export file.")
    esub = p.add_subparsers(dest="export_command", metavar="WHAT", required=True)
    helps = {"feed": "the listings feed for the directory", "leads": "the designers' lead list",
             "health": "per-site link health", "changes": "change records (field, old, new, when, source)"}
    for what, formats in FORMATS.items():
        e = esub.add_parser(what, help=helps[what], description=f"Export {helps[what]}.")
        e.add_argument("--format", required=True, choices=formats, help="file format")
        e.add_argument("--out", required=True, metavar="FILE", help="where to write (written atomically)")
        if what == "changes":
            e.add_argument("--since", type=_date, metavar="DATE", help="only changes on or after this date "
                                                                        "(YYYY-MM-DD, Europe/Berlin)")
        e.set_defaults(func=cmd_export, what=what)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date of the form YYYY-MM-DD") from None


def cmd_export(app: App, args: argparse.Namespace) -> int:
    out = app.out_path(args.out)
    now = datetime.now(UTC)
    with app.reading() as session:
        if args.what == "feed":
            return _export_feed(session, args.format, out, now)
        if args.what == "leads":
            return _export_leads(session, args.format, out, now)
        if args.what == "changes":
            return _export_changes(session, args.format, out, now, args.since)
        if args.what == "health":
            from marktplatz.monitor.health import FAILED_STATUSES
            from marktplatz.reports.health import build_health, health_csv_bytes

            health = build_health(session, now, rules=app.settings.health)
            if args.format == "json":
                atomic_write_text(out, json.dumps(health, ensure_ascii=False, indent=1) + "\n")
            else:
                atomic_write_bytes(out, health_csv_bytes(health))
            broken = sum(len(s["broken_links"]) for s in health["sites"])
            down = sum(1 for s in health["sites"] if s["site_status"] in FAILED_STATUSES)
            print(f"export health: {len(health['sites'])} site(s), {down} down, {broken} broken link(s) → {out}")
            return 0
    raise CliError(f"export {args.what} --format {args.format} is not available yet in this version")


def _export_feed(session: Session, fmt: str, out: Path, now: datetime) -> int:
    from marktplatz.reports.feed import build_feed, write_feed_csv, write_feed_json, write_feed_jsonld

    feed = build_feed(session, now)
    {"json": write_feed_json, "jsonld": write_feed_jsonld, "csv": write_feed_csv}[fmt](feed, out)
    print(f"export feed: {len(feed['listings'])} listing(s) → {out}")
    return 0


def _export_leads(session: Session, fmt: str, out: Path, now: datetime) -> int:
    from marktplatz.reports.leads.build import GROUP_NONE, build_leads, generated_label, lead_count
    from marktplatz.reports.leads.write import write_leads

    groups = build_leads(session)
    write_leads(groups, out, fmt, f"Marktplatz Herne – Leads für Webdesign ({generated_label(now)})")
    total = lead_count(groups)
    print(f"export leads: {total} lead(s), {len(groups[GROUP_NONE])} without a website → {out}")
    return 0


def _export_changes(session: Session, fmt: str, out: Path, now: datetime, since: date | None) -> int:
    from marktplatz.reports.changes import build_changes, changes_csv_bytes

    start = datetime.combine(since, time.min, tzinfo=BERLIN) if since else None
    changes = build_changes(session, now, start)
    if fmt == "json":
        atomic_write_text(out, json.dumps(changes, ensure_ascii=False, indent=1) + "\n")
    else:
        atomic_write_bytes(out, changes_csv_bytes(changes))
    print(f"export changes: {len(changes['changes'])} change(s) → {out}")
    return 0
