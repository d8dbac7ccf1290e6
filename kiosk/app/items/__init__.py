"""Item widgets: one per item type, each rendering an Item and reporting the answer on screen."""

from __future__ import annotations

from kiosk.app.items.base import ItemWidget
from kiosk.app.items.choices import QcmWidget, QcuWidget
from kiosk.app.items.factory import WIDGETS, create_item_widget
from kiosk.app.items.fields import QrocmWidget, QrocWidget

__all__ = [
    "WIDGETS",
    "ItemWidget",
    "QcmWidget",
    "QcuWidget",
    "QrocWidget",
    "QrocmWidget",
    "create_item_widget",
]
