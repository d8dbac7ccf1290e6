"""``python -m bench``: run every ``bench/bench_*.py`` module's ``main()`` in turn, in name order."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main() -> int:
    """Run each benchmark module; return 0 when all ran."""
    here = Path(__file__).resolve().parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    for name in names:
        sys.stdout.write(f"== bench.{name}\n")
        sys.stdout.flush()
        importlib.import_module(f"bench.{name}").main()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
