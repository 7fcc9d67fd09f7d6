"""Content-addressed file storage: a document's bytes live under their SHA-256 and never change."""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from meetings.documents import check_sha256

HASH_BLOCK = 1024 * 1024


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class BlobStore:
    def __init__(self, root: Path, uploads: Path) -> None:
        self.root = root
        self.uploads = uploads
        root.mkdir(parents=True, exist_ok=True)
        uploads.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        check_sha256(sha256)
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).exists()

    def part_path(self, upload_id: str) -> Path:
        return self.uploads / f"{upload_id}.part"

    def write_part(self, upload_id: str, offset: int, data: bytes) -> None:
        """Write a chunk of an upload and make it durable before it is acknowledged."""
        fd = os.open(self.part_path(upload_id), os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            # A resumed upload may have bytes past the acknowledged length: drop them.
            os.ftruncate(fd, offset)
            os.pwrite(fd, data, offset)
            os.fsync(fd)
        finally:
            os.close(fd)

    def hash_part(self, upload_id: str) -> str:
        digest = hashlib.sha256()
        with open(self.part_path(upload_id), "rb") as handle:
            while block := handle.read(HASH_BLOCK):
                digest.update(block)
        return digest.hexdigest()

    def adopt_part(self, upload_id: str, sha256: str) -> Path:
        """Move a finished, checked upload into place under its hash (atomic rename)."""
        source = self.part_path(upload_id)
        target = self.path(sha256)
        if target.exists():
            source.unlink()  # the same bytes are already stored
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
        os.chmod(target, 0o400)
        _fsync_dir(target.parent)
        return target

    def discard_part(self, upload_id: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.part_path(upload_id).unlink()

    def read(self, sha256: str, offset: int, length: int) -> bytes:
        fd = os.open(self.path(sha256), os.O_RDONLY)
        try:
            return os.pread(fd, length, offset)
        finally:
            os.close(fd)

    def put(self, data: bytes) -> str:
        """Store bytes directly (seeding, generated documents); returns their SHA-256."""
        sha256 = hashlib.sha256(data).hexdigest()
        target = self.path(sha256)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            temp = target.with_suffix(".tmp")
            with open(temp, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, target)
            os.chmod(target, 0o400)
            _fsync_dir(target.parent)
        return sha256
