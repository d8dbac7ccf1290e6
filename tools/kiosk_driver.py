"""Drive a kiosk window programmatically (screenshots, benchmarks): no pytest, no sleeping.

Waiting means spinning the Qt event loop until the controller has no store job in flight.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from kiosk.app.controller import KioskController
from kiosk.app.kiosk_session import MemoryKioskSession
from kiosk.app.shell import KioskWindow
from kiosk.app.theme import Theme
from kiosk.core.clock import Clock
from kiosk.core.items import ItemType
from kiosk.store.key_providers import PassphraseProvider
from kiosk.store.service import Store

SAMPLE_ANSWERS: dict[ItemType, Any] = {
    ItemType.QCU: "1",
    ItemType.QCM: ["1", "2"],
    ItemType.QROC: "42",
}


def fast_provider() -> PassphraseProvider:
    """A passphrase provider with small Argon2 parameters (tools only)."""
    return PassphraseProvider("outil", time_cost=1, memory_kib=8192, parallelism=1)


class KioskDriver:
    """A kiosk window on a store in ``data_dir``; the display timer is driven by hand."""

    def __init__(
        self,
        data_dir: Path,
        clock: Clock,
        session: MemoryKioskSession,
        *,
        lang: str = "fr",
        theme: Theme | None = None,
        size: tuple[int, int] = (1280, 800),
    ) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.app = app
        self.clock = clock
        self.session = session
        self.store = Store.open(data_dir, fast_provider(), clock=clock)
        self.controller = KioskController(clock)
        self.window = KioskWindow(self.controller, lang=lang, theme=theme)
        self.window.resize(*size)
        self.window.show()
        self.controller.attach(self.store, session)
        self.controller.timer.stop()
        self.wait(lambda: self.controller.is_ready)

    def wait(self, condition: Any = None, timeout_s: float = 10.0) -> None:
        """Process events until ``condition()`` holds and no store job is in flight."""
        deadline = time.monotonic() + timeout_s
        while True:
            self.app.processEvents()
            if self.controller.idle and (condition is None or condition()):
                self.app.processEvents()
                return
            if time.monotonic() > deadline:
                raise TimeoutError("the kiosk did not settle")

    def screen(self) -> str:
        """The screen on show ("panel" for the invigilator panel)."""
        if self.window.panel_open:
            return "panel"
        view = self.window.view
        return view.screen.value if view is not None else ""

    def check_in(self, last: str, first: str, born: str, number: str, code: str) -> None:
        """Fill and submit the check-in form."""
        w = self.window
        if self.screen() == "startup":
            w.startup.continue_button.click()
        self.wait(lambda: self.screen() == "check_in")
        form = w.check_in
        form.session_edit.setText(number)
        form.code_edit.setText(code)
        form.last_name_edit.setText(last)
        form.first_name_edit.setText(first)
        form.birth_edit.setText(born)
        form.submit_button.click()
        self.wait(lambda: self.screen() not in ("check_in", "startup"))

    def invigilator(self, action: str, password: str, **args: Any) -> None:
        """Open the panel with the password, trigger ``action``."""
        w = self.window
        w.open_panel()
        w.panel.password_edit.setText(password)
        w.panel.open_button.click()
        w.panel.action.emit(action, dict(args))
        self.wait()

    def start(self) -> None:
        """Click « Commencer le test »."""
        self.window.instructions.start_button.click()
        self.wait(lambda: self.screen() in ("item", "focus_warning"))

    def fill_answer(self) -> None:
        """Put a plausible answer in the item on screen."""
        widget = self.window.test.host.widget
        assert widget is not None
        item = widget.item
        if item.type in SAMPLE_ANSWERS:
            widget.set_answer(SAMPLE_ANSWERS[item.type])
        else:
            widget.set_answer({f.name: "réponse" for f in item.fields})

    def next_item(self) -> None:
        """Answer and validate the item on screen (acknowledging a focus warning first)."""
        if self.screen() == "focus_warning":
            self.window.focus_warning.ok_button.click()
            self.wait(lambda: self.screen() == "item")
        self.fill_answer()
        self.window.test.validate_button.click()
        self.wait()

    def close(self) -> None:
        """Close the store and the window."""
        self.controller.close()
        self.window.hide()
        self.window.deleteLater()
