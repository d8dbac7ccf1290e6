"""Screenshots of every kiosk screen in French and English into docs/screenshots/kiosk-*.png.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_kiosk.py
Uses the shipped item bank (tools/kiosk_sample.py), a real store in a temporary folder and a fake
clock; grabs the window offscreen (no X server needed).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QDialog  # noqa: E402

from kiosk.app.env_checks import EnvWarning  # noqa: E402
from kiosk.app.kiosk_app import create_application, install_translators  # noqa: E402
from kiosk.app.theme import Theme, apply_theme  # noqa: E402
from kiosk.core.clock import FakeClock  # noqa: E402
from kiosk.core.items import ItemType  # noqa: E402
from tools.kiosk_driver import KioskDriver, fast_provider  # noqa: E402
from tools.kiosk_sample import DEMO_CODE, DEMO_PASSWORD, DEMO_SESSION, bank_session  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
WARNINGS = (EnvWarning("virtual_machine", "sys_vendor=QEMU"),)


class Shooter:
    """Saves grabs of the kiosk window under a language suffix."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.saved: list[str] = []

    def window(self, driver: KioskDriver, name: str) -> None:
        """Grab the whole kiosk window."""
        driver.wait()
        self._save(driver.window.grab(), name)

    def dialog(self, dialog: QDialog, name: str) -> None:
        """Grab a dialog (problem report, attachment)."""
        QApplication.processEvents()
        self._save(dialog.grab(), name)

    def _save(self, pixmap, name: str) -> None:  # type: ignore[no-untyped-def]
        path = OUT / f"kiosk-{name}-{self.lang}.png"
        pixmap.save(str(path))
        self.saved.append(path.name)


def _wanted(item, taken: set[str]) -> str | None:  # type: ignore[no-untyped-def]
    """The name to shoot an item under, if its kind was not shot yet."""
    kinds = []
    if item.timed:
        kinds.append("item-timed")
    if item.illustration is not None:
        kinds.append("item-illustration")
    if item.attachments:
        kinds.append("item-attachment")
    kinds.append(f"item-{item.type.value.lower()}")
    for kind in kinds:
        if kind not in taken:
            return kind
    return None


def shoot(lang: str, work: Path) -> list[str]:
    """Every screen in ``lang``."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, lang)
    apply_theme(app, Theme())
    shot = Shooter(lang)
    clock = FakeClock()
    session = bank_session()
    data = work / f"data-{lang}"
    driver = KioskDriver(data, clock, session, lang=lang)
    driver.controller.facts = driver.controller.facts.__class__(warnings=WARNINGS)
    driver.controller.view_changed.emit(driver.controller.view())
    shot.window(driver, "startup")
    driver.window.startup.continue_button.click()
    driver.wait(lambda: driver.screen() == "check_in")
    driver.window.check_in.session_edit.setText(DEMO_SESSION)
    driver.window.check_in.last_name_edit.setText("Dupré")
    driver.window.check_in.submit_button.click()
    shot.window(driver, "check-in")
    driver.check_in("Dupré", "Élodie", "12/04/1990", DEMO_SESSION, DEMO_CODE)
    shot.window(
        driver, "awaiting-presence" if driver.screen() != "locked" else "locked-environment"
    )
    driver.window.open_panel()
    shot.window(driver, "invigilator-password")
    driver.window.panel.password_edit.setText("mauvais")
    driver.window.panel.open_button.click()
    shot.window(driver, "invigilator-wrong-password")
    driver.window.close_panel()
    if driver.controller.state is not None and driver.controller.state.lock_reason:
        driver.invigilator("unlock", DEMO_PASSWORD)
    driver.window.open_panel()
    driver.window.panel.password_edit.setText(DEMO_PASSWORD)
    driver.window.panel.open_button.click()
    shot.window(driver, "invigilator-actions")
    driver.window.panel.action.emit("confirm_presence", {})
    driver.wait(lambda: driver.screen() == "instructions")
    shot.window(driver, "instructions")
    driver.start()
    driver.controller.tick()
    taken: set[str] = set()
    first = True

    def more() -> bool:
        view = driver.window.view
        return (
            driver.screen() in ("item", "focus_warning")
            and view is not None
            and view.position < view.total - 1
            and len(taken) < 9
        )

    while more():
        if driver.screen() == "focus_warning" and "focus-warning" not in taken:
            shot.window(driver, "focus-warning")
            taken.add("focus-warning")
        if driver.screen() == "focus_warning":
            driver.window.focus_warning.ok_button.click()
            driver.wait(lambda: driver.screen() == "item")
        item = driver.window.view.item
        name = _wanted(item, taken)
        if name is not None:
            driver.fill_answer()
            if item.timed:
                clock.advance(15_000)
                driver.controller.tick()
            shot.window(driver, name)
            taken.add(name)
        if first:
            driver.window.test.skip_button.click()
            shot.window(driver, "skip-confirmation")
            driver.window.test.cancel_skip_button.click()
            driver.window.test.report_button.click()
            dialog = driver.window.problem_dialog
            dialog.select("E3")
            shot.dialog(dialog, "problem-dialog")
            dialog.send.click()
            driver.wait(lambda: driver.screen() == "problem_pending")
            shot.window(driver, "problem-pending")
            driver.window.open_panel()
            driver.window.panel.password_edit.setText(DEMO_PASSWORD)
            driver.window.panel.open_button.click()
            shot.window(driver, "invigilator-problem")
            driver.window.panel.action.emit("dismiss_problem", {})
            driver.wait(lambda: driver.screen() == "item")
            first = False
        driver.next_item()
    # Time warnings and the lock screen.
    left = driver.controller.live_state().time_left_ms
    clock.advance(left - 4 * 60_000)
    driver.controller.tick()
    shot.window(driver, "item-5-minutes-left")
    driver.controller.on_suspicious("focus_lost", "screenshot")
    driver.wait(lambda: driver.screen() == "locked")
    shot.window(driver, "locked")
    driver.invigilator("unlock", DEMO_PASSWORD)
    driver.close()
    # A restart: waiting for the invigilator to authorise the resume.
    driver = KioskDriver(data, clock, session, lang=lang)
    driver.wait(lambda: driver.screen() == "awaiting_resume")
    shot.window(driver, "awaiting-resume")
    driver.invigilator("authorise_resume", DEMO_PASSWORD)
    driver.invigilator("end_test", DEMO_PASSWORD)
    driver.wait(lambda: driver.screen() == "ended")
    shot.window(driver, "end")
    driver.close()
    if lang == "fr":
        shoot_accessibility(work, shot)
    session.cleanup()
    for translator in translators:
        app.removeTranslator(translator)
    return shot.saved


def shoot_accessibility(work: Path, shot: Shooter) -> None:
    """An item in high contrast at 200 % zoom (text must reflow, not clip)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme = Theme(high_contrast=True, zoom=200)
    apply_theme(app, theme)
    clock = FakeClock()
    session = bank_session()
    driver = KioskDriver(work / "data-hc", clock, session, theme=theme)
    driver.check_in("Martin", "Inès", "30/06/2001", DEMO_SESSION, DEMO_CODE)
    driver.invigilator("confirm_presence", DEMO_PASSWORD)
    driver.start()
    while driver.screen() != "item" or driver.window.view.item.type is not ItemType.QCM:
        driver.next_item()
    driver.controller.tick()
    shot.window(driver, "item-high-contrast-zoom200")
    driver.close()
    session.cleanup()
    apply_theme(app, Theme())


def _spin(app: QApplication, done, timeout_s: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    """Process events until ``done()``."""
    import time

    deadline = time.monotonic() + timeout_s
    while not done():
        app.processEvents()
        if time.monotonic() > deadline:
            raise TimeoutError("the kiosk did not settle")
    app.processEvents()


def shoot_setup(lang: str, work: Path) -> list[str]:
    """Enrolment, kit import (described, wrong code), the code box and the export, in ``lang``."""
    from datetime import UTC

    from invigilator.kits import KioskRegistry, build_session_kits, write_kits
    from kiosk.app.controller import KioskController
    from kiosk.app.kiosk_backend import KioskBackend
    from kiosk.app.setup_controller import SetupController
    from kiosk.app.shell import KioskWindow
    from kiosk.core.codes import CodeAction
    from kiosk.seal.authority_identity import identity_bytes
    from tests.fixtures.kit.world import BUILT_AT, MORNING, PASSWORD, TEST_CODE_KDF, make_world

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, lang)
    apply_theme(app, Theme())
    shot = Shooter(lang)
    clock = FakeClock(wall=MORNING)
    world = make_world(work / f"world-{lang}")
    usb = work / f"usb-{lang}"
    usb.mkdir()
    controller = KioskController(clock)
    setup = SetupController()
    window = KioskWindow(controller, lang=lang, setup=setup)
    window.resize(1280, 800)
    window.show()
    backend = KioskBackend.open(work / f"kiosk-{lang}", fast_provider(), clock)
    setup.attach(backend)

    def idle() -> bool:
        return setup.idle and controller.idle

    def grab(name: str) -> None:
        _spin(app, idle)
        shot._save(window.grab(), name)

    _spin(app, lambda: window.setup_stage == "enrol")
    window.enrol.number_spin.setValue(3)
    window.enrol.name_edit.setText("Poste 3")
    window.enrol.folder.set_folder(usb)
    grab("enrol")
    window.enrol.enrol_button.click()
    _spin(app, lambda: idle() and window.enrol.continue_button.isVisible())
    grab("enrolled")
    registry = KioskRegistry(work / f"kiosks-{lang}.json")
    registry.enrol((usb / "poste-03.ckposte").read_bytes())
    kits = build_session_kits(
        registry, world.session, world.pack, world.centre, world.certificate, BUILT_AT,
        kiosk_numbers=[3], tz=UTC, kdf=TEST_CODE_KDF,
    )  # fmt: skip
    write_kits(usb, kits)
    (usb / "authority-public.json").write_bytes(identity_bytes(world.authority.public, "Autorité"))
    window.enrol.continue_button.click()
    screen = window.kit_import
    screen.folder.set_folder(usb)
    screen.search_button.click()
    _spin(app, lambda: idle() and screen.preview_text.isVisible())
    grab("kit-import")
    screen.code_edit.setText("AAAA-BBBB-CCCC-DDDD-EEEE")
    screen.import_button.click()
    _spin(app, lambda: idle() and screen.message.isVisible())
    grab("kit-wrong-code")
    screen.code_edit.setText(kits[0].code)
    screen.import_button.click()
    _spin(app, lambda: idle() and window.setup_stage is None and controller.is_ready)
    controller.timer.stop()
    window.startup.continue_button.click()
    _spin(app, idle)
    form = window.check_in
    form.session_edit.setText(world.session.details.session_id)
    form.code_edit.setText(world.session.details.access_code)
    form.last_name_edit.setText("Dupont")
    form.first_name_edit.setText("Marie")
    form.birth_edit.setText("12/04/2000")
    form.submit_button.click()
    _spin(
        app, lambda: idle() and window.view is not None and window.view.screen.value != "check_in"
    )
    window.open_panel()
    box = window.panel.code_box
    box.action_combo.setCurrentIndex(box.action_combo.findData(CodeAction.CONFIRM_PRESENCE.value))
    box.challenge_button.click()
    _spin(app, lambda: idle() and controller.pending_challenge is not None)
    grab("invigilator-code")
    window.close_panel()
    window.open_panel()
    window.panel.password_edit.setText(PASSWORD)
    window.panel.open_button.click()
    out = work / f"export-{lang}"
    out.mkdir()
    window.panel.export_folder.set_folder(out)
    window.panel.export_button.click()
    _spin(app, lambda: idle() and any(out.iterdir()))
    grab("export-done")
    controller.close()
    window.hide()
    window.deleteLater()
    for translator in translators:
        app.removeTranslator(translator)
    return shot.saved


def main() -> int:
    """Write every screenshot; print their names."""
    app = create_application()
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="certkiosk-shots-") as work:
        for lang in ("fr", "en"):
            for name in shoot(lang, Path(work)) + shoot_setup(lang, Path(work)):
                print(name)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
