"""Invigilator passwords and PINs: stored only as salted argon2id hashes (PHC strings)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from kiosk.core.errors import InvalidInput

MIN_PASSWORD_LENGTH = 8
_HASHER = PasswordHasher()


def hash_password(password: str) -> str:
    """A salted argon2id hash of ``password``.

    Raises:
        InvalidInput: shorter than 8 characters.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(
            f"the invigilator password needs at least {MIN_PASSWORD_LENGTH} characters"
        )
    return _HASHER.hash(password)


def check_password_hash(encoded: str) -> str:
    """Validate that ``encoded`` is an argon2id PHC string.

    Raises:
        InvalidInput: anything else.
    """
    if not encoded.startswith("$argon2id$") or len(encoded) > 512:
        raise InvalidInput("the invigilator password hash is not an argon2id hash")
    return encoded


def verify_password(encoded: str, password: str) -> bool:
    """Whether ``password`` matches the stored hash (constant-time inside argon2)."""
    try:
        return _HASHER.verify(encoded, password)
    except (VerificationError, InvalidHashError):
        return False
