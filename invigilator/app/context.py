"""What every console screen shares: the centre home, the open workspace, jobs and choosers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from invigilator.app.choosers import Chooser
from invigilator.app.jobs import JobRunner
from invigilator.home import CentreHome
from invigilator.workspace import Workspace
from kiosk.core.errors import Bug
from kiosk.seal.keystore import DEFAULT_KDF, KdfParams
from kiosk.seal.kit_code import DEFAULT_CODE_KDF, CodeKdf
from kiosk.seal.timestamps import utc_now


@dataclass
class ConsoleContext:
    """Shared state of the console window (one per window, no globals)."""

    home: CentreHome
    jobs: JobRunner
    chooser: Chooser = field(default_factory=Chooser)
    kdf: KdfParams = DEFAULT_KDF
    kit_kdf: CodeKdf = DEFAULT_CODE_KDF  # stretching of kiosk kit codes (tests: the cheapest)
    now: Callable[[], datetime] = utc_now
    workspace: Workspace | None = None

    def ws(self) -> Workspace:
        """The open workspace (screens that need it are only shown once it is open)."""
        if self.workspace is None:
            raise Bug("the workspace is not open")
        return self.workspace
