"""The one-time code that protects a kiosk kit on a USB stick, and its Argon2id stretching.

A code is 20 symbols of Crockford's base-32 alphabet (100 random bits), printed in five groups of
four (``7KQ2-M9XD-...``). Typing is forgiving: case, spaces and dashes are ignored, and the letters
people confuse with digits are read as those digits (O → 0, I and L → 1). The key that opens the
kit is Argon2id(code, salt) with the parameters the kit carries (bounded on reading, so a kit can
neither weaken the stretching below a floor nor ask for absurd memory).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Any

from argon2.low_level import Type, hash_secret_raw

from kiosk.core.errors import InvalidInput

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 20
GROUP = 4
CODE_BITS = CODE_LENGTH * 5
SALT_SIZE = 16
KEY_SIZE = 32
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-_.]+")


@dataclass(frozen=True, slots=True)
class CodeKdf:
    """Argon2id parameters for stretching a kit code (memory in KiB)."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 1

    def to_dict(self) -> dict[str, Any]:
        """JSON form, as written in the kit's signed description."""
        return {
            "name": "argon2id",
            "time_cost": self.time_cost,
            "memory_kib": self.memory_kib,
            "parallelism": self.parallelism,
        }


DEFAULT_CODE_KDF = CodeKdf()
MIN_TIME_COST, MAX_TIME_COST = 2, 20
MIN_MEMORY_KIB, MAX_MEMORY_KIB = 19 * 1024, 1024 * 1024
MAX_PARALLELISM = 8


def check_kdf(kdf: CodeKdf) -> CodeKdf:
    """Refuse stretching parameters outside the accepted bounds.

    Raises:
        InvalidInput: too weak (below OWASP's Argon2id floor) or too costly.
    """
    if not (
        MIN_TIME_COST <= kdf.time_cost <= MAX_TIME_COST
        and MIN_MEMORY_KIB <= kdf.memory_kib <= MAX_MEMORY_KIB
        and 1 <= kdf.parallelism <= MAX_PARALLELISM
    ):
        raise InvalidInput(
            f"paramètres Argon2id hors limites (t={kdf.time_cost}, m={kdf.memory_kib} Kio, "
            f"p={kdf.parallelism})"
        )
    return kdf


def kdf_from_dict(value: object) -> CodeKdf:
    """Read and bound-check ``CodeKdf.to_dict()`` output.

    Raises:
        InvalidInput: missing, mistyped or out-of-bounds parameters.
    """
    if not isinstance(value, dict) or value.get("name") != "argon2id":
        raise InvalidInput("dérivation du code inconnue (argon2id attendu)")
    numbers: list[int] = []
    for key in ("time_cost", "memory_kib", "parallelism"):
        number = value.get(key)
        if not isinstance(number, int) or isinstance(number, bool):
            raise InvalidInput(f"paramètre Argon2id « {key} » illisible")
        numbers.append(number)
    return check_kdf(CodeKdf(*numbers))


def new_kit_code() -> str:
    """A fresh random code, 20 symbols (100 bits) grouped by four with dashes."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return format_code(raw)


def format_code(raw: str) -> str:
    """Group a normalised code by four: ``ABCD-EFGH-...``."""
    return "-".join(raw[i : i + GROUP] for i in range(0, len(raw), GROUP))


def normalise_code(typed: str) -> str:
    """The 20 canonical symbols of a typed code.

    Raises:
        InvalidInput: a character outside the alphabet, or not 20 symbols (French message).
    """
    clean = _SEPARATORS.sub("", typed).upper().translate(_CONFUSABLE)
    bad = sorted({ch for ch in clean if ch not in ALPHABET})
    if bad:
        shown = " ".join(f"« {ch} »" for ch in bad[:3])
        raise InvalidInput(f"Le code du kit ne contient pas le(s) caractère(s) {shown} : vérifiez")
    if len(clean) != CODE_LENGTH:
        raise InvalidInput(
            f"Le code du kit a {CODE_LENGTH} caractères (5 groupes de 4) ; "
            f"vous en avez saisi {len(clean)}"
        )
    return clean


def code_key(code: str, salt: bytes, kdf: CodeKdf) -> bytes:
    """The 256-bit key Argon2id derives from a (normalised or typed) code and the kit's salt.

    Raises:
        InvalidInput: a malformed code or salt, or parameters out of bounds.
    """
    if len(salt) != SALT_SIZE:
        raise InvalidInput("sel du kit invalide")
    check_kdf(kdf)
    secret = normalise_code(code).encode("ascii")
    return hash_secret_raw(
        secret, salt, kdf.time_cost, kdf.memory_kib, kdf.parallelism, KEY_SIZE, Type.ID
    )
