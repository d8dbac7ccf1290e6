"""A kiosk start pays the passphrase's key derivation once for its two stores, and says so on disk.

The attempt store (``certkiosk.key``) and the setup store (``kiosk-setup.key``) are sealed by the
same passphrase provider. Real SQLCipher files, real Argon2id (cheap parameters); derivations are
counted by wrapping argon2's ``hash_secret_raw`` where the provider calls it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import argon2.low_level
import pytest

from kiosk.app.kiosk_backend import KioskBackend, open_kiosk
from kiosk.core.clock import FakeClock
from kiosk.core.errors import AuthenticationError
from kiosk.store.key_providers import PassphraseProvider
from kiosk.store.kiosk_setup import SETUP_KEY, KioskSetup
from tests.fixtures.kit.world import MORNING

STORE_KEY = "certkiosk.key"


def _provider(passphrase: str = "poste") -> PassphraseProvider:
    return PassphraseProvider(passphrase, time_cost=1, memory_kib=1024, parallelism=1)


@pytest.fixture
def derivations(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    salts: list[bytes] = []
    real = argon2.low_level.hash_secret_raw  # looked up there at each derivation

    def counted(secret: bytes, salt: bytes, *args: Any) -> bytes:
        salts.append(salt)
        return real(secret, salt, *args)

    monkeypatch.setattr(argon2.low_level, "hash_secret_raw", counted)
    return salts


def _sealed(data_dir: Path, name: str) -> dict[str, Any]:
    sealed: dict[str, Any] = json.loads((data_dir / name).read_text("utf-8"))["sealed"]
    return sealed


def _open_and_close(data_dir: Path, provider: PassphraseProvider) -> None:
    KioskBackend.open(data_dir, provider, FakeClock(wall=MORNING)).close()


def test_a_new_kiosk_and_each_restart_derive_the_passphrase_key_once(
    tmp_path: Path, derivations: list[bytes]
) -> None:
    data_dir = tmp_path / "kiosk"
    _open_and_close(data_dir, _provider())
    assert len(derivations) == 1
    store, setup = _sealed(data_dir, STORE_KEY), _sealed(data_dir, SETUP_KEY)
    assert store["kdf"] == setup["kdf"]  # one salt, one key-encryption key
    assert store["wrapped_key"] != setup["wrapped_key"]  # two different database keys
    derivations.clear()
    _open_and_close(data_dir, _provider())  # a restart: a new process, a new provider
    assert len(derivations) == 1


def test_an_older_folder_is_resealed_once_then_starts_with_one_derivation(
    tmp_path: Path, derivations: list[bytes]
) -> None:
    data_dir = tmp_path / "kiosk"
    with KioskSetup.open(data_dir, _provider()):  # enrolled before its attempt store existed
        pass
    _open_and_close(data_dir, _provider())  # the store gets its own salt
    first = _sealed(data_dir, SETUP_KEY)
    assert first["kdf"] == _sealed(data_dir, STORE_KEY)["kdf"]  # re-sealed at that start
    derivations.clear()
    _open_and_close(data_dir, _provider())
    assert len(derivations) == 1
    assert _sealed(data_dir, SETUP_KEY) == first  # nothing rewritten once they agree


def test_a_wrong_passphrase_still_opens_nothing_and_rewrites_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "kiosk"
    _open_and_close(data_dir, _provider())
    before = {name: (data_dir / name).read_bytes() for name in (STORE_KEY, SETUP_KEY)}
    with pytest.raises(AuthenticationError):
        open_kiosk(data_dir, _provider("pas la bonne"), FakeClock(wall=MORNING)).result()
    assert {name: (data_dir / name).read_bytes() for name in before} == before


def test_the_state_is_read_on_the_store_thread_right_after_opening(tmp_path: Path) -> None:
    opened = open_kiosk(tmp_path / "kiosk", _provider(), FakeClock(wall=MORNING)).result()
    try:
        state = opened.state.result(timeout=10)
        assert state.identity is None and state.session is None and not state.authority_pinned
    finally:
        opened.backend.close()


def test_a_kit_stored_by_an_earlier_kiosk_sends_it_back_to_the_kit_screen(tmp_path: Path) -> None:
    from datetime import UTC

    from invigilator.kits import session_day_end
    from kiosk.app.setup_state import setup_state
    from kiosk.seal.kiosk_kit import build_kiosk_kit
    from kiosk.store.kit_import import import_kit
    from tests.fixtures.kit.world import BUILT_AT, TEST_CODE_KDF, make_world

    world = make_world(tmp_path / "world")
    kit = build_kiosk_kit(
        session=world.session,
        content_pack=world.pack,
        centre=world.centre,
        certificate=world.certificate,
        kiosk=None,
        candidates=list(world.session.candidates),
        now=BUILT_AT,
        expires_at=session_day_end(world.session.details.date, UTC),
        kdf=TEST_CODE_KDF,
    )
    with KioskSetup.open(tmp_path / "kiosk", _provider(), clock=FakeClock(wall=MORNING)) as setup:
        setup.enrol(2, "Poste 2")
        import_kit(setup, kit.data, kit.code, world.authority.public)
        assert setup_state(setup).session is not None
        # What an earlier kiosk stored: the same kit content without the candidates' numbers.
        row = setup._run("SELECT content FROM kits").fetchone()
        content = json.loads(row[0])
        del content["candidate_numbers"]
        with setup.transaction():
            setup._run("UPDATE kits SET content = ?", (json.dumps(content),), writing=True)
        state = setup_state(setup)
    assert state.session is None
    assert "version précédente" in state.notice and "nouveau kit" in state.notice
