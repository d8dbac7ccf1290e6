"""The kiosk as the centre manager and the invigilator meet it: enrolment, kit import, codes, export."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from invigilator.kits import KioskRegistry, check_kit_binding
from kiosk.core.clock import FakeClock
from kiosk.core.codes import CodeAction, response_for
from kiosk.seal.kiosk_export import read_kiosk_export
from kiosk.seal.kit_code import new_kit_code
from tests.fixtures.kit.world import MORNING, World, make_world
from tests.gui.kiosk_kit_rig import KitKiosk, console_kits

SESSION = "S-2026-0315"
ACCESS = "BCDF23"
MARIE = ("Dupont", "Marie", "12/04/2000")  # candidate n° 1 of the world's session
JEAN = ("Ngoma", "Jean-Luc", "12/04/2001")  # candidate n° 2


@pytest.fixture
def world(tmp_path: Path) -> World:
    return make_world(tmp_path / "world")


def _enrolled_with_kit(qtbot, tmp_path: Path, world: World, clock: FakeClock, number: int = 3):  # type: ignore[no-untyped-def]
    """A kiosk enrolled by its screen, registered on the console, its kit imported."""
    usb = tmp_path / "usb"
    usb.mkdir(exist_ok=True)
    kiosk = KitKiosk(qtbot, tmp_path / "kiosk", clock)
    kiosk.wait_screen("enrol")
    kiosk.enrol(number, f"Poste {number}", usb)
    registry = KioskRegistry(tmp_path / "console" / "kiosks.json")
    registry.enrol((usb / f"poste-{number:02d}.ckposte").read_bytes())
    (kit,) = console_kits(world, registry, usb, kiosk_numbers=[number])
    kiosk.window.enrol.continue_button.click()
    kiosk.wait_screen("kit")
    kiosk.choose_kit(usb)
    kiosk.type_code(kit.code)
    kiosk.wait_screen("startup")
    return kiosk, registry, kit, usb


def _to_first_item(kiosk: KitKiosk) -> None:
    kiosk.check_in(SESSION, ACCESS, *MARIE)
    kiosk.qtbot.waitUntil(lambda: kiosk.screen() in ("awaiting_presence", "locked"))
    if kiosk.controller.state.lock_reason is not None:
        kiosk.password("unlock")
    kiosk.password("confirm_presence")
    kiosk.wait_screen("instructions")
    kiosk.window.instructions.start_button.click()
    kiosk.qtbot.waitUntil(lambda: kiosk.screen() in ("item", "focus_warning"))
    kiosk.settle()


def _code(
    kiosk: KitKiosk, world: World, action: CodeAction, minutes: int | None = None, reason: str = ""
) -> str:
    """Ask the kiosk for the challenge of ``action``; return the console's response."""
    w = kiosk.window
    w.open_panel()
    box = w.panel.code_box
    assert box.isVisibleTo(w.panel), "no code box on the invigilator screen"
    box.action_combo.setCurrentIndex(box.action_combo.findData(action.value))
    if minutes is not None:
        box.minutes_spin.setValue(minutes)
        box.reason_edit.setText(reason)
    box.challenge_button.click()
    kiosk.settle()
    challenge = kiosk.controller.pending_challenge
    assert challenge is not None, box.message.text()
    assert challenge.text() in box.challenge_text.text()
    return response_for(world.session.session_secret, SESSION, challenge)


def test_enrolment_writes_a_record_the_console_accepts(qtbot, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    kiosk = KitKiosk(qtbot, tmp_path / "kiosk", FakeClock(wall=MORNING))
    try:
        kiosk.wait_screen("enrol")
        kiosk.window.enrol.folder.set_folder(tmp_path / "no-stick")
        kiosk.window.enrol.name_edit.setText("Poste 7")
        kiosk.window.enrol.enrol_button.click()
        kiosk.settle()
        assert "n'existe pas" in kiosk.window.enrol.message.text()
        kiosk.enrol(7, "Poste 7", usb)
        record = usb / "poste-07.ckposte"
        assert record.exists()
        assert str(record) in kiosk.window.enrol.done_text.text()
        registered = KioskRegistry(tmp_path / "kiosks.json").enrol(record.read_bytes())
        assert (registered.number, registered.name, registered.kiosk_id) == (
            7,
            "Poste 7",
            "poste-07",
        )
        kiosk.window.enrol.continue_button.click()
        kiosk.wait_screen("kit")
        assert "n° 7 « Poste 7 »" in kiosk.window.kit_import.kiosk_line.text()
    finally:
        kiosk.close()


def test_wrong_codes_lock_then_the_right_code_opens_check_in_and_a_restart_goes_straight_there(
    qtbot, tmp_path: Path, world: World
) -> None:
    clock = FakeClock(wall=MORNING)
    usb = tmp_path / "usb"
    usb.mkdir()
    kiosk = KitKiosk(qtbot, tmp_path / "kiosk", clock)
    try:
        kiosk.wait_screen("enrol")
        kiosk.enrol(2, "Poste 2", usb)
        registry = KioskRegistry(tmp_path / "kiosks.json")
        registry.enrol((usb / "poste-02.ckposte").read_bytes())
        (kit,) = console_kits(world, registry, usb, kiosk_numbers=[2])
        kiosk.window.enrol.continue_button.click()
        kiosk.wait_screen("kit")
        kiosk.choose_kit(usb)
        screen = kiosk.window.kit_import
        text = screen.preview_text.text()
        assert (
            "Session S-2026-0315 du 2026-03-15, Salle 2 — kit pour poste n° 2, 3 candidat(s)"
            in text
        )
        assert "authority-public.json" in text and "épinglée" in text
        wrong = new_kit_code()
        for left in (4, 3, 2, 1):
            kiosk.type_code(wrong)
            assert f"encore {left} essai" in screen.message.text()
        kiosk.type_code(wrong)
        assert "bloqué pendant 1 min" in screen.message.text()
        kiosk.type_code(kit.code)  # locked: even the right code is not tried
        assert "jusqu'à" in screen.message.text() and kiosk.screen() == "kit"
        clock.advance(61_000)
        kiosk.type_code(kit.code)
        kiosk.wait_screen("startup")
        kiosk.check_in(SESSION, ACCESS, *MARIE)
        kiosk.qtbot.waitUntil(lambda: kiosk.screen() in ("awaiting_presence", "locked"))
    finally:
        kiosk.close()
    # A restart: the kit is installed, the authority pinned; straight to the candidates' screens.
    again = KitKiosk(qtbot, tmp_path / "kiosk", clock)
    try:
        again.wait_screen("awaiting_presence")
        assert again.controller.session.kit_id == kit.kit_id
    finally:
        again.close()


def test_refusals_are_shown_before_the_code(qtbot, tmp_path: Path, world: World) -> None:
    clock = FakeClock(wall=MORNING)
    kiosk, _registry, _kit, usb = _enrolled_with_kit(qtbot, tmp_path, world, clock)
    kiosk.close()
    # Another kiosk of the room gets the kit prepared for n° 3.
    other = KitKiosk(qtbot, tmp_path / "other", clock)
    try:
        other.wait_screen("enrol")
        other.enrol(4, "Poste 4", tmp_path / "usb")
        other.window.enrol.continue_button.click()
        other.wait_screen("kit")
        other.choose_kit(usb)
        screen = other.window.kit_import
        assert "préparé pour le poste n° 3 « Poste 3 »" in screen.message.text()
        assert not screen.code_edit.isEnabled()
        # An altered kit.
        bad = tmp_path / "bad"
        bad.mkdir()
        data = bytearray(next(usb.glob("*.ckkit")).read_bytes())
        data[len(data) // 2] ^= 1
        (bad / "kit-altered.ckkit").write_bytes(bytes(data))
        (bad / "authority-public.json").write_bytes((usb / "authority-public.json").read_bytes())
        other.choose_kit(bad)
        assert "modifié ou abîmé" in screen.message.text()
    finally:
        other.close()


def test_crash_mid_test_resumed_by_a_console_code_which_works_once(
    qtbot, tmp_path: Path, world: World
) -> None:
    clock = FakeClock(wall=MORNING)
    kiosk, _registry, _kit, _usb = _enrolled_with_kit(qtbot, tmp_path, world, clock)
    try:
        _to_first_item(kiosk)
        clock.advance(30_000)
    finally:
        kiosk.close()  # the process dies
    clock.advance(5 * 60_000)
    kiosk = KitKiosk(qtbot, tmp_path / "kiosk", clock)
    try:
        kiosk.wait_screen("awaiting_resume")
        answer = _code(kiosk, world, CodeAction.AUTHORISE_RESUME)
        challenge = kiosk.controller.pending_challenge
        assert challenge.text().startswith("R-3-1-1-")  # kiosk 3, candidate 1, counter 1
        result = kiosk.controller.codes.submit_code("x" * 6)
        assert not result.ok and result.attempts_left == 4
        kiosk.window.panel.code_box.response_edit.setText(answer.lower())
        kiosk.window.panel.code_box.response_button.click()
        kiosk.qtbot.waitUntil(lambda: kiosk.screen() in ("item", "focus_warning"))
        kiosk.settle()
        events = kiosk.backend.store.attempts.events(kiosk.controller.attempt_id).result()
        resumed = [e for e in events if e.type == "resume_authorised"]
        assert resumed[-1].data["by"] == "code" and resumed[-1].data["counter"] == 1
        # The same response again: no challenge is pending any more, and the next one differs.
        assert not kiosk.controller.codes.submit_code(answer).ok
        kiosk.controller.on_suspicious("focus_lost", "test")
        kiosk.wait_screen("locked")
        replay_target = _code(kiosk, world, CodeAction.UNLOCK)
        assert kiosk.controller.pending_challenge.counter == 2
        assert not kiosk.controller.codes.submit_code(answer).ok  # the old response
        assert kiosk.screen() == "panel"
        assert kiosk.controller.codes.submit_code(replay_target).ok
        kiosk.window.close_panel()
        kiosk.qtbot.waitUntil(lambda: kiosk.screen() in ("item", "focus_warning"))
        kiosk.settle()
    finally:
        kiosk.close()
    # The counter survives a restart: the next challenge is n° 3.
    kiosk = KitKiosk(qtbot, tmp_path / "kiosk", clock)
    try:
        kiosk.wait_screen("awaiting_resume")
        _code(kiosk, world, CodeAction.AUTHORISE_RESUME)
        assert kiosk.controller.pending_challenge.counter == 3
    finally:
        kiosk.close()


def test_add_time_and_end_by_code_then_export_readable_by_the_centre(
    qtbot, tmp_path: Path, world: World
) -> None:
    clock = FakeClock(wall=MORNING)
    kiosk, registry, _kit, _usb = _enrolled_with_kit(qtbot, tmp_path, world, clock)
    try:
        _to_first_item(kiosk)
        before = kiosk.controller.live_state().time_left_ms
        answer = _code(kiosk, world, CodeAction.ADD_TIME, minutes=15, reason="coupure réseau")
        assert kiosk.controller.pending_challenge.text().startswith("T-3-1-1-15-")
        box = kiosk.window.panel.code_box
        box.response_edit.setText(answer)
        box.response_button.click()
        kiosk.settle()
        assert kiosk.controller.live_state().time_left_ms == before + 15 * 60_000
        answer = _code(kiosk, world, CodeAction.END_TEST)
        box.response_edit.setText(answer)
        box.response_button.click()
        kiosk.wait_screen("ended")
        # Export: a missing folder is refused clearly, then the stick works.
        panel = kiosk.window.panel
        kiosk.window.open_panel()
        panel.password_edit.setText("surveillant-2026")
        panel.open_button.click()
        assert panel.export_box.isVisibleTo(panel)
        panel.export_folder.set_folder(tmp_path / "unplugged")
        panel.export_button.click()
        kiosk.settle()
        assert "n'existe pas" in panel.export_message.text()
        out = tmp_path / "export-stick"
        out.mkdir()
        panel.export_folder.set_folder(out)
        panel.export_button.click()
        kiosk.settle()
        (path,) = out.glob("*.ckexport")
        assert (
            "Export écrit" in panel.export_message.text()
            and path.name in panel.export_message.text()
        )
    finally:
        kiosk.close()
    export = read_kiosk_export(path.read_bytes(), world.centre, path.name)
    assert export.kiosk_id == "poste-03" and export.session_id == SESSION
    (events,) = export.attempts.values()
    kinds = [(e.type, e.data.get("by")) for e in events]
    assert ("time_extended", "code") in kinds and ("ended", "code") in kinds
    record = check_kit_binding(
        registry,
        session_id=SESSION,
        kiosk_id=export.kiosk_id,
        signer_key_id=export.signer_key_id,
        kit_id=export.kit_id,
    )
    assert record.number == 3


def test_export_to_a_read_only_folder_says_so_and_loses_nothing(
    qtbot, tmp_path: Path, world: World
) -> None:
    clock = FakeClock(wall=MORNING)
    kiosk, _registry, _kit, _usb = _enrolled_with_kit(qtbot, tmp_path, world, clock)
    read_only = tmp_path / "ro"
    read_only.mkdir()
    read_only.chmod(0o500)
    try:
        _to_first_item(kiosk)
        panel = kiosk.window.panel
        kiosk.window.open_panel()
        panel.password_edit.setText("surveillant-2026")
        panel.open_button.click()
        panel.export_folder.set_folder(read_only)
        panel.export_button.click()
        kiosk.settle()
        import os

        if os.geteuid() != 0:  # root writes anywhere
            assert "lecture seule" in panel.export_message.text()
            assert list(read_only.iterdir()) == []
        kiosk.window.close_panel()
        assert kiosk.screen() in ("item", "focus_warning")
    finally:
        read_only.chmod(0o700)
        kiosk.close()


def test_an_expired_kit_sends_the_kiosk_back_to_the_kit_screen(
    qtbot, tmp_path: Path, world: World
) -> None:
    clock = FakeClock(wall=MORNING)
    kiosk, *_ = _enrolled_with_kit(qtbot, tmp_path, world, clock)
    kiosk.close()
    clock.jump_wall(datetime(2026, 3, 16, 8, 0, tzinfo=UTC) - clock.wall())
    again = KitKiosk(qtbot, tmp_path / "kiosk", clock)
    try:
        again.wait_screen("kit")
        assert "a expiré" in again.window.kit_import.info.text()
    finally:
        again.close()
