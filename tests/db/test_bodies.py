"""The raw-body store: content-addressed, compressed, written without leaving temporary files behind."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from marktplatz.db.bodies import BodyStore, _link_unnamed


def test_a_body_is_stored_once_and_read_back(tmp_path: Path) -> None:
    store = BodyStore(tmp_path)
    body = "<html><body>Öffnungszeiten Mo–Fr 9–18 Uhr</body></html>".encode()
    digest, rel = store.address(body)
    store.write(rel, body)
    store.write(rel, body)  # the same body again: nothing more on disk
    assert store.get(rel) == body
    assert rel.endswith(f"{digest}.gz")
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [f"{digest}.gz"]


@pytest.mark.skipif(not sys.platform.startswith("linux") or not hasattr(os, "O_TMPFILE")
                    or not Path("/proc/self/fd").is_dir(), reason="unnamed files need Linux with /proc")
def test_on_linux_a_body_is_written_as_an_unnamed_file_and_linked_in(tmp_path: Path) -> None:
    # The unnamed file is what makes a write safe against SIGKILL (no half-written named file); if linking it
    # fails, the store silently falls back to named temporary files, and pays for each body twice.
    target = tmp_path / "ab" / "body.gz"
    target.parent.mkdir()
    assert _link_unnamed(target, b"gzip bytes")
    assert target.read_bytes() == b"gzip bytes"
    assert [p.name for p in target.parent.iterdir()] == ["body.gz"]
