"""Challenge/response codes for invigilator actions on a kiosk without a network (DESIGN "Kiosk and console").

The kiosk shows a short *challenge* naming the action, the kiosk, the candidate, a counter and, for added
time, the minutes. The console, which holds the same session secret, answers with a short *response*:
an HMAC-SHA256 of every one of those fields under the secret, truncated to 30 bits and written in an
unambiguous alphabet. The kiosk accepts a response once: the counter moves on with every accepted code.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from enum import StrEnum

from kiosk.core.errors import AuthenticationError, InvalidInput

# 27 symbols without look-alikes (no 0/O, 1/I/L, 5/S, U/V): 6 of them carry about 28.5 bits.
ALPHABET = "2346789ABCDEFGHJKMNPQRTWXYZ"
RESPONSE_LENGTH = 6
_CHALLENGE_RE = re.compile(r"^([PRUTE])-(\d{1,3})-(\d{1,4})-(\d{1,6})(?:-(\d{1,3}))?-([0-9])$")


class CodeAction(StrEnum):
    """What a code authorises; the letter appears in the challenge."""

    CONFIRM_PRESENCE = "P"
    AUTHORISE_RESUME = "R"
    UNLOCK = "U"
    ADD_TIME = "T"
    END_TEST = "E"


@dataclass(frozen=True, slots=True)
class Challenge:
    """One request from a kiosk; ``minutes`` only for ``ADD_TIME``."""

    action: CodeAction
    kiosk: int
    candidate: int
    counter: int
    minutes: int | None = None

    def __post_init__(self) -> None:
        if (
            not 0 <= self.kiosk <= 999
            or not 0 <= self.candidate <= 9999
            or not 0 <= self.counter <= 999_999
        ):
            raise InvalidInput("challenge field out of range")
        if (self.action is CodeAction.ADD_TIME) != (self.minutes is not None):
            raise InvalidInput("minutes go with an added-time challenge, and only with it")
        if self.minutes is not None and not 1 <= self.minutes <= 999:
            raise InvalidInput("added time must be 1 to 999 minutes")

    def text(self) -> str:
        """The challenge as the kiosk shows it, e.g. ``T-7-23-4-15-8`` (last digit: a check digit)."""
        parts = [self.action.value, str(self.kiosk), str(self.candidate), str(self.counter)]
        if self.minutes is not None:
            parts.append(str(self.minutes))
        body = "-".join(parts)
        return f"{body}-{_check_digit(body)}"


def _check_digit(body: str) -> int:
    return sum((i + 1) * ord(ch) for i, ch in enumerate(body)) % 10


def parse_challenge(text: str) -> Challenge:
    """Read a challenge typed at the console (spaces and case forgiven).

    Raises:
        InvalidInput: not a challenge, or a typing mistake caught by the check digit.
    """
    clean = re.sub(r"\s+", "", text).upper()
    match = _CHALLENGE_RE.match(clean)
    if not match:
        raise InvalidInput(f"« {text.strip()} » n'est pas un code de poste (ex. : U-7-23-4-5)")
    action, kiosk, candidate, counter, minutes, check = match.groups()
    body = clean.rsplit("-", 1)[0]
    if _check_digit(body) != int(check):
        raise InvalidInput(
            "code de poste mal recopié (chiffre de contrôle faux) : vérifiez-le sur l'écran du poste"
        )
    return Challenge(
        action=CodeAction(action),
        kiosk=int(kiosk),
        candidate=int(candidate),
        counter=int(counter),
        minutes=int(minutes) if minutes else None,
    )


def response_for(secret: bytes, session_id: str, challenge: Challenge) -> str:
    """The console's answer to a challenge: 6 characters of ``ALPHABET``."""
    if len(secret) < 16:
        raise InvalidInput("session secret too short")
    message = "|".join(("certkiosk-code-v1", session_id, challenge.text())).encode("utf-8")
    digest = hmac.new(secret, message, hashlib.sha256).digest()
    value = int.from_bytes(digest[:8], "big")
    chars = []
    for _ in range(RESPONSE_LENGTH):
        value, rem = divmod(value, len(ALPHABET))
        chars.append(ALPHABET[rem])
    return "".join(chars)


def _clean_response(text: str) -> str:
    return re.sub(r"[\s-]+", "", text).upper()


def check_response(secret: bytes, session_id: str, challenge: Challenge, typed: str) -> None:
    """Accept the response typed at the kiosk, or refuse it.

    The caller records the accepted code's counter so the same code never works twice.

    Raises:
        AuthenticationError: the response does not answer this challenge.
    """
    expected = response_for(secret, session_id, challenge)
    if not hmac.compare_digest(expected, _clean_response(typed)):
        raise AuthenticationError("code de réponse incorrect pour ce poste et cette action")
