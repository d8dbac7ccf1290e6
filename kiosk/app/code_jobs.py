"""Invigilator actions authorised by a console code (challenge/response, no network). Qt-free.

The kiosk shows a ``Challenge`` naming the action, the kiosk number, the candidate's number (their
1-based position in the session package, carried by the kit: ``InstalledSession.candidate_number``,
which is not their position in the kit when the kit seats only some candidates), a counter and,
for added time, the minutes.
The counter never repeats on this kiosk: it is one more than the highest counter ever answered,
taken from the setup store (``KioskSetup.last_code_counter``) and from the attempt logs (each
action done by code records its ``counter``), so a crash between the two writes loses nothing.
An answered challenge's response therefore never works twice.

The jobs run on the store thread (``Store.run``); the response itself is checked on the GUI
thread by the invigilator gate, which counts wrong codes with wrong passwords.
"""

from __future__ import annotations

from typing import Any

from kiosk.app.kiosk_jobs import Changes, Jobs
from kiosk.core.codes import Challenge, CodeAction
from kiosk.core.errors import AuthenticationError
from kiosk.store.installed_session import InstalledSession
from kiosk.store.kiosk_setup import KioskSetup
from kiosk.store.store_core import StoreCore

BY_CODE = "code"
ACTION_EVENTS = {
    CodeAction.CONFIRM_PRESENCE: "presence_confirmed",
    CodeAction.AUTHORISE_RESUME: "resume_authorised",
    CodeAction.UNLOCK: "unlocked",
    CodeAction.ADD_TIME: "time_extended",
    CodeAction.END_TEST: "ended",
}


def next_counter(core: StoreCore, setup: KioskSetup) -> int:
    """The counter of the next challenge: one more than any counter answered on this kiosk."""
    used = setup.last_code_counter()
    for summary in core.list_attempts():
        for event in core.events(summary.attempt_id):
            counter = event.data.get("counter")
            if event.data.get("by") == BY_CODE and isinstance(counter, int):
                used = max(used, counter)
    return used + 1


def make_challenge(
    core: StoreCore,
    setup: KioskSetup,
    session: InstalledSession,
    attempt_id: str,
    action: CodeAction,
    minutes: int | None = None,
) -> Challenge:
    """The challenge the kiosk shows for ``action`` on the attempt's candidate.

    Raises:
        InvalidInput: an unknown candidate, or minutes with the wrong action.
    """
    state = core.attempt_state(attempt_id)
    return Challenge(
        action=action,
        kiosk=session.kiosk_number,
        candidate=session.candidate_number(state.candidate_id),
        counter=next_counter(core, setup),
        minutes=minutes if action is CodeAction.ADD_TIME else None,
    )


def event_data(challenge: Challenge, reason: str = "") -> dict[str, Any]:
    """What the attempt log records for an action authorised by ``challenge``."""
    data: dict[str, Any] = {
        "by": BY_CODE,
        "challenge": challenge.text(),
        "counter": challenge.counter,
    }
    if challenge.action is CodeAction.ADD_TIME:
        data["minutes"] = challenge.minutes
        data["reason"] = reason
    elif challenge.action is CodeAction.END_TEST:
        data["reason"] = "by_invigilator"
    return data


def apply_code(
    core: StoreCore,
    setup: KioskSetup,
    jobs: Jobs,
    attempt_id: str,
    challenge: Challenge,
    reason: str = "",
) -> Changes:
    """Record the action of an answered challenge, once, and use up its counter.

    Raises:
        AuthenticationError: the challenge's counter was already used (a replayed code).
        TransitionRefused: the action no longer fits the attempt's state.
    """
    if challenge.counter < next_counter(core, setup):
        raise AuthenticationError("Ce code a déjà été utilisé : demandez un nouveau code")
    changes = jobs.simple(
        core, attempt_id, ACTION_EVENTS[challenge.action], event_data(challenge, reason)
    )
    setup.use_code_counter(challenge.counter)
    return changes
