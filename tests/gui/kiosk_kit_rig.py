"""A kiosk started as in the field: data folder, enrolment, real kits from a real console world.

Used by tests/gui/test_kiosk_kits.py (and the screenshots): the console side is
``tests/fixtures/kit/world.py`` + ``invigilator.kits``; the kiosk side is the real window with its
``SetupController`` on a real data folder and a fake clock.
"""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

from invigilator.kits import KioskRegistry, build_session_kits, write_kits
from kiosk.app.controller import KioskController
from kiosk.app.kiosk_backend import KioskBackend
from kiosk.app.setup_controller import SetupController
from kiosk.app.shell import KioskWindow
from kiosk.seal.authority_identity import identity_bytes
from kiosk.seal.kiosk_kit import BuiltKit
from kiosk.store.key_providers import PassphraseProvider
from tests.fixtures.kit.world import BUILT_AT, PASSWORD, TEST_CODE_KDF, World

PROVIDER = PassphraseProvider("poste", time_cost=1, memory_kib=1024, parallelism=1)


def console_kits(world: World, registry: KioskRegistry, usb: Path, **kw: object) -> list[BuiltKit]:
    """The console builds the session's kits and writes them with the authority key to ``usb``."""
    kits = build_session_kits(
        registry,
        world.session,
        world.pack,
        world.centre,
        world.certificate,
        BUILT_AT,
        tz=UTC,
        kdf=TEST_CODE_KDF,
        **kw,  # type: ignore[arg-type]
    )
    usb.mkdir(parents=True, exist_ok=True)
    write_kits(usb, kits)
    (usb / "authority-public.json").write_bytes(identity_bytes(world.authority.public, "Autorité"))
    return kits


class KitKiosk:
    """The kiosk app on ``data_dir`` (opened as ``main`` does, minus lockdown)."""

    def __init__(self, qtbot, data_dir: Path, clock, lang: str = "fr") -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtWidgets import QApplication

        from kiosk.app.kiosk_app import install_translators

        self.translators = install_translators(QApplication.instance(), lang)
        self.qtbot = qtbot
        self.clock = clock
        self.controller = KioskController(clock)
        self.setup = SetupController()
        self.window = KioskWindow(self.controller, lang=lang, setup=self.setup)
        qtbot.addWidget(self.window)
        self.window.resize(1100, 800)
        self.window.show()
        self.backend = KioskBackend.open(data_dir, PROVIDER, clock)
        self.setup.attach(self.backend)
        self.settle()

    def settle(self) -> None:
        """No job in flight on either controller."""
        self.qtbot.waitUntil(lambda: self.setup.idle and self.controller.idle, timeout=10_000)
        self.qtbot.wait(0)
        self.qtbot.waitUntil(lambda: self.setup.idle and self.controller.idle, timeout=10_000)

    def screen(self) -> str:
        """The set-up stage, "panel", or the candidate's screen."""
        if self.window.setup_stage is not None:
            return self.window.setup_stage
        if self.window.panel_open:
            return "panel"
        view = self.window.view
        return view.screen.value if view is not None else ""

    def wait_screen(self, name: str) -> None:
        """Wait until ``name`` is on show."""
        self.qtbot.waitUntil(lambda: self.screen() == name, timeout=10_000)
        self.settle()

    def enrol(self, number: int, name: str, usb: Path) -> None:
        """The manager's enrolment screen, filled and submitted."""
        screen = self.window.enrol
        screen.number_spin.setValue(number)
        screen.name_edit.setText(name)
        screen.folder.set_folder(usb)
        screen.enrol_button.click()
        self.settle()

    def choose_kit(self, usb: Path, name: str | None = None) -> None:
        """Search the folder and select a kit (the first, or ``name``)."""
        screen = self.window.kit_import
        screen.folder.set_folder(usb)
        screen.search_button.click()
        self.settle()
        if name is not None:
            for row in range(screen.kits.count()):
                if screen.kits.item(row).text() == name:
                    screen.kits.setCurrentRow(row)
        self.settle()

    def type_code(self, code: str) -> None:
        """Type the kit code and import."""
        screen = self.window.kit_import
        screen.code_edit.setText(code)
        screen.import_button.click()
        self.settle()

    def check_in(self, session_id: str, code: str, last: str, first: str, born: str) -> None:
        """The candidate's check-in form."""
        w = self.window
        if self.screen() == "startup":
            w.startup.continue_button.click()
        self.wait_screen("check_in")
        form = w.check_in
        form.session_edit.setText(session_id)
        form.code_edit.setText(code)
        form.last_name_edit.setText(last)
        form.first_name_edit.setText(first)
        form.birth_edit.setText(born)
        form.submit_button.click()
        self.settle()

    def password(self, action: str, password: str = PASSWORD, **args: object) -> None:
        """Open the panel with the password and trigger one action."""
        w = self.window
        w.open_panel()
        w.panel.password_edit.setText(password)
        w.panel.open_button.click()
        assert w.panel.unlocked
        w.panel.action.emit(action, dict(args))
        self.settle()

    def close(self) -> None:
        """The process ends."""
        attached = self.controller.is_ready
        self.controller.close()
        if not attached:
            self.backend.close()
        flow = self.window.setup_flow
        if flow is not None and flow.session is not None:
            flow.session.cleanup()
        self.window.hide()
        from PySide6.QtWidgets import QApplication

        for translator in self.translators:
            QApplication.instance().removeTranslator(translator)
        self.translators = []
