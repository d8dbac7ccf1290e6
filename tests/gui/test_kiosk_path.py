"""A candidate's whole path through the kiosk, on a real store with a fake clock."""

from __future__ import annotations

from kiosk.core.attempt_state import EndReason, Status
from tests.gui.kiosk_data import ANSWERS


def test_full_path_through_every_item_type_to_the_end_screen(kiosk) -> None:
    kiosk.to_first_item()
    seen_types = []
    while kiosk.screen() in ("item", "focus_warning"):
        if kiosk.screen() == "focus_warning":
            kiosk.window.focus_warning.ok_button.click()
            kiosk.wait_screen("item")
        view = kiosk.window.view
        assert view.item is not None
        seen_types.append(view.item.type.value)
        assert (
            kiosk.window.test.header.position.text() == f"Question {view.position} sur {view.total}"
        )
        kiosk.answer_current()
        kiosk.clock.advance(20_000)
        kiosk.window.test.validate_button.click()
        kiosk.settle()
    assert kiosk.screen() == "ended"
    assert sorted(set(seen_types)) == ["QCM", "QCU", "QROC", "QROCM-dep", "QROCM-ind"]
    state = kiosk.controller.state
    assert state.status is Status.ENDED and state.end_reason is EndReason.COMPLETED
    assert {k: v.answer for k, v in state.answers.items()} == ANSWERS
    assert "score" not in kiosk.window.end.reason.text().lower()


def test_skip_needs_confirmation_and_records_a_skip(kiosk) -> None:
    kiosk.to_first_item()
    first = kiosk.window.view.item.id
    test = kiosk.window.test
    test.skip_button.click()
    assert test.confirm_box.isVisible()
    test.cancel_skip_button.click()  # « Non » keeps the item
    kiosk.settle()
    assert kiosk.window.view.item.id == first and not test.confirm_box.isVisible()
    test.skip_button.click()
    test.confirm_skip_button.click()
    kiosk.settle()
    assert kiosk.window.view.item.id != first
    assert kiosk.controller.state.answers[first].skipped


def test_validate_without_answer_asks_for_one(kiosk) -> None:
    kiosk.to_first_item()
    first = kiosk.window.view.item.id
    kiosk.window.test.validate_button.click()
    kiosk.settle()
    assert kiosk.window.view.item.id == first
    assert kiosk.window.test.hint.isVisible()


def _report(kiosk, code: str) -> None:
    kiosk.window.test.report_button.click()
    dialog = kiosk.window.problem_dialog
    dialog.select(code)
    dialog.description.setPlainText("Le fichier reste blanc.")
    dialog.send.click()
    kiosk.wait_screen("problem_pending")


def test_problem_report_validated_sets_the_item_aside(kiosk) -> None:
    kiosk.to_first_item()
    first = kiosk.window.view.item.id
    _report(kiosk, "E3")
    kiosk.clock.advance(300_000)  # time stops while the report waits
    kiosk.invigilator("validate_problem")
    kiosk.wait_screen("item")
    state = kiosk.controller.state
    assert kiosk.window.view.item.id != first
    assert state.answers[first].set_aside
    assert state.problems[0].outcome == "validated" and state.problems[0].category == "E3"
    assert kiosk.controller.live_state().time_used_ms < 60_000


def test_problem_report_dismissed_returns_to_the_same_item(kiosk) -> None:
    kiosk.to_first_item()
    first = kiosk.window.view.item.id
    _report(kiosk, "E11")
    kiosk.invigilator("dismiss_problem")
    kiosk.wait_screen("item")
    assert kiosk.window.view.item.id == first
    assert kiosk.controller.state.problems[0].outcome == "dismissed"


def test_invigilator_adds_time_with_a_reason(kiosk) -> None:
    kiosk.to_first_item()
    before = kiosk.controller.live_state().time_left_ms
    kiosk.invigilator("add_time", minutes=10, reason="Coupure de courant")
    after = kiosk.controller.live_state().time_left_ms
    assert after - before == 10 * 60_000


def test_invigilator_ends_the_test(kiosk) -> None:
    kiosk.to_first_item()
    kiosk.invigilator("end_test")
    kiosk.wait_screen("ended")
    assert kiosk.controller.state.end_reason is EndReason.BY_INVIGILATOR
    assert "surveillant" in kiosk.window.end.reason.text()


def test_time_up_ends_the_test_by_itself(kiosk) -> None:
    kiosk.to_first_item()
    kiosk.controller.tick()
    assert "Temps restant : 2:00:00" in kiosk.window.test.header.time_left.text()
    kiosk.clock.advance(111 * 60_000)
    kiosk.controller.tick()
    assert kiosk.window.test.header.warning.text() == "Attention : il reste moins de 10 minutes."
    kiosk.clock.advance(5 * 60_000)
    kiosk.controller.tick()
    assert kiosk.window.test.header.warning.text() == "Attention : il reste moins de 5 minutes."
    kiosk.clock.advance(4 * 60_000)
    kiosk.controller.tick()
    kiosk.wait_screen("ended")
    assert kiosk.controller.state.end_reason is EndReason.TIME_UP
    assert "temps est écoulé" in kiosk.window.end.reason.text()


def test_timed_item_shows_its_gauge_with_time_running_out(kiosk) -> None:
    kiosk.to_first_item()
    while kiosk.window.view.item.timer_seconds is None:
        kiosk.answer_current()
        kiosk.window.test.validate_button.click()
        kiosk.settle()
    header = kiosk.window.test.header
    assert header.gauge_box.isVisibleTo(kiosk.window)
    assert header.gauge.maximum() == 60_000
    kiosk.clock.advance(45_000)
    kiosk.controller.tick()
    assert header.gauge.value() == 15_000 and header.gauge.text() == "0:15"
    kiosk.clock.advance(20_000)
    kiosk.controller.tick()
    assert header.item_timeout.isVisibleTo(kiosk.window)
    item_id = kiosk.answer_current()
    kiosk.window.test.validate_button.click()
    kiosk.settle()
    assert kiosk.controller.state.answers[item_id].timed_out


def test_extra_time_lengthens_the_test(qtbot, tmp_path, kiosk_clock, kiosk_session) -> None:
    from tests.gui.kiosk_data import KioskRig

    rig = KioskRig(qtbot, tmp_path / "d", kiosk_clock, kiosk_session)
    try:
        rig.check_in(last="nguyen", first="PAUL", born="3/11/1985")
        rig.wait_screen("awaiting_presence")
        rig.invigilator("confirm_presence")
        rig.wait_screen("instructions")
        assert "3 h" in rig.window.instructions.time_line.text()
        assert "50 %" in rig.window.instructions.time_line.text()
    finally:
        rig.close()


def test_errors_show_a_calm_message_never_a_traceback(kiosk) -> None:
    from kiosk.app.error_handler import ErrorHandler
    from kiosk.core.errors import StorageFull

    handler = ErrorHandler(kiosk.window.show_error)
    try:
        raise ZeroDivisionError("division by zero in a slot")
    except ZeroDivisionError as exc:
        handler.report(exc)
    text = kiosk.window.error_text.text()
    assert kiosk.window.error_banner.isVisibleTo(kiosk.window)
    assert "appelez le surveillant" in text and "Traceback" not in text and "Zero" not in text
    handler.report(StorageFull("Disque plein : les réponses ne peuvent plus être enregistrées."))
    assert kiosk.window.error_text.text().startswith("Disque plein")
