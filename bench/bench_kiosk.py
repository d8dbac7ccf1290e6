"""Kiosk benchmarks (offscreen), measured in one run so the ratios are fair on a noisy machine.

1. Cold start to the check-in screen (window painted, store and session open) against a bare
   PySide6 window, both started the same way: a fresh ``python -c`` subprocess, timed from launch to
   a "READY" line. Median of several alternating runs; ratio kiosk / bare (target ≤ 1.5).
2. « Je valide » → next item painted, p50/p99 over a 48-item test on a real SQLCipher store
   (two durable commits per click: the answer and the next item shown). Target p99 < 50 ms.
3. Peak memory (max RSS) of a process that sits a whole 48-item test (target < 250 MB).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.bench_kiosk
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5
PASSPHRASE = "phrase de passe du banc"

_BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
w = QWidget(); w.resize(1280, 800); w.show()
QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
app.exec()
"""

_KIOSK = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
import kiosk.app.controller as controller
loaded = controller.KioskController._on_loaded
def ready(self, snapshot):
    loaded(self, snapshot)
    QTimer.singleShot(0, lambda: (print("READY", flush=True), app.exit(0)))  # exit: no close events
controller.KioskController._on_loaded = ready
from kiosk.app.main import main
main(["--data-dir", sys.argv[1], "--passphrase-file", sys.argv[2], "--windowed"])
"""

_KIOSK_FIRST_PAINT = """
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and type(watched).__name__ == "KioskWindow":
            print("READY", flush=True)
            app.removeEventFilter(self)
            app.exit(0)
        return False
watch = FirstPaint()
app.installEventFilter(watch)
from kiosk.app.main import main
main(["--data-dir", sys.argv[1], "--passphrase-file", sys.argv[2], "--windowed"])
"""

_FULL_TEST = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from kiosk.core.clock import FakeClock
from tools.kiosk_driver import KioskDriver
from tools.kiosk_sample import DEMO_CODE, DEMO_PASSWORD, DEMO_SESSION, bank_session
session = bank_session()
driver = KioskDriver(Path(sys.argv[1]), FakeClock(), session)
driver.check_in("Dupré", "Élodie", "12/04/1990", DEMO_SESSION, DEMO_CODE)
driver.invigilator("confirm_presence", DEMO_PASSWORD)
driver.start()
items = 0
while driver.screen() in ("item", "focus_warning"):
    driver.next_item()
    items += 1
rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"items": items, "max_rss_mb": rss_kb / 1024, "screen": driver.screen()}}))
driver.close(); session.cleanup()
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _time_to_ready(args: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=_env(), cwd=ROOT
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == "READY":
            elapsed = time.perf_counter() - start
            proc.wait(timeout=30)
            return elapsed
    proc.wait(timeout=30)
    raise RuntimeError(f"{args[:3]} never became ready (exit {proc.returncode})")


def prepare_data_dir(folder: Path) -> Path:
    """A kiosk data folder with the demo session installed; returns the passphrase file."""
    sys.path.insert(0, str(ROOT))
    from kiosk.app.kiosk_session import write_session_file
    from kiosk.store.key_providers import PassphraseProvider
    from tools.kiosk_sample import bank_session

    session = bank_session()
    provider = PassphraseProvider(PASSPHRASE)
    write_session_file(folder, session, session.media, provider)
    secret = folder.parent / "passphrase.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    return secret


def cold_start() -> dict[str, float]:
    """Median seconds to READY for a bare window and for the kiosk, and their ratio."""
    with tempfile.TemporaryDirectory(prefix="certkiosk-bench-") as work:
        data = Path(work) / "data"
        secret = prepare_data_dir(data)
        bare, kiosk, painted = [], [], []
        _time_to_ready([sys.executable, "-c", _KIOSK, str(data), str(secret)])  # creates the store
        for _ in range(RUNS):
            bare.append(_time_to_ready([sys.executable, "-c", _BARE]))
            kiosk.append(_time_to_ready([sys.executable, "-c", _KIOSK, str(data), str(secret)]))
            painted.append(
                _time_to_ready([sys.executable, "-c", _KIOSK_FIRST_PAINT, str(data), str(secret)])
            )
    b, k, p = statistics.median(bare), statistics.median(kiosk), statistics.median(painted)
    return {"bare_s": b, "kiosk_s": k, "ratio": k / b, "painted_s": p, "painted_ratio": p / b}


def validate_latency() -> dict[str, float]:
    """« Je valide » → next item painted, in milliseconds (p50, p99, max) over a 48-item test."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from kiosk.core.clock import FakeClock
    from tools.kiosk_driver import KioskDriver
    from tools.kiosk_sample import DEMO_CODE, DEMO_PASSWORD, DEMO_SESSION, bank_session

    app = QApplication.instance() or QApplication(sys.argv[:1])

    class PaintWatch(QObject):
        """Notes the first paint of a given widget (or its children)."""

        def __init__(self) -> None:
            super().__init__()
            self.target: QObject | None = None
            self.painted = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Paint
                and self.target is not None
                and (watched is self.target or self.target.isAncestorOf(watched))  # type: ignore[attr-defined]
            ):
                self.painted = True
            return False

    samples: list[float] = []
    with tempfile.TemporaryDirectory(prefix="certkiosk-bench-") as work:
        session = bank_session()
        driver = KioskDriver(Path(work) / "data", FakeClock(), session)
        driver.check_in("Dupré", "Élodie", "12/04/1990", DEMO_SESSION, DEMO_CODE)
        driver.invigilator("confirm_presence", DEMO_PASSWORD)
        driver.start()
        watch = PaintWatch()
        app.installEventFilter(watch)
        host = driver.window.test.host
        while driver.screen() in ("item", "focus_warning"):
            if driver.screen() == "focus_warning":
                driver.window.focus_warning.ok_button.click()
                driver.wait(lambda: driver.screen() == "item")
            driver.fill_answer()
            before = host.widget
            watch.target, watch.painted = None, False
            start = time.perf_counter()
            driver.window.test.validate_button.click()
            while True:
                app.processEvents()
                if host.widget is not before and watch.target is None:
                    watch.target = host.widget
                if driver.screen() in ("ended", "focus_warning"):
                    break
                if watch.target is not None and watch.painted:
                    samples.append((time.perf_counter() - start) * 1000)
                    break
            driver.wait()
        app.removeEventFilter(watch)
        driver.close()
        session.cleanup()
    samples.sort()
    p99 = samples[min(len(samples) - 1, round(0.99 * (len(samples) - 1)))]
    return {
        "n": len(samples),
        "p50_ms": statistics.median(samples),
        "p99_ms": p99,
        "max_ms": samples[-1],
    }


def peak_memory() -> dict[str, float]:
    """Max RSS of a process sitting a whole 48-item test."""
    with tempfile.TemporaryDirectory(prefix="certkiosk-bench-") as work:
        code = _FULL_TEST.format(root=str(ROOT))
        out = subprocess.run(
            [sys.executable, "-c", code, str(Path(work) / "data")],
            capture_output=True,
            text=True,
            env=_env(),
            cwd=ROOT,
            check=True,
        )
    line = [x for x in out.stdout.splitlines() if x.startswith("{")][-1]
    result: dict[str, float] = json.loads(line)
    return result


def main() -> None:
    """Run the three kiosk benchmarks and print their figures."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = cold_start()
    print(
        f"cold start to check-in: kiosk {start['kiosk_s'] * 1000:.0f} ms, bare PySide6 window "
        f"{start['bare_s'] * 1000:.0f} ms, ratio {start['ratio']:.2f} (target <= 1.5; medians of {RUNS})"
    )
    print(
        f"cold start to the kiosk window's first paint (start-up checks shown, data still opening): "
        f"{start['painted_s'] * 1000:.0f} ms, ratio {start['painted_ratio']:.2f}"
    )
    latency = validate_latency()
    print(
        f"'Je valide' -> next item painted: p50 {latency['p50_ms']:.1f} ms, p99 {latency['p99_ms']:.1f} ms, "
        f"max {latency['max_ms']:.1f} ms over {latency['n']:.0f} items (target p99 < 50 ms)"
    )
    memory = peak_memory()
    print(
        f"peak memory over a {memory['items']:.0f}-item test: {memory['max_rss_mb']:.0f} MB "
        f"(target < 250 MB; ended on '{memory['screen']}')"
    )


if __name__ == "__main__":
    main()
