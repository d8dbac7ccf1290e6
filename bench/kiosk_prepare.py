"""A kiosk data folder prepared the way a centre prepares it, for the kiosk benchmarks. Qt-free.

The console side is a real world (``tests/fixtures/kit/world.py``: authority, certified centre,
content pack of the shipped item bank, session package whose candidates get a 48-item test); the
kiosk is enrolled (``KioskSetup.enrol``), the console registers it and builds its kit
(``invigilator.kits.build_session_kits``), and the kiosk imports the kit with its one-time code
(``kiosk.store.kit_import.import_kit``). The kiosk's key files are sealed with the real default
passphrase parameters, so a start pays what a field kiosk pays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from invigilator.kits import KioskRegistry, build_session_kits
from kiosk.core.clock import SystemClock
from kiosk.resources import resource_path
from kiosk.store.key_providers import PassphraseProvider
from kiosk.store.kiosk_setup import KioskSetup
from kiosk.store.kit_import import import_kit
from tests.fixtures.kit.world import PASSWORD, details, make_world

PASSPHRASE = "phrase de passe du banc"
KIOSK_NUMBER = 1


@dataclass(frozen=True, slots=True)
class PreparedKiosk:
    """A data folder with a kit installed, and what a candidate types at check-in."""

    data_dir: Path
    passphrase_file: Path
    session_id: str
    access_code: str
    last_name: str
    first_name: str
    birth_date: str  # as typed: JJ/MM/AAAA
    password: str

    def args(self) -> list[str]:
        """The command-line arguments of the child processes: data folder, passphrase file."""
        return [str(self.data_dir), str(self.passphrase_file)]


def prepare_kiosk(work: Path) -> PreparedKiosk:
    """Enrol a kiosk in ``work/data``, build its kit on a console world, import it.

    Raises:
        KioskError: any step refused (then the benchmark stops with its message).
    """
    now = SystemClock().wall().replace(microsecond=0)
    today = now.astimezone().date().isoformat()
    world = make_world(
        work / "console",
        built_at=now,
        day=today,
        bank_root=resource_path("itembank"),
        profile_level=5,
    )
    data_dir = work / "data"
    provider = PassphraseProvider(PASSPHRASE)
    registry = KioskRegistry(work / "console" / "kiosks.json")
    with KioskSetup.open(data_dir, provider) as setup:
        registry.enrol(setup.enrol(KIOSK_NUMBER, f"Poste {KIOSK_NUMBER}"))
        (kit,) = build_session_kits(
            registry, world.session, world.pack, world.centre, world.certificate, now
        )
        import_kit(setup, kit.data, kit.code, world.authority.public)
    secret = work / "passphrase.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    first = world.session.candidates[0]
    born = datetime.strptime(first.birth_date, "%Y-%m-%d").strftime("%d/%m/%Y")
    return PreparedKiosk(
        data_dir,
        secret,
        world.session.details.session_id,
        details(world.session.details.centre_id, today).access_code,
        first.last_name,
        first.first_names,
        born,
        PASSWORD,
    )
