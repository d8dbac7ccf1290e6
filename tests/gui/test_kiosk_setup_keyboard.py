"""Keyboard only at a kiosk set up from a kit: enrolment, kit import, a console code, the export.

And the same screens in English show no French text of the kiosk's catalogue.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from invigilator.kits import KioskRegistry
from kiosk.core.clock import FakeClock
from kiosk.core.codes import response_for
from tests.fixtures.kit.world import MORNING, PASSWORD, make_world
from tests.gui.kiosk_kit_rig import KitKiosk, console_kits
from tests.gui.test_kiosk_translations import TS_FILE, _messages

SESSION = "S-2026-0315"
ACCESS = "BCDF23"
MARIE = ("Dupont", "Marie", "12/04/2000")
NUMBER = 4
CHORD = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ShiftModifier
)


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def _tab_to(qtbot, target: QWidget, limit: int = 40) -> QWidget:  # type: ignore[no-untyped-def]
    for _ in range(limit):
        widget = QApplication.focusWidget()
        if widget is target:
            return widget
        qtbot.keyClick(widget or QApplication.activeWindow(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target!r} (stuck on {QApplication.focusWidget()!r})")


def _type(qtbot, target: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    _tab_to(qtbot, target)
    qtbot.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(target, text)


def _press(qtbot, button: QWidget) -> None:  # type: ignore[no-untyped-def]
    _tab_to(qtbot, button)
    qtbot.keyClick(button, Qt.Key.Key_Space)


def _texts(window: QWidget) -> set[str]:
    shown = set()
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if widget.isVisibleTo(window) and widget.text():
            shown.add(widget.text())
    for edit in window.findChildren(QLineEdit):
        if edit.isVisibleTo(window) and edit.placeholderText():
            shown.add(edit.placeholderText())
    return shown


def _walk(qtbot, tmp_path: Path, lang: str) -> set[str]:  # type: ignore[no-untyped-def]
    """Enrol, import the kit, confirm presence by console code, export: keyboard only."""
    world = make_world(tmp_path / "world")
    usb = tmp_path / "usb"
    usb.mkdir()
    seen: set[str] = set()
    kiosk = KitKiosk(qtbot, tmp_path / "kiosk", FakeClock(wall=MORNING), lang=lang)
    try:
        w = kiosk.window
        with qtbot.waitActive(w):
            w.activateWindow()
        kiosk.wait_screen("enrol")
        enrol = w.enrol
        assert _focused() is enrol.number_spin
        qtbot.keyClick(enrol.number_spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(enrol.number_spin, str(NUMBER))
        _press(qtbot, enrol.enrol_button)  # no name yet: refused, the name field is next
        kiosk.settle()
        assert enrol.message.isVisibleTo(w) and _focused() is enrol.name_edit
        seen |= _texts(w)
        _type(qtbot, enrol.name_edit, f"Poste {NUMBER}")
        _type(qtbot, enrol.folder.edit, str(usb))
        _press(qtbot, enrol.enrol_button)
        kiosk.settle()
        assert (usb / f"poste-{NUMBER:02d}.ckposte").exists()
        assert _focused() is enrol.continue_button
        seen |= _texts(w)
        qtbot.keyClick(_focused(), Qt.Key.Key_Space)
        kiosk.wait_screen("kit")
        # The console registers the record and writes the kit; the manager imports it.
        registry = KioskRegistry(tmp_path / "console" / "kiosks.json")
        registry.enrol((usb / f"poste-{NUMBER:02d}.ckposte").read_bytes())
        (kit,) = console_kits(world, registry, usb, kiosk_numbers=[NUMBER])
        kits = w.kit_import
        _type(qtbot, kits.folder.edit, str(usb))
        _press(qtbot, kits.search_button)
        kiosk.settle()
        # One kit on the stick: it is chosen and verified, and the code field takes the focus.
        assert kits.kits.currentItem() is not None and _focused() is kits.code_edit
        seen |= _texts(w)
        _type(qtbot, kits.code_edit, kit.code.replace("-", " ").lower())
        qtbot.keyClick(kits.code_edit, Qt.Key.Key_Return)
        kiosk.wait_screen("startup")
        kiosk.check_in(SESSION, ACCESS, *MARIE)
        kiosk.wait_screen("awaiting_presence")
        # A console code, without the password: chord, then Tab into the code box.
        qtbot.keyClick(_focused(), Qt.Key.Key_S, CHORD)
        assert _focused() is w.panel.password_edit
        box = w.panel.code_box
        _tab_to(qtbot, box.action_combo)
        assert box.action_combo.currentText()
        _press(qtbot, box.challenge_button)
        kiosk.settle()
        challenge = kiosk.controller.pending_challenge
        assert challenge is not None and challenge.text() in box.challenge_text.text()
        seen |= _texts(w)
        response = response_for(world.session.session_secret, SESSION, challenge)
        _type(qtbot, box.response_edit, response.lower())
        qtbot.keyClick(box.response_edit, Qt.Key.Key_Return)
        kiosk.wait_screen("instructions")
        # The export, with the password.
        qtbot.keyClick(_focused(), Qt.Key.Key_S, CHORD)
        qtbot.keyClicks(_focused(), PASSWORD)
        qtbot.keyClick(_focused(), Qt.Key.Key_Return)
        panel = w.panel
        assert panel.unlocked
        _type(qtbot, panel.export_folder.edit, str(usb))
        _press(qtbot, panel.export_button)
        kiosk.settle()
        assert panel.export_message.isVisibleTo(w)
        assert list(usb.glob("*poste-04*")) != [], panel.export_message.text()
        seen |= _texts(w)
    finally:
        kiosk.close()
    exported = [p for p in usb.iterdir() if p.suffix not in (".ckposte", ".ckkit", ".json")]
    assert exported, "no export written"
    return seen


def test_enrol_import_code_and_export_with_the_keyboard_only(qtbot, tmp_path: Path) -> None:
    shown = _walk(qtbot, tmp_path, "fr")
    assert any("Export écrit" in text for text in shown)


def test_the_set_up_screens_in_english_show_no_french(qtbot, tmp_path: Path) -> None:
    messages = _messages(TS_FILE)
    french = {s for (_c, s), t in messages.items() if s != t}
    shown = _walk(qtbot, tmp_path, "en")
    leaks = sorted(shown & french)
    assert not leaks, f"French texts on the English set-up screens: {leaks}"
    assert any("Export written" in text for text in shown), shown
    assert {"Register the kiosk", "Show the kiosk's code"} & shown, shown
    assert len(shown) > 25
