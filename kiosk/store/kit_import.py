"""Importing a kiosk kit at the kiosk: the function the manager's screen calls (Qt-free).

Order of checks, each refusal with its precise French reason: the kiosk is enrolled; the kit's
signature and centre certificate (``verify``); already imported (then nothing changes); kit of
another centre than the one this kiosk belongs to; prepared for another kiosk; expired; its session
finalised or closed here; the wrong-code lockout; only then the code (Argon2id) and the content.

Lockout: ``FREE_TRIES`` wrong codes in a row are free; each further wrong code locks the import
for 1, 2, 4… minutes (at most ``MAX_LOCK_MINUTES``), recorded durably in the setup store (a
restart does not reset it; setting the clock back only makes the wait longer). A right code
resets the counter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.core.errors import AuthenticationError, IntegrityError, InvalidInput, RuleViolation
from kiosk.seal.keys import PublicIdentity
from kiosk.seal.kiosk_kit import KitInfo, open_verified_kit, read_kit_box
from kiosk.seal.timestamps import to_iso
from kiosk.store.installed_session import Pinned
from kiosk.store.kiosk_setup import KioskSetup
from kiosk.store.service import Store
from kiosk.store.store_core import StoreCore

FREE_TRIES = 5
MAX_LOCK_MINUTES = 60

FinalisedCheck = Callable[[str], bool]


class KitLocked(AuthenticationError):
    """Too many wrong codes: the import is refused until ``until`` (no code was tried)."""

    def __init__(self, until: datetime, now: datetime) -> None:
        wait = max(1, -(-int((until - now).total_seconds()) // 60))
        super().__init__(
            f"Trop de codes incorrects : import bloqué encore {wait} min "
            f"(jusqu'à {until.astimezone().strftime('%H:%M')})"
        )
        self.until = until


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What the kiosk is ready for after an import (or was already)."""

    kit_id: str
    session_id: str
    date: str
    room: str
    candidate_count: int
    kiosk_number: int | None  # None: a kit for the whole room
    expires_at: datetime
    already_imported: bool

    def message(self) -> str:
        """One French line for the manager."""
        head = "Ce kit est déjà importé" if self.already_imported else "Kit importé"
        return (
            f"{head} : session {self.session_id} du {self.date}, {self.room}, "
            f"{self.candidate_count} candidat(s)"
        )


def lock_delay(failures: int) -> timedelta:
    """How long the import stays locked after ``failures`` wrong codes in a row."""
    if failures < FREE_TRIES:
        return timedelta(0)
    return timedelta(minutes=min(2 ** (failures - FREE_TRIES), MAX_LOCK_MINUTES))


def store_finalised_check(store: Store) -> FinalisedCheck:
    """Whether a session is finalised in the kiosk's attempt store (its session log)."""

    def finalised(session_id: str) -> bool:
        try:
            return store.sessions.state(session_id).result().finalised
        except InvalidInput:  # no log for this session on this kiosk
            return False

    return finalised


def core_finalised_check(core: StoreCore) -> FinalisedCheck:
    """Like ``store_finalised_check``, for a job already running on the store thread."""

    def finalised(session_id: str) -> bool:
        try:
            return core.session_state(session_id).finalised
        except InvalidInput:  # no log for this session on this kiosk
            return False

    return finalised


def _summary(info: KitInfo, already: bool) -> ImportSummary:
    return ImportSummary(
        info.kit_id,
        info.session_id,
        info.date,
        info.room,
        info.candidate_count,
        info.kiosk.number if info.kiosk else None,
        info.expires_at,
        already,
    )


def inspect_kit(setup: KioskSetup, data: bytes, authority: PublicIdentity) -> ImportSummary:
    """Verify a kit and describe it before the code is asked (nothing is stored).

    Raises:
        InvalidInput, IntegrityError: not a kit, altered, or not from a certified centre.
    """
    _, info = read_kit_box(data, authority, setup.clock.wall())
    return _summary(info, setup.has_kit(info.kit_id))


def preflight_kit(
    setup: KioskSetup,
    data: bytes,
    authority: PublicIdentity,
    *,
    finalised: FinalisedCheck | None = None,
) -> ImportSummary:
    """Everything ``import_kit`` checks before the code, so the manager sees a refusal first.

    Nothing is stored and the lockout is not touched.

    Raises:
        UserError: not enrolled. InvalidInput, IntegrityError: not a kit, altered, another
        centre's or another kiosk's. RuleViolation: expired, or its session finalised.
    """
    now = setup.clock.wall()
    setup.require_identity()
    _, info = read_kit_box(data, authority, now)
    if setup.has_kit(info.kit_id):
        return _summary(info, True)
    _check_refusals(setup, info, now, finalised)
    return _summary(info, False)


def _check_refusals(
    setup: KioskSetup, info: KitInfo, now: datetime, finalised: FinalisedCheck | None
) -> None:
    ident = setup.require_identity()
    pinned = setup.pinned()
    if pinned is not None and (
        pinned.centre_id != info.centre_id or pinned.centre_key != info.certificate.keys.signing
    ):
        raise IntegrityError(
            f"Kit refusé : il vient du centre {info.centre_id} « {info.certificate.name} », "
            f"or ce poste appartient au centre {pinned.centre_id} « {pinned.centre_name} »"
        )
    if info.kiosk is not None and info.kiosk.key_id != ident.keys.public.key_id:
        raise IntegrityError(
            f"Kit refusé : il a été préparé pour le poste n° {info.kiosk.number} "
            f"« {info.kiosk.name} », or ce poste est le n° {ident.number} « {ident.name} »"
        )
    if info.expired_at(now):
        raise RuleViolation(
            f"Kit refusé : il a expiré le {to_iso(info.expires_at)} (kit de la session "
            f"{info.session_id} du {info.date}) ; préparez un nouveau kit sur la console"
        )
    if setup.is_closed(info.session_id) or (finalised is not None and finalised(info.session_id)):
        raise RuleViolation(
            f"Kit refusé : la session {info.session_id} est déjà finalisée sur ce poste"
        )


def import_kit(
    setup: KioskSetup,
    data: bytes,
    code: str,
    authority: PublicIdentity,
    *,
    finalised: FinalisedCheck | None = None,
) -> ImportSummary:
    """Import a kit with the one-time code the manager typed; the time is ``setup.clock``.

    Args:
        setup: the kiosk's open setup store.
        data: the kit file's bytes.
        code: the code as typed (case, spaces and dashes forgiven).
        authority: the trusted authority's public keys.
        finalised: tells whether a session is finalised in the attempt store
            (``store_finalised_check(store)``).

    Returns:
        The summary; ``already_imported`` when this kit was imported before (nothing changed).

    Raises:
        UserError: the kiosk is not enrolled yet.
        InvalidInput: not a kit, or a code with a wrong length or character (not counted).
        KitLocked: too many wrong codes, wait (no code tried).
        AuthenticationError: wrong code (counted towards the lockout).
        IntegrityError: altered, truncated, another centre's, or another kiosk's kit.
        RuleViolation: expired kit, or a session already finalised.
    """
    now = setup.clock.wall()
    setup.require_identity()
    box, info = read_kit_box(data, authority, now)
    if setup.has_kit(info.kit_id):
        return _summary(info, True)
    _check_refusals(setup, info, now, finalised)
    failures, until = setup.lockout()
    if until is not None and now < until:
        raise KitLocked(until, now)
    try:
        content = open_verified_kit(box, info, code, authority, now, setup.require_identity().keys)
    except AuthenticationError as exc:
        failures += 1
        delay = lock_delay(failures)
        setup.set_lockout(failures, now + delay if delay else None)
        raise AuthenticationError(f"{exc.message}{_remaining(failures)}") from None
    cert = info.certificate
    pin = Pinned(cert.centre_id, cert.name, cert.keys.signing, authority, cert.keys.encryption)
    setup.store_kit(content, pin)
    return _summary(info, False)


def _remaining(failures: int) -> str:
    if failures < FREE_TRIES:
        left = FREE_TRIES - failures
        return f" — encore {left} essai(s) avant un blocage temporaire"
    minutes = int(lock_delay(failures).total_seconds() // 60)
    return f" — import bloqué pendant {minutes} min"
