"""The ``invigilator`` command line: the centre manager's tools, for scripting.

Every command takes ``--home DIR`` (default ``$CERTKIOSK_CENTRE_HOME`` or ``~/.certkiosk-centre``)
and ``--passphrase-file FILE`` (else the passphrase is asked). An error a person can fix is one
line on stderr and exit status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from invigilator import cli_commands, cli_kiosks
from kiosk.core.errors import Bug, KioskError

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: erreur : {message}\n")
        raise SystemExit(EXIT_USAGE)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--home",
        type=Path,
        default=None,
        help="dossier du centre (clés, certificat, sessions) ; défaut $CERTKIOSK_CENTRE_HOME "
        "ou ~/.certkiosk-centre",
    )
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        default=None,
        help="lire la phrase secrète du centre dans ce fichier (première ligne)",
    )


def _session(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--session", required=True, metavar="ID", help="numéro de session")


def build_parser() -> argparse.ArgumentParser:
    """The full ``invigilator`` parser."""
    parser = _Parser(prog="invigilator", description="certkiosk — console du centre d'examen")
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser("init-centre", help="créer les clés du centre et la demande d'inscription")
    _common(p)
    p.add_argument("--centre-id", required=True, help="identifiant du centre (ex. CTR-01)")
    p.add_argument("--name", required=True, help="nom du centre")
    p.add_argument(
        "--authority",
        type=Path,
        required=True,
        metavar="FILE",
        help="clés publiques de l'organisme certificateur (authority-public.json)",
    )
    p.add_argument(
        "-o", "--output", type=Path, default=None, metavar="REQUEST", help="copie de la demande"
    )
    p.set_defaults(func=cli_commands.init_centre)

    p = sub.add_parser("import-certificate", help="importer le certificat du centre")
    _common(p)
    p.add_argument("file", type=Path, metavar="CERT")
    p.set_defaults(func=cli_commands.import_certificate)

    p = sub.add_parser("import", help="importer des sessions et contenus d'épreuve (vérifiés)")
    _common(p)
    p.add_argument("files", type=Path, nargs="+", metavar="FILE")
    p.set_defaults(func=cli_commands.import_files)

    p = sub.add_parser("sessions", help="lister les sessions et leur état")
    _common(p)
    p.set_defaults(func=cli_commands.sessions)

    p = sub.add_parser("roster", help="liste des candidats et état de leur test")
    _common(p)
    _session(p)
    p.set_defaults(func=cli_commands.roster)

    p = sub.add_parser("respond", help="répondre au code affiché par un poste")
    _common(p)
    _session(p)
    p.add_argument("challenge", metavar="CHALLENGE", help="code du poste, ex. U-7-2-4-5")
    p.set_defaults(func=cli_commands.respond)

    cli_kiosks.register(sub, _common)

    p = sub.add_parser("collect", help="fusionner les exports des postes trouvés dans un dossier")
    _common(p)
    _session(p)
    p.add_argument("folder", type=Path, metavar="FOLDER")
    p.set_defaults(func=cli_commands.collect)

    p = sub.add_parser("finalise", help="finaliser la session (DOMAIN §6)")
    _common(p)
    _session(p)
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--file", type=Path, metavar="FINALISATION.json", help="le rapport")
    what.add_argument(
        "--draft",
        type=Path,
        metavar="OUT.json",
        help="écrire un rapport pré-rempli à compléter (« - » : sortie standard)",
    )
    p.set_defaults(func=cli_commands.finalise)

    p = sub.add_parser("export", help="exporter les résultats signés et chiffrés")
    _common(p)
    _session(p)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    p.set_defaults(func=cli_commands.export)

    p = sub.add_parser("print", help="enregistrer un document PDF")
    _common(p)
    _session(p)
    p.add_argument("document", choices=("attendance", "report"))
    p.add_argument("-o", "--output", type=Path, required=True, metavar="PDF")
    p.set_defaults(func=cli_commands.print_document)

    p = sub.add_parser("console", help="ouvrir la console graphique")
    _common(p)
    p.add_argument("--lang", choices=("fr", "en"), default="fr", help="langue (défaut fr)")
    p.add_argument(
        "--place",
        choices=("left", "right"),
        default=None,
        help="occuper la moitié gauche ou droite de l'écran (démo : à côté du poste)",
    )
    p.set_defaults(func=cli_commands.console)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one ``invigilator`` command; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        status: int = args.func(args)
    except Bug as exc:
        sys.stderr.write(f"invigilator: erreur interne (à signaler) : {exc.message}\n")
        return EXIT_USAGE
    except KioskError as exc:
        sys.stderr.write(f"invigilator: {' '.join(exc.message.split())}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("invigilator: interrompu\n")
        return 130
    return status


if __name__ == "__main__":
    sys.exit(main())
