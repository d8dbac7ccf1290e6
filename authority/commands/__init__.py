"""One module per ``authority`` sub-command; each exposes ``register(subparsers)``.

``register`` adds its sub-parser and sets ``func`` (``Callable[[argparse.Namespace], int]``).
Add a new command by writing its module and listing it in ``COMMAND_MODULES``.
"""

from __future__ import annotations

COMMAND_MODULES: tuple[str, ...] = (
    "authority.commands.score",
    "authority.commands.lint_bank",
    "authority.commands.init",
    "authority.commands.enrol_centre",
    "authority.commands.build_pack",
    "authority.commands.schedule",
    "authority.commands.verify",
    "authority.commands.ingest",
    "authority.commands.rescore",
    "authority.commands.issue",
    "authority.commands.verify_certificate",
)
