"""PyInstaller entry script of the frozen ``authority`` program (pyproject: authority = authority.cli:main)."""

from __future__ import annotations

from authority.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
