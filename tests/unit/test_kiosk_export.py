"""Kiosk export format: sealed to the centre, signed or hashed, every damage named."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiosk.core.errors import IntegrityError, InvalidInput
from kiosk.core.events import Event, make_event
from kiosk.seal.keys import KeyPair
from kiosk.seal.kiosk_export import (
    MAGIC,
    export_file_name,
    kiosk_export_bytes,
    read_kiosk_export,
)

NOW = datetime(2026, 3, 15, 10, 0, tzinfo=UTC)
CENTRE = KeyPair.generate()
KIOSK = KeyPair.generate()


def _log(attempt_id: str, session: str = "S1", n: int = 4) -> list[Event]:
    events = [
        make_event(None, "checked_in", "2026-03-15T09:00:00.000Z", 10,
                   {"attempt_id": attempt_id, "candidate_id": "c001", "session_id": session,
                    "kiosk_id": "K1"})
    ]  # fmt: skip
    for i in range(n - 1):
        events.append(make_event(events[-1], "heartbeat", "2026-03-15T09:00:01.000Z", 20 + i, {}))
    return events


def _export(keys: KeyPair | None = KIOSK, **extra: object) -> bytes:
    args: dict[str, object] = {
        "kiosk_id": "K1",
        "session_id": "S1",
        "kit_id": "KIT-1",
        "attempts": {"a1": _log("a1"), "a2": _log("a2", n=2)},
        "centre": CENTRE.public,
        "now": NOW,
        "kiosk_keys": keys,
        "kiosk_build": "b-1",
    }
    args.update(extra)
    return kiosk_export_bytes(**args)  # type: ignore[arg-type]


@pytest.mark.parametrize("keys", [KIOSK, None], ids=["signed", "hashed"])
def test_round_trip(keys: KeyPair | None) -> None:
    data = _export(keys)
    assert data.startswith(MAGIC)
    read = read_kiosk_export(data, CENTRE, "x.ckexport")
    assert read.kiosk_id == "K1" and read.session_id == "S1" and read.kiosk_build == "b-1"
    assert read.kit_id == "KIT-1"
    assert read.signer_key_id == (KIOSK.public.key_id if keys else None)
    assert [len(v) for _, v in sorted(read.attempts.items())] == [4, 2]
    assert read.attempts["a1"] == _log("a1")
    assert b"c001" not in data  # candidate ids travel encrypted only


def test_file_name_is_safe() -> None:
    name = export_file_name("salle 2/poste 7", "S1", NOW)
    assert name == "salle_2_poste_7-S1-20260315T100000Z.ckexport"


@pytest.mark.parametrize("keys", [KIOSK, None], ids=["signed", "hashed"])
def test_every_damage_is_refused_with_a_precise_message(keys: KeyPair | None) -> None:
    data = _export(keys)
    with pytest.raises(IntegrityError, match="tronqué"):
        read_kiosk_export(data[:-1], CENTRE, "x")
    with pytest.raises(IntegrityError, match="tronqué"):
        read_kiosk_export(data[:20], CENTRE, "x")
    with pytest.raises(IntegrityError, match="en trop"):
        read_kiosk_export(data + b"\0", CENTRE, "x")
    body = bytearray(data)
    body[-3] ^= 1
    with pytest.raises(IntegrityError, match="altérées"):
        read_kiosk_export(bytes(body), CENTRE, "x")
    manifest = bytearray(data)
    index = data.index(b'"session_id":"S1"') + len('"session_id":"S')
    manifest[index] = ord("2")
    with pytest.raises(IntegrityError, match="modifié"):
        read_kiosk_export(bytes(manifest), CENTRE, "x")
    with pytest.raises(IntegrityError, match="pas pour ce centre"):
        read_kiosk_export(data, KeyPair.generate(), "x")
    with pytest.raises(InvalidInput, match="pas un export"):
        read_kiosk_export(b"PK\x03\x04" + data, CENTRE, "x")
    newer = bytearray(data)
    newer[9] = 3
    with pytest.raises(InvalidInput, match="version 3, ce logiciel lit la version 2"):
        read_kiosk_export(bytes(newer), CENTRE, "x")


def test_version_1_without_a_kit_is_refused_with_what_to_do() -> None:
    older = bytearray(_export())
    older[9] = 1
    with pytest.raises(InvalidInput, match="version 1 \\(sans kit de poste\\) : refaites l'export"):
        read_kiosk_export(bytes(older), CENTRE, "x")


def test_the_kit_id_is_signed_and_required() -> None:
    data = _export(kit_id="KIT-1")
    forged = data.replace(b'"kit_id":"KIT-1"', b'"kit_id":"KIT-2"')
    with pytest.raises(IntegrityError, match="modifié"):
        read_kiosk_export(forged, CENTRE, "x")
    with pytest.raises(InvalidInput, match="kit sont obligatoires"):
        _export(kit_id="")


def test_broken_chain_or_foreign_attempt_cannot_be_exported() -> None:
    log = _log("a1")
    log[2] = Event(**{**log[2].to_dict(), "data": {"x": 1}})
    with pytest.raises(InvalidInput, match="modifié"):
        _export(attempts={"a1": log})
    with pytest.raises(InvalidInput, match="session S1"):
        _export(attempts={"a1": _log("a1", session="S2")})
    with pytest.raises(InvalidInput, match="aucune épreuve"):
        _export(attempts={})
