"""``python -m authority``."""

from authority.cli import main

raise SystemExit(main())
