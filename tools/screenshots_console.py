"""Render every console screen offscreen into docs/screenshots/console-<screen>-<lang>.png.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_console.py
Builds a throw-away authority, centre, pack, session and kiosk exports in a temporary folder
(through the same public APIs the tests use), drives the console through a session, and grabs
each screen in French and English, plus the roster and the finalisation form at 200 % zoom.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, Qt, QTranslator  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from invigilator.app.choosers import Chooser  # noqa: E402
from invigilator.app.context import ConsoleContext  # noqa: E402
from invigilator.app.jobs import JobRunner  # noqa: E402
from invigilator.app.main import set_language  # noqa: E402
from invigilator.app.window import ConsoleWindow  # noqa: E402
from invigilator.home import CentreHome  # noqa: E402
from kiosk.core.codes import Challenge, CodeAction  # noqa: E402
from kiosk.seal.content_pack import open_content_pack  # noqa: E402
from kiosk.seal.keys import KeyPair  # noqa: E402
from kiosk.seal.kiosk_identity import enrolment_record_bytes  # noqa: E402
from kiosk.seal.trust import Trust  # noqa: E402
from tests.fixtures.centre_world import (  # noqa: E402
    NOW,
    PASSPHRASE,
    CentreWorld,
    build_world,
    coming_day,
    export_kiosk,
    issue_kit,
    open_kiosk,
    run_attempt,
)
from tests.fixtures.kit.world import TEST_CODE_KDF  # noqa: E402
from tests.fixtures.seal.samples import FAST_KDF  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZE = (1100, 760)


def settle(window: ConsoleWindow) -> None:
    """Let background jobs finish and the screen repaint."""
    app = QApplication.instance()
    assert app is not None
    deadline = time.monotonic() + 30
    while window.busy and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    for _ in range(5):
        app.processEvents()


def grab(window: ConsoleWindow, name: str) -> None:
    """Save the window as it is now."""
    settle(window)
    window.grab().save(str(OUT / f"console-{name}.png"))
    print(f"console-{name}.png")


def make_world(tmp: Path) -> tuple[CentreWorld, Path, Path]:
    """A world with the session imported-ready files and two kiosk exports (one altered)."""
    with redirect_stdout(StringIO()):
        world = build_world(tmp, day=coming_day(7))
    ws = world.open()
    ws.import_file(world.session_file)
    ws.import_file(world.pack)
    sid = ws.sessions()[0].session_id
    package = ws.package(sid)
    pack = open_content_pack(world.pack.read_bytes(), Trust(ws.authority, NOW), package.pack_key)
    public = ws.keys.public
    store, _ = open_kiosk(world, 7)
    other, _ = open_kiosk(world, 8)
    kit7, kit8 = issue_kit(world, ws, sid, 7), issue_kit(world, ws, sid, 8)
    ws.close()
    run_attempt(world, store, package, pack, 0)
    run_attempt(world, store, package, pack, 1, answered=4, end=None)
    usb = tmp / "usb"
    good = export_kiosk(world, store, sid, public, usb, kit_id=kit7)
    run_attempt(world, other, package, pack, 2, answered=1, end=None)
    bad = export_kiosk(world, other, sid, public, usb, kit_id=kit8)
    data = bytearray(bad.read_bytes())
    data[-30] ^= 0xFF
    bad.write_bytes(bytes(data))
    world.close()
    return world, usb, good


def kiosks_screen(window: ConsoleWindow, tmp: Path, suffix: str) -> None:
    """The « Postes » screen: three more kiosks enrolled, kits prepared, codes on show."""
    records = tmp / "fiches"
    records.mkdir(parents=True)
    for number in (1, 2, 3):
        data = enrolment_record_bytes(KeyPair.generate(), number, f"Poste {number}", NOW)
        (records / f"poste-{number:02d}.ckposte").write_bytes(data)
    window.show_kiosks()
    settle(window)
    page = window.kiosks
    page.enrol(sorted(records.iterdir()))
    settle(window)
    page.table.item(4, 0).setCheckState(Qt.CheckState.Unchecked)  # kiosk 8 stays out
    page.build_kits(str(page.session_combo.currentData()), tmp / "cle-usb", page.ticked())
    grab(window, f"kiosks-{suffix}")
    window.show_sessions()
    settle(window)


def shoot(lang: str, tmp: Path, zoomed: bool) -> None:
    """Every screen in one language."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translator = set_language(app, lang)
    suffix = lang + ("-zoom200" if zoomed else "")
    # Set-up screen of a new centre.
    fresh = ConsoleWindow(ConsoleContext(CentreHome(tmp / f"new-{suffix}"), JobRunner()))
    fresh.resize(*SIZE)
    if zoomed:
        fresh.set_zoom(200)
    fresh.setup.centre_id.setText("CTR-09")
    fresh.setup.name.setText("Lycée Jean Moulin")
    if not zoomed:
        grab(fresh, f"setup-{suffix}")
    fresh.close()

    world, usb, _good = make_world(tmp / f"world-{suffix}")
    context = ConsoleContext(
        world.home, JobRunner(), chooser=Chooser(), kdf=FAST_KDF, kit_kdf=TEST_CODE_KDF
    )
    window = ConsoleWindow(context)
    window.resize(*SIZE)
    if zoomed:
        window.set_zoom(200)
    window.show()
    if not zoomed:
        grab(window, f"unlock-{suffix}")
    window.unlock.passphrase.setText(PASSPHRASE)
    window.unlock.unlock()
    settle(window)
    if not zoomed:
        grab(window, f"sessions-{suffix}")
        kiosks_screen(window, tmp / f"postes-{suffix}", suffix)
    sid = window.sessions.sessions[0].session_id
    window.show_session(sid)
    settle(window)
    page = window.session
    page.collect_from(usb)
    settle(window)
    page.tabs.setCurrentIndex(0)
    grab(window, f"roster-{suffix}")
    if not zoomed:
        page.tabs.setCurrentIndex(2)
        grab(window, f"collect-{suffix}")
        page.tabs.setCurrentIndex(1)
        challenge = Challenge(CodeAction.ADD_TIME, kiosk=7, candidate=2, counter=3, minutes=15)
        page.codes.challenge.setText(challenge.text())
        page.codes.answer()
        grab(window, f"codes-{suffix}")
    page.tabs.setCurrentIndex(3)
    settle(window)
    form = page.finalise
    form.editors[0].seen.setChecked(True)
    row = form.editors[1].add_incident()
    row.code.setCurrentIndex(row.code.findData("E11"))
    form.submit_form()
    settle(window)
    grab(window, f"finalise-{suffix}")
    if not zoomed:
        form.editors[1].abort.setCurrentIndex(2)
        row.item.setValue(3)
        form.had_incident.setChecked(True)
        form.submit_form()
        settle(window)
        page.tabs.setCurrentIndex(4)
        page.export_to(tmp / f"out-{suffix}")
        grab(window, f"export-{suffix}")
    window.close()
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
    if zoomed:
        window.set_zoom(100)


def main() -> int:
    """Write every screenshot."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for lang, zoomed in (("fr", False), ("en", False), ("fr", True)):
            shoot(lang, Path(tmp), zoomed)
    del app
    _ = QTranslator
    return 0


if __name__ == "__main__":
    sys.exit(main())
