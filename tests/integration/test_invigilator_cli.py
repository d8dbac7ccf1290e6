"""The ``invigilator`` CLI, command by command, with real files; errors are one line, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from invigilator.cli import main
from invigilator.home import CentreHome
from kiosk.core.codes import Challenge, CodeAction
from kiosk.seal.content_pack import open_content_pack
from kiosk.seal.trust import Trust
from tests.fixtures.centre_world import (
    NOW,
    build_world,
    export_kiosk,
    issue_kit,
    open_kiosk,
    run_attempt,
)


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("invigilator: ") and "Traceback" not in err
    return err


def test_init_centre_writes_keys_and_request(tmp_path: Path, capsys) -> None:
    world = build_world(tmp_path / "w", centre_ready=False)
    pp = tmp_path / "pp"
    pp.write_text("une phrase longue\n", encoding="utf-8")
    home = tmp_path / "centre2"
    args = ["init-centre", "--home", str(home), "--passphrase-file", str(pp), "--centre-id",
            "CTR-02", "--name", "Lycée", "--authority",
            str(world.authority_home / "authority-public.json"), "-o", str(tmp_path / "req")]  # fmt: skip
    assert main(args) == 0
    assert "CTR-02" in capsys.readouterr().out
    assert (tmp_path / "req").read_bytes() == CentreHome(home).request_path.read_bytes()
    assert main(args) == 2
    assert "déjà les clés" in _one_line_error(capsys)
    bad = [*args[:6], "mauvais id!", *args[7:]]
    bad[2] = str(tmp_path / "centre3")
    assert main(bad) == 2
    _one_line_error(capsys)


def test_the_whole_session_through_the_cli(tmp_path: Path, capsys) -> None:
    world = build_world(tmp_path, centre_ready=False)
    cli = world.cli()
    assert main(["sessions", *cli]) == 0
    assert "Aucune session" in capsys.readouterr().out
    assert main(["import", *cli, str(world.session_file)]) == 2
    assert "certificat du centre" in _one_line_error(capsys)
    assert main(["import-certificate", *cli, str(world.certificate)]) == 0
    assert main(["import", *cli, str(world.session_file), str(world.pack)]) == 0
    out = capsys.readouterr().out
    assert "importée" in out and "importé" in out
    assert main(["sessions", *cli]) == 0
    line = capsys.readouterr().out.strip()
    sid = line.split("\t")[0]
    assert "créée" in line and "3 candidat(s)" in line

    ws = world.open()
    package = ws.package(sid)
    pack = open_content_pack(world.pack.read_bytes(), Trust(ws.authority, NOW), package.pack_key)
    centre_public = ws.keys.public
    store, _ = open_kiosk(world, 1)
    kit = issue_kit(world, ws, sid, 1)
    ws.close()
    run_attempt(world, store, package, pack, 0)
    usb = export_kiosk(world, store, sid, centre_public, tmp_path / "usb", kit_id=kit).parent
    assert main(["collect", *cli, "--session", sid, str(usb)]) == 0
    assert "nouveaux fusionnés" in capsys.readouterr().out
    assert main(["collect", *cli, "--session", sid, str(usb)]) == 0
    assert "rien de nouveau" in capsys.readouterr().out
    assert main(["roster", *cli, "--session", sid]) == 0
    assert "Terminé" in capsys.readouterr().out

    challenge = Challenge(CodeAction.UNLOCK, kiosk=3, candidate=1, counter=1).text()
    assert main(["respond", *cli, "--session", sid, challenge]) == 0
    out = capsys.readouterr().out
    assert "DUPONT Marie" in out and "Déverrouiller" in out and "Code réponse : " in out
    assert main(["respond", *cli, "--session", sid, "U-3-1-1-0"]) == 2
    assert "mal recopié" in _one_line_error(capsys)

    draft = tmp_path / "final.json"
    assert main(["finalise", *cli, "--session", sid, "--draft", str(draft)]) == 0
    doc = json.loads(draft.read_text(encoding="utf-8"))
    assert [c["outcome"] for c in doc["candidates"]] == ["completed", "absent", "absent"]
    doc["candidates"][0]["incidents"] = [{"code": "C7", "description": ""}]
    draft.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["finalise", *cli, "--session", sid, "--file", str(draft)]) == 2
    err = _one_line_error(capsys)
    assert "C7 demande une description" in err and "cochez" in err
    doc["candidates"][0]["incidents"][0]["description"] = "Coupure réseau brève"
    doc["had_incident"] = True
    draft.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["export", *cli, "--session", sid, "-o", str(tmp_path / "out")]) == 2
    assert "Finalisez d'abord" in _one_line_error(capsys)
    assert main(["finalise", *cli, "--session", sid, "--file", str(draft)]) == 0
    assert main(["export", *cli, "--session", sid, "-o", str(tmp_path / "out")]) == 0
    assert list((tmp_path / "out").glob("*.ckbndl"))
    for doc_kind in ("attendance", "report"):
        target = tmp_path / f"{doc_kind}.pdf"
        assert main(["print", *cli, "--session", sid, doc_kind, "-o", str(target)]) == 0
        assert target.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert main(["sessions", *cli]) == 0
    assert "exportée" in capsys.readouterr().out
    world.close()


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["sessions"], "Aucun centre"),
        (["roster", "--session", "999"], "Session inconnue"),
        (["import", "/nonexistent/file.cksess"], "n'existe pas"),
        (["finalise", "--session", "999", "--file", "x.json"], "x.json n'existe pas"),
        (["print", "--session", "999", "attendance", "-o", "a.pdf"], "Session inconnue"),
    ],
)
def test_bad_input_is_one_line(tmp_path: Path, argv: list[str], expected: str, capsys) -> None:
    home = tmp_path / "home"
    if expected != "Aucun centre":
        build = build_world(tmp_path / "w")
        home = build.home.root
    pp = tmp_path / "pp"
    from tests.fixtures.centre_world import PASSPHRASE

    pp.write_text(PASSPHRASE + "\n", encoding="utf-8")
    status = main([argv[0], "--home", str(home), "--passphrase-file", str(pp), *argv[1:]])
    assert status == 2
    assert expected in capsys.readouterr().err


def test_wrong_passphrase_and_usage_errors(tmp_path: Path, capsys) -> None:
    world = build_world(tmp_path)
    (tmp_path / "wrong").write_text("mauvaise\n", encoding="utf-8")
    assert main(["sessions", "--home", str(world.home.root), "--passphrase-file",
                 str(tmp_path / "wrong")]) == 2  # fmt: skip
    assert "Phrase secrète du centre incorrecte" in _one_line_error(capsys)
    with pytest.raises(SystemExit) as exit_info:
        main(["print", *world.cli(), "--session", "1", "nothing", "-o", "x.pdf"])
    assert exit_info.value.code == 2


def test_the_cli_and_workspace_never_import_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, invigilator.cli, invigilator.collect, invigilator.export, "
        "invigilator.finalise, invigilator.responder, invigilator.workspace; "
        "sys.exit(1 if any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
