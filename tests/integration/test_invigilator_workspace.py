"""The centre workspace through a session: import, roster, codes, collect, finalise, export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from invigilator import collect, export, finalise, responder
from invigilator.workspace import Workspace
from kiosk.core.codes import Challenge, CodeAction, check_response
from kiosk.core.errors import (
    AuthenticationError,
    IntegrityError,
    InvalidInput,
    RuleViolation,
    UserError,
)
from kiosk.core.finalisation import AbortReason, Incident, Outcome
from kiosk.seal.authority_identity import load_identity
from kiosk.seal.result_bundle import verify_result_bundle
from kiosk.seal.timestamps import utc_now
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


@pytest.fixture
def world(tmp_path: Path) -> Iterator[CentreWorld]:
    """A built world, closed afterwards."""
    w = build_world(tmp_path)
    yield w
    w.close()


@pytest.fixture
def ws(world: CentreWorld) -> Iterator[Workspace]:
    """The workspace with the session and its pack imported."""
    space = world.open()
    space.import_file(world.session_file)
    space.import_file(world.pack)
    yield space
    space.close()


def _sid(ws: Workspace) -> str:
    return ws.sessions()[0].session_id


def test_wrong_passphrase_and_missing_centre_are_refused(world: CentreWorld, tmp_path) -> None:
    with pytest.raises(AuthenticationError):
        Workspace.open(world.home, "pas la bonne", kdf=FAST_KDF)
    from invigilator.home import CentreHome

    with pytest.raises(InvalidInput, match="Aucun centre"):
        Workspace.open(CentreHome(tmp_path / "vide"), PASSPHRASE)


def test_imports_verify_and_are_idempotent(world: CentreWorld, tmp_path: Path) -> None:
    ws = world.open()
    try:
        progress: list[float] = []
        first = ws.import_file(world.session_file, lambda f, _t: progress.append(f))
        assert first.kind == "session" and "3 candidat(s)" in first.message
        assert progress[-1] == 1.0 and progress == sorted(progress)
        assert "contenu d'épreuve encore à importer" in first.message
        assert not ws.sessions()[0].pack_ready
        assert "déjà importée" in ws.import_file(world.session_file).message
        assert ws.import_file(world.pack).kind == "pack"
        summary = ws.sessions()[0]
        assert summary.pack_ready and summary.status == "created"
        altered = bytearray(world.session_file.read_bytes())
        altered[-5] ^= 1
        bad = tmp_path / "altered.cksess"
        bad.write_bytes(bytes(altered))
        with pytest.raises(IntegrityError):
            ws.import_file(bad)
        (tmp_path / "notes.txt").write_text("bonjour", encoding="utf-8")
        with pytest.raises(InvalidInput, match="ni certificat"):
            ws.import_file(tmp_path / "notes.txt")
    finally:
        ws.close()


def test_a_session_needs_the_certificate_first(tmp_path: Path) -> None:
    world = build_world(tmp_path, centre_ready=False)
    ws = world.open()
    try:
        with pytest.raises(UserError, match="certificat du centre"):
            ws.import_file(world.session_file)
        assert "importé" in ws.import_file(world.certificate).message
        ws.import_file(world.session_file)
    finally:
        ws.close()


def test_roster_codes_collect_finalise_export(ws: Workspace, world: CentreWorld) -> None:
    sid = _sid(ws)
    package = ws.package(sid)
    rows = ws.roster(sid)
    assert [r.state_key for r in rows] == ["no_data"] * 3
    assert rows[0].name == "DUPONT Marie"

    # A kiosk runs two candidates: one completes, one stops half-way.
    from kiosk.seal.content_pack import open_content_pack

    pack = open_content_pack(world.pack.read_bytes(), Trust(ws.authority, NOW), package.pack_key)
    store, _clock = open_kiosk(world, 1)
    kit = issue_kit(world, ws, sid, 1)
    run_attempt(world, store, package, pack, 0)
    run_attempt(world, store, package, pack, 1, answered=2, end=None)
    usb = world.tmp / "usb"
    export_kiosk(world, store, sid, ws.keys.public, usb, kit_id=kit)
    report = collect.collect(ws, sid, usb)
    assert not report.refused and report.new_events > 0
    again = collect.collect(ws, sid, usb)
    assert again.new_events == 0 and "rien de nouveau" in again.outcomes[0].message
    states = [r.state_key for r in ws.roster(sid)]
    assert states == ["completed", "running", "no_data"]

    # The code the console gives is the one the kiosk accepts, and it is logged.
    challenge = Challenge(CodeAction.ADD_TIME, kiosk=7, candidate=2, counter=3, minutes=10)
    answer = responder.respond(ws, sid, challenge.text())
    assert answer.candidate_name == "NGOMA Jean-Luc" and answer.kiosk_id == "poste-01"
    assert answer.action_fr == "Ajouter du temps (10 min)"
    check_response(package.session_secret, sid, challenge, answer.response)
    logged = [e for e in ws.session_events(sid) if e.type == "code_issued"]
    assert logged[-1].data["challenge"] == challenge.text()
    with pytest.raises(InvalidInput, match="Aucun candidat n° 9"):
        responder.respond(ws, sid, Challenge(CodeAction.UNLOCK, 7, 9, 1).text())

    # The kiosk goes on; a later export brings only the new tail.
    store.attempts.end("att-c002", "abandoned").result()
    export_kiosk(world, store, sid, ws.keys.public, usb, kit_id=kit, when=NOW.replace(hour=11))
    third = collect.collect(ws, sid, usb)
    assert third.new_events == 1 and not third.refused

    # Finalisation: the draft follows the logs; an incomplete one is refused with what's missing.
    draft = finalise.draft(ws, sid)
    outcomes = [c.outcome for c in draft.candidates]
    assert outcomes == [Outcome.COMPLETED, Outcome.UNFINISHED, Outcome.ABSENT]
    with pytest.raises(RuleViolation, match="NGOMA Jean-Luc : test non terminé"):
        finalise.finalise(ws, sid, draft)
    with pytest.raises(RuleViolation, match="Finalisez d'abord"):
        export.export_bundle(ws, sid, world.tmp / "out")
    from dataclasses import replace

    second = replace(
        draft.candidates[1],
        abort_reason=AbortReason.TECHNICAL,
        incidents=(Incident("E11", item_number=3),),
        comment="Écran figé à la question 3.",
    )
    first = replace(draft.candidates[0], end_screen_seen=True)
    complete = replace(draft, candidates=(first, second, draft.candidates[2]), had_incident=True)
    finalise.finalise(ws, sid, complete)
    state = ws.session_state(sid)
    assert state.finalised and state.abort_reasons == {"c002": "technical"}
    item3 = ws.attempt_states(sid)["c002"].items[2].id
    assert state.incidents[0].item_id == item3 and state.end_screen_seen == {"c001"}
    assert ws.status(sid) == "finalised"
    with pytest.raises(RuleViolation, match="finalisée"):
        responder.respond(ws, sid, challenge.text())

    # Export and documents.
    steps: list[str] = []
    bundle = export.export_bundle(ws, sid, world.tmp / "out", lambda _f, t: steps.append(t))
    info = verify_result_bundle(bundle.read_bytes(), Trust(load_identity(
        world.authority_home / "authority-public.json"), utc_now()))  # fmt: skip
    assert info.session_id == sid and info.candidate_ids == ("c001", "c002")
    assert info.kiosk_build_hash == "build-test-1"
    assert ws.status(sid) == "exported" and steps[-1].startswith("Résultats exportés")
    assert export.report_pdf(ws, sid).startswith(b"%PDF")
    assert export.attendance_pdf(ws, sid).startswith(b"%PDF")


def test_tampered_truncated_foreign_and_conflicting_exports_are_refused(
    ws: Workspace, world: CentreWorld
) -> None:
    sid = _sid(ws)
    package = ws.package(sid)
    from kiosk.seal.content_pack import open_content_pack

    pack = open_content_pack(world.pack.read_bytes(), Trust(ws.authority, NOW), package.pack_key)
    store, _ = open_kiosk(world, 2)
    kit2 = issue_kit(world, ws, sid, 2)
    run_attempt(world, store, package, pack, 0, answered=3, end=None)
    good = export_kiosk(world, store, sid, ws.keys.public, world.tmp / "good", kit_id=kit2)
    data = good.read_bytes()

    def refused(blob: bytes, name: str) -> str:
        folder = world.tmp / name
        folder.mkdir()
        (folder / good.name).write_bytes(blob)
        report = collect.collect(ws, sid, folder)
        assert len(report.refused) == 1
        return report.refused[0].message

    assert "tronqué" in refused(data[:-40], "truncated")
    flipped = bytearray(data)
    flipped[-10] ^= 0x40
    assert "altérées" in refused(bytes(flipped), "altered")
    manifest_flip = bytearray(data)
    manifest_flip[30] ^= 0x01
    assert "modifié" in refused(bytes(manifest_flip), "manifest") or "illisible" in refused(
        bytes(manifest_flip), "manifest2"
    )
    other_centre = export_kiosk(world, store, sid, load_identity(
        world.authority_home / "authority-public.json"), world.tmp / "foreign",
        kit_id=kit2)  # fmt: skip
    assert "pas pour ce centre" in refused(other_centre.read_bytes(), "foreign-copy")
    assert ws.roster(sid)[0].state_key == "no_data"  # nothing was merged by any of them

    collect.collect(ws, sid, world.tmp / "good")
    # A second kiosk claims another attempt for the same candidate: a conflict, never merged.
    other, _ = open_kiosk(world, 3)
    kit3 = issue_kit(world, ws, sid, 3)
    run_attempt(world, other, package, pack, 0, answered=1, end=None)
    conflict = export_kiosk(world, other, sid, ws.keys.public, world.tmp / "conflict", kit_id=kit3)
    report = collect.collect(ws, sid, conflict.parent)
    assert "conflit" in report.refused[0].message
    assert ws.roster(sid)[0].kiosk_id == "poste-02"


def test_no_export_in_folder_is_one_clear_refusal(ws: Workspace, world: CentreWorld) -> None:
    (world.tmp / "empty").mkdir()
    with pytest.raises(UserError, match="Aucun export de poste"):
        collect.collect(ws, _sid(ws), world.tmp / "empty")
