"""The console in English: the catalogue is complete, compiled, and every screen uses it."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from invigilator.app.context import ConsoleContext
from invigilator.app.jobs import JobRunner
from invigilator.app.main import load_translator, set_language
from invigilator.app.window import ConsoleWindow
from invigilator.home import CentreHome
from kiosk.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]


def test_catalogue_is_complete_and_up_to_date(tmp_path: Path) -> None:
    ts = resource_path("translations", "invigilator_en.ts")
    messages = list(ET.parse(ts).getroot().iter("message"))
    assert len(messages) > 100
    unfinished = [m.findtext("source") for m in messages
                  if m.find("translation").get("type") or not m.findtext("translation")]  # fmt: skip
    assert unfinished == []
    # Every string the code marks for translation is in the catalogue (lupdate finds no new one).
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "invigilator" / "app").glob("*.py"))
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {(m.findtext("source")) for m in ET.parse(fresh).getroot().iter("message")}
    assert wanted <= {m.findtext("source") for m in messages}
    assert load_translator("en") is not None and load_translator("fr") is None


def test_screens_speak_english(qtbot, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translator = set_language(app, "en")
    try:
        window = ConsoleWindow(ConsoleContext(CentreHome(tmp_path / "c"), JobRunner()))
        qtbot.addWidget(window)
        assert window.windowTitle() == "certkiosk — centre console"
        assert window.setup.title.text() == "Create the exam centre"
        assert window.setup.create_button.text() == "Create the keys and the enrolment &request"
        assert window.session.tabs.tabText(3) == "&Finalisation"
        assert window.session.tabs.tabText(1) == "C&odes"
        assert window.sessions.table.horizontalHeaderItem(5).text() == "Content pack"
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.French))
