"""Keyboard only: a whole test from the start-up screen to the end, and accessible names everywhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QApplication, QLineEdit, QWidget

from kiosk.core.attempt_state import EndReason
from kiosk.core.items import ItemType
from tests.gui.kiosk_data import ACCESS_CODE, ANSWERS, PASSWORD, SESSION_NUMBER

NO_MODS = Qt.KeyboardModifier.NoModifier


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


def _tab_to(qtbot, predicate, limit: int = 40) -> QWidget:
    for _ in range(limit):
        widget = _focused()
        if widget is not None and predicate(widget):
            return widget
        qtbot.keyClick(widget or QApplication.activeWindow(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached the control (stuck on {_focused()!r})")


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(_focused(), text)


def _answer_by_keyboard(kiosk, qtbot) -> None:
    item = kiosk.window.view.item
    answer = ANSWERS[item.id]
    host = kiosk.window.test.host.widget
    if item.type in (ItemType.QCU, ItemType.QCM):
        wanted = [answer] if isinstance(answer, str) else answer
        names = {p.text for p in item.proposals}
        for proposal_id in wanted:
            text = next(p.text for p in item.proposals if p.id == proposal_id)
            if item.type is ItemType.QCU:  # radio buttons: Tab enters the group, arrows move
                _tab_to(
                    qtbot, lambda w: isinstance(w, QAbstractButton) and w.accessibleName() in names
                )
                for _ in range(len(names)):
                    if _focused().accessibleName() == text:
                        break
                    qtbot.keyClick(_focused(), Qt.Key.Key_Down)
            button = _tab_to(
                qtbot, lambda w, t=text: isinstance(w, QAbstractButton) and w.accessibleName() == t
            )
            if not button.isChecked():
                qtbot.keyClick(button, Qt.Key.Key_Space)
        _tab_to(qtbot, lambda w: w is kiosk.window.test.validate_button)
        qtbot.keyClick(_focused(), Qt.Key.Key_Space)
        return
    values = [answer] if isinstance(answer, str) else list(answer.values())
    for value in values:
        edit = _tab_to(
            qtbot, lambda w: isinstance(w, QLineEdit) and w.text() == "" and host.isAncestorOf(w)
        )
        qtbot.keyClicks(edit, value)
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)  # Enter in a field validates


def test_a_whole_test_with_the_keyboard_only(kiosk, qtbot) -> None:
    w = kiosk.window
    with qtbot.waitActive(w):
        w.activateWindow()
    assert _focused() is w.startup.continue_button
    qtbot.keyClick(_focused(), Qt.Key.Key_Space)
    kiosk.wait_screen("check_in")
    assert _focused() is w.check_in.session_edit
    for text in (SESSION_NUMBER, ACCESS_CODE, "dupre", "elodie", "12/04/1990"):
        _type(qtbot, text)
        if text != "12/04/1990":
            qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)
    kiosk.wait_screen("awaiting_presence")
    # The invigilator, keyboard only too: chord, password, Enter, Space on the action.
    qtbot.keyClick(
        _focused() or w,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _focused() is w.panel.password_edit
    _type(qtbot, PASSWORD)
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)
    assert _focused() is w.panel.confirm_presence_button
    qtbot.keyClick(_focused(), Qt.Key.Key_Space)
    kiosk.wait_screen("instructions")
    assert _focused() is w.instructions.start_button
    qtbot.keyClick(_focused(), Qt.Key.Key_Space)
    kiosk.wait_screen("item")
    while kiosk.screen() in ("item", "focus_warning"):
        if kiosk.screen() == "focus_warning":
            assert _focused() is w.focus_warning.ok_button
            qtbot.keyClick(_focused(), Qt.Key.Key_Space)
            kiosk.wait_screen("item")
        _answer_by_keyboard(kiosk, qtbot)
        kiosk.settle()
    assert kiosk.screen() == "ended"
    state = kiosk.controller.state
    assert state.end_reason is EndReason.COMPLETED
    assert {k: v.answer for k, v in state.answers.items()} == ANSWERS


def _controls(root: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QLineEdit, QAbstractSpinBox)
    return [
        c
        for c in root.findChildren(QWidget)
        if isinstance(c, kinds) and not isinstance(c.parent(), QAbstractSpinBox)
    ]


def test_every_control_has_an_accessible_name(kiosk) -> None:
    kiosk.to_first_item()
    w = kiosk.window
    for page in (
        w.startup,
        w.check_in,
        w.waiting,
        w.instructions,
        w.focus_warning,
        w.test,
        w.end,
        w.panel,
    ):
        for control in _controls(page):
            iface = QAccessible.queryAccessibleInterface(control)
            assert iface is not None
            name = iface.text(QAccessible.Text.Name)
            assert name.strip(), (
                f"{type(page).__name__}: {control.objectName() or control!r} has no accessible name"
            )


def test_time_left_is_spoken_in_words(kiosk) -> None:
    kiosk.to_first_item()
    kiosk.controller.tick()
    iface = QAccessible.queryAccessibleInterface(kiosk.window.test.header.time_left)
    assert iface.text(QAccessible.Text.Name) == "Temps restant"
    assert iface.text(QAccessible.Text.Description) == "2 heures 0 minute"
