"""The kiosk kit format: the one-time code, enrolment records, build/open, tampering, fuzzing."""

from __future__ import annotations

import contextlib
import json
import math
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.errors import AuthenticationError, IntegrityError, InvalidInput
from kiosk.seal.keys import KeyPair
from kiosk.seal.kiosk_identity import enrolment_record_bytes, read_enrolment_record
from kiosk.seal.kiosk_kit import BuiltKit, build_kiosk_kit, open_kiosk_kit, verify_kiosk_kit
from kiosk.seal.kit_code import (
    ALPHABET,
    CODE_BITS,
    CodeKdf,
    format_code,
    new_kit_code,
    normalise_code,
)
from tests.fixtures.kit.world import BUILT_AT, MORNING, TEST_CODE_KDF, World, make_world

KIOSK = KeyPair.generate()
RECORD = read_enrolment_record(enrolment_record_bytes(KIOSK, 3, "Poste fenêtre", BUILT_AT))


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return make_world(tmp_path_factory.mktemp("world"))


def _kit(world: World, kiosk: bool = False, **kw: object) -> BuiltKit:
    args: dict[str, object] = {
        "session": world.session,
        "content_pack": world.pack,
        "centre": world.centre,
        "certificate": world.certificate,
        "kiosk": RECORD if kiosk else None,
        "candidates": list(world.session.candidates),
        "now": BUILT_AT,
        "expires_at": MORNING + timedelta(hours=16),
        "kdf": TEST_CODE_KDF,
    }
    args.update(kw)
    return build_kiosk_kit(**args)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def room_kit(world: World) -> BuiltKit:
    return _kit(world)


# the one-time code ---------------------------------------------------------------------------


def test_code_is_20_symbols_in_groups_of_4_with_at_least_96_bits() -> None:
    code = new_kit_code()
    groups = code.split("-")
    assert [len(g) for g in groups] == [4, 4, 4, 4, 4]
    assert all(ch in ALPHABET for ch in "".join(groups))
    assert CODE_BITS == 100 and math.log2(len(ALPHABET)) * 20 >= 96
    assert len({new_kit_code() for _ in range(50)}) == 50


def test_typed_code_forgives_case_spaces_and_look_alike_letters() -> None:
    code = "0A1B-2C3D-4E5F-6G7H-8J9K"
    typed = "oa lb 2c3d 4e5f-6g7h  8j9k"
    assert normalise_code(typed) == code.replace("-", "")
    assert format_code(normalise_code(typed)) == code


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [("0A1B-2C3D-4E5F-6G7H", "vous en avez saisi 16"), ("0A1B-2C3D-4E5F-6G7H-8J9U", "« U »")],
)
def test_malformed_code_is_refused_in_french(typed: str, fragment: str) -> None:
    with pytest.raises(InvalidInput, match=fragment):
        normalise_code(typed)


def test_weak_stretching_is_refused(world: World) -> None:
    with pytest.raises(InvalidInput, match="Argon2id hors limites"):
        _kit(world, kdf=CodeKdf(time_cost=1, memory_kib=1024, parallelism=1))


# enrolment records ---------------------------------------------------------------------------


def test_enrolment_record_round_trip_and_tampering() -> None:
    data = enrolment_record_bytes(KIOSK, 7, "Poste 7", BUILT_AT)
    record = read_enrolment_record(data)
    assert (record.number, record.name, record.kiosk_id) == (7, "Poste 7", "poste-07")
    assert record.keys == KIOSK.public
    doc = json.loads(data)
    doc["kiosk"]["number"] = 8
    forged = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    with pytest.raises(IntegrityError, match="signature du poste invalide"):
        read_enrolment_record(forged)


@pytest.mark.parametrize(("number", "name"), [(0, "x"), (1000, "x"), (3, "  "), (3, "a\nb")])
def test_enrolment_refuses_bad_number_or_name(number: int, name: str) -> None:
    with pytest.raises(InvalidInput):
        enrolment_record_bytes(KIOSK, number, name, BUILT_AT)


# build and open ------------------------------------------------------------------------------


def test_room_kit_round_trip(world: World, room_kit: BuiltKit) -> None:
    info = verify_kiosk_kit(room_kit.data, world.authority.public, MORNING)
    assert (info.session_id, info.room, info.candidate_count, info.kiosk) == (
        "S-2026-0315",
        "Salle 2",
        3,
        None,
    )
    opened = open_kiosk_kit(room_kit.data, room_kit.code.lower(), world.authority.public, MORNING)
    assert opened.details == world.session.details
    assert opened.candidates == world.session.candidates
    assert opened.pack_key == world.session.pack_key
    assert opened.session_secret == world.session.session_secret
    assert opened.invigilator_password_hash == world.session.invigilator_password_hash
    assert opened.pack.media["media/1.1/point.png"].startswith(b"\x89PNG")
    assert room_kit.file_name == "kit-S-2026-0315-salle.ckkit"
    assert opened.candidate_numbers == (1, 2, 3)


def test_a_kit_seating_some_candidates_carries_their_session_numbers(world: World) -> None:
    first, _second, third = world.session.candidates
    kit = _kit(world, candidates=[third, first])
    opened = open_kiosk_kit(kit.data, kit.code, world.authority.public, MORNING)
    assert [c.candidate_id for c in opened.candidates] == [third.candidate_id, first.candidate_id]
    assert opened.candidate_numbers == (3, 1)


@pytest.mark.parametrize(
    ("version", "fragment"),
    [(1, "version précédente de certkiosk (format de kit 1"), (3, "plus récente")],
)
def test_a_kit_of_another_format_version_is_refused_before_anything_else(
    world: World, room_kit: BuiltKit, version: int, fragment: str
) -> None:
    data = bytearray(room_kit.data)
    data[8:10] = version.to_bytes(2, "big")
    with pytest.raises(InvalidInput) as refused:
        verify_kiosk_kit(bytes(data), world.authority.public, MORNING)
    assert refused.value.message.startswith("Kit de poste refusé")
    assert fragment in refused.value.message
    with pytest.raises(InvalidInput, match="format de kit"):
        open_kiosk_kit(bytes(data), room_kit.code, world.authority.public, MORNING)


def test_wrong_code_is_an_authentication_error_in_french(world: World, room_kit: BuiltKit) -> None:
    other = new_kit_code()
    with pytest.raises(AuthenticationError, match="Code du kit incorrect"):
        open_kiosk_kit(room_kit.data, other, world.authority.public, MORNING)


def test_kiosk_kit_opens_only_on_its_kiosk(world: World) -> None:
    kit = _kit(world, kiosk=True, candidates=[world.session.candidates[1]])
    assert kit.file_name == "kit-S-2026-0315-poste-03.ckkit"
    opened = open_kiosk_kit(kit.data, kit.code, world.authority.public, MORNING, KIOSK)
    assert [c.candidate_id for c in opened.candidates] == ["c002"]
    with pytest.raises(IntegrityError, match="préparé pour le poste n° 3"):
        open_kiosk_kit(kit.data, kit.code, world.authority.public, MORNING, KeyPair.generate())


def test_build_refuses_wrong_pack_and_foreign_candidate(world: World, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="pack de contenu"):
        _kit(world, content_pack=world.pack + b"x")
    stranger = make_world(tmp_path, candidates=4).session.candidates[3]
    with pytest.raises(InvalidInput, match="absent de la session"):
        _kit(world, candidates=[stranger])


def test_other_authority_is_refused(room_kit: BuiltKit) -> None:
    with pytest.raises(IntegrityError, match="pas reconnu par l'autorité"):
        verify_kiosk_kit(room_kit.data, KeyPair.generate().public, MORNING)


def test_every_byte_flip_is_refused(world: World, room_kit: BuiltKit) -> None:
    data = room_kit.data
    assert len(data) < 12_000  # small enough to flip every byte
    accepted = []
    for pos in range(len(data)):
        altered = bytearray(data)
        altered[pos] ^= 0x01
        try:
            verify_kiosk_kit(bytes(altered), world.authority.public, MORNING)
        except (IntegrityError, InvalidInput) as exc:
            assert "\n" not in exc.message
        else:
            accepted.append(pos)
    assert accepted == []


def test_every_truncation_is_refused(world: World, room_kit: BuiltKit) -> None:
    data = room_kit.data
    for cut in range(0, len(data), 7):
        with pytest.raises((IntegrityError, InvalidInput)):
            verify_kiosk_kit(data[:cut], world.authority.public, MORNING)
    with pytest.raises(IntegrityError, match="tronqué"):
        verify_kiosk_kit(data[:-1], world.authority.public, MORNING)


def test_signed_by_another_key_than_the_certificate_is_refused(
    world: World, room_kit: BuiltKit
) -> None:
    impostor = KeyPair.generate()
    # Same certificate in the header, but the header's signer key replaced: the policy names it.
    data = bytearray(room_kit.data)
    data[10:42] = impostor.public.signing
    with pytest.raises(IntegrityError, match="pas par celle du centre"):
        verify_kiosk_kit(bytes(data), world.authority.public, MORNING)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_fuzz_random_bytes_never_crash(blob: bytes) -> None:
    for data in (blob, b"CKKKIT\r\n" + blob):
        with contextlib.suppress(IntegrityError, InvalidInput):
            verify_kiosk_kit(data, KIOSK.public, MORNING)
    with contextlib.suppress(IntegrityError, InvalidInput):
        read_enrolment_record(blob)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_fuzz_mutated_kits_never_crash(
    world: World, room_kit: BuiltKit, data: st.DataObject
) -> None:
    blob = bytearray(room_kit.data)
    for _ in range(data.draw(st.integers(1, 6))):
        pos = data.draw(st.integers(0, len(blob) - 1))
        blob[pos] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(blob)))
    with contextlib.suppress(IntegrityError, InvalidInput):
        verify_kiosk_kit(bytes(blob[:cut]), world.authority.public, MORNING)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_fuzz_typed_codes_never_crash(text: str) -> None:
    with contextlib.suppress(InvalidInput):
        assert len(normalise_code(text)) == 20
