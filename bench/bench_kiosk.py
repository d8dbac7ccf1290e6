"""Kiosk benchmarks (offscreen), measured in one run so the ratios are fair on a noisy machine.

The data folder is prepared through the real kit path (``bench/kiosk_prepare.py``: a console world
over the shipped item bank, kiosk enrolment, kit built by the console, kit imported with its code),
then, in the same run:

1. Cold start to the check-in screen painted, against a bare PySide6 window started the same way:
   a fresh ``python -c`` subprocess each, full screen, timed from launch to a "READY" line printed at
   the first paint of the check-in screen (the kiosk) or of the window (bare). The kiosk shows its
   start-up checks first; the child presses « Continuer » as soon as it is enabled, as a candidate
   would. « Continuer » works before the data is open (a check-in sent early waits, « Préparation
   du poste… »), so that figure can come before the data is ready: the time until the check-in
   form actually works (check-in painted and the session open, its last attempt read back) is
   measured too. Medians of ``RUNS`` alternating runs; ratio kiosk / bare (target ≤ 1.5). The
   kiosk window's own first paint (start-up checks) is shown too.
2. « Je valide » → next item painted, p50/p99 over a 48-item test (``bench/kiosk_sitting.py``, in a
   subprocess: real stores, real clock, two durable commits per click). Target p99 < 50 ms.
3. Peak memory (max RSS) of that same process after the whole test (target < 250 MB).

Every child has a deadline: a failure or a hang stops the benchmark with a message, never blocks
it. Figures only, no asserts on timing.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.bench_kiosk
"""

from __future__ import annotations

import json
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RUNS = 9
START_TIMEOUT_S = 60.0
SITTING_TIMEOUT_S = 300.0

_BARE = """
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print("READY", flush=True)
            app.exit(0)
        return False
watch = FirstPaint()
window = QWidget()
window.installEventFilter(watch)
window.showFullScreen()
app.exec()
"""

# The kiosk children run the kiosk's real ``main`` (which creates the application) after hooking the
# ``FrontWindow`` class: the kiosk's top-level window, whose first screens (the start-up checks,
# then the check-in form) paint before the rest of the kiosk loads behind them. They load in the
# kiosk's own order: ``kiosk.app.main`` (no Qt) first, then PySide6 and the first window.
#
# Paints are watched with event filters on the watched widgets only (the window, the check-in
# screen's last field), put there as the window is built, never with an application-wide filter:
# such a filter runs Python for every event of every widget (about 60 µs each here), and the
# kiosk's first window (some fifty widgets, about 400 events while it is built) would pay some
# 25 ms for being watched, which the one-widget bare window does not. The bare window is watched the same way. The check-in
# screen counts as painted at the paint event of its last field (birth date): Qt paints the screen,
# its « Valider » button, then the scrolled form, title first, that field last. A timer queued
# there would also wait for whatever the window queued while painting (the next loading step).
_KIOSK_PRELUDE = """
import sys
from kiosk.app.main import main
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from kiosk.app import front_window
class Watch(QObject):
    front = None
    pressed = False
    finished = False
    def eventFilter(self, watched, event):
        if event.type() != QEvent.Type.Paint or self.front is None:
            return False
        if watched is self.front:
            self.press_continue_once()
        elif watched.isVisible():  # the check-in screen's last field: the rest is painted
            self.check_in_painted()
        return False
    def press_continue_once(self):
        startup = self.front.startup
        if self.pressed or not startup.isVisible():
            return
        if not startup.continue_button.isEnabled():
            QTimer.singleShot(1, self.press_continue_once)
            return
        self.pressed = True
        QTimer.singleShot(0, startup.continue_button.click)
    def check_in_painted(self):
        pass
    def kiosk_built(self, kiosk):
        pass
    def done(self):
        if not self.finished:
            self.finished = True
            print("READY", flush=True)
            QApplication.instance().exit(0)
def watch_front(watch):
    built, handed_over = front_window.FrontWindow.__init__, front_window.FrontWindow.hand_over
    def init(front, *args, **kwargs):
        built(front, *args, **kwargs)
        watch.front = front
        front.installEventFilter(watch)
        front.check_in.birth_edit.installEventFilter(watch)
    def hand_over(front, *args, **kwargs):
        kiosk = handed_over(front, *args, **kwargs)
        watch.kiosk_built(kiosk)
        return kiosk
    front_window.FrontWindow.__init__ = init
    front_window.FrontWindow.hand_over = hand_over
def run_kiosk(watch):
    watch_front(watch)
    sys.exit(main(["--data-dir", sys.argv[1], "--passphrase-file", sys.argv[2]]))
"""

# READY at the first paint of the check-in screen; « Continuer » pressed once it is enabled.
_KIOSK_CHECK_IN = (
    _KIOSK_PRELUDE
    + """
class CheckInPainted(Watch):
    def check_in_painted(self):
        self.done()
run_kiosk(CheckInPainted())
"""
)

# Same start, READY once the check-in screen has painted AND the controller has the session open
# (the form sent then is checked at once): what « usable » means for a candidate.
_KIOSK_USABLE = (
    _KIOSK_PRELUDE
    + """
class CheckInUsable(Watch):
    painted = False
    controller = None
    def check_in_painted(self):
        self.painted = True
        self.done_if_usable()
    def kiosk_built(self, kiosk):
        self.controller = kiosk.controller
        self.controller.ready.connect(self.done_if_usable)
        self.done_if_usable()
    def done_if_usable(self):
        if self.painted and self.controller is not None and self.controller.loaded:
            self.done()
run_kiosk(CheckInUsable())
"""
)

# READY at the kiosk window's first paint (the start-up checks).
_KIOSK_FIRST_PAINT = (
    _KIOSK_PRELUDE
    + """
class FirstPaint(Watch):
    def press_continue_once(self):
        self.done()
run_kiosk(FirstPaint())
"""
)


_PYCACHE = Path(tempfile.gettempdir()) / "certkiosk-bench-pycache"


class BenchFailure(RuntimeError):
    """A child process failed or did not answer in time."""


def _env() -> dict[str, str]:
    """The children's environment: offscreen, this checkout first, Python's bytecode cache on.

    An installed kiosk runs from compiled bytecode (the PyInstaller archive holds ``.pyc`` files);
    a machine that sets ``PYTHONDONTWRITEBYTECODE`` would instead make every child compile the
    project from source at every start. The cache goes to the bench's own folder
    (``PYTHONPYCACHEPREFIX``), the bare window and the kiosk get the same setting, and the first,
    unmeasured run of each fills it.
    """
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(_PYCACHE)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _stop(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)


def time_to_ready(args: list[str], timeout_s: float = START_TIMEOUT_S) -> float:
    """Seconds from launching ``args`` to its "READY" line; waits for the child to exit.

    Raises:
        BenchFailure: the child exited without READY, failed, or exceeded ``timeout_s``.
    """
    lines: queue.Queue[str | None] = queue.Queue()
    start = time.perf_counter()
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(), cwd=ROOT
    )

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    deadline = start + timeout_s
    try:
        while True:
            try:
                line = lines.get(timeout=max(0.0, deadline - time.perf_counter()))
            except queue.Empty:
                raise BenchFailure(f"{args[1][:40]!r}… not ready after {timeout_s:.0f} s") from None
            if line is None:
                raise BenchFailure(f"child exited without READY: {_stderr_tail(proc)}")
            if line.strip() == "READY":
                elapsed = time.perf_counter() - start
                break
        proc.wait(timeout=max(1.0, deadline - time.perf_counter()))
        if proc.returncode != 0:
            raise BenchFailure(f"child exit {proc.returncode}: {_stderr_tail(proc)}")
        return elapsed
    except subprocess.TimeoutExpired:
        raise BenchFailure("child ready but never exited") from None
    finally:
        _stop(proc)


def _stderr_tail(proc: subprocess.Popen[str]) -> str:
    _stop(proc)
    text = proc.stderr.read() if proc.stderr is not None else ""
    return " | ".join(text.strip().splitlines()[-3:]) or "(no error output)"


def cold_start(prepared: Any) -> dict[str, float]:
    """Median seconds to READY for a bare window and for the kiosk, and their ratios."""
    kiosk_args = [sys.executable, "-c", _KIOSK_CHECK_IN, *prepared.args()]
    usable_args = [sys.executable, "-c", _KIOSK_USABLE, *prepared.args()]
    paint_args = [sys.executable, "-c", _KIOSK_FIRST_PAINT, *prepared.args()]
    # unmeasured first runs: the attempt store is created, the file and bytecode caches warmed
    # (the usable run loads the data side too)
    for args in (kiosk_args, usable_args, paint_args, [sys.executable, "-c", _BARE]):
        time_to_ready(args)
    bare, kiosk, usable, painted = [], [], [], []
    for _ in range(RUNS):
        bare.append(time_to_ready([sys.executable, "-c", _BARE]))
        kiosk.append(time_to_ready(kiosk_args))
        usable.append(time_to_ready(usable_args))
        painted.append(time_to_ready(paint_args))
    b, k, p = statistics.median(bare), statistics.median(kiosk), statistics.median(painted)
    u = statistics.median(usable)
    return {
        "bare_s": b,
        "kiosk_s": k,
        "ratio": k / b,
        "usable_s": u,
        "usable_ratio": u / b,
        "painted_s": p,
        "painted_ratio": p / b,
    }


def sitting(prepared: Any) -> dict[str, Any]:
    """Run ``bench.kiosk_sitting`` on the prepared folder; its figures.

    Raises:
        BenchFailure: the child failed or exceeded its time.
    """
    doc = json.dumps({k: str(v) for k, v in asdict(prepared).items()})
    try:
        out = subprocess.run(
            [sys.executable, "-m", "bench.kiosk_sitting", doc],
            capture_output=True,
            text=True,
            env=_env(),
            cwd=ROOT,
            timeout=SITTING_TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        raise BenchFailure(
            f"the 48-item sitting took more than {SITTING_TIMEOUT_S:.0f} s"
        ) from None
    lines = [x for x in out.stdout.splitlines() if x.startswith("{")]
    if out.returncode != 0 or not lines:
        tail = " | ".join(out.stderr.strip().splitlines()[-3:])
        raise BenchFailure(f"sitting failed (exit {out.returncode}): {tail}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def percentile(sorted_samples: list[float], fraction: float) -> float:
    """The nearest-rank percentile of already sorted samples."""
    index = min(len(sorted_samples) - 1, round(fraction * (len(sorted_samples) - 1)))
    return sorted_samples[index]


def main() -> None:
    """Prepare a kiosk through its kit, run the three kiosk benchmarks, print their figures."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from bench.kiosk_prepare import prepare_kiosk

    with tempfile.TemporaryDirectory(prefix="certkiosk-bench-") as work:
        try:
            began = time.perf_counter()
            prepared = prepare_kiosk(Path(work))
            print(f"kiosk prepared through its kit in {time.perf_counter() - began:.1f} s")
            start = cold_start(prepared)
            sat = sitting(prepared)
        except BenchFailure as exc:
            print(f"kiosk benchmark stopped: {exc}")
            return
    print(
        f"cold start to the check-in screen painted: kiosk {start['kiosk_s'] * 1000:.0f} ms, "
        f"bare PySide6 window {start['bare_s'] * 1000:.0f} ms, ratio {start['ratio']:.2f} "
        f"(target <= 1.5; medians of {RUNS})"
    )
    print(
        f"cold start to the check-in form usable (painted and the session open): "
        f"{start['usable_s'] * 1000:.0f} ms, ratio {start['usable_ratio']:.2f}"
    )
    print(
        f"cold start to the kiosk window's first paint (start-up checks, data still opening): "
        f"{start['painted_s'] * 1000:.0f} ms, ratio {start['painted_ratio']:.2f}"
    )
    samples = sorted(sat["samples_ms"])
    if samples:
        print(
            f"'Je valide' -> next item painted: p50 {statistics.median(samples):.1f} ms, "
            f"p99 {percentile(samples, 0.99):.1f} ms, max {samples[-1]:.1f} ms over "
            f"{len(samples)} items (target p99 < 50 ms)"
        )
    else:
        print("'Je valide' -> next item painted: no sample")
    print(
        f"peak memory over a {sat['items']}-item test: {sat['max_rss_mb']:.0f} MB "
        f"(target < 250 MB; ended on '{sat['screen']}')"
    )


if __name__ == "__main__":
    main()
