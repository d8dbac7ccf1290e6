"""Hash-chained event records: canonical JSON, SHA-256 chain, chain verification.

An event is ``{seq, type, at_wall, at_mono_ms, data, prev_hash, hash}``. ``hash`` is the SHA-256
hex digest of the canonical JSON of the six other fields; ``seq`` starts at 1 and the first
``prev_hash`` is 64 zeros. These functions are pure: the kiosk, the console and the authority use
them alike (docs/formats/event-log.md).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.core.errors import IntegrityError, InvalidInput

GENESIS_HASH = "0" * 64
EVENT_FIELDS = ("seq", "type", "at_wall", "at_mono_ms", "data", "prev_hash", "hash")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_TYPE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_MAX_DEPTH = 32


def _check_json(value: Any, where: str, depth: int = 0) -> None:
    if depth > _MAX_DEPTH:
        raise InvalidInput(f"{where} : données trop imbriquées")
    if value is None or isinstance(value, bool | str | int):
        return
    if isinstance(value, list | tuple):
        for item in value:
            _check_json(item, where, depth + 1)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise InvalidInput(f"{where} : clé non textuelle {key!r}")
            _check_json(item, where, depth + 1)
        return
    # Floats are refused: their text form differs between languages; decimals travel as strings.
    raise InvalidInput(
        f"{where} : valeur de type {type(value).__name__} interdite en JSON canonique"
    )


def canonical_json(value: Any) -> bytes:
    """Encode ``value`` as canonical JSON: sorted keys, no spaces, UTF-8, no ASCII escaping.

    Raises:
        InvalidInput: the value holds a float, a non-string key or a non-JSON type.
    """
    _check_json(value, "JSON canonique")
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def event_hash(
    seq: int, type_: str, at_wall: str, at_mono_ms: int, data: Mapping[str, Any], prev_hash: str
) -> str:
    """SHA-256 hex of the canonical JSON of an event's fields other than ``hash``."""
    body = {
        "seq": seq,
        "type": type_,
        "at_wall": at_wall,
        "at_mono_ms": at_mono_ms,
        "data": data,
        "prev_hash": prev_hash,
    }
    return hashlib.sha256(canonical_json(body)).hexdigest()


@dataclass(frozen=True, slots=True)
class Event:
    """One record of a log. ``data`` is JSON (no floats) and must be treated as read-only."""

    seq: int
    type: str
    at_wall: str
    at_mono_ms: int
    data: dict[str, Any]
    prev_hash: str
    hash: str

    def to_dict(self) -> dict[str, Any]:
        """The event as a JSON object with the seven fields."""
        return {
            "seq": self.seq,
            "type": self.type,
            "at_wall": self.at_wall,
            "at_mono_ms": self.at_mono_ms,
            "data": self.data,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


def make_event(
    previous: Event | None, type_: str, at_wall: str, at_mono_ms: int, data: Mapping[str, Any]
) -> Event:
    """Build the event that follows ``previous`` (or the first event when it is None).

    Raises:
        InvalidInput: a malformed type, a negative monotonic time or non-canonical data.
    """
    if not _TYPE.match(type_):
        raise InvalidInput(f"type d'événement invalide : {type_!r}")
    if isinstance(at_mono_ms, bool) or not isinstance(at_mono_ms, int) or at_mono_ms < 0:
        raise InvalidInput(f"horloge monotone invalide : {at_mono_ms!r}")
    payload = dict(data)
    _check_json(payload, f"données de l'événement {type_}")
    seq = 1 if previous is None else previous.seq + 1
    prev_hash = GENESIS_HASH if previous is None else previous.hash
    digest = event_hash(seq, type_, at_wall, at_mono_ms, payload, prev_hash)
    return Event(seq, type_, at_wall, at_mono_ms, payload, prev_hash, digest)


def _field(obj: Mapping[str, Any], name: str, kind: type, where: str) -> Any:
    value = obj.get(name)
    if isinstance(value, bool) and kind is not bool:
        value = None
    if not isinstance(value, kind):
        raise IntegrityError(f"{where} : champ « {name} » absent ou de mauvais type")
    return value


def event_from_dict(obj: Mapping[str, Any], position: int | None = None) -> Event:
    """Read an event from its JSON object, checking field presence and types (not the hash).

    Raises:
        IntegrityError: a field is missing, extra or of the wrong type.
    """
    where = "événement" if position is None else f"événement n° {position}"
    if not isinstance(obj, Mapping):
        raise IntegrityError(f"{where} : un objet JSON est attendu")
    extra = sorted(set(obj) - set(EVENT_FIELDS))
    if extra:
        raise IntegrityError(f"{where} : champ(s) inconnu(s) {', '.join(extra)}")
    return Event(
        seq=_field(obj, "seq", int, where),
        type=_field(obj, "type", str, where),
        at_wall=_field(obj, "at_wall", str, where),
        at_mono_ms=_field(obj, "at_mono_ms", int, where),
        data=_field(obj, "data", dict, where),
        prev_hash=_field(obj, "prev_hash", str, where),
        hash=_field(obj, "hash", str, where),
    )


def verify_chain(
    events: Iterable[Event], *, start_seq: int = 1, start_prev_hash: str = GENESIS_HASH
) -> None:
    """Check seq numbering, the hash of every event and the links between them.

    ``start_seq``/``start_prev_hash`` let a caller verify a tail read from a known point.

    Raises:
        IntegrityError: naming the first event (by seq) that does not match, and how.
    """
    expected_seq = start_seq
    expected_prev = start_prev_hash
    for event in events:
        if event.seq != expected_seq:
            raise IntegrityError(
                f"journal : numéro {event.seq} trouvé là où le n° {expected_seq} était attendu"
            )
        if event.prev_hash != expected_prev:
            raise IntegrityError(
                f"journal : événement n° {event.seq} ({event.type}) : lien rompu avec le précédent "
                f"(prev_hash {event.prev_hash[:12]}…, attendu {expected_prev[:12]}…)"
            )
        if not _HEX64.match(event.hash):
            raise IntegrityError(f"journal : événement n° {event.seq} : empreinte mal formée")
        try:
            actual = event_hash(
                event.seq, event.type, event.at_wall, event.at_mono_ms, event.data, event.prev_hash
            )
        except InvalidInput as exc:
            raise IntegrityError(f"journal : événement n° {event.seq} : {exc.message}") from exc
        if actual != event.hash:
            raise IntegrityError(
                f"journal : événement n° {event.seq} ({event.type}) modifié : empreinte "
                f"{event.hash[:12]}… au lieu de {actual[:12]}…"
            )
        expected_seq += 1
        expected_prev = event.hash
