"""The certificate as an A4 PDF (DOMAIN §7): identity, code, levels drawn by domain, total, QR."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date
from io import BytesIO

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from kiosk.core.framework import MAX_LEVEL, PIX_PER_LEVEL, Framework, default_framework
from kiosk.pdf.fonts import document_fonts

INK = colors.HexColor("#1b2a41")
ACCENT = colors.HexColor("#2f5d9f")
MUTED = colors.HexColor("#5b6675")
REACHABLE = colors.HexColor("#e8eef7")
DOMAIN_COLOURS = ("#2f5d9f", "#1f8a70", "#b5651d", "#8e3b8e", "#3f6e3a")

TEXT = {
    "fr": {
        "title": "Certificat de compétences numériques",
        "number": "Numéro de certificat (code de vérification)",
        "holder": "Titulaire",
        "born": "Né(e) le {date} à {place}",
        "delivered": "Délivré le {date} par {centre}",
        "valid": "Valable jusqu'au {date}",
        "total": "pix certifiés",
        "out_of": "sur {max} pix atteignables (niveau maximal {level})",
        "chart": "Niveaux certifiés par compétence",
        "not_certified": "non certifié",
        "level": "niveau {n}",
        "qr": "Déclaration signée : lisez le QR code ou vérifiez le texte ci-dessous avec la clé publique de l'organisme certificateur.",
    },
    "en": {
        "title": "Digital skills certificate",
        "number": "Certificate number (verification code)",
        "holder": "Holder",
        "born": "Born on {date} in {place}",
        "delivered": "Delivered on {date} by {centre}",
        "valid": "Valid until {date}",
        "total": "certified pix",
        "out_of": "out of {max} reachable pix (maximum level {level})",
        "chart": "Certified level per competence",
        "not_certified": "not certified",
        "level": "level {n}",
        "qr": "Signed statement: scan the QR code or check the text below with the certification body's public key.",
    },
}


@dataclass(frozen=True, slots=True)
class CertificateView:
    """Everything printed on one certificate."""

    number: str
    last_name: str
    first_names: str
    birth_date: date
    birth_place: str
    delivered_on: date
    centre: str
    valid_until: date
    levels: dict[str, int]  # competence id → certified level (0 when not certified)
    pix_total: int
    max_reachable_level: int
    signed_payload: str  # the compact signed statement, as carried by the QR code


def _date(value: date, lang: str) -> str:
    return value.strftime("%d/%m/%Y") if lang == "fr" else value.isoformat()


def _qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    widget = QrCodeWidget(payload, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> str:
    if canvas.stringWidth(text, font, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _chart(canvas: Canvas, view: CertificateView, fw: Framework, lang: str, top: float) -> float:
    """Draw the 16 competences by domain with their level bars; returns the y below the chart."""
    fonts = document_fonts()
    t = TEXT[lang]
    left, label_w, bar_x, step = 40.0, 250.0, 300.0, 30.0
    y = top
    canvas.setFont(fonts.bold, 12)
    canvas.setFillColor(INK)
    canvas.drawString(left, y, t["chart"])
    y -= 16
    canvas.setFont(fonts.regular, 7)
    canvas.setFillColor(MUTED)
    for level in range(MAX_LEVEL + 1):
        canvas.drawCentredString(bar_x + level * step, y, str(level))
    y -= 6
    rows = len(fw.domains) * 14 + len(fw.competences) * 17
    canvas.setStrokeColor(colors.HexColor("#c5cdd8"))
    canvas.setLineWidth(0.4)
    for level in range(MAX_LEVEL + 1):
        x = bar_x + level * step
        canvas.line(x, y, x, y - rows - 3)
    for d_index, domain in enumerate(fw.domains):
        colour = colors.HexColor(DOMAIN_COLOURS[d_index % len(DOMAIN_COLOURS)])
        y -= 14
        canvas.setFillColor(colour)
        canvas.setFont(fonts.bold, 9)
        canvas.drawString(
            left, y, f"{domain.id}. {domain.label if lang == 'fr' else domain.label_en}"
        )
        for comp in domain.competences:
            y -= 17
            level = view.levels.get(comp.id, 0)
            label = comp.label if lang == "fr" else comp.label_en
            canvas.setFillColor(INK)
            canvas.setFont(fonts.regular, 8)
            canvas.drawString(
                left + 10, y + 2, _fit(canvas, f"{comp.id} {label}", fonts.regular, 8, label_w - 10)
            )
            canvas.setFillColor(REACHABLE)
            canvas.rect(bar_x, y - 1, view.max_reachable_level * step, 11, stroke=0, fill=1)
            if level > 0:
                canvas.setFillColor(colour)
                canvas.rect(bar_x, y - 1, level * step, 11, stroke=0, fill=1)
                canvas.setFillColor(INK)
                canvas.setFont(fonts.bold, 8)
                canvas.drawString(bar_x + level * step + 4, y + 1, t["level"].format(n=level))
            else:
                canvas.setFillColor(MUTED)
                canvas.setFont(fonts.regular, 7)
                canvas.drawString(bar_x + 4, y + 1, t["not_certified"])
    return y - 10


def render_certificate(
    view: CertificateView, lang: str = "fr", framework: Framework | None = None
) -> bytes:
    """Render one certificate and return the PDF bytes.

    Args:
        view: the certificate's content.
        lang: "fr" (default) or "en".
        framework: competences to draw (the shipped framework by default).
    """
    fw = framework or default_framework()
    t = TEXT["en" if lang == "en" else "fr"]
    lang = "en" if lang == "en" else "fr"
    fonts = document_fonts()
    out = BytesIO()
    canvas = Canvas(out, pagesize=A4, pageCompression=1)
    canvas.setTitle(f"{t['title']} {view.number}")
    canvas.setAuthor("certkiosk")
    canvas.setSubject(view.signed_payload)
    width, height = A4

    canvas.setFillColor(ACCENT)
    canvas.rect(0, height - 70, width, 70, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    canvas.setFont(fonts.bold, 20)
    canvas.drawString(40, height - 45, t["title"])

    y = height - 100
    canvas.setFillColor(MUTED)
    canvas.setFont(fonts.regular, 8)
    canvas.drawString(40, y, t["holder"].upper())
    canvas.setFillColor(INK)
    canvas.setFont(fonts.bold, 16)
    canvas.drawString(
        40,
        y - 20,
        _fit(canvas, f"{view.last_name.upper()} {view.first_names}", fonts.bold, 16, 380),
    )
    canvas.setFont(fonts.regular, 10)
    canvas.drawString(
        40, y - 36, t["born"].format(date=_date(view.birth_date, lang), place=view.birth_place)
    )
    canvas.drawString(
        40, y - 52, t["delivered"].format(date=_date(view.delivered_on, lang), centre=view.centre)
    )
    canvas.drawString(40, y - 68, t["valid"].format(date=_date(view.valid_until, lang)))
    canvas.setFillColor(MUTED)
    canvas.setFont(fonts.regular, 8)
    canvas.drawString(40, y - 88, t["number"].upper())
    canvas.setFillColor(INK)
    canvas.setFont(fonts.mono, 14)
    canvas.drawString(40, y - 104, view.number)

    _qr(canvas, view.signed_payload, width - 160, height - 215, 120)

    y = height - 250
    canvas.setFillColor(ACCENT)
    canvas.setFont(fonts.bold, 30)
    canvas.drawString(40, y, str(view.pix_total))
    shift = canvas.stringWidth(str(view.pix_total), fonts.bold, 30) + 8
    canvas.setFont(fonts.bold, 12)
    canvas.drawString(40 + shift, y + 10, t["total"])
    canvas.setFillColor(MUTED)
    canvas.setFont(fonts.regular, 9)
    reachable = 16 * PIX_PER_LEVEL * view.max_reachable_level
    canvas.drawString(
        40 + shift, y - 2, t["out_of"].format(max=reachable, level=view.max_reachable_level)
    )

    _chart(canvas, view, fw, lang, y - 34)

    y = 70
    canvas.setStrokeColor(colors.HexColor("#c5cdd8"))
    canvas.line(40, y + 14, width - 40, y + 14)
    canvas.setFillColor(MUTED)
    canvas.setFont(fonts.regular, 7)
    canvas.drawString(40, y, t["qr"])
    canvas.setFont(fonts.mono, 5.5)
    for i, line in enumerate(textwrap.wrap(view.signed_payload, 130)):
        canvas.drawString(40, y - 10 - 7 * i, line)
    canvas.showPage()
    canvas.save()
    return out.getvalue()
