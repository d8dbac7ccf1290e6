"""From ingested results to certificates: PDFs, the results CSV, and offline verification."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from authority.cli import main
from tests.fixtures.seal.attempts import attempt_log
from tests.integration.test_authority_ingest import _bundle, scheduled  # noqa: F401 - the fixture


def _ingest_two(w: dict[str, Any]) -> tuple[str, str]:
    sid = w["session"].details.session_id
    cands = w["session"].candidates
    attempts = {
        cands[0].candidate_id: attempt_log(cands[0], sid, w["pack"].items, w["keys"]).dicts(),
        cands[1].candidate_id: attempt_log(
            cands[1], sid, w["pack"].items, w["keys"], answer=lambda i, k: "zzz"
        ).dicts(),
    }
    assert main(["ingest", *w["common"], str(_bundle(w, attempts))]) == 0
    return cands[0].candidate_id, cands[1].candidate_id


def test_issue_writes_certificates_csv_and_they_verify(
    scheduled: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    w = scheduled
    sid = w["session"].details.session_id
    _ingest_two(w)
    out_dir = w["tmp"] / "out"
    capsys.readouterr()
    assert main(["issue", *w["common"], "--session", sid, "-o", str(out_dir)]) == 0
    printed = capsys.readouterr().out
    assert "1 certificate(s), 2 not certified" in printed
    pdfs = sorted(out_dir.glob("certificat-P-*.pdf"))
    assert len(pdfs) == 1
    code = pdfs[0].stem.removeprefix("certificat-")
    text = " ".join(PdfReader(pdfs[0]).pages[0].extract_text().split())
    first = w["session"].candidates[0]
    assert first.last_name.upper() in text and code in text and "95" in text

    rows = list(
        csv.reader(
            io.StringIO((out_dir / f"resultats-{sid}.csv").read_text("utf-8-sig")), delimiter=";"
        )
    )
    assert rows[0][:8] == [
        "numero",
        "prenom",
        "nom",
        "date_naissance",
        "lieu_naissance",
        "identifiant_externe",
        "statut",
        "pix",
    ]
    assert len(rows[0]) == 8 + 16
    by_status = {r[6]: r for r in rows[1:]}
    assert by_status["validated"][0] == code and by_status["validated"][7] == "95"
    assert by_status["rejected"][0] == "" and by_status["rejected"][7] == "0"
    assert by_status["absent"][8:] == ["0"] * 16

    capsys.readouterr()
    assert main(["verify-certificate", "--home", str(w["home"]), str(pdfs[0])]) == 0
    assert f"VALID certificate {code}" in capsys.readouterr().out
    public = w["home"] / "authority-public.json"
    assert main(["verify-certificate", "--authority-public", str(public), str(pdfs[0])]) == 0

    # issuing again reproduces the same certificate number
    assert main(["issue", *w["common"], "--session", sid, "-o", str(w["tmp"] / "again")]) == 0
    assert [p.name for p in (w["tmp"] / "again").glob("certificat-*.pdf")] == [pdfs[0].name]
    registry = json.loads((w["home"] / "certificates.json").read_text("utf-8"))
    assert [r["code"] for r in registry["issued"].values()] == [code]


def test_altered_payload_is_invalid(
    scheduled: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    w = scheduled
    sid = w["session"].details.session_id
    _ingest_two(w)
    assert main(["issue", *w["common"], "--session", sid, "-o", str(w["tmp"] / "out")]) == 0
    pdf = next((w["tmp"] / "out").glob("*.pdf"))
    payload = PdfReader(pdf).metadata["/Subject"]
    fields = payload.split("|")
    fields[9] = str(int(fields[9]) + 100)  # claim more pix
    forged = w["tmp"] / "forged.txt"
    forged.write_text("|".join(fields), encoding="ascii")
    capsys.readouterr()
    assert main(["verify-certificate", "--home", str(w["home"]), str(forged)]) == 1
    assert "INVALID: certificate payload: invalid signature" in capsys.readouterr().out
    assert main(["verify-certificate", "--home", str(w["home"]), payload]) == 0


def test_bad_inputs_are_one_line(
    scheduled: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    w = scheduled
    notpdf = tmp_path / "x.pdf"
    notpdf.write_bytes(b"%PDF-1.4 garbage")
    for argument, message in [
        (str(notpdf), "unreadable PDF"),
        (str(tmp_path / "none.pdf"), "cannot read"),
        ("hello", "cannot read"),
    ]:
        capsys.readouterr()
        assert main(["verify-certificate", "--home", str(w["home"]), argument]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and message in err
    assert main(["issue", *w["common"], "--session", "nope", "-o", str(tmp_path / "o")]) == 2
    assert "no results for session nope" in capsys.readouterr().err
