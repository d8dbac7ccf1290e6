"""A candidate sits a whole test on a kit-prepared kiosk, in this process (run by bench_kiosk).

``python -m bench.kiosk_sitting '<PreparedKiosk as JSON>'`` opens the kiosk as ``kiosk.app.main``
does (setup controller, candidate controller, window, both encrypted stores on the store thread,
real clock; without the lockdown filter), checks a candidate in, confirms presence with the
invigilator password, starts, and validates every item. For each « Je valide » it notes the time
until the next item's widget is painted. It prints one JSON line: the samples in milliseconds, the
number of items, the screen it ended on and the peak resident memory (``ru_maxrss``).

Every wait has a deadline and a watchdog ends the process, so it never hangs.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app.controller import KioskController
from kiosk.app.kiosk_app import create_application
from kiosk.app.kiosk_backend import KioskBackend
from kiosk.app.setup_controller import SetupController
from kiosk.app.shell import KioskWindow
from kiosk.app.theme import Theme, apply_theme
from kiosk.core.clock import SystemClock
from kiosk.core.items import ItemType
from kiosk.store.key_providers import PassphraseProvider

WATCHDOG_S = 240.0
STEP_S = 20.0
ANSWERS: dict[ItemType, Any] = {ItemType.QCU: "1", ItemType.QCM: ["1", "2"], ItemType.QROC: "42"}


class PaintWatch(QObject):
    """Notes whether a target widget (or one of its children) was painted."""

    def __init__(self) -> None:
        super().__init__()
        self.target: QWidget | None = None
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Watch paint events only; never consume anything."""
        target = self.target
        if (
            event.type() == QEvent.Type.Paint
            and target is not None
            and isinstance(watched, QWidget)
            and (watched is target or target.isAncestorOf(watched))
        ):
            self.painted = True
        return False


class Sitting:
    """The kiosk window and its controllers, driven by hand."""

    def __init__(self, app: QApplication, data_dir: Path, passphrase: str) -> None:
        self.app = app
        apply_theme(app, Theme())
        clock = SystemClock()
        self.controller = KioskController(clock)
        self.setup = SetupController()
        self.window = KioskWindow(self.controller, setup=self.setup)
        self.window.resize(1280, 800)
        self.window.show()
        self.backend = KioskBackend.open(data_dir, PassphraseProvider(passphrase), clock)
        self.setup.attach(self.backend)
        self.wait(lambda: self.controller.is_ready, "the kit's session never opened")

    def wait(self, condition: Callable[[], bool], what: str) -> None:
        """Spin the event loop until ``condition()`` holds and no job is in flight."""
        deadline = time.monotonic() + STEP_S
        while not (condition() and self.controller.idle and self.setup.idle):
            self.app.processEvents()
            if time.monotonic() > deadline:
                raise TimeoutError(what)
        self.app.processEvents()

    def screen(self) -> str:
        """The candidate's screen on show ("panel" while the invigilator panel is open)."""
        if self.window.panel_open:
            return "panel"
        view = self.window.view
        return view.screen.value if view is not None else ""

    def to_first_item(self, who: dict[str, str]) -> None:
        """Check in, presence confirmed by the invigilator, instructions read, test started."""
        w = self.window
        w.startup.continue_button.click()
        self.wait(lambda: self.screen() == "check_in", "no check-in screen")
        form = w.check_in
        form.session_edit.setText(who["session_id"])
        form.code_edit.setText(who["access_code"])
        form.last_name_edit.setText(who["last_name"])
        form.first_name_edit.setText(who["first_name"])
        form.birth_edit.setText(who["birth_date"])
        form.submit_button.click()
        self.wait(lambda: self.screen() == "awaiting_presence", "check-in refused")
        w.open_panel()
        w.panel.password_edit.setText(who["password"])
        w.panel.open_button.click()
        w.panel.action.emit("confirm_presence", {})
        self.wait(lambda: self.screen() == "instructions", "presence not confirmed")
        w.instructions.start_button.click()
        self.wait(lambda: self.screen() in ("item", "focus_warning"), "the test did not start")

    def fill_answer(self) -> None:
        """A plausible answer in the item on screen."""
        widget = self.window.test.host.widget
        assert widget is not None
        item = widget.item
        answer = ANSWERS.get(item.type, {f.name: "réponse" for f in item.fields})
        widget.set_answer(answer)

    def sit(self) -> tuple[list[float], int]:
        """Validate every item; the times to the next item painted (ms) and the items done."""
        watch = PaintWatch()
        self.app.installEventFilter(watch)
        host = self.window.test.host
        samples: list[float] = []
        items = 0
        while self.screen() in ("item", "focus_warning"):
            if self.screen() == "focus_warning":
                self.window.focus_warning.ok_button.click()
                self.wait(lambda: self.screen() == "item", "focus warning stuck")
            self.fill_answer()
            before = host.widget
            watch.target, watch.painted = None, False
            deadline = time.monotonic() + STEP_S
            start = time.perf_counter()
            self.window.test.validate_button.click()
            while True:
                self.app.processEvents()
                if host.widget is not before and watch.target is None:
                    watch.target = host.widget
                if self.screen() in ("ended", "focus_warning"):
                    break
                if watch.target is not None and watch.painted:
                    samples.append((time.perf_counter() - start) * 1000)
                    break
                if time.monotonic() > deadline:
                    raise TimeoutError(f"item {items + 1}: the next item was never painted")
            items += 1
            self.wait(lambda: True, "the answer was never recorded")
        self.app.removeEventFilter(watch)
        return samples, items

    def close(self) -> None:
        """Close the stores as the kiosk does at exit."""
        attached = self.controller.is_ready
        self.controller.close()
        if not attached:
            self.backend.close()
        flow = self.window.setup_flow
        if flow is not None and flow.session is not None:
            flow.session.cleanup()


def main(argv: list[str]) -> int:
    """Sit the test described by ``argv[0]`` (JSON) and print the figures."""
    watchdog = threading.Timer(WATCHDOG_S, lambda: os._exit(3))
    watchdog.daemon = True
    watchdog.start()
    who = json.loads(argv[0])
    app = create_application()
    sitting = Sitting(app, Path(who["data_dir"]), Path(who["passphrase_file"]).read_text("utf-8"))
    try:
        sitting.to_first_item(who)
        samples, items = sitting.sit()
        screen = sitting.screen()
    finally:
        sitting.close()
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {"samples_ms": samples, "items": items, "screen": screen, "max_rss_mb": rss_kb / 1024}
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
