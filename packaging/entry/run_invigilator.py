"""PyInstaller entry script of the frozen ``invigilator`` program (pyproject: invigilator = invigilator.cli:main)."""

from __future__ import annotations

from invigilator.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
