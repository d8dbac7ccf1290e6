"""Event records: canonical JSON, the SHA-256 chain and its verification."""

from __future__ import annotations

import dataclasses
import hashlib

import pytest

from kiosk.core.errors import IntegrityError, InvalidInput
from kiosk.core.events import (
    GENESIS_HASH,
    Event,
    canonical_json,
    event_from_dict,
    make_event,
    verify_chain,
)


def _chain(n: int) -> list[Event]:
    events: list[Event] = []
    for i in range(n):
        prev = events[-1] if events else None
        events.append(make_event(prev, "heartbeat", "2025-05-12T08:00:00.000Z", 1000 + i, {"n": i}))
    return events


def test_canonical_json_is_sorted_compact_utf8() -> None:
    assert (
        canonical_json({"b": 1, "a": ["é", None, True]}) == '{"a":["é",null,true],"b":1}'.encode()
    )


@pytest.mark.parametrize("value", [{"x": 1.5}, {1: "a"}, {"x": {1, 2}}])
def test_canonical_json_refuses_floats_and_odd_types(value: object) -> None:
    with pytest.raises(InvalidInput):
        canonical_json(value)


def test_hash_is_sha256_of_the_other_fields() -> None:
    event = make_event(None, "checked_in", "2025-05-12T08:00:00.000Z", 5, {"k": "v"})
    body = (
        '{"at_mono_ms":5,"at_wall":"2025-05-12T08:00:00.000Z","data":{"k":"v"},'
        f'"prev_hash":"{GENESIS_HASH}","seq":1,"type":"checked_in"}}'
    )
    assert event.hash == hashlib.sha256(body.encode()).hexdigest()
    assert event.seq == 1 and event.prev_hash == "0" * 64


def test_a_sound_chain_verifies_and_round_trips() -> None:
    events = _chain(5)
    verify_chain(events)
    verify_chain([event_from_dict(e.to_dict()) for e in events])
    verify_chain(events[2:], start_seq=3, start_prev_hash=events[1].hash)


def test_tampered_data_names_the_event() -> None:
    events = _chain(4)
    events[2] = dataclasses.replace(events[2], data={"n": 99})
    with pytest.raises(IntegrityError, match="n° 3"):
        verify_chain(events)


def test_removed_event_is_caught() -> None:
    events = _chain(4)
    del events[1]
    with pytest.raises(IntegrityError, match="n° 2 était attendu"):
        verify_chain(events)


def test_rehashed_event_breaks_the_next_link() -> None:
    events = _chain(4)
    forged = make_event(events[0], "heartbeat", "2025-05-12T08:00:00.000Z", 1001, {"n": 42})
    events[1] = forged
    with pytest.raises(IntegrityError, match=r"n° 3 .*lien rompu"):
        verify_chain(events)


def test_event_from_dict_refuses_missing_and_extra_fields() -> None:
    record = _chain(1)[0].to_dict()
    with pytest.raises(IntegrityError, match="inconnu"):
        event_from_dict({**record, "extra": 1})
    del record["hash"]
    with pytest.raises(IntegrityError, match="hash"):
        event_from_dict(record, 7)


def test_make_event_refuses_bad_type_and_negative_clock() -> None:
    with pytest.raises(InvalidInput):
        make_event(None, "Bad Type", "w", 1, {})
    with pytest.raises(InvalidInput):
        make_event(None, "ok", "w", -1, {})
