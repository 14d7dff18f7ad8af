"""What every command shares: settings, a lazily opened database, output and progress helpers, the error type."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from marktplatz.config import Settings
from marktplatz.db.engine import make_engine, session_factory, transaction


def positive_int(text: str) -> int:
    """argparse type: a whole number ≥ 1, with a clear message otherwise."""
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


class CliError(Exception):
    """A failure to report as one line on stderr with a non-zero exit code."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class App:
    def __init__(self, settings: Settings, quiet: bool = False) -> None:
        self.settings = settings
        self.quiet = quiet
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._read_engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            try:
                self._engine = make_engine(self.settings.db_url)
            except Exception as exc:
                raise CliError(f"cannot open database {self._safe_url()}: {exc}") from exc
        return self._engine

    @property
    def sessions(self) -> sessionmaker[Session]:
        if self._sessions is None:
            self._sessions = session_factory(self.engine)
        return self._sessions

    def require_schema(self) -> None:
        """Fail clearly when `marktplatz init` has not been run (or the schema is older than this program)."""
        from marktplatz.db.migrate import current_revision, head_revision

        try:
            current = current_revision(self.engine)
        except OperationalError as exc:
            raise CliError(f"cannot reach database {self._safe_url()}: {_first_line(exc)}") from exc
        if current is None:
            raise CliError(f"database {self._safe_url()} is not initialised: run `marktplatz init` first")
        if current != head_revision():
            raise CliError(f"database schema is at {current}, this program needs {head_revision()}: "
                           "run `marktplatz init` to upgrade")

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        self.require_schema()
        try:
            with transaction(self.sessions) as session:
                yield session
        except (OperationalError, ProgrammingError) as exc:
            raise CliError(f"database error: {_first_line(exc)}") from exc

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only unit of work for reports and exports: never waits behind a crawl's writes."""
        self.require_schema()
        if self._read_engine is None:
            self._read_engine = make_engine(self.settings.db_url, read_only=True)
        try:
            with session_factory(self._read_engine)() as session, session.begin():
                yield session
                session.rollback()
        except (OperationalError, ProgrammingError) as exc:
            raise CliError(f"database error: {_first_line(exc)}") from exc

    @property
    def interactive(self) -> bool:
        return not self.quiet and sys.stderr.isatty()

    def progress(self, total: int, label: str) -> Any:
        """A Rich progress bar on a terminal; a no-op object otherwise."""
        from marktplatz.cli.progress import make_progress

        return make_progress(total, label, enabled=self.interactive)

    def out_path(self, value: str) -> Path:
        path = Path(value).expanduser()
        if path.exists() and path.is_dir():
            raise CliError(f"--out {value}: is a folder; give a file name")
        return path

    def _safe_url(self) -> str:
        from sqlalchemy.engine import make_url

        try:
            return make_url(self.settings.db_url).render_as_string(hide_password=True)
        except Exception:
            return "(invalid MARKTPLATZ_DB)"

    def close(self) -> None:
        for engine in (self._engine, self._read_engine):
            if engine is not None:
                engine.dispose()


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", exc) or exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
