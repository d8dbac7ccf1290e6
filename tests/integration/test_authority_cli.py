"""The ``authority`` CLI from init to a session package, through ``authority.cli.main``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from authority.cli import main
from authority.home import AuthorityHome
from kiosk.seal.authority_identity import load_identity
from kiosk.seal.centre import (
    create_centre,
    import_centre_certificate,
    import_content_pack,
    import_session_package,
)
from kiosk.seal.timestamps import utc_now
from tests.fixtures.seal.samples import FAST_KDF, profiles_doc, roster_csv, write_bank, write_json

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def world(tmp_path: Path) -> dict[str, Path]:
    """An initialised authority home (cheap KDF), an enrolled centre and input files."""
    home = tmp_path / "home"
    AuthorityHome(home).initialise("Autorité test", "phrase secrète", FAST_KDF)
    (tmp_path / "pass.txt").write_text("phrase secrète\n", encoding="utf-8")
    (tmp_path / "invig.txt").write_text("surveillant-2026\n", encoding="utf-8")
    centre = create_centre("CTR-01", "Médiathèque Centre", "centre pass", utc_now(), FAST_KDF)
    (tmp_path / "centre.req").write_bytes(centre.request)
    (tmp_path / "roster.csv").write_bytes(roster_csv())
    write_json(tmp_path / "profiles.json", profiles_doc())
    write_bank(tmp_path / "bank")
    return {"tmp": tmp_path, "home": home, "centre": centre}  # type: ignore[dict-item]


def _common(world: dict[str, Path]) -> list[str]:
    return ["--home", str(world["home"]), "--passphrase-file", str(world["tmp"] / "pass.txt")]


def _run_chain(world: dict[str, Path]) -> Path:
    tmp = world["tmp"]
    assert (
        main(
            [
                "enrol-centre",
                *_common(world),
                str(tmp / "centre.req"),
                "-o",
                str(tmp / "centre.ccrt"),
            ]
        )
        == 0
    )
    assert (
        main(["build-pack", *_common(world), str(tmp / "bank"), "-o", str(tmp / "p.ckpack")]) == 0
    )
    assert (
        main(
            [
                "schedule",
                *_common(world),
                "--centre",
                str(tmp / "centre.ccrt"),
                "--pack",
                str(tmp / "p.ckpack"),
                "--roster",
                str(tmp / "roster.csv"),
                "--profiles",
                str(tmp / "profiles.json"),
                "--invigilator-password-file",
                str(tmp / "invig.txt"),
                "--duration",
                "90",
                "-o",
                str(tmp / "s.cksess"),
            ]
        )
        == 0
    )
    return tmp


def test_chain_produces_artefacts_the_centre_can_open(world: dict[str, Path], capsys) -> None:
    tmp = _run_chain(world)
    keys_file = tmp / "p.ckpack.scoring-keys.json"
    assert keys_file.exists()
    assert b"solution" not in (tmp / "p.ckpack").read_bytes()
    authority = load_identity(world["home"] / "authority-public.json")
    centre = world["centre"]
    now = utc_now()
    cert = import_centre_certificate(
        (tmp / "centre.ccrt").read_bytes(), authority, centre.keys.public, now
    )  # type: ignore[attr-defined]
    session = import_session_package(
        (tmp / "s.cksess").read_bytes(), authority, centre.keys, cert, now
    )  # type: ignore[attr-defined]
    assert [c.last_name for c in session.candidates] == ["Dupont", "Ngoma", "Lefèvre"]
    assert str(session.candidates[0].extra_time_pct) == "33"
    assert session.details.duration_minutes == 90
    assert session.details.room == "Salle 2" and session.details.date == "2026-03-15"
    pack = import_content_pack((tmp / "p.ckpack").read_bytes(), authority, session, now)
    assert len(pack.items) == 31 and "media/1.1/point.png" in pack.media
    out = capsys.readouterr().out
    assert "access code" in out


@pytest.mark.parametrize("name", ["centre.ccrt", "p.ckpack", "s.cksess", "centre.req"])
def test_verify_accepts_each_artefact_and_refuses_a_flipped_byte(
    world: dict[str, Path], name: str, capsys
) -> None:
    tmp = _run_chain(world)
    capsys.readouterr()
    assert main(["verify", "--home", str(world["home"]), str(tmp / name)]) == 0
    assert capsys.readouterr().out.startswith("valid: ")
    data = bytearray((tmp / name).read_bytes())
    data[len(data) // 2] ^= 0x01
    (tmp / "bad").write_bytes(bytes(data))
    assert main(["verify", "--home", str(world["home"]), str(tmp / "bad")]) == 1
    assert capsys.readouterr().out.startswith("INVALID: ")


def test_wrong_passphrase_is_one_line_and_exit_2(world: dict[str, Path], capsys) -> None:
    (world["tmp"] / "wrong.txt").write_text("nope\n", encoding="utf-8")
    code = main(
        [
            "enrol-centre",
            "--home",
            str(world["home"]),
            "--passphrase-file",
            str(world["tmp"] / "wrong.txt"),
            str(world["tmp"] / "centre.req"),
            "-o",
            str(world["tmp"] / "c.ccrt"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "wrong passphrase" in err
    assert not (world["tmp"] / "c.ccrt").exists()


def test_schedule_with_a_bad_roster_writes_nothing(world: dict[str, Path], capsys) -> None:
    tmp = world["tmp"]
    bad = roster_csv().replace(b"12/04/2001", b"31/02/2001")
    (tmp / "roster.csv").write_bytes(bad)
    assert (
        main(
            [
                "enrol-centre",
                *_common(world),
                str(tmp / "centre.req"),
                "-o",
                str(tmp / "centre.ccrt"),
            ]
        )
        == 0
    )
    assert (
        main(["build-pack", *_common(world), str(tmp / "bank"), "-o", str(tmp / "p.ckpack")]) == 0
    )
    capsys.readouterr()
    code = main(
        [
            "schedule",
            *_common(world),
            "--centre",
            str(tmp / "centre.ccrt"),
            "--pack",
            str(tmp / "p.ckpack"),
            "--roster",
            str(tmp / "roster.csv"),
            "--profiles",
            str(tmp / "profiles.json"),
            "--invigilator-password-file",
            str(tmp / "invig.txt"),
            "-o",
            str(tmp / "s.cksess"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "roster.csv line 2, column J" in err and "31/02/2001" in err
    assert not (tmp / "s.cksess").exists()
    assert not any((world["home"] / "sessions").glob("*"))


def test_init_refuses_to_overwrite_and_subprocess_reports_one_line(world: dict[str, Path]) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "authority",
            "init",
            "--home",
            str(world["home"]),
            "--passphrase-file",
            str(world["tmp"] / "pass.txt"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "already exists" in proc.stderr
    assert "Traceback" not in proc.stderr
