#!/usr/bin/env bash
# Install Marktplatz Herne into ./.venv with every extra (PostgreSQL, Redis, tests), plus the Debian packages the
# tests use (Chromium for the report test) when they are missing and this user may install them. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

PY="${PYTHON:-python3}"
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "setup: Python 3.11 or newer is needed (found: $("$PY" --version 2>&1))" >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[postgres,redis,dev]'
# pip byte-compiles what it installs, but not this editable project. Where PYTHONDONTWRITEBYTECODE is set (CI,
# containers), every `marktplatz` process would compile it again: 0.5 s at each start, twice per crawl (crawl and
# processing worker). A changed source file is still recompiled by Python itself.
.venv/bin/python -m compileall -q marktplatz >/dev/null

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian's chromium (for the report test)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "setup: note: chromium is not installed; the report's browser test will be skipped" >&2
  fi
fi
echo "setup: ready: $(.venv/bin/marktplatz --version) in .venv"
