"""The store's synchronous core: open (lock, unseal, verify, fold, mark the restart) and appends.

It runs on the store thread only (``kiosk.store.service`` is the thread-safe face). Every mutating
call checks the action with the same pure step the authority replays, commits it durably, and
returns a ``Change``: the new events and the new state.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from kiosk.core.attempt import fold, step, with_time
from kiosk.core.attempt_state import AttemptState, EndReason, Status
from kiosk.core.clock import Clock, wall_iso
from kiosk.core.errors import (
    EnvironmentFailure,
    IntegrityError,
    InvalidInput,
    RuleViolation,
    StoreCorrupted,
)
from kiosk.core.events import Event, make_event, verify_chain
from kiosk.core.session_log import SessionState, fold_session, session_step
from kiosk.store.database import open_database
from kiosk.store.event_store import EventStore, LogInfo
from kiosk.store.key_providers import KeyProvider
from kiosk.store.keyfile import new_key, read_key_file, unseal_key, write_key_file
from kiosk.store.lock import StoreLock
from kiosk.store.migrations import migrate

DB_NAME = "certkiosk.db"
KEY_NAME = "certkiosk.key"
LOCK_NAME = "certkiosk.lock"
SESSION_PREFIX = "session/"

S = TypeVar("S")


@dataclass(frozen=True, slots=True)
class Change(Generic[S]):
    """What a mutating call changed: the log, its new events (in order) and its new state."""

    log_id: str
    events: tuple[Event, ...]
    state: S


@dataclass(frozen=True, slots=True)
class AttemptSummary:
    """One attempt of the store, for lists."""

    attempt_id: str
    candidate_id: str
    session_id: str
    created_wall: str
    status: Status
    end_reason: EndReason | None
    last_seq: int


class TimeUp(RuleViolation):
    """The test's time ran out before this action: the attempt was ended (``change`` says how)."""

    def __init__(self, change: Change[AttemptState]) -> None:
        super().__init__("Le temps est écoulé : l'épreuve est terminée")
        self.change = change


class StoreCore:
    """The open store: one connection, folded states of every log, durable appends."""

    def __init__(self, data_dir: Path, clock: Clock, lock: StoreLock, events: EventStore) -> None:
        self.data_dir = data_dir
        self.clock = clock
        self._lock = lock
        self._store = events
        self._attempts: dict[str, AttemptState] = {}
        self._sessions: dict[str, SessionState] = {}
        self.startup_changes: tuple[Change[AttemptState], ...] = ()

    @classmethod
    def open(
        cls,
        data_dir: Path,
        provider: KeyProvider,
        clock: Clock,
        boot_id: str | None = None,
        *,
        replica: bool = False,
    ) -> StoreCore:
        """Open or create the store in ``data_dir`` and bring every log back.

        Every unfinished attempt gets an ``app_started`` event: a running test becomes
        "awaiting resume" with its time as of its last durable event. A ``replica`` (the
        console's copy of kiosks' logs) never does: only the kiosk that runs a test marks it.

        Raises:
            StoreLocked, AuthenticationError, StoreCorrupted, IntegrityError, StorageFull,
            EnvironmentFailure, InvalidInput.
        """
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise EnvironmentFailure(f"Impossible de créer {data_dir} ({exc.strerror})") from exc
        lock = StoreLock(data_dir / LOCK_NAME)
        lock.acquire()
        connection = None
        try:
            key, verified = _database_key(data_dir, provider)
            db_path = data_dir / DB_NAME
            connection = open_database(db_path, key, key_verified=verified)
            migrate(connection, db_path)
            core = cls(data_dir, clock, lock, EventStore(connection, db_path, clock))
            core._load()
            if not replica:
                core._mark_boot(boot_id or secrets.token_hex(8))
            return core
        except BaseException:
            if connection is not None:
                connection.close()
            lock.release()
            raise

    def _load(self) -> None:
        for info in self._store.logs():
            events = self._store.events(info.log_id)
            where = f"{self._store.path} : journal {info.log_id}"
            try:
                verify_chain(events)
                if info.kind == "attempt":
                    self._attempts[info.log_id] = fold(events)
                else:
                    self._sessions[info.log_id] = fold_session(events)
            except IntegrityError as exc:
                raise IntegrityError(f"{where} : {exc.message}") from exc
            if not events:
                raise StoreCorrupted(f"{where} : journal vide")

    def _mark_boot(self, boot_id: str) -> None:
        changes = []
        for attempt_id, state in self._attempts.items():
            if state.status is not Status.ENDED:
                changes.append(self._commit(attempt_id, "app_started", {"boot": boot_id}))
        self.startup_changes = tuple(changes)

    # attempts ---------------------------------------------------------------------------

    def create_attempt(
        self, candidate_id: str, session_id: str, kiosk_id: str, attempt_id: str | None = None
    ) -> Change[AttemptState]:
        """Start a new attempt log with its ``checked_in`` event."""
        attempt_id = attempt_id or secrets.token_hex(8)
        if self._store.has_log(attempt_id):
            raise InvalidInput(f"L'épreuve {attempt_id} existe déjà")
        data = {
            "attempt_id": attempt_id,
            "candidate_id": candidate_id,
            "session_id": session_id,
            "kiosk_id": kiosk_id,
        }
        now = wall_iso(self.clock.wall())

        first = make_event(None, "checked_in", now, self.clock.monotonic_ms(), data)
        state = step(AttemptState(), first)
        info = LogInfo(attempt_id, "attempt", now, candidate_id, session_id)
        self._store.create_log(info, first)
        self._attempts[attempt_id] = state
        return Change(attempt_id, (first,), with_time(state, first.at_mono_ms))

    def _attempt(self, attempt_id: str) -> AttemptState:
        state = self._attempts.get(attempt_id)
        if state is None:
            raise InvalidInput(f"Épreuve inconnue : {attempt_id}")
        return state

    def _commit(self, attempt_id: str, type_: str, data: Mapping[str, Any]) -> Change[AttemptState]:
        state = self._attempt(attempt_id)
        event = self._store.next_event(attempt_id, type_, data)
        new_state = step(state, event)
        self._store.append(attempt_id, event)
        self._attempts[attempt_id] = new_state
        return Change(attempt_id, (event,), with_time(new_state, event.at_mono_ms))

    def append_attempt(
        self, attempt_id: str, type_: str, data: Mapping[str, Any]
    ) -> Change[AttemptState]:
        """Check and durably append one event to an attempt.

        Raises:
            TimeUp: the time had run out; the attempt was ended instead.
            TransitionRefused: the rules forbid this event now (nothing stored).
            StorageFull / EnvironmentFailure: nothing stored, state unchanged.
        """
        live = with_time(self._attempt(attempt_id), self.clock.monotonic_ms())
        if live.time_up and type_ not in ("ended", "app_started"):
            raise TimeUp(self._commit(attempt_id, "ended", {"reason": EndReason.TIME_UP.value}))
        if type_ == "answer_saved" and live.time.item_time_up and not data.get("timed_out"):
            data = {**data, "timed_out": True}
        return self._commit(attempt_id, type_, data)

    def import_attempt(self, events: list[Event]) -> Change[AttemptState]:
        """Merge a foreign attempt log (a kiosk's copy), idempotently.

        The chain and the rules are checked first. A log not held yet is created; a longer copy
        of a held log adds its new tail; the same log or an older copy changes nothing (no new
        events in the change). Two copies that diverge are refused, never merged.

        Raises:
            IntegrityError: a broken chain, a forbidden event, or a copy diverging from ours.
            StorageFull / EnvironmentFailure: nothing stored.
        """
        if not events:
            raise IntegrityError("journal d'épreuve vide")
        verify_chain(events)
        state = fold(events)
        attempt_id = state.attempt_id
        if attempt_id.startswith(SESSION_PREFIX):
            raise IntegrityError(f"identifiant d'épreuve invalide : {attempt_id}")
        held = self._attempts.get(attempt_id)
        if held is None:
            if self._store.has_log(attempt_id):
                raise IntegrityError(f"{attempt_id} est déjà un journal d'un autre type")
            info = LogInfo(
                attempt_id, "attempt", events[0].at_wall, state.candidate_id, state.session_id
            )
            self._store.import_events(info, attempt_id, events)
            self._attempts[attempt_id] = state
            return Change(attempt_id, tuple(events), state)
        overlap = min(held.last_seq, len(events))
        mine = self._store.events(attempt_id, overlap)[:1]
        if mine and mine[0].hash != events[overlap - 1].hash:
            first = _first_divergence(self._store.events(attempt_id), events)
            raise IntegrityError(
                f"épreuve {attempt_id} : cette copie diverge de celle déjà fusionnée à partir "
                f"de l'événement n° {first} : conflit, rien n'a été fusionné"
            )
        if len(events) <= held.last_seq:
            return Change(attempt_id, (), held)
        tail = events[held.last_seq :]
        self._store.import_events(None, attempt_id, tail)
        self._attempts[attempt_id] = state
        return Change(attempt_id, tuple(tail), state)

    def tick(self, attempt_id: str) -> Change[AttemptState]:
        """End the attempt if its time ran out; otherwise change nothing."""
        state = self._attempt(attempt_id)
        if with_time(state, self.clock.monotonic_ms()).time_up:
            return self._commit(attempt_id, "ended", {"reason": EndReason.TIME_UP.value})
        return Change(attempt_id, (), self.attempt_state(attempt_id))

    def attempt_state(self, attempt_id: str) -> AttemptState:
        """The attempt's state with its time as of now."""
        return with_time(self._attempt(attempt_id), self.clock.monotonic_ms())

    def list_attempts(self) -> list[AttemptSummary]:
        """Every attempt of the store, oldest first."""
        out = []
        for info in self._store.logs("attempt"):
            state = self._attempts[info.log_id]
            out.append(
                AttemptSummary(
                    info.log_id,
                    state.candidate_id,
                    state.session_id,
                    info.created_wall,
                    state.status,
                    state.end_reason,
                    state.last_seq,
                )
            )
        return out

    def events(self, log_id: str, from_seq: int = 1) -> list[Event]:
        """Events of a log from ``from_seq`` on."""
        return self._store.events(log_id, from_seq)

    # session logs -------------------------------------------------------------------------

    def open_session(self, session_id: str) -> Change[SessionState]:
        """The session's log, created with ``session_opened`` if it does not exist yet."""
        log_id = SESSION_PREFIX + session_id
        if log_id in self._sessions:
            return Change(log_id, (), self._sessions[log_id])

        now = wall_iso(self.clock.wall())
        first = make_event(
            None, "session_opened", now, self.clock.monotonic_ms(), {"session_id": session_id}
        )
        state = session_step(SessionState(), first)
        self._store.create_log(LogInfo(log_id, "session", now, None, session_id), first)
        self._sessions[log_id] = state
        return Change(log_id, (first,), state)

    def append_session(
        self, session_id: str, type_: str, data: Mapping[str, Any]
    ) -> Change[SessionState]:
        """Check and durably append one event to a session log."""
        log_id = SESSION_PREFIX + session_id
        state = self._sessions.get(log_id)
        if state is None:
            raise InvalidInput(f"Journal de session inconnu : {session_id}")
        event = self._store.next_event(log_id, type_, data)
        new_state = session_step(state, event)
        self._store.append(log_id, event)
        self._sessions[log_id] = new_state
        return Change(log_id, (event,), new_state)

    def session_state(self, session_id: str) -> SessionState:
        """The session log's state."""
        state = self._sessions.get(SESSION_PREFIX + session_id)
        if state is None:
            raise InvalidInput(f"Journal de session inconnu : {session_id}")
        return state

    def close(self) -> None:
        """Checkpoint, close the connection and release the lock."""
        try:
            self._store.close()
        finally:
            self._lock.release()


def _first_divergence(mine: list[Event], theirs: list[Event]) -> int:
    """The seq of the first event where two copies of a log differ."""
    for a, b in zip(mine, theirs, strict=False):
        if a.hash != b.hash:
            return a.seq
    return min(len(mine), len(theirs)) + 1


def _database_key(data_dir: Path, provider: KeyProvider) -> tuple[bytes, bool]:
    """The database key (unsealed, or new for a new store) and whether it passed its check."""
    key_path, db_path = data_dir / KEY_NAME, data_dir / DB_NAME
    if key_path.exists():
        return unseal_key(read_key_file(key_path), provider), True
    if db_path.exists() and db_path.stat().st_size > 0:
        raise StoreCorrupted(f"Le fichier de clé {key_path} manque : {db_path} ne peut être ouvert")
    key = new_key()
    write_key_file(key_path, key, provider)
    return key, True


__all__ = ["AttemptSummary", "Change", "StoreCore", "TimeUp"]
