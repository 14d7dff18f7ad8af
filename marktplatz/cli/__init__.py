"""The `marktplatz` command: one entry point, a subcommand per job (see the CLI table in README.md).

Environment variables are read here, once, into a `Settings`; every command gets it through `App`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from marktplatz import __version__
from marktplatz.cli import check, crawling, daemon, dbcmds, demo, exports, prune, reporting, review, traders
from marktplatz.cli.app import App, CliError
from marktplatz.config import ConfigError, Settings
from marktplatz.logs import setup_logging

COMMAND_MODULES = (dbcmds, traders, crawling, check, exports, reporting, review, prune, daemon, demo)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="marktplatz",
        description="Crawler, listing extractor and link-health monitor for the Digitaler Marktplatz Herne.",
        epilog="Environment: MARKTPLATZ_DB, MARKTPLATZ_DATA_DIR, MARKTPLATZ_ALLOW_PRIVATE, MARKTPLATZ_REDIS.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output on stderr (-vv: debug)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress display")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        print(f"marktplatz: error: {exc}", file=sys.stderr)
        return 2
    setup_logging(settings, verbosity=args.verbose, command=args.command)
    app = App(settings, quiet=args.quiet)
    try:
        code = args.func(app, args)
    except CliError as exc:
        print(f"marktplatz: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except ConfigError as exc:
        print(f"marktplatz: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("marktplatz: interrupted", file=sys.stderr)
        return 130
    finally:
        app.close()
    return int(code or 0)


if __name__ == "__main__":
    sys.exit(main())
