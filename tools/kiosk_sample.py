"""A kiosk session built from the shipped item bank, for screenshots, benchmarks and the demo.

Three candidates with a positioning profile at level 5 in all 16 competences (every bank skill up to
level 5 validated), so the assembly serves up to 48 items.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from kiosk.app.kiosk_session import MemoryKioskSession
from kiosk.core.errors import InvalidInput
from kiosk.core.framework import default_framework
from kiosk.core.itembank import load_bank
from kiosk.core.profile import CompetenceProfile, PositioningProfile
from kiosk.resources import resource_path
from kiosk.seal.passwords import hash_password
from kiosk.seal.session_model import BirthPlace, Candidate, SessionDetails

DEMO_PASSWORD = "surveillant-demo"
DEMO_SESSION = "2025051201"
DEMO_CODE = "BCDF23"
DEMO_LEVEL = 5
DEMO_CANDIDATES = (
    ("demo-1", "Dupré", "Élodie", "1990-04-12", "0"),
    ("demo-2", "Nguyen", "Paul", "1985-11-03", "33"),
    ("demo-3", "Martin", "Inès", "2001-06-30", "0"),
)


def demo_details(duration_minutes: int = 120) -> SessionDetails:
    """The demo session."""
    return SessionDetails(
        session_id=DEMO_SESSION,
        centre_id="centre-demo",
        centre_name="Centre de démonstration",
        address="1 rue de l'Exemple, 69001 Lyon",
        room="Salle 2",
        examiner="Mme Leroy",
        date="2025-05-12",
        time="09:00",
        duration_minutes=duration_minutes,
        access_code=DEMO_CODE,
        max_level=DEMO_LEVEL,
    )


def bank_session(
    password: str = DEMO_PASSWORD, kiosk_id: str = "poste-demo", duration_minutes: int = 120
) -> MemoryKioskSession:
    """The demo session over the whole shipped bank, media included.

    Raises:
        InvalidInput: the item bank is missing or empty.
        SourceError: the item bank has an error (file:line).
    """
    root = resource_path("itembank")
    bank = load_bank(root)
    if not bank.items:
        raise InvalidInput(f"la banque d'items {root} est vide : impossible de préparer la démo")
    skills: dict[str, set[str]] = defaultdict(set)
    for item in bank.items:
        if item.level <= DEMO_LEVEL:
            skills[item.competence].add(item.skill)
    profile = PositioningProfile(
        tuple(
            CompetenceProfile(c.id, 8 * DEMO_LEVEL, tuple(sorted(skills.get(c.id, ()))))
            for c in default_framework().competences
        )
    )
    candidates = tuple(
        Candidate(
            candidate_id=cid,
            last_name=last,
            first_names=first,
            sex="F",
            birth_date=born,
            birth_place=BirthPlace("France", "Lyon", "69001"),
            email="",
            convocation_email="",
            external_id=cid,
            extra_time_pct=Decimal(extra),
            accessibility_needs=False,
            profile=profile,
        )
        for cid, last, first, born, extra in DEMO_CANDIDATES
    )
    media = {name: (root / name).read_bytes() for name in bank.media_files()}
    return MemoryKioskSession(
        details=demo_details(duration_minutes),
        candidates=candidates,
        items={item.id: item for item in bank.items},
        password_hash=hash_password(password),
        media=media,
        kiosk_id=kiosk_id,
    )
