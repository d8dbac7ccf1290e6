"""Kiosks at the console: enrol their records, build kits with codes, bind exports to kits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from invigilator import collect
from invigilator.cli import main
from invigilator.kiosks import enrol_kiosks, registry
from invigilator.workspace import Workspace
from kiosk.core.errors import UserError
from kiosk.seal.content_pack import open_content_pack
from kiosk.seal.keys import KeyPair
from kiosk.seal.kiosk_export import export_file_name, kiosk_export_bytes, write_kiosk_export
from kiosk.seal.kiosk_identity import enrolment_record_bytes
from kiosk.seal.kiosk_kit import open_kiosk_kit
from kiosk.seal.timestamps import utc_now
from kiosk.seal.trust import Trust
from tests.fixtures.centre_world import (
    NOW,
    CentreWorld,
    build_world,
    coming_day,
    export_kiosk,
    issue_kit,
    kiosk_logs,
    open_kiosk,
    run_attempt,
)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[CentreWorld]:
    """A world whose session is still to come (kits can be built today)."""
    w = build_world(tmp_path, day=coming_day())
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


def _record(folder: Path, number: int, keys: KeyPair | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"poste-{number:02d}.ckposte"
    path.write_bytes(
        enrolment_record_bytes(keys or KeyPair.generate(), number, f"Poste {number}", NOW)
    )
    return path


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.endswith("\n") and err.startswith("invigilator: ") and "Traceback" not in err
    return err


def test_enrol_list_and_build_kits_from_the_cli(
    world: CentreWorld, ws: Workspace, tmp_path: Path, capsys
) -> None:
    sid = ws.sessions()[0].session_id
    ws.close()
    cli = world.cli()
    usb = tmp_path / "usb-records"
    keys = {n: KeyPair.generate() for n in (1, 2)}
    for n, k in keys.items():
        _record(usb, n, k)
    assert main(["kiosks", *cli]) == 0
    assert "Aucun poste" in capsys.readouterr().out
    assert main(["kits", *cli, "--session", sid, "-o", str(tmp_path / "kits0")]) == 2
    assert "Aucun poste n'est enrôlé" in _one_line_error(capsys)

    # A folder of records: both enrolled; again: nothing changes; a damaged one is refused.
    assert main(["kiosk-enrol", *cli, str(usb)]) == 0
    out = capsys.readouterr().out
    assert "Poste n° 1 « Poste 1 » enregistré" in out and "Poste n° 2" in out
    assert main(["kiosk-enrol", *cli, str(usb / "poste-01.ckposte")]) == 0
    assert "déjà enregistré" in capsys.readouterr().out
    (tmp_path / "bad.ckposte").write_bytes(b"{}")
    assert main(["kiosk-enrol", *cli, str(tmp_path / "bad.ckposte")]) == 2
    assert "bad.ckposte refusé" in _one_line_error(capsys)
    other = _record(tmp_path / "usb2", 2)  # a reinstalled kiosk 2 (new keys)
    assert main(["kiosk-enrol", *cli, str(other)]) == 2
    assert "déjà celui du poste « Poste 2 »" in _one_line_error(capsys)

    # Kits for kiosk 2 only: the printed code opens the kit on kiosk 2, not on kiosk 1.
    kits_dir = tmp_path / "usb-kits"
    assert main(["kits", *cli, "--session", sid, "-o", str(kits_dir), "--kiosk", "2"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith("Poste n° 2"))
    _, file_name, code = line.split("\t")
    sheet = world.home.session_dir(sid) / f"feuille-des-kits-{sid}.pdf"
    assert f"Feuille des kits (codes, confidentielle) : {sheet}" in out
    assert sheet.read_bytes().startswith(b"%PDF")
    on_stick = sorted(p.name for p in kits_dir.iterdir())
    assert on_stick == ["authority-public.json", file_name]  # and no codes on the stick
    data = (kits_dir / file_name).read_bytes()
    content = open_kiosk_kit(data, code, ws.authority, utc_now(), keys[2])
    assert content.info.session_id == sid and content.info.kiosk.number == 2
    with pytest.raises(Exception, match="pas pour ce poste"):
        open_kiosk_kit(data, code, ws.authority, utc_now(), keys[1])

    # The room kit; the sheet can never be written next to the kits.
    room_dir = tmp_path / "usb-room"
    args = ["kits", *cli, "--session", sid, "-o", str(room_dir), "--room"]
    assert main([*args, "--sheet", str(room_dir / "codes.pdf")]) == 2
    assert "ne doit pas voyager avec les kits" in _one_line_error(capsys)
    assert main([*args, "--sheet", str(tmp_path / "codes.pdf")]) == 0
    assert "Salle\t" in capsys.readouterr().out
    assert (tmp_path / "codes.pdf").read_bytes().startswith(b"%PDF")
    assert main(["kiosks", *cli]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0].startswith("1\tPoste 1\tposte-01") and listing[0].endswith(f"kits : {sid}")
    assert listing[1].endswith(f"kits : {sid}")
    assert main(["kits", *cli, "--session", sid, "-o", str(kits_dir), "--kiosk", "7"]) == 2
    assert "Aucun poste n° 7" in _one_line_error(capsys)


def _logs(world: CentreWorld, ws: Workspace, sid: str, number: int, candidate: int) -> None:
    package = ws.package(sid)
    pack = open_content_pack(world.pack.read_bytes(), Trust(ws.authority, NOW), package.pack_key)
    store = world.kiosks[f"poste-{number:02d}"]
    run_attempt(world, store, package, pack, candidate, answered=2, end=None)


def test_exports_from_unknown_kiosks_or_with_another_kiosks_kit_are_refused(
    world: CentreWorld, ws: Workspace, tmp_path: Path
) -> None:
    sid = ws.sessions()[0].session_id
    one, _ = open_kiosk(world, 1)
    two, _ = open_kiosk(world, 2)
    stranger, _ = open_kiosk(world, 3, enrol=False)
    kit1, kit2 = issue_kit(world, ws, sid, 1), issue_kit(world, ws, sid, 2)
    _logs(world, ws, sid, 1, 0)
    _logs(world, ws, sid, 2, 1)
    _logs(world, ws, sid, 3, 2)

    def refusal(folder: Path) -> str:
        report = collect.collect(ws, sid, folder)
        assert len(report.refused) == 1 and report.new_events == 0
        return report.refused[0].message

    # Kiosk 3 was never enrolled here: refused, even with a real kit id.
    usb = tmp_path / "stranger"
    export_kiosk(world, stranger, sid, ws.keys.public, usb, kit_id=kit1)
    assert "le poste poste-03" in refusal(usb) and "n'est pas enrôlé dans ce centre" in refusal(usb)
    # Kiosk 2 ran kiosk 1's kit (copied files): refused, naming the kiosk the kit was for.
    usb = tmp_path / "swapped"
    export_kiosk(world, two, sid, ws.keys.public, usb, kit_id=kit1)
    assert "le kit" in refusal(usb) and "a été préparé pour le poste n° 1" in refusal(usb)
    # A kit id this console never issued.
    usb = tmp_path / "invented"
    export_kiosk(world, one, sid, ws.keys.public, usb, kit_id="kit-invente")
    assert "n'a pas été préparé par cette console" in refusal(usb)
    # An export without the kiosk's signature (hash seal only).
    usb = tmp_path / "unsigned"
    usb.mkdir()
    data = kiosk_export_bytes(kiosk_id="poste-01", session_id=sid, kit_id=kit1,
                              attempts=kiosk_logs(one, sid), centre=ws.keys.public, now=NOW)  # fmt: skip
    write_kiosk_export(usb, data, export_file_name("poste-01", sid, NOW))
    assert "n'est pas signé par le poste" in refusal(usb)
    # A version 1 export (before kits): refused with what to do.
    usb = tmp_path / "old"
    path = export_kiosk(world, one, sid, ws.keys.public, usb, kit_id=kit1)
    old = bytearray(path.read_bytes())
    old[9] = 1
    path.write_bytes(bytes(old))
    assert "version 1 (sans kit de poste)" in refusal(usb)
    assert [r.state_key for r in ws.roster(sid)] == ["no_data"] * 3

    # The right kits: both merge, and the collection names each kiosk.
    usb = tmp_path / "good"
    export_kiosk(world, one, sid, ws.keys.public, usb, kit_id=kit1)
    export_kiosk(world, two, sid, ws.keys.public, usb, kit_id=kit2)
    report = collect.collect(ws, sid, usb)
    assert not report.refused
    assert sorted(o.message.split("(")[-1] for o in report.outcomes) == [
        "poste n° 1 « Poste 1 »)",
        "poste n° 2 « Poste 2 »)",
    ]
    assert [r.kiosk_id for r in ws.roster(sid)] == ["poste-01", "poste-02", ""]


def test_a_forgotten_kiosk_can_no_longer_send_results(
    world: CentreWorld, ws: Workspace, tmp_path: Path
) -> None:
    sid = ws.sessions()[0].session_id
    one, _ = open_kiosk(world, 1)
    kit = issue_kit(world, ws, sid, 1)
    _logs(world, ws, sid, 1, 0)
    registry(world.home).remove(1)
    export_kiosk(world, one, sid, ws.keys.public, tmp_path / "usb", kit_id=kit)
    (outcome,) = collect.collect(ws, sid, tmp_path / "usb").refused
    assert "n'est pas enrôlé" in outcome.message
    (tmp_path / "empty").mkdir()
    with pytest.raises(UserError, match="Aucune fiche de poste"):
        enrol_kiosks(world.home, [tmp_path / "empty"])
