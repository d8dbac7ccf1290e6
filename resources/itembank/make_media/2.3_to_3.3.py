"""Generate the media of item-bank competences 2.3, 2.4, 3.1, 3.2 and 3.3 (deterministic).

Run from anywhere with the project venv:
    .venv/bin/python resources/itembank/make_media/2.3_to_3.3.py
Every date, size and value is fixed, so re-running rewrites identical files.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P
from openpyxl import Workbook
from openpyxl.styles import Font
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

BANK = Path(__file__).resolve().parent.parent
MEDIA = BANK / "media"
FIXED = dt.datetime(2024, 3, 4, 9, 0, 0)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """DejaVu Sans at a size (bold optional)."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONT_DIR / name), size)


def out(comp: str, name: str) -> Path:
    """Path of a media file of a competence (folder created)."""
    folder = MEDIA / comp
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


# ---------------------------------------------------------------- generic writers


def write_text(path: Path, text: str) -> None:
    """UTF-8 text with LF line ends."""
    path.write_bytes(text.encode("utf-8"))


def write_csv(path: Path, rows: Sequence[Sequence[object]]) -> None:
    """Semicolon CSV in UTF-8 (French spreadsheet convention)."""
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\n").writerows(rows)
    write_text(path, buf.getvalue())


def write_xlsx(path: Path, title: str, rows: Sequence[Sequence[object]]) -> None:
    """One-sheet workbook, bold header, fixed document dates."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(list(row))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for col in "ABCDEFG":
        ws.column_dimensions[col].width = 22
    wb.properties.creator = "certkiosk"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(_normalise_zip(buf.getvalue()))


def write_ods(path: Path, title: str, rows: Sequence[Sequence[object]]) -> None:
    """One-sheet ODS; numbers stay numbers."""
    doc = OpenDocumentSpreadsheet()
    table = Table(name=title)
    for row in rows:
        tr = TableRow()
        for value in row:
            if isinstance(value, int | float):
                cell = TableCell(valuetype="float", value=value)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    buf = io.BytesIO()
    doc.write(buf)
    path.write_bytes(_normalise_zip(buf.getvalue(), drop_meta=True))


def _normalise_zip(data: bytes, drop_meta: bool = False) -> bytes:
    """Rewrite a zip container with fixed entry dates (and no volatile meta.xml dates)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            payload = src.read(info.filename)
            if drop_meta and info.filename == "meta.xml":
                payload = (
                    b'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta '
                    b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                    b'office:version="1.2"><office:meta/></office:document-meta>'
                )
            if info.filename == "docProps/core.xml":
                payload = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(<)",
                    rb"\g<1>2024-03-04T09:00:00Z\g<2>",
                    payload,
                )
            new = zipfile.ZipInfo(info.filename, date_time=(2024, 3, 4, 9, 0, 0))
            new.compress_type = (
                zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            )
            dst.writestr(new, payload)
    return buf.getvalue()


def write_zip(
    path: Path, entries: Sequence[tuple[str, int, tuple[int, int, int, int, int]]]
) -> None:
    """A zip whose listing matters: (name, size in bytes, (y, m, d, h, min)) per entry."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for i, (name, size, when) in enumerate(entries):
            info = zipfile.ZipInfo(name, date_time=(*when, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            seed = bytes([(i * 37 + 11) % 251])
            zf.writestr(info, (seed * 64 + b"\0" * 4032) * (size // 4096) + b"\0" * (size % 4096))


def pdf_canvas(path: Path, title: str, size: tuple[float, float] = A4) -> canvas.Canvas:
    """A reportlab canvas with invariant output (no timestamp, fixed id)."""
    c = canvas.Canvas(str(path), pagesize=size, invariant=1)
    c.setTitle(title)
    c.setAuthor("certkiosk")
    return c


def pdf_lines(c: canvas.Canvas, lines: Sequence[tuple[str, str]], top: float = 790) -> float:
    """Write (style, text) lines: style h1/h2/p/small/blank. Returns the last y."""
    y = top
    for style, text in lines:
        if style == "h1":
            c.setFont("Helvetica-Bold", 17)
            y -= 8
        elif style == "h2":
            c.setFont("Helvetica-Bold", 13)
            y -= 6
        elif style == "small":
            c.setFont("Helvetica-Oblique", 9)
        else:
            c.setFont("Helvetica", 11)
        if style != "blank":
            c.drawString(60, y, text)
        y -= 20 if style in {"h1", "h2"} else 16
    return y


def dialog(
    path: Path, title: str, rows: Sequence[tuple[str, str]], width: int = 560, note: str = ""
) -> None:
    """Draw a desktop-style dialog: title bar, then label/value rows."""
    height = 70 + 30 * len(rows) + (40 if note else 0) + 50
    img = Image.new("RGB", (width, height), "#f3f3f3")
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, width - 1, 34], fill="#2b5797")
    d.text((14, 8), title, font=font(15, True), fill="white")
    d.text((width - 30, 6), "×", font=font(18, True), fill="white")
    y = 52
    for label, value in rows:
        d.text((20, y), label, font=font(14, True), fill="#333333")
        d.text((230, y), value, font=font(14), fill="#111111")
        y += 30
    if note:
        d.text((20, y + 8), note, font=font(12), fill="#555555")
        y += 40
    d.rectangle([0, 0, width - 1, height - 1], outline="#7a7a7a")
    d.rounded_rectangle(
        [width - 120, height - 42, width - 20, height - 14], 4, fill="#e1e1e1", outline="#999"
    )
    d.text((width - 90, height - 38), "OK", font=font(14), fill="black")
    img.save(path, optimize=True)


def photo(
    path: Path,
    size: tuple[int, int],
    sky: str,
    ground: str,
    exif: Image.Exif | None,
    bike: bool = False,
) -> None:
    """A simple landscape picture (sky, hills, sun, optional bicycle) saved as JPEG, with optional EXIF."""
    w, h = size
    img = Image.new("RGB", size, sky)
    d = ImageDraw.Draw(img)
    d.ellipse([w * 0.72, h * 0.12, w * 0.86, h * 0.12 + w * 0.14], fill="#ffd84a")
    d.polygon(
        [(0, h * 0.65), (w * 0.3, h * 0.38), (w * 0.6, h * 0.62), (w, h * 0.45), (w, h), (0, h)],
        fill=ground,
    )
    d.rectangle([w * 0.12, h * 0.72, w * 0.2, h * 0.9], fill="#6b4226")
    d.ellipse([w * 0.06, h * 0.52, w * 0.26, h * 0.76], fill="#2e7d32")
    if bike:
        _bicycle(d, w * 0.58, h * 0.88, h * 0.16)
    kwargs = {"quality": 80}
    if exif is not None:
        kwargs["exif"] = exif.tobytes()
    img.save(path, "JPEG", **kwargs)


def _bicycle(d: ImageDraw.ImageDraw, cx: float, ground_y: float, r: float) -> None:
    """Draw a side view of a bicycle whose wheels (radius r) rest on ground_y, centred on cx."""
    rear = (cx - 1.3 * r, ground_y - r)
    front = (cx + 1.3 * r, ground_y - r)
    crank = (cx - 0.1 * r, ground_y - r)
    seat = (cx - 0.55 * r, ground_y - 2.1 * r)
    head = (cx + 0.95 * r, ground_y - 2.0 * r)
    for x, y in (rear, front):
        d.ellipse([x - r, y - r, x + r, y + r], outline="#222222", width=4)
        d.ellipse([x - 3, y - 3, x + 3, y + 3], fill="#222222")
    frame = "#c62828"
    for a, b in (
        (rear, crank),
        (crank, seat),
        (seat, rear),
        (seat, head),
        (crank, head),
        (head, front),
    ):
        d.line([a, b], fill=frame, width=5)
    d.line([seat, (seat[0] - 0.05 * r, seat[1] - 0.3 * r)], fill="#222222", width=4)
    d.line(
        [(seat[0] - 0.35 * r, seat[1] - 0.32 * r), (seat[0] + 0.25 * r, seat[1] - 0.32 * r)],
        fill="#222222",
        width=6,
    )
    d.line([head, (head[0] - 0.1 * r, head[1] - 0.35 * r)], fill="#222222", width=4)
    d.line(
        [(head[0] - 0.35 * r, head[1] - 0.4 * r), (head[0] + 0.15 * r, head[1] - 0.35 * r)],
        fill="#222222",
        width=5,
    )
    d.ellipse([crank[0] - 6, crank[1] - 6, crank[0] + 6, crank[1] + 6], outline="#222222", width=3)


def html_page(title: str, body: str, style: str = "") -> str:
    """A self-contained HTML page (no network)."""
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>\nbody{{font-family:Arial,sans-serif;max-width:760px;"
        f"margin:20px auto;color:#222;line-height:1.45}}\n{style}\n</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def gps_exif(
    artist: str,
    when: str,
    make: str,
    model: str,
    lat: tuple[float, float, float],
    lon: tuple[float, float, float],
    lat_ref: str = "N",
    lon_ref: str = "E",
) -> Image.Exif:
    """EXIF block with author, date, camera and GPS position."""
    exif = Image.Exif()
    exif[0x013B] = artist
    exif[0x0132] = when
    exif[0x010F] = make
    exif[0x0110] = model
    exif[0x8825] = {1: lat_ref, 2: lat, 3: lon_ref, 4: lon}
    return exif


# ---------------------------------------------------------------- 2.3 Collaborer


def media_2_3() -> None:
    """Share dialog, date poll, task tracker, version history, shared folder, team charter."""
    dialog(
        out("2.3", "partage_document.png"),
        "Partager « Kermesse 2024 – Programme »",
        [
            ("Claire Martin (vous)", "Propriétaire"),
            ("Karim Benali", "Éditeur"),
            ("Sophie Durand", "Commentateur"),
            ("Lucas Petit", "Lecteur"),
            ("Nadia Roche", "Éditeur"),
            ("Accès général", "Restreint"),
        ],
        note="Seules les personnes ajoutées peuvent ouvrir le document avec ce lien.",
    )
    write_csv(
        out("2.3", "sondage_reunion.csv"),
        [
            [
                "Participant",
                "Lun. 13/05 14 h",
                "Mar. 14/05 10 h",
                "Mer. 15/05 16 h",
                "Jeu. 16/05 9 h",
                "Ven. 17/05 11 h",
            ],
            ["Amélie", "Oui", "Non", "Oui", "Si nécessaire", "Oui"],
            ["Bruno", "Non", "Oui", "Oui", "Oui", "Non"],
            ["Chloé", "Oui", "Oui", "Non", "Oui", "Si nécessaire"],
            ["David", "Si nécessaire", "Oui", "Oui", "Oui", "Non"],
            ["Emma", "Oui", "Non", "Si nécessaire", "Oui", "Oui"],
            ["Farid", "Non", "Oui", "Oui", "Si nécessaire", "Oui"],
            ["Gaëlle", "Oui", "Si nécessaire", "Oui", "Oui", "Non"],
            ["Hugo", "Si nécessaire", "Si nécessaire", "Non", "Oui", "Oui"],
        ],
    )
    write_xlsx(
        out("2.3", "suivi_taches.xlsx"),
        "Tâches",
        [
            ["Tâche", "Responsable", "Statut", "Échéance", "Charge estimée (h)"],
            ["Réserver la salle des fêtes", "Inès", "Terminé", "15/04/2024", 1],
            ["Demander l'autorisation à la mairie", "Thomas", "Terminé", "19/04/2024", 2],
            ["Créer l'affiche", "Inès", "En cours", "06/05/2024", 4],
            ["Commander les boissons", "Malik", "À faire", "17/05/2024", 2],
            ["Lancer la billetterie en ligne", "Thomas", "En cours", "10/05/2024", 3],
            ["Recruter les bénévoles", "Inès", "À faire", "13/05/2024", 5],
            ["Prévoir la sonorisation", "Malik", "En cours", "20/05/2024", 3],
            ["Rédiger le communiqué de presse", "Inès", "À faire", "21/05/2024", 2],
            ["Organiser le planning des stands", "Thomas", "À faire", "24/05/2024", 6],
            ["Acheter les lots de la tombola", "Malik", "Terminé", "03/05/2024", 3],
            ["Publier l'événement sur le site", "Inès", "Terminé", "29/04/2024", 1],
            ["Préparer la caisse", "Thomas", "À faire", "31/05/2024", 2],
            ["Installer la signalétique", "Malik", "À faire", "31/05/2024", 4],
            ["Faire le bilan financier", "Inès", "À faire", "14/06/2024", 3],
        ],
    )
    rows = [
        (
            "7 mars 2024, 18:42",
            "Hélène Vasseur",
            "Création du document : ordre du jour et liste des présents",
        ),
        (
            "8 mars 2024, 09:15",
            "Hélène Vasseur",
            "Ajout du paragraphe « Budget 2024 » et des décisions votées",
        ),
        ("8 mars 2024, 11:03", "Paul Nguyen", "Correction de l'orthographe des noms des présents"),
        (
            "8 mars 2024, 14:27",
            "Sarah Klein",
            "Suppression du paragraphe « Budget 2024 » ; ajout de la partie « Questions diverses »",
        ),
        (
            "8 mars 2024, 16:50",
            "Paul Nguyen",
            "Mise en forme des titres avec les styles Titre 1 et Titre 2",
        ),
        ("11 mars 2024, 10:05", "Hélène Vasseur", "Version nommée « Validée par le bureau »"),
    ]
    body = "<h1>Historique des versions</h1>\n<p>Document : <strong>Compte rendu – Conseil d'administration du 7 mars 2024</strong><br>"
    body += "Dossier partagé : Association Les Lutins / Conseil d'administration</p>\n"
    body += (
        "<table>\n<tr><th>Version enregistrée le</th><th>Auteur</th><th>Modifications</th></tr>\n"
    )
    for when, who, what in rows:
        body += f"<tr><td>{when}</td><td>{who}</td><td>{what}</td></tr>\n"
    body += '</table>\n<p class="n">Les versions sont listées de la plus ancienne à la plus récente. La version actuelle est la dernière.</p>'
    write_text(
        out("2.3", "historique_versions.html"),
        html_page(
            "Historique des versions",
            body,
            "table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:6px;text-align:left}"
            "th{background:#e8eef7}.n{font-size:0.9em;color:#555}",
        ),
    )
    base = "Association_Kermesse/"
    write_zip(
        out("2.3", "dossier_partage.zip"),
        [
            (base + "2024-03-05_Kermesse_CR-reunion_v01.odt", 24_310, (2024, 3, 5, 21, 4)),
            (base + "2024-03-12_Kermesse_Budget_v02.xlsx", 18_432, (2024, 3, 12, 10, 14)),
            (
                base
                + "2024-03-12_Kermesse_Budget_v02 (copie en conflit de Marc Lefort 2024-03-12).xlsx",
                18_890,
                (2024, 3, 12, 10, 16),
            ),
            (base + "2024-03-19_Kermesse_CR-reunion_v01.odt", 26_118, (2024, 3, 19, 22, 31)),
            (
                base
                + "2024-03-19_Kermesse_CR-reunion_v01 (copie en conflit de Ines Sahli 2024-03-19).odt",
                25_907,
                (2024, 3, 19, 22, 40),
            ),
            (base + "2024-03-20_Kermesse_Affiche_v03.png", 148_220, (2024, 3, 20, 18, 2)),
            (base + "affiche finale OK.png", 151_004, (2024, 3, 20, 18, 45)),
            (
                base + "2024-03-21_Kermesse_Planning-benevoles_v01.xlsx",
                12_288,
                (2024, 3, 21, 9, 12),
            ),
            (
                base
                + "2024-03-21_Kermesse_Planning-benevoles_v01 (copie en conflit de Thomas Roy 2024-03-22).xlsx",
                12_544,
                (2024, 3, 22, 8, 3),
            ),
        ],
    )
    c = pdf_canvas(out("2.3", "charte_equipe.pdf"), "Charte de travail collaboratif")
    pdf_lines(
        c,
        [
            ("h1", "Charte de travail collaboratif"),
            (
                "p",
                "Association Les Lutins – équipe d'organisation de la kermesse – adoptée le 1er mars 2024",
            ),
            ("blank", ""),
            ("h2", "1. Nommage des fichiers"),
            (
                "p",
                "Tout fichier déposé dans le dossier partagé est nommé ainsi : AAAA-MM-JJ_Projet_Type_vNN",
            ),
            ("p", "- AAAA-MM-JJ : date de création du document ;"),
            ("p", "- Projet : nom court du projet, sans espace (ici : Kermesse) ;"),
            (
                "p",
                "- Type : nature du document (CR-reunion, Budget, Affiche, Planning-benevoles...) ;",
            ),
            ("p", "- vNN : numéro de version sur deux chiffres, en commençant à v01."),
            ("p", "Exemple : 2024-03-05_Kermesse_CR-reunion_v01.odt"),
            ("blank", ""),
            ("h2", "2. Quel outil pour quel usage ?"),
            (
                "p",
                "- Messagerie instantanée (salon « kermesse ») : questions rapides et urgences du jour J.",
            ),
            (
                "p",
                "- Tableau des tâches : toute tâche à réaliser, avec un responsable et une échéance.",
            ),
            ("p", "- Courriel : convocations et décisions officielles du bureau."),
            ("p", "- Visioconférence : réunion mensuelle, le premier mardi du mois à 20 h."),
            ("blank", ""),
            ("h2", "3. Édition des documents partagés"),
            (
                "p",
                "- On ne modifie pas directement la partie rédigée par un autre membre : on utilise",
            ),
            ("p", "  les commentaires ou le mode suggestion."),
            (
                "p",
                "- C'est le rédacteur de la partie qui résout les commentaires qui lui sont adressés.",
            ),
            (
                "p",
                "- Après chaque validation par le bureau, la secrétaire crée une version nommée.",
            ),
            ("blank", ""),
            ("h2", "4. Disponibilité"),
            ("p", "- Pas de message entre 21 h et 8 h, sauf urgence le jour de la kermesse."),
            ("p", "- Chacun met à jour le statut de ses tâches au moins une fois par semaine."),
        ],
    )
    c.showPage()
    c.save()


# ---------------------------------------------------------------- 2.4 S'insérer dans le monde numérique


def media_2_4() -> None:
    """Public profile, photo with location metadata, fake fine e-mail, subscriptions, terms, debate, receipt."""
    body = """<div class="bar">Réseau Pro-Amis — Aperçu : <strong>ce que voit le public</strong></div>
<div class="card"><div class="avatar">JM</div><h1>Julien Morel</h1>
<p>Technicien de maintenance chez <strong>Airval Industrie</strong><br>
Habite à Rezé (Loire-Atlantique)<br>Né le 14 juin 1991<br>Téléphone : 06 12 34 56 78</p>
<p class="muted">312 amis · liste d'amis masquée · adresse électronique masquée</p></div>
<h2>Publications publiques</h2>
<div class="post"><span class="muted">2 août 2024</span><p>Départ demain pour trois semaines en Crète, la maison va être bien calme ! #vacances</p></div>
<div class="post"><span class="muted">19 juillet 2024</span><p>Joyeux anniversaire à mon chien Filou, 5 ans aujourd'hui !</p></div>
<div class="post"><span class="muted">3 juillet 2024</span><p>Fier de notre équipe : nouvelle ligne de production lancée à l'usine de Bouguenais.</p></div>"""
    write_text(
        out("2.4", "profil_public.html"),
        html_page(
            "Julien Morel – profil public",
            body,
            ".bar{background:#1d4e89;color:#fff;padding:8px}.card{border:1px solid #ccc;padding:12px;margin:12px 0}"
            ".avatar{width:60px;height:60px;border-radius:30px;background:#9bb7d4;text-align:center;line-height:60px;"
            "font-weight:bold;float:left;margin-right:12px}.post{border-top:1px solid #ddd;padding:6px 0}.muted{color:#666;font-size:0.9em}",
        ),
    )
    exif = gps_exif(
        "Lea Fontaine",
        "2024:06:02 10:12:44",
        "Google",
        "Pixel 7a",
        (47.0, 13.0, 10.0),
        (1.0, 38.0, 52.0),
        lon_ref="W",
    )
    photo(out("2.4", "velo_annonce.jpg"), (480, 320), "#a8d0f0", "#7cb342", exif, bike=True)
    dialog(
        out("2.4", "proprietes_velo_annonce.png"),
        "Propriétés de IMG_20240602_101244.jpg – Détails",
        [
            ("Date de prise de vue", "02/06/2024 10:12"),
            ("Auteur", "Léa Fontaine"),
            ("Marque de l'appareil", "Google"),
            ("Modèle de l'appareil", "Pixel 7a"),
            ("Dimensions", "4080 × 3072"),
            ("Latitude", "47° 13' 10\" N"),
            ("Longitude", "1° 38' 52\" O"),
            ("Emplacement", "8 rue des Mimosas, 44800 Saint-Herblain"),
        ],
        width=640,
    )
    write_text(
        out("2.4", "courriel_amende.txt"),
        "De : ANTS Service Amendes <notification@ants-gouv-amendes.fr>\n"
        "À : camille.roux@exemple.fr\n"
        "Date : mar. 9 avr. 2024 07:12\n"
        "Objet : Avis de contravention impayée – DERNIER RAPPEL\n\n"
        "Madame, Monsieur,\n\n"
        "Sauf erreur de notre part, l'avis de contravention n° 2024-88417 d'un montant de 35 € n'a pas été réglé.\n"
        "Sans paiement sous 48 heures, le montant sera majoré à 375 € et votre permis de conduire pourra être suspendu.\n\n"
        "Réglez dès maintenant par carte bancaire :\n"
        "https://ants-gouv-amendes.fr/paiement?ref=88417\n\n"
        "Cordialement,\n"
        "Agence Nationale des Titres Sécurisés\n"
        "Service des amendes\n",
    )
    write_ods(
        out("2.4", "abonnements_foyer.ods"),
        "Abonnements",
        [
            ["Service", "Catégorie", "Modèle économique", "Prix mensuel (€)"],
            ["Netflox", "Vidéo à la demande", "Abonnement", 13.49],
            ["Spotifo Premium", "Musique", "Freemium (offre payante)", 10.99],
            ["MétéoPlus", "Météo", "Gratuit avec publicité", 0],
            ["Cloud Famille 200 Go", "Stockage en ligne", "Abonnement", 2.99],
            ["Ouest Matin numérique", "Presse", "Abonnement", 9.99],
            ["Royaume Candy", "Jeu mobile", "Gratuit avec achats intégrés", 0],
            ["Box Internet Fibre", "Accès à Internet", "Abonnement", 29.99],
            ["RouteFacile", "Navigation GPS", "Gratuit avec publicité", 0],
        ],
    )
    c = pdf_canvas(out("2.4", "cgu_fitmouv.pdf"), "FitMouv – Conditions générales d'utilisation")
    pdf_lines(
        c,
        [
            ("h1", "FitMouv – Conditions générales d'utilisation (extrait)"),
            ("small", "Version du 1er février 2024"),
            ("h2", "Article 3 – Gratuité du service"),
            (
                "p",
                "L'application FitMouv est gratuite. Elle est financée par l'affichage de publicités ciblées",
            ),
            (
                "p",
                "et par l'abonnement facultatif « FitMouv Premium » (4,99 € par mois), sans publicité.",
            ),
            ("h2", "Article 5 – Données collectées"),
            (
                "p",
                "Nom, adresse électronique, date de naissance, poids, nombre de pas quotidien et position",
            ),
            ("p", "GPS pendant les séances enregistrées."),
            ("h2", "Article 6 – Partage avec des partenaires"),
            (
                "p",
                "Si vous y avez consenti dans les paramètres de confidentialité, vos données d'activité,",
            ),
            (
                "p",
                "pseudonymisées, sont transmises à nos partenaires publicitaires afin de personnaliser les",
            ),
            ("p", "annonces qui vous sont présentées."),
            ("h2", "Article 7 – Durée de conservation"),
            (
                "p",
                "Les données sont conservées pendant 3 ans à compter de votre dernière connexion.",
            ),
            ("h2", "Article 8 – Vos droits"),
            (
                "p",
                "Vous pouvez demander l'accès, la rectification, l'effacement ou la portabilité de vos",
            ),
            (
                "p",
                "données en écrivant à dpo@fitmouv.example ou depuis le menu Profil > Mes données.",
            ),
            ("h2", "Article 9 – Résiliation de l'abonnement Premium"),
            (
                "p",
                "L'abonnement peut être résilié à tout moment ; la résiliation prend effet à la fin du",
            ),
            ("p", "mois en cours."),
        ],
    )
    c.showPage()
    c.save()
    posts = [
        (
            "Marc_B",
            "Je soutiens le projet. D'après le rapport municipal de 2023 (comptages page 12), 1 400 cyclistes "
            "empruntent déjà l'avenue chaque jour, sans aménagement.",
        ),
        (
            "Sylvie.R",
            "Je suis plutôt contre : la suppression de 40 places de stationnement va pénaliser les clients "
            "âgés du marché du samedi. Ne peut-on pas décaler la piste rue Voltaire ?",
        ),
        (
            "Anonyme42",
            "Ceux qui veulent cette piste sont des abrutis finis. Si elle se fait, on ira crever les pneus "
            "de leurs vélos.",
        ),
        (
            "Tonio",
            "De toute façon, 98 % des commerçants font faillite après la création d'une piste cyclable, c'est prouvé.",
        ),
        (
            "J-P. Dumas",
            "L'adjoint au maire chargé du projet, M. Caron, habite au 14 rue des Lilas. Allons lui expliquer "
            "chez lui ce soir ce qu'on en pense, il comprendra vite.",
        ),
        (
            "Inès K.",
            "Proposition : une piste sur un seul côté et des places de livraison conservées devant le marché. "
            "Quelqu'un a-t-il les chiffres de fréquentation du marché ?",
        ),
    ]
    body = "<h1>Montval participe</h1>\n<p>Consultation : <strong>piste cyclable avenue Jean-Jaurès</strong> – "
    body += "les contributions respectent la charte de modération (pas d'insulte, de menace ni de donnée personnelle d'autrui).</p>\n"
    for i, (who, text) in enumerate(posts, start=1):
        body += f'<div class="m"><strong>Message n° {i}</strong> – {who}<p>{text}</p></div>\n'
    write_text(
        out("2.4", "consultation_piste.html"),
        html_page(
            "Montval participe – consultation",
            body,
            ".m{border:1px solid #ccc;padding:8px;margin:8px 0;background:#fafafa}",
        ),
    )
    c = pdf_canvas(out("2.4", "accuse_reception.pdf"), "Accusé de réception de pré-demande")
    pdf_lines(
        c,
        [
            ("h1", "Accusé de réception"),
            ("p", "Pré-demande de carte nationale d'identité"),
            ("blank", ""),
            ("p", "Demandeur : Mme Nora BELKACEM"),
            ("p", "Date et heure d'enregistrement : 21/05/2024 à 14:08"),
            ("h2", "Numéro de pré-demande : 2405A7K3P9"),
            ("blank", ""),
            (
                "p",
                "Votre pré-demande est enregistrée. Prochaine étape : prenez rendez-vous dans une mairie",
            ),
            (
                "p",
                "équipée d'un dispositif de recueil et présentez-y ce numéro (ou ce document imprimé),",
            ),
            (
                "p",
                "avec les pièces justificatives demandées. Vos empreintes seront relevées sur place.",
            ),
            ("blank", ""),
            (
                "small",
                "Ce document est généré automatiquement ; il ne constitue pas un titre d'identité.",
            ),
        ],
    )
    c.showPage()
    c.save()


# ---------------------------------------------------------------- 3.1 Développer des documents textuels


def media_3_1() -> None:
    """Revised minutes, mail-merge source and letter, a .docx listing, navigation pane, a note."""
    c = pdf_canvas(
        out("3.1", "compte_rendu_revise.pdf"), "Compte rendu avec suivi des modifications"
    )
    c.setFont("Helvetica-Bold", 16)
    c.drawString(50, 790, "Compte rendu – Réunion de l'équipe communication")
    c.setFont("Helvetica", 10)
    c.drawString(
        50,
        772,
        "12 mars 2024 – document affiché avec le suivi des modifications (Marques : toutes)",
    )
    c.line(395, 750, 395, 420)
    lines = [
        ("Salon de l'emploi : ", [("n", "14 juin 2024"), ("i", " (montage la veille à 18 h)")]),
        ("Budget de l'opération : ", [("d", "350 €"), ("i", "420 €"), ("n", " TTC")]),
        ("Responsable du stand : ", [("d", "Paul Renaud"), ("i", "Awa Sissoko")]),
        ("Nombre de flyers à imprimer : ", [("d", "2 000"), ("i", "1 500")]),
        ("Prochaine réunion : ", [("n", "mardi 26 mars à 10 h, salle B")]),
    ]
    notes = [
        ["Inséré (Léa Garnier) : « (montage la veille à 18 h) »"],
        ["Supprimé (Martin Diallo) : « 350 € »", "Inséré (Martin Diallo) : « 420 € »"],
        ["Supprimé (Léa Garnier) : « Paul Renaud »", "Inséré (Léa Garnier) : « Awa Sissoko »"],
        ["Supprimé (Martin Diallo) : « 2 000 »", "Inséré (Martin Diallo) : « 1 500 »"],
        [],
    ]
    y = 730
    for (label, parts), note in zip(lines, notes, strict=True):
        x = 50.0
        c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica-Bold", 11)
        c.drawString(x, y, label)
        x += c.stringWidth(label, "Helvetica-Bold", 11)
        for kind, text in parts:
            w = c.stringWidth(text, "Helvetica", 11)
            if kind == "d":
                c.setFillColorRGB(0.8, 0, 0)
                c.setStrokeColorRGB(0.8, 0, 0)
                c.line(x, y + 4, x + w, y + 4)
            elif kind == "i":
                c.setFillColorRGB(0, 0.2, 0.8)
                c.setStrokeColorRGB(0, 0.2, 0.8)
                c.line(x, y - 2, x + w, y - 2)
            else:
                c.setFillColorRGB(0, 0, 0)
            c.setFont("Helvetica", 11)
            c.drawString(x, y, text)
            x += w + (4 if kind != "n" else 0)
        c.setFillColorRGB(0.25, 0.25, 0.25)
        c.setFont("Helvetica-Oblique", 8)
        k = 0
        for n in note:
            who, what = n.split(" : ", 1)
            c.drawString(402, y - 10 * k, who + " :")
            c.drawString(410, y - 10 * (k + 1), what)
            k += 2
        y -= 60
    c.setFillColorRGB(0, 0, 0)
    c.setStrokeColorRGB(0, 0, 0)
    c.setFont("Helvetica-Oblique", 9)
    c.drawString(
        50,
        390,
        "Légende : texte barré en rouge = suppression ; texte souligné en bleu = insertion.",
    )
    c.showPage()
    c.save()
    header = [
        "Nom",
        "Prenom",
        "Adresse",
        "Code_postal",
        "Ville",
        "Statut_adhesion",
        "Date_echeance",
    ]
    people = [
        ["Bernard", "Alice", "12 rue Crébillon", "44000", "Nantes", "À renouveler", "30/06/2024"],
        ["Caron", "Hugo", "5 allée des Tilleuls", "44300", "Nantes", "À jour", "31/12/2024"],
        ["Da Silva", "Marta", "3 rue de la Paix", "44400", "Rezé", "À renouveler", "30/06/2024"],
        [
            "Dubois",
            "Yanis",
            "8 boulevard Guist'hau",
            "44000",
            "Nantes",
            "À renouveler",
            "31/07/2024",
        ],
        ["Esnault", "Claire", "21 rue Paul-Bellamy", "44000", "Nantes", "Résiliée", "31/01/2024"],
        ["Fournier", "Louis", "2 place Royale", "44000", "Nantes", "À renouveler", "30/06/2024"],
        ["Garnier", "Inès", "14 rue du Port", "44400", "Rezé", "À jour", "31/12/2024"],
        [
            "Haddad",
            "Samir",
            "7 rue Jean-Jaurès",
            "44800",
            "Saint-Herblain",
            "À renouveler",
            "31/07/2024",
        ],
        ["Jacob", "Manon", "30 quai de Versailles", "44000", "Nantes", "À jour", "31/10/2024"],
        ["Lemoine", "Paul", "9 rue Kervégan", "44000", "Nantes", "À renouveler", "30/06/2024"],
        ["Moreau", "Julie", "4 rue Fouré", "44000", "Nantes", "Résiliée", "31/03/2024"],
        [
            "Nguyen",
            "Thierry",
            "16 avenue de la Gare",
            "44800",
            "Saint-Herblain",
            "À jour",
            "31/12/2024",
        ],
    ]
    write_csv(out("3.1", "destinataires_publipostage.csv"), [header, *people])
    write_text(
        out("3.1", "lettre_type.txt"),
        "Association Vélo Nantes Sud\n3 rue de Vertais, 44200 Nantes\n\n"
        "«Civilite» «Prenom» «Nom»\n«Adresse»\n«Code_postal» «Ville»\n\n"
        "Objet : renouvellement de votre adhésion\n\n"
        "«Civilite» «Nom»,\n\n"
        "Votre adhésion à l'association arrive à échéance le «Date_echeance». Pour continuer à profiter "
        "des ateliers de réparation et des sorties du dimanche, merci de renouveler votre cotisation "
        "(20 €) avant cette date.\n\n"
        "Nous vous prions d'agréer, «Civilite» «Nom», nos salutations cyclistes.\n\n"
        "La trésorière, Odile Marchand\n",
    )
    write_zip(
        out("3.1", "rapport_stage_docx.zip"),
        [
            ("[Content_Types].xml", 1_712, (2024, 6, 10, 16, 20)),
            ("_rels/.rels", 590, (2024, 6, 10, 16, 20)),
            ("docProps/app.xml", 985, (2024, 6, 10, 16, 20)),
            ("docProps/core.xml", 752, (2024, 6, 10, 16, 20)),
            ("word/document.xml", 48_213, (2024, 6, 10, 16, 20)),
            ("word/styles.xml", 29_410, (2024, 6, 10, 16, 20)),
            ("word/comments.xml", 3_208, (2024, 6, 10, 16, 20)),
            ("word/footnotes.xml", 2_104, (2024, 6, 10, 16, 20)),
            ("word/media/image1.png", 154_330, (2024, 6, 10, 16, 20)),
            ("word/media/image2.jpeg", 288_401, (2024, 6, 10, 16, 20)),
            ("word/media/image3.png", 61_027, (2024, 6, 10, 16, 20)),
            ("word/media/image4.gif", 12_880, (2024, 6, 10, 16, 20)),
            ("word/theme/theme1.xml", 6_994, (2024, 6, 10, 16, 20)),
            ("word/fontTable.xml", 2_301, (2024, 6, 10, 16, 20)),
            ("word/settings.xml", 3_012, (2024, 6, 10, 16, 20)),
            ("word/_rels/document.xml.rels", 1_470, (2024, 6, 10, 16, 20)),
        ],
    )
    headings = [
        (0, "Rapport d'activité 2023"),
        (1, "1. Présentation de l'association"),
        (2, "1.1 Nos missions"),
        (2, "1.2 L'équipe salariée et bénévole"),
        (1, "2. Activités de l'année"),
        (2, "2.1 Ateliers numériques"),
        (2, "Le public accueilli a doublé cette année."),
        (2, "2.2 Permanences administratives"),
        (1, "3. Bilan financier"),
        (2, "3.1 Recettes"),
        (2, "3.2 Dépenses"),
        (1, "4. Perspectives 2024"),
    ]
    img = Image.new("RGB", (460, 60 + 28 * len(headings)), "white")
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, 459, 30], fill="#e9e9e9")
    d.text((10, 7), "Navigation – Titres", font=font(14, True), fill="#222")
    y = 42
    for depth, text in headings:
        d.text(
            (14 + 22 * depth, y),
            ("▾ " if depth < 2 else "") + text,
            font=font(13, depth < 2),
            fill="#1f1f1f",
        )
        y += 28
    d.rectangle([0, 0, 459, img.height - 1], outline="#aaaaaa")
    img.save(out("3.1", "volet_navigation.png"), optimize=True)
    write_text(
        out("3.1", "note_de_service.txt"),
        "NOTE DE SERVICE n° 2024-07\n\n"
        "Objet : réorganisation du Service comptabilité\n\n"
        "À compter du 1er avril, le Service comptabilité et le Service paie sont regroupés.\n"
        "Les demandes de remboursement de frais seront désormais traitées par ce service unique.\n"
        "Les Services généraux restent vos interlocuteurs pour les fournitures de bureau.\n"
        "Le numéro de téléphone du Service paie (poste 412) ne change pas.\n"
        "Merci de mettre à jour la signature de vos courriels : « Service comptabilité et paie ».\n"
        "Pour toute question, contactez la cheffe de service, Mme Perrin.\n",
    )


# ---------------------------------------------------------------- 3.2 Développer des documents multimédia


def media_3_2() -> None:
    """Raster vs vector zoom, photo properties, video project zip, slide deck, audio list, export dialog."""
    img = Image.new("RGB", (640, 300), "white")
    d = ImageDraw.Draw(img)
    small = Image.new("L", (14, 14), 255)
    ImageDraw.Draw(small).text((2, -1), "a", font=font(13, True), fill=0)
    img.paste(small.resize((220, 220), Image.Resampling.NEAREST).convert("RGB"), (40, 40))
    d.text((380, 10), "a", font=font(210, True), fill="black")
    d.text((120, 268), "Image 1", font=font(16, True), fill="#333")
    d.text((440, 268), "Image 2", font=font(16, True), fill="#333")
    img.save(out("3.2", "zoom_lettre.png"), optimize=True)
    exif = Image.Exif()
    exif[0x013B] = "Camille Roussel"
    exif[0x0132] = "2024:05:18 10:22:05"
    exif[0x010F] = "NIKON CORPORATION"
    exif[0x0110] = "NIKON D5600"
    photo(out("3.2", "photo_apercu.jpg"), (600, 400), "#bcdff5", "#8bc34a", exif)
    dialog(
        out("3.2", "proprietes_photo.png"),
        "Propriétés de DSC_0417.JPG – Détails",
        [
            ("Dimensions", "3000 × 2000 pixels"),
            ("Résolution horizontale", "72 ppp"),
            ("Résolution verticale", "72 ppp"),
            ("Profondeur de couleur", "24 bits"),
            ("Taille du fichier", "2,86 Mo"),
            ("Appareil photo", "NIKON D5600"),
            ("Date de prise de vue", "18/05/2024 10:22"),
            ("Auteur", "Camille Roussel"),
        ],
    )
    base = "projet_clip/"
    when = (2024, 4, 22, 17, 30)
    write_zip(
        out("3.2", "projet_clip.zip"),
        [
            (base + "montage.kdenlive", 58_112, when),
            (base + "rushes/interview_brut.mov", 31_457_280, when),
            (base + "rushes/plan_drone.mp4", 12_582_912, when),
            (base + "audio/musique_fond.mp3", 4_718_592, when),
            (base + "audio/voix_off.wav", 5_292_044, when),
            (base + "audio/ambiance.ogg", 1_210_880, when),
            (base + "images/logo.svg", 8_412, when),
            (base + "images/logo.png", 96_512, when),
            (base + "images/photo_equipe.jpg", 2_457_600, when),
            (base + "images/carte_acces.gif", 45_056, when),
            (base + "sous_titres.srt", 3_120, when),
        ],
    )
    size = landscape(A4)
    c = pdf_canvas(out("3.2", "diaporama_soutenance.pdf"), "Jardin partagé – soutenance", size)
    slides: list[tuple[str, list[str]]] = [
        (
            "Projet « Jardin partagé du quartier des Dervallières »",
            ["Soutenance de projet – juin 2024", "Sarah Benhamou"],
        ),
        (
            "Le constat",
            [
                "Peu d'espaces verts accessibles",
                "Des habitants isolés",
                "Une friche de 800 m² inutilisée",
                "Une demande des écoles voisines",
            ],
        ),
        (
            "Nos actions",
            [
                "Réunion publique d'information organisée en septembre avec les habitants",
                "Questionnaire distribué dans 450 boîtes aux lettres et mis en ligne",
                "Analyse des 132 réponses reçues et synthèse présentée au conseil de quartier",
                "Rencontre avec le service des espaces verts de la ville",
                "Signature d'une convention d'occupation de la friche pour trois ans",
                "Nettoyage du terrain avec 25 bénévoles lors de deux samedis",
                "Construction de 12 bacs surélevés accessibles en fauteuil roulant",
                "Installation d'un récupérateur d'eau de pluie de 1 000 litres",
                "Création d'un composteur collectif géré par les habitants",
                "Ateliers de plantation avec deux classes de l'école Jean-Moulin",
                "Mise en place d'un planning d'arrosage partagé en ligne",
                "Fête d'inauguration le 18 mai avec 150 participants",
            ],
        ),
        ("", ["12 bacs", "25 bénévoles", "150 visiteurs"]),
        (
            "Budget",
            [
                "Bacs et terre : 2 400 €",
                "Récupérateur d'eau : 350 €",
                "Outils : 480 €",
                "Total : 3 230 € (subvention de la ville)",
            ],
        ),
        ("Merci !", ["Des questions ?"]),
    ]
    w, h = size
    for n, (title, bullets) in enumerate(slides, start=1):
        c.setFillColorRGB(0.96, 0.98, 0.94)
        c.rect(0, 0, w, h, fill=1, stroke=0)
        c.setFillColorRGB(0.1, 0.3, 0.1)
        y = h - 90
        if title:
            c.setFont("Helvetica-Bold", 28 if n > 1 else 26)
            c.drawString(60, y, title)
            y -= 60
        else:
            c.setFillColorRGB(0.75, 0.82, 0.72)
            c.rect(60, h - 330, 330, 250, fill=1, stroke=0)
            c.setFillColorRGB(0.1, 0.3, 0.1)
            c.setFont("Helvetica-Oblique", 12)
            c.drawString(80, h - 210, "Photo : les bacs le jour de l'inauguration")
            y = h - 110
        c.setFont("Helvetica", 13 if len(bullets) > 6 else 20)
        step = 26 if len(bullets) > 6 else 36
        x = 420 if not title else 70
        for b in bullets:
            c.drawString(x, y, ("• " if n not in (1, 6) else "") + b)
            y -= step
        c.setFont("Helvetica", 10)
        c.drawRightString(w - 30, 20, f"{n} / {len(slides)}")
        c.showPage()
    c.save()
    write_csv(
        out("3.2", "fichiers_audio.csv"),
        [
            [
                "Nom",
                "Format",
                "Fréquence d'échantillonnage (Hz)",
                "Résolution (bits)",
                "Canaux",
                "Durée (s)",
            ],
            ["jingle.mp3", "MP3", 44100, 16, 2, 12],
            ["voix_off.wav", "WAV (PCM)", 44100, 16, 2, 30],
            ["interview.flac", "FLAC", 48000, 24, 1, 95],
            ["ambiance.ogg", "Ogg Vorbis", 44100, 16, 2, 60],
            ["message_repondeur.wav", "WAV (PCM)", 8000, 8, 1, 20],
        ],
    )
    dialog(
        out("3.2", "export_video.png"),
        "Exporter le montage – Paramètres",
        [
            ("Conteneur", "MP4"),
            ("Codec vidéo", "H.264"),
            ("Définition", "1920 × 1080"),
            ("Images par seconde", "25"),
            ("Débit vidéo", "7,8 Mbit/s (constant)"),
            ("Codec audio", "AAC"),
            ("Débit audio", "200 kbit/s"),
            ("Durée du montage", "1 min 40 s"),
        ],
    )


# ---------------------------------------------------------------- 3.3 Adapter les documents à leur finalité


def media_3_3() -> None:
    """Inaccessible web page, mis-decoded CSV export, files to send, PDF info, report, print dialog, contrasts."""
    body = """<h1>Les Sentiers de l'Erdre</h1>
<p class="pale">Les inscriptions pour la saison 2024-2025 sont ouvertes jusqu'au 30 septembre.</p>
<p>Pour télécharger le formulaire d'inscription, <a href="#formulaire">cliquez ici</a>.</p>
<h2>Demande de renseignements</h2>
<form><p><span class="req">Nom</span> <input type="text"></p>
<p><span class="req">Prénom</span> <input type="text"></p>
<p>Téléphone <input type="text"></p>
<p>Les champs en rouge sont obligatoires.</p></form>
<h2>Prochaines sorties</h2>
<ul><li>6 octobre : boucle du lac de Vioreau (12 km)</li><li>20 octobre : bords de l'Erdre de Nort-sur-Erdre à Sucé (15 km)</li></ul>"""
    write_text(
        out("3.3", "page_randonnee.html"),
        html_page(
            "Les Sentiers de l'Erdre",
            body,
            ".pale{color:#d0d0d0}.req{color:#d00000}input{margin-left:8px}",
        ),
    )
    rows = [
        "Nom;Prénom;Région;Cotisation (€)",
        "Lefèvre;Élodie;Bretagne;25,00",
        "Bréhault;François;Pays de la Loire;25,00",
        "Guérin;Anaïs;Île-de-France;40,00",
        "Prévost;Jérôme;Provence-Alpes-Côte d'Azur;25,00",
    ]
    mangled = "\n".join(r.encode("utf-8").decode("cp1252", errors="replace") for r in rows) + "\n"
    write_text(out("3.3", "export_adherents.txt"), mangled)
    base = "dossier_partenaire/"
    when = (2024, 9, 16, 11, 5)
    write_zip(
        out("3.3", "dossier_partenaire.zip"),
        [
            (base + "memoire_final.docx", 2_202_009, when),
            (base + "annexes.pages", 3_145_728, when),
            (base + "budget.numbers", 512_000, when),
            (base + "presentation.key", 9_437_184, when),
            (base + "tableau_suivi.ods", 48_128, when),
            (base + "affiche.pdf", 1_887_436, when),
            (base + "compte_rendu.odt", 35_840, when),
        ],
    )
    write_text(
        out("3.3", "infos_guide_accueil.txt"),
        "Informations sur le document – guide_accueil.pdf\n\n"
        "Titre : (aucun)\n"
        "Auteur : poste-03\n"
        "Application d'origine : Microsoft Word\n"
        "Producteur PDF : Microsoft: Print To PDF\n"
        "Version PDF : 1.7\n"
        "Nombre de pages : 12\n"
        "Format de page : Letter (215,9 × 279,4 mm)\n"
        "Polices : Calibri (non incorporée), Arial (non incorporée)\n"
        "PDF balisé : non\n"
        "Conformité PDF/A : aucune\n"
        "Sécurité : mot de passe des droits – impression non autorisée\n",
    )
    c = pdf_canvas(out("3.3", "rapport_activite.pdf"), "Rapport d'activité 2023")
    pages = [
        ("Rapport d'activité 2023", ["Centre social Les Tilleuls"]),
        (
            "Sommaire",
            [
                "Le mot de la présidente ........ 3",
                "Nos activités ........ 4",
                "Bilan financier ........ 5",
                "Perspectives 2024 ........ 7",
                "Contacts ........ 8",
            ],
        ),
        ("Le mot de la présidente", ["Une année riche en rencontres et en projets."]),
        (
            "Nos activités",
            ["Accueil de loisirs, ateliers numériques, aide aux devoirs, sorties familiales."],
        ),
        ("Bilan financier", ["Compte de résultat : produits 412 300 € ; charges 405 870 €."]),
        (
            "Bilan financier (suite)",
            ["Répartition des subventions : ville 58 %, CAF 31 %, département 11 %."],
        ),
        (
            "Perspectives 2024",
            ["Ouverture d'un espace France services ; rénovation de la salle polyvalente."],
        ),
        ("Contacts", ["12 allée des Tilleuls – 02 40 00 00 00 – accueil@cs-tilleuls.example"]),
    ]
    for n, (title, texts) in enumerate(pages, start=1):
        pdf_lines(c, [("h1", title), ("blank", ""), *[("p", t) for t in texts]])
        c.setFont("Helvetica", 9)
        c.drawRightString(540, 30, f"Page {n} / {len(pages)}")
        c.showPage()
    c.save()
    dialog(
        out("3.3", "impression.png"),
        "Imprimer",
        [
            ("Imprimante", "Copieur-2e-étage"),
            ("Pages", "2-4, 7"),
            ("Copies", "3"),
            ("Recto verso", "Oui (reliure bord long)"),
            ("Pages par feuille", "1"),
            ("Couleur", "Noir et blanc"),
        ],
    )
    img = Image.new("RGB", (640, 260), "white")
    d = ImageDraw.Draw(img)
    combos = [
        ("A", "#ffffff", "#f5e642"),
        ("B", "#ffffff", "#1a237e"),
        ("C", "#4caf50", "#e53935"),
        ("D", "#9e9e9e", "#bdbdbd"),
    ]
    for i, (label, bg, fg) in enumerate(combos):
        x = 10 + i * 157
        d.rectangle([x, 30, x + 147, 220], fill=bg, outline="#444")
        d.text((x + 8, 80), "Concert", font=font(26, True), fill=fg)
        d.text((x + 8, 122), "samedi 20 h", font=font(17, True), fill=fg)
        d.text((x + 66, 232), label, font=font(18, True), fill="black")
    img.save(out("3.3", "contrastes_affiche.png"), optimize=True)


def main() -> None:
    """Generate every media file of the five competences."""
    media_2_3()
    media_2_4()
    media_3_1()
    media_3_2()
    media_3_3()


if __name__ == "__main__":
    main()
