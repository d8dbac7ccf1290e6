"""The invigilator password (or code) check at a kiosk, with a lockout growing after failures.

Qt-free. The session carries the invigilator password only as a salted slow hash (Argon2id, the
PHC string ``$argon2id$...``); the password itself is never kept. Five wrong passwords in a row lock the
panel for 30 s, and each further series of failures doubles the wait (capped at 15 min). Every failure
and every lockout is reported to a callback so the controller writes it to the attempt's log.
Wrong console codes (challenge/response) count in the same series as wrong passwords.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.seal.passwords import verify_password

MAX_FAILURES = 5
FIRST_LOCKOUT_S = 30.0
MAX_LOCKOUT_S = 15 * 60.0


@dataclass(frozen=True, slots=True)
class GateResult:
    """The outcome of one password try: opened, or tries left, or seconds of lockout."""

    ok: bool
    attempts_left: int
    locked_s: float


@dataclass(frozen=True, slots=True)
class GateEvent:
    """Something worth logging: a failure (with the count) or a lockout (with its length)."""

    kind: str  # "auth_failed" | "auth_lockout" | "auth_ok"
    failures: int
    lockout_s: float = 0.0


class InvigilatorGate:
    """Counts wrong passwords and refuses any attempt while locked out.

    Args:
        password_hash: the session's invigilator password hash.
        clock: monotonic seconds (injected in tests).
        on_event: receives every failure, lockout and success, for the log.
    """

    def __init__(
        self,
        password_hash: str,
        clock: Callable[[], float] = time.monotonic,
        on_event: Callable[[GateEvent], None] | None = None,
    ) -> None:
        self._hash = password_hash
        self._clock = clock
        self._on_event = on_event or (lambda _event: None)
        self._failures = 0
        self._lockouts = 0
        self._locked_until = 0.0

    @property
    def failures(self) -> int:
        """Wrong passwords since the last success or lockout."""
        return self._failures

    def locked_for(self) -> float:
        """Seconds left before another password may be tried (0 when open)."""
        return max(0.0, self._locked_until - self._clock())

    def check(self, password: str) -> GateResult:
        """Try a password; the result says whether it opened and, if not, what the person may do."""
        return self.attempt(lambda: verify_password(self._hash, password))

    def attempt(self, verify: Callable[[], bool]) -> GateResult:
        """Try any invigilator secret (password or console code) under the same lockout.

        ``verify`` is not called while the gate is locked out.
        """
        wait = self.locked_for()
        if wait > 0:
            return GateResult(ok=False, attempts_left=0, locked_s=wait)
        if verify():
            self._failures = 0
            self._on_event(GateEvent("auth_ok", 0))
            return GateResult(ok=True, attempts_left=MAX_FAILURES, locked_s=0.0)
        self._failures += 1
        self._on_event(GateEvent("auth_failed", self._failures))
        if self._failures >= MAX_FAILURES:
            length = min(MAX_LOCKOUT_S, FIRST_LOCKOUT_S * (2**self._lockouts))
            self._lockouts += 1
            self._failures = 0
            self._locked_until = self._clock() + length
            self._on_event(GateEvent("auth_lockout", MAX_FAILURES, length))
            return GateResult(ok=False, attempts_left=0, locked_s=length)
        return GateResult(ok=False, attempts_left=MAX_FAILURES - self._failures, locked_s=0.0)
