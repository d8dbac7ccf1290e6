"""The event store: append-only, hash-chained logs in one SQLCipher database (synchronous).

Only the store thread calls it. Every append is one durable commit (WAL, ``synchronous=FULL``)
before it returns; on failure nothing is kept in memory either, so the log and its cached head
always agree with the disk.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.core.clock import Clock, wall_iso
from kiosk.core.errors import Bug, InvalidInput, KioskError
from kiosk.core.events import Event, make_event
from kiosk.store.database import DatabaseError
from kiosk.store.sqlite_errors import storage_error

_COLUMNS = "seq, type, at_wall, at_mono_ms, data, prev_hash, hash"


@dataclass(frozen=True, slots=True)
class LogInfo:
    """One log of the store: an attempt or a session log."""

    log_id: str
    kind: str
    created_wall: str
    candidate_id: str | None
    session_id: str | None


class EventStore:
    """Appends and reads events of every log in one database connection."""

    def __init__(self, connection: Any, path: Path, clock: Clock) -> None:
        self._db = connection
        self.path = path
        self.clock = clock
        self._heads: dict[str, Event | None] = {}
        for info in self.logs():
            self._heads[info.log_id] = None
        rows = self._run(
            "SELECT e.log_id, e.seq, e.type, e.at_wall, e.at_mono_ms, e.data, e.prev_hash, e.hash"
            " FROM events e JOIN (SELECT log_id, max(seq) AS top FROM events GROUP BY log_id) m"
            " ON e.log_id = m.log_id AND e.seq = m.top"
        ).fetchall()
        for row in rows:
            self._heads[row[0]] = _event(row[1:])

    def _run(self, sql: str, params: tuple[Any, ...] = (), *, writing: bool = False) -> Any:
        try:
            return self._db.execute(sql, params)
        except DatabaseError as exc:
            raise storage_error(exc, self.path, writing=writing) from exc

    def logs(self, kind: str | None = None) -> list[LogInfo]:
        """Every log (optionally of one kind), oldest first."""
        sql = "SELECT log_id, kind, created_wall, candidate_id, session_id FROM logs"
        params: tuple[Any, ...] = ()
        if kind is not None:
            sql += " WHERE kind = ?"
            params = (kind,)
        rows = self._run(sql + " ORDER BY created_wall, log_id", params).fetchall()
        return [LogInfo(*row) for row in rows]

    def has_log(self, log_id: str) -> bool:
        """True when the log exists."""
        return log_id in self._heads

    def head(self, log_id: str) -> Event | None:
        """The last event of a log (None when empty)."""
        self._require(log_id)
        return self._heads[log_id]

    def _require(self, log_id: str) -> None:
        if log_id not in self._heads:
            raise InvalidInput(f"Journal inconnu : {log_id}")

    def next_event(self, log_id: str, type_: str, data: Mapping[str, Any]) -> Event:
        """The event that would follow the log's head now (not stored)."""
        self._require(log_id)
        return make_event(
            self._heads[log_id],
            type_,
            wall_iso(self.clock.wall()),
            self.clock.monotonic_ms(),
            data,
        )

    def create_log(self, info: LogInfo, first: Event) -> None:
        """Create a log and store its first event in one durable transaction."""
        if info.log_id in self._heads:
            raise InvalidInput(f"Le journal {info.log_id} existe déjà")
        if first.seq != 1:
            raise Bug("the first event of a log must have seq 1")
        self._run("BEGIN IMMEDIATE", writing=True)
        try:
            self._run(
                "INSERT INTO logs (log_id, kind, created_wall, candidate_id, session_id)"
                " VALUES (?, ?, ?, ?, ?)",
                (info.log_id, info.kind, info.created_wall, info.candidate_id, info.session_id),
                writing=True,
            )
            self._insert(info.log_id, first)
            self._run("COMMIT", writing=True)
        except KioskError:
            self._rollback()
            raise
        self._heads[info.log_id] = first

    def append(self, log_id: str, event: Event) -> None:
        """Store ``event`` after the log's head: one durable commit.

        Raises:
            Bug: the event does not follow the head.
            StorageFull / EnvironmentFailure: nothing was stored.
        """
        head = self.head(log_id)
        expected = 1 if head is None else head.seq + 1
        if event.seq != expected or event.prev_hash != (head.hash if head else event.prev_hash):
            raise Bug(f"event {event.seq} does not follow the head of {log_id}")
        try:
            self._insert(log_id, event)  # autocommit: one statement, one durable commit
        except KioskError:
            self._rollback()
            raise
        self._heads[log_id] = event

    def import_events(self, info: LogInfo | None, log_id: str, events: list[Event]) -> None:
        """Store already-verified foreign events after the log's head in one durable transaction.

        ``info`` creates the log first (its events must then start at seq 1).

        Raises:
            Bug: the events do not follow the head.
            StorageFull / EnvironmentFailure: nothing was stored.
        """
        if not events:
            return
        head = None if info is not None else self.head(log_id)
        expected = 1 if head is None else head.seq + 1
        if info is not None and log_id in self._heads:
            raise InvalidInput(f"Le journal {log_id} existe déjà")
        if events[0].seq != expected or (head is not None and events[0].prev_hash != head.hash):
            raise Bug(f"imported events do not follow the head of {log_id}")
        self._run("BEGIN IMMEDIATE", writing=True)
        try:
            if info is not None:
                self._run(
                    "INSERT INTO logs (log_id, kind, created_wall, candidate_id, session_id)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (info.log_id, info.kind, info.created_wall, info.candidate_id, info.session_id),
                    writing=True,
                )
            for event in events:
                self._insert(log_id, event)
            self._run("COMMIT", writing=True)
        except KioskError:
            self._rollback()
            raise
        self._heads[log_id] = events[-1]

    def _insert(self, log_id: str, event: Event) -> None:
        data = json.dumps(event.data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        self._run(
            f"INSERT INTO events (log_id, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                log_id,
                event.seq,
                event.type,
                event.at_wall,
                event.at_mono_ms,
                data,
                event.prev_hash,
                event.hash,
            ),
            writing=True,
        )

    def _rollback(self) -> None:
        if self._db.in_transaction:
            with contextlib.suppress(DatabaseError):
                self._db.execute("ROLLBACK")

    def events(self, log_id: str, from_seq: int = 1) -> list[Event]:
        """The log's events from ``from_seq`` on, in order."""
        return list(self.iter_events(log_id, from_seq))

    def iter_events(self, log_id: str, from_seq: int = 1) -> Iterator[Event]:
        """Iterate over the log's events from ``from_seq`` on."""
        self._require(log_id)
        cursor = self._run(
            f"SELECT {_COLUMNS} FROM events WHERE log_id = ? AND seq >= ? ORDER BY seq",
            (log_id, from_seq),
        )
        for row in cursor:
            yield _event(row)

    def set_meta(self, key: str, value: str) -> None:
        """Record a store-level setting."""
        self._run(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value), writing=True
        )

    def meta(self, key: str) -> str | None:
        """A store-level setting, or None."""
        row = self._run("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def close(self) -> None:
        """Checkpoint the WAL into the database and close the connection."""
        with contextlib.suppress(DatabaseError):
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._db.close()


def _event(row: tuple[Any, ...]) -> Event:
    seq, type_, at_wall, at_mono_ms, data, prev_hash, digest = row
    return Event(
        int(seq),
        str(type_),
        str(at_wall),
        int(at_mono_ms),
        json.loads(data),
        str(prev_hash),
        str(digest),
    )
