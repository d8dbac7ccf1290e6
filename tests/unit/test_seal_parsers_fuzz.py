"""Hypothesis: no parser of untrusted bytes raises anything but a one-line IntegrityError/InvalidInput."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kiosk.core.errors import IntegrityError, InvalidInput
from kiosk.seal.archive import pack_archive, unpack_archive
from kiosk.seal.authority_identity import parse_identity
from kiosk.seal.canonical import parse_json
from kiosk.seal.centre import create_centre
from kiosk.seal.centre_certificate import (
    issue_centre_certificate,
    read_centre_certificate,
    read_enrolment_request,
)
from kiosk.seal.certificate_payload import (
    CertificateStatement,
    decode_certificate_payload,
    encode_certificate_payload,
)
from kiosk.seal.content_pack import read_scoring_keys, verify_content_pack
from kiosk.seal.keys import KeyPair
from kiosk.seal.keystore import keystore_bytes, parse_keystore
from kiosk.seal.result_bundle import verify_result_bundle
from kiosk.seal.session_package import verify_session_package
from kiosk.seal.trust import Trust
from tests.fixtures.seal.samples import FAST_KDF, NOW

AUTHORITY = KeyPair.generate()
CENTRE = create_centre("CTR-01", "Centre", "x", NOW, FAST_KDF)
CERT = issue_centre_certificate(AUTHORITY, read_enrolment_request(CENTRE.request), NOW)
TRUST = Trust(AUTHORITY.public, NOW)
ARCHIVE = pack_archive([("items.json", b"[]"), ("media/a.png", b"x" * 100)])
KEYSTORE = keystore_bytes(AUTHORITY, "authority", "A", "pp", FAST_KDF)
PAYLOAD = encode_certificate_payload(
    CertificateStatement(
        "P-BCDFGH23",
        "Dupont",
        "Marie",
        date(2001, 4, 12),
        date(2026, 3, 2),
        date(2029, 3, 2),
        "CTR-01",
        300,
        5,
        (5,) * 16,
    ),
    AUTHORITY,
)

PARSERS = {
    "request": read_enrolment_request,
    "certificate": lambda d: read_centre_certificate(d, AUTHORITY.public, NOW),
    "session": lambda d: verify_session_package(d, TRUST),
    "pack": lambda d: verify_content_pack(d, TRUST),
    "bundle": lambda d: verify_result_bundle(d, TRUST),
    "archive": unpack_archive,
    "keystore": lambda d: parse_keystore(d, "ks"),
    "identity": lambda d: parse_identity(d, "id"),
    "scoring": lambda d: read_scoring_keys(d, "keys"),
    "json": lambda d: parse_json(d, "json", canonical=True),
    "payload": lambda d: decode_certificate_payload(d.decode("latin-1"), AUTHORITY.public),
}
SEEDS = [CERT, CENTRE.request, ARCHIVE, KEYSTORE, PAYLOAD.encode()]


def _only_clean_errors(data: bytes) -> None:
    for parser in PARSERS.values():
        try:
            parser(data)
        except (IntegrityError, InvalidInput) as exc:
            assert exc.message and "\n" not in exc.message


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    _only_clean_errors(data)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.sampled_from(SEEDS),
    st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=6),
    st.integers(0, 10_000),
)
def test_mutated_real_artefacts(seed: bytes, edits: list[tuple[int, int]], cut: int) -> None:
    data = bytearray(seed)
    for pos, value in edits:
        if data:
            data[pos % len(data)] = value
    _only_clean_errors(bytes(data[: max(cut, len(data) // 2)]))


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=4), c, max_size=3),
        max_leaves=10,
    )
)
def test_structured_json_documents(value: object) -> None:
    import json

    _only_clean_errors(
        json.dumps(
            {
                "format": "certkiosk/keystore",
                "version": 1,
                "x": value,
                "public": value,
                "kdf": value,
            }
        ).encode()
    )
    _only_clean_errors(json.dumps([value]).encode())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.text(max_size=12), max_size=22), max_size=6))
@example([["", "0", "0", "0\n0"]])  # a cell with a line break once reached the message
def test_roster_rows_never_crash(cells: list[list[str]]) -> None:
    from datetime import date as day

    from authority.roster import parse_roster_rows
    from authority.roster_table import Row
    from tests.fixtures.seal.samples import HEADER

    rows = [Row(1, tuple(HEADER.split(";")))] + [Row(i + 2, tuple(c)) for i, c in enumerate(cells)]
    try:
        parse_roster_rows(rows, "r.csv", day(2026, 1, 1))
    except InvalidInput as exc:
        assert exc.message and "\n" not in exc.message
