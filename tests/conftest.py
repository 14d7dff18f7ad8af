"""Shared fixtures: a fresh database per test, loopback web servers, and the `marktplatz` CLI run for real."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings

from marktplatz.demo.server import DemoWeb, VirtualHosts

# Two shared cores: timing-based deadlines would only measure the neighbours' load, not our code.
hypothesis_settings.register_profile("marktplatz", deadline=None)
hypothesis_settings.load_profile("marktplatz")

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Env:
    """One isolated installation: data folder, database URL and the environment the CLI runs with."""

    data_dir: Path
    db_url: str
    vars: dict[str, str]
    _engine: Any = field(default=None, repr=False)

    def query(self, sql: str, **params: Any) -> list[tuple[Any, ...]]:
        """Rows of a read query, on whichever database the test runs against (JSON columns come back parsed)."""
        import json

        from sqlalchemy import text

        from marktplatz.db.engine import make_engine

        if self._engine is None:
            self._engine = make_engine(self.db_url)
        with self._engine.connect() as conn:
            rows = conn.execute(text(sql), params).all()
        out = []
        for row in rows:
            values = []
            for v in row:
                if isinstance(v, str) and v[:1] in "[{" and self.db_url.startswith("sqlite"):
                    with contextlib.suppress(ValueError):
                        v = json.loads(v)
                values.append(v)
            out.append(tuple(values))
        return out

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

    def run(self, *args: str, check: bool = True, timeout: float = 300, extra: Mapping[str, str] | None = None
            ) -> subprocess.CompletedProcess[str]:
        """Run `marktplatz ARGS` as a separate process (a crawl needs its own process), like an operator would."""
        env = {**{k: v for k, v in os.environ.items() if not k.startswith("MARKTPLATZ_")}, **self.vars,
               **(extra or {})}
        proc = subprocess.run([sys.executable, "-m", "marktplatz", "--quiet", *args], env=env, cwd=self.data_dir,
                              capture_output=True, text=True, timeout=timeout)
        if check and proc.returncode != 0:
            raise AssertionError(f"marktplatz {' '.join(args)} exited {proc.returncode}\n"
                                 f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
        return proc


PG_SERVER = os.environ.get("MARKTPLATZ_TEST_PG", "").strip()


@pytest.fixture
def db_url(tmp_path: Path) -> Iterator[str]:
    """SQLite in the test's folder, or — with MARKTPLATZ_TEST_PG set — a fresh PostgreSQL database per test."""
    if not PG_SERVER:
        yield f"sqlite:///{tmp_path / 'data' / 'marktplatz.db'}"
        return
    with fresh_pg_database(PG_SERVER) as url:
        yield url


class fresh_pg_database:
    """A throw-away database on the PostgreSQL server at `server_url`, dropped on exit."""

    def __init__(self, server_url: str) -> None:
        from sqlalchemy.engine import make_url

        self.server = make_url(server_url)
        self.name = f"mt_{uuid.uuid4().hex[:12]}"

    def __enter__(self) -> str:
        self._admin("CREATE DATABASE {}")
        return self.server.set(database=self.name).render_as_string(hide_password=False)

    def __exit__(self, *exc: object) -> None:
        self._admin("DROP DATABASE IF EXISTS {} WITH (FORCE)")

    def _admin(self, statement: str) -> None:
        from sqlalchemy import create_engine

        engine = create_engine(self.server, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql(statement.format(self.name))
        engine.dispose()


@pytest.fixture
def env(tmp_path: Path, db_url: str) -> Iterator[Env]:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    environment = make_env(data, db_url)
    yield environment
    environment.close()


def make_env(data: Path, db_url: str) -> Env:
    # No delay between requests in tests: the loopback servers are ours, and politeness is tested by its settings.
    return Env(data, db_url, {"MARKTPLATZ_DATA_DIR": str(data), "MARKTPLATZ_DB": db_url,
                              "MARKTPLATZ_ALLOW_PRIVATE": "127.0.0.1/32", "MARKTPLATZ_CRAWL_DELAY": "0"})


@pytest.fixture
def web() -> Iterator[VirtualHosts]:
    """A loopback web host: add `hosts.sites[name] = folder` (or redirects); `hosts.port` is its port."""
    hosts = VirtualHosts()
    server = DemoWeb(hosts).start()
    hosts.port = server.port  # type: ignore[attr-defined]
    try:
        yield hosts
    finally:
        server.stop()


def write_site(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write a sample site: {"index.html": "...", "kontakt.html": "..."}."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def hosts_var(*names: str) -> str:
    return ",".join(f"{n}=127.0.0.1" for n in names)
