"""The console (PySide6): screens over the Qt-free centre workspace."""
