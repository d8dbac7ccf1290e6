"""One long-lived thread that owns the database connection and runs store work in order."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from kiosk.core.errors import Bug, EnvironmentFailure, KioskError

T = TypeVar("T")
_STOP = object()


class StoreThread:
    """Runs submitted callables one at a time on a single thread; results come back as futures.

    Errors from the error tree reach the future as they are; any other exception becomes a
    ``Bug`` (its cause attached), never a raw traceback for the user.
    """

    def __init__(self, name: str = "certkiosk-store") -> None:
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._closed = False
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def submit(self, work: Callable[[], T]) -> Future[T]:
        """Queue ``work``; the returned future completes on the store thread.

        Raises:
            EnvironmentFailure: the store is closed.
        """
        if self._closed:
            raise EnvironmentFailure("Le stockage est fermé")
        future: Future[T] = Future()
        self._queue.put((work, future))
        return future

    def on_thread(self) -> bool:
        """True when called from the store thread itself."""
        return threading.current_thread() is self._thread

    def stop(self, timeout: float | None = 10.0) -> None:
        """Finish queued work, then end the thread."""
        if self._closed:
            return
        self._closed = True
        self._queue.put(_STOP)
        if not self.on_thread():
            self._thread.join(timeout)

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            work, future = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = work()
            except KioskError as exc:
                future.set_exception(exc)
            except Exception as exc:  # a programming error: reported as a Bug
                bug = Bug(f"Erreur interne du stockage : {type(exc).__name__}: {exc}")
                bug.__cause__ = exc
                future.set_exception(bug)
            else:
                future.set_result(result)
