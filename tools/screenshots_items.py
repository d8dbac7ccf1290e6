"""Render every item type, every viewer and the problem dialog offscreen into docs/screenshots/.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_items.py
Writes items-<type>-<lang>[-hc|-zoom200].png, viewer-<kind>-<lang>.png and problem-<lang>.png.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QLocale  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from kiosk.app.items import create_item_widget  # noqa: E402
from kiosk.app.items.translation import load_content_translator  # noqa: E402
from kiosk.app.kiosk_app import create_application  # noqa: E402
from kiosk.app.problem_dialog import ProblemDialog, load_incident_categories  # noqa: E402
from kiosk.app.theme import Theme, apply_theme  # noqa: E402
from kiosk.app.viewers import open_attachment  # noqa: E402
from kiosk.core.items import (  # noqa: E402
    Attachment,
    Illustration,
    InputField,
    Item,
    ItemType,
    Proposal,
)

OUT = ROOT / "docs" / "screenshots"
MEDIA = ROOT / "tests" / "fixtures" / "attachments"


def sample_items() -> dict[str, Item]:
    """One item per type, in French, with an illustration and attachments where they make sense."""
    common = {"competence": "1.1", "tube": "@demo", "level": 3}
    return {
        "qcu": Item(
            id="qcu",
            type=ItemType.QCU,
            instruction=(
                "Vous cherchez des pages contenant exactement l'expression « énergie solaire ».\n"
                "Quelle requête saisissez-vous dans le moteur de recherche ?"
            ),
            proposals=(
                Proposal("1", "energie solaire"),
                Proposal("2", '"énergie solaire"'),
                Proposal(
                    "3",
                    "énergie OR solaire, en ajoutant éventuellement d'autres mots-clés "
                    "pour affiner la recherche sur plusieurs sites spécialisés",
                ),
            ),
            illustration=Illustration(
                "schema.png", "Schéma : un routeur relié par un câble à un ordinateur."
            ),
            **common,
        ),
        "qcm": Item(
            id="qcm",
            type=ItemType.QCM,
            instruction="Parmi ces mots de passe, lesquels sont robustes ?",
            proposals=(
                Proposal("1", "azerty"),
                Proposal("2", "Tr0mb0ne!Violet#42"),
                Proposal("3", "correct-cheval-pile-agrafe"),
                Proposal("4", "12345678"),
            ),
            **common,
        ),
        "qroc": Item(
            id="qroc",
            type=ItemType.QROC,
            instruction=("Ouvrez le tableau des ventes. Combien d'écrans ont été vendus en tout ?"),
            fields=(InputField("total", "Nombre d'écrans", placeholder="ex. 12", numeric=True),),
            attachments=(
                Attachment("ventes.csv", "Tableau des ventes"),
                Attachment("notice.pdf", "Notice"),
            ),
            **common,
        ),
        "qrocm-ind": Item(
            id="qrocm-ind",
            type=ItemType.QROCM_IND,
            instruction="Complétez l'adresse du site : protocole et nom de domaine.",
            fields=(
                InputField("protocole", "Protocole (sans « :// »)"),
                InputField("domaine", "Nom de domaine"),
            ),
            **common,
        ),
        "qrocm-dep": Item(
            id="qrocm-dep",
            type=ItemType.QROCM_DEP,
            instruction="Citez deux formats de fichier d'image.",
            fields=(InputField("f1", "Premier format"), InputField("f2", "Second format")),
            **common,
        ),
    }


VIEWER_FILES = {
    "csv": ("ventes.csv", "Tableau des ventes"),
    "xlsx": ("classeur.xlsx", "Classeur"),
    "ods": ("classeur.ods", "Budget"),
    "pdf": ("notice.pdf", "Notice"),
    "png": ("schema.png", "Schéma du réseau"),
    "txt": ("consignes.txt", "Consignes"),
    "html": ("page.html", "Article enregistré"),
    "zip": ("dossier.zip", "Dossier"),
    "broken": ("casse.xlsx", "Fichier endommagé"),
}


def grab(widget: QWidget, name: str, width: int = 900, height: int | None = None) -> None:
    """Lay out ``widget`` at ``width`` and save it as docs/screenshots/<name>.png."""
    widget.resize(
        width, height or max(widget.heightForWidth(width), widget.sizeHint().height(), 200)
    )
    widget.show()
    QTest.qWait(300)  # QPdfView renders pages in a worker thread
    if height is None:
        widget.resize(width, max(widget.heightForWidth(width), widget.sizeHint().height()))
        QApplication.processEvents()
    widget.grab().save(str(OUT / f"{name}.png"))
    widget.close()


def render(app: QApplication, lang: str) -> None:
    """Every screenshot for one language."""
    translator = load_content_translator(lang)
    if translator is not None:
        app.installTranslator(translator)
    QLocale.setDefault(
        QLocale(QLocale.Language.French if lang == "fr" else QLocale.Language.English)
    )
    apply_theme(app, Theme())
    for key, item in sample_items().items():
        widget = create_item_widget(item, MEDIA)
        if key == "qcu":
            widget.set_answer("2")
            assert widget.illustration is not None
            widget.illustration.toggle.setChecked(True)
        if key == "qcm":
            widget.set_answer(["2", "3"])
        widget.focus_first_input()
        grab(widget, f"items-{key}-{lang}")
    if lang == "fr":
        for theme, suffix in ((Theme(high_contrast=True), "hc"), (Theme(zoom=200), "zoom200")):
            apply_theme(app, theme)
            for key in ("qcu", "qroc"):
                widget = create_item_widget(sample_items()[key], MEDIA)
                widget.focus_first_input()
                grab(widget, f"items-{key}-{lang}-{suffix}")
        apply_theme(app, Theme())
    for kind, (file, title) in VIEWER_FILES.items():
        dialog = open_attachment(MEDIA / file, title)
        grab(dialog, f"viewer-{kind}-{lang}", 900, 600)
    dialog = ProblemDialog(load_incident_categories(), lang=lang)
    dialog.select("E3")
    grab(dialog, f"problem-{lang}", 700)
    if translator is not None:
        app.removeTranslator(translator)


def main() -> None:
    """Render both languages."""
    OUT.mkdir(parents=True, exist_ok=True)
    app = create_application()
    QCoreApplication.setApplicationName("certkiosk")
    for lang in ("fr", "en"):
        render(app, lang)
    print(f"screenshots written to {OUT}")


if __name__ == "__main__":
    main()
