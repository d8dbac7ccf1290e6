"""Opening a SQLCipher database with a raw 256-bit key: keying, probing, durability pragmas.

The key is applied as ``PRAGMA key = "x'<hex>'"`` (no per-open KDF). A wrong key fails at the first
read, so the probe reads before anything is written: a refused open leaves the file untouched.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3

from kiosk.core.errors import AuthenticationError, StoreCorrupted
from kiosk.store.sqlite_errors import storage_error

DatabaseError = sqlcipher3.dbapi2.DatabaseError


def open_database(
    path: Path, key: bytes, *, key_verified: bool = False, check_pages: bool = True
) -> Any:
    """Open (or create) ``path`` with ``key``; WAL, ``synchronous=FULL``, pages checked.

    Args:
        key_verified: the key passed its key-file check, so an unreadable file is damaged
            rather than opened with the wrong key.
        check_pages: run ``PRAGMA cipher_integrity_check`` (every page's HMAC) after keying.

    Raises:
        AuthenticationError: the key does not open this file (the file is left unchanged).
        StoreCorrupted: the file is damaged (names the file).
        EnvironmentFailure: the file cannot be opened.
    """
    existed = path.exists() and path.stat().st_size > 0
    try:
        connection = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=True)
    except DatabaseError as exc:
        raise storage_error(exc, path) from exc
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DatabaseError as exc:
            if existed and not key_verified and "not a database" in str(exc):
                raise AuthenticationError(
                    f"La clé ne permet pas d'ouvrir {path} (mauvaise clé ou fichier endommagé)"
                ) from exc
            raise storage_error(exc, path) from exc
        if existed and check_pages:
            problems = connection.execute("PRAGMA cipher_integrity_check").fetchall()
            if problems:
                raise StoreCorrupted(
                    f"Le fichier {path} est endommagé ({problems[0][0]}) ; il n'a pas été modifié"
                )
        connection.execute("PRAGMA journal_mode = WAL").fetchone()
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        connection.close()
        raise
    return connection
