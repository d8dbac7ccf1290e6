"""The kiosk's two stores in its data folder, both owned by the one store thread. Qt-free.

``<data-dir>/certkiosk.db`` (+ ``.key``, ``.lock``) holds the attempt logs; ``kiosk-setup.db``
(+ ``.key``, ``.lock``) holds the kiosk's identity, pinned centre and imported kits. Both keys are
sealed by the same key provider. The setup store's connection is opened, used and closed on the
store thread, so every setup call goes through ``run`` like the attempt store's.

``open_kiosk`` is the start of the app: it opens both stores and, on the store thread right after,
reads where the kiosk stands (identity, installed kit), so that work overlaps the window's
construction on the GUI thread instead of waiting for it. That read (decrypting and parsing the
kit) can wait for the kiosk window to be built (``gate``), so it does not compete with the window
for the interpreter; the key derivation (which releases it) does not wait. The setup store's
modules (the kit's seal and formats) are imported on the store thread, once the key is derived.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from kiosk.store.service import Store

if TYPE_CHECKING:
    from kiosk.app.setup_state import SetupState
    from kiosk.core.clock import Clock
    from kiosk.store.key_providers import KeyProvider
    from kiosk.store.kiosk_setup import KioskSetup
    from kiosk.store.store_core import StoreCore

T = TypeVar("T")

# A gate never set (a broken display, a start that failed) must not keep the kiosk from its kit.
GATE_TIMEOUT_S = 2.0


class KioskBackend:
    """The open attempt store and setup store of a kiosk."""

    def __init__(self, store: Store, setup: KioskSetup) -> None:
        self.store = store
        self.setup = setup
        self._closed = False

    @classmethod
    def open_async(
        cls, data_dir: Path, provider: KeyProvider, clock: Clock
    ) -> Future[KioskBackend]:
        """Open both stores on the store thread; the future gives the backend."""
        opened: Future[KioskBackend] = Future()

        def open_setup() -> KioskSetup:
            from kiosk.store.kiosk_setup import KioskSetup  # on the store thread

            return KioskSetup.open(data_dir, provider, clock=clock)

        def store_opened(future: Future[Store]) -> None:
            error = future.exception()
            if error is not None:
                opened.set_exception(error)
                return
            store = future.result()

            def setup_opened(done: Future[KioskSetup]) -> None:
                failure = done.exception()
                if failure is not None:
                    store.close()
                    opened.set_exception(failure)
                else:
                    opened.set_result(cls(store, done.result()))

            store.run(lambda _core: open_setup()).add_done_callback(setup_opened)

        Store.open_async(data_dir, provider, clock=clock).add_done_callback(store_opened)
        return opened

    @classmethod
    def open(cls, data_dir: Path, provider: KeyProvider, clock: Clock) -> KioskBackend:
        """Open both stores and wait (tests, tools).

        Raises:
            StoreLocked, AuthenticationError, StoreCorrupted, StorageFull, EnvironmentFailure.
        """
        return cls.open_async(data_dir, provider, clock).result()

    def run(self, work: Callable[[StoreCore, KioskSetup], T]) -> Future[T]:
        """Run ``work`` with both stores on the store thread."""
        setup = self.setup
        return self.store.run(lambda core: work(core, setup))

    def close(self) -> None:
        """Close the setup store, then the attempt store (once; later calls do nothing)."""
        if self._closed:
            return
        self._closed = True
        try:
            self.store.run(lambda _core: self.setup.close()).result()
        finally:
            self.store.close()


@dataclass(frozen=True, slots=True)
class OpenedKiosk:
    """The opened stores and the pending read of where the kiosk stands."""

    backend: KioskBackend
    state: Future[SetupState]


def open_kiosk(
    data_dir: Path,
    provider: KeyProvider,
    clock: Clock,
    gate: threading.Event | None = None,
) -> Future[OpenedKiosk]:
    """Open both stores, then read the setup state on the store thread, without a GUI round trip.

    The future fails as ``KioskBackend.open`` does; the state future fails as ``setup_state``.

    Args:
        gate: when given, the setup state (decrypting and reading the installed kit) is read
            once it is set (at most ``GATE_TIMEOUT_S`` later): ``kiosk_app`` sets it once the
            kiosk window is built, so that Python-heavy read does not compete with the window's
            construction for the interpreter.
            The key derivation and the opening of the stores do not wait.
    """
    opened: Future[OpenedKiosk] = Future()

    def read_state(_core: StoreCore, setup: KioskSetup) -> SetupState:
        if gate is not None:
            gate.wait(GATE_TIMEOUT_S)
        from kiosk.app.setup_state import setup_state  # the kit's modules, after the window

        return setup_state(setup)

    def on_open(future: Future[KioskBackend]) -> None:
        error = future.exception()
        if error is not None:
            opened.set_exception(error)
            return
        backend = future.result()
        state = backend.run(read_state)
        opened.set_result(OpenedKiosk(backend, state))

    KioskBackend.open_async(data_dir, provider, clock).add_done_callback(on_open)
    return opened
