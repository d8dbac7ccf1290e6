"""Asking a person for a secret at the terminal (the command-line tools' passphrase prompts)."""

from __future__ import annotations

import getpass
import sys

from kiosk.core.errors import InvalidInput


def ask_secret(prompt: str, what: str) -> str:
    """Read a secret typed at the terminal without echo.

    Raises:
        InvalidInput: no terminal to ask on (give the secret in a file instead), or nothing typed.
    """
    if not sys.stdin.isatty():
        raise InvalidInput(f"no {what} given: run in a terminal, or use --passphrase-file FILE")
    try:
        secret = getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        raise InvalidInput(
            f"no {what} given: run in a terminal, or use --passphrase-file FILE"
        ) from None
    if not secret:
        raise InvalidInput(f"the {what} must not be empty")
    return secret
