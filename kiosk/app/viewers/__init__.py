"""Attachment viewers shown inside the kiosk (never another program), chosen by file extension."""

from __future__ import annotations

from kiosk.app.viewers.errors import UnreadableAttachment
from kiosk.app.viewers.factory import VIEWERS, AttachmentDialog, open_attachment

__all__ = ["VIEWERS", "AttachmentDialog", "UnreadableAttachment", "open_attachment"]
