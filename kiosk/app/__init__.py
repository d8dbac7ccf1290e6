"""The candidate kiosk (PySide6)."""
