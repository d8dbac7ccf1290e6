"""The stored kit fixtures: a valid kit imports, a tampered and an expired one are refused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.clock import FakeClock
from kiosk.core.errors import IntegrityError, RuleViolation
from kiosk.seal.canonical import b64decode
from kiosk.seal.keys import PublicIdentity
from kiosk.seal.timestamps import parse_iso
from kiosk.store.key_providers import PassphraseProvider
from kiosk.store.kiosk_setup import KioskSetup
from kiosk.store.kit_import import import_kit, inspect_kit
from tests.conftest import FIXTURES

KIT = FIXTURES / "kit"
PROVIDER = PassphraseProvider("poste", time_cost=1, memory_kib=1024, parallelism=1)


def _fixture() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((KIT / "fixture.json").read_text(encoding="utf-8"))
    return doc


def _authority(doc: dict[str, Any]) -> PublicIdentity:
    return PublicIdentity(
        b64decode(doc["authority_signing_key"], "signing"),
        b64decode(doc["authority_encryption_key"], "encryption"),
    )


@pytest.fixture
def setup(tmp_path: Path) -> Any:
    clock = FakeClock(wall=parse_iso(_fixture()["import_at"], "import_at"))
    with KioskSetup.open(tmp_path / "kiosk", PROVIDER, clock=clock) as opened:
        opened.enrol(1, "Poste 1")
        yield opened


def test_valid_fixture_imports(setup: KioskSetup) -> None:
    doc = _fixture()
    data = (KIT / "valid.ckkit").read_bytes()
    before = inspect_kit(setup, data, _authority(doc))
    assert (before.session_id, before.kit_id, before.already_imported) == (
        "S-2026-0315",
        doc["kit_ids"]["valid"],
        False,
    )
    summary = import_kit(setup, data, doc["codes"]["valid"], _authority(doc))
    assert summary.candidate_count == 3 and summary.room == "Salle 2"
    session = setup.active_session()
    assert session is not None and session.details.date == "2026-03-15"


def test_tampered_fixture_is_refused_before_the_code(setup: KioskSetup) -> None:
    doc = _fixture()
    with pytest.raises(IntegrityError, match="modifié ou abîmé"):
        import_kit(setup, (KIT / "tampered.ckkit").read_bytes(), "x", _authority(doc))
    assert setup.lockout() == (0, None)


def test_expired_fixture_is_refused(setup: KioskSetup) -> None:
    doc = _fixture()
    data = (KIT / "expired.ckkit").read_bytes()
    with pytest.raises(RuleViolation, match="expiré le 2026-03-15T00:00:00Z"):
        import_kit(setup, data, doc["codes"]["expired"], _authority(doc))
    assert setup.kit_ids() == []


def test_authority_verify_describes_a_kit_and_refuses_a_tampered_one() -> None:
    from authority.describe import describe_artefact

    doc = _fixture()
    now = parse_iso(doc["import_at"], "import_at")
    line = describe_artefact((KIT / "valid.ckkit").read_bytes(), _authority(doc), now)
    assert line.startswith(f"kiosk kit {doc['kit_ids']['valid']} of session S-2026-0315")
    assert "contents need the kit code" in line
    with pytest.raises(IntegrityError):
        describe_artefact((KIT / "tampered.ckkit").read_bytes(), _authority(doc), now)
