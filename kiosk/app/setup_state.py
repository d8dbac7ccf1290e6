"""Where a kiosk stands at start: enrolled or not, which session is installed. Qt-free.

``setup_state`` runs on the store thread right after the stores open (``kiosk_backend.open_kiosk``)
and decrypts the installed kit's content pack. It imports only the setup store, so the start does
not load the kit format, the import checks or the export.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.store.installed_session import InstalledSession, KioskIdentity
from kiosk.store.kiosk_setup import KioskSetup, OutdatedKit


@dataclass(frozen=True, slots=True)
class SetupState:
    """Where the kiosk stands at start: enrolled or not, which session is installed."""

    identity: KioskIdentity | None
    session: InstalledSession | None
    authority_pinned: bool
    locked_until: datetime | None
    notice: str = ""  # e.g. the installed kit has expired: import the next session's


def setup_state(setup: KioskSetup) -> SetupState:
    """Read the setup store once at start (decrypting the installed session's pack)."""
    identity = setup.identity()
    notice = ""
    try:
        session = setup.active_session() if identity is not None else None
    except OutdatedKit as exc:
        session, notice = None, exc.message
    now = setup.clock.wall()
    if session is not None and session.expires_at <= now:
        notice = (
            f"Le kit de la session {session.details.session_id} du {session.details.date} a "
            "expiré : importez le kit de la prochaine session"
        )
        session.cleanup()
        session = None
    _failures, until = setup.lockout()
    locked = until if until is not None and until > now else None
    return SetupState(identity, session, setup.pinned() is not None, locked, notice)
