"""Background work for the console: one worker thread, results back on the GUI thread.

Widgets never call the workspace directly: they hand a function to ``JobRunner.run``; it runs on
the single worker thread (so workspace calls never overlap), and its progress, result or error
come back through queued signals, handled on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from kiosk.core.errors import Bug, KioskError

log = logging.getLogger("invigilator.jobs")

ProgressFn = Callable[[float, str], None]


class Job(QObject):
    """One piece of background work; its signals are delivered on the GUI thread."""

    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)


class JobRunner(QObject):
    """Runs jobs one at a time on a worker thread; ``busy_changed`` says when work is pending."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="console-worker")
        self._pending = 0
        self._jobs: set[Job] = set()

    @property
    def busy(self) -> bool:
        """True while a job is queued or running."""
        return self._pending > 0

    def run(
        self,
        work: Callable[[ProgressFn], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[float, str], None] | None = None,
    ) -> None:
        """Run ``work(progress)`` in the background; exactly one of the callbacks follows."""
        job = Job()
        queued = Qt.ConnectionType.QueuedConnection
        job.succeeded.connect(on_done, queued)
        job.failed.connect(on_error, queued)
        if on_progress is not None:
            job.progressed.connect(on_progress, queued)
        job.succeeded.connect(lambda _r: self._finish(job), queued)
        job.failed.connect(lambda _e: self._finish(job), queued)
        self._jobs.add(job)
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

        def task() -> None:
            try:
                result = work(job.progressed.emit)
            except KioskError as exc:
                job.failed.emit(exc)
            except Exception as exc:  # a programming error: logged, shown calmly
                log.exception("console job failed")
                bug = Bug(f"{type(exc).__name__}: {exc}")
                bug.__cause__ = exc
                job.failed.emit(bug)
            else:
                job.succeeded.emit(result)

        self._pool.submit(task)

    def _finish(self, job: Job) -> None:
        self._jobs.discard(job)
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)

    def shutdown(self) -> None:
        """Wait for the running job, drop the queued ones."""
        self._pool.shutdown(wait=True, cancel_futures=True)
