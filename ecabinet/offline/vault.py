"""The encrypted cache on disk: documents in AES-GCM chunks, and small JSON snapshots.

A document file is a magic header then records of (4-byte length, 12-byte nonce, ciphertext);
each record authenticates the document id, its index and whether it is the last, so records
cannot be swapped, dropped or cut off unnoticed. Files are written as `.part` and renamed.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import shutil
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"ECV1"


class VaultError(Exception):
    """A cached file is missing, damaged or was written with another key."""


def _aad(name: str, index: int, last: bool) -> bytes:
    return f"{name}\x00{index}\x00{int(last)}".encode()


class Vault:
    def __init__(self, root: Path, key: bytes) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "documents").mkdir(exist_ok=True)
        self._aead = AESGCM(key)
        self._locks: dict[str, asyncio.Lock] = {}

    def lock(self, document_id: str) -> asyncio.Lock:
        """Held while a document is being written: the sync and the viewer may both want it."""
        return self._locks.setdefault(document_id, asyncio.Lock())

    def _seal(self, name: str, index: int, last: bool, data: bytes) -> bytes:
        nonce = os.urandom(12)
        sealed = self._aead.encrypt(nonce, data, _aad(name, index, last))
        return struct.pack(">I", len(sealed)) + nonce + sealed

    # -- documents ------------------------------------------------------------------------

    def document_path(self, document_id: str) -> Path:
        return self.root / "documents" / f"{document_id}.ecv"

    def has_document(self, document_id: str) -> bool:
        return self.document_path(document_id).exists()

    def writer(self, document_id: str) -> DocumentWriter:
        return DocumentWriter(self, document_id)

    def _records(self, path: Path) -> Iterator[tuple[bytes, bytes]]:
        with open(path, "rb") as handle:
            if handle.read(4) != MAGIC:
                raise VaultError(f"{path.name} is not a cache file")
            while head := handle.read(4):
                (length,) = struct.unpack(">I", head)
                nonce, sealed = handle.read(12), handle.read(length)
                if len(sealed) != length:
                    raise VaultError(f"{path.name} is cut short")
                yield nonce, sealed

    def _open(self, name: str, index: int, nonce: bytes, sealed: bytes) -> tuple[bytes, bool]:
        for last in (False, True):
            try:
                return self._aead.decrypt(nonce, sealed, _aad(name, index, last)), last
            except InvalidTag:
                continue
        raise VaultError(f"{name}: record {index} does not decrypt (damaged or another key)")

    def read_document(self, document_id: str) -> bytes:
        path = self.document_path(document_id)
        if not path.exists():
            raise VaultError(f"document {document_id} is not in the offline cache")
        parts, finished = [], False
        for index, (nonce, sealed) in enumerate(self._records(path)):
            if finished:
                raise VaultError(f"{document_id}: data after the last record")
            data, finished = self._open(document_id, index, nonce, sealed)
            parts.append(data)
        if not finished:
            raise VaultError(f"{document_id}: the last record is missing")
        return b"".join(parts)

    def partial_chunks(self, document_id: str) -> tuple[int, int, Any]:
        """For resuming: (records, plaintext bytes, running sha256) of the unfinished file."""
        part = self.document_path(document_id).with_suffix(".part")
        digest = hashlib.sha256()
        count = size = 0
        if part.exists():
            try:
                for index, (nonce, sealed) in enumerate(self._records(part)):
                    data, _last = self._open(document_id, index, nonce, sealed)
                    digest.update(data)
                    count, size = index + 1, size + len(data)
            except VaultError:
                part.unlink()
                return 0, 0, hashlib.sha256()
        return count, size, digest

    def size_bytes(self) -> int:
        return sum(f.stat().st_size for f in self.root.rglob("*") if f.is_file())

    # -- small JSON snapshots -------------------------------------------------------------

    def save_json(self, name: str, data: object) -> None:
        path = self.root / f"{name}.json.ecv"
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(MAGIC + self._seal(name, 0, True, json.dumps(data).encode()))
        os.replace(tmp, path)

    def load_json(self, name: str) -> Any:
        path = self.root / f"{name}.json.ecv"
        if not path.exists():
            return None
        records = list(self._records(path))
        if len(records) != 1:
            raise VaultError(f"{name}: damaged snapshot")
        data, _last = self._open(name, 0, *records[0])
        return json.loads(data)

    def wipe(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


class DocumentWriter:
    """Appends encrypted chunks to `<id>.part`; `finish` seals the last one and renames."""

    def __init__(self, vault: Vault, document_id: str) -> None:
        self.vault = vault
        self.document_id = document_id
        self.part = vault.document_path(document_id).with_suffix(".part")
        self.index, self.size, self.digest = vault.partial_chunks(document_id)
        if not self.part.exists():
            self.part.write_bytes(MAGIC)

    def append(self, data: bytes) -> None:
        with open(self.part, "ab") as handle:
            handle.write(self.vault._seal(self.document_id, self.index, False, data))
        self.index += 1
        self.size += len(data)
        self.digest.update(data)

    def finish(self, sha256: str) -> Path:
        """Close the file with an empty last record, once the bytes match `sha256`."""
        if self.digest.hexdigest() != sha256:
            self.part.unlink()
            raise VaultError(f"{self.document_id}: the downloaded bytes do not match SHA-256")
        with open(self.part, "ab") as handle:
            handle.write(self.vault._seal(self.document_id, self.index, True, b""))
            handle.flush()
            os.fsync(handle.fileno())
        target = self.vault.document_path(self.document_id)
        os.replace(self.part, target)
        return target
