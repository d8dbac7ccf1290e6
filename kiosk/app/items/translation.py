"""The translation catalogue of the content widgets (items, viewers, problem dialog)."""

from __future__ import annotations

from PySide6.QtCore import QTranslator

from kiosk.core.errors import Bug
from kiosk.resources import resource_path

CATALOGUE = "kiosk_items"


def load_content_translator(lang: str) -> QTranslator | None:
    """A translator for ``lang`` (install it with ``QCoreApplication.installTranslator``).

    Returns None for French, the language of the source strings.

    Raises:
        Bug: the compiled catalogue for ``lang`` is missing (a packaging mistake).
    """
    if lang == "fr":
        return None
    path = resource_path("translations", f"{CATALOGUE}_{lang}.qm")
    translator = QTranslator()
    if not translator.load(str(path)):
        raise Bug(f"missing translation catalogue {path}")
    return translator
