"""The ``invigilator`` kiosk sub-commands: ``kiosk-enrol``, ``kiosks`` and ``kits``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from invigilator import kiosks as preparing
from invigilator.cli_commands import home_of, workspace

COMMANDS_HELP = {
    "kiosk-enrol": "enregistrer des postes d'après leur fiche (.ckposte)",
    "kiosks": "lister les postes enregistrés et les kits préparés",
    "kits": "préparer les kits de poste d'une session (codes et feuille des kits)",
}


def register(
    sub: argparse._SubParsersAction[Any],
    common: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add the kiosk sub-commands to the ``invigilator`` parser; ``common`` adds --home etc."""
    p = sub.add_parser("kiosk-enrol", help=COMMANDS_HELP["kiosk-enrol"])
    common(p)
    p.add_argument(
        "files", type=Path, nargs="+", metavar="FILE", help="fiches .ckposte ou dossiers (clé USB)"
    )
    p.add_argument(
        "--replace",
        action="store_true",
        help="une fiche pour un numéro déjà pris remplace l'ancien poste (poste réinstallé)",
    )
    p.set_defaults(func=kiosk_enrol)

    p = sub.add_parser("kiosks", help=COMMANDS_HELP["kiosks"])
    common(p)
    p.set_defaults(func=list_kiosks)

    p = sub.add_parser("kits", help=COMMANDS_HELP["kits"])
    common(p)
    p.add_argument("--session", required=True, metavar="ID", help="numéro de session")
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="DIR", help="dossier des kits (clé USB)"
    )
    who = p.add_mutually_exclusive_group()
    who.add_argument("--room", action="store_true", help="un seul kit pour toute la salle")
    who.add_argument(
        "--kiosk",
        type=int,
        action="append",
        metavar="N",
        help="préparer le kit du poste n° N (répétable ; défaut : tous les postes)",
    )
    p.add_argument(
        "--sheet",
        type=Path,
        default=None,
        metavar="PDF",
        help="où enregistrer la feuille des kits (défaut : dossier de la session du centre ; "
        "jamais sur la clé des kits)",
    )
    p.set_defaults(func=kits)


def kiosk_enrol(args: argparse.Namespace) -> int:
    """Enrol kiosks from their record files; a refused file is one line on stderr."""
    outcomes = preparing.enrol_kiosks(home_of(args), args.files, replace=args.replace)
    for outcome in outcomes:
        if outcome.kiosk is not None:
            print(f"{outcome.file} : {outcome.message}")
        else:
            sys.stderr.write(f"invigilator: {outcome.file} refusé : {outcome.message}\n")
    return 2 if any(o.kiosk is None for o in outcomes) else 0


def list_kiosks(args: argparse.Namespace) -> int:
    """List the enrolled kiosks and, for each, the sessions it has a kit for."""
    reg = preparing.registry(home_of(args))
    records = reg.kiosks()
    if not records:
        print("Aucun poste enregistré.")
    for record in records:
        sessions = sorted(
            {k.session_id for k in reg.kits if k.kiosk_key_id in (record.key_id, None)}
        )
        kit_text = f"kits : {', '.join(sessions)}" if sessions else "aucun kit"
        print(f"{record.number}\t{record.name}\t{record.kiosk_id}\tclé {record.key_id}\t{kit_text}")
    return 0


def kits(args: argparse.Namespace) -> int:
    """Build a session's kits into a folder, print their codes and save the kit sheet."""
    with workspace(args) as ws:
        batch = preparing.prepare_kits(
            ws, args.session, args.output, kiosk_numbers=args.kiosk, room=args.room
        )
        sheet = args.sheet or preparing.default_sheet_path(ws.home, args.session)
    preparing.save_sheet(batch, sheet)
    print(f"{len(batch.kits)} kit(s) écrit(s) dans {batch.folder}")
    for line in batch.lines():
        print(line)
    print(f"Feuille des kits (codes, confidentielle) : {sheet}")
    return 0
