"""Build the media files of item-bank competences 3.4, 4.1, 4.2, 4.3, 5.1 and 5.2.

Run with the project venv from anywhere:
    .venv/bin/python resources/itembank/make_media/3.4_to_5.2.py
Everything is fixed (values, dates, zip timestamps, PDF ids), so a re-run rewrites identical bytes.
The numbers the items ask about come from the tables below; change them and the keys change too.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P
from openpyxl import Workbook
from openpyxl.styles import Font
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

BANK = Path(__file__).resolve().parent.parent
STAMP = datetime(2024, 11, 15, 10, 0, 0)
ZIP_DATE = (2024, 11, 15, 10, 0, 0)
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")

Row = Sequence[object]


# ------------------------------------------------------------------ writers


def target(comp: str, name: str) -> Path:
    """Path of one media file of a competence; creates its folder."""
    folder = BANK / "media" / comp
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def ttf(size: int, bold: bool = False, mono: bool = False) -> ImageFont.FreeTypeFont:
    """A DejaVu font at a pixel size."""
    name = "DejaVuSansMono" if mono else "DejaVuSans"
    return ImageFont.truetype(str(DEJAVU / f"{name}{'-Bold' if bold else ''}.ttf"), size)


def save_text(path: Path, text: str) -> None:
    """UTF-8 text, LF line ends."""
    path.write_bytes(text.encode("utf-8"))


def save_csv(path: Path, rows: Sequence[Row]) -> None:
    """Semicolon-separated UTF-8 CSV, as French spreadsheets export it."""
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\n").writerows(rows)
    save_text(path, buf.getvalue())


def normalise_zip(path: Path) -> None:
    """Rewrite a zip container with fixed timestamps and fixed document dates."""
    with zipfile.ZipFile(path) as src:
        entries = [(info, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w") as dst:
        for info, data in entries:
            if info.filename.endswith(("core.xml", "meta.xml")):
                text = data.decode("utf-8")
                text = re.sub(
                    r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?", "2024-11-15T10:00:00Z", text
                )
                data = text.encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = info.compress_type
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, data)


def save_xlsx(path: Path, sheet: str, rows: Sequence[Row]) -> None:
    """One-sheet workbook, bold header row, values only (no formulas)."""
    book = Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(list(row))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for col in ws.columns:
        width = max(len(str(c.value)) for c in col if c.value is not None)
        ws.column_dimensions[col[0].column_letter].width = min(width + 2, 60)
    book.properties.creator = "certkiosk"
    book.properties.created = STAMP
    book.properties.modified = STAMP
    book.save(path)
    normalise_zip(path)


def save_ods(path: Path, sheet: str, rows: Sequence[Row]) -> None:
    """One-sheet OpenDocument spreadsheet with typed cells."""
    doc = OpenDocumentSpreadsheet()
    table = Table(name=sheet)
    for row in rows:
        tr = TableRow()
        for value in row:
            if isinstance(value, int | float) and not isinstance(value, bool):
                cell = TableCell(valuetype="float", value=value)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    normalise_zip(path)


def save_zip(path: Path, files: Sequence[tuple[str, int]]) -> None:
    """A zip whose listing matters: each entry gets filler bytes of the given size."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for name, size in files:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.external_attr = 0o644 << 16
            zf.writestr(info, bytes((i * 7) % 251 for i in range(size)))


def save_pdf(path: Path, title: str, pages: Sequence[Sequence[str]]) -> None:
    """A4 PDF, one list of lines per page; lines starting with '# ' are section headings."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setTitle(title)
    pdf.setAuthor("certkiosk")
    width, height = A4
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("Helvetica-Bold", 16)
        pdf.drawString(56, height - 64, title)
        y = height - 100
        for line in lines:
            if line.startswith("# "):
                y -= 6
                pdf.setFont("Helvetica-Bold", 12)
                pdf.drawString(56, y, line[2:])
            else:
                pdf.setFont("Helvetica", 10.5)
                pdf.drawString(56, y, line)
            y -= 17
        pdf.setFont("Helvetica", 8)
        pdf.drawRightString(width - 56, 36, f"Page {number}/{len(pages)}")
        pdf.showPage()
    pdf.save()


def save_html(path: Path, title: str, body: str) -> None:
    """Self-contained HTML page (inline CSS, no network)."""
    page = (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>\n"
        "body{font-family:sans-serif;margin:1.5em;color:#222;max-width:52em}\n"
        "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3em .6em}\n"
        ".entete{background:#f2f2f2;padding:.6em;border:1px solid #ccc}\n"
        "</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )
    save_text(path, page)


def dialog(path: Path, title: str, rows: Sequence[tuple[str, str]], width: int = 560) -> None:
    """PNG of a simple properties dialog: a title bar then label/value rows."""
    height = 70 + 30 * len(rows) + 20
    img = Image.new("RGB", (width, height), "#f3f3f3")
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, width - 1, 34), fill="#dfe6ee")
    draw.text((12, 8), title, fill="#111", font=ttf(15, bold=True))
    draw.text((width - 28, 7), "×", fill="#333", font=ttf(17))
    draw.rectangle((0, 0, width - 1, height - 1), outline="#8a8a8a")
    y = 54
    for label, value in rows:
        draw.text((18, y), label, fill="#444", font=ttf(13))
        draw.text((220, y), value, fill="#000", font=ttf(13))
        y += 30
    img.quantize(64).save(path, optimize=True)


# ------------------------------------------------------------------ 3.4 Programmer

NOTES = [
    ("Adam", "11,5"),
    ("Amélie", "13"),
    ("Bastien", "9"),
    ("Chloé", "12"),
    ("Dylan", "15,5"),
    ("Emma", "11,75"),
    ("Farid", "12,25"),
    ("Gaëlle", "8,5"),
    ("Hugo", "17"),
    ("Inès", "12"),
    ("Jules", "10"),
    ("Kenza", "14"),
    ("Lucas", "11,99"),
    ("Manon", "16"),
]
VISITORS = [
    ("Visiteur 1", 8),
    ("Visiteur 2", 35),
    ("Visiteur 3", 12),
    ("Visiteur 4", 67),
    ("Visiteur 5", 65),
    ("Visiteur 6", 11),
    ("Visiteur 7", 40),
    ("Visiteur 8", 70),
    ("Visiteur 9", 15),
    ("Visiteur 10", 64),
    ("Visiteur 11", 6),
    ("Visiteur 12", 42),
]
PUPILS = [
    ("Arnaud", "3A", "latin", 16),
    ("Bérénice", "3B", "latin", 11),
    ("Camille", "3B", "aucune", 15),
    ("Diane", "3B", "espagnol", 14.5),
    ("Élias", "3A", "aucune", 17),
    ("Fanny", "3B", "aucune", 9),
    ("Gabriel", "3C", "latin", 15),
    ("Hector", "3B", "allemand", 12),
    ("Iris", "3B", "latin", 13),
    ("Joseph", "3A", "latin", 10),
]
PHOTOS = [
    "IMG_0001.jpg",
    "IMG_0002.JPG",
    "IMG_0003.jpg",
    "IMG_0004.jpeg",
    "IMG_0005.jpg",
    "IMG_0006.png",
    "notes.txt",
    "IMG_0007.jpg",
    "IMG_0008.JPG",
]


def ticket_price(age: int) -> int:
    """The pricing algorithm of item 3.4-automatisation-4-a."""
    if age < 12:
        return 5
    if age >= 65:
        return 7
    return 10


def media_3_4() -> None:
    """Files of competence 3.4."""
    save_csv(target("3.4", "moyennes.csv"), [("eleve", "moyenne"), *NOTES])
    save_text(
        target("3.4", "erreur_compta.txt"),
        "Traceback (most recent call last):\n"
        '  File "C:\\Compta\\main.py", line 18, in <module>\n'
        "    rapport = generer_rapport(clients)\n"
        '  File "C:\\Compta\\rapport.py", line 9, in generer_rapport\n'
        "    total += calculer_remise(c)\n"
        '  File "C:\\Compta\\remises.py", line 27, in calculer_remise\n'
        "    return client.montant / client.nb_achats\n"
        "ZeroDivisionError: division by zero\n",
    )
    save_xlsx(target("3.4", "visiteurs.xlsx"), "Entrées", [("Visiteur", "Âge"), *VISITORS])
    save_csv(
        target("3.4", "eleves.csv"),
        [("nom", "classe", "option", "moyenne")]
        + [(n, c, o, str(m).replace(".", ",")) for n, c, o, m in PUPILS],
    )
    save_text(
        target("3.4", "contacts.txt"),
        "{\n"
        '  "contacts": [\n'
        '    {"id": 101, "nom": "Martin", "ville": "Lyon", "tags": ["client", "vip"]},\n'
        '    {"id": 102, "nom": "Nguyen", "ville": "Lille", "tags": ["fournisseur"]},\n'
        '    {"id": 103, "nom": "Ortiz", "ville": "Rennes", "tags": []}\n'
        "  ]\n"
        "}\n",
    )
    save_zip(
        target("3.4", "photos.zip"),
        [(f"photos/{name}", 1200 + 97 * i) for i, name in enumerate(PHOTOS)],
    )


# ------------------------------------------------------------------ 4.1 Sécuriser

WORKSTATIONS = [
    ("PC-ACCUEIL", "Windows 11", "12/11/2024"),
    ("PC-COMPTA1", "Windows 11", "10/09/2024"),
    ("PC-COMPTA2", "Windows 11", "12/11/2024"),
    ("PC-DIRECTION", "macOS 15", "30/10/2024"),
    ("PC-ATELIER", "Windows 7", "14/01/2020"),
    ("PC-STAGIAIRE", "Windows 11", "15/10/2024"),
    ("PC-RH", "Ubuntu 24.04", "14/11/2024"),
    ("PC-COMMERCIAL", "Windows 11", "16/10/2024"),
    ("PORTABLE-01", "Windows 11", "02/08/2024"),
    ("PORTABLE-02", "macOS 15", "01/11/2024"),
]
LOGINS = [
    ("04/11/2024", "08:12", "PC portable", "Firefox", "Nantes", "France", "Réussie"),
    ("04/11/2024", "19:40", "iPhone", "Safari", "Nantes", "France", "Réussie"),
    ("05/11/2024", "03:17", "Windows", "Chrome", "Lagos", "Nigeria", "Échec (mot de passe)"),
    ("05/11/2024", "03:18", "Windows", "Chrome", "Lagos", "Nigeria", "Échec (mot de passe)"),
    ("05/11/2024", "03:21", "Windows", "Chrome", "Lagos", "Nigeria", "Réussie"),
    ("05/11/2024", "08:05", "PC portable", "Firefox", "Nantes", "France", "Réussie"),
    ("05/11/2024", "12:30", "iPhone", "Safari", "Nantes", "France", "Réussie"),
    ("06/11/2024", "08:09", "PC portable", "Firefox", "Angers", "France", "Réussie"),
]


def media_4_1() -> None:
    """Files of competence 4.1."""
    save_html(
        target("4.1", "mail_colis.html"),
        "Votre colis est en attente",
        '<div class="entete"><b>De :</b> Suivi Colis &lt;notification@suivi-colis-livraison.info&gt;'
        "<br><b>À :</b> vous<br><b>Objet :</b> Votre colis est en attente - frais de réexpédition"
        " de 1,99 €<br><b>Date :</b> 12/11/2024 06:41</div>\n"
        "<h2>Votre colis n° FR8812 n'a pas pu être livré</h2>\n"
        "<p>Bonjour,</p><p>Votre colis n'a pas pu être livré car les frais de réexpédition "
        "(1,99 €) n'ont pas été réglés. Sans paiement sous <b>24 heures</b>, il sera renvoyé à "
        "l'expéditeur.</p>\n"
        "<p>Pour programmer une nouvelle livraison, copiez ce lien dans votre navigateur :</p>\n"
        "<p><code>https://www.laposte.fr.suivi-colis-livraison.info/paiement?id=FR8812</code></p>\n"
        "<p>Cordialement,<br>Le service Suivi Colis</p>",
    )
    save_text(
        target("4.1", "message_banque.txt"),
        'From: "Crédit Mutualiste - Sécurité" <securite@credit-mutualiste.fr>\n'
        "Reply-To: assistance.cm.securite@gmail.com\n"
        "Return-Path: <bounce@mailer-9x7.ru>\n"
        "To: undisclosed-recipients:;\n"
        "Date: Mon, 14 Oct 2024 03:12:45 +0300\n"
        "Subject: [URGENT] Votre compte sera suspendu sous 24h\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Authentication-Results: mx.fournisseur.fr; spf=fail smtp.mailfrom=mailer-9x7.ru;"
        " dkim=none; dmarc=fail header.from=credit-mutualiste.fr\n"
        "\n"
        "Cher client,\n"
        "\n"
        "Une activité inhabituelle a été détectée sur votre compte. Pour éviter sa suspension,\n"
        "confirmez votre identité sous 24 heures en vous connectant ici :\n"
        "http://credit-mutualiste.secure-verif.ru/login\n"
        "\n"
        "Munissez-vous du code de validation que vous recevrez par SMS.\n"
        "\n"
        "Le service Sécurité\n",
    )
    save_csv(
        target("4.1", "historique_connexions.csv"),
        [
            ("Date", "Heure", "Appareil", "Navigateur", "Ville (approx.)", "Pays", "Résultat"),
            *LOGINS,
        ],
    )
    dialog(
        target("4.1", "certificat.png"),
        "Visionneuse de certificat : espace-client.mutuelle-horizon.fr",
        [
            ("Délivré à (CN)", "espace-client.mutuelle-horizon.fr"),
            ("Organisation", "Mutuelle Horizon"),
            ("Délivré par", "TrustSign RSA CA 2023"),
            ("Valide à partir du", "02/01/2024 00:00"),
            ("Valide jusqu'au", "01/04/2024 23:59"),
            ("Clé publique", "RSA 2048 bits"),
            ("Empreinte SHA-256", "7C:2E:91:0A:5B:…:D4:18"),
        ],
        width=640,
    )
    save_zip(
        target("4.1", "facture_octobre.zip"),
        [
            ("Facture_octobre_2024.pdf.exe", 412_000 // 40),
            ("Conditions_generales.txt", 3_150),
            ("logo.png", 5_420),
        ],
    )
    save_xlsx(
        target("4.1", "parc_postes.xlsx"),
        "Parc",
        [("Poste", "Système", "Dernière mise à jour de sécurité"), *WORKSTATIONS],
    )


# ------------------------------------------------------------------ 4.2 Données personnelles

COOKIES = [
    (
        "PHPSESSID",
        "mediatheque-lumiere.fr",
        "Session",
        "Maintien de la connexion au compte lecteur",
    ),
    ("panier_resa", "mediatheque-lumiere.fr", "7 jours", "Mémorisation des réservations en cours"),
    ("consent_choice", "mediatheque-lumiere.fr", "6 mois", "Mémorisation de vos choix de cookies"),
    ("lang", "mediatheque-lumiere.fr", "1 an", "Langue d'affichage choisie"),
    ("_stat_id", ".audience-mesure.net", "13 mois", "Mesure d'audience"),
    ("IDE", ".adserver-regie.com", "13 mois", "Publicité ciblée"),
    ("_fbp", ".reseau-social.com", "3 mois", "Publicité et boutons de partage"),
    ("yt_pref", ".video-partage.com", "6 mois", "Lecture des vidéos intégrées"),
]


def beach_photo(path: Path) -> None:
    """Small JPEG of a garden scene whose EXIF carries author, date, camera and GPS."""
    img = Image.new("RGB", (320, 213), "#8ec9f0")
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 140, 320, 213), fill="#5aa05a")
    draw.ellipse((250, 20, 290, 60), fill="#ffd84a")
    draw.rectangle((40, 90, 120, 150), fill="#c98b5a")
    draw.polygon([(30, 92), (80, 55), (130, 92)], fill="#a0402a")
    draw.rectangle((180, 110, 190, 150), fill="#6b4a2a")
    draw.ellipse((160, 70, 210, 120), fill="#2f7d32")
    exif = Image.Exif()
    exif[0x010F] = "Fairphone"
    exif[0x0110] = "FP4"
    exif[0x013B] = "Julie Moreau"
    exif[0x0132] = "2024:07:14 16:32:05"
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (47.0, 13.0, 6.0)
    gps[3] = "W"
    gps[4] = (1.0, 33.0, 13.0)
    img.save(path, quality=80, exif=exif)


def media_4_2() -> None:
    """Files of competence 4.2."""
    beach_photo(target("4.2", "jardin.jpg"))
    dialog(
        target("4.2", "proprietes_jardin.png"),
        "Propriétés de jardin.jpg - Détails",
        [
            ("Auteurs", "Julie Moreau"),
            ("Prise de vue", "14/07/2024 16:32"),
            ("Fabricant de l'appareil", "Fairphone"),
            ("Modèle de l'appareil", "FP4"),
            ("Dimensions", "320 x 213"),
            ("Latitude", "47° 13′ 6″ N"),
            ("Longitude", "1° 33′ 13″ O"),
            ("Taille", "4,6 Ko"),
        ],
    )
    save_csv(
        target("4.2", "cookies_mediatheque.csv"),
        [("Nom", "Domaine", "Durée", "Finalité"), *COOKIES],
    )
    save_pdf(
        target("4.2", "confidentialite_courirplus.pdf"),
        "CourirPlus - Politique de confidentialité",
        [
            [
                "Version du 1er septembre 2024",
                "# 1. Responsable du traitement",
                "CourirPlus SAS, 12 quai des Chartrons, 33000 Bordeaux.",
                "Délégué à la protection des données (DPO) : dpo@courirplus.example",
                "# 2. Données collectées",
                "- Compte : nom, prénom, adresse e-mail, date de naissance.",
                "- Activité : traces GPS de vos courses, durée, distance, fréquence cardiaque",
                "  (si vous associez une montre).",
                "- Paiement de l'abonnement : traité par notre prestataire, nous ne conservons",
                "  que les 4 derniers chiffres de la carte.",
                "# 3. Finalités et bases légales",
                "- Fournir le service de suivi des courses (exécution du contrat).",
                "- Statistiques d'usage anonymisées (intérêt légitime).",
                "- Lettre d'information (consentement, retirable à tout moment).",
            ],
            [
                "# 4. Durées de conservation",
                "- Données de compte : durée de l'inscription, puis 3 ans après la dernière connexion.",
                "- Traces GPS des courses : 24 mois à compter de leur enregistrement.",
                "- Fréquence cardiaque : 12 mois.",
                "- Factures : 10 ans (obligation comptable).",
                "# 5. Destinataires et hébergement",
                "Données hébergées dans l'Union européenne (Dublin, Irlande).",
                "Aucune vente de données à des tiers.",
                "# 6. Vos droits",
                "Accès, rectification, effacement, limitation, portabilité, opposition :",
                "écrivez au DPO. Réponse sous un mois. En cas de désaccord, vous pouvez",
                "adresser une réclamation à la CNIL (www.cnil.fr).",
            ],
        ],
    )
    save_html(
        target("4.2", "inscription_club.html"),
        "Inscription - FC Les Tilleuls",
        "<h2>FC Les Tilleuls - Fiche d'inscription saison 2024-2025 (catégorie U13)</h2>\n"
        "<p>Les champs marqués * sont obligatoires.</p>\n<table>\n"
        + "".join(
            f"<tr><th>{label}</th><td>____________________</td></tr>\n"
            for label in [
                "Nom de l'enfant *",
                "Prénom de l'enfant *",
                "Date de naissance *",
                "Adresse postale *",
                "Téléphone du responsable légal *",
                "E-mail du responsable légal *",
                "Groupe sanguin *",
                "Allergies et traitements médicaux en cours *",
                "Religion (pour l'organisation des repas lors des tournois) *",
                "Profession des parents *",
                "Taille de maillot",
            ]
        )
        + "</table>\n<p><button>Envoyer</button></p>",
    )
    save_text(
        target("4.2", "reponse_demande_acces.txt"),
        "ÉlectroPlus - Service clients\n"
        "75011 Paris\n"
        "\n"
        "                                              Paris, le 28 mai 2024\n"
        "\n"
        "Madame Sophie Bernard\n"
        "\n"
        "Objet : votre demande d'accès à vos données du 3 mars 2024 (reçue le 4 mars 2024)\n"
        "\n"
        "Madame,\n"
        "\n"
        "Nous faisons suite à votre courrier par lequel vous demandiez, en application de\n"
        "l'article 15 du RGPD, la copie des données personnelles vous concernant.\n"
        "Vous trouverez ci-joint l'export de votre compte client et de vos commandes.\n"
        "\n"
        "Nous vous prions de bien vouloir excuser le délai de notre réponse, dû à une\n"
        "réorganisation de notre service.\n"
        "\n"
        "Veuillez agréer, Madame, nos salutations distinguées.\n"
        "\n"
        "Le service clients\n",
    )
    perms = [
        ("Appareil photo", True),
        ("Photos et vidéos", True),
        ("Contacts", True),
        ("Position (toujours)", True),
        ("Micro", True),
    ]
    img = Image.new("RGB", (360, 90 + 56 * len(perms)), "white")
    draw = ImageDraw.Draw(img)
    draw.text((18, 18), "ScanFacile - Autorisations", fill="#111", font=ttf(18, bold=True))
    draw.text((18, 50), "Autorisées pour cette application :", fill="#555", font=ttf(13))
    y = 86
    for label, allowed in perms:
        draw.text((18, y), label, fill="#000", font=ttf(15))
        draw.text((200, y + 1), "Autorisé" if allowed else "Refusé", fill="#555", font=ttf(13))
        draw.rounded_rectangle((290, y, 336, y + 22), radius=11, fill="#1a73e8")
        draw.ellipse((316, y + 2, 334, y + 20), fill="white")
        y += 56
    img.save(target("4.2", "autorisations_scanfacile.png"), optimize=True)


# ------------------------------------------------------------------ 4.3 Santé et environnement

SCREEN_TIME = [
    ("Lundi", 45, 30, 20, 15, 60),
    ("Mardi", 50, 40, 0, 20, 45),
    ("Mercredi", 90, 60, 45, 25, 30),
    ("Jeudi", 40, 25, 10, 15, 70),
    ("Vendredi", 70, 80, 30, 20, 20),
    ("Samedi", 80, 70, 60, 30, 0),
    ("Dimanche", 100, 75, 40, 25, 15),
]
DEVICES = [
    ("Téléviseur", 90, 4, 1, 20),
    ("Console de jeux", 140, 3, 10, 21),
    ("Décodeur TV", 20, 4, 14, 20),
    ("Box internet", 12, 24, 0, 0),
    ("Ordinateur fixe", 120, 8, 0.5, 16),
    ("Enceinte connectée", 6, 2, 3, 22),
]
INVENTORY = [
    ("PC portable Dell", 2017, "Fonctionnel", "Fait"),
    ("PC portable HP", 2016, "Fonctionnel", "À faire"),
    ("Écran 22 pouces", 2015, "Fonctionnel", "Sans objet"),
    ("Écran 19 pouces", 2012, "Hors service", "Sans objet"),
    ("Tour PC", 2014, "Hors service", "À faire"),
    ("Tablette A", 2018, "Fonctionnel", "Fait"),
    ("Tablette B", 2017, "Fonctionnel", "À faire"),
    ("Imprimante laser", 2016, "Fonctionnel", "Sans objet"),
    ("Clavier", 2019, "Fonctionnel", "Sans objet"),
    ("Vidéoprojecteur", 2013, "Hors service", "Sans objet"),
    ("Smartphone", 2019, "Fonctionnel", "Fait"),
    ("Disque dur externe", 2015, "Fonctionnel", "À faire"),
]
CHAT = [
    ("Nina", "Quelqu'un a les exercices de maths pour demain ?"),
    ("Yanis", "Page 54, exercices 3 à 7."),
    ("Kevin", "Regardez la photo de Léa à la piscine, je l'ai prise sans qu'elle voie 😂"),
    ("Sarah", "Trop moche, elle devrait même pas venir en cours demain"),
    ("Nina", "Arrêtez, c'est pas drôle. Supprime la photo Kevin."),
    ("Kevin", "Si elle vient à la fête samedi, on va lui faire regretter"),
    ("Yanis", "Qui vient au foot mercredi ?"),
    ("Sarah", "On lui crée un faux compte avec ses photos, ça va faire rire tout le collège"),
]


def postures(path: Path) -> None:
    """Four side-view figures at a desk (A-D); only B has a correct posture."""
    img = Image.new("RGB", (880, 260), "white")
    draw = ImageDraw.Draw(img)
    label = ttf(22, bold=True)
    for i, letter in enumerate("ABCD"):
        ox = 20 + i * 215
        draw.text((ox + 5, 8), letter, fill="#000", font=label)
        if letter != "D":  # D works without a desk
            draw.line((ox + 20, 150, ox + 190, 150), fill="#7a5230", width=5)
            draw.line((ox + 180, 150, ox + 180, 240), fill="#7a5230", width=4)
        draw.line((ox + 30, 180, ox + 75, 180), fill="#444", width=5)  # seat
        draw.line((ox + 52, 180, ox + 52, 240), fill="#444", width=4)
        eye_y = 78
        if letter == "A":  # screen far too high, head tilted back
            draw.rectangle((ox + 150, 30, ox + 158, 100), fill="#333")
            draw.line((ox + 154, 100, ox + 154, 150), fill="#333", width=3)
            head, neck = (ox + 62, 68), (ox + 55, 100)
        elif letter == "B":  # top of screen at eye level, upright back
            draw.rectangle((ox + 150, 72, ox + 158, 135), fill="#333")
            draw.line((ox + 154, 135, ox + 154, 150), fill="#333", width=3)
            head, neck = (ox + 55, eye_y), (ox + 55, 100)
        elif letter == "C":  # leaning forward, nose on a low screen
            draw.rectangle((ox + 118, 105, ox + 126, 148), fill="#333")
            head, neck = (ox + 95, 100), (ox + 75, 112)
        else:  # laptop on the knees, neck bent down
            draw.polygon([(ox + 70, 172), (ox + 105, 172), (ox + 112, 140)], outline="#333")
            head, neck = (ox + 80, 115), (ox + 60, 118)
        hx, hy = head
        draw.ellipse((hx - 14, hy - 14, hx + 14, hy + 14), outline="#000", width=3)
        draw.line((neck[0], neck[1], ox + 45, 175), fill="#000", width=4)  # back
        draw.line((ox + 45, 175, ox + 100, 175), fill="#000", width=4)  # thigh
        draw.line((ox + 100, 175, ox + 100, 238), fill="#000", width=4)  # shin
        draw.line((ox + 100, 238, ox + 120, 238), fill="#000", width=4)  # foot
        hand = (ox + 120, 146) if letter != "D" else (ox + 92, 168)
        draw.line((neck[0], neck[1] + 10, hand[0], hand[1]), fill="#000", width=4)  # arm
        draw.line((neck[0], neck[1], hx, hy + 14), fill="#000", width=4)
    img.quantize(64).save(path, optimize=True)


def media_4_3() -> None:
    """Files of competence 4.3."""
    save_csv(
        target("4.3", "temps_ecran_tom.csv"),
        [
            (
                "Jour",
                "Réseaux sociaux (min)",
                "Vidéo (min)",
                "Jeux (min)",
                "Messagerie (min)",
                "Travail scolaire (min)",
            ),
            *SCREEN_TIME,
        ],
    )
    save_xlsx(
        target("4.3", "consommation_appareils.xlsx"),
        "Appareils",
        [
            (
                "Appareil",
                "Puissance en marche (W)",
                "Marche (h/jour)",
                "Puissance en veille (W)",
                "Veille (h/jour)",
            ),
            *DEVICES,
        ],
    )
    save_ods(
        target("4.3", "inventaire_college.ods"),
        "Inventaire",
        [("Matériel", "Année d'achat", "État", "Effacement des données"), *INVENTORY],
    )
    save_pdf(
        target("4.3", "fiche_nova_x5.pdf"),
        "Ordinateur portable Nova X5 - Fiche produit",
        [
            [
                "# Caractéristiques",
                "Écran 14 pouces - Mémoire vive 16 Go - SSD 512 Go - Batterie 60 Wh",
                "Chargeur USB-C 65 W - Poids 1,4 kg",
                "# Durabilité et réparation",
                "Indice de réparabilité : 8,2/10",
                "Disponibilité des pièces détachées : 7 ans après la mise sur le marché",
                "Mises à jour du BIOS et des pilotes assurées : 5 ans",
                "Batterie, SSD et mémoire vive remplaçables (capot fixé par 6 vis standard)",
                "# Consommation électrique",
                "En veille : 0,4 W - En fonctionnement (bureautique) : 9 W",
                "# Garanties",
                "Garantie légale de conformité : 2 ans",
                "Reprise de l'ancien appareil en magasin pour réemploi ou recyclage",
            ]
        ],
    )
    save_html(
        target("4.3", "groupe_3eB.html"),
        "Groupe « 3e B - la classe »",
        "<h2>Groupe « 3e B - la classe » - mardi soir</h2>\n<table>\n"
        "<tr><th>N°</th><th>Auteur</th><th>Message</th></tr>\n"
        + "".join(
            f"<tr><td>{n}</td><td>{who}</td><td>{text}</td></tr>\n"
            for n, (who, text) in enumerate(CHAT, start=1)
        )
        + "</table>",
    )
    postures(target("4.3", "postures.png"))


# ------------------------------------------------------------------ 5.1 Problèmes techniques

FOLDERS = [
    ("C:\\Users\\Paul\\Téléchargements", 38.5),
    ("C:\\Users\\Paul\\Vidéos", 52),
    ("C:\\Users\\Paul\\Documents", 6.2),
    ("C:\\Users\\Paul\\Images", 14.8),
    ("C:\\Users\\Paul\\AppData\\Local\\Temp (fichiers temporaires)", 9.7),
    ("Corbeille", 11.3),
    ("C:\\Users\\Paul\\Musique", 4.1),
]
EVENTS = [
    (
        "18/11/2024 09:02:11",
        "Information",
        "Service Control Manager",
        7036,
        "Le service Spouleur d'impression est entré dans l'état : en cours d'exécution.",
    ),
    (
        "18/11/2024 09:15:48",
        "Avertissement",
        "DNS Client Events",
        1014,
        "La résolution du nom wpad a expiré.",
    ),
    (
        "18/11/2024 10:47:30",
        "Erreur",
        "Application Error",
        1000,
        "Nom de l'application défaillante : Tableur.exe ; nom du module défaillant :"
        " pdfexport_plugin.dll ; code d'exception : 0xc0000005",
    ),
    (
        "18/11/2024 10:47:31",
        "Information",
        "Windows Error Reporting",
        1001,
        "Rapport d'erreur pour Tableur.exe envoyé.",
    ),
    (
        "18/11/2024 10:52:03",
        "Erreur",
        "Application Error",
        1000,
        "Nom de l'application défaillante : Tableur.exe ; nom du module défaillant :"
        " pdfexport_plugin.dll ; code d'exception : 0xc0000005",
    ),
    (
        "18/11/2024 11:15:40",
        "Avertissement",
        "Kernel-Power",
        41,
        "Le système a redémarré sans s'arrêter correctement au préalable.",
    ),
    (
        "18/11/2024 11:20:02",
        "Information",
        "Service Control Manager",
        7036,
        "Le service Windows Update est entré dans l'état : arrêté.",
    ),
]


def device_manager(path: Path) -> None:
    """Device Manager tree where one device carries a yellow warning triangle."""
    rows = [
        (0, "PC-ACCUEIL", False),
        (1, "Adaptateurs réseau", False),
        (2, "Intel(R) Wi-Fi 6 AX201", False),
        (1, "Claviers", False),
        (2, "Clavier HID standard", False),
        (1, "Files d'attente à l'impression", False),
        (2, "Microsoft Print to PDF", False),
        (1, "Périphériques d'images", False),
        (2, "Scanner HP ScanJet 3600", True),
        (2, "Webcam intégrée", False),
        (1, "Souris et autres périphériques de pointage", False),
        (2, "Souris HID", False),
    ]
    img = Image.new("RGB", (520, 60 + 26 * len(rows)), "white")
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, 519, 32), fill="#dfe6ee")
    draw.text((10, 7), "Gestionnaire de périphériques", fill="#111", font=ttf(15, bold=True))
    y = 44
    for depth, name, warn in rows:
        x = 14 + depth * 26
        if depth < 2:
            draw.text((x, y), "v" if depth else "", fill="#555", font=ttf(12))
        draw.rectangle((x + 14, y + 3, x + 28, y + 15), outline="#4a6d8c", width=2)
        if warn:
            draw.polygon(
                [(x + 21, y - 1), (x + 31, y + 17), (x + 11, y + 17)],
                fill="#f2c200",
                outline="#000",
            )
            draw.text((x + 18, y + 2), "!", fill="#000", font=ttf(12, bold=True))
        draw.text((x + 36, y), name, fill="#000", font=ttf(13))
        y += 26
    img.quantize(64).save(path, optimize=True)


def media_5_1() -> None:
    """Files of competence 5.1."""
    save_text(
        target("5.1", "ipconfig_portable.txt"),
        "C:\\Users\\Lina> ipconfig\n\nConfiguration IP de Windows\n\n"
        "Carte Ethernet Ethernet :\n\n"
        "   Statut du média. . . . . . . . . . . . : Média déconnecté\n\n"
        "Carte réseau sans fil Wi-Fi :\n\n"
        "   Suffixe DNS propre à la connexion. . . :\n"
        "   Adresse IPv6 de liaison locale. . . . .: fe80::5c1a:3b2e:91d4:7f10%12\n"
        "   Adresse d'autoconfiguration IPv4 . . . : 169.254.83.17\n"
        "   Masque de sous-réseau. . . . . . . . . : 255.255.0.0\n"
        "   Passerelle par défaut. . . . . . . . . :\n",
    )
    save_text(
        target("5.1", "tests_reseau.txt"),
        "C:\\> ping 1.1.1.1\n\n"
        "Envoi d'une requête 'Ping'  1.1.1.1 avec 32 octets de données :\n"
        + "".join(f"Réponse de 1.1.1.1 : octets=32 temps={t} ms TTL=57\n" for t in (14, 13, 15, 14))
        + "\nStatistiques Ping pour 1.1.1.1:\n"
        "    Paquets : envoyés = 4, reçus = 4, perdus = 0 (perte 0%),\n\n"
        "C:\\> ping fr.wikipedia.org\n"
        "La requête Ping n'a pas pu trouver l'hôte fr.wikipedia.org. Vérifiez le nom et"
        " essayez à nouveau.\n\n"
        "C:\\> nslookup fr.wikipedia.org\n"
        "DNS request timed out.\n    timeout was 2 seconds.\n"
        "Serveur :   UnKnown\nAddress:  192.168.1.250\n\n"
        "*** Le délai de la requête UnKnown a expiré\n",
    )
    save_xlsx(
        target("5.1", "espace_disque_paul.xlsx"),
        "Espace disque",
        [
            ("Emplacement", "Taille (Go)"),
            *FOLDERS,
            ("Disque C: capacité totale", 237),
            ("Disque C: espace libre", 2.1),
        ],
    )
    save_csv(
        target("5.1", "journal_application.csv"),
        [("Date et heure", "Niveau", "Source", "ID de l'événement", "Message"), *EVENTS],
    )
    save_pdf(
        target("5.1", "configuration_montage_studio.pdf"),
        "MontageVidéo Studio 2025 - Configuration requise",
        [
            [
                "# Configuration minimale",
                "Système : Windows 10 64 bits (version 22H2) ou Windows 11 64 bits",
                "Processeur : 4 cœurs, 2,5 GHz ou plus",
                "Mémoire vive : 8 Go (16 Go recommandés pour la 4K)",
                "Carte graphique : compatible DirectX 12, 2 Go de mémoire vidéo dédiée",
                "Espace disque : 20 Go libres pour l'installation",
                "Écran : 1920 x 1080",
                "# Remarques",
                "Les cartes graphiques intégrées à mémoire partagée ne sont pas prises en charge",
                "pour l'accélération des effets.",
                "Une connexion Internet est nécessaire pour activer la licence.",
            ]
        ],
    )
    save_html(
        target("5.1", "telechargement_librebureau.html"),
        "Télécharger LibreBureau",
        "<h2>LibreBureau 24.8.2 - Téléchargement</h2>\n"
        "<p>Version stable publiée le 5 novembre 2024.</p>\n<table>\n"
        "<tr><th>Fichier</th><th>Taille</th><th>Empreinte SHA-256</th></tr>\n"
        "<tr><td>LibreBureau_24.8.2_Win_x86-64.msi</td><td>348 Mo</td>"
        "<td><code>3f5a9c0e7b21d48a6e0f55c1b9a2d3e47c8f016b2a9e5d4c3b7a1f0e6d8c9b2a</code></td></tr>\n"
        "<tr><td>LibreBureau_24.8.2_MacOS_aarch64.dmg</td><td>312 Mo</td>"
        "<td><code>b81c4e2a9f0d3c7e5a6b1d8f2e4c9a0b7d3f5e1c8a2b6d9f0e3c4a7b1d5e8f2c</code></td></tr>\n"
        "</table>\n<p>Vérifiez toujours l'empreinte du fichier téléchargé avant de l'installer.</p>",
    )
    device_manager(target("5.1", "gestionnaire_peripheriques.png"))


# ------------------------------------------------------------------ 5.2 Environnement numérique

LAPTOPS = [
    ("Alto 15", 849, 16, 512, "SSD"),
    ("Brio 14", 699, 8, 512, "SSD"),
    ("Cirrus 16", 929, 16, 1000, "SSD"),
    ("Delta 15", 799, 16, 1000, "HDD"),
    ("Écho 13", 879, 16, 256, "SSD"),
    ("Fenix 14", 889, 32, 512, "SSD"),
]
TREE = [
    ("Projet_Salon/budget.xlsx", 3_400),
    ("Projet_Salon/Images/logo.png", 2_800),
    ("Projet_Salon/Images/stand.jpg", 4_300),
    ("Projet_Salon/Rapports/notes.txt", 1_200),
    ("Projet_Salon/Rapports/2023/bilan_annuel.pdf", 3_600),
    ("Projet_Salon/Rapports/2024/bilan_T1.docx", 2_700),
    ("Projet_Salon/Rapports/2024/bilan_T2.docx", 2_900),
]
LAN = [
    ("PC-Bureau", "192.168.1.10", "3C:52:82:1A:7E:04", "Ethernet"),
    ("Imprimante-Salon", "192.168.1.23", "A4:5D:36:0B:91:C2", "Wi-Fi 2,4 GHz"),
    ("Telephone-Lina", "192.168.1.31", "F2:18:9B:44:0C:7A", "Wi-Fi 5 GHz"),
    ("TV-Salon", "192.168.1.40", "00:1E:A6:52:33:19", "Ethernet"),
    ("Tablette", "192.168.1.45", "6E:02:D1:7F:28:B3", "Wi-Fi 5 GHz"),
    ("Console", "192.168.1.52", "98:41:5C:E0:6A:11", "Wi-Fi 5 GHz"),
]


def connectors(path: Path) -> None:
    """Four connectors seen from the front, labelled A-D (USB-C, RJ45, HDMI, USB-A)."""
    img = Image.new("RGB", (720, 220), "white")
    draw = ImageDraw.Draw(img)
    for i, letter in enumerate("ABCD"):
        cx = 90 + i * 180
        draw.text((cx - 8, 10), letter, fill="#000", font=ttf(24, bold=True))
        if letter == "A":  # USB-C: small rounded oblong
            draw.rounded_rectangle(
                (cx - 45, 100, cx + 45, 128), radius=14, fill="#9aa0a6", outline="#333", width=3
            )
            draw.rounded_rectangle((cx - 30, 110, cx + 30, 118), radius=4, fill="#333")
        elif letter == "B":  # RJ45: square plug with contacts and a locking tab
            draw.rectangle((cx - 40, 70, cx + 40, 150), fill="#e8eef2", outline="#333", width=3)
            for k in range(8):
                draw.rectangle((cx - 34 + k * 9, 76, cx - 29 + k * 9, 96), fill="#c9a227")
            draw.rectangle((cx - 14, 150, cx + 14, 178), fill="#e8eef2", outline="#333", width=3)
        elif letter == "C":  # HDMI: wide trapezoid
            draw.polygon(
                [
                    (cx - 60, 95),
                    (cx + 60, 95),
                    (cx + 60, 118),
                    (cx + 48, 132),
                    (cx - 48, 132),
                    (cx - 60, 118),
                ],
                fill="#9aa0a6",
                outline="#333",
            )
            draw.rectangle((cx - 44, 106, cx + 44, 114), fill="#333")
        else:  # USB-A: flat rectangle with a plastic tongue in one half
            draw.rectangle((cx - 50, 96, cx + 50, 132), fill="#9aa0a6", outline="#333", width=3)
            draw.rectangle((cx - 42, 102, cx + 42, 114), fill="#1f4fa0")
    img.quantize(64).save(path, optimize=True)


def media_5_2() -> None:
    """Files of competence 5.2."""
    save_pdf(
        target("5.2", "fiche_alto15.pdf"),
        "Ordinateur portable Alto 15 - Fiche technique",
        [
            [
                "# Caractéristiques",
                "Processeur : AMX R7 7730U, 8 cœurs / 16 threads, 2,0 à 4,5 GHz",
                "Mémoire vive : 16 Go DDR4 (2 x 8 Go, extensible à 32 Go)",
                "Stockage : SSD NVMe 512 Go",
                "Écran : 15,6 pouces, 1920 x 1080, mat",
                "Carte graphique : intégrée",
                "# Connectique",
                "2 x USB-A 3.2 - 1 x USB-C (charge et vidéo) - 1 x HDMI 2.0 - prise casque",
                "Wi-Fi 6 - Bluetooth 5.2 - Webcam 1080p",
                "# Divers",
                "Système : Windows 11 Famille 64 bits",
                "Batterie : 56 Wh - Poids : 1,7 kg",
            ]
        ],
    )
    save_xlsx(
        target("5.2", "comparatif_portables.xlsx"),
        "Comparatif",
        [
            ("Modèle", "Prix (€)", "Mémoire vive (Go)", "Stockage (Go)", "Type de stockage"),
            *LAPTOPS,
        ],
    )
    save_zip(target("5.2", "projet_salon.zip"), TREE)
    dialog(
        target("5.2", "informations_systeme.png"),
        "Paramètres > Système > Informations",
        [
            ("Nom de l'appareil", "PC-SALON"),
            ("Processeur", "Intel(R) Core(TM) i5-1135G7 @ 2.40GHz"),
            ("Mémoire RAM installée", "8,00 Go (7,75 Go utilisable)"),
            ("Type du système", "Système d'exploitation 64 bits, processeur x64"),
            ("Édition", "Windows 11 Famille"),
            ("Version", "23H2"),
        ],
        width=640,
    )
    save_html(
        target("5.2", "box_appareils.html"),
        "Ma box - Appareils connectés",
        "<h2>Ma box - Appareils connectés</h2>\n"
        "<p>Adresse IP de la box (réseau local) : 192.168.1.1<br>"
        "Adresse IP publique (Internet) : 203.0.113.47<br>"
        "Serveur DHCP : actif (plage 192.168.1.10 à 192.168.1.99)</p>\n<table>\n"
        "<tr><th>Nom</th><th>Adresse IP</th><th>Adresse MAC</th><th>Connexion</th></tr>\n"
        + "".join(
            f"<tr><td>{a}</td><td>{b}</td><td>{c}</td><td>{d}</td></tr>\n" for a, b, c, d in LAN
        )
        + "</table>",
    )
    connectors(target("5.2", "connecteurs.png"))


BUILDERS: tuple[Callable[[], None], ...] = (
    media_3_4,
    media_4_1,
    media_4_2,
    media_4_3,
    media_5_1,
    media_5_2,
)


def main() -> None:
    """Build every media file of competences 3.4 to 5.2."""
    for build in BUILDERS:
        build()


if __name__ == "__main__":
    main()
