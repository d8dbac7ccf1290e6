"""The kit sheet PDF: every kiosk's number, name, kit file and code, readable back from the PDF."""

from __future__ import annotations

import io
import re
from datetime import UTC
from pathlib import Path

from pypdf import PdfReader

from invigilator.documents.kit_sheet import kit_sheet
from invigilator.kits import KioskRegistry, build_session_kits
from kiosk.seal.keys import KeyPair
from kiosk.seal.kiosk_identity import enrolment_record_bytes
from tests.fixtures.kit.world import BUILT_AT, TEST_CODE_KDF, make_world


def test_kit_sheet_lists_every_kiosk_with_its_file_and_code(tmp_path: Path) -> None:
    world = make_world(tmp_path)
    registry = KioskRegistry(tmp_path / "kiosks.json")
    for number, name in ((12, "Poste du fond <imprimante> & co"), (1, "Poste 1"), (2, "Poste 2")):
        registry.enrol(enrolment_record_bytes(KeyPair.generate(), number, name, BUILT_AT))
    args = (registry, world.session, world.pack, world.centre, world.certificate, BUILT_AT)
    kits = build_session_kits(*args, tz=UTC, kdf=TEST_CODE_KDF)
    kits += build_session_kits(*args, tz=UTC, kdf=TEST_CODE_KDF, room=True)
    pdf = kit_sheet(world.session.details, kits)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Feuille des kits de poste" in text and "S-2026-0315" in text
    for kit in kits:
        assert kit.code in text
        assert kit.file_name in text
    assert "Poste du fond <imprimante> & co" in " ".join(text.split())  # wrapped in its cell
    # Kiosks in number order, the room kit last.
    order = [text.index(k.file_name) for k in kits]
    numbers = [k.kiosk.number if k.kiosk else 999 for k in kits]
    assert [n for _, n in sorted(zip(order, numbers, strict=True))] == [1, 2, 12, 999]
    assert re.search(r"sans I, L, O ni U", text)
