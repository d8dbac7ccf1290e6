"""PyInstaller entry script of the frozen ``kiosk`` program (pyproject: kiosk = kiosk.app.main:main)."""

from __future__ import annotations

from kiosk.app.main import main

if __name__ == "__main__":
    raise SystemExit(main())
