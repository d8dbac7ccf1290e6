"""Item widgets: one per item type, each rendering an Item and reporting the answer on screen.

The names below are imported on first use (PEP 562), so importing a light module of this package
(``kiosk.app.items.translation``) does not load every widget and viewer before the first item.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.app.items.base import ItemWidget
    from kiosk.app.items.choices import QcmWidget, QcuWidget
    from kiosk.app.items.factory import WIDGETS, create_item_widget
    from kiosk.app.items.fields import QrocmWidget, QrocWidget

_HOMES = {
    "WIDGETS": "factory",
    "ItemWidget": "base",
    "QcmWidget": "choices",
    "QcuWidget": "choices",
    "QrocWidget": "fields",
    "QrocmWidget": "fields",
    "create_item_widget": "factory",
}

__all__ = [
    "WIDGETS",
    "ItemWidget",
    "QcmWidget",
    "QcuWidget",
    "QrocWidget",
    "QrocmWidget",
    "create_item_widget",
]


def __getattr__(name: str) -> Any:
    """Import the module that defines ``name`` when it is first asked for."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
