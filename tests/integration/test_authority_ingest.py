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
    *,
    cert: Any = None,
    signed_at: str | None = None,
) -> Path:
    """The centre's bundle of ``attempts`` (signed now under the enrolled certificate by default)."""
    from datetime import datetime

    session = w["session"]
    log = session_log(session.details.session_id, sorted(attempts), abort)
    data = export_result_bundle(
        w["centre"].keys,
        cert if cert is not None else w["cert"],
        session,
        attempts,
        log.dicts(),
        {"comment": "RAS"},
        "build-abc123",
        datetime.fromisoformat(signed_at) if signed_at else utc_now(),
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


def _certificate(w: dict[str, Any], not_before: str, days: int) -> Any:
    """Another authority-signed certificate for the same centre keys, valid ``days`` from then."""
    from datetime import datetime

    from kiosk.seal.centre_certificate import (
        issue_centre_certificate,
        read_centre_certificate,
        read_enrolment_request,
    )

    authority = AuthorityHome(w["home"]).unlock("pp")
    request = read_enrolment_request(w["centre"].request)
    start = datetime.fromisoformat(not_before)
    data = issue_centre_certificate(authority, request, start, days)
    return read_centre_certificate(data, authority.public)


def _first_candidate_bundle(w: dict[str, Any], cert: Any, signed_at: str) -> Path:
    """The first candidate's full attempt, bundled under ``cert`` at ``signed_at``."""
    cand = w["session"].candidates[0]
    sid = w["session"].details.session_id
    attempts = {cand.candidate_id: attempt_log(cand, sid, w["pack"].items, w["keys"]).dicts()}
    return _bundle(w, attempts, cert=cert, signed_at=signed_at)


# A fixed "today", months after the sample session (15/03/2026 09:30, 120 minutes).
TODAY = "2026-11-26T12:00:00+00:00"


def test_a_late_bundle_is_accepted_when_the_certificate_covered_the_session(
    scheduled: dict[str, Any],
) -> None:
    """Session on 15/03/2026 under a certificate that expired on 31/03: ingested in November."""
    from datetime import datetime

    from authority.ingest import ingest_bundle

    w = scheduled
    assert (w["session"].details.date, w["session"].details.time) == ("2026-03-15", "09:30")
    cert = _certificate(w, "2026-03-01T00:00:00+00:00", 30)
    data = _first_candidate_bundle(w, cert, "2026-03-15T17:00:00+00:00").read_bytes()
    keys = AuthorityHome(w["home"]).unlock("pp")
    report = ingest_bundle(AuthorityHome(w["home"]), data, keys, datetime.fromisoformat(TODAY))
    first = w["session"].candidates[0].candidate_id
    assert report.scored[first] == "validated"
    assert not report.refused


def test_a_bundle_is_refused_when_the_certificate_covers_neither_today_nor_the_session(
    scheduled: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    w = scheduled
    cert = _certificate(w, "2026-01-01T00:00:00+00:00", 30)  # January only: the session is in March
    path = _first_candidate_bundle(w, cert, "2026-01-20T17:00:00+00:00")
    capsys.readouterr()
    assert main(["ingest", *w["common"], str(path)]) != 0
    err = capsys.readouterr().err
    assert "valid neither on" in err and "during the session of 2026-03-15 09:30" in err
    assert not (w["home"] / "results" / w["session"].details.session_id).exists()


def test_another_bundle_for_a_session_with_results_is_refused_unless_replace(
    scheduled: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    """A second, different bundle would wipe the results and the jury's neutralisations."""
    w = scheduled
    sid = w["session"].details.session_id
    cand = w["session"].candidates[0]
    attempts = {cand.candidate_id: attempt_log(cand, sid, w["pack"].items, w["keys"]).dicts()}
    first, second = _bundle(w, attempts), _bundle(w, attempts)  # signed at different moments
    assert first.read_bytes() != second.read_bytes()
    assert main(["ingest", *w["common"], str(first)]) == 0
    item = _results(w)["candidates"][cand.candidate_id]["inputs"]["challenges"][0]["id"]
    assert main(["rescore", *w["common"], "--session", sid, "--neutralize", item]) == 0
    before = _results(w)
    capsys.readouterr()
    assert main(["ingest", *w["common"], str(second)]) == 2
    err = capsys.readouterr().err
    assert "already has results from bundle" in err and "--replace" in err
    assert _results(w) == before  # results and the jury's decision kept
    assert main(["ingest", *w["common"], "--replace", str(second)]) == 0
    after = _results(w)
    assert after["bundle_sha256"] != before["bundle_sha256"]
    assert after["candidates"][cand.candidate_id]["jury"]["neutralize"] == []


@pytest.mark.parametrize(
    ("not_before", "not_after", "accepted"),
    [
        # 09:30 on 15/03 at UTC+14 is 19:30 UTC on 14/03
        ("2025-03-14T00:00:00+00:00", "2026-03-14T20:00:00+00:00", True),
        ("2025-03-14T00:00:00+00:00", "2026-03-14T19:00:00+00:00", False),
        # at UTC−12, 09:30 is 21:30 UTC; 120 minutes, up to two hours more: 01:30 UTC on 16/03
        ("2026-03-16T01:00:00+00:00", "2026-06-01T00:00:00+00:00", True),
        ("2026-03-16T02:00:00+00:00", "2026-06-01T00:00:00+00:00", False),
    ],
)
def test_the_session_is_placed_in_any_time_zone(
    not_before: str, not_after: str, accepted: bool
) -> None:
    from datetime import datetime

    from authority.ingest import check_centre_certificate
    from kiosk.core.errors import IntegrityError
    from kiosk.seal.centre_certificate import CentreCertificate
    from kiosk.seal.keys import PublicIdentity
    from kiosk.seal.result_bundle import BundleInfo
    from kiosk.seal.session_model import SessionDetails
    from kiosk.seal.trust import SignerInfo

    keys = PublicIdentity(b"\x01" * 32, b"\x02" * 32)
    cert = CentreCertificate(
        "CTR-01",
        "Centre",
        keys,
        datetime.fromisoformat(not_before),
        datetime.fromisoformat(not_after),
        "authority",
        b"\x03" * 32,
        b"",
    )
    info = BundleInfo(
        "S1",
        "CTR-01",
        "P1",
        "b",
        ("c001",),
        cert.not_after,
        "0" * 64,
        SignerInfo("centre", "k", cert),
    )
    details = SessionDetails(
        "S1",
        "CTR-01",
        "Centre",
        "1 rue",
        "Salle 2",
        "Claire",
        "2026-03-15",
        "09:30",
        120,
        "BCDF23",
        8,
    )
    today = datetime.fromisoformat(TODAY)
    if accepted:
        check_centre_certificate(info, details, today)
    else:
        with pytest.raises(IntegrityError, match="valid neither"):
            check_centre_certificate(info, details, today)
