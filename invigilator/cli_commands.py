"""The ``invigilator`` sub-commands: each reads its arguments and calls the workspace."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from invigilator import collect as collecting
from invigilator import export as exporting
from invigilator import finalise as finalising
from invigilator.home import CentreHome
from invigilator.responder import respond as answer
from invigilator.workspace import Workspace
from kiosk.core.errors import InvalidInput, UserError
from kiosk.seal.atomic import write_atomic
from kiosk.seal.timestamps import utc_now
from kiosk.terminal import ask_secret

HOME_ENV = "CERTKIOSK_CENTRE_HOME"
STATUS_FR = {"created": "créée", "finalised": "finalisée", "exported": "exportée"}


def home_of(args: argparse.Namespace) -> CentreHome:
    """The centre home chosen by ``--home``, the environment or the default."""
    if args.home is not None:
        return CentreHome(Path(args.home))
    env = os.environ.get(HOME_ENV)
    return CentreHome(Path(env) if env else Path.home() / ".certkiosk-centre")


def read_secret(path: Path, what: str) -> str:
    """The first line of a secret file.

    Raises:
        InvalidInput: unreadable, not UTF-8, or empty.
    """
    try:
        lines = path.read_bytes().decode("utf-8-sig").splitlines()
    except FileNotFoundError:
        raise InvalidInput(f"Le fichier {path} ({what}) n'existe pas") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"Le fichier {path} ({what}) n'est pas du texte UTF-8") from None
    except OSError as exc:
        raise InvalidInput(f"Impossible de lire {path} ({exc.strerror})") from None
    if not lines or not lines[0]:
        raise InvalidInput(f"Le fichier {path} ({what}) est vide")
    return lines[0]


def passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    """The centre passphrase: from ``--passphrase-file`` or asked (twice with ``confirm``)."""
    if args.passphrase_file is not None:
        return read_secret(Path(args.passphrase_file), "phrase secrète")
    first = ask_secret("Phrase secrète du centre : ", "phrase secrète")
    if confirm and ask_secret("Confirmez : ", "phrase secrète") != first:
        raise UserError("Les deux phrases secrètes diffèrent")
    return first


@contextmanager
def workspace(args: argparse.Namespace) -> Iterator[Workspace]:
    """The unlocked workspace for one command, closed afterwards."""
    home = home_of(args)
    home.identity()  # no centre here: say so before asking for a passphrase
    ws = Workspace.open(home, passphrase(args))
    try:
        yield ws
    finally:
        ws.close()


def init_centre(args: argparse.Namespace) -> int:
    """Create the centre's keys and enrolment request."""
    home = home_of(args)
    request = home.create(
        args.centre_id, args.name, args.authority, passphrase(args, confirm=True), utc_now()
    )
    if args.output is not None:
        write_atomic(args.output, request)
    ident = home.identity()
    print(f"Centre {ident.centre_id} « {ident.name} » créé (clé {ident.key_id}).")
    print(
        "Envoyez la demande d'inscription à l'organisme certificateur : "
        f"{args.output or home.request_path}"
    )
    return 0


def import_certificate(args: argparse.Namespace) -> int:
    """Import the centre certificate."""
    with workspace(args) as ws:
        print(ws.import_file(args.file).message)
    return 0


def import_files(args: argparse.Namespace) -> int:
    """Import packs and session packages; a refused file is one line on stderr."""
    failed = 0
    with workspace(args) as ws:
        for path in args.files:
            try:
                print(ws.import_file(path).message)
            except UserError as exc:
                failed += 1
                sys.stderr.write(f"invigilator: {path.name} refusé : {exc.message}\n")
    return 2 if failed else 0


def sessions(args: argparse.Namespace) -> int:
    """List the sessions with their status."""
    with workspace(args) as ws:
        rows = ws.sessions()
        if not rows:
            print("Aucune session importée.")
        for s in rows:
            pack = "" if s.pack_ready else " — contenu d'épreuve à importer"
            print(
                f"{s.session_id}\t{s.date} {s.time}\t{s.room}\t{s.candidate_count} candidat(s)\t"
                f"{STATUS_FR.get(s.status, s.status)}{pack}"
            )
    return 0


def roster(args: argparse.Namespace) -> int:
    """Print the roster with each candidate's state from the merged logs."""
    with workspace(args) as ws:
        for row in ws.roster(args.session):
            progress = f"{row.done}/{row.total}" if row.total else "—"
            print(f"{row.number}\t{row.name}\t{row.state_fr}\t{progress}\t{row.kiosk_id or '—'}")
    return 0


def respond(args: argparse.Namespace) -> int:
    """Answer a kiosk's challenge."""
    with workspace(args) as ws:
        result = answer(ws, args.session, args.challenge)
    kiosk = f" ({result.kiosk_id})" if result.kiosk_id else ""
    print(f"Poste {result.challenge.kiosk}{kiosk} — {result.candidate_name} — {result.action_fr}")
    print(f"Code réponse : {result.response}")
    return 0


def collect(args: argparse.Namespace) -> int:
    """Merge the kiosk exports found in a folder."""
    with workspace(args) as ws:
        report = collecting.collect(ws, args.session, args.folder)
    for outcome in report.outcomes:
        if outcome.merged:
            print(f"{outcome.file} (poste {outcome.kiosk_id}) : {outcome.message}")
        else:
            sys.stderr.write(f"invigilator: {outcome.file} refusé : {outcome.message}\n")
    return 2 if report.refused else 0


def finalise(args: argparse.Namespace) -> int:
    """Write a draft finalisation, or record a completed one."""
    with workspace(args) as ws:
        if args.draft is not None:
            text = json.dumps(
                finalising.draft(ws, args.session).to_dict(), ensure_ascii=False, indent=2
            )
            if str(args.draft) == "-":
                print(text)
            else:
                write_atomic(args.draft, text.encode("utf-8") + b"\n")
                print(f"Rapport pré-rempli : {args.draft}")
            return 0
        try:
            data = args.file.read_bytes()
        except FileNotFoundError:
            raise InvalidInput(f"Le fichier {args.file} n'existe pas") from None
        except OSError as exc:
            raise InvalidInput(f"Impossible de lire {args.file} ({exc.strerror})") from None
        report = finalising.read_report(data, args.file.name)
        finalising.finalise(ws, args.session, report)
    print(f"Session {args.session} finalisée.")
    return 0


def export(args: argparse.Namespace) -> int:
    """Write the result bundle into a folder."""
    with workspace(args) as ws:
        path = exporting.export_bundle(ws, args.session, args.output)
    print(f"Résultats exportés : {path}")
    return 0


def print_document(args: argparse.Namespace) -> int:
    """Save the attendance sheet or the session report as PDF."""
    with workspace(args) as ws:
        if args.document == "attendance":
            data = exporting.attendance_pdf(ws, args.session)
        else:
            data = exporting.report_pdf(ws, args.session)
    exporting.save_pdf(data, args.output)
    print(f"Document enregistré : {args.output}")
    return 0


def console(args: argparse.Namespace) -> int:
    """Open the graphical console."""
    from invigilator.app.main import run_console

    password = read_secret(args.passphrase_file, "phrase secrète") if args.passphrase_file else None
    return run_console(home_of(args), lang=args.lang, passphrase=password, place=args.place)
