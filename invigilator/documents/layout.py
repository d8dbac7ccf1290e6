"""Page frame shared by the centre's documents: A4, title band, session block, numbered pages."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from kiosk.pdf.fonts import document_fonts
from kiosk.seal.session_model import SessionDetails

INK = colors.HexColor("#1b2a41")
RULE = colors.HexColor("#9aa5b4")
SHADE = colors.HexColor("#e8eef7")


def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles in the document fonts."""
    f = document_fonts()
    return {
        "title": ParagraphStyle(
            "title", fontName=f.bold, fontSize=16, leading=20, textColor=INK, spaceAfter=4
        ),
        "h2": ParagraphStyle(
            "h2",
            fontName=f.bold,
            fontSize=11,
            leading=14,
            textColor=INK,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "body": ParagraphStyle("body", fontName=f.regular, fontSize=9, leading=12, textColor=INK),
        "small": ParagraphStyle(
            "small", fontName=f.regular, fontSize=7.5, leading=9.5, textColor=INK
        ),
        "cell": ParagraphStyle(
            "cell", fontName=f.regular, fontSize=8.5, leading=10.5, textColor=INK
        ),
        "head": ParagraphStyle("head", fontName=f.bold, fontSize=8.5, leading=10.5, textColor=INK),
    }


def french_date(iso: str) -> str:
    """``2026-11-26`` → ``26/11/2026`` (left as is when not an ISO date)."""
    parts = iso.split("-")
    return f"{parts[2]}/{parts[1]}/{parts[0]}" if len(parts) == 3 else iso


def session_block(session: SessionDetails) -> Table:
    """The session's identification as a two-column table."""
    st = styles()
    rows = [
        ("Centre", f"{session.centre_name} ({session.centre_id})"),
        ("Adresse", session.address),
        ("Salle", session.room),
        ("Session n°", session.session_id),
        (
            "Date et heure",
            f"{french_date(session.date)} à {session.time} — durée {session.duration_minutes} min",
        ),
        ("Surveillant(s)", session.examiner),
    ]
    table = Table(
        [[Paragraph(k, st["head"]), Paragraph(v, st["cell"])] for k, v in rows],
        colWidths=[35 * mm, 140 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (0, -1), SHADE),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def grid_table(
    rows: list[list[Any]], widths: list[float], row_heights: list[float | None] | None = None
) -> Table:
    """A table with a shaded header row repeated on every page."""
    table = Table(rows, colWidths=widths, rowHeights=row_heights, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def build(story: list[Any], title: str, footer: str) -> bytes:
    """Lay out ``story`` on A4 pages numbered « page n / total » with ``footer`` text; return the PDF."""
    out = BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=17 * mm, rightMargin=17 * mm, topMargin=15 * mm, bottomMargin=18 * mm,
        title=title, author="certkiosk",
    )  # fmt: skip
    fonts = document_fonts()

    class _NumberedCanvas(Canvas):  # type: ignore[misc]
        """Defers pages so each can show the total page count."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(fonts.regular, 7.5)
                self.setFillColor(INK)
                self.drawString(17 * mm, 10 * mm, footer)
                self.drawRightString(A4[0] - 17 * mm, 10 * mm, f"page {number} / {total}")
                Canvas.showPage(self)
            Canvas.save(self)

    maker: Callable[..., Canvas] = _NumberedCanvas
    doc.build(story, canvasmaker=maker)
    return out.getvalue()
