"""The attendance sheet (feuille d'émargement): one line and a signature box per candidate."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from invigilator.documents.layout import build, french_date, grid_table, session_block, styles
from kiosk.seal.session_model import Candidate, SessionDetails


def _extra(pct: Decimal) -> str:
    return "—" if pct == 0 else f"{pct.normalize():f} %"


def attendance_sheet(session: SessionDetails, candidates: Sequence[Candidate]) -> bytes:
    """Render the attendance sheet of a session, candidates sorted by name; returns PDF bytes."""
    st = styles()
    ordered = sorted(candidates, key=lambda c: (c.last_name.casefold(), c.first_names.casefold()))
    rows = [
        [
            Paragraph(h, st["head"])
            for h in (
                "N°",
                "Nom de naissance",
                "Prénom(s)",
                "Né(e) le",
                "Temps majoré",
                "Signature",
            )
        ]
    ]
    for number, cand in enumerate(ordered, start=1):
        rows.append(
            [
                Paragraph(str(number), st["cell"]),
                Paragraph(cand.last_name.upper(), st["cell"]),
                Paragraph(cand.first_names, st["cell"]),
                Paragraph(french_date(cand.birth_date), st["cell"]),
                Paragraph(_extra(cand.extra_time_pct), st["cell"]),
                "",
            ]
        )
    widths = [10 * mm, 45 * mm, 40 * mm, 24 * mm, 20 * mm, 37 * mm]
    heights: list[float | None] = [None, *([14 * mm] * len(ordered))]
    story = [
        Paragraph("Feuille d'émargement", st["title"]),
        session_block(session),
        Spacer(1, 5 * mm),
        Paragraph(
            f"{len(ordered)} candidat(e)s inscrit(e)s. Chaque candidat(e) présent(e) signe sur sa ligne ; "
            "le surveillant barre la ligne des absent(e)s.",
            st["body"],
        ),
        Spacer(1, 3 * mm),
        grid_table(rows, widths, heights),
        Spacer(1, 8 * mm),
        Paragraph("Nom et signature du ou des surveillant(s) :", st["body"]),
    ]
    return build(
        story,
        f"Feuille d'émargement — session {session.session_id}",
        f"Session {session.session_id} — feuille d'émargement",
    )
