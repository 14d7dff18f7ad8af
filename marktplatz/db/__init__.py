"""Storage: the only package that opens database sessions (models, engine/session factories, queries, migrations)."""

from marktplatz.db.engine import make_engine, session_factory, transaction


def upgrade_to_head(engine):  # type: ignore[no-untyped-def]
    """See `marktplatz.db.migrate.upgrade_to_head` (imported lazily: Alembic is only needed by `init`)."""
    from marktplatz.db.migrate import upgrade_to_head as upgrade

    return upgrade(engine)


__all__ = ["make_engine", "session_factory", "transaction", "upgrade_to_head"]
