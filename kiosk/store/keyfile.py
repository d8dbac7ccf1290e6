"""The store's key file: the database key sealed by a provider, plus a non-secret key check.

``certkiosk.key`` is JSON: ``{format, version, store_id, provider, sealed, key_check}``.
``key_check`` is HMAC-SHA256(key, "certkiosk store key check v1"): it tells a wrong key from a
damaged database without revealing anything about the key. Written atomically.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.core.errors import AuthenticationError, EnvironmentFailure, InvalidInput, StorageFull
from kiosk.store.key_providers import KEY_BYTES, KeyProvider

FORMAT = "certkiosk-store-key"
VERSION = 1


def key_check(key: bytes) -> str:
    """The public check value of a database key."""
    return hmac.new(key, b"certkiosk store key check v1", hashlib.sha256).hexdigest()


def _context(store_id: str) -> bytes:
    return f"{FORMAT}:v{VERSION}:{store_id}".encode()


@dataclass(frozen=True, slots=True)
class KeyFile:
    """The parsed key file."""

    store_id: str
    provider: str
    sealed: dict[str, Any]
    key_check: str


def new_key() -> bytes:
    """A fresh random 256-bit database key."""
    return secrets.token_bytes(KEY_BYTES)


def write_key_file(path: Path, key: bytes, provider: KeyProvider) -> KeyFile:
    """Seal ``key`` with ``provider`` and write the key file atomically (temp, fsync, rename).

    Raises:
        StorageFull / EnvironmentFailure: the file cannot be written.
    """
    store_id = secrets.token_hex(8)
    record = KeyFile(
        store_id, provider.name, provider.seal(key, _context(store_id)), key_check(key)
    )
    body = {
        "format": FORMAT,
        "version": VERSION,
        "store_id": record.store_id,
        "provider": record.provider,
        "sealed": record.sealed,
        "key_check": record.key_check,
    }
    temp = path.with_name(path.name + ".tmp")
    try:
        with open(temp, "wb") as handle:
            handle.write(json.dumps(body, indent=1, sort_keys=True).encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        if exc.errno in (28, 27):  # ENOSPC, EFBIG
            raise StorageFull(f"Disque plein : impossible d'écrire {path}") from exc
        raise EnvironmentFailure(f"Impossible d'écrire {path} ({exc.strerror})") from exc
    return record


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_key_file(path: Path) -> KeyFile:
    """Parse the key file.

    Raises:
        InvalidInput: not a certkiosk key file, or an unknown version.
    """
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InvalidInput(f"Fichier de clé illisible : {path} ({exc})") from exc
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise InvalidInput(f"{path} n'est pas un fichier de clé certkiosk")
    if body.get("version") != VERSION:
        raise InvalidInput(
            f"{path} : version {body.get('version')!r} inconnue ({VERSION} attendue)"
        )
    fields = (body.get("store_id"), body.get("provider"), body.get("sealed"), body.get("key_check"))
    if not (isinstance(fields[0], str) and isinstance(fields[1], str)):
        raise InvalidInput(f"{path} : champs store_id/provider invalides")
    if not (isinstance(fields[2], dict) and isinstance(fields[3], str)):
        raise InvalidInput(f"{path} : champs sealed/key_check invalides")
    return KeyFile(fields[0], fields[1], fields[2], fields[3])


def unseal_key(record: KeyFile, provider: KeyProvider) -> bytes:
    """Recover the database key from the key file with ``provider``.

    Raises:
        AuthenticationError: wrong passphrase/account, or a key that fails its check.
        InvalidInput: the file names another provider.
    """
    if record.provider != provider.name:
        raise InvalidInput(
            f"Les données sont protégées par « {record.provider} », pas par « {provider.name} »"
        )
    key = provider.unseal(record.sealed, _context(record.store_id))
    if not hmac.compare_digest(key_check(key), record.key_check):
        raise AuthenticationError("La clé obtenue ne correspond pas à ces données")
    return key
