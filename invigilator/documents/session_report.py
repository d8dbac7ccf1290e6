"""The session report (procès-verbal): attendance, outcome per candidate, incidents and comments."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from invigilator.documents.layout import build, grid_table, session_block, styles
from kiosk.core.finalisation import Outcome, SessionFinalisation
from kiosk.core.incidents import incident_codes
from kiosk.seal.session_model import Candidate, SessionDetails

OUTCOME_FR = {
    Outcome.ABSENT: "Absent(e)",
    Outcome.COMPLETED: "Terminé",
    Outcome.TIME_UP: "Temps écoulé",
    Outcome.UNFINISHED: "Non terminé",
}
ABORT_FR = {"candidate": "Abandon du candidat", "technical": "Problème technique"}


def _yes(flag: bool) -> str:
    return "oui" if flag else "non"


def session_report(
    session: SessionDetails, candidates: Sequence[Candidate], report: SessionFinalisation
) -> bytes:
    """Render the procès-verbal of a finalised session; returns PDF bytes."""
    st = styles()
    by_id = {c.candidate_id: c for c in candidates}
    finals = sorted(
        report.candidates,
        key=lambda f: (
            (
                by_id[f.candidate_id].last_name.casefold(),
                by_id[f.candidate_id].first_names.casefold(),
            )
            if f.candidate_id in by_id
            else ("", f.candidate_id)
        ),
    )

    def name(candidate_id: str) -> str:
        cand = by_id.get(candidate_id)
        return f"{cand.last_name.upper()} {cand.first_names}" if cand else candidate_id

    present = [f for f in finals if f.outcome is not Outcome.ABSENT]
    counts = (
        f"Inscrit(e)s : {len(candidates)} — présent(e)s : {len(present)} — absent(e)s : "
        f"{len(finals) - len(present)} — tests non terminés : "
        f"{sum(1 for f in finals if f.outcome is Outcome.UNFINISHED)}"
    )
    rows = [
        [
            Paragraph(h, st["head"])
            for h in (
                "Candidat(e)",
                "État du test",
                "Écran de fin vu",
                "Raison d'abandon",
                "Commentaire",
            )
        ]
    ]
    for final in finals:
        rows.append(
            [
                Paragraph(name(final.candidate_id), st["cell"]),
                Paragraph(OUTCOME_FR[final.outcome], st["cell"]),
                Paragraph(
                    _yes(final.end_screen_seen) if final.outcome is not Outcome.ABSENT else "—",
                    st["cell"],
                ),
                Paragraph(
                    ABORT_FR.get(final.abort_reason.value, "") if final.abort_reason else "—",
                    st["cell"],
                ),
                Paragraph(final.comment or "—", st["small"]),
            ]
        )
    codes = incident_codes()
    incident_rows = [
        [
            Paragraph(h, st["head"])
            for h in ("Candidat(e)", "Code", "Incident", "N° de question", "Description")
        ]
    ]
    for final in finals:
        for incident in final.incidents:
            code = codes.get(incident.code)
            incident_rows.append(
                [
                    Paragraph(name(final.candidate_id), st["cell"]),
                    Paragraph(incident.code, st["cell"]),
                    Paragraph(code.label("fr") if code else "", st["small"]),
                    Paragraph(
                        str(incident.item_number) if incident.item_number else "—", st["cell"]
                    ),
                    Paragraph(incident.description or "—", st["small"]),
                ]
            )
    story = [
        Paragraph("Procès-verbal de session", st["title"]),
        session_block(session),
        Spacer(1, 4 * mm),
        Paragraph(counts, st["body"]),
        Paragraph("Candidat(e)s", st["h2"]),
        grid_table(rows, [48 * mm, 25 * mm, 20 * mm, 30 * mm, 53 * mm]),
        Paragraph("Incidents", st["h2"]),
    ]
    if len(incident_rows) > 1:
        story.append(grid_table(incident_rows, [38 * mm, 15 * mm, 52 * mm, 20 * mm, 51 * mm]))
    else:
        story.append(Paragraph("Aucun incident signalé.", st["body"]))
    story += [
        Paragraph("Session", st["h2"]),
        Paragraph(f"La session a connu un incident : {_yes(report.had_incident)}", st["body"]),
        Paragraph(
            f"Problème d'accès à la session pour un(e) candidat(e) : {_yes(report.joining_issue)}",
            st["body"],
        ),
        Paragraph(f"Commentaire général : {report.comment or '—'}", st["body"]),
        Spacer(1, 10 * mm),
        Paragraph(
            "Fait le ........................ Nom et signature du ou des surveillant(s) :",
            st["body"],
        ),
    ]
    return build(
        story,
        f"Procès-verbal — session {session.session_id}",
        f"Session {session.session_id} — procès-verbal",
    )
