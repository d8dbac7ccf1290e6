"""Translate SQLite/SQLCipher failures into the error tree, naming the file concerned."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from kiosk.core.errors import (
    Bug,
    EnvironmentFailure,
    KioskError,
    StorageFull,
    StoreCorrupted,
    StoreLocked,
)

_LOW_SPACE = 1 << 20


def _file_size_limit() -> int | None:
    if sys.platform == "win32":
        return None
    import resource

    soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    return None if soft == resource.RLIM_INFINITY else int(soft)


def looks_full(path: Path) -> bool:
    """True when the disk holding ``path`` is (nearly) full or this process may not grow files."""
    try:
        if shutil.disk_usage(path.parent).free < _LOW_SPACE:
            return True
    except OSError:
        return False
    limit = _file_size_limit()
    if limit is None:
        return False
    sizes = [
        os.path.getsize(candidate)
        for candidate in (path, Path(f"{path}-wal"))
        if candidate.exists()
    ]
    return any(size + 64 * 1024 >= limit for size in sizes)


def storage_error(exc: Exception, path: Path, *, writing: bool = False) -> KioskError:
    """The error a person should see for a database exception on ``path``."""
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    text = str(exc)
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return StorageFull(f"Disque plein : impossible d'enregistrer dans {path}")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text:
        return StoreCorrupted(f"Le fichier {path} est endommagé ({text}) ; il n'a pas été modifié")
    if name.startswith("SQLITE_IOERR"):
        if writing and looks_full(path):
            return StorageFull(f"Disque plein : impossible d'enregistrer dans {path}")
        return EnvironmentFailure(f"Erreur d'accès disque sur {path} ({text})")
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_CANTOPEN")):
        return EnvironmentFailure(f"Impossible d'écrire ou d'ouvrir {path} ({text})")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return StoreLocked(f"La base {path} est utilisée par un autre programme")
    return Bug(f"Erreur inattendue de la base {path} : {text}")
