"""The one error tree of certkiosk.

``KioskError`` is the root. ``UserError`` subclasses carry a message meant for a person (candidate,
invigilator, centre manager, certification body) and are shown as-is; ``EnvironmentFailure``
subclasses say the machine failed (disk full, read-only, locked); ``Bug`` marks an internal
inconsistency that must never be guessed around.
"""

from __future__ import annotations


class KioskError(Exception):
    """Root of every error certkiosk raises on purpose."""

    @property
    def message(self) -> str:
        """The one-line text shown to a person."""
        return str(self.args[0]) if self.args else self.__class__.__name__


class UserError(KioskError):
    """Bad input or a refused action: the message tells the person what to do."""


class InvalidInput(UserError):
    """A malformed file or value (wrong type, missing field, unknown reference)."""


class SourceError(InvalidInput):
    """An error in a source file, located by file and line."""

    def __init__(self, path: str, line: int | None, detail: str) -> None:
        self.path = path
        self.line = line
        self.detail = detail
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {detail}")


class RuleViolation(UserError):
    """A certification rule forbids the action (e.g. a non-certifiable candidate)."""


class IntegrityError(UserError):
    """A signature, hash chain or manifest does not match: the artefact is refused."""


class AuthenticationError(UserError):
    """A wrong password, PIN, passphrase, key or code."""


class EnvironmentFailure(KioskError):
    """The machine failed: storage full, read-only, locked by another process, device gone."""


class StorageFull(EnvironmentFailure):
    """No space left where the data must be written."""


class StoreLocked(EnvironmentFailure):
    """Another process holds the store."""


class StoreCorrupted(EnvironmentFailure):
    """A data file is damaged (failed page authentication, malformed image): never repaired silently."""


class Bug(KioskError):
    """An internal inconsistency: logged, never guessed around, never a traceback on screen."""
