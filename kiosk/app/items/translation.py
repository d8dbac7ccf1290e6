"""Qt Linguist catalogues: the kiosk's, the content widgets' (items, viewers, problem dialog), the console's."""

from __future__ import annotations

from PySide6.QtCore import QTranslator

from kiosk.core.errors import Bug
from kiosk.resources import resource_path

CATALOGUE = "kiosk_items"


def load_catalogue(name: str, lang: str) -> QTranslator | None:
    """The translator of catalogue ``name`` for ``lang`` (install it on the application).

    Returns None for French, the language of the source strings.

    Raises:
        Bug: the compiled catalogue for ``lang`` is missing (a packaging mistake).
    """
    if lang == "fr":
        return None
    path = resource_path("translations", f"{name}_{lang}.qm")
    translator = QTranslator()
    if not translator.load(str(path)):
        raise Bug(f"missing translation catalogue {path}")
    return translator


def load_content_translator(lang: str) -> QTranslator | None:
    """The content widgets' translator for ``lang`` (None for French)."""
    return load_catalogue(CATALOGUE, lang)
