"""Raw page bodies, gzip-compressed on disk and addressed by their SHA-256, so a re-extraction needs no re-crawl.

Files are written atomically: on Linux as an unnamed file (O_TMPFILE) that is linked into place once complete, so even
a SIGKILL mid-write leaves nothing behind; elsewhere as a `.tmp-` file renamed into place (`marktplatz prune` removes
any left by a crash). The same body fetched twice is stored once.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import os
import tempfile
from pathlib import Path

MAX_STORED_BYTES = 16 * 1024 * 1024


def content_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


class BodyStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        # Whether unnamed files can be linked here. Where they cannot (no /proc, or a sandbox whose /proc links
        # fail with EXDEV), every body would otherwise be written twice: once unnamed, once named.
        self._unnamed = getattr(os, "O_TMPFILE", None) is not None

    @staticmethod
    def address(body: bytes) -> tuple[str, str]:
        """(sha256, path relative to the store's root) that `body` is stored under."""
        digest = content_hash(body)
        return digest, f"{digest[:2]}/{digest}.gz"

    def write(self, rel: str, body: bytes) -> None:
        """Write `body` under `rel` (from `address`) unless it is there already. Safe from several threads: the
        compression and the file system calls release the GIL, so a thread can write while the crawl fetches."""
        path = self.root / rel
        if path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        data = gzip.compress(body, compresslevel=6, mtime=0)
        if self._unnamed:
            if _link_unnamed(path, data):
                return
            self._unnamed = False
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as raw:
                raw.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def get(self, rel: str) -> bytes | None:
        """The stored body, or None when it was pruned or never stored."""
        path = self.root / rel
        try:
            with gzip.open(path, "rb") as gz:
                return gz.read(MAX_STORED_BYTES)
        except (FileNotFoundError, OSError, EOFError):
            return None

    def delete(self, rel: str) -> bool:
        try:
            (self.root / rel).unlink()
        except FileNotFoundError:
            return False
        return True


class ReadOnce(BodyStore):
    """The bodies of one site's processing, each read and decompressed once: extraction and the audit both read
    every page."""

    def __init__(self, store: BodyStore) -> None:
        super().__init__(store.root)
        self._read: dict[str, bytes | None] = {}

    def get(self, rel: str) -> bytes | None:
        if rel not in self._read:
            self._read[rel] = super().get(rel)
        return self._read[rel]


@functools.cache
def _root_fd() -> int:
    return os.open("/", os.O_RDONLY | os.O_DIRECTORY)


def _link_unnamed(path: Path, data: bytes) -> bool:
    """Write `data` to an unnamed file in `path`'s folder and link it in as `path`; False where the system or the
    file system has no unnamed files (the caller falls back to a named temporary file)."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None:
        return False
    try:
        fd = os.open(path.parent, flag | os.O_WRONLY, 0o600)
    except OSError:
        return False
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        try:
            # linkat(AT_SYMLINK_FOLLOW) links the file the descriptor stands for. CPython's os.link without a
            # directory descriptor calls link(2), which does not follow the /proc symlink and fails with EXDEV;
            # with one it calls linkat with AT_SYMLINK_FOLLOW (the source path is absolute, so the descriptor
            # itself is not used).
            os.link(f"/proc/self/fd/{fd}", path, src_dir_fd=_root_fd())
        except FileExistsError:
            pass  # the same body, written by another thread or worker meanwhile
        except OSError:
            return False  # no /proc: the unnamed file goes away with its descriptor
    finally:
        os.close(fd)
    return True
