"""A kit that seats only some candidates: challenges carry the session package's candidate number.

The world is a real centre (authority CLI, centre home, console workspace) whose session has four
candidates; the console builds a kit for kiosk n° 5 seating candidates 2 and 4 only. At the
kiosk, candidate 4 (the second one the kit seats) gets a challenge naming candidate n° 4, and the
console's responder answers it for that same person.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from authority.cli import main as authority_main
from authority.home import AuthorityHome
from invigilator.home import CentreHome
from invigilator.kiosks import registry
from invigilator.kits import build_session_kits, write_kits
from invigilator.responder import describe, respond
from invigilator.workspace import Workspace
from kiosk.core.clock import FakeClock
from kiosk.core.codes import CodeAction
from tests.fixtures.centre_world import coming_day
from tests.fixtures.kit.world import TEST_CODE_KDF
from tests.fixtures.seal.samples import (
    CANDIDATES,
    FAST_KDF,
    profiles_doc,
    roster_csv,
    roster_rows,
    write_bank,
    write_json,
)
from tests.gui.kiosk_kit_rig import KitKiosk

PASSPHRASE = "phrase du centre"
PASSWORD = "surveillant-2026"
FOURTH = ["Martin", "Paul", "03/02/1990", "M", "", "69001", "Lyon", "France", "", "", "EXT-4", ""]
KIOSK = 5


def _centre(tmp: Path, day: str) -> tuple[Workspace, Path, str]:
    """A centre with a four-candidate session imported; (workspace, authority key file, id)."""
    auth = tmp / "authority"
    AuthorityHome(auth).initialise("Organisme test", "pp-autorite", FAST_KDF)
    (tmp / "auth-pp").write_text("pp-autorite\n", encoding="utf-8")
    (tmp / "invig-pw").write_text(PASSWORD + "\n", encoding="utf-8")
    home = CentreHome(tmp / "centre")
    now = datetime.now(UTC)
    home.create("CTR-01", "Médiathèque Centre", auth / "authority-public.json", PASSPHRASE, now,
                FAST_KDF)  # fmt: skip
    rows = roster_rows([*CANDIDATES, FOURTH])
    rows[1][3] = day
    (tmp / "roster.csv").write_bytes(roster_csv(rows))
    profiles = profiles_doc()
    fourth = dict(profiles["profiles"][0], external_id="EXT-4", last_name="Martin",
                  first_names="Paul", birth_date="1990-02-03")  # fmt: skip
    profiles["profiles"].append(fourth)
    write_json(tmp / "profiles.json", profiles)
    bank = write_bank(tmp / "bank")
    common = ["--home", str(auth), "--passphrase-file", str(tmp / "auth-pp")]
    cert, pack, session = tmp / "centre.ccrt", tmp / "pack.ckpack", tmp / "session.cksess"
    assert authority_main(["enrol-centre", *common, str(home.request_path), "-o", str(cert)]) == 0
    assert authority_main(["build-pack", *common, str(bank), "-o", str(pack)]) == 0
    assert authority_main(["schedule", *common, "--centre", str(cert), "--pack", str(pack),
                           "--roster", str(tmp / "roster.csv"), "--profiles",
                           str(tmp / "profiles.json"), "--invigilator-password-file",
                           str(tmp / "invig-pw"), "-o", str(session)]) == 0  # fmt: skip
    ws = Workspace.open(home, PASSPHRASE, kdf=FAST_KDF)
    for path in (cert, pack):
        ws.import_file(path)
    session_id = ws.import_file(session).ident
    return ws, auth / "authority-public.json", session_id


@pytest.fixture
def centre(tmp_path: Path):  # type: ignore[no-untyped-def]
    ws, authority_file, session_id = _centre(tmp_path / "centre-world", coming_day())
    yield ws, authority_file, session_id
    ws.close()


def test_a_kit_seating_candidates_2_and_4_names_candidate_4_in_its_challenges(
    qtbot, tmp_path: Path, centre
) -> None:
    ws, authority_file, session_id = centre
    package = ws.package(session_id)
    assert len(package.candidates) == 4
    second, fourth = package.candidates[1], package.candidates[3]
    usb = tmp_path / "usb"
    usb.mkdir()
    clock = FakeClock(wall=datetime.now(UTC))
    kiosk = KitKiosk(qtbot, tmp_path / "kiosk", clock)
    try:
        kiosk.wait_screen("enrol")
        kiosk.enrol(KIOSK, f"Poste {KIOSK}", usb)
        registry(ws.home).enrol((usb / f"poste-{KIOSK:02d}.ckposte").read_bytes())
        pack = ws.home.pack_path(package.info.pack_id).read_bytes()
        (kit,) = build_session_kits(
            registry(ws.home),
            package,
            pack,
            ws.keys,
            ws.require_certificate(),
            clock.wall(),
            kiosk_numbers=[KIOSK],
            seats={KIOSK: [second.candidate_id, fourth.candidate_id]},
            kdf=TEST_CODE_KDF,
        )
        write_kits(usb, [kit])
        (usb / "authority-public.json").write_bytes(authority_file.read_bytes())
        kiosk.window.enrol.continue_button.click()
        kiosk.wait_screen("kit")
        kiosk.choose_kit(usb)
        kiosk.type_code(kit.code)
        kiosk.wait_screen("startup")
        installed = kiosk.controller.session
        assert [c.candidate_id for c in installed.candidates] == [
            second.candidate_id,
            fourth.candidate_id,
        ]
        born = datetime.strptime(fourth.birth_date, "%Y-%m-%d").strftime("%d/%m/%Y")
        kiosk.check_in(session_id, package.details.access_code, fourth.last_name, "Paul", born)
        kiosk.wait_screen("awaiting_presence")
        kiosk.window.open_panel()
        box = kiosk.window.panel.code_box
        box.action_combo.setCurrentIndex(
            box.action_combo.findData(CodeAction.CONFIRM_PRESENCE.value)
        )
        box.challenge_button.click()
        kiosk.settle()
        challenge = kiosk.controller.pending_challenge
        assert challenge is not None, box.message.text()
        assert (challenge.kiosk, challenge.candidate) == (KIOSK, 4)  # not 2, its place in the kit
        assert challenge.text() in box.challenge_text.text()
        # The console reads the challenge back: candidate n° 4 of its session is Paul Martin.
        _challenge, who, _kiosk_id = describe(ws, session_id, challenge.text())
        assert who.candidate_id == fourth.candidate_id
        answer = respond(ws, session_id, challenge.text())
        assert answer.candidate.candidate_id == fourth.candidate_id
        box.response_edit.setText(answer.response)
        box.response_button.click()
        kiosk.wait_screen("instructions")
        events = kiosk.backend.store.attempts.events(kiosk.controller.attempt_id).result()
        confirmed = [e for e in events if e.type == "presence_confirmed"]
        assert confirmed[-1].data["by"] == "code"
    finally:
        kiosk.close()
