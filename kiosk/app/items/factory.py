"""Pick the widget for an item's type."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from kiosk.app.items.base import ItemWidget
from kiosk.app.items.choices import QcmWidget, QcuWidget
from kiosk.app.items.fields import QrocmWidget, QrocWidget
from kiosk.core.items import Item, ItemType

WIDGETS: dict[ItemType, type[ItemWidget]] = {
    ItemType.QCU: QcuWidget,
    ItemType.QCM: QcmWidget,
    ItemType.QROC: QrocWidget,
    ItemType.QROCM_IND: QrocmWidget,
    ItemType.QROCM_DEP: QrocmWidget,
}


def create_item_widget(item: Item, media_root: Path, parent: QWidget | None = None) -> ItemWidget:
    """The widget rendering ``item``; illustration and attachment paths are relative to ``media_root``."""
    return WIDGETS[item.type](item, media_root, parent)
