"""Crash and restart: the kiosk reopens the store, waits for the invigilator, resumes where it was."""

from __future__ import annotations

from kiosk.core.attempt_state import Status
from tests.gui.kiosk_data import KioskRig


def test_restart_resumes_on_the_same_item_with_the_same_time(
    qtbot, tmp_path, kiosk_clock, kiosk_session
) -> None:
    data = tmp_path / "data"
    first = KioskRig(qtbot, data, kiosk_clock, kiosk_session)
    first.to_first_item()
    first.answer_current()
    kiosk_clock.advance(30_000)
    first.window.test.validate_button.click()
    first.settle()
    item = first.window.view.item.id
    kiosk_clock.advance(45_000)
    first.controller.tick()  # the display timer also records a heartbeat every 15 s
    first.settle()
    left = first.controller.live_state().time_left_ms
    first.close()  # the process dies here
    first.window.hide()

    kiosk_clock.advance(20 * 60_000)  # down for 20 minutes: not counted
    second = KioskRig(qtbot, data, kiosk_clock, kiosk_session)
    try:
        second.wait_screen("awaiting_resume")
        assert second.controller.state.status is Status.AWAITING_RESUME
        assert second.controller.live_state().time_left_ms == left
        second.invigilator("authorise_resume")
        second.wait_screen("item")
        assert second.window.view.item.id == item
        assert second.controller.live_state().time_left_ms == left
        assert "Temps restant : 1:58:45" in second.window.test.header.time_left.text()
        kiosk_clock.advance(10_000)
        second.controller.tick()
        assert second.controller.live_state().time_left_ms == left - 10_000
    finally:
        second.close()


def test_restart_before_check_in_is_complete_keeps_waiting_for_presence(
    qtbot, tmp_path, kiosk_clock, kiosk_session
) -> None:
    data = tmp_path / "data"
    first = KioskRig(qtbot, data, kiosk_clock, kiosk_session)
    first.check_in()
    first.wait_screen("awaiting_presence")
    first.close()
    first.window.hide()
    second = KioskRig(qtbot, data, kiosk_clock, kiosk_session)
    try:
        second.wait_screen("awaiting_presence")
        assert second.window.waiting.who.text() == "Élodie Marie DUPRÉ"
    finally:
        second.close()


def test_a_candidate_who_finished_cannot_check_in_again(
    qtbot, tmp_path, kiosk_clock, kiosk_session
) -> None:
    rig = KioskRig(qtbot, tmp_path / "data", kiosk_clock, kiosk_session)
    try:
        rig.to_first_item()
        rig.invigilator("end_test")
        rig.wait_screen("ended")
        rig.invigilator("new_check_in")
        rig.wait_screen("check_in")
        rig.check_in()
        rig.settle()
        assert rig.screen() == "check_in"
        assert "déjà commencé" in rig.window.check_in.error.text()
    finally:
        rig.close()
