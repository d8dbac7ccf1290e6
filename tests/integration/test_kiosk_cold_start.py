"""The kiosk's real start (``kiosk.app.main``), in a process of its own, as a candidate meets it.

The data folder is prepared through the real kit path (``bench/kiosk_prepare.py``). The child runs
``main`` with a small driver hooked on the first window: it records what the first paint shows,
presses « Continuer », types a real candidate's check-in and sends it at once (the kiosk's data may
still be opening), then, once the whole kiosk has taken over, tries to close the window and to
leave a dialog with Esc. It prints what it saw as one JSON line and leaves with ``exit``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.kiosk_prepare import PreparedKiosk, prepare_kiosk

ROOT = Path(__file__).resolve().parents[2]

_DRIVER = """
import json, sys
from tests.fixtures.first_paint import loaded_too_early
from kiosk.app.main import main
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout
from PySide6.QtCore import Qt
from kiosk.app import front_window

data_dir, secret, session, code, last, first, born = sys.argv[1:8]
seen = {}

def finish():
    print(json.dumps(seen), flush=True)
    QApplication.instance().exit(0)

def after_hand_over(front):
    kiosk = front.kiosk
    seen["close_refused"] = front.close() is False
    dialog = QDialog(kiosk)
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    dialog.show()
    QApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape,
                                            Qt.KeyboardModifier.NoModifier))
    seen["dialog_kept_by_esc"] = dialog.isVisible()
    dialog.done(0)
    def wait_for_screen(tries=[0]):
        view = kiosk.view
        screen = view.screen.value if view is not None else ""
        tries[0] += 1
        if screen not in ("startup", "check_in") or tries[0] > 3000:
            seen["screen"] = screen
            seen["candidate"] = view.candidate.display if view and view.candidate else ""
            seen["warnings"] = [w.code for w in view.warnings] if view else []
            finish()
        else:
            QTimer.singleShot(5, wait_for_screen)
    wait_for_screen()

class Driver(QObject):
    front = None
    stage = "first paint"
    def eventFilter(self, watched, event):
        if event.type() != QEvent.Type.Paint or self.front is None:
            return False
        front = self.front
        if self.stage == "first paint" and watched is front:
            self.stage = "check-in"
            seen["first_paint_shows_startup"] = front.startup.isVisible()
            seen["loaded_too_early"] = loaded_too_early(sys.modules)
            seen["whole_kiosk_built_at_first_paint"] = front.kiosk is not None
            QTimer.singleShot(0, front.startup.continue_button.click)
        elif self.stage == "check-in" and watched is front.check_in:
            self.stage = "sent"
            QTimer.singleShot(0, self.send)
        return False
    def send(self):
        ci = self.front.check_in
        for edit, text in ((ci.session_edit, session), (ci.code_edit, code),
                           (ci.last_name_edit, last), (ci.first_name_edit, first),
                           (ci.birth_edit, born)):
            edit.setText(text)
        seen["form_sent_before_hand_over"] = self.front.kiosk is None
        ci.submit_button.click()
        self.wait_for_kiosk()
    def wait_for_kiosk(self):
        if self.front.kiosk is None:
            QTimer.singleShot(5, self.wait_for_kiosk)
        else:
            after_hand_over(self.front)

driver = Driver()
built = front_window.FrontWindow.__init__
def init(front, *args, **kwargs):
    built(front, *args, **kwargs)
    driver.front = front
    front.installEventFilter(driver)
    front.check_in.installEventFilter(driver)
front_window.FrontWindow.__init__ = init
sys.exit(main(["--data-dir", data_dir, "--passphrase-file", secret]))
"""


def _start(prepared: PreparedKiosk) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    p = prepared
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            _DRIVER,
            *p.args(),
            p.session_id,
            p.access_code,
            p.last_name,
            p.first_name,
            p.birth_date,
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    lines = [x for x in result.stdout.splitlines() if x.startswith("{")]
    assert result.returncode == 0 and lines, result.stderr[-2000:]
    seen: dict[str, Any] = json.loads(lines[-1])
    return seen


def test_a_candidate_checks_in_on_the_first_window_of_a_cold_kiosk(tmp_path: Path) -> None:
    prepared = prepare_kiosk(tmp_path)
    seen = _start(prepared)
    # the start-up checks are painted before the rest of the kiosk is even built
    assert seen["first_paint_shows_startup"] is True
    assert seen["whole_kiosk_built_at_first_paint"] is False
    assert seen["loaded_too_early"] == []  # no store, crypto, YAML or dataclasses yet
    # the form typed on that first window reaches the controller once the data is open: the
    # candidate's attempt exists and waits for the invigilator (locked at once when the start-up
    # checks found something, e.g. a virtual machine, as on most CI runners)
    assert seen["form_sent_before_hand_over"] is True
    assert prepared.last_name.upper() in seen["candidate"]
    expected = "locked" if seen["warnings"] else "awaiting_presence"
    assert seen["screen"] == expected, json.dumps(seen)
    # once the whole kiosk has taken over: the window refuses to close, Esc does not leave a dialog
    assert seen["close_refused"] is True
    assert seen["dialog_kept_by_esc"] is True
