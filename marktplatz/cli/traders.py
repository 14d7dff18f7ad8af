"""`marktplatz traders import|list|show|opt-out`: the trader registry."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from marktplatz.cli.app import App, CliError
from marktplatz.db.models import Listing
from marktplatz.db.repo.traders import apply_import, get_trader, list_traders, set_opt_out
from marktplatz.registry.importer import parse_trader_file


def register(sub: Any) -> None:
    p = sub.add_parser("traders", help="import and look at the trader registry",
                       description="Import, list and show traders; record opt-outs.")
    tsub = p.add_subparsers(dest="traders_command", metavar="ACTION", required=True)

    imp = tsub.add_parser("import", help="import/update traders from CSV or XLSX",
                          description="Import or update traders by id from a CSV (UTF-8/Windows-1252, ';' or ',') "
                                      "or XLSX file. Any bad row refuses the whole file unless --partial.")
    imp.add_argument("file", type=Path, help="CSV or XLSX file with columns id, name, website (+ optional ones)")
    imp.add_argument("--partial", action="store_true", help="import the good rows and report the bad ones")
    imp.add_argument("--dry-run", action="store_true", help="check the file and show what would change; write nothing")
    imp.set_defaults(func=cmd_import)

    ls = tsub.add_parser("list", help="list traders", description="List every trader with website and status.")
    ls.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ls.set_defaults(func=cmd_list)

    show = tsub.add_parser("show", help="show one trader", description="Show one trader, its listing and status.")
    show.add_argument("id", help="the trader's id")
    show.set_defaults(func=cmd_show)

    opt = tsub.add_parser("opt-out", help="record that a trader opted out",
                          description="Record an opt-out: the trader leaves every lead list, export and report.")
    opt.add_argument("id", help="the trader's id")
    opt.add_argument("--undo", action="store_true", help="withdraw a recorded opt-out")
    opt.set_defaults(func=cmd_opt_out)


def cmd_import(app: App, args: argparse.Namespace) -> int:
    parsed = parse_trader_file(args.file)
    for problem in parsed.problems:
        print(f"  {problem}", file=sys.stderr)
    if parsed.fatal or (parsed.problems and not args.partial):
        n_rows = len(parsed.bad_lines)
        detail = f"{len(parsed.problems)} problem(s)" + (f" in {n_rows} row(s)" if n_rows else "")
        hint = "" if parsed.fatal else "; use --partial to import the good rows"
        raise CliError(f"import of {args.file} refused: {detail}; nothing was written{hint}")
    app.require_schema()
    with app.sessions() as session:
        counts = apply_import(session, parsed.rows, args.file.name)
        if args.dry_run:
            session.rollback()
        else:
            session.commit()
    skipped = f", {len(parsed.bad_lines)} bad row(s) skipped" if parsed.bad_lines else ""
    verb = "would import" if args.dry_run else "imported"
    print(f"{verb} {args.file}: {len(counts.created)} created, {len(counts.updated)} updated, "
          f"{len(counts.unchanged)} unchanged{skipped}")
    return 0


def cmd_list(app: App, args: argparse.Namespace) -> int:
    with app.reading() as session:
        rows: list[dict[str, Any]] = []
        for t in list_traders(session):
            listing = session.get(Listing, t.id)
            rows.append({"id": t.id, "name": t.name, "website": t.website, "opt_out": t.opt_out,
                         "site_status": listing.site_status if listing else ("no_website" if not t.website
                                                                             else "not_crawled"),
                         "score": listing.quality_score if listing else None})
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print("no traders yet: import a list with `marktplatz traders import FILE`")
        return 0
    width = max(len(str(r["id"])) for r in rows)
    for r in rows:
        flags = " (opt-out)" if r["opt_out"] else ""
        score = "" if r["score"] is None else f" score {r['score']}"
        print(f"{r['id']:<{width}}  {r['site_status']:<12} {r['name']}{flags}  {r['website'] or '-'}{score}")
    print(f"{len(rows)} trader(s)")
    return 0


def cmd_show(app: App, args: argparse.Namespace) -> int:
    from marktplatz.reports.feed import listing_entry
    from marktplatz.reports.queries import findings_by_trader, listing_of

    with app.reading() as session:
        trader = get_trader(session, args.id)
        if trader is None:
            raise CliError(f"no trader with id {args.id!r}")
        entry = listing_entry(trader, listing_of(trader), findings_by_trader(session).get(trader.id, []))
        entry["opt_out"] = trader.opt_out
        entry["registry"] = {"name": trader.name, "category": trader.category, "street": trader.street,
                             "postcode": trader.postcode, "city": trader.city, "phone": trader.phone,
                             "email": trader.email, "websites": trader.websites, "source": trader.source}
    print(json.dumps(entry, ensure_ascii=False, indent=1))
    return 0


def cmd_opt_out(app: App, args: argparse.Namespace) -> int:
    with app.transaction() as session:
        trader = get_trader(session, args.id)
        if trader is None:
            raise CliError(f"no trader with id {args.id!r}")
        changed = set_opt_out(session, trader, not args.undo)
    state = "opted out" if not args.undo else "opted in again"
    print(f"trader {args.id} {state}" + ("" if changed else " (no change: already so)"))
    return 0
