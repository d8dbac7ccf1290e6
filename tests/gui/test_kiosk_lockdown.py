"""Lockdown: closing and quit keys do nothing, focus loss locks, the password unlocks, lockouts grow."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication

from kiosk.app.lockdown import WDA_EXCLUDEFROMCAPTURE, Lockdown, exclude_from_capture
from kiosk.core.attempt_state import Status


@pytest.fixture
def locked_down(kiosk):
    """The kiosk with the application-wide lockdown installed and wired as in main()."""
    app = QApplication.instance()
    lockdown = Lockdown(app, windowed=True)
    lockdown.blocked.connect(kiosk.controller.on_blocked)
    lockdown.suspicious.connect(kiosk.controller.on_suspicious)
    lockdown.install()
    lockdown.guard(kiosk.window)
    yield kiosk, lockdown
    lockdown.release()
    lockdown.uninstall()


def _press(widget, key: Qt.Key, mods=Qt.KeyboardModifier.NoModifier) -> bool:
    event = QKeyEvent(QEvent.Type.KeyPress, key, mods)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_close_alt_f4_and_escape_do_nothing(locked_down, qtbot) -> None:
    kiosk, lockdown = locked_down
    kiosk.to_first_item()
    item = kiosk.window.view.item.id
    blocked: list[str] = []
    lockdown.blocked.connect(blocked.append)
    assert kiosk.window.close() is False
    _press(kiosk.window.test.validate_button, Qt.Key.Key_Escape)
    _press(kiosk.window.test.validate_button, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    _press(kiosk.window.test.validate_button, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    _press(kiosk.window.test.validate_button, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    kiosk.settle()
    assert kiosk.window.isVisible()
    assert kiosk.screen() == "item" and kiosk.window.view.item.id == item
    assert blocked == ["close", "key:Esc", "key:Alt+F4", "key:Ctrl+Q", "key:Ctrl+W"]


def test_ordinary_keys_still_reach_the_screen(locked_down, qtbot) -> None:
    kiosk, _ = locked_down
    kiosk.window.startup.continue_button.click()
    kiosk.wait_screen("check_in")
    qtbot.keyClicks(kiosk.window.check_in.session_edit, "987")
    assert kiosk.window.check_in.session_edit.text() == "987"


def test_focus_loss_locks_until_the_invigilator_unlocks(locked_down) -> None:
    kiosk, _ = locked_down
    kiosk.to_first_item()
    item = kiosk.window.view.item.id
    QGuiApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    kiosk.wait_screen("locked")
    assert "focus" in kiosk.window.waiting.detail.text()
    used = kiosk.controller.live_state().time_used_ms
    kiosk.clock.advance(600_000)  # time stops while locked
    assert kiosk.controller.live_state().time_used_ms == used
    kiosk.invigilator("unlock")
    kiosk.wait_screen("item")
    assert kiosk.window.view.item.id == item
    assert kiosk.controller.state.focus_losses == 1


def test_focus_loss_on_a_focus_item_marks_the_answer_focused_out(locked_down) -> None:
    kiosk, _ = locked_down
    kiosk.to_first_item()
    while kiosk.screen() == "item":
        kiosk.answer_current()
        kiosk.window.test.validate_button.click()
        kiosk.settle()
    assert kiosk.screen() == "focus_warning"
    kiosk.window.focus_warning.ok_button.click()
    kiosk.wait_screen("item")
    assert kiosk.window.view.item.focus
    QGuiApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    kiosk.wait_screen("locked")
    kiosk.invigilator("unlock")
    kiosk.wait_screen("item")
    item = kiosk.answer_current()
    kiosk.window.test.validate_button.click()
    kiosk.wait_screen("ended")
    assert kiosk.controller.state.answers[item].focused_out


def test_an_added_screen_locks(locked_down) -> None:
    kiosk, _ = locked_down
    kiosk.to_first_item()
    kiosk.controller.on_suspicious("screen_added", "HDMI-2")
    kiosk.wait_screen("locked")
    assert kiosk.controller.state.lock_reason == "screen_added"


def test_wrong_passwords_lock_the_panel_out_for_longer_each_time(kiosk) -> None:
    kiosk.to_first_item()
    QGuiApplication.instance()  # the panel is reachable from the chord as well as the lock screen
    w = kiosk.window
    w.open_panel()
    for attempt in range(1, 5):
        w.panel.password_edit.setText("mauvais")
        w.panel.open_button.click()
        assert f"Essais restants avant blocage : {5 - attempt}" in w.panel.gate_message.text()
    w.panel.password_edit.setText("mauvais")
    w.panel.open_button.click()
    assert "réessayez dans 0 min 30 s" in w.panel.gate_message.text()
    # Even the right password is refused during the lockout.
    w.panel.password_edit.setText("surveillant-2025")
    w.panel.open_button.click()
    assert not w.panel.unlocked
    kiosk.clock.advance(31_000)
    for _ in range(5):
        w.panel.password_edit.setText("encore faux")
        w.panel.open_button.click()
    assert "réessayez dans 1 min 00 s" in w.panel.gate_message.text()
    kiosk.clock.advance(61_000)
    w.panel.password_edit.setText("surveillant-2025")
    w.panel.open_button.click()
    assert w.panel.unlocked


def test_invigilator_actions_need_the_password(kiosk) -> None:
    kiosk.check_in()
    kiosk.wait_screen("awaiting_presence")
    assert kiosk.controller.desk.confirm_presence() is False
    kiosk.settle()
    assert kiosk.controller.state.status is Status.AWAITING_PRESENCE


def test_chord_opens_the_invigilator_panel(kiosk, qtbot) -> None:
    kiosk.to_first_item()
    with qtbot.waitActive(kiosk.window):
        kiosk.window.activateWindow()
    qtbot.keyClick(
        kiosk.window.test.validate_button,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.ShiftModifier,
    )
    assert kiosk.screen() == "panel"
    kiosk.window.panel.back_button.click()
    assert kiosk.screen() == "item"


def test_clipboard_is_cleared_at_start_and_foreign_content_replaced(qtbot) -> None:
    app = QApplication.instance()
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("secret venu d'ailleurs")
    lockdown = Lockdown(app, windowed=True)
    seen: list[str] = []
    lockdown.suspicious.connect(lambda code, _detail: seen.append(code))
    lockdown.install()
    try:
        assert clipboard.text() == ""
        lockdown.mark_next_change_foreign()
        clipboard.setText("collé depuis un autre programme")
        assert clipboard.text() == ""
        assert seen == ["clipboard"]
    finally:
        lockdown.uninstall()


def test_copy_inside_the_kiosk_stays_available_inside(qtbot) -> None:
    app = QApplication.instance()
    clipboard = QGuiApplication.clipboard()
    lockdown = Lockdown(app, windowed=True)
    lockdown.install()
    try:
        lockdown._change_is_ours = lambda: True  # type: ignore[method-assign]
        clipboard.setText("copié dans le kiosque")
        lockdown._change_is_ours = lambda: False  # type: ignore[method-assign]
        clipboard.setText("intrus")
        assert clipboard.text() == "copié dans le kiosque"
    finally:
        lockdown.uninstall()
    assert clipboard.text() == ""


def test_windows_capture_exclusion_code_path() -> None:
    calls: list[tuple[int, int]] = []

    def fake_affinity(hwnd: int, affinity: int) -> int:
        calls.append((hwnd, affinity))
        return 1

    assert exclude_from_capture(4242, platform="win32", set_affinity=fake_affinity) is True
    assert calls == [(4242, WDA_EXCLUDEFROMCAPTURE)]
    assert exclude_from_capture(4242, platform="linux", set_affinity=fake_affinity) is False
    assert calls == [(4242, WDA_EXCLUDEFROMCAPTURE)]
    assert exclude_from_capture(1, platform="win32", set_affinity=lambda _h, _a: 0) is False


def test_guard_excludes_every_guarded_window_from_capture_on_windows(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    calls: list[int] = []
    app = QApplication.instance()
    lockdown = Lockdown(
        app, windowed=True, platform="win32", set_affinity=lambda h, _a: calls.append(h) or 1
    )
    window = QWidget()
    qtbot.addWidget(window)
    lockdown.guard(window)
    assert calls == [int(window.winId())]


def test_locked_down_window_fills_its_screen_even_without_a_window_manager(qtbot) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QWidget

    app = QApplication.instance()
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(320, 200)
    Lockdown(app).guard(window)
    screen = window.screen()
    assert window.geometry() == screen.geometry()
    assert window.isFullScreen()
    flags = window.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    # The resolution changes (a projector plugged in, xrandr): the window follows it.
    bigger = QRect(0, 0, screen.geometry().width() + 200, screen.geometry().height() + 100)
    screen.geometryChanged.emit(bigger)
    assert window.geometry() == bigger


def test_windowed_development_mode_keeps_the_window_size(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    app = QApplication.instance()
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(320, 200)
    Lockdown(app, windowed=True).guard(window)
    assert window.size().width() == 320 and window.size().height() == 200
    assert not window.isFullScreen()


def test_windowed_mode_opens_at_a_usable_size(qtbot) -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QWidget

    app = QApplication.instance()
    lockdown = Lockdown(app, windowed=True)
    window = QWidget()
    qtbot.addWidget(window)
    lockdown.guard(window)
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert window.width() >= min(800, area.width()) and window.height() >= min(600, area.height())


def _recorded_lockdown() -> tuple[Lockdown, list[str]]:
    """A windowed lockdown and the list its ``blocked`` reports go to."""
    lockdown = Lockdown(QApplication.instance(), windowed=True)
    blocked: list[str] = []
    lockdown.blocked.connect(blocked.append)
    return lockdown, blocked


def _with_field(qtbot, window):  # type: ignore[no-untyped-def]
    """``window`` holding one text field (returned), closed by qtbot at the end."""
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    qtbot.addWidget(window)
    field = QLineEdit(window)
    QVBoxLayout(window).addWidget(field)
    return field


def test_a_guarded_window_refuses_to_close_before_the_application_wide_guard(qtbot) -> None:
    """The first window is shown before ``guard_keys``: closing and quit keys reaching it still fail."""
    from PySide6.QtWidgets import QWidget

    lockdown, blocked = _recorded_lockdown()
    window = QWidget()
    field = _with_field(qtbot, window)
    lockdown.guard(window)
    assert window.close() is False
    _press(field, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    _press(field, Qt.Key.Key_Escape)
    _press(field, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, "Dupont")
    assert window.isVisible() and field.text() == "Dupont"
    assert blocked == ["close", "key:Alt+F4", "key:Esc", "key:Ctrl+W"]
    lockdown.release()
    assert window.close() is True


def test_the_key_guard_reaches_windows_that_are_not_guarded(qtbot) -> None:
    """Dialogs are separate windows: once ``guard_keys`` is on, their quit keys are swallowed too."""
    from PySide6.QtWidgets import QDialog

    lockdown, blocked = _recorded_lockdown()
    dialog = QDialog()
    field = _with_field(qtbot, dialog)
    dialog.show()
    lockdown.guard_keys()
    try:
        _press(field, Qt.Key.Key_Escape)
        assert dialog.isVisible()
        assert blocked == ["key:Esc"]
    finally:
        lockdown.uninstall()
    _press(field, Qt.Key.Key_Escape)  # without the guard, Esc closes a dialog
    assert not dialog.isVisible()


def _style_in_fresh_process(make_app: str) -> str:
    """The style name of a QApplication made by ``make_app`` in a new interpreter, where the
    environment asks for the "Windows" style (what a platform default would do)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_STYLE_OVERRIDE="Windows")
    code = f"import sys\n{make_app}\nprint(app.style().name().lower())\n"
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip().splitlines()[-1]


def test_the_kiosk_application_is_in_the_fusion_style_whatever_the_platform_asks() -> None:
    plain = "from PySide6.QtWidgets import QApplication\napp = QApplication(sys.argv[:1])"
    assert _style_in_fresh_process(plain) == "windows"  # the override takes effect...
    kiosk = "from kiosk.app.kiosk_app import create_application\napp = create_application()"
    assert _style_in_fresh_process(kiosk) == "fusion"  # ...except for the kiosk
