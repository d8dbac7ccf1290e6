"""Schema versions in ``PRAGMA user_version``, applied in order, each in one transaction.

A released version is never edited: a change is a new entry, with a golden database under
``tests/fixtures/store/v<N>/`` proving that a file of every older version still opens.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kiosk.core.errors import InvalidInput

MIGRATIONS: Sequence[tuple[int, Sequence[str]]] = (
    (
        1,
        (
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
            "CREATE TABLE logs ("
            " log_id TEXT PRIMARY KEY,"
            " kind TEXT NOT NULL CHECK (kind IN ('attempt', 'session')),"
            " created_wall TEXT NOT NULL,"
            " candidate_id TEXT, session_id TEXT) WITHOUT ROWID",
            "CREATE TABLE events ("
            " log_id TEXT NOT NULL REFERENCES logs(log_id),"
            " seq INTEGER NOT NULL CHECK (seq >= 1),"
            " type TEXT NOT NULL, at_wall TEXT NOT NULL, at_mono_ms INTEGER NOT NULL,"
            " data TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL,"
            " PRIMARY KEY (log_id, seq)) WITHOUT ROWID",
            "CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events"
            " BEGIN SELECT RAISE(ABORT, 'events are append-only'); END",
            "CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events"
            " BEGIN SELECT RAISE(ABORT, 'events are append-only'); END",
        ),
    ),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]


def migrate(connection: Any, path: Path) -> int:
    """Bring the database to ``SCHEMA_VERSION``; returns the version found before.

    Raises:
        InvalidInput: the file comes from a newer certkiosk.
    """
    found = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if found > SCHEMA_VERSION:
        raise InvalidInput(
            f"{path} vient d'une version plus récente de certkiosk (schéma {found}, "
            f"celle-ci connaît jusqu'au {SCHEMA_VERSION}) : mettez le logiciel à jour"
        )
    for version, statements in MIGRATIONS:
        if version <= found:
            continue
        connection.execute("BEGIN IMMEDIATE")
        try:
            for statement in statements:
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {version:d}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    return found
