"""Generate the media of item-bank competences 1.1, 1.2, 1.3, 2.1 and 2.2 (deterministic).

Run with the project venv:
    .venv/bin/python resources/itembank/make_media/1.1_to_2.2.py
Dates, values and ZIP timestamps are fixed, so re-running rewrites byte-identical files.
With ``--answers`` it also prints the values the answer keys rely on (counts, sums...).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

from odf.opendocument import OpenDocumentSpreadsheet, OpenDocumentText
from odf.table import Table, TableCell, TableRow
from odf.text import P
from openpyxl import Workbook
from openpyxl.styles import Font
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

MEDIA = Path(__file__).resolve().parent.parent / "media"
FIXED = dt.datetime(2024, 4, 2, 10, 0, 0)
ZIP_TIME = (2024, 4, 2, 10, 0, 0)
STAMP = b"2024-04-02T10:00:00Z"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
Row = Sequence[object]


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans (bold optional); Pillow's default font if DejaVu is missing."""
    path = DEJAVU / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    return ImageFont.truetype(str(path), size) if path.exists() else ImageFont.load_default()


def _out(comp: str, name: str) -> Path:
    """Path of one media file of a competence (folder created)."""
    folder = MEDIA / comp
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a ZIP container with fixed timestamps (first entry kept stored, as ODF needs)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            new = zipfile.ZipInfo(info.filename, ZIP_TIME)
            new.compress_type = info.compress_type
            new.external_attr = 0o644 << 16
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" at save time
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + STAMP, data)
            dst.writestr(new, data)
    return buf.getvalue()


def write_text(path: Path, text: str) -> None:
    """UTF-8 text, LF line ends."""
    path.write_bytes(text.encode("utf-8"))


def write_csv(path: Path, rows: Sequence[Row]) -> None:
    """Semicolon-separated UTF-8 CSV (the French spreadsheet convention)."""
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\n").writerows(rows)
    write_text(path, buf.getvalue())


def xlsx_bytes(title: str, rows: Sequence[Row]) -> bytes:
    """A one-sheet workbook with a bold header row and fixed document dates."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    for row in rows:
        ws.append(list(row))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for col in "ABCDEF":
        ws.column_dimensions[col].width = 24
    wb.properties.creator = "certkiosk"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    buf = io.BytesIO()
    wb.save(buf)
    return _normalise_zip(buf.getvalue())


def write_ods(path: Path, title: str, rows: Sequence[Row]) -> None:
    """A one-sheet ODS; numbers are stored as numbers."""
    doc = OpenDocumentSpreadsheet()
    table = Table(name=title)
    for row in rows:
        tr = TableRow()
        for value in row:
            if isinstance(value, int | float):
                cell = TableCell(valuetype="float", value=value)
                cell.addElement(P(text=str(value).replace(".", ",")))
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    buf = io.BytesIO()
    doc.write(buf)
    path.write_bytes(_normalise_zip(buf.getvalue()))


def odt_bytes(lines: Sequence[str]) -> bytes:
    """A small ODT text document."""
    doc = OpenDocumentText()
    for line in lines:
        doc.text.addElement(P(text=line))
    buf = io.BytesIO()
    doc.write(buf)
    return _normalise_zip(buf.getvalue())


def pdf_bytes(title: str, lines: Sequence[str], page_break: int = 0) -> bytes:
    """A plain A4 PDF: a bold title then lines; a new page every ``page_break`` lines if > 0."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setAuthor("certkiosk")
    _, height = A4
    y = height - 70
    c.setFont("Helvetica-Bold", 15)
    c.drawString(60, y, title)
    c.setFont("Helvetica", 11)
    y -= 34
    for i, line in enumerate(lines, 1):
        if line.startswith("# "):
            c.setFont("Helvetica-Bold", 12)
            c.drawString(60, y, line[2:])
            c.setFont("Helvetica", 11)
        else:
            c.drawString(60, y, line)
        y -= 18
        if page_break and i % page_break == 0 and i < len(lines):
            c.showPage()
            c.setFont("Helvetica", 11)
            y = height - 70
    c.showPage()
    c.save()
    return buf.getvalue()


def image_bytes(size: tuple[int, int], colour: tuple[int, int, int], fmt: str) -> bytes:
    """A small flat image with a band, standing in for a photo inside an archive."""
    img = Image.new("RGB", size, colour)
    ImageDraw.Draw(img).rectangle((0, size[1] // 2, size[0], size[1]), fill=(90, 140, 70))
    buf = io.BytesIO()
    img.save(buf, fmt, quality=70) if fmt == "JPEG" else img.save(buf, fmt)
    return buf.getvalue()


def write_zip(path: Path, entries: Sequence[tuple[str, bytes]]) -> None:
    """A ZIP archive with fixed timestamps; its listing is what the items ask about."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    path.write_bytes(buf.getvalue())


def save_png(img: Image.Image, path: Path) -> None:
    """Save a PNG without ancillary timestamps."""
    img.save(path, "PNG", optimize=True)


def html_page(title: str, body: str) -> str:
    """A self-contained HTML page (no network)."""
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>body{{font-family:sans-serif;max-width:46em;margin:1em auto;"
        "line-height:1.45}} .meta{{color:#555;font-size:.9em}} .credit{{font-size:.85em;color:#444}}"
        " .msg{{border:1px solid #ccc;padding:.5em .8em;margin:.6em 0}}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def window(size: tuple[int, int], title: str) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    """A blank dialog window with a title bar."""
    img = Image.new("RGB", size, (250, 250, 250))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, size[0] - 1, size[1] - 1), outline=(120, 120, 120))
    d.rectangle((1, 1, size[0] - 2, 32), fill=(225, 230, 240))
    d.text((12, 8), title, font=_font(14, True), fill=(20, 20, 20))
    d.text((size[0] - 26, 6), "×", font=_font(16), fill=(60, 60, 60))
    return img, d


# ------------------------------------------------------------------ 1.1 recherche et veille

VEILLE = [
    (
        "04/03/2024",
        "Un règlement européen encadre l'intelligence artificielle",
        "Le Monde Tech",
        "Intelligence artificielle",
        "oui",
    ),
    (
        "06/03/2024",
        "Les bornes de recharge se multiplient sur les autoroutes",
        "Actu Mobilités",
        "Mobilité électrique",
        "non",
    ),
    (
        "08/03/2024",
        "Chatbots : les collectivités testent des assistants en ligne",
        "La Gazette des communes",
        "Intelligence artificielle",
        "oui",
    ),
    (
        "11/03/2024",
        "Vélo à assistance électrique : le bonus reconduit",
        "Actu Mobilités",
        "Mobilité électrique",
        "oui",
    ),
    (
        "13/03/2024",
        "IA générative : quelles règles pour les enseignants ?",
        "Café pédagogique",
        "Intelligence artificielle",
        "oui",
    ),
    (
        "15/03/2024",
        "Cybersécurité : hausse des attaques contre les mairies",
        "La Gazette des communes",
        "Cybersécurité",
        "oui",
    ),
    (
        "19/03/2024",
        "Reconnaissance d'images : un outil pour trier les déchets",
        "Le Monde Tech",
        "Intelligence artificielle",
        "non",
    ),
    (
        "22/03/2024",
        "Rançongiciel : un hôpital paralysé pendant une semaine",
        "Le Monde Tech",
        "Cybersécurité",
        "oui",
    ),
    (
        "27/03/2024",
        "Traduction automatique : les progrès de l'IA",
        "Actu Mobilités",
        "Intelligence artificielle",
        "non",
    ),
    (
        "29/02/2024",
        "Intelligence artificielle et emploi : une étude de l'OCDE",
        "Le Monde Tech",
        "Intelligence artificielle",
        "oui",
    ),
    (
        "02/04/2024",
        "L'IA au service de la maintenance des trains",
        "Actu Mobilités",
        "Intelligence artificielle",
        "oui",
    ),
    (
        "03/04/2024",
        "Double authentification : le guide de l'ANSSI",
        "La Gazette des communes",
        "Cybersécurité",
        "oui",
    ),
    (
        "05/04/2024",
        "Autopartage : les zones rurales s'équipent",
        "Actu Mobilités",
        "Mobilité électrique",
        "non",
    ),
    (
        "09/04/2024",
        "Hameçonnage : les faux SMS de livraison reviennent",
        "Le Monde Tech",
        "Cybersécurité",
        "oui",
    ),
    (
        "10/04/2024",
        "Données publiques : un catalogue ouvert pour les transports",
        "La Gazette des communes",
        "Mobilité électrique",
        "oui",
    ),
    (
        "12/04/2024",
        "Vidéosurveillance algorithmique : le débat continue",
        "La Gazette des communes",
        "Intelligence artificielle",
        "oui",
    ),
    (
        "16/04/2024",
        "Batteries : une filière de recyclage en France",
        "Actu Mobilités",
        "Mobilité électrique",
        "oui",
    ),
    (
        "18/04/2024",
        "Mots de passe : les erreurs les plus courantes",
        "Café pédagogique",
        "Cybersécurité",
        "non",
    ),
]

RSS_ITEMS = [
    ("Ouverture des inscriptions au festival Numérique en fête", "Mon, 08 Apr 2024 09:30:00 +0200"),
    (
        "Atelier « Reconnaître une fausse information » à la médiathèque",
        "Fri, 12 Apr 2024 14:00:00 +0200",
    ),
    ("Nouveaux horaires de l'espace public numérique", "Tue, 02 Apr 2024 08:15:00 +0200"),
    ("Retour en images sur la semaine de la presse à l'école", "Wed, 10 Apr 2024 17:45:00 +0200"),
    ("Appel à bénévoles pour l'aide aux démarches en ligne", "Thu, 04 Apr 2024 11:00:00 +0200"),
]


def results_page(path: Path) -> None:
    """Screenshot of a search results page; result 1 is a sponsored link."""
    img = Image.new("RGB", (760, 560), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((20, 16, 600, 52), 18, outline=(180, 180, 180), width=2)
    d.text((40, 25), "assurance habitation étudiant", font=_font(15), fill=(30, 30, 30))
    d.text((20, 64), "Environ 2 340 000 résultats", font=_font(12), fill=(110, 110, 110))
    results = [
        (
            "1",
            "Sponsorisé",
            "www.assur-campus-direct.fr",
            "Assurance logement étudiant dès 3 €/mois – Devis immédiat",
            "Souscrivez en 2 minutes. Offre de bienvenue réservée aux nouveaux clients.",
        ),
        (
            "2",
            "",
            "www.service-public.fr › particuliers › vosdroits",
            "Assurance habitation : est-elle obligatoire pour un étudiant ?",
            "Vérifié le 01/01/2024 - Direction de l'information légale et administrative",
        ),
        (
            "3",
            "",
            "www.lafinancepourtous.com › pratique › logement",
            "Bien choisir son assurance habitation quand on est étudiant",
            "Garanties, franchise, responsabilité civile : ce qu'il faut regarder avant de signer.",
        ),
        (
            "4",
            "",
            "www.etudiant.gouv.fr › fr › logement",
            "Se loger : les aides et démarches pour les étudiants",
            "Caution, aides au logement, assurance : les démarches à connaître.",
        ),
    ]
    y = 96
    for num, label, url, title, snippet in results:
        d.text((20, y), f"Résultat {num}", font=_font(11, True), fill=(90, 90, 90))
        x = 110
        if label:
            d.text((x, y), label, font=_font(12, True), fill=(20, 20, 20))
            x += 90
        d.text((x, y), url, font=_font(12), fill=(30, 110, 50))
        d.text((20, y + 20), title, font=_font(16), fill=(26, 13, 171))
        d.text((20, y + 46), snippet, font=_font(12), fill=(70, 70, 70))
        y += 110
    save_png(img, path)


def build_1_1() -> dict[str, object]:
    """Media of competence 1.1; returns the values the keys rely on."""
    c = "1.1"
    results_page(_out(c, "resultats_recherche.png"))
    write_csv(
        _out(c, "veille_numerique.csv"),
        [("Date de publication", "Titre", "Source", "Thème", "Retenu"), *VEILLE],
    )
    article = (
        '<p class="meta">Le Journal du Val de Sèvre · Rubrique Vie locale</p>\n'
        "<h1>La fibre optique arrive dans les communes rurales du canton</h1>\n"
        '<p class="meta">Par <strong>Hélène Marchetti</strong> · Publié le 18/03/2024 à 07:45 · '
        "Mis à jour le 21/03/2024 à 16:10</p>\n"
        "<p>D'ici la fin de l'année, 2 300 foyers supplémentaires pourront se raccorder à la fibre "
        "optique, annonce le syndicat départemental chargé du déploiement.</p>\n"
        "<p>« Les travaux ont pris du retard à cause des intempéries de l'hiver », explique "
        "Jean-Luc Perrin, président du syndicat. Les habitants peuvent tester leur éligibilité sur "
        "le site de l'opérateur.</p>\n"
        "<p><em>Mise à jour du 21/03 : ajout du calendrier commune par commune.</em></p>\n"
        '<p class="meta">Commentaires (12) · Partager · Signaler une erreur</p>'
    )
    write_text(
        _out(c, "article_fibre.html"),
        html_page("La fibre arrive dans les communes rurales", article),
    )
    study = (
        "<h1>Les Français et leur smartphone : une addiction ?</h1>\n"
        '<p class="meta">Blog « Vivre connecté » · billet publié le 5 février 2024 par Max</p>\n'
        "<p>Selon une étude récente<sup>1</sup>, 8 Français sur 10 consultent leur téléphone dans "
        "l'heure qui suit leur réveil. Une tendance qui ne cesse de progresser !</p>\n"
        "<p>Nos conseils pour décrocher : désactiver les notifications, ranger le téléphone hors de "
        "la chambre, programmer des plages sans écran.</p>\n<hr>\n"
        '<p class="meta"><sup>1</sup> Source : « Baromètre des usages mobiles », institut '
        "Mobiscope, enquête réalisée en novembre 2017 auprès de 1 012 personnes, publiée en "
        "janvier 2018.</p>"
    )
    write_text(_out(c, "billet_smartphone.html"), html_page("Vivre connecté", study))
    items = "".join(
        f"  <item>\n    <title>{t}</title>\n    <link>https://www.ville-exemple.fr/actualites/{i}</link>\n"
        f"    <pubDate>{p}</pubDate>\n  </item>\n"
        for i, (t, p) in enumerate(RSS_ITEMS, 101)
    )
    rss = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
        "  <title>Actualités de la médiathèque</title>\n"
        "  <link>https://www.ville-exemple.fr/actualites</link>\n"
        "  <description>Les dernières nouvelles de la médiathèque et de l'espace numérique</description>\n"
        f"{items}</channel>\n</rss>\n"
    )
    write_text(_out(c, "flux_mediatheque.txt"), rss)
    ia_march = sum(
        1 for r in VEILLE if r[3] == "Intelligence artificielle" and r[0].endswith("/03/2024")
    )
    kept: dict[str, int] = {}
    for r in VEILLE:
        if r[4] == "oui":
            kept[r[2]] = kept.get(r[2], 0) + 1
    return {"ia_mars": ia_march, "retenus_par_source": kept}


# ------------------------------------------------------------------ 1.2 gérer des données

TREE = [
    (0, "Documents"),
    (1, "Administratif"),
    (2, "Assurances"),
    (3, "attestation_auto_2024.pdf"),
    (3, "contrat_habitation.pdf"),
    (2, "Banque"),
    (3, "releve_2024-02.pdf"),
    (2, "Impôts"),
    (3, "avis_imposition_2023.pdf"),
    (1, "Maison"),
    (2, "Jardin"),
    (3, "plan_potager.png"),
    (2, "Travaux"),
    (3, "devis_plombier.pdf"),
    (3, "plan_cuisine.png"),
    (1, "Photos"),
    (2, "2024"),
]

FILES_XLSX = [
    ("Nom", "Type", "Taille (Mo)", "Modifié le"),
    ("reunion_lancement.mp4", "Vidéo", 245.5, "12/01/2024"),
    ("presentation_client.pptx", "Présentation", 18.4, "15/01/2024"),
    ("interview_directrice.mov", "Vidéo", 118.2, "02/02/2024"),
    ("rapport_annuel_2023.pdf", "Document PDF", 6.7, "20/02/2024"),
    ("budget_2024.xlsx", "Feuille de calcul", 0.9, "21/02/2024"),
    ("tutoriel_logiciel.mp4", "Vidéo", 36.3, "26/02/2024"),
    ("photo_equipe.jpg", "Image JPEG", 4.8, "01/03/2024"),
    ("logo_hd.png", "Image PNG", 2.1, "04/03/2024"),
    ("podcast_episode3.mp3", "Audio", 52.6, "08/03/2024"),
    ("contrat_prestataire.docx", "Document texte", 0.4, "11/03/2024"),
    ("archive_2022.zip", "Archive ZIP", 310.0, "14/03/2024"),
    ("teaser_salon.webm", "Vidéo", 21.4, "18/03/2024"),
]

EXIF_EXPORT = """\
ExifTool Version Number         : 12.76
File Name                       : DSC_0458.JPG
File Size                       : 4.2 MB
File Modification Date/Time     : 2024:03:02 21:17:44+01:00
File Type                       : JPEG
Make                            : NIKON CORPORATION
Camera Model Name               : NIKON D5600
Software                        : Adobe Lightroom Classic 13.1 (Windows)
Artist                          : Julien Marchand
Copyright                       : © Julien Marchand 2024
Modify Date                     : 2024:03:02 21:15:03
Date/Time Original              : 2024:02:24 10:31:52
Create Date                     : 2024:02:24 10:31:52
Exposure Time                   : 1/250
F Number                        : 8.0
ISO                             : 200
Focal Length                    : 35.0 mm
Flash                           : Off, Did not fire
Image Width                     : 6000
Image Height                    : 4000
GPS Version ID                  : 2.3.0.0
GPS Latitude Ref                : North
GPS Longitude Ref               : East
GPS Altitude                    : 172 m Above Sea Level
GPS Latitude                    : 45 deg 45' 32.40" N
GPS Longitude                   : 4 deg 49' 55.20" E
GPS Position                    : 45 deg 45' 32.40" N, 4 deg 49' 55.20" E
"""

PHOTO_PROPS = [
    ("Titre", "Marché de Talensac"),
    ("Auteur", "Camille Roussel"),
    ("Date de prise de vue", "14/07/2023 18:42"),
    ("Fabricant de l'appareil", "Canon"),
    ("Modèle de l'appareil", "Canon EOS 250D"),
    ("Dimensions", "640 x 427"),
    ("Latitude", "47° 13' 6,2\" N"),
    ("Longitude", "1° 33' 13,0\" O"),
    ("Logiciel", "GIMP 2.10.36"),
    ("Date de modification", "02/09/2023 09:15"),
]


def tree_picture(path: Path) -> None:
    """A file-explorer folder tree."""
    img, d = window((520, 30 + 24 * len(TREE) + 30), "Explorateur de fichiers")
    y = 46
    for depth, name in TREE:
        x = 20 + depth * 28
        is_file = "." in name
        if depth:
            d.line((x - 16, y + 9, x - 4, y + 9), fill=(160, 160, 160))
        colour = (235, 235, 235) if is_file else (245, 200, 80)
        d.rectangle((x, y + 2, x + 14, y + 15), fill=colour, outline=(120, 120, 120))
        d.text((x + 22, y), name, font=_font(14), fill=(20, 20, 20))
        y += 24
    save_png(img, path)


def market_photo() -> Image.Image:
    """A small drawn 'photo' of market stalls."""
    img = Image.new("RGB", (640, 427), (150, 190, 230))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 260, 640, 427), fill=(170, 160, 150))
    for i, colour in enumerate([(200, 60, 60), (240, 240, 240), (60, 120, 200), (230, 170, 40)]):
        x = 30 + i * 150
        d.polygon([(x, 170), (x + 130, 170), (x + 145, 210), (x - 15, 210)], fill=colour)
        d.rectangle((x, 210, x + 130, 300), fill=(120, 80, 40))
        for k in range(5):
            d.ellipse((x + 8 + k * 24, 222, x + 26 + k * 24, 240), fill=(220, 90 + k * 25, 40))
    return img


def photo_with_exif(path: Path) -> None:
    """The market photo as a JPEG whose EXIF matches the properties dialog."""
    exif = Image.Exif()
    exif[0x010E] = "Marche de Talensac"  # ASCII tag; the accented title goes in XPTitle
    exif[0x9C9B] = "Marché de Talensac".encode("utf-16-le") + b"\x00\x00"
    exif[0x013B] = "Camille Roussel"
    exif[0x010F] = "Canon"
    exif[0x0110] = "Canon EOS 250D"
    exif[0x0131] = "GIMP 2.10.36"
    exif[0x0132] = "2023:09:02 09:15:00"
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = "2023:07:14 18:42:05"
    sub[0x9004] = "2023:07:14 18:42:05"
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (47.0, 13.0, 6.2)
    gps[3] = "W"
    gps[4] = (1.0, 33.0, 13.0)
    market_photo().save(path, "JPEG", quality=60, exif=exif.tobytes())


def properties_dialog(path: Path) -> None:
    """Screenshot of the 'Propriétés' dialog (Détails tab) of IMG_2041.jpg."""
    img, d = window((520, 420), "Propriétés de IMG_2041.jpg")
    d.text((20, 44), "Général", font=_font(13), fill=(90, 90, 90))
    d.text((100, 44), "Sécurité", font=_font(13), fill=(90, 90, 90))
    d.text((185, 44), "Détails", font=_font(13, True), fill=(20, 20, 20))
    d.line((183, 62, 245, 62), fill=(40, 90, 200), width=2)
    d.text((20, 76), "Propriété", font=_font(13, True), fill=(20, 20, 20))
    d.text((230, 76), "Valeur", font=_font(13, True), fill=(20, 20, 20))
    y = 104
    for name, value in PHOTO_PROPS:
        d.text((20, y), name, font=_font(13), fill=(30, 30, 30))
        d.text((230, y), value, font=_font(13), fill=(30, 30, 30))
        y += 28
    d.rectangle((400, 384, 500, 410), outline=(120, 120, 120), fill=(235, 235, 235))
    d.text((436, 388), "OK", font=_font(13), fill=(20, 20, 20))
    save_png(img, path)


def build_1_2() -> dict[str, object]:
    """Media of competence 1.2; returns the values the keys rely on."""
    c = "1.2"
    tree_picture(_out(c, "arborescence_documents.png"))
    photo_with_exif(_out(c, "IMG_2041.jpg"))
    properties_dialog(_out(c, "proprietes_IMG_2041.png"))
    write_text(_out(c, "metadonnees_DSC_0458.txt"), EXIF_EXPORT)
    _out(c, "fichiers_communication.xlsx").write_bytes(xlsx_bytes("Fichiers", FILES_XLSX))
    root = "projet_jardin_partage/"
    entries = [
        (
            root + "compte_rendu_reunion_2024-01-15.pdf",
            pdf_bytes("Compte rendu - 15 janvier 2024", ["Présents : 9 adhérents."]),
        ),
        (
            root + "compte_rendu_reunion_2024-02-12.pdf",
            pdf_bytes("Compte rendu - 12 février 2024", ["Présents : 7 adhérents."]),
        ),
        (
            root + "budget_previsionnel.xlsx",
            xlsx_bytes("Budget", [("Poste", "Montant"), ("Graines", 120), ("Outils", 340)]),
        ),
        (root + "plan_parcelles.png", image_bytes((320, 200), (200, 220, 180), "PNG")),
        (root + "photos/IMG_0101.jpg", image_bytes((400, 300), (160, 200, 240), "JPEG")),
        (root + "photos/IMG_0102.jpg", image_bytes((400, 300), (170, 205, 235), "JPEG")),
        (root + "photos/IMG_0103.jpg", image_bytes((400, 300), (180, 210, 230), "JPEG")),
        (
            root + "statuts_association.pdf",
            pdf_bytes("Statuts de l'association", ["Article 1 - Dénomination."]),
        ),
        (
            root + "charte_jardiniers.odt",
            odt_bytes(["Charte des jardiniers", "Chacun entretient sa parcelle."]),
        ),
        (
            root + "affiche_fete_printemps.pdf",
            pdf_bytes("Fête du printemps", ["Samedi 20 avril, 14 h."]),
        ),
        (root + "liste_outils.csv", "Outil;Quantité\nBêche;4\nRâteau;3\nArrosoir;6\n".encode()),
        (
            root + "lisez-moi.txt",
            "Archive du projet de jardin partagé, mise à jour le 02/04/2024.\n".encode(),
        ),
    ]
    write_zip(_out(c, "projet_jardin_partage.zip"), entries)
    videos = round(sum(float(r[2]) for r in FILES_XLSX[1:] if r[1] == "Vidéo"), 1)  # type: ignore[arg-type]
    return {
        "pdf_dans_zip": sum(1 for n, _ in entries if n.endswith(".pdf")),
        "total_videos_mo": videos,
    }


# ------------------------------------------------------------------ 1.3 traiter des données

INSCRIPTIONS = [
    ("Nom", "Prénom", "Âge", "Activité", "Tarif (€)", "Inscrit le"),
    ("Arnaud", "Lucie", 34, "Natation", 120, "02/09/2024"),
    ("Benoît", "Samuel", 15, "Escalade", 95, "02/09/2024"),
    ("Chevalier", "Inès", 42, "Théâtre", 150, "03/09/2024"),
    ("Da Silva", "Hugo", 12, "Judo", 80, "03/09/2024"),
    ("Diallo", "Awa", 27, "Escalade", 140, "04/09/2024"),
    ("Fabre", "Thomas", 16, "Natation", 75, "04/09/2024"),
    ("Garcia", "Emma", 38, "Escalade", 140, "05/09/2024"),
    ("Henry", "Noah", 9, "Judo", 80, "05/09/2024"),
    ("Joly", "Chloé", 19, "Théâtre", 150, "06/09/2024"),
    ("Khelifi", "Yanis", 17, "Escalade", 95, "06/09/2024"),
    ("Lambert", "Manon", 51, "Natation", 120, "09/09/2024"),
    ("Martin", "Léo", 23, "Escalade", 140, "09/09/2024"),
    ("Nguyen", "Lina", 14, "Théâtre", 90, "10/09/2024"),
    ("Perrin", "Jules", 45, "Judo", 130, "10/09/2024"),
    ("Robert", "Sarah", 18, "Escalade", 140, "11/09/2024"),
    ("Roux", "Adam", 31, "Natation", 120, "12/09/2024"),
    ("Simon", "Jade", 11, "Natation", 75, "12/09/2024"),
    ("Vidal", "Paul", 29, "Théâtre", 150, "13/09/2024"),
]

NOTES = [
    ("Élève", "Mathématiques", "Français", "Histoire-géographie", "Anglais"),
    ("Bastien", 11, 13, 12, 10),
    ("Capucine", 17, 14, 15, 16),
    ("Dylan", 8, 11, 9, 13),
    ("Elsa", 14, 16, 13, 15),
    ("Inès", 12, 15, 9, 14),
    ("Kylian", 15, 9, 11, 12),
    ("Louna", 19, 12, 14, 11),
    ("Mathis", 6, 10, 12, 9),
    ("Nina", 13, 17, 16, 18),
    ("Rayan", 10, 8, 10, 7),
]

MONTHS = ["Janvier", "Février", "Mars", "Avril", "Mai", "Juin"]
MONTH_ABBR = ["Janv.", "Févr.", "Mars", "Avr.", "Mai", "Juin"]
VENTES_CA = {
    "Nord": [12400, 11800, 13900, 14200, 15100, 16300],
    "Sud": [15800, 16200, 17500, 18900, 21400, 23800],
    "Est": [9700, 9100, 10400, 11200, 11900, 12500],
    "Ouest": [13200, 12600, 14700, 15300, 16800, 18100],
}

TARIFS = [("Référence", "Désignation", "Prix unitaire HT (€)", "Stock")] + [
    (f"REF-{100 + 2 * i}", name, price, stock)
    for i, (name, price, stock) in enumerate(
        [
            ("Ramette papier A4 80 g", 4.60, 240),
            ("Stylo bille bleu (x10)", 3.90, 85),
            ("Classeur A4 dos 50 mm", 2.75, 130),
            ("Surligneurs (x4)", 4.20, 60),
            ("Agrafeuse de bureau", 12.50, 18),
            ("Agrafes 24/6 (x1000)", 1.80, 95),
            ("Chemises cartonnées (x50)", 9.90, 40),
            ("Post-it 76 x 76 (x12)", 11.40, 33),
            ("Ruban adhésif (x8)", 6.30, 27),
            ("Cahier 24 x 32 96 pages", 2.15, 150),
            ("Calculatrice de bureau", 14.90, 12),
            ("Pochettes perforées (x100)", 5.40, 70),
            ("Marqueurs tableau blanc (x4)", 7.80, 44),
            ("Enveloppes C5 (x50)", 6.95, 58),
            ("Étiquettes adresse (x400)", 13.20, 21),
            ("Cartouche encre noire", 24.90, 16),
            ("Taille-crayon double", 1.45, 80),
            ("Gomme blanche", 0.85, 200),
            ("Règle 30 cm", 1.10, 110),
            ("Ciseaux 21 cm", 3.60, 36),
        ]
    )
]

DEPENSES = [
    ("Date", "Salarié", "Catégorie", "Montant (€)"),
    ("04/03/2024", "M. Leroy", "Transport", 86),
    ("04/03/2024", "M. Leroy", "Repas", 23),
    ("05/03/2024", "M. Leroy", "Hébergement", 112),
    ("07/03/2024", "A. Petit", "Repas", 18),
    ("07/03/2024", "A. Petit", "Transport", 42),
    ("11/03/2024", "S. Morel", "Transport", 134),
    ("11/03/2024", "S. Morel", "Hébergement", 98),
    ("12/03/2024", "S. Morel", "Repas", 31),
    ("14/03/2024", "A. Petit", "Repas", 16),
    ("18/03/2024", "M. Leroy", "Transport", 27),
    ("19/03/2024", "S. Morel", "Repas", 24),
    ("21/03/2024", "A. Petit", "Hébergement", 105),
    ("25/03/2024", "M. Leroy", "Repas", 19),
    ("26/03/2024", "A. Petit", "Transport", 58),
]


def bar_chart(
    path: Path, values: Sequence[int], y_min: int, y_max: int, title: str, unit: str
) -> None:
    """A column chart of six months; the vertical axis runs from y_min to y_max."""
    img = Image.new("RGB", (640, 400), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.text((20, 12), title, font=_font(16, True), fill=(20, 20, 20))
    left, bottom, top, right = 90, 340, 60, 620
    d.line((left, top, left, bottom), fill=(0, 0, 0), width=2)
    d.line((left, bottom, right, bottom), fill=(0, 0, 0), width=2)
    steps = 5
    for k in range(steps + 1):
        v = y_min + (y_max - y_min) * k // steps
        y = bottom - (bottom - top) * k // steps
        d.line((left - 5, y, right, y), fill=(225, 225, 225))
        d.text((10, y - 8), f"{v:,}".replace(",", " "), font=_font(12), fill=(40, 40, 40))
    width = (right - left) // len(values)
    for i, v in enumerate(values):
        x0 = left + i * width + 12
        h = (bottom - top) * (v - y_min) // (y_max - y_min)
        d.rectangle((x0, bottom - h, x0 + width - 24, bottom), fill=(60, 110, 180))
        d.text((x0, bottom + 8), MONTH_ABBR[i], font=_font(12), fill=(40, 40, 40))
    d.text((10, 40), unit, font=_font(12), fill=(40, 40, 40))
    save_png(img, path)


def build_1_3() -> dict[str, object]:
    """Media of competence 1.3; returns the values the keys rely on."""
    c = "1.3"
    write_csv(_out(c, "inscriptions_club.csv"), INSCRIPTIONS)
    write_ods(_out(c, "notes_3B.ods"), "Notes 3e B", NOTES)
    rows: list[Row] = [("Mois", "Région", "Chiffre d'affaires (€)")]
    for i, month in enumerate(MONTHS):
        for region, values in VENTES_CA.items():
            rows.append((month, region, values[i]))
    _out(c, "ventes_semestre.xlsx").write_bytes(xlsx_bytes("Ventes", rows))
    _out(c, "tarifs_fournitures.xlsx").write_bytes(xlsx_bytes("Tarifs", TARIFS))
    write_csv(_out(c, "notes_de_frais_mars.csv"), DEPENSES)
    bar_chart(
        _out(c, "graphique_visites.png"),
        [1850, 2300, 1600, 2750, 2100, 1950],
        0,
        3000,
        "Visiteurs de la médiathèque par mois (2024)",
        "Visiteurs",
    )
    bar_chart(
        _out(c, "graphique_satisfaction.png"),
        [96, 97, 96, 98, 97, 99],
        95,
        100,
        "Taux de satisfaction des usagers (%)",
        "%",
    )
    body = INSCRIPTIONS[1:]
    ines = next(r for r in NOTES if r[0] == "Inès")
    by_maths = sorted(NOTES[1:], key=lambda r: -int(r[1]))  # type: ignore[arg-type]
    totals: dict[str, int] = {}
    for r in DEPENSES[1:]:
        totals[str(r[2])] = totals.get(str(r[2]), 0) + int(r[3])  # type: ignore[call-overload]
    return {
        "inscrits": len(body),
        "escalade": sum(1 for r in body if r[3] == "Escalade"),
        "escalade_mineurs": [
            f"{r[1]} {r[0]}" for r in body if r[3] == "Escalade" and int(r[2]) < 18
        ],  # type: ignore[call-overload]
        "moyenne_ines": sum(int(v) for v in ines[1:]) / 4,  # type: ignore[call-overload]
        "maths_premier_dernier": (by_maths[0][0], by_maths[-1][0]),
        "ouest_t1": sum(VENTES_CA["Ouest"][:3]),
        "ref_118": next(r for r in TARIFS if r[0] == "REF-118"),
        "frais": totals,
    }


# ------------------------------------------------------------------ 2.1 interagir

MAIL_REUNION = """\
De : Nadia Benali <nadia.benali@ateliers-loire.fr>
Répondre à : secretariat.chantiers@ateliers-loire.fr
Envoyé : mardi 7 mai 2024 09:12
À : Hugo Martin <hugo.martin@ateliers-loire.fr>; Claire Dubois <claire.dubois@ateliers-loire.fr>; Malik Sy <malik.sy@ateliers-loire.fr>
Cc : Sophie Leroy <sophie.leroy@ateliers-loire.fr>; Paul Garnier <p.garnier@cabinet-garnier.fr>
Objet : Réunion de suivi du chantier Quai des Antilles - mardi 14 mai
Pièce jointe : ordre_du_jour_14-05.pdf (84 Ko)

Bonjour à toutes et à tous,

La prochaine réunion de suivi du chantier aura lieu le mardi 14 mai à 10 h, salle B204
(2e étage). Vous trouverez l'ordre du jour en pièce jointe.

Merci de confirmer votre présence au secrétariat avant vendredi, en répondant à ce message.

Paul, en tant qu'architecte, pourrez-vous apporter les plans modifiés du rez-de-chaussée ?

Bonne journée,

Nadia Benali
Cheffe de projet - Ateliers de Loire
02 40 00 00 00
"""

MAIL_SOURCE = """\
Return-Path: <bounce-8842@envoi-express-mailer.net>
Received: from smtp.envoi-express-mailer.net (smtp.envoi-express-mailer.net [185.234.72.19])
        by mx.saint-brieuc.fr with ESMTP id 4Vq2Lk0TzPz; Mon, 13 May 2024 07:58:12 +0200
Date: Mon, 13 May 2024 07:58:03 +0200
From: "Service des ressources humaines - Mairie de Saint-Brieuc" <drh@saintbrieuc-mairie-rh.com>
Reply-To: <dossiers-paie@envoi-express-mailer.net>
To: <agents@saint-brieuc.fr>
Subject: URGENT - Mise à jour de vos coordonnées bancaires avant la paie de mai
Message-ID: <20240513075803.8842@envoi-express-mailer.net>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

Madame, Monsieur,

Suite au changement de notre logiciel de paie, chaque agent doit renvoyer avant ce soir
une copie de son RIB et de sa pièce d'identité en répondant à ce message.
Sans retour de votre part, votre salaire de mai ne pourra pas être versé.

Le service des ressources humaines
"""

MAIL_LISTE = """\
De : Bruno Petit <bruno.petit@fournisseur-mail.fr>
Répondre à : bureau@listes.amicale-cyclo-vannes.fr
À : bureau@listes.amicale-cyclo-vannes.fr
Envoyé : jeudi 16 mai 2024 20:41
Objet : [Bureau] Cotisations 2024 - relances à faire

Bonsoir à tous,

Trois adhérents n'ont pas encore réglé leur cotisation 2024. Je propose de les relancer
par courrier avant la sortie du 2 juin. Qui s'en charge ?

Bruno, trésorier

--
Liste de diffusion du bureau de l'Amicale cyclo de Vannes (14 abonnés).
Pour vous désabonner : bureau-desabonnement@listes.amicale-cyclo-vannes.fr
"""

INVITATION = """\
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Agenda partagé//FR
METHOD:REQUEST
BEGIN:VEVENT
UID:7f3c2a10-point-projet@agenda.exemple.org
DTSTAMP:20240603T131500Z
DTSTART:20240612T140000Z
DTEND:20240612T150000Z
SUMMARY:Point projet avec l'équipe de Montréal
ORGANIZER;CN=Julie Tremblay:mailto:julie.tremblay@studio-boreal.ca
ATTENDEE;CN=Antoine Morel;ROLE=REQ-PARTICIPANT:mailto:antoine.morel@agence-graphik.fr
ATTENDEE;CN=Lise Carpentier;ROLE=OPT-PARTICIPANT:mailto:lise.carpentier@agence-graphik.fr
LOCATION:Visioconférence (lien envoyé la veille)
DESCRIPTION:Validation des maquettes et du calendrier de livraison.
END:VEVENT
END:VCALENDAR
"""

FORUM = [
    (
        "Léa_B",
        "lundi 18:02",
        "Bonjour, quelqu'un sait-il quand a lieu le prochain entraînement des débutants ?",
    ),
    ("Tom56", "lundi 18:10", "ENCORE CETTE QUESTION ??? C'EST ÉCRIT PARTOUT, APPRENEZ À LIRE !!!"),
    (
        "Inès_coach",
        "lundi 18:25",
        "Bonjour Léa, c'est mardi à 19 h au gymnase Kerbihan. Le planning est dans l'onglet « Agenda ».",
    ),
    (
        "Marc_R",
        "lundi 19:03",
        "Pour ceux qui veulent covoiturer avec Julie, voici son numéro perso : 06 12 34 56 78, elle habite 12 rue des Lilas.",
    ),
    (
        "Sam_Sport",
        "lundi 20:47",
        "Super promo sur les baskets de running : -50 % sur ma boutique en ligne, lien dans mon profil !",
    ),
    (
        "Nora",
        "lundi 21:15",
        "Merci Inès, je serai là mardi. Je peux prendre deux personnes en voiture depuis le centre-ville.",
    ),
]


def build_2_1() -> dict[str, object]:
    """Media of competence 2.1; returns the values the keys rely on."""
    c = "2.1"
    write_text(_out(c, "courriel_reunion_chantier.txt"), MAIL_REUNION)
    write_text(_out(c, "source_message_rh.txt"), MAIL_SOURCE)
    write_text(_out(c, "courriel_liste_bureau.txt"), MAIL_LISTE)
    write_text(_out(c, "invitation_point_projet.txt"), INVITATION)
    posts = "\n".join(
        f'<div class="msg"><p class="meta">Message {i} · <strong>{who}</strong> · {when}</p><p>{text}</p></div>'
        for i, (who, when, text) in enumerate(FORUM, 1)
    )
    body = (
        "<h1>Forum du club d'athlétisme de Lorient</h1>\n"
        "<p><strong>Charte du forum</strong> : restez courtois ; pas de message en majuscules ; "
        "aucune publicité ; ne publiez jamais les coordonnées d'une autre personne sans son "
        "accord ; restez dans le sujet de la discussion.</p>\n"
        "<h2>Sujet : Horaires de l'entraînement débutants</h2>\n" + posts
    )
    write_text(_out(c, "forum_club.html"), html_page("Forum du club", body))
    header = MAIL_REUNION.split("\n\n", 1)[0]
    to_cc = [ln for ln in header.splitlines() if ln.startswith(("À :", "Cc :"))]
    return {"destinataires_a_cc": sum(ln.count("@") for ln in to_cc)}


# ------------------------------------------------------------------ 2.2 partager et publier

DROITS = [
    ("Nom", "Adresse", "Rôle", "Ajouté le"),
    ("Gaëlle Le Goff", "g.legoff@mairie-plouvien.fr", "Propriétaire", "08/01/2024"),
    ("Yann Kerbrat", "y.kerbrat@mairie-plouvien.fr", "Éditeur", "08/01/2024"),
    ("Soizic Tanguy", "s.tanguy@mairie-plouvien.fr", "Lecteur", "09/01/2024"),
    ("Karim Haddad", "karim.haddad@archi-conseil.fr", "Éditeur", "15/01/2024"),
    ("Anne Morvan", "anne.morvan@mairie-plouvien.fr", "Commentateur", "15/01/2024"),
    ("Julien Roche", "j.roche@bureau-etudes-roche.fr", "Lecteur", "22/01/2024"),
    ("Maëlys Prigent", "m.prigent@mairie-plouvien.fr", "Éditeur", "05/02/2024"),
    ("Olivier Caradec", "o.caradec@lumiere-scenographie.fr", "Éditeur", "12/02/2024"),
    ("Pierre Le Bras", "p.lebras@mairie-plouvien.fr", "Lecteur", "19/02/2024"),
    ("Tiphaine Salaün", "t.salaun@mairie-plouvien.fr", "Commentateur", "26/02/2024"),
]

LICENCES = [
    ("Fichier", "Auteur", "Licence", "Source"),
    ("phare_eckmuhl.jpg", "Y. Quéré", "CC BY 4.0", "Wikimedia Commons"),
    ("port_guilvinec.jpg", "A. Bourhis", "CC BY-NC 4.0", "Flickr"),
    ("crepes_beurre.jpg", "Studio Gwen", "Tous droits réservés", "Site de l'auteur"),
    ("pointe_penmarch.jpg", "L. Cariou", "CC0 1.0", "Wikimedia Commons"),
    ("chapelle_tronoen.jpg", "M. Le Berre", "CC BY-SA 4.0", "Wikimedia Commons"),
    ("bigoudene_coiffe.jpg", "Musée bigouden", "CC BY-ND 4.0", "Site du musée"),
    ("dunes_torche.jpg", "P. Stéphan", "CC BY 2.0", "Flickr"),
    ("carte_postale_1905.jpg", "Anonyme", "Domaine public", "Archives départementales"),
    ("fest_noz.jpg", "R. Jaouen", "CC BY-NC-SA 4.0", "Flickr"),
    ("surf_la_torche.jpg", "Surf Photo Bzh", "Tous droits réservés", "Instagram"),
]

CONDITIONS = [
    "# 1. Objet",
    "La présente licence autorise l'acheteur (le Client) à utiliser l'image achetée",
    "dans les conditions ci-dessous. L'auteur reste titulaire de ses droits.",
    "# 2. Usages autorisés",
    "- Sites web, réseaux sociais et lettres d'information : sans limite de diffusion.",
    "- Documents imprimés (brochures, affiches, flyers) : jusqu'à 5 000 exemplaires",
    "  au total. Au-delà, une licence étendue doit être achetée.",
    "- Modifications autorisées : recadrage, retouche colorimétrique, ajout de texte.",
    "# 3. Usages interdits",
    "- Revendre ou redistribuer l'image seule, y compris gratuitement.",
    "- Utiliser l'image dans un logo ou une marque déposée.",
    "- Utiliser l'image dans un contexte diffamatoire ou discriminatoire.",
    "# 4. Durée",
    "La licence est accordée pour une durée de 3 ans à compter de la date d'achat.",
    "Les documents imprimés avant l'échéance peuvent continuer à être distribués.",
    "# 5. Crédit",
    "Chaque utilisation doit mentionner : « © Nom du photographe / PhotoLibre Pro ».",
    "Sur le web, le crédit figure sous l'image ou dans les mentions légales.",
    "# 6. Prix",
    "Licence standard : 29 € TTC par image. Licence étendue : 119 € TTC par image.",
]


def share_dialog(path: Path) -> None:
    """Screenshot of the share dialog of a shared spreadsheet."""
    img, d = window((560, 400), "Partager « Budget fête de quartier 2024 »")
    d.rectangle((20, 48, 540, 78), outline=(150, 150, 150))
    d.text((30, 55), "Ajouter des personnes ou des groupes", font=_font(13), fill=(130, 130, 130))
    d.text((20, 92), "Personnes ayant accès", font=_font(14, True), fill=(20, 20, 20))
    people = [
        ("Vous (jeanne.roux@mail-exemple.fr)", "Propriétaire"),
        ("Amina Diallo", "Éditeur"),
        ("Lucas Moreau", "Lecteur"),
        ("Chloé Bernard", "Commentateur"),
        ("Yanis Ferrand", "Éditeur"),
    ]
    y = 122
    for name, role in people:
        d.ellipse((20, y, 46, y + 26), fill=(120, 160, 210))
        d.text((56, y + 4), name, font=_font(13), fill=(20, 20, 20))
        d.text((410, y + 4), role + "  ▾", font=_font(13), fill=(40, 40, 40))
        y += 38
    d.text((20, 318), "Accès général", font=_font(14, True), fill=(20, 20, 20))
    d.text(
        (20, 342),
        "Limité : seules les personnes ajoutées peuvent ouvrir le fichier",
        font=_font(13),
        fill=(40, 40, 40),
    )
    d.rectangle((450, 366, 540, 392), fill=(40, 90, 200))
    d.text((473, 370), "OK", font=_font(13, True), fill=(255, 255, 255))
    save_png(img, path)


def build_2_2() -> dict[str, object]:
    """Media of competence 2.2; returns the values the keys rely on."""
    c = "2.2"
    write_csv(_out(c, "acces_dossier_mediatheque.csv"), DROITS)
    write_csv(_out(c, "images_brochure.csv"), LICENCES)
    share_dialog(_out(c, "partage_budget.png"))
    _out(c, "conditions_photolibre.pdf").write_bytes(
        pdf_bytes("PhotoLibre Pro - Conditions de la licence standard", CONDITIONS, page_break=12)
    )
    page = (
        "<p class=\"meta\">L'Écho de l'Erdre · Culture</p>\n"
        "<h1>Le festival des Rendez-vous de l'Erdre fête ses 35 ans</h1>\n"
        '<p class="meta">Par Romain Gicquel · 28 août 2024</p>\n'
        '<figure><div style="width:480px;height:220px;background:#7aa7c7"></div>\n'
        '<figcaption class="credit">Bateaux illuminés sur l\'Erdre. Photo : Maëlle Guérin, '
        "licence CC BY-SA 4.0, via Wikimedia Commons.</figcaption></figure>\n"
        "<p>Jazz sur les pontons, bateaux illuminés et concerts gratuits : le festival attend "
        "cette année plus de 150 000 visiteurs le long de la rivière.</p>\n"
        "<p class=\"meta\">Texte : © L'Écho de l'Erdre, tous droits réservés. Reproduction "
        "interdite sans autorisation.</p>"
    )
    write_text(_out(c, "article_festival.html"), html_page("Le festival fête ses 35 ans", page))
    site = "site_amicale/"
    entries = [
        (site + "index.html", html_page("Amicale laïque", "<h1>Bienvenue</h1>").encode()),
        (site + "agenda.html", html_page("Agenda", "<h1>Agenda 2024</h1>").encode()),
        (site + "contact.html", html_page("Contact", "<h1>Nous écrire</h1>").encode()),
        (site + "robots.txt", b"User-agent: *\nAllow: /\n"),
        (site + "css/style.css", b"body { font-family: sans-serif; }\n"),
        (site + "images/logo.png", image_bytes((200, 80), (230, 120, 40), "PNG")),
        (site + "images/kermesse_2024_01.jpg", image_bytes((480, 320), (200, 180, 120), "JPEG")),
        (site + "images/kermesse_2024_02.jpg", image_bytes((480, 320), (190, 170, 140), "JPEG")),
        (
            site + "docs/bulletin_adhesion_2024.pdf",
            pdf_bytes("Bulletin d'adhésion 2024", ["Nom :", "Prénom :"]),
        ),
        (
            site + "docs/liste_adherents_2024.xlsx",
            xlsx_bytes(
                "Adhérents",
                [
                    ("Nom", "Prénom", "Téléphone", "Adresse"),
                    ("Adherent", "Exemple", "0600000000", "1 rue de la Paix"),
                ],
            ),
        ),
        (
            site + "identifiants_hebergeur.txt",
            b"Compte FTP : amicale-ftp\nMot de passe : Kerm3sse!2024\n",
        ),
    ]
    write_zip(_out(c, "site_amicale.zip"), entries)
    editors = [r[0] for r in DROITS[1:] if r[2] in ("Propriétaire", "Éditeur")]
    outside_editors = [
        r[0]
        for r in DROITS[1:]
        if r[2] == "Éditeur" and not str(r[1]).endswith("@mairie-plouvien.fr")
    ]
    usable = [
        r[0]
        for r in LICENCES[1:]
        if r[2] in ("CC BY 4.0", "CC0 1.0", "CC BY-SA 4.0", "CC BY 2.0", "Domaine public")
    ]
    return {
        "peuvent_modifier": len(editors),
        "editeurs_exterieurs": outside_editors,
        "images_utilisables": usable,
    }


def build_all(argv: Sequence[str]) -> None:
    """Build every media file; print the key values with --answers."""
    values = {
        "1.1": build_1_1(),
        "1.2": build_1_2(),
        "1.3": build_1_3(),
        "2.1": build_2_1(),
        "2.2": build_2_2(),
    }
    if "--answers" in argv:
        for comp, vals in values.items():
            print(comp, vals)


if __name__ == "__main__":
    build_all(sys.argv[1:])
