"""The Qt-free store API the apps call: ``Store``, its ``AttemptService`` and ``SessionLogService``.

Every call returns a ``concurrent.futures.Future`` completed on the one store thread that owns
the SQLCipher connection (the Qt side turns ``add_done_callback`` into a queued signal). Each
mutating call resolves to a ``Change`` — the new events and the new immutable state — once the
events are durably committed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

from kiosk.core.attempt_state import AttemptState, EndReason
from kiosk.core.clock import Clock, SystemClock
from kiosk.core.events import Event
from kiosk.core.session_log import SessionState
from kiosk.store.key_providers import KeyProvider
from kiosk.store.store_core import SESSION_PREFIX, AttemptSummary, Change, StoreCore
from kiosk.store.store_thread import StoreThread

T = TypeVar("T")
AttemptChange = Change[AttemptState]
SessionChange = Change[SessionState]


class Store:
    """An open store in a data folder; ``attempts`` and ``sessions`` are its two services."""

    def __init__(self, thread: StoreThread, core: StoreCore) -> None:
        self._thread = thread
        self._core = core
        self.clock = core.clock
        self.data_dir = core.data_dir
        self.startup_changes: tuple[AttemptChange, ...] = core.startup_changes
        self.attempts = AttemptService(self)
        self.sessions = SessionLogService(self)

    @classmethod
    def open_async(
        cls,
        data_dir: Path,
        provider: KeyProvider,
        *,
        clock: Clock | None = None,
        replica: bool = False,
    ) -> Future[Store]:
        """Open (or create) the store on a new store thread; the future gives the ``Store``.

        ``replica``: the console's copy of kiosks' logs (no restart is marked on open).
        """
        thread = StoreThread()
        chosen = clock if clock is not None else SystemClock()
        opened: Future[Store] = Future()

        def done(result: Future[StoreCore]) -> None:
            error = result.exception()
            if error is not None:
                thread.stop(timeout=None)
                opened.set_exception(error)
            else:
                opened.set_result(cls(thread, result.result()))

        thread.submit(
            lambda: StoreCore.open(Path(data_dir), provider, chosen, replica=replica)
        ).add_done_callback(done)
        return opened

    @classmethod
    def open(
        cls,
        data_dir: Path,
        provider: KeyProvider,
        *,
        clock: Clock | None = None,
        replica: bool = False,
    ) -> Store:
        """Open (or create) the store and wait for it (key derivation may take ~0.1–0.5 s).

        Raises:
            StoreLocked, AuthenticationError, StoreCorrupted, IntegrityError, StorageFull,
            EnvironmentFailure, InvalidInput.
        """
        return cls.open_async(data_dir, provider, clock=clock, replica=replica).result()

    def run(self, work: Callable[[StoreCore], T]) -> Future[T]:
        """Run ``work`` with the core on the store thread."""
        core = self._core
        return self._thread.submit(lambda: work(core))

    def close(self) -> None:
        """Finish queued work, checkpoint, close and release the lock."""
        core = self._core
        if self._thread.on_thread():
            core.close()
            return
        try:
            self._thread.submit(core.close).result()
        finally:
            self._thread.stop()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AttemptService:
    """Attempts: create, record events (checked by the rules), read events and states."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def _append(
        self, attempt_id: str, type_: str, data: Mapping[str, Any]
    ) -> Future[AttemptChange]:
        return self._store.run(lambda core: core.append_attempt(attempt_id, type_, dict(data)))

    def create(
        self, candidate_id: str, session_id: str, kiosk_id: str, attempt_id: str | None = None
    ) -> Future[AttemptChange]:
        """A new attempt, checked in (status ``checked_in``)."""
        return self._store.run(
            lambda core: core.create_attempt(candidate_id, session_id, kiosk_id, attempt_id)
        )

    def append(self, attempt_id: str, type_: str, data: Mapping[str, Any]) -> Future[AttemptChange]:
        """Any attempt event by type (see docs/formats/event-log.md); the typed calls are preferred.

        The future fails with TransitionRefused (not allowed now), TimeUp (time ran out: the
        attempt was ended), StorageFull or EnvironmentFailure; nothing is stored then.
        """
        return self._append(attempt_id, type_, data)

    def confirm_presence(self, attempt_id: str, by: str) -> Future[AttemptChange]:
        """The invigilator confirms the candidate is present."""
        return self._append(attempt_id, "presence_confirmed", {"by": by})

    def revoke_presence(self, attempt_id: str, by: str) -> Future[AttemptChange]:
        """The invigilator undoes a presence confirmation (before the start)."""
        return self._append(attempt_id, "presence_revoked", {"by": by})

    def assemble(
        self,
        attempt_id: str,
        *,
        seed: str,
        duration_s: int,
        extra_time_pct: str,
        items: Sequence[Mapping[str, Any]],
    ) -> Future[AttemptChange]:
        """Record the assembled test: items ``{id, competence, type, timer_s, focus}`` in order."""
        data = {
            "seed": seed,
            "duration_s": duration_s,
            "extra_time_pct": extra_time_pct,
            "items": [dict(item) for item in items],
        }
        return self._append(attempt_id, "assembled", data)

    def start(self, attempt_id: str) -> Future[AttemptChange]:
        """The candidate starts the test (presence confirmed and test assembled)."""
        return self._append(attempt_id, "started", {})

    def show_item(self, attempt_id: str, item_id: str) -> Future[AttemptChange]:
        """The current item is on screen (its own timer, if any, runs from now)."""
        return self._append(attempt_id, "item_shown", {"item": item_id})

    def save_answer(
        self,
        attempt_id: str,
        item_id: str,
        answer: Any,
        *,
        timed_out: bool = False,
        focused_out: bool = False,
    ) -> Future[AttemptChange]:
        """Save the raw answer to the current item and move on (``timed_out`` is set if due)."""
        data = {
            "item": item_id,
            "answer": answer,
            "timed_out": timed_out,
            "focused_out": focused_out,
        }
        return self._append(attempt_id, "answer_saved", data)

    def skip_item(self, attempt_id: str, item_id: str) -> Future[AttemptChange]:
        """The candidate skips the current item (no going back)."""
        return self._append(attempt_id, "item_skipped", {"item": item_id})

    def focus_lost(self, attempt_id: str, detail: str = "") -> Future[AttemptChange]:
        """The kiosk lost focus (usually followed by ``lock``)."""
        return self._append(attempt_id, "focus_lost", {"detail": detail})

    def lock(self, attempt_id: str, reason: str) -> Future[AttemptChange]:
        """Lock the screen (time stops) for ``reason``."""
        return self._append(attempt_id, "locked", {"reason": reason})

    def unlock(self, attempt_id: str, by: str) -> Future[AttemptChange]:
        """The invigilator unlocks."""
        return self._append(attempt_id, "unlocked", {"by": by})

    def authorise_resume(self, attempt_id: str, by: str) -> Future[AttemptChange]:
        """The invigilator lets an interrupted test go on."""
        return self._append(attempt_id, "resume_authorised", {"by": by})

    def extend_time(
        self, attempt_id: str, minutes: int, reason: str, by: str
    ) -> Future[AttemptChange]:
        """The invigilator adds ``minutes`` to the whole test."""
        return self._append(
            attempt_id, "time_extended", {"minutes": minutes, "reason": reason, "by": by}
        )

    def report_problem(
        self, attempt_id: str, item_id: str, category: str, text: str
    ) -> Future[AttemptChange]:
        """The candidate reports a problem (E-code) on the current item; time stops."""
        data = {"item": item_id, "category": category, "text": text}
        return self._append(attempt_id, "problem_reported", data)

    def resolve_problem(
        self, attempt_id: str, report_seq: int, outcome: str, by: str
    ) -> Future[AttemptChange]:
        """The invigilator validates (item set aside) or dismisses a pending report."""
        data = {"report": report_seq, "outcome": outcome, "by": by}
        return self._append(attempt_id, "problem_resolved", data)

    def heartbeat(self, attempt_id: str) -> Future[AttemptChange]:
        """Record that the test is still running (bounds the time a crash can lose)."""
        return self._append(attempt_id, "heartbeat", {})

    def end(
        self, attempt_id: str, reason: EndReason | str, by: str | None = None
    ) -> Future[AttemptChange]:
        """End the attempt (``by`` is required for ``by_invigilator``)."""
        data: dict[str, Any] = {"reason": str(EndReason(reason))}
        if by is not None:
            data["by"] = by
        return self._append(attempt_id, "ended", data)

    def import_log(self, events: Sequence[Event]) -> Future[AttemptChange]:
        """Merge a kiosk's copy of an attempt log (see ``StoreCore.import_attempt``).

        The change holds the events added: none when this copy brings nothing new.
        """
        copied = list(events)
        return self._store.run(lambda core: core.import_attempt(copied))

    def tick(self, attempt_id: str) -> Future[AttemptChange]:
        """End the attempt with ``time_up`` if its time ran out (empty change otherwise)."""
        return self._store.run(lambda core: core.tick(attempt_id))

    def state(self, attempt_id: str) -> Future[AttemptState]:
        """The attempt's state, time as of now."""
        return self._store.run(lambda core: core.attempt_state(attempt_id))

    def events(self, attempt_id: str, from_seq: int = 1) -> Future[list[Event]]:
        """The attempt's events from ``from_seq`` on (e.g. to sync from the last acknowledged)."""
        return self._store.run(lambda core: core.events(attempt_id, from_seq))

    def list(self) -> Future[list[AttemptSummary]]:
        """Every attempt in the store."""
        return self._store.run(lambda core: core.list_attempts())


class SessionLogService:
    """The session-level log: presence, incidents, finalisation notes."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def open(self, session_id: str) -> Future[SessionChange]:
        """The session's log, created on first use."""
        return self._store.run(lambda core: core.open_session(session_id))

    def append(self, session_id: str, type_: str, data: Mapping[str, Any]) -> Future[SessionChange]:
        """Append a session event (see docs/formats/event-log.md)."""
        return self._store.run(lambda core: core.append_session(session_id, type_, dict(data)))

    def state(self, session_id: str) -> Future[SessionState]:
        """The session log's state."""
        return self._store.run(lambda core: core.session_state(session_id))

    def events(self, session_id: str, from_seq: int = 1) -> Future[list[Event]]:
        """The session log's events from ``from_seq`` on."""
        return self._store.run(lambda core: core.events(SESSION_PREFIX + session_id, from_seq))
