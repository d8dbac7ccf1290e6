"""Secrets asked at the terminal: no terminal or nothing typed is a clear error, never a traceback."""

from __future__ import annotations

import io

import pytest

from kiosk.core.errors import InvalidInput
from kiosk.terminal import ask_secret


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_without_a_terminal_the_message_points_to_the_file_option(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    with pytest.raises(InvalidInput, match="use --passphrase-file FILE"):
        ask_secret("Phrase : ", "passphrase")


def test_typed_secret_is_returned_and_empty_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", _Tty())
    monkeypatch.setattr("getpass.getpass", lambda prompt: "s3cret")
    assert ask_secret("Phrase : ", "passphrase") == "s3cret"
    monkeypatch.setattr("getpass.getpass", lambda prompt: "")
    with pytest.raises(InvalidInput, match="must not be empty"):
        ask_secret("Phrase : ", "passphrase")

    def closed(prompt: str) -> str:
        raise EOFError

    monkeypatch.setattr("getpass.getpass", closed)
    with pytest.raises(InvalidInput, match="no passphrase given"):
        ask_secret("Phrase : ", "passphrase")
