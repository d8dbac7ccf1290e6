"""From scheduling to ingest and jury re-scoring, with attempts built through the core event API."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from authority.cli import main
from authority.home import AuthorityHome
from kiosk.core.itembank import load_bank
from kiosk.seal.authority_identity import load_identity
from kiosk.seal.centre import (
    create_centre,
    export_result_bundle,
    import_centre_certificate,
    import_content_pack,
    import_session_package,
)
from kiosk.seal.timestamps import utc_now
from tests.fixtures.seal.attempts import attempt_log, right_answer, session_log
from tests.fixtures.seal.samples import FAST_KDF, profiles_doc, roster_csv, write_bank, write_json


@pytest.fixture
def scheduled(tmp_path: Path) -> dict[str, Any]:
    """A session scheduled through the CLI and opened at the centre."""
    home = tmp_path / "home"
    AuthorityHome(home).initialise("Autorité", "pp", FAST_KDF)
    (tmp_path / "pp").write_text("pp\n", encoding="utf-8")
    (tmp_path / "pw").write_text("surveillant-2026\n", encoding="utf-8")
    centre = create_centre("CTR-01", "Centre", "cp", utc_now(), FAST_KDF)
    (tmp_path / "req").write_bytes(centre.request)
    (tmp_path / "roster.csv").write_bytes(roster_csv())
    write_json(tmp_path / "profiles.json", profiles_doc())
    write_bank(tmp_path / "bank")
    common = ["--home", str(home), "--passphrase-file", str(tmp_path / "pp")]
    assert main(["enrol-centre", *common, str(tmp_path / "req"), "-o", str(tmp_path / "c")]) == 0
    assert main(["build-pack", *common, str(tmp_path / "bank"), "-o", str(tmp_path / "p")]) == 0
    assert (
        main(
            [
                "schedule",
                *common,
                "--centre",
                str(tmp_path / "c"),
                "--pack",
                str(tmp_path / "p"),
                "--roster",
                str(tmp_path / "roster.csv"),
                "--profiles",
                str(tmp_path / "profiles.json"),
                "--invigilator-password-file",
                str(tmp_path / "pw"),
                "-o",
                str(tmp_path / "s"),
            ]
        )
        == 0
    )
    authority = load_identity(home / "authority-public.json")
    now = utc_now()
    cert = import_centre_certificate(
        (tmp_path / "c").read_bytes(), authority, centre.keys.public, now
    )
    session = import_session_package(
        (tmp_path / "s").read_bytes(), authority, centre.keys, cert, now
    )
    pack = import_content_pack((tmp_path / "p").read_bytes(), authority, session, now)
    bank = load_bank(tmp_path / "bank")
    return {
        "tmp": tmp_path,
        "common": common,
        "centre": centre,
        "cert": cert,
        "session": session,
        "pack": pack,
        "keys": bank.keys,
        "home": home,
    }


def _bundle(
    w: dict[str, Any],
    attempts: dict[str, list[dict[str, Any]]],
    abort: dict[str, str] | None = None,
) -> Path:
    session = w["session"]
    log = session_log(session.details.session_id, sorted(attempts), abort)
    data = export_result_bundle(
        w["centre"].keys,
        w["cert"],
        session,
        attempts,
        log.dicts(),
        {"comment": "RAS"},
        "build-abc123",
        utc_now(),
    )
    path = w["tmp"] / f"bundle-{len(list(w['tmp'].glob('bundle-*')))}.ckbndl"
    path.write_bytes(data)
    return path


def _results(w: dict[str, Any]) -> dict[str, Any]:
    sid = w["session"].details.session_id
    return json.loads((w["home"] / "results" / sid / "results.json").read_text("utf-8"))


def test_ingest_scores_replays_and_is_idempotent(scheduled: dict[str, Any], capsys) -> None:
    w = scheduled
    sid = w["session"].details.session_id
    cands = w["session"].candidates
    wrong_everywhere = attempt_log(
        cands[1], sid, w["pack"].items, w["keys"], answer=lambda item, key: "zzz"
    )
    attempts = {
        cands[0].candidate_id: attempt_log(cands[0], sid, w["pack"].items, w["keys"]).dicts(),
        cands[1].candidate_id: wrong_everywhere.dicts(),
    }
    bundle = _bundle(w, attempts)
    assert main(["verify", "--home", str(w["home"]), str(bundle)]) == 0
    assert "signed by centre CTR-01" in capsys.readouterr().out
    assert main(["ingest", *w["common"], str(bundle)]) == 0
    first = _results(w)
    out = capsys.readouterr().out
    assert "ingested" in out and "1 absent" in out
    good = first["candidates"][cands[0].candidate_id]["result"]
    assert good["status"] == "validated" and good["reproducibility_rate"] == 100
    assert good["pix"] == 5 * 19  # every competence kept at its profile pix
    assert first["candidates"][cands[1].candidate_id]["result"]["status"] == "rejected"
    assert first["candidates"][cands[2].candidate_id]["status"] == "absent"
    assert main(["ingest", *w["common"], str(bundle)]) == 0
    assert "duplicate" in capsys.readouterr().out
    assert _results(w) == first


def test_a_tampered_attempt_is_refused_and_named(scheduled: dict[str, Any], capsys) -> None:
    w = scheduled
    sid = w["session"].details.session_id
    cand = w["session"].candidates[0]
    events = attempt_log(
        cand, sid, w["pack"].items, w["keys"], answer=lambda item, key: "zzz"
    ).dicts()
    for event in events:  # rewrite answers after the fact: the chain no longer matches
        if event["type"] == "answer_saved":
            event["data"]["answer"] = right_answer(w["keys"][event["data"]["item"]])
    assert main(["ingest", *w["common"], str(_bundle(w, {cand.candidate_id: events}))]) == 1
    out = capsys.readouterr().out
    assert f"refused {cand.candidate_id}" in out
    assert _results(w)["candidates"][cand.candidate_id]["status"] == "refused"


def test_items_not_matching_the_seed_are_refused(scheduled: dict[str, Any], capsys) -> None:
    w = scheduled
    sid = w["session"].details.session_id
    cand = w["session"].candidates[0]
    log = attempt_log(cand, sid, w["pack"].items, w["keys"], seed=1)
    events = log.dicts()
    from kiosk.core.events import make_event
    from tests.fixtures.seal.attempts import Log

    forged = Log()  # same attempt but the recorded seed differs from the one used
    for e in log.events:
        data = dict(e.data, seed="2") if e.type == "assembled" else e.data
        forged.events.append(
            make_event(
                forged.events[-1] if forged.events else None, e.type, e.at_wall, e.at_mono_ms, data
            )
        )
    assert events != forged.dicts()
    assert main(["ingest", *w["common"], str(_bundle(w, {cand.candidate_id: forged.dicts()}))]) == 1
    assert "do not match the assembly" in capsys.readouterr().out


def test_abandoned_test_with_technical_reason_and_jury_rescore(
    scheduled: dict[str, Any], capsys
) -> None:
    w = scheduled
    sid = w["session"].details.session_id
    cand = w["session"].candidates[0]
    log = attempt_log(cand, sid, w["pack"].items, w["keys"], finish=False)
    bundle = _bundle(w, {cand.candidate_id: log.dicts()}, abort={cand.candidate_id: "technical"})
    assert main(["ingest", *w["common"], str(bundle)]) == 0
    result = _results(w)["candidates"][cand.candidate_id]["result"]
    assert result["status"] == "cancelled"  # 13 of 15 neutralised: too few items left
    neutral = [c for c in result["challenges"] if c["neutralized"]]
    assert len(neutral) == 13
    answered = [c["id"] for c in result["challenges"] if not c["neutralized"]]
    capsys.readouterr()
    assert main(["rescore", *w["common"], "--session", sid, "--neutralize", answered[0]]) == 0
    assert f"{cand.candidate_id}: cancelled → cancelled" in capsys.readouterr().out
    after = _results(w)["candidates"][cand.candidate_id]
    assert after["jury"]["neutralize"] == [answered[0]]
    assert main(["rescore", *w["common"], "--session", sid, "--neutralize", "no-such-item"]) == 2
