"""The folder of valid, invalid and tampered fixtures (tests/fixtures/seal, see make_fixtures.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from authority.describe import describe_artefact
from kiosk.core.errors import IntegrityError, InvalidInput
from kiosk.seal.authority_identity import load_identity
from kiosk.seal.centre import import_centre_certificate, import_content_pack, import_session_package
from kiosk.seal.keystore import load_keystore
from kiosk.seal.result_bundle import open_result_bundle
from kiosk.seal.trust import Trust
from tests.fixtures.seal.make_fixtures import PASSPHRASE, build
from tests.fixtures.seal.samples import NOW

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "seal"
EXPECTED: dict[str, str] = json.loads((HERE / "expected.json").read_text("utf-8"))
AUTHORITY = load_identity(HERE / "keys" / "authority-public.json")


@pytest.mark.parametrize("name", sorted(p.name for p in (HERE / "valid").iterdir()))
def test_valid_fixture_verifies(name: str) -> None:
    line = describe_artefact((HERE / "valid" / name).read_bytes(), AUTHORITY, NOW)
    assert "signed by" in line or "self-signed" in line


def test_valid_fixtures_open_with_their_keys() -> None:
    centre = load_keystore(HERE / "keys" / "centre.keystore.json").unlock(PASSPHRASE)
    authority = load_keystore(HERE / "keys" / "authority.keystore.json").unlock(PASSPHRASE)
    valid = HERE / "valid"
    cert = import_centre_certificate(
        (valid / "centre.ckccrt").read_bytes(), AUTHORITY, centre.public, NOW
    )
    session = import_session_package(
        (valid / "session.cksess").read_bytes(), AUTHORITY, centre, cert, NOW
    )
    pack = import_content_pack((valid / "pack.ckpack").read_bytes(), AUTHORITY, session, NOW)
    bundle = open_result_bundle(
        (valid / "bundle.ckbndl").read_bytes(), Trust(AUTHORITY, NOW), authority
    )
    assert session.candidates[0].last_name == "Dupont" and len(pack.items) == 31
    assert list(bundle.attempts) == ["c001"]


@pytest.mark.parametrize("rel", sorted(EXPECTED))
def test_invalid_and_tampered_fixtures_are_refused_precisely(rel: str) -> None:
    with pytest.raises((IntegrityError, InvalidInput)) as err:
        describe_artefact((HERE / rel).read_bytes(), AUTHORITY, NOW)
    assert EXPECTED[rel] in err.value.message
    assert "\n" not in err.value.message


def test_every_fixture_file_is_covered() -> None:
    on_disk = {f"{d}/{p.name}" for d in ("invalid", "tampered") for p in (HERE / d).iterdir()}
    assert on_disk == set(EXPECTED)


def test_generator_reproduces_the_same_set(tmp_path: Path) -> None:
    assert build(tmp_path) == EXPECTED
