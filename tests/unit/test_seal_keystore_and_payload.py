"""Passphrase keystore and the certificate QR payload."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kiosk.core.errors import AuthenticationError, IntegrityError, InvalidInput
from kiosk.seal.certificate_payload import (
    CODE_RE,
    CertificateStatement,
    decode_certificate_payload,
    encode_certificate_payload,
    new_verification_code,
)
from kiosk.seal.keys import KeyPair
from kiosk.seal.keystore import KdfParams, keystore_bytes, parse_keystore
from tests.fixtures.seal.samples import FAST_KDF

KEYS = KeyPair.generate()
STATEMENT = CertificateStatement(
    "P-BCDFGH23",
    "Lefèvre | Ndiaye",
    "Anaïs-Marie",
    date(1995, 11, 30),
    date(2026, 3, 2),
    date(2029, 3, 2),
    "CTR-01",
    312,
    5,
    (5, 4, 3, 0, 2, 5, 1, 0, 0, 3, 2, 2, 5, 4, 0, 1),
)


def test_keystore_round_trip_and_wrong_passphrase() -> None:
    data = keystore_bytes(KEYS, "authority", "Autorité", "bonne phrase", FAST_KDF)
    store = parse_keystore(data, "ks")
    assert store.unlock("bonne phrase").public == KEYS.public
    with pytest.raises(AuthenticationError, match="wrong passphrase"):
        store.unlock("mauvaise phrase")
    assert b"bonne" not in data


def test_keystore_refuses_absurd_kdf_parameters() -> None:
    data = keystore_bytes(KEYS, "authority", "A", "p", FAST_KDF)
    huge = data.replace(b'"memory_cost":1024', b'"memory_cost":99999999')
    with pytest.raises(InvalidInput, match="out of range"):
        parse_keystore(huge, "ks")
    with pytest.raises(InvalidInput):
        KdfParams(time_cost=0).check()


def test_payload_round_trip_is_compact() -> None:
    text = encode_certificate_payload(STATEMENT, KEYS)
    assert text.startswith("CKQ1|") and text.isascii() and len(text) < 300
    assert decode_certificate_payload(text, KEYS.public) == STATEMENT


def test_every_character_change_of_a_payload_is_refused() -> None:
    text = encode_certificate_payload(STATEMENT, KEYS)
    for i in range(len(text)):
        for repl in ("0", "Z"):
            if text[i] == repl:
                continue
            altered = text[:i] + repl + text[i + 1 :]
            with pytest.raises((IntegrityError, InvalidInput)):
                decode_certificate_payload(altered, KEYS.public)
    with pytest.raises(IntegrityError):
        decode_certificate_payload(text[:-3], KEYS.public)


def test_payload_from_another_authority_or_version_is_refused() -> None:
    other = KeyPair.generate()
    with pytest.raises(IntegrityError, match="not by the authority"):
        decode_certificate_payload(encode_certificate_payload(STATEMENT, other), KEYS.public)
    text = encode_certificate_payload(STATEMENT, KEYS)
    with pytest.raises(InvalidInput, match="unsupported certificate payload version '2'"):
        decode_certificate_payload("CKQ2" + text[4:], KEYS.public)


def test_verification_codes_use_the_alphabet() -> None:
    codes = {new_verification_code() for _ in range(200)}
    assert len(codes) == 200 and all(CODE_RE.match(c) for c in codes)
    with pytest.raises(InvalidInput):
        encode_certificate_payload(replace(STATEMENT, verification_code="P-AAAAAAAA"), KEYS)
