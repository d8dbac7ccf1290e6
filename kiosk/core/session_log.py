"""The session-level log: what belongs to the session rather than one attempt.

Same event model and chain as an attempt (kiosk.core.events): presence confirmations and their
undoing, incidents, per-candidate finalisation notes, the session comment and flags, and the
finalisation itself. ``fold_session`` is pure and refuses what the rules forbid.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from kiosk.core.attempt import AUTHORISATIONS, TransitionRefused
from kiosk.core.errors import IntegrityError
from kiosk.core.events import Event

INCIDENT_CODES = frozenset(
    {"C1", "C2", "C4", "C6", "C7", "C8", "E1", "E2", "E3", "E4", "E5", "E8", "E9", "E10", "E11"}
    | {"E12"}
)
NEEDS_TEXT = frozenset({"C1", "C2", "C4", "C7", "C8"})
ABORT_REASONS = frozenset({"candidate", "technical"})
MAX_COMMENT = 500


@dataclass(frozen=True, slots=True)
class Incident:
    """An incident recorded for the session, optionally about one candidate and item."""

    seq: int
    code: str
    candidate_id: str | None
    item_id: str | None
    text: str
    by: str


@dataclass(frozen=True, slots=True)
class SessionState:
    """The session log folded: who is present, incidents, finalisation notes, finalised or not."""

    session_id: str = ""
    present: frozenset[str] = frozenset()
    incidents: tuple[Incident, ...] = ()
    end_screen_seen: frozenset[str] = frozenset()
    comments: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    abort_reasons: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    session_comment: str = ""
    had_incident: bool = False
    joining_issue: bool = False
    finalised: bool = False
    last_seq: int = 0
    last_hash: str = "0" * 64


def _text(data: Mapping[str, Any], name: str, *, empty: bool = False, limit: int = 0) -> str:
    value = data.get(name)
    if not isinstance(value, str) or (not empty and not value.strip()):
        raise TransitionRefused(f"champ « {name} » manquant ou invalide")
    if limit and len(value) > limit:
        raise TransitionRefused(f"champ « {name} » : {limit} caractères au plus")
    return value


def _by(data: Mapping[str, Any]) -> str:
    by = data.get("by")
    if by not in AUTHORISATIONS:
        raise TransitionRefused("action de surveillant sans autorisation valide")
    return str(by)


def _opened(s: SessionState, e: Event) -> SessionState:
    if e.seq != 1:
        raise TransitionRefused("« session_opened » ne peut être que le premier événement")
    return replace(s, session_id=_text(e.data, "session_id"))


def _presence(confirmed: bool) -> Callable[[SessionState, Event], SessionState]:
    def apply(s: SessionState, e: Event) -> SessionState:
        _by(e.data)
        who = _text(e.data, "candidate_id")
        if (who in s.present) == confirmed:
            raise TransitionRefused(
                f"présence de {who} déjà {'confirmée' if confirmed else 'annulée'}"
            )
        return replace(s, present=s.present | {who} if confirmed else s.present - {who})

    return apply


def _incident(s: SessionState, e: Event) -> SessionState:
    code = _text(e.data, "code")
    if code not in INCIDENT_CODES:
        raise TransitionRefused(f"code d'incident inconnu : {code}")
    text = _text(e.data, "text", empty=code not in NEEDS_TEXT, limit=MAX_COMMENT)
    candidate = e.data.get("candidate_id")
    item = e.data.get("item")
    if code.startswith("E") and not (isinstance(candidate, str) and isinstance(item, str)):
        raise TransitionRefused(f"l'incident {code} doit nommer un candidat et une question")
    incident = Incident(
        e.seq,
        code,
        candidate if isinstance(candidate, str) else None,
        item if isinstance(item, str) else None,
        text,
        _by(e.data),
    )
    return replace(s, incidents=(*s.incidents, incident), had_incident=True)


def _seen(s: SessionState, e: Event) -> SessionState:
    return replace(s, end_screen_seen=s.end_screen_seen | {_text(e.data, "candidate_id")})


def _comment(s: SessionState, e: Event) -> SessionState:
    comments = dict(s.comments)
    comments[_text(e.data, "candidate_id")] = _text(e.data, "text", empty=True, limit=MAX_COMMENT)
    return replace(s, comments=MappingProxyType(comments))


def _abort(s: SessionState, e: Event) -> SessionState:
    reason = _text(e.data, "reason")
    if reason not in ABORT_REASONS:
        raise TransitionRefused(f"motif d'abandon inconnu : {reason}")
    reasons = dict(s.abort_reasons)
    reasons[_text(e.data, "candidate_id")] = reason
    return replace(s, abort_reasons=MappingProxyType(reasons))


def _session_comment(s: SessionState, e: Event) -> SessionState:
    return replace(s, session_comment=_text(e.data, "text", empty=True, limit=MAX_COMMENT))


def _flags(s: SessionState, e: Event) -> SessionState:
    flags = {k: e.data.get(k) for k in ("had_incident", "joining_issue")}
    if not all(isinstance(v, bool) for v in flags.values()):
        raise TransitionRefused("indicateurs « had_incident » et « joining_issue » attendus")
    return replace(
        s, had_incident=bool(flags["had_incident"]), joining_issue=bool(flags["joining_issue"])
    )


def _code_issued(s: SessionState, e: Event) -> SessionState:
    """A response code the console gave for a kiosk's challenge (audit only: no state change)."""
    _by(e.data)
    _text(e.data, "challenge")
    _text(e.data, "candidate_id")
    return s


def _finalised(s: SessionState, e: Event) -> SessionState:
    _by(e.data)
    return replace(s, finalised=True)


SESSION_STEPS: dict[str, Callable[[SessionState, Event], SessionState]] = {
    "session_opened": _opened,
    "presence_confirmed": _presence(True),
    "presence_revoked": _presence(False),
    "incident_recorded": _incident,
    "end_screen_seen": _seen,
    "candidate_comment": _comment,
    "abort_reason_set": _abort,
    "session_comment": _session_comment,
    "flags_set": _flags,
    "code_issued": _code_issued,
    "finalised": _finalised,
}
SESSION_EVENT_TYPES = frozenset(SESSION_STEPS)


def session_step(state: SessionState, event: Event) -> SessionState:
    """Apply one event to a session state.

    Raises:
        TransitionRefused: unknown, malformed, or after finalisation.
    """
    apply = SESSION_STEPS.get(event.type)
    if apply is None:
        raise TransitionRefused(f"type d'événement de session inconnu : {event.type}")
    if state.last_seq == 0 and event.type != "session_opened":
        raise TransitionRefused("le premier événement d'une session doit être « session_opened »")
    if state.finalised:
        raise TransitionRefused("la session est finalisée")
    after = apply(state, event)
    return replace(after, last_seq=event.seq, last_hash=event.hash)


def fold_session(events: Iterable[Event]) -> SessionState:
    """Replay a session log into its state.

    Raises:
        IntegrityError: an event the rules forbid, naming its seq.
    """
    state = SessionState()
    for event in events:
        try:
            state = session_step(state, event)
        except TransitionRefused as exc:
            raise IntegrityError(
                f"session : événement n° {event.seq} ({event.type}) refusé : {exc.message}"
            ) from exc
    return state
