"""Fonts for generated PDFs: DejaVu (covers every Latin name) when installed, else Helvetica."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

_DEJAVU_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)


@dataclass(frozen=True, slots=True)
class FontSet:
    """The font names to use in a document."""

    regular: str
    bold: str
    mono: str


def _find(name: str) -> Path | None:
    for folder in _DEJAVU_DIRS:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


@cache
def document_fonts() -> FontSet:
    """Register DejaVu Sans (regular, bold, mono) once; fall back to the PDF base fonts."""
    regular, bold, mono = (
        _find("DejaVuSans.ttf"),
        _find("DejaVuSans-Bold.ttf"),
        _find("DejaVuSansMono.ttf"),
    )
    if regular and bold and mono:
        pdfmetrics.registerFont(TTFont("CK-Sans", str(regular)))
        pdfmetrics.registerFont(TTFont("CK-Sans-Bold", str(bold)))
        pdfmetrics.registerFont(TTFont("CK-Mono", str(mono)))
        return FontSet("CK-Sans", "CK-Sans-Bold", "CK-Mono")
    return FontSet("Helvetica", "Helvetica-Bold", "Courier")
