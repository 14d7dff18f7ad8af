"""`marktplatz demo`: bundled sample trader sites served on 127.0.0.1, imported and run through the pipeline."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from marktplatz.cli.app import App, CliError


def register(sub: Any) -> None:
    p = sub.add_parser("demo", help="run the whole pipeline on bundled sample sites",
                       description="Serve bundled sample trader sites on 127.0.0.1, import and crawl them into a "
                                   "fresh data folder, and print where the feed, report and lead list are.")
    p.add_argument("--out", default="marktplatz-demo", metavar="DIR",
                   help="the demo's data folder, recreated on every run (default ./marktplatz-demo)")
    p.set_defaults(func=cmd_demo)


def cmd_demo(app: App, args: argparse.Namespace) -> int:
    from marktplatz.demo.run import DemoError, run_demo, summarise_feed

    try:
        outputs = run_demo(Path(args.out))
    except DemoError as exc:
        raise CliError(str(exc)) from exc
    print()
    print("demo listings (from the feed):")
    for line in summarise_feed(outputs["feed"]):
        print(line)
    print()
    names = {"traders": "trader list (CSV)", "feed": "listings feed (JSON)", "health": "link health (JSON)",
             "report": "weekly report (HTML)", "leads": "lead list (XLSX)", "leads_csv": "lead list (CSV)"}
    for key, path in outputs.items():
        print(f"{names.get(key, key)}: {path}")
    return 0
