"""``make demo`` (``python -m invigilator.demo``): a demo session, made once, and the kiosk on it.

The first run builds everything under ``./demo-data/`` through the real chain of trust: an
authority (``authority init``), a centre (keys, enrolment, certificate), a content pack from
``resources/itembank`` (``authority build-pack``), a session with three demo candidates
(``authority schedule``), imported on the centre side (signatures checked, pack key unwrapped); the
session and the pack's items are then installed in the kiosk's data folder. Later runs reuse it.
It prints the check-in details and the invigilator password, then opens the kiosk (in a window;
``--fullscreen`` for the real locked-down look).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

from authority.cli import main as authority
from kiosk.app.kiosk_session import (
    MemoryKioskSession,
    has_session_file,
    read_session_file,
    write_session_file,
)
from kiosk.core.errors import InvalidInput, KioskError
from kiosk.core.framework import default_framework
from kiosk.core.itembank import load_bank
from kiosk.resources import resource_path
from kiosk.seal.authority_identity import load_identity
from kiosk.seal.centre import (
    create_centre,
    import_centre_certificate,
    import_content_pack,
    import_session_package,
)
from kiosk.store.key_providers import PassphraseProvider

DEMO_DIR = Path("demo-data")
AUTHORITY_PASSPHRASE = "autorite-demo-2025"
CENTRE_PASSPHRASE = "centre-demo-2025"
KIOSK_PASSPHRASE = "kiosque-demo-2025"
INVIGILATOR_PASSWORD = "surveillant-demo"
CENTRE_ID = "CENTRE-DEMO"
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


def _secret(folder: Path, name: str, value: str) -> Path:
    path = folder / name
    path.write_text(value + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


def _run_authority(*args: str) -> None:
    status = authority(list(args))
    if status != 0:
        raise KioskError(f"authority {args[0]} failed (exit {status})")


def _roster(path: Path) -> None:
    today = datetime.now().strftime("%d/%m/%Y")
    session = ["", "Centre de démonstration", "Salle 2", today, "09:00", "Mme Leroy", ""]
    rows = [ROSTER_HEADER]
    for index, (last, first, born, sex, extra) in enumerate(CANDIDATES):
        cells = session if index == 0 else [""] * 7
        person = [
            last,
            first,
            born,
            sex,
            "69123",
            "69001",
            "Lyon",
            "France",
            "",
            "",
            f"DEMO-{index + 1}",
            extra,
        ]
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
        profiles.append(
            {
                "external_id": f"DEMO-{index + 1}",
                "last_name": last,
                "first_names": first,
                "birth_date": f"{year}-{month}-{day}",
                "competences": competences,
            }
        )
    doc = {"format": "certkiosk/profiles", "version": 1, "profiles": profiles}
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")


def create_demo(root: Path) -> None:
    """Build the authority, centre, pack and session, and install the session in the kiosk folder.

    Raises:
        InvalidInput: the item bank is empty or invalid (the demo needs it).
        KioskError: any step of the chain failed (its message says which).
    """
    bank_root = resource_path("itembank")
    if not bank_root.is_dir() or not any(bank_root.glob("*.yaml")):
        raise InvalidInput(f"la banque d'items {bank_root} est vide : la démo en a besoin")
    work = root / "work"
    auth_home = root / "authority"
    centre_dir = root / "centre"
    kiosk_dir = root / "kiosk"
    for folder in (work, centre_dir, kiosk_dir):
        folder.mkdir(parents=True, exist_ok=True)
    auth_pass = _secret(work, "authority-passphrase.txt", AUTHORITY_PASSPHRASE)
    password_file = _secret(work, "invigilator-password.txt", INVIGILATOR_PASSWORD)
    _secret(root, "kiosk-passphrase.txt", KIOSK_PASSPHRASE)
    print("· autorité de démonstration…", flush=True)
    _run_authority(
        "init",
        "--home",
        str(auth_home),
        "--passphrase-file",
        str(auth_pass),
        "--name",
        "Organisme de démonstration",
    )
    now = datetime.now(UTC)
    centre = create_centre(CENTRE_ID, "Centre de démonstration", CENTRE_PASSPHRASE, now)
    (centre_dir / "centre.keystore").write_bytes(centre.keystore)
    (work / "centre.request").write_bytes(centre.request)
    cert_path = centre_dir / "centre.cert"
    print("· centre et certificat…", flush=True)
    _run_authority(
        "enrol-centre",
        "--home",
        str(auth_home),
        "--passphrase-file",
        str(auth_pass),
        "-o",
        str(cert_path),
        str(work / "centre.request"),
    )
    pack_path = work / "demo.pack"
    print("· paquet de contenu (banque d'items)…", flush=True)
    _run_authority(
        "build-pack",
        "--home",
        str(auth_home),
        "--passphrase-file",
        str(auth_pass),
        "-o",
        str(pack_path),
        str(bank_root),
    )
    _roster(work / "roster.csv")
    _profiles(work / "profiles.json")
    package_path = work / "session.pkg"
    print("· session et candidats…", flush=True)
    _run_authority(
        "schedule", "--home", str(auth_home), "--passphrase-file", str(auth_pass),
        "--centre", str(cert_path), "--pack", str(pack_path), "--roster", str(work / "roster.csv"),
        "--profiles", str(work / "profiles.json"), "--invigilator-password-file", str(password_file),
        "-o", str(package_path),
    )  # fmt: skip
    authority_public = load_identity(auth_home / "authority-public.json")
    now = datetime.now(UTC)
    cert = import_centre_certificate(
        cert_path.read_bytes(), authority_public, centre.keys.public, now
    )
    package = import_session_package(
        package_path.read_bytes(), authority_public, centre.keys, cert, now
    )
    pack = import_content_pack(pack_path.read_bytes(), authority_public, package, now)
    session = MemoryKioskSession(
        details=package.details,
        candidates=package.candidates,
        items={item.id: item for item in pack.items},
        password_hash=package.invigilator_password_hash,
        media=dict(pack.media),
        kiosk_id="poste-demo",
    )
    print("· installation sur le kiosque…", flush=True)
    write_session_file(kiosk_dir, session, session.media, PassphraseProvider(KIOSK_PASSPHRASE))


def print_details(root: Path) -> None:
    """What the demo user needs to check in and to act as the invigilator."""
    session = read_session_file(root / "kiosk", PassphraseProvider(KIOSK_PASSPHRASE))
    details = session.details
    print()
    print("=== Démo certkiosk ===")
    print(f"Numéro de session : {details.session_id}")
    print(f"Code d'accès      : {details.access_code}")
    print("Candidats (nom, prénom, date de naissance) :")
    for candidate in session.candidates:
        born = "/".join(reversed(candidate.birth_date.split("-")))
        extra = f"  (temps majoré {candidate.extra_time_pct} %)" if candidate.extra_time_pct else ""
        print(f"  - {candidate.last_name} {candidate.first_names} {born}{extra}")
    print(
        f"Mot de passe surveillant : {INVIGILATOR_PASSWORD}  (Ctrl+Alt+Maj+S ou « Espace surveillant »)"
    )
    print(f"Données : {root.resolve()}  (supprimez ce dossier pour repartir de zéro)")
    print()


def main(argv: list[str] | None = None) -> int:
    """Create the demo once, print its details, open the kiosk."""
    parser = argparse.ArgumentParser(
        prog="python -m invigilator.demo", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--data", type=Path, default=DEMO_DIR, help="demo folder (default ./demo-data)"
    )
    parser.add_argument(
        "--fullscreen", action="store_true", help="open the kiosk locked down, full screen"
    )
    parser.add_argument("--no-kiosk", action="store_true", help="prepare and print only")
    parser.add_argument("--lang", choices=("fr", "en"), default="fr")
    args = parser.parse_args(argv)
    root: Path = args.data
    try:
        if not has_session_file(root / "kiosk"):
            print(f"Préparation de la démo dans {root}/ (une seule fois)…", flush=True)
            create_demo(root)
        print_details(root)
    except KioskError as exc:
        sys.stderr.write(f"demo: {exc.message}\n")
        return 2
    if args.no_kiosk:
        return 0
    from kiosk.app.main import main as kiosk_main

    kiosk_args = [
        "--data-dir",
        str(root / "kiosk"),
        "--passphrase-file",
        str(root / "kiosk-passphrase.txt"),
        "--lang",
        args.lang,
    ]
    if not args.fullscreen:
        kiosk_args.append("--windowed")
    return kiosk_main(kiosk_args)


if __name__ == "__main__":
    raise SystemExit(main())
