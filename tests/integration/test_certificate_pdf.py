"""Certificate PDFs: the text a reader needs is there, and the QR code decodes to the signed payload."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from authority.certificate_pdf import CertificateView, render_certificate

VIEW = CertificateView(
    number="P-B7K2M9QX",
    last_name="Lefèvre-Dubœuf",
    first_names="Zoé Anaïs",
    birth_date=date(2001, 3, 14),
    birth_place="Saint-Étienne (42), France",
    delivered_on=date(2026, 11, 26),
    centre="Centre Numérique de Lyon",
    valid_until=date(2029, 11, 26),
    levels={"1.1": 4, "1.2": 3, "2.1": 2, "4.1": 5, "5.1": 1},
    pix_total=131,
    max_reachable_level=5,
    signed_payload="CK1.eyJuIjoiUC1CN0syTTlRWCJ9.c2lnbmF0dXJlLWJ5dGVzLWhlcmU",
)


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def test_french_certificate_content() -> None:
    pdf = render_certificate(VIEW)
    reader = PdfReader(BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    text = _text(pdf)
    for expected in ["Certificat de compétences numériques", "LEFÈVRE-DUBŒUF Zoé Anaïs", "14/03/2001", "Saint-Étienne",
                     "P-B7K2M9QX", "131", "sur 640 pix atteignables", "Valable jusqu'au 26/11/2029",
                     "Centre Numérique de Lyon", "niveau 5", "non certifié", "4.3 Protéger la santé"]:  # fmt: skip
        assert expected in text, expected
    assert VIEW.signed_payload in text.replace("\n", "")


def test_english_certificate() -> None:
    text = _text(render_certificate(VIEW, lang="en"))
    assert (
        "Digital skills certificate" in text
        and "Valid until 2029-11-26" in text
        and "not certified" in text
    )


@pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")),
    reason="needs poppler-utils and zbar-tools",
)
def test_qr_code_carries_the_signed_payload(tmp_path: Path) -> None:
    pdf = tmp_path / "cert.pdf"
    pdf.write_bytes(render_certificate(VIEW))
    subprocess.run(["pdftoppm", "-png", "-r", "100", str(pdf), str(tmp_path / "page")], check=True)
    result = subprocess.run(
        ["zbarimg", "-q", "--raw", str(tmp_path / "page-1.png")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == VIEW.signed_payload
