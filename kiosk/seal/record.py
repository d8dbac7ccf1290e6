"""Strict typed reading of a decoded JSON object, with one-line messages naming the field."""

from __future__ import annotations

from typing import Any

from kiosk.core.errors import InvalidInput


class Record:
    """A JSON object read field by field; every accessor checks the type."""

    def __init__(self, data: object, what: str) -> None:
        if not isinstance(data, dict):
            raise InvalidInput(f"{what} is not an object")
        self.data: dict[str, Any] = data
        self.what = what

    def _bad(self, key: str, expected: str) -> InvalidInput:
        return InvalidInput(f"{self.what}: '{key}' missing or not {expected}")

    def text(self, key: str) -> str:
        """A required string."""
        value = self.data.get(key)
        if not isinstance(value, str):
            raise self._bad(key, "a string")
        return value

    def opt_text(self, key: str) -> str:
        """An optional string ('' when absent)."""
        value = self.data.get(key, "")
        if not isinstance(value, str):
            raise self._bad(key, "a string")
        return value

    def integer(self, key: str, low: int = -(2**63), high: int = 2**63) -> int:
        """A required integer within [low, high]."""
        value = self.data.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise self._bad(key, f"an integer in {low}..{high}")
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        """An optional boolean."""
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self._bad(key, "true/false")
        return value

    def array(self, key: str) -> list[Any]:
        """A required list."""
        value = self.data.get(key)
        if not isinstance(value, list):
            raise self._bad(key, "a list")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        """A required list of strings."""
        values = self.array(key)
        if not all(isinstance(v, str) for v in values):
            raise self._bad(key, "a list of strings")
        return tuple(values)

    def record(self, key: str) -> Record:
        """A required nested object."""
        return Record(self.data.get(key), f"{self.what}.{key}")
