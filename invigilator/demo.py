"""``make demo`` (``python -m invigilator.demo``): a centre's day on one machine, console and kiosk.

The first run builds everything under ``./demo-data/`` through the real chain of trust: an
authority (``authority init``), a centre home for the console (keys, enrolment request, certificate
from ``authority enrol-centre``), a content pack from ``resources/itembank`` (``authority
build-pack``), today's session with three demo candidates (``authority schedule``) imported by the
console. Then the morning routine, done programmatically: the kiosk (data folder
``demo-data/kiosk``) is enrolled as kiosk n° 1 and writes its record to the « USB stick »
``demo-data/usb``; the console registers it and writes the kiosk's kit there; the kiosk imports
the kit with its one-time code. Later runs reuse it all; on a new day a new session and a new kit
are made for that day (kits expire at the end of their session day).

It prints the check-in details, the invigilator password and where things are, then starts the
console and the kiosk side by side, as two processes (the kiosk in a window; ``--fullscreen``
for the real locked-down look).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

from authority.cli import main as authority
from invigilator.home import CentreHome
from invigilator.kiosks import enrol_kiosks, prepare_kits
from invigilator.workspace import Workspace
from kiosk.core.clock import SystemClock
from kiosk.core.errors import InvalidInput, KioskError
from kiosk.core.framework import default_framework
from kiosk.core.itembank import load_bank
from kiosk.resources import resource_path
from kiosk.seal.atomic import write_atomic
from kiosk.seal.authority_identity import load_identity
from kiosk.store.key_providers import PassphraseProvider
from kiosk.store.kiosk_setup import KioskSetup
from kiosk.store.kit_import import import_kit

DEMO_DIR = Path("demo-data")
STATE_FILE = "demo.json"
AUTHORITY_PASSPHRASE = "autorite-demo-2025"
CENTRE_PASSPHRASE = "centre-demo-2025"
KIOSK_PASSPHRASE = "kiosque-demo-2025"
INVIGILATOR_PASSWORD = "surveillant-demo"
CENTRE_ID = "CENTRE-DEMO"
KIOSK_NUMBER, KIOSK_NAME = 1, "Poste 1"
LEVEL = 5
CANDIDATES = (  # last name, first name, birth date (JJ/MM/AAAA), sex, extra time
    ("Dupré", "Élodie", "12/04/1990", "F", ""),
    ("Nguyen", "Paul", "03/11/1985", "M", "33%"),
    ("Martin", "Inès", "30/06/2001", "F", ""),
)
ROSTER_HEADER = (
    "Numéro de session préexistante;* Nom du site;* Nom de la salle;"
    "* Date de début (format: JJ/MM/AAAA);* Heure de début (heure locale format: HH:MM);"
    "* Surveillant(s);Observations (optionnel);* Nom de naissance;* Prénom;"
    "* Date de naissance (format: JJ/MM/AAAA);* Sexe (M ou F);"
    "Code INSEE de la commune de naissance;Code postal de la commune de naissance;"
    "Nom de la commune de naissance;* Pays de naissance;"
    "E-mail du destinataire des résultats (formateur, enseignant…);E-mail de convocation;"
    "Identifiant externe;Temps majoré ? (exemple format: 33%);"
    "Code de prépaiement (optionnel);Tarification part Pix"
)


class Demo:
    """The demo folder's layout and secrets."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.work = root / "work"
        self.authority = root / "authority"
        self.centre = CentreHome(root / "centre")
        self.kiosk = root / "kiosk"
        self.usb = root / "usb"
        self.state = root / STATE_FILE
        self.auth_args = ["--home", str(self.authority), "--passphrase-file",
                          str(self.work / "authority-passphrase.txt")]  # fmt: skip

    def secret(self, name: str, value: str) -> Path:
        """Write a secret file (0600) in the work folder; returns its path."""
        path = self.work / name
        path.write_text(value + "\n", encoding="utf-8")
        path.chmod(0o600)
        return path

    def kiosk_provider(self) -> PassphraseProvider:
        """The kiosk data folder's key provider, as ``kiosk --passphrase-file`` builds it."""
        return PassphraseProvider(KIOSK_PASSPHRASE)

    def load_state(self) -> dict[str, str]:
        """What was made: the session id and day."""
        if not self.state.exists():
            return {}
        data = json.loads(self.state.read_text("utf-8"))
        return data if isinstance(data, dict) else {}


def _run_authority(*args: str) -> None:
    status = authority(list(args))
    if status != 0:
        raise KioskError(f"authority {args[0]} a échoué (code {status})")


def _roster(path: Path, day: str) -> None:
    session = ["", "Centre de démonstration", "Salle 2", day, "09:00", "Mme Leroy", ""]
    rows = [ROSTER_HEADER]
    for index, (last, first, born, sex, extra) in enumerate(CANDIDATES):
        cells = session if index == 0 else [""] * 7
        person = [last, first, born, sex, "69123", "69001", "Lyon", "France", "", "",
                  f"DEMO-{index + 1}", extra]  # fmt: skip
        rows.append(";".join([*cells, *person, "", ""]))
    path.write_bytes(b"\xef\xbb\xbf" + ("\r\n".join(rows) + "\r\n").encode("utf-8"))


def _profiles(path: Path) -> None:
    bank = load_bank(resource_path("itembank"))
    skills: dict[str, set[str]] = defaultdict(set)
    for item in bank.items:
        if item.level <= LEVEL:
            skills[item.competence].add(item.skill)
    competences = [
        {"id": c.id, "pix": 8 * LEVEL, "level": LEVEL, "skills": sorted(skills[c.id]), "seen": []}
        for c in default_framework().competences
    ]
    profiles = []
    for index, (last, first, born, _sex, _extra) in enumerate(CANDIDATES):
        day, month, year = born.split("/")
        profiles.append({"external_id": f"DEMO-{index + 1}", "last_name": last,
                         "first_names": first, "birth_date": f"{year}-{month}-{day}",
                         "competences": competences})  # fmt: skip
    doc = {"format": "certkiosk/profiles", "version": 1, "profiles": profiles}
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")


def create_centre(demo: Demo) -> None:
    """The authority, the console's centre (certified), the content pack, the kiosk enrolled.

    Raises:
        InvalidInput: the item bank is missing (the demo needs it).
        KioskError: a step of the chain failed (its message says which).
    """
    bank_root = resource_path("itembank")
    if not bank_root.is_dir() or not any(bank_root.glob("*.yaml")):
        raise InvalidInput(f"la banque d'items {bank_root} est vide : la démo en a besoin")
    for folder in (demo.work, demo.usb, demo.kiosk):
        folder.mkdir(parents=True, exist_ok=True)
    demo.secret("authority-passphrase.txt", AUTHORITY_PASSPHRASE)
    demo.secret("centre-passphrase.txt", CENTRE_PASSPHRASE)
    demo.secret("kiosk-passphrase.txt", KIOSK_PASSPHRASE)
    print("· organisme certificateur de démonstration…", flush=True)
    _run_authority("init", *demo.auth_args, "--name", "Organisme de démonstration")
    print("· centre (clés de la console) et son certificat…", flush=True)
    demo.centre.create(CENTRE_ID, "Centre de démonstration",
                       demo.authority / "authority-public.json", CENTRE_PASSPHRASE,
                       datetime.now(UTC))  # fmt: skip
    cert = demo.work / "centre.ccrt"
    _run_authority("enrol-centre", *demo.auth_args, "-o", str(cert), str(demo.centre.request_path))
    print("· contenu d'épreuve (banque d'items de démonstration)…", flush=True)
    pack = demo.work / "demo.ckpack"
    _run_authority("build-pack", *demo.auth_args, "-o", str(pack), str(resource_path("itembank")))
    ws = Workspace.open(demo.centre, CENTRE_PASSPHRASE)
    try:
        ws.import_file(cert)
        ws.import_file(pack)
    finally:
        ws.close()
    print(f"· poste n° {KIOSK_NUMBER} enrôlé, sa fiche enregistrée par la console…", flush=True)
    with KioskSetup.open(demo.kiosk, demo.kiosk_provider(), clock=SystemClock()) as setup:
        record = setup.enrol(KIOSK_NUMBER, KIOSK_NAME)
    record_path = demo.usb / f"poste-{KIOSK_NUMBER:02d}.ckposte"
    write_atomic(record_path, record)
    enrol_kiosks(demo.centre, [record_path])


def prepare_today(demo: Demo) -> dict[str, str]:
    """Schedule today's session, import it, build the kiosk's kit and import it on the kiosk.

    Raises:
        KioskError: a step failed (its message says which).
    """
    today = datetime.now().astimezone()
    print(f"· session du {today:%d/%m/%Y} et ses candidats…", flush=True)
    roster, profiles = demo.work / "roster.csv", demo.work / "profiles.json"
    _roster(roster, f"{today:%d/%m/%Y}")
    _profiles(profiles)
    package = demo.work / f"session-{today:%Y%m%d}.cksess"
    password = demo.secret("invigilator-password.txt", INVIGILATOR_PASSWORD)
    _run_authority("schedule", *demo.auth_args, "--centre", str(demo.work / "centre.ccrt"),
                   "--pack", str(demo.work / "demo.ckpack"), "--roster", str(roster),
                   "--profiles", str(profiles), "--invigilator-password-file", str(password),
                   "-o", str(package))  # fmt: skip
    ws = Workspace.open(demo.centre, CENTRE_PASSPHRASE)
    try:
        session_id = ws.import_file(package).ident
        print("· kit du poste préparé par la console (clé USB de démonstration)…", flush=True)
        batch = prepare_kits(ws, session_id, demo.usb, kiosk_numbers=[KIOSK_NUMBER])
    finally:
        ws.close()
    (kit,) = batch.kits
    print("· kit importé sur le poste avec son code…", flush=True)
    with KioskSetup.open(demo.kiosk, demo.kiosk_provider(), clock=SystemClock()) as setup:
        authority_keys = load_identity(demo.usb / "authority-public.json")
        import_kit(setup, kit.data, kit.code, authority_keys)
    state = {"session_id": session_id, "day": f"{today:%Y-%m-%d}", "kit_file": kit.file_name,
             "kit_code": kit.code}  # fmt: skip
    write_atomic(demo.state, json.dumps(state, ensure_ascii=False, indent=1).encode("utf-8"))
    return state


def print_details(demo: Demo, state: dict[str, str]) -> None:
    """What the demo user needs: check-in details, secrets, and where things are."""
    ws = Workspace.open(demo.centre, CENTRE_PASSPHRASE)
    try:
        package = ws.package(state["session_id"])
    finally:
        ws.close()
    details = package.details
    print()
    print("=== Démo certkiosk : la console du centre et un poste candidat ===")
    print(
        f"Session n° {details.session_id} du {details.date} — code d'accès : {details.access_code}"
    )
    print("Candidats (nom, prénom, date de naissance) :")
    for candidate in package.candidates:
        born = "/".join(reversed(candidate.birth_date.split("-")))
        extra = f"  (temps majoré {candidate.extra_time_pct} %)" if candidate.extra_time_pct else ""
        print(f"  - {candidate.last_name} {candidate.first_names} {born}{extra}")
    print(
        f"Mot de passe surveillant (sur le poste) : {INVIGILATOR_PASSWORD}  "
        "(Ctrl+Alt+Maj+S ou « Espace surveillant »)"
    )
    print(f"Phrase secrète du centre (console)     : {CENTRE_PASSPHRASE}")
    print(f"Poste n° {KIOSK_NUMBER} : kit {state['kit_file']} importé avec le code "
          f"{state['kit_code']}")  # fmt: skip
    print(f"Console : {demo.centre.root.resolve()}   Poste : {demo.kiosk.resolve()}")
    print(f"« Clé USB » (fiches, kits, exports) : {demo.usb.resolve()}")
    print(f"Tout est dans {demo.root.resolve()} (supprimez ce dossier pour repartir de zéro)")
    print()


def launch(demo: Demo, lang: str, fullscreen: bool) -> int:
    """Start the console and the kiosk as two processes; wait until both are closed."""
    python = sys.executable
    console = [python, "-m", "invigilator.cli", "console", "--home", str(demo.centre.root),
               "--passphrase-file", str(demo.work / "centre-passphrase.txt"), "--lang", lang,
               "--place", "right"]  # fmt: skip
    kiosk = [python, "-m", "kiosk.app.main", "--data-dir", str(demo.kiosk), "--passphrase-file",
             str(demo.work / "kiosk-passphrase.txt"), "--lang", lang]  # fmt: skip
    if not fullscreen:
        kiosk.append("--windowed")
    processes = [subprocess.Popen(console), subprocess.Popen(kiosk)]
    try:
        statuses = [p.wait() for p in processes]
    except KeyboardInterrupt:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait()
        return 130
    return max(statuses)


def main(argv: list[str] | None = None) -> int:
    """Create the demo once (and today's session), print its details, open console and kiosk."""
    parser = argparse.ArgumentParser(
        prog="python -m invigilator.demo", description=(__doc__ or "").splitlines()[0]
    )
    parser.add_argument(
        "--data", type=Path, default=DEMO_DIR, help="demo folder (default ./demo-data)"
    )
    parser.add_argument(
        "--fullscreen", action="store_true", help="open the kiosk locked down, full screen"
    )
    parser.add_argument("--no-launch", action="store_true", help="prepare and print only")
    parser.add_argument("--lang", choices=("fr", "en"), default="fr")
    args = parser.parse_args(argv)
    demo = Demo(args.data)
    try:
        if demo.root.exists() and not demo.centre.initialised():
            raise InvalidInput(
                f"{demo.root} existe mais ne contient pas la démo actuelle : supprimez-le "
                "(ou choisissez un autre dossier avec --data)"
            )
        if not demo.centre.initialised():
            print(f"Préparation de la démo dans {demo.root}/ (une seule fois)…", flush=True)
            create_centre(demo)
        state = demo.load_state()
        if state.get("day") != f"{datetime.now().astimezone():%Y-%m-%d}":
            state = prepare_today(demo)
        print_details(demo, state)
    except KioskError as exc:
        sys.stderr.write(f"demo: {exc.message}\n")
        return 2
    if args.no_launch:
        return 0
    return launch(demo, args.lang, args.fullscreen)


if __name__ == "__main__":
    raise SystemExit(main())
