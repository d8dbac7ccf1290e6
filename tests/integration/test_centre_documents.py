"""The centre's documents: attendance sheet and session report carry what an invigilator signs."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from invigilator.documents.attendance import attendance_sheet
from invigilator.documents.session_report import session_report
from kiosk.core.finalisation import (
    AbortReason,
    CandidateFinalisation,
    Incident,
    Outcome,
    SessionFinalisation,
)
from kiosk.core.profile import PositioningProfile
from kiosk.seal.session_model import BirthPlace, Candidate, SessionDetails

SESSION = SessionDetails(
    "S-1042", "C-LYON-01", "Centre Numérique de Lyon", "12 rue de la République, 69002 Lyon", "Salle B12",
    "Mme Claire Rousseau", "2026-11-26", "09:00", 120, "BCDF23", 5,
)  # fmt: skip


def _candidate(i: int, last: str, first: str, extra_pct: str = "0") -> Candidate:
    return Candidate(
        f"c{i}",
        last,
        first,
        "F",
        "2001-03-14",
        BirthPlace("France", "Lyon"),
        "",
        "",
        "",
        Decimal(extra_pct),
        False,
        PositioningProfile(competences=()),
    )


def _text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(BytesIO(pdf))
    return len(reader.pages), " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_attendance_sheet_lists_candidates_alphabetically_with_extra_time() -> None:
    cands = [
        _candidate(1, "Martin", "Léa"),
        _candidate(2, "Benali", "Yacine", "33"),
        _candidate(3, "Dupont", "Jean"),
    ]
    pages, text = _text(attendance_sheet(SESSION, cands))
    assert pages == 1
    assert "Feuille d'émargement" in text and "Signature" in text and "Salle B12" in text
    assert text.index("BENALI") < text.index("DUPONT") < text.index("MARTIN")
    assert (
        "| 33 %" not in text
        and " 33 %" in text
        and "0.33" not in text
        and "14/03/2001" in text
        and "3 candidat(e)s inscrit(e)s" in text
    )
    assert "page 1 / 1" in text


def test_long_roster_spans_pages_with_numbering() -> None:
    cands = [_candidate(i, f"Nom{i:02d}", "Prénom") for i in range(40)]
    pages, text = _text(attendance_sheet(SESSION, cands))
    assert pages >= 2 and f"page {pages} / {pages}" in text
    assert text.count("Nom de naissance") == pages  # the header row repeats on every page
    assert all(f"NOM{i:02d}" in text for i in range(40))


def test_session_report_states_outcomes_incidents_and_flags() -> None:
    cands = [
        _candidate(1, "Martin", "Léa"),
        _candidate(2, "Benali", "Yacine"),
        _candidate(3, "Dupont", "Jean"),
    ]
    report = SessionFinalisation(
        "S-1042",
        (
            CandidateFinalisation(
                "c1",
                Outcome.UNFINISHED,
                24,
                False,
                "Malade, a quitté la salle.",
                AbortReason.CANDIDATE,
            ),
            CandidateFinalisation(
                "c2",
                Outcome.TIME_UP,
                30,
                True,
                incidents=(Incident("E11", item_number=12), Incident("C7", "Écran figé")),
            ),
            CandidateFinalisation("c3", Outcome.ABSENT),
        ),
        comment="Session calme.",
        had_incident=True,
    )
    _, text = _text(session_report(SESSION, cands, report))
    assert "Procès-verbal de session" in text
    assert "Inscrit(e)s : 3 — présent(e)s : 2 — absent(e)s : 1 — tests non terminés : 1" in text
    assert "Abandon du candidat" in text and "Malade, a quitté la salle." in text
    assert "Une erreur a empêché le candidat de répondre" in text and "Écran figé" in text
    assert (
        "La session a connu un incident : oui" in text
        and "Commentaire général : Session calme." in text
    )


def test_report_without_incident_says_so() -> None:
    report = SessionFinalisation(
        "S-1042", (CandidateFinalisation("c1", Outcome.COMPLETED, 30, True),)
    )
    _, text = _text(session_report(SESSION, [_candidate(1, "Martin", "Léa")], report))
    assert "Aucun incident signalé." in text


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="needs poppler-utils")
def test_documents_render_to_images(tmp_path: Path) -> None:
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(attendance_sheet(SESSION, [_candidate(1, "Martin", "Léa")]))
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "p")], check=True)
    assert (tmp_path / "p-1.png").stat().st_size > 1000
