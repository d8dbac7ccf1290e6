"""The kiosk kit sheet (feuille des kits): per kiosk, its number and name, the kit file and its code.

The one-time codes are printed large in a monospaced font, grouped by four; the sheet says that
codes use only digits and capitals without I, L, O, U, so 0 and 1 are always digits.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from invigilator.documents.layout import build, grid_table, session_block, styles
from kiosk.pdf.fonts import document_fonts
from kiosk.seal.kiosk_kit import BuiltKit
from kiosk.seal.session_model import SessionDetails

STEPS = (
    "Sur le poste : écran du responsable de centre → « Importer un kit ».",
    "Choisissez sur la clé USB le fichier indiqué pour ce poste.",
    "Tapez le code (les tirets et les espaces sont facultatifs), puis vérifiez la session affichée.",
)


def kit_sheet(session: SessionDetails, kits: Sequence[BuiltKit]) -> bytes:
    """Render the kit sheet of a session's kits (kiosk order, room kit last); returns PDF bytes."""
    st = styles()
    fonts = document_fonts()
    code_style = st["body"].clone("code", fontName=fonts.mono, fontSize=17, leading=22)
    number_style = st["title"].clone("number", fontSize=22, leading=26, alignment=1)
    file_style = st["cell"].clone("file", fontName=fonts.mono, fontSize=8, leading=10)
    ordered = sorted(kits, key=lambda k: (k.kiosk is None, k.kiosk.number if k.kiosk else 0))
    rows: list[list[object]] = [
        [Paragraph(h, st["head"]) for h in ("Poste", "Nom et fichier du kit", "Code à taper")]
    ]
    for kit in ordered:
        number = str(kit.kiosk.number) if kit.kiosk else "—"
        name = kit.kiosk.name if kit.kiosk else "Tous les postes de la salle"
        rows.append(
            [
                Paragraph(number, number_style),
                [Paragraph(escape(name), st["head"]), Paragraph(kit.file_name, file_style)],
                Paragraph(kit.code, code_style),
            ]
        )
    table = grid_table(rows, [20 * mm, 58 * mm, 98 * mm], [None, *([17 * mm] * len(ordered))])
    story: list[object] = [
        Paragraph("Feuille des kits de poste", st["title"]),
        Paragraph(
            "Document confidentiel : ces codes ouvrent les kits. Gardez la feuille sur vous et "
            "détruisez-la après l'import.",
            st["body"],
        ),
        Spacer(1, 4 * mm),
        session_block(session),
        Spacer(1, 5 * mm),
        Paragraph("Marche à suivre", st["h2"]),
        *[Paragraph(f"{i}. {step}", st["body"]) for i, step in enumerate(STEPS, start=1)],
        Spacer(1, 2 * mm),
        Paragraph(
            "Les codes n'utilisent que les chiffres et les majuscules sans I, L, O ni U : "
            "« 0 » et « 1 » sont toujours des chiffres. Un kit n'est valable que le jour de la "
            "session ; après 5 codes faux, le poste bloque l'import quelques minutes.",
            st["small"],
        ),
        Spacer(1, 5 * mm),
        table,
    ]
    return build(
        story,
        f"Kits de poste — session {session.session_id}",
        f"Kits de la session {session.session_id} — {session.centre_name} — confidentiel",
    )
