"""The content-addressed raw store: every fetched body kept once, under its SHA-256.

A crawl can be re-run, resumed or re-extracted from here without asking a portal twice:
objects live at `objects/<sha256[:2]>/<sha256>`, written atomically, never changed.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

DEFAULT_ROOT = Path("corpus/raw")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class RawStore:
    """A folder of immutable objects named by the SHA-256 of their bytes."""

    def __init__(self, root: str | Path = DEFAULT_ROOT) -> None:
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / "objects" / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put(self, data: bytes) -> str:
        """Store `data` (a no-op when already there) and return its SHA-256."""
        digest = sha256_bytes(data)
        target = self.path(digest)
        if target.is_file():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write beside the target, then rename: a killed process leaves a stray temp file at
        # worst, never a truncated object under a valid name.
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return digest

    def get(self, sha256: str) -> bytes | None:
        """The bytes stored under `sha256`, or None when absent."""
        try:
            return self.path(sha256).read_bytes()
        except FileNotFoundError:
            return None
