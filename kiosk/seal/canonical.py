"""Canonical JSON: the one byte form that is hashed and signed.

Keys sorted, no insignificant whitespace, UTF-8 (not ASCII-escaped), only strings, integers,
booleans, null, lists and objects (no floats: decimals travel as strings). Parsing refuses
duplicate keys, floats, NaN and non-canonical bytes where the caller asks for it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from typing import Any

from kiosk.core.errors import InvalidInput
from kiosk.core.events import canonical_json


def canonical_bytes(value: Any) -> bytes:
    """Encode ``value`` as canonical JSON bytes (the same encoding as the event log's hashes).

    Raises:
        InvalidInput: a float, a non-string key or another non-JSON type.
    """
    return canonical_json(value)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise InvalidInput(f"duplicate key '{key}' in JSON")
        out[key] = value
    return out


def _no_float(text: str) -> Any:
    raise InvalidInput(f"number '{text[:20]}' is not an integer")


def _no_constant(text: str) -> Any:
    raise InvalidInput(f"'{text}' is not allowed in JSON")


def parse_json(data: bytes, what: str, *, canonical: bool = False) -> Any:
    """Parse strict JSON bytes (UTF-8, no duplicate keys, no floats).

    Args:
        data: the bytes.
        what: what the bytes are, for messages (e.g. "pack manifest").
        canonical: also require ``data`` to be exactly the canonical encoding.

    Raises:
        InvalidInput: anything malformed, in one line naming ``what``.
    """
    try:
        text = data.decode("utf-8")
        value = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_float=_no_float,
            parse_constant=_no_constant,
        )
    except InvalidInput as exc:
        raise InvalidInput(f"{what}: {exc.message}") from None
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InvalidInput(f"{what} is not valid JSON ({detail})") from None
    if canonical:
        try:
            again = canonical_bytes(value)
        except InvalidInput as exc:
            raise InvalidInput(f"{what}: {exc.message}") from None
        if again != data:
            raise InvalidInput(f"{what} is not in canonical form")
    return value


def sha256_hex(data: bytes) -> str:
    """Lower-case hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def b64encode(data: bytes) -> str:
    """URL-safe base64 without padding."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64decode(text: str, what: str, size: int | None = None) -> bytes:
    """Inverse of ``b64encode``, with an optional exact size.

    Raises:
        InvalidInput: not base64url, or not ``size`` bytes.
    """
    if not isinstance(text, str) or not text.isascii():
        raise InvalidInput(f"{what} is not base64 text")
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise InvalidInput(f"{what} is not valid base64") from None
    if b64encode(raw) != text:
        raise InvalidInput(f"{what} is not canonical base64")
    if size is not None and len(raw) != size:
        raise InvalidInput(f"{what} must be {size} bytes, not {len(raw)}")
    return raw
