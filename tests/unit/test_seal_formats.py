"""Round trips and refusals for every signed format (pack, session, bundle, certificates)."""

from __future__ import annotations

import struct
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from kiosk.core.errors import IntegrityError, InvalidInput, KioskError
from kiosk.core.itembank import load_bank
from kiosk.core.profile import PositioningProfile
from kiosk.seal.centre import (
    create_centre,
    export_result_bundle,
    import_centre_certificate,
    import_content_pack,
    import_session_package,
)
from kiosk.seal.centre_certificate import (
    issue_centre_certificate,
    read_centre_certificate,
    read_enrolment_request,
)
from kiosk.seal.container import Kind
from kiosk.seal.content_pack import build_content_pack, read_scoring_keys, verify_content_pack
from kiosk.seal.keys import KeyPair
from kiosk.seal.passwords import hash_password, verify_password
from kiosk.seal.result_bundle import open_result_bundle, verify_result_bundle
from kiosk.seal.session_model import BirthPlace, Candidate, SessionDetails
from kiosk.seal.session_package import build_session_package, verify_session_package
from kiosk.seal.trust import Trust
from tests.fixtures.seal.samples import FAST_KDF, NOW, profile_competences, write_bank

AUTHORITY = KeyPair.generate()
CENTRE = create_centre("CTR-01", "Centre d'essai", "centre", NOW, FAST_KDF)
CERT_BYTES = issue_centre_certificate(AUTHORITY, read_enrolment_request(CENTRE.request), NOW, 30)
CERT = read_centre_certificate(CERT_BYTES, AUTHORITY.public, NOW)
PW_HASH = hash_password("surveillant-2026")


def _candidate(cid: str = "c001") -> Candidate:
    return Candidate(
        cid,
        "Dupont",
        "Marie",
        "F",
        "2001-04-12",
        BirthPlace("France", "", "", "75056"),
        "",
        "",
        "EXT-1",
        Decimal("33.5"),
        False,
        PositioningProfile.from_dict({"competences": profile_competences()}),
    )


def _details() -> SessionDetails:
    return SessionDetails(
        "12345678",
        "CTR-01",
        "Centre d'essai",
        "1 rue de la Paix",
        "Salle 2",
        "Claire Martin",
        "2026-03-15",
        "09:30",
        120,
        "BCDF23",
        5,
    )


@pytest.fixture(scope="module")
def pack_built(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    bank = load_bank(write_bank(tmp_path_factory.mktemp("bank") / "bank"))
    return bank, build_content_pack(bank.items, bank.keys, bank.root, AUTHORITY, NOW)


@pytest.fixture(scope="module")
def session_bytes(pack_built) -> bytes:  # type: ignore[no-untyped-def]
    _, built = pack_built
    from kiosk.seal.canonical import sha256_hex

    return build_session_package(
        _details(),
        [_candidate()],
        built.pack_id,
        sha256_hex(built.data),
        built.pack_key,
        CERT,
        PW_HASH,
        AUTHORITY,
        NOW,
    )


def test_pack_round_trip_keeps_items_and_media_and_no_keys(pack_built) -> None:  # type: ignore[no-untyped-def]
    bank, built = pack_built
    session = import_session_package(
        build_session_package(
            _details(),
            [_candidate()],
            built.pack_id,
            __import__("hashlib").sha256(built.data).hexdigest(),
            built.pack_key,
            CERT,
            PW_HASH,
            AUTHORITY,
            NOW,
        ),
        AUTHORITY.public,
        CENTRE.keys,
        CERT,
        NOW,
    )
    pack = import_content_pack(built.data, AUTHORITY.public, session, NOW)
    assert pack.items == bank.items
    assert pack.media["media/1.1/point.png"].startswith(b"\x89PNG")
    import json

    plain = json.dumps([i.to_dict() for i in pack.items], ensure_ascii=False)
    assert (
        "Paris" not in plain and "solution" not in plain
    )  # the QROC answer stays at the authority
    pack_id, keys = read_scoring_keys(built.scoring_keys, "keys")
    assert pack_id == built.pack_id and keys == bank.keys


def test_session_package_round_trip(session_bytes: bytes) -> None:
    session = import_session_package(session_bytes, AUTHORITY.public, CENTRE.keys, CERT, NOW)
    assert session.details == _details()
    assert session.candidates == (_candidate(),)
    assert len(session.pack_key) == 32 and len(session.session_secret) == 32
    assert verify_password(session.invigilator_password_hash, "surveillant-2026")
    assert not verify_password(session.invigilator_password_hash, "surveillant-2025")
    assert b"Dupont" not in session_bytes  # identities travel encrypted


def test_session_package_for_another_centre_cannot_be_opened(session_bytes: bytes) -> None:
    other = create_centre("CTR-02", "Autre", "x", NOW, FAST_KDF)
    with pytest.raises(IntegrityError, match="not this centre's key"):
        import_session_package(session_bytes, AUTHORITY.public, other.keys, CERT, NOW)


def test_bundle_round_trip_and_signer(session_bytes: bytes) -> None:
    session = import_session_package(session_bytes, AUTHORITY.public, CENTRE.keys, CERT, NOW)
    attempts = {"c001": [{"seq": 1, "type": "checked_in", "data": {"x": "é"}}]}
    data = export_result_bundle(
        CENTRE.keys, CERT, session, attempts, [{"seq": 1}], {"comment": "ok"}, "build-1", NOW
    )
    bundle = open_result_bundle(data, Trust(AUTHORITY.public, NOW), AUTHORITY)
    assert bundle.attempts == attempts and bundle.session_log == [{"seq": 1}]
    assert bundle.finalisation == {"comment": "ok"}
    assert bundle.info.signer.centre is not None and bundle.info.signer.centre.centre_id == "CTR-01"
    assert bundle.info.kiosk_build_hash == "build-1"


def test_expired_centre_certificate_is_refused(session_bytes: bytes) -> None:
    session = import_session_package(session_bytes, AUTHORITY.public, CENTRE.keys, CERT, NOW)
    data = export_result_bundle(CENTRE.keys, CERT, session, {}, [], {}, "b", NOW)
    later = NOW + timedelta(days=31)
    with pytest.raises(IntegrityError, match="not valid on"):
        verify_result_bundle(data, Trust(AUTHORITY.public, later))
    with pytest.raises(IntegrityError, match="not valid on"):
        import_centre_certificate(CERT_BYTES, AUTHORITY.public, CENTRE.keys.public, later)


def test_wrong_signer_is_refused(pack_built, session_bytes: bytes) -> None:  # type: ignore[no-untyped-def]
    _, built = pack_built
    impostor = KeyPair.generate()
    with pytest.raises(IntegrityError, match="not by the authority"):
        verify_content_pack(built.data, Trust(impostor.public, NOW))
    with pytest.raises(IntegrityError, match="not by the authority"):
        verify_session_package(session_bytes, Trust(impostor.public, NOW))
    forged_cert = issue_centre_certificate(impostor, read_enrolment_request(CENTRE.request), NOW)
    with pytest.raises(IntegrityError, match="not by the authority"):
        read_centre_certificate(forged_cert, AUTHORITY.public, NOW)
    # a bundle signed by a key other than the one in the embedded certificate
    session = import_session_package(session_bytes, AUTHORITY.public, CENTRE.keys, CERT, NOW)
    with pytest.raises(InvalidInput, match="do not match its certificate"):
        export_result_bundle(impostor, CERT, session, {}, [], {}, "b", NOW)


def test_unknown_version_and_wrong_kind_are_named(session_bytes: bytes) -> None:
    data = bytearray(session_bytes)
    struct.pack_into(">H", data, 8, 9)
    with pytest.raises(InvalidInput, match="unsupported session package version 9"):
        verify_session_package(bytes(data), Trust(AUTHORITY.public, NOW))
    with pytest.raises(InvalidInput, match="this is a centre certificate, not a session package"):
        verify_session_package(CERT_BYTES, Trust(AUTHORITY.public, NOW))


@pytest.mark.parametrize("cut", [0, 5, 10, 45, 60, 200, -1])
def test_truncation_is_refused(session_bytes: bytes, cut: int) -> None:
    data = session_bytes[:cut] if cut >= 0 else session_bytes[:-1]
    with pytest.raises((IntegrityError, InvalidInput)):
        verify_session_package(data, Trust(AUTHORITY.public, NOW))


def _refused(data: bytes, check) -> None:  # type: ignore[no-untyped-def]
    try:
        check(data)
    except KioskError as exc:
        assert isinstance(exc, IntegrityError | InvalidInput)
        assert "\n" not in exc.message
        return
    raise AssertionError("altered artefact accepted")


def test_every_byte_flip_of_a_certificate_and_request_is_refused() -> None:
    for blob, check in (
        (CERT_BYTES, lambda d: read_centre_certificate(d, AUTHORITY.public, NOW)),
        (CENTRE.request, read_enrolment_request),
    ):
        for i in range(len(blob)):
            altered = bytearray(blob)
            altered[i] ^= 0x01
            _refused(bytes(altered), check)


def test_every_byte_flip_of_a_session_package_is_refused(session_bytes: bytes) -> None:
    def check(d: bytes) -> None:
        import_session_package(d, AUTHORITY.public, CENTRE.keys, CERT, NOW)

    for i in range(len(session_bytes)):
        altered = bytearray(session_bytes)
        altered[i] ^= 0x80
        _refused(bytes(altered), check)


def test_dense_sample_of_byte_flips_in_a_pack_and_bundle_is_refused(
    pack_built,
    session_bytes: bytes,  # type: ignore[no-untyped-def]
) -> None:
    _, built = pack_built
    session = import_session_package(session_bytes, AUTHORITY.public, CENTRE.keys, CERT, NOW)
    bundle = export_result_bundle(
        CENTRE.keys, CERT, session, {"c001": [{"seq": 1}]}, [], {}, "b", NOW
    )
    checks = (
        (
            built.data,
            lambda d: import_content_pack(
                d,
                AUTHORITY.public,
                replace(
                    session,
                    info=replace(
                        session.info, pack_sha256=__import__("hashlib").sha256(d).hexdigest()
                    ),
                ),
                NOW,
            ),
        ),
        (bundle, lambda d: open_result_bundle(d, Trust(AUTHORITY.public, NOW), AUTHORITY)),
    )
    for blob, check in checks:
        step = max(1, len(blob) // 1500)
        for i in [*range(0, min(len(blob), 400)), *range(400, len(blob), step)]:
            altered = bytearray(blob)
            altered[i] ^= 0x04
            _refused(bytes(altered), check)


def test_kind_labels_and_magics_are_distinct() -> None:
    assert len({k.magic for k in Kind}) == len(Kind)
    assert all(len(k.magic) == 8 for k in Kind)


def test_password_too_short_is_refused() -> None:
    with pytest.raises(InvalidInput, match="at least 8"):
        hash_password("court")


def test_pack_refuses_media_outside_the_bank(tmp_path: Path) -> None:
    bank = load_bank(write_bank(tmp_path / "bank"))
    item = next(i for i in bank.items if i.illustration is not None)
    bad = replace(item, illustration=replace(item.illustration, file="../secret.png"))  # type: ignore[type-var]
    with pytest.raises(InvalidInput, match="unsafe"):
        build_content_pack([bad], bank.keys, bank.root, AUTHORITY, NOW)
