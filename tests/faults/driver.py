"""A kiosk stand-in for fault tests: answers items in a real store and prints what was acknowledged.

``python -m tests.faults.driver DATA_DIR [--big] [--fsize-limit BYTES]``

Prints ``READY`` once the store is open, then ``ACK <attempt> <item> <seq>`` after each answer's
durable commit returned. With ``--fsize-limit`` the process may not grow files past that size;
on ``StorageFull`` it prints ``FULL <message>``, reads the store back, prints ``READ <answers>``
and exits 0.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from kiosk.core.attempt_state import Status
from kiosk.core.errors import StorageFull
from kiosk.store.key_providers import PassphraseProvider
from kiosk.store.service import Store

ITEMS = 48
PASSPHRASE = "fautes"


def provider() -> PassphraseProvider:
    """The cheap passphrase provider the fault tests share."""
    return PassphraseProvider(PASSPHRASE, time_cost=1, memory_kib=1024, parallelism=1)


def answer_for(attempt_id: str, item_id: str, big: bool) -> str:
    """The raw answer the driver gives (checkable by the test)."""
    text = f"{attempt_id}:{item_id}"
    return text + "·" * 3000 if big else text


def current_attempt(store: Store) -> str:
    """The attempt to work on: the last unfinished one (resumed or started), or a new one."""
    att = store.attempts
    summaries = att.list().result()
    if summaries and summaries[-1].status is not Status.ENDED:
        aid = summaries[-1].attempt_id
    else:
        aid = att.create("cand", "S-fault", "kiosk-fault").result().log_id
    state = att.state(aid).result()
    if state.status is Status.AWAITING_RESUME:
        att.authorise_resume(aid, "password").result()
    if not state.items:
        items = [
            {"id": f"rec{i:02d}", "competence": "1.1", "type": "QROC", "timer_s": None}
            | {"focus": False}
            for i in range(ITEMS)
        ]
        att.assemble(aid, seed="7", duration_s=7200, extra_time_pct="0", items=items).result()
    if not state.started:
        if not state.presence_confirmed:
            att.confirm_presence(aid, "password").result()
        att.start(aid).result()
    return aid


def work(store: Store, big: bool) -> None:
    """Answer items forever, starting new attempts as each one completes."""
    att = store.attempts
    while True:
        aid = current_attempt(store)
        state = att.state(aid).result()
        while state.current_item is not None:
            item = state.current_item.id
            att.show_item(aid, item).result()
            change = att.save_answer(aid, item, answer_for(aid, item, big)).result()
            print(f"ACK {aid} {item} {change.events[0].seq}", flush=True)
            state = change.state
            if state.index % 5 == 0:
                att.heartbeat(aid).result()
        att.end(aid, "completed").result()


def main() -> int:
    """Run the driver."""
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--big", action="store_true")
    parser.add_argument("--fsize-limit", type=int, default=0)
    args = parser.parse_args()
    store = Store.open(args.data_dir, provider())
    if args.fsize_limit:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (args.fsize_limit, args.fsize_limit))
    print("READY", flush=True)
    try:
        work(store, args.big)
    except StorageFull as exc:
        print(f"FULL {exc.message}", flush=True)
        answers = sum(
            len(store.attempts.state(s.attempt_id).result().answers)
            for s in store.attempts.list().result()
        )
        print(f"READ {answers}", flush=True)
        return 0
    finally:
        store.close()
    return 1


if __name__ == "__main__":
    sys.exit(main())
