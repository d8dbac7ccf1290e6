"""A corrupted page and a wrong key, on real files: clear errors, files left as they were."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kiosk.core.clock import FakeClock
from kiosk.core.errors import AuthenticationError, StoreCorrupted
from kiosk.store.database import open_database
from kiosk.store.key_providers import PassphraseProvider
from kiosk.store.keyfile import new_key
from kiosk.store.service import Store
from tests.faults.driver import provider

PAGE = 4096


def filled_store(folder: Path, answers: int = 40) -> Path:
    """A closed store with one attempt and ``answers`` long answers (several pages)."""
    with Store.open(folder, provider(), clock=FakeClock()) as store:
        att = store.attempts
        aid = att.create("c", "S", "k").result().log_id
        items = [
            {"id": f"r{i}", "competence": "1.1", "type": "QROC", "timer_s": None, "focus": False}
            for i in range(answers)
        ]
        att.assemble(aid, seed="1", duration_s=3600, extra_time_pct="0", items=items).result()
        att.confirm_presence(aid, "password").result()
        att.start(aid).result()
        for i in range(answers):
            att.save_answer(aid, f"r{i}", "texte " * 200).result()
    return folder / "certkiosk.db"


def digests(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.name != "certkiosk.lock"
    }


@pytest.mark.parametrize("page", [0, 3, -1])
def test_corrupted_page_is_named_and_not_repaired(tmp_path: Path, page: int) -> None:
    db = filled_store(tmp_path)
    pages = db.stat().st_size // PAGE
    assert pages > 5
    target = page % pages
    with open(db, "r+b") as handle:
        handle.seek(target * PAGE + 200)
        handle.write(bytes(32))
    before = digests(tmp_path)
    with pytest.raises(StoreCorrupted, match=r"certkiosk\.db.*endommagé"):
        Store.open(tmp_path, provider(), clock=FakeClock())
    assert digests(tmp_path) == before


def test_wrong_passphrase_leaves_every_byte_unchanged(tmp_path: Path) -> None:
    filled_store(tmp_path, answers=3)
    before = digests(tmp_path)
    wrong = PassphraseProvider("pas la bonne", time_cost=1, memory_kib=1024, parallelism=1)
    with pytest.raises(AuthenticationError, match="Phrase de passe incorrecte"):
        Store.open(tmp_path, wrong, clock=FakeClock())
    assert digests(tmp_path) == before
    Store.open(tmp_path, provider(), clock=FakeClock()).close()  # the right one still works


def test_wrong_raw_key_leaves_the_database_unchanged(tmp_path: Path) -> None:
    db = filled_store(tmp_path, answers=3)
    before = digests(tmp_path)
    with pytest.raises(AuthenticationError, match=r"certkiosk\.db"):
        open_database(db, new_key())
    assert digests(tmp_path) == before
    assert not Path(f"{db}-wal").exists()
