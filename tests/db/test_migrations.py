"""The Alembic chain: one head, upgrades are repeatable and keep data, and the models match the migrations —
on SQLite and (with MARKTPLATZ_TEST_PG) on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from marktplatz.db import make_engine, upgrade_to_head
from marktplatz.db.migrate import alembic_config, current_revision, head_revision
from marktplatz.db.models import Base


def test_migration_chain_has_one_head() -> None:
    assert len(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads()) == 1


def test_upgrade_twice_is_harmless_and_lands_on_head(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade_to_head(engine)
    upgrade_to_head(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_models_and_migrations_agree(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade_to_head(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def test_every_step_of_the_chain_keeps_existing_listings(db_url: str) -> None:
    engine = make_engine(db_url)
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(text("INSERT INTO traders (id, name, websites, opt_out, created_at, updated_at) "
                          "VALUES ('T1', 'Laden', '[]', false, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO listings (trader_id, phones, fax, emails, other_hours, special_hours, "
                          "offerings, sources, site_status, consecutive_failures, stale) VALUES ('T1', "
                          "'[\"+4923231\"]', '[]', '[]', '[]', '[]', '[]', '{}', 'ok', 0, false)"))
    upgrade_to_head(engine)
    with engine.connect() as conn:
        row = conn.execute(text("SELECT phones, branches FROM listings WHERE trader_id = 'T1'")).one()
    engine.dispose()
    assert [str(v) for v in row] in (['["+4923231"]', "[]"], ["['+4923231']", "[]"])


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 30000
