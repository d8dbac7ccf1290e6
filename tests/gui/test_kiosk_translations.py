"""The kiosk's catalogue is complete, current, and no French text shows in English (nor the reverse)."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit

from tests.gui.kiosk_data import KioskRig

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "kiosk_en.ts"
QM_FILE = ROOT / "resources" / "translations" / "kiosk_en.qm"
SOURCES = [
    ROOT / "kiosk" / "app" / name
    for name in (
        "shell.py",
        "invigilator_panel.py",
        "error_handler.py",
        "time_format.py",
        "setup_flow.py",
    )
] + sorted((ROOT / "kiosk" / "app" / "screens").glob("*.py"))
PLACEHOLDER = re.compile(r"\{[a-z_]*(?::[^}]*)?\}")


def _messages(path: Path) -> dict[tuple[str, str], str]:
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                out[(name, message.findtext("source"))] = ""
            else:
                out[(name, message.findtext("source"))] = translation.text or ""
    return out


def test_every_string_is_translated_with_its_placeholders() -> None:
    messages = _messages(TS_FILE)
    assert len(messages) > 100
    for (context, source), translation in messages.items():
        assert translation.strip(), f"{context}: « {source} » is not translated"
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), (
            source
        )


def test_catalogue_matches_the_source_code(tmp_path) -> None:
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    result = subprocess.run(
        [str(lupdate), *map(str, SOURCES), "-ts", str(fresh), "-locations", "none"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    in_code = set(_messages(fresh))
    in_catalogue = set(_messages(TS_FILE))
    assert in_code - in_catalogue == set(), "strings missing from kiosk_en.ts (run pyside6-lupdate)"
    assert in_catalogue - in_code == set(), "stale strings in kiosk_en.ts"
    assert QM_FILE.stat().st_mtime >= TS_FILE.stat().st_mtime - 1, (
        "kiosk_en.qm is older than the .ts"
    )


def _visible_texts(rig: KioskRig) -> set[str]:
    texts = set()
    for widget in rig.window.findChildren(QLabel) + rig.window.findChildren(QAbstractButton):
        if widget.isVisibleTo(rig.window) and widget.text():
            texts.add(widget.text())
    for edit in rig.window.findChildren(QLineEdit):
        if edit.placeholderText():
            texts.add(edit.placeholderText())
    return texts


def _walk_screens(rig: KioskRig) -> set[str]:
    """Visit the screens a candidate and an invigilator see; gather the texts on show."""
    seen = set()
    rig.window.startup.continue_button.click()
    rig.wait_screen("check_in")
    rig.window.check_in.submit_button.click()  # a refusal message
    seen |= _visible_texts(rig)
    rig.check_in()
    rig.wait_screen("awaiting_presence")
    seen |= _visible_texts(rig)
    rig.window.open_panel()
    seen |= _visible_texts(rig)
    rig.window.close_panel()
    rig.invigilator("confirm_presence")
    rig.wait_screen("instructions")
    seen |= _visible_texts(rig)
    rig.window.instructions.start_button.click()
    rig.wait_screen("item")
    rig.controller.tick()
    seen |= _visible_texts(rig)
    rig.window.test.skip_button.click()
    seen |= _visible_texts(rig)
    rig.window.test.cancel_skip_button.click()
    rig.controller.on_suspicious("focus_lost", "test")
    rig.wait_screen("locked")
    seen |= _visible_texts(rig)
    rig.invigilator("end_test")
    rig.wait_screen("ended")
    seen |= _visible_texts(rig)
    return seen


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_text_of_the_other_language_on_screen(
    qtbot, tmp_path, kiosk_clock, kiosk_session, lang
) -> None:
    messages = _messages(TS_FILE)
    french = {s for (_c, s), t in messages.items() if s != t}
    english = {t for (_c, s), t in messages.items() if s != t}
    rig = KioskRig(qtbot, tmp_path / "data", kiosk_clock, kiosk_session, lang=lang)
    try:
        shown = _walk_screens(rig)
    finally:
        rig.close()
    wrong = french if lang == "en" else english
    leaks = sorted(shown & wrong)
    assert not leaks, f"{lang}: texts of the other language on screen: {leaks}"
    assert len(shown) > 25
    if lang == "en":
        assert "Submit" in shown and "Time left: 2:00:00" in shown
    else:
        assert "Je valide" in shown and "Temps restant : 2:00:00" in shown
