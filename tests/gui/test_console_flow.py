"""The console driven like an invigilator would, offscreen, with real files at every step."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QWidget,
)

from invigilator.app.choosers import Chooser
from invigilator.app.context import ConsoleContext
from invigilator.app.jobs import JobRunner
from invigilator.app.window import ConsoleWindow
from invigilator.home import CentreHome
from kiosk.core.codes import Challenge, CodeAction, check_response
from kiosk.seal.content_pack import open_content_pack
from kiosk.seal.trust import Trust
from tests.fixtures.centre_world import (
    NOW,
    PASSPHRASE,
    CentreWorld,
    build_world,
    export_kiosk,
    issue_kit,
    open_kiosk,
    run_attempt,
)
from tests.fixtures.seal.samples import FAST_KDF


class Answers(Chooser):
    """Answers the file dialogs from a queue the test fills."""

    def __init__(self) -> None:
        self.queue: list[object] = []

    def _next(self) -> object:
        return self.queue.pop(0)

    def open_files(self, parent: QWidget, title: str, pattern: str) -> list[Path]:
        return self._next()  # type: ignore[return-value]

    def open_file(self, parent: QWidget, title: str, pattern: str) -> Path | None:
        return self._next()  # type: ignore[return-value]

    def folder(self, parent: QWidget, title: str) -> Path | None:
        return self._next()  # type: ignore[return-value]

    def save_file(self, parent: QWidget, title: str, suggested: str, pattern: str) -> Path | None:
        return self._next()  # type: ignore[return-value]


@pytest.fixture
def world(tmp_path: Path) -> Iterator[CentreWorld]:
    """Authority, enrolled centre (certificate not imported yet), pack and session files."""
    w = build_world(tmp_path, centre_ready=False)
    yield w
    w.close()


def make_window(qtbot, home: CentreHome) -> tuple[ConsoleWindow, Answers]:
    """A console window on ``home`` with scripted file dialogs."""
    answers = Answers()
    context = ConsoleContext(home, JobRunner(), chooser=answers, kdf=FAST_KDF)
    window = ConsoleWindow(context)
    qtbot.addWidget(window)
    window.show()
    return window, answers


def settle(qtbot, window: ConsoleWindow) -> None:
    """Wait until every background job has come back."""
    qtbot.waitUntil(lambda: not window.busy, timeout=20_000)


CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QSpinBox, QPlainTextEdit, QTableWidget)


def assert_named(window: ConsoleWindow) -> int:
    """Every visible control has an accessible name; returns how many were checked."""
    checked = 0
    for widget in window.findChildren(QWidget):
        if isinstance(widget, CONTROLS) and widget.isVisibleTo(window):
            if widget.objectName().startswith("qt_") or not widget.isEnabled():
                continue
            assert widget.accessibleName(), f"{type(widget).__name__} without accessible name"
            checked += 1
    return checked


def test_set_up_and_unlock_screens_are_named(qtbot, world: CentreWorld, tmp_path: Path) -> None:
    window, _ = make_window(qtbot, CentreHome(tmp_path / "empty"))
    assert assert_named(window) >= 6
    window, _ = make_window(qtbot, world.home)
    assert assert_named(window) >= 2


def unlock(qtbot, window: ConsoleWindow, passphrase: str = PASSPHRASE) -> None:
    """Type the passphrase and open."""
    window.unlock.passphrase.setText(passphrase)
    qtbot.keyClick(window.unlock.passphrase, Qt.Key.Key_Return)
    settle(qtbot, window)


def test_centre_setup_creates_keys_and_request(qtbot, world: CentreWorld, tmp_path: Path) -> None:
    window, answers = make_window(qtbot, CentreHome(tmp_path / "new-centre"))
    page = window.setup
    assert window.stack.currentWidget() is window.containers[page]
    qtbot.keyClicks(page.centre_id, "CTR-09")
    page.name.setText("Lycée Jean Moulin")  # QTest types ASCII only
    answers.queue.append(world.authority_home / "authority-public.json")
    qtbot.mouseClick(page.browse, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.passphrase, "phrase secrete longue")
    qtbot.keyClicks(page.confirm, "autre chose")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert page.message.kind == "error" and "diffèrent" in page.message.text()
    page.confirm.clear()
    qtbot.keyClicks(page.confirm, "phrase secrete longue")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert (tmp_path / "new-centre" / "enrolment-request.ckenrq").exists()
    assert window.stack.currentWidget() is window.containers[window.sessions]
    assert "Certificat du centre non importé" in window.sessions.centre.text()
    answers.queue.append(tmp_path / "copie.ckenrq")
    qtbot.mouseClick(page.save_request, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert (tmp_path / "copie.ckenrq").exists()


def test_wrong_passphrase_is_said_calmly(qtbot, world: CentreWorld) -> None:
    window, _ = make_window(qtbot, world.home)
    unlock(qtbot, window, "pas la bonne")
    assert window.unlock.message.text() == "Phrase secrète du centre incorrecte"
    assert window.context.workspace is None


def test_a_session_from_import_to_export(qtbot, world: CentreWorld, tmp_path: Path) -> None:
    window, answers = make_window(qtbot, world.home)
    unlock(qtbot, window)
    sessions = window.sessions

    # Imports: a session before the certificate is refused clearly; then all goes in.
    sessions.import_files([world.session_file])
    settle(qtbot, window)
    assert sessions.message.kind == "error" and "certificat du centre" in sessions.message.text()
    answers.queue.append([world.certificate, world.session_file, world.pack])
    qtbot.mouseClick(sessions.import_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert sessions.message.kind == "info", sessions.message.text()
    assert "Certificat valide" in sessions.centre.text()
    assert sessions.table.rowCount() == 1
    assert sessions.table.item(0, 4).text() == "Créée"
    assert sessions.table.item(0, 5).text() == "Importé"
    sid = sessions.table.item(0, 0).text()

    # The session: roster before any data.
    qtbot.mouseClick(sessions.open_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    page = window.session
    assert page.roster.rowCount() == 3
    assert page.roster.item(0, 1).text() == "DUPONT Marie"
    assert page.roster.item(0, 2).text() == "33 %"
    assert page.roster.item(0, 3).text() == "Aucune donnée reçue"
    assert assert_named(window) >= 3

    # Kiosks run the test and export to a USB folder.
    ws = window.context.ws()
    package = ws.package(sid)
    pack = open_content_pack(world.pack.read_bytes(), Trust(ws.authority, NOW), package.pack_key)
    store, _ = open_kiosk(world, 1)
    kit = issue_kit(world, ws, sid, 1)
    run_attempt(world, store, package, pack, 0)
    run_attempt(world, store, package, pack, 1, answered=2, end=None)
    usb = tmp_path / "usb"
    export_kiosk(world, store, sid, ws.keys.public, usb, kit_id=kit)

    # Collect twice: the second time changes nothing.
    page.tabs.setCurrentIndex(2)
    answers.queue.append(usb)
    qtbot.mouseClick(page.collect_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert page.collect_message.kind == "info" and "nouveaux" in page.collect_message.text()
    assert page.roster.item(0, 3).text() == "Terminé"
    assert page.roster.item(1, 3).text() == "En cours" and page.roster.item(1, 4).text()[0] == "2"
    assert page.roster.item(1, 5).text() == "poste-01"
    page.collect_from(usb)
    settle(qtbot, window)
    assert ": 0 événement(s) nouveaux" in page.collect_message.text()

    # A tampered export is refused and named.
    bad = tmp_path / "bad"
    bad.mkdir()
    good = next(usb.iterdir())
    data = bytearray(good.read_bytes())
    data[-20] ^= 0xFF
    (bad / good.name).write_bytes(bytes(data))
    page.collect_from(bad)
    settle(qtbot, window)
    assert "REFUSÉ : données altérées" in page.collect_refused.text()
    assert not page.collect_message.isVisibleTo(window)

    # Code response: the kiosk's challenge → who, what, and the code the kiosk accepts.
    page.tabs.setCurrentIndex(1)
    challenge = Challenge(CodeAction.AUTHORISE_RESUME, kiosk=4, candidate=2, counter=7)
    codes = page.codes
    qtbot.keyClicks(codes.challenge, challenge.text().lower())
    qtbot.keyClick(codes.challenge, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert codes.candidate.text() == "NGOMA Jean-Luc (n° 2)"
    assert codes.action.text() == "Autoriser la reprise" and codes.kiosk.text() == "4 (poste-01)"
    check_response(package.session_secret, sid, challenge, codes.response.text())
    codes.challenge.setText("R-4-2-7-0")
    codes.answer()
    settle(qtbot, window)
    assert "mal recopié" in codes.message.text() and codes.response.text() == "—"

    # Finalisation refused with what is missing, then accepted.
    page.tabs.setCurrentIndex(3)
    form = page.finalise
    assert len(form.editors) == 3
    assert assert_named(window) >= 12
    form.editors[0].seen.setChecked(True)
    incident = form.editors[1].add_incident()
    incident.code.setCurrentIndex(incident.code.findData("C7"))
    qtbot.waitUntil(incident.isVisible)
    assert assert_named(window) >= 15  # the incident line too
    qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)
    text = form.message.text()
    assert "NGOMA Jean-Luc : test non terminé" in text
    assert "C7 demande une description" in text and "cochez" in text
    form.editors[1].abort.setCurrentIndex(form.editors[1].abort.findText("Problème technique"))
    incident.description.setText("Coupure électrique de la salle")
    form.had_incident.setChecked(True)
    qtbot.keyClicks(form.comment, "Session calme.")
    qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert ws.session_state(sid).finalised
    assert "Session finalisée" in form.status.text()
    assert page.status == "finalised"

    # Export with progress, then the documents.
    page.tabs.setCurrentIndex(4)
    seen: list[int] = []
    page.export_progress.valueChanged.connect(seen.append)
    answers.queue.append(tmp_path / "out")
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert "Résultats exportés" in page.export_message.text()
    assert list((tmp_path / "out").glob("*.ckbndl")) and max(seen) >= 85
    for button, name in ((page.attendance_button, "a.pdf"), (page.report_button, "r.pdf")):
        answers.queue.append(tmp_path / name)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        settle(qtbot, window)
        assert (tmp_path / name).read_bytes().startswith(b"%PDF")
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert sessions.table.item(0, 4).text() == "Exportée"
    window.close()
