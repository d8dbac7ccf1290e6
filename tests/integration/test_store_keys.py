"""Key providers and the key file: wrapping, wrong secrets, OS provider selection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.core.errors import AuthenticationError, EnvironmentFailure, InvalidInput
from kiosk.store.key_providers import (
    DpapiProvider,
    KeyringProvider,
    PassphraseProvider,
    os_key_provider,
)
from kiosk.store.keyfile import new_key, read_key_file, unseal_key, write_key_file


def fast(passphrase: str) -> PassphraseProvider:
    return PassphraseProvider(passphrase, time_cost=1, memory_kib=1024, parallelism=1)


class FakeKeyring:
    def __init__(self) -> None:
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service_name: str, username: str) -> str | None:
        return self.secrets.get((service_name, username))

    def set_password(self, service_name: str, username: str, password: str) -> None:
        self.secrets[(service_name, username)] = password


def test_passphrase_wraps_and_a_wrong_one_is_refused(tmp_path: Path) -> None:
    key = new_key()
    path = tmp_path / "k.key"
    write_key_file(path, key, fast("bonne phrase"))
    text = path.read_text()
    assert key.hex() not in text and "argon2id" in text
    assert unseal_key(read_key_file(path), fast("bonne phrase")) == key
    with pytest.raises(AuthenticationError, match="Phrase de passe incorrecte"):
        unseal_key(read_key_file(path), fast("mauvaise"))


def test_key_file_bound_to_its_store(tmp_path: Path) -> None:
    path = tmp_path / "k.key"
    write_key_file(path, new_key(), fast("p"))
    body = json.loads(path.read_text())
    body["store_id"] = "someoneelse"
    path.write_text(json.dumps(body))
    with pytest.raises(AuthenticationError):
        unseal_key(read_key_file(path), fast("p"))


def test_key_file_of_another_provider_or_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "k.key"
    write_key_file(path, new_key(), fast("p"))
    with pytest.raises(InvalidInput, match="passphrase"):
        unseal_key(read_key_file(path), KeyringProvider("acct", FakeKeyring()))
    body = json.loads(path.read_text())
    path.write_text(json.dumps({**body, "version": 9}))
    with pytest.raises(InvalidInput, match="version 9"):
        read_key_file(path)


def test_keyring_provider_keeps_only_the_kek_in_the_keychain(tmp_path: Path) -> None:
    ring = FakeKeyring()
    key = new_key()
    path = tmp_path / "k.key"
    write_key_file(path, key, KeyringProvider("kiosk-7", ring))
    assert unseal_key(read_key_file(path), KeyringProvider("kiosk-7", ring)) == key
    with pytest.raises(AuthenticationError, match="absente"):
        unseal_key(read_key_file(path), KeyringProvider("kiosk-7", FakeKeyring()))


@pytest.mark.parametrize(
    ("platform", "kind"), [("win32", DpapiProvider), ("darwin", KeyringProvider)]
)
def test_os_provider_selection(platform: str, kind: type) -> None:
    assert isinstance(os_key_provider("kiosk-1", platform=platform), kind)


def test_os_provider_refused_where_none_is_supported() -> None:
    with pytest.raises(EnvironmentFailure, match="phrase de passe"):
        os_key_provider("kiosk-1", platform="linux")


@pytest.mark.skipif(__import__("sys").platform == "win32", reason="DPAPI exists on Windows")
def test_dpapi_outside_windows_fails_clearly() -> None:
    with pytest.raises(EnvironmentFailure, match="Windows"):
        DpapiProvider().seal(new_key(), b"ctx")
