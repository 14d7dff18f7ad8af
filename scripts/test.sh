#!/usr/bin/env bash
# Run every check: install first (scripts/setup.sh), make sure PostgreSQL and Redis answer (scripts/services.sh),
# then ruff, mypy, and the test suite twice: on SQLite, and on PostgreSQL when a server answers on 127.0.0.1:5432
# (MARKTPLATZ_TEST_PG overrides its URL). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/services.sh
.venv/bin/ruff check marktplatz tests bench
.venv/bin/mypy marktplatz bench
echo "test: the suite on SQLite"
.venv/bin/python -m pytest -q "$@"
PG_URL="${MARKTPLATZ_TEST_PG:-postgresql+psycopg://postgres@127.0.0.1:5432/test}"
if .venv/bin/python -c "import sys, sqlalchemy as sa; sa.create_engine(sys.argv[1]).connect().close()" "$PG_URL" \
    >/dev/null 2>&1; then
  echo "test: the suite on PostgreSQL ($PG_URL)"
  MARKTPLATZ_TEST_PG="$PG_URL" .venv/bin/python -m pytest -q "$@"
else
  echo "test: no PostgreSQL answers at $PG_URL: the PostgreSQL run is skipped"
fi
