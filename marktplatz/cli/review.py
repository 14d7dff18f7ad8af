"""`marktplatz review list|accept|reject`: values that vanished from working sites, awaiting a decision."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from typing import Any

from marktplatz.cli.app import App, CliError


def register(sub: Any) -> None:
    p = sub.add_parser("review", help="values that vanished from a working site, awaiting a decision",
                       description="List and decide review items: a value gone from a working site is kept in the "
                                   "listing until its removal is accepted.")
    rsub = p.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    ls = rsub.add_parser("list", help="list open review items", description="List open review items.")
    ls.set_defaults(func=cmd_review)
    for action in ("accept", "reject"):
        a = rsub.add_parser(action, help=f"{action} one review item", description=f"{action.title()} a review item.")
        a.add_argument("id", type=int, help="review item id")
        a.set_defaults(func=cmd_review)


def cmd_review(app: App, args: argparse.Namespace) -> int:
    from marktplatz.listings.review import ReviewError, accept, open_items, reject

    now = datetime.now(UTC)
    with app.transaction() as session:
        if args.review_command == "list":
            items = open_items(session)
            for item, trader in items:
                print(f"{item.id:>5}  {trader.id}  {trader.name}  {item.field}: {_show(item.old)} → "
                      f"{_show(item.proposed)}  (seit {item.created_at:%Y-%m-%d}, {item.source_url or '-'})")
            print(f"review: {len(items)} open item(s)")
            return 0
        decide = accept if args.review_command == "accept" else reject
        try:
            item = decide(session, args.id, now)
        except ReviewError as exc:
            raise CliError(str(exc)) from exc
        print(f"review: item {item.id} ({item.trader_id} {item.field}) {item.status}")
    return 0


def _show(value: Any) -> str:
    if value in (None, [], {}, ""):
        return "(leer)"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
