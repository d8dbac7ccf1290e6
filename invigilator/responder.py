"""Challenge/response at the console: read a kiosk's challenge, answer it, log it.

The challenge's candidate number is the candidate's 1-based position in the session package;
the kiosk number is the kiosk's number in the room. The response is the HMAC code of
``kiosk.core.codes`` under the session secret. Every response given is recorded in the session
log (``code_issued``) before it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from invigilator.roster import candidate_by_number, display_name
from invigilator.workspace import Workspace
from kiosk.core.codes import Challenge, CodeAction, parse_challenge, response_for
from kiosk.core.errors import RuleViolation
from kiosk.seal.session_model import Candidate

ACTION_FR = {
    CodeAction.CONFIRM_PRESENCE: "Confirmer la présence",
    CodeAction.AUTHORISE_RESUME: "Autoriser la reprise",
    CodeAction.UNLOCK: "Déverrouiller le poste",
    CodeAction.ADD_TIME: "Ajouter du temps",
    CodeAction.END_TEST: "Terminer le test",
}
ACTION_NAME = {
    CodeAction.CONFIRM_PRESENCE: "confirm_presence",
    CodeAction.AUTHORISE_RESUME: "authorise_resume",
    CodeAction.UNLOCK: "unlock",
    CodeAction.ADD_TIME: "add_time",
    CodeAction.END_TEST: "end_test",
}


@dataclass(frozen=True, slots=True)
class CodeAnswer:
    """A challenge understood and answered."""

    challenge: Challenge
    candidate: Candidate
    kiosk_id: str  # the kiosk name in the merged attempt, when one was collected
    response: str

    @property
    def action_fr(self) -> str:
        """The action in French, with the minutes for added time."""
        text = ACTION_FR[self.challenge.action]
        if self.challenge.minutes is not None:
            text += f" ({self.challenge.minutes} min)"
        return text

    @property
    def candidate_name(self) -> str:
        """LAST NAME First names."""
        return display_name(self.candidate)


def describe(ws: Workspace, session_id: str, text: str) -> tuple[Challenge, Candidate, str]:
    """Read a challenge and find who it is about, without answering.

    Raises:
        InvalidInput: not a challenge, a typing mistake, or no such candidate number.
    """
    challenge = parse_challenge(text)
    candidates = ws.package(session_id).candidates
    candidate = candidate_by_number(candidates, challenge.candidate)
    state = ws.attempt_states(session_id).get(candidate.candidate_id)
    return challenge, candidate, state.kiosk_id if state else ""


def respond(ws: Workspace, session_id: str, text: str) -> CodeAnswer:
    """Answer a kiosk's challenge and record it in the session log.

    Raises:
        InvalidInput: not a challenge, a typing mistake, or no such candidate.
        RuleViolation: the session is finalised.
    """
    challenge, candidate, kiosk_id = describe(ws, session_id, text)
    if ws.session_state(session_id).finalised:
        raise RuleViolation(f"La session {session_id} est finalisée : plus aucun code n'est donné")
    package = ws.package(session_id)
    response = response_for(package.session_secret, session_id, challenge)
    data: dict[str, object] = {
        "challenge": challenge.text(),
        "action": ACTION_NAME[challenge.action],
        "kiosk": challenge.kiosk,
        "counter": challenge.counter,
        "candidate_id": candidate.candidate_id,
        "by": "console",
    }
    if challenge.minutes is not None:
        data["minutes"] = challenge.minutes
    ws.store(session_id).sessions.append(session_id, "code_issued", data).result()
    return CodeAnswer(challenge, candidate, kiosk_id, response)


__all__ = ["ACTION_FR", "CodeAnswer", "describe", "respond"]
