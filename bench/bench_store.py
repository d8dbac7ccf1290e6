"""Store benchmark: answer-path append latency vs plain sqlite3, and resume time.

Append latency: ``AttemptService.save_answer(...).result()`` (store thread, rule check, canonical
JSON + SHA-256, SQLCipher, one durable commit) against a plain ``sqlite3`` insert + commit with the
same durability (WAL, ``synchronous=FULL``), measured interleaved in the same run; target p99 ratio
≤ 2. Resume: open + verify + fold of a 48-item attempt of ~500 events (target < 50 ms); the
Argon2id unsealing of a passphrase store is reported apart (it is deliberately slow).
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from kiosk.store.key_providers import PassphraseProvider
from kiosk.store.keyfile import read_key_file, unseal_key
from kiosk.store.service import Store

ITEMS = 48


def _fast() -> PassphraseProvider:
    return PassphraseProvider("bench", time_cost=1, memory_kib=1024, parallelism=1)


def _items() -> list[dict[str, object]]:
    return [
        {"id": f"rec{i:02d}", "competence": "1.1", "type": "QROC", "timer_s": None, "focus": False}
        for i in range(ITEMS)
    ]


def _running(store: Store) -> str:
    att = store.attempts
    aid = att.create("cand", "S-bench", "kiosk-bench").result().log_id
    att.assemble(aid, seed="1", duration_s=7200, extra_time_pct="0", items=_items()).result()
    att.confirm_presence(aid, "password").result()
    att.start(aid).result()
    return aid


def _percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def append_latency(folder: Path, attempts: int = 10) -> dict[str, float]:
    """p50/p99 (ms) of the answer path and of a plain sqlite3 durable insert, interleaved."""
    plain = sqlite3.connect(folder / "plain.db", isolation_level=None)
    plain.execute("PRAGMA journal_mode = WAL")
    plain.execute("PRAGMA synchronous = FULL")
    plain.execute(
        "CREATE TABLE events (log_id TEXT, seq INTEGER, type TEXT, at_wall TEXT, at_mono_ms INTEGER,"
        " data TEXT, prev_hash TEXT, hash TEXT, PRIMARY KEY (log_id, seq)) WITHOUT ROWID"
    )
    ours: list[float] = []
    base: list[float] = []
    seq = 0
    with Store.open(folder / "store", _fast()) as store:
        for _ in range(attempts):
            aid = _running(store)
            for i in range(ITEMS):
                item = f"rec{i:02d}"
                store.attempts.show_item(aid, item).result()
                answer = {"champ1": f"réponse {i}", "champ2": "42"}
                start = time.perf_counter()
                store.attempts.save_answer(aid, item, answer).result()
                ours.append((time.perf_counter() - start) * 1000)
                seq += 1
                data = json.dumps({"item": item, "answer": answer, "timed_out": False})
                start = time.perf_counter()
                plain.execute(
                    "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        aid,
                        seq,
                        "answer_saved",
                        "2025-05-12T08:00:00.000Z",
                        seq,
                        data,
                        "0" * 64,
                        "f" * 64,
                    ),
                )
                base.append((time.perf_counter() - start) * 1000)
    plain.close()
    result = {
        "samples": float(len(ours)),
        "store_p50_ms": _percentile(ours, 50),
        "store_p99_ms": _percentile(ours, 99),
        "sqlite_p50_ms": _percentile(base, 50),
        "sqlite_p99_ms": _percentile(base, 99),
    }
    result["p99_ratio"] = result["store_p99_ms"] / result["sqlite_p99_ms"]
    result["p50_ratio"] = result["store_p50_ms"] / result["sqlite_p50_ms"]
    return result


def resume_time(folder: Path, runs: int = 7) -> dict[str, float]:
    """Median ms to open + verify + fold a 48-item attempt of ~500 events; Argon2id apart."""
    data = folder / "resume"
    with Store.open(data, _fast()) as store:
        aid = _running(store)
        for i in range(ITEMS):
            item = f"rec{i:02d}"
            store.attempts.show_item(aid, item).result()
            for _ in range(8):
                store.attempts.heartbeat(aid).result()
            store.attempts.save_answer(aid, item, {"champ": f"réponse {i}"}).result()
        events = len(store.attempts.events(aid).result())
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        store = Store.open(data, _fast())
        store.attempts.state(aid).result()
        timings.append((time.perf_counter() - start) * 1000)
        store.close()
    slow = folder / "argon"
    Store.open(slow, PassphraseProvider("bench")).close()
    start = time.perf_counter()
    unseal_key(read_key_file(slow / "certkiosk.key"), PassphraseProvider("bench"))
    argon_ms = (time.perf_counter() - start) * 1000
    return {
        "events": float(events),
        "resume_median_ms": statistics.median(timings),
        "resume_max_ms": max(timings),
        "argon2id_default_unseal_ms": argon_ms,
    }


def main() -> int:
    """Run both measurements and print the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        latency = append_latency(folder)
        resume = resume_time(folder)
    print("store: append latency (answer path) vs plain sqlite3, WAL + synchronous=FULL")
    print(
        f"  {int(latency['samples'])} samples  store p50 {latency['store_p50_ms']:.3f} ms"
        f"  p99 {latency['store_p99_ms']:.3f} ms | sqlite3 p50 {latency['sqlite_p50_ms']:.3f} ms"
        f"  p99 {latency['sqlite_p99_ms']:.3f} ms | ratio p50 {latency['p50_ratio']:.2f}"
        f"  p99 {latency['p99_ratio']:.2f} (target ≤ 2)"
    )
    print(
        f"store: resume of a {ITEMS}-item attempt of {int(resume['events'])} events"
        f" (open + verify + fold): median {resume['resume_median_ms']:.1f} ms,"
        f" max {resume['resume_max_ms']:.1f} ms (target < 50 ms);"
        f" Argon2id unseal with default cost {resume['argon2id_default_unseal_ms']:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
