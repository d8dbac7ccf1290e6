"""The check-in screen shows while the kiosk's data still opens; a form sent early waits politely."""

from __future__ import annotations

from kiosk.app.controller import KioskController
from kiosk.app.shell import KioskWindow
from kiosk.core.attempt_state import Status
from kiosk.store.service import Store
from tests.gui.kiosk_data import ACCESS_CODE, SESSION_NUMBER, KioskRig, fast_provider


class EarlyKiosk:
    """A kiosk window built before its store is attached, as at a cold start."""

    def __init__(self, qtbot, data_dir, clock, session) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.store = Store.open(data_dir, fast_provider(), clock=clock)
        self.session = session
        self.controller = KioskController(clock)
        self.controller.timer.stop()
        self.window = KioskWindow(self.controller)
        qtbot.addWidget(self.window)
        self.window.resize(1100, 800)
        self.window.show()

    def screen(self) -> str:
        """The screen on show."""
        view = self.window.view
        return view.screen.value if view is not None else ""

    def fill(self, last: str = "DUPRE") -> None:
        """Go past the start-up checks and send the check-in form."""
        self.window.startup.continue_button.click()
        self.qtbot.waitUntil(lambda: self.screen() == "check_in")
        ci = self.window.check_in
        ci.session_edit.setText(SESSION_NUMBER)
        ci.code_edit.setText(ACCESS_CODE)
        ci.last_name_edit.setText(last)
        ci.first_name_edit.setText("Élodie")
        ci.birth_edit.setText("12/04/1990")
        ci.submit_button.click()

    def data_ready(self) -> None:
        """The stores finished opening: the session is attached."""
        self.controller.attach(self.store, self.session)
        self.controller.timer.stop()
        self.qtbot.waitUntil(lambda: self.controller.loaded and self.controller.idle)

    def close(self) -> None:
        """Close the store (attached or not)."""
        if self.controller.is_ready:
            self.controller.close()
        else:
            self.store.close()
        self.window.hide()


def test_the_candidate_can_go_on_before_the_data_is_open(
    qtbot, tmp_path, kiosk_clock, kiosk_session
) -> None:
    kiosk = EarlyKiosk(qtbot, tmp_path / "data", kiosk_clock, kiosk_session)
    try:
        startup = kiosk.window.startup
        assert startup.continue_button.isEnabled()
        assert startup.note.text() == "Préparation du poste…"
        kiosk.fill()
        ci = kiosk.window.check_in
        assert ci.waiting and ci.waiting_note.isVisibleTo(kiosk.window)
        assert ci.waiting_note.text() == "Préparation du poste…"
        assert not ci.submit_button.isEnabled()
        assert not ci.error.isVisibleTo(kiosk.window)
        assert kiosk.controller.attempt_id is None and kiosk.screen() == "check_in"
        ci.submit_button.click()  # pressing again while waiting sends nothing more
        ci.birth_edit.returnPressed.emit()

        kiosk.data_ready()
        qtbot.waitUntil(lambda: kiosk.screen() in ("awaiting_presence", "locked"))
        assert kiosk.controller.state is not None
        assert kiosk.controller.state.candidate_id == "c1"
        assert not ci.waiting and ci.submit_button.isEnabled()
        assert startup.note.text() == "Tout est en ordre."
    finally:
        kiosk.close()


def test_a_wrong_form_sent_early_is_refused_once_the_data_is_open(
    qtbot, tmp_path, kiosk_clock, kiosk_session
) -> None:
    kiosk = EarlyKiosk(qtbot, tmp_path / "data", kiosk_clock, kiosk_session)
    try:
        kiosk.fill(last="Personne")
        ci = kiosk.window.check_in
        assert ci.waiting
        kiosk.data_ready()
        qtbot.waitUntil(lambda: not ci.waiting)
        assert kiosk.screen() == "check_in" and kiosk.controller.attempt_id is None
        assert ci.error.isVisibleTo(kiosk.window)
        assert ci.error.text().startswith("Aucun candidat de cette session ne correspond")
        assert ci.submit_button.isEnabled() and not ci.waiting_note.isVisibleTo(kiosk.window)
    finally:
        kiosk.close()


def test_an_early_form_gives_way_to_the_attempt_under_way_after_a_restart(
    qtbot, tmp_path, kiosk_clock, kiosk_session
) -> None:
    data = tmp_path / "data"
    first = KioskRig(qtbot, data, kiosk_clock, kiosk_session)
    first.to_first_item()
    first.close()
    first.window.hide()

    kiosk = EarlyKiosk(qtbot, data, kiosk_clock, kiosk_session)
    try:
        kiosk.fill(last="Nguyen")  # someone else types at the restarted kiosk
        kiosk.data_ready()
        qtbot.waitUntil(lambda: kiosk.screen() == "awaiting_resume")
        state = kiosk.controller.state
        assert state is not None and state.status is Status.AWAITING_RESUME
        assert state.candidate_id == "c1"  # the attempt under way, not a new check-in
        ci = kiosk.window.check_in
        assert not ci.waiting and ci.submit_button.isEnabled()
        assert not ci.error.isVisibleTo(kiosk.window)
    finally:
        kiosk.close()
