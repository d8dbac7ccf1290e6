"""The « Postes » screen driven like a centre manager: enrol kiosks, prepare kits, keep the codes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from invigilator.app.context import ConsoleContext
from invigilator.app.jobs import JobRunner
from invigilator.app.window import ConsoleWindow
from kiosk.seal.keys import KeyPair
from kiosk.seal.kiosk_identity import enrolment_record_bytes
from kiosk.seal.kiosk_kit import open_kiosk_kit
from kiosk.seal.timestamps import utc_now
from tests.fixtures.centre_world import NOW, CentreWorld, build_world, coming_day
from tests.fixtures.kit.world import TEST_CODE_KDF
from tests.fixtures.seal.samples import FAST_KDF
from tests.gui.test_console_flow import Answers, assert_named, settle, unlock


class Viewer(Answers):
    """Scripted dialogs, and a PDF viewer that only records what it was asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[Path] = []

    def show_document(self, path: Path) -> bool:
        self.shown.append(path)
        return True


@pytest.fixture
def world(tmp_path: Path) -> Iterator[CentreWorld]:
    """A centre with its certificate; the session is still to come."""
    w = build_world(tmp_path, day=coming_day())
    yield w
    w.close()


def _window(qtbot, world: CentreWorld) -> tuple[ConsoleWindow, Viewer]:
    answers = Viewer()
    context = ConsoleContext(
        world.home, JobRunner(), chooser=answers, kdf=FAST_KDF, kit_kdf=TEST_CODE_KDF
    )
    window = ConsoleWindow(context)
    qtbot.addWidget(window)
    window.show()
    unlock(qtbot, window)
    return window, answers


def _records(folder: Path) -> dict[int, KeyPair]:
    folder.mkdir(parents=True, exist_ok=True)
    keys = {n: KeyPair.generate() for n in (1, 2, 3)}
    for n, k in keys.items():
        data = enrolment_record_bytes(k, n, f"Poste {n}", NOW)
        (folder / f"poste-{n:02d}.ckposte").write_bytes(data)
    return keys


def test_enrol_kiosks_then_prepare_kits_with_codes_and_sheet(
    qtbot, world: CentreWorld, tmp_path: Path
) -> None:
    window, answers = _window(qtbot, world)
    window.sessions.import_files([world.session_file, world.pack])
    settle(qtbot, window)
    sid = window.sessions.sessions[0].session_id
    qtbot.mouseClick(window.sessions.kiosks_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    page = window.kiosks
    assert window.stack.currentWidget() is window.containers[page]
    assert page.table.rowCount() == 0 and not page.build_button.isEnabled()

    # Enrol three kiosks from the USB folder; a damaged record is refused and named.
    keys = _records(tmp_path / "usb")
    (tmp_path / "usb" / "abime.ckposte").write_bytes(b"pas une fiche")
    answers.queue.append(sorted((tmp_path / "usb").iterdir()))
    qtbot.mouseClick(page.enrol_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert page.message.kind == "error"
    assert "Refusé : abime.ckposte" in page.message.text()
    assert "Poste n° 3 « Poste 3 » enregistré" in page.message.text()
    assert [page.table.item(r, 2).text() for r in range(3)] == ["poste-01", "poste-02", "poste-03"]
    assert page.table.item(0, 4).text() == "aucun"
    assert page.session_combo.currentData() == sid
    assert assert_named(window) >= 7

    # Untick kiosk 2, prepare the kits into the stick's folder: codes shown for 1 and 3.
    page.table.item(1, 0).setCheckState(Qt.CheckState.Unchecked)
    assert page.ticked() == [1, 3]
    answers.queue.append(tmp_path / "kits")
    qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert page.kits_message.kind == "info", page.kits_message.text()
    assert "2 kit(s) écrit(s)" in page.kits_message.text()
    assert page.codes.rowCount() == 2 and page.codes.isVisibleTo(window)
    assert page.codes.item(1, 0).text() == "n° 3 « Poste 3 »"
    file_name, code = page.codes.item(1, 1).text(), page.codes.item(1, 2).text()
    kit = (tmp_path / "kits" / file_name).read_bytes()
    opened = open_kiosk_kit(kit, code, window.context.ws().authority, utc_now(), keys[3])
    assert opened.info.session_id == sid and opened.info.kiosk.number == 3
    assert page.table.item(0, 4).text() == sid and page.table.item(1, 4).text() == "aucun"

    # The sheet is never saved next to the kits; elsewhere it is, and it opens for printing.
    answers.queue.append(tmp_path / "kits" / "feuille.pdf")
    qtbot.mouseClick(page.save_sheet_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert page.kits_message.kind == "error"
    assert "ne doit pas voyager avec les kits" in page.kits_message.text()
    answers.queue.append(tmp_path / "papiers" / "feuille.pdf")
    qtbot.mouseClick(page.save_sheet_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert (tmp_path / "papiers" / "feuille.pdf").read_bytes().startswith(b"%PDF")
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert answers.shown == [tmp_path / "papiers" / "feuille.pdf"]

    # One kit for the whole room: the kiosks cannot be ticked then.
    page.room.setChecked(True)
    assert page.ticked() == []
    answers.queue.append(tmp_path / "kits-salle")
    qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert page.codes.rowCount() == 1 and page.codes.item(0, 0).text() == "Toute la salle"
    on_stick = sorted(p.name for p in (tmp_path / "kits-salle").iterdir())
    assert on_stick == ["authority-public.json", f"kit-{sid}-salle.ckkit"]

    # Nothing ticked: said clearly, no folder asked.
    page.per_kiosk.setChecked(True)
    for row in range(3):
        page.table.item(row, 0).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    assert (
        page.kits_message.kind == "error" and "Cochez au moins un poste" in page.kits_message.text()
    )
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.containers[window.sessions]


def test_kits_for_a_session_already_over_are_refused_calmly(
    qtbot, world: CentreWorld, tmp_path: Path
) -> None:
    past = build_world(tmp_path / "past")  # its session day is behind us
    try:
        window, answers = _window(qtbot, past)
        window.sessions.import_files([past.session_file, past.pack])
        settle(qtbot, window)
        window.show_kiosks()
        settle(qtbot, window)
        page = window.kiosks
        _records(tmp_path / "usb")
        page.enrol([tmp_path / "usb" / "poste-01.ckposte"])
        settle(qtbot, window)
        answers.queue.append(tmp_path / "kits")
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
        settle(qtbot, window)
        assert page.kits_message.kind == "error" and "est passée" in page.kits_message.text()
        assert page.build_button.isEnabled() and not page.codes.isVisibleTo(window)
    finally:
        past.close()
