"""The attempt as events: event types, the transition step and the pure fold to AttemptState.

``fold(events, now_mono_ms)`` replays a verified log; ``step(state, event)`` applies one event
and refuses (``TransitionRefused``) what the rules do not allow, so the kiosk checks an action
with the very function the authority replays. Time accrues between consecutive events only while
the attempt is running, and never across an ``app_started`` event (a new process or boot).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from kiosk.core.attempt_state import (
    AttemptState,
    EndReason,
    ItemAnswer,
    Pause,
    ProblemReport,
    ServedItem,
    Status,
)
from kiosk.core.errors import IntegrityError, InvalidInput, RuleViolation
from kiosk.core.events import Event
from kiosk.core.timing import attempt_limit_ms, extended_ms, parse_extra_time_pct, time_view

AUTHORISATIONS = frozenset({"password", "code", "console"})
PROBLEM_OUTCOMES = frozenset({"validated", "dismissed"})
PRE_START = frozenset({Status.CHECKED_IN, Status.AWAITING_PRESENCE, Status.READY})


class TransitionRefused(RuleViolation):
    """An event the attempt's rules do not allow in its current state."""


def _refuse(detail: str) -> TransitionRefused:
    return TransitionRefused(detail)


def _text(data: Mapping[str, Any], name: str, *, empty: bool = False) -> str:
    value = data.get(name)
    if not isinstance(value, str) or (not empty and not value):
        raise _refuse(f"champ « {name} » manquant ou invalide")
    return value


def _int(data: Mapping[str, Any], name: str, minimum: int = 0) -> int:
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise _refuse(f"champ « {name} » : entier ≥ {minimum} attendu")
    return value


def _flag(data: Mapping[str, Any], name: str) -> bool:
    value = data.get(name, False)
    if not isinstance(value, bool):
        raise _refuse(f"champ « {name} » : booléen attendu")
    return value


def _by(data: Mapping[str, Any]) -> str:
    by = data.get("by")
    if by not in AUTHORISATIONS:
        raise _refuse("action de surveillant sans autorisation valide (password, code ou console)")
    return str(by)


def _pre_start_phase(state: AttemptState) -> Status:
    if not state.items:
        return Status.CHECKED_IN
    return Status.READY if state.presence_confirmed else Status.AWAITING_PRESENCE


def _effective(state: AttemptState) -> AttemptState:
    """Recompute ``status`` from phase, locks and end, opening or closing a pause."""
    if state.end_reason is not None:
        status = Status.ENDED
    elif state.lock_reason is not None or state.pending_problem_seq is not None:
        status = Status.LOCKED
    else:
        status = state.phase
    return replace(state, status=status)


def _with_pause_edges(before: AttemptState, after: AttemptState, event: Event) -> AttemptState:
    pauses = after.pauses
    was, now = before.status is Status.RUNNING, after.status is Status.RUNNING
    if was and not now and after.status is not Status.ENDED:
        reason = after.lock_reason or (
            "problem_reported" if after.pending_problem_seq is not None else "restart"
        )
        pauses = (*pauses, Pause(reason, event.seq))
    elif now and not was and pauses and pauses[-1].to_seq is None:
        pauses = (*pauses[:-1], replace(pauses[-1], to_seq=event.seq))
    return replace(after, pauses=pauses)


def _current(state: AttemptState, data: Mapping[str, Any]) -> ServedItem:
    item = state.current_item
    if item is None:
        raise _refuse("aucune question en cours")
    if _text(data, "item") != item.id:
        raise _refuse(f"la question en cours est {item.id}, pas {data.get('item')}")
    return item


def _need(state: AttemptState, *allowed: Status) -> None:
    if state.status not in allowed:
        raise _refuse(f"impossible dans l'état « {state.status} »")


def _advance(state: AttemptState, answer: ItemAnswer) -> AttemptState:
    answers = dict(state.answers)
    answers[answer.item_id] = answer
    return replace(state, answers=MappingProxyType(answers), index=state.index + 1)


def _parse_items(raw: Any) -> tuple[ServedItem, ...]:
    if not isinstance(raw, list) or not raw:
        raise _refuse("« items » : liste non vide attendue")
    items: list[ServedItem] = []
    for entry in raw:
        if not isinstance(entry, dict):
            raise _refuse("« items » : chaque question est un objet")
        timer = entry.get("timer_s")
        if timer is not None and (
            isinstance(timer, bool) or not isinstance(timer, int) or timer <= 0
        ):
            raise _refuse(f"question {entry.get('id')} : minuteur invalide")
        items.append(
            ServedItem(
                id=_text(entry, "id"),
                competence=_text(entry, "competence"),
                type=_text(entry, "type"),
                timer_s=timer,
                focus=_flag(entry, "focus"),
            )
        )
    if len({item.id for item in items}) != len(items):
        raise _refuse("« items » : question en double")
    return tuple(items)


def _checked_in(s: AttemptState, e: Event) -> AttemptState:
    if e.seq != 1:
        raise _refuse("« checked_in » ne peut être que le premier événement")
    d = e.data
    return replace(
        s,
        attempt_id=_text(d, "attempt_id"),
        candidate_id=_text(d, "candidate_id"),
        session_id=_text(d, "session_id"),
        kiosk_id=_text(d, "kiosk_id"),
        phase=Status.CHECKED_IN,
    )


def _presence(confirmed: bool) -> Callable[[AttemptState, Event], AttemptState]:
    def apply(s: AttemptState, e: Event) -> AttemptState:
        _by(e.data)
        if s.started or s.end_reason is not None:
            raise _refuse("la présence ne se modifie qu'avant le début de l'épreuve")
        if s.presence_confirmed == confirmed:
            raise _refuse("présence déjà confirmée" if confirmed else "présence non confirmée")
        out = replace(s, presence_confirmed=confirmed)
        return replace(out, phase=_pre_start_phase(out))

    return apply


def _assembled(s: AttemptState, e: Event) -> AttemptState:
    if s.items or s.started:
        raise _refuse("l'épreuve est déjà composée")
    _need(s, *PRE_START, Status.LOCKED)
    d = e.data
    try:
        pct = parse_extra_time_pct(d.get("extra_time_pct"))  # type: ignore[arg-type]
    except InvalidInput as exc:
        raise _refuse(exc.message) from exc
    out = replace(
        s,
        seed=_text(d, "seed"),
        duration_s=_int(d, "duration_s", 1),
        extra_time_pct=pct,
        items=_parse_items(d.get("items")),
    )
    return replace(out, phase=_pre_start_phase(out))


def _started(s: AttemptState, e: Event) -> AttemptState:
    _need(s, Status.READY)
    return replace(s, started=True, phase=Status.RUNNING)


def _item_shown(s: AttemptState, e: Event) -> AttemptState:
    _need(s, Status.RUNNING)
    item = _current(s, e.data)
    return replace(s, shown=s.shown | {item.id})


def _answer_saved(s: AttemptState, e: Event) -> AttemptState:
    _need(s, Status.RUNNING)
    item = _current(s, e.data)
    if "answer" not in e.data:
        raise _refuse("champ « answer » manquant")
    answer = ItemAnswer(
        item.id,
        answer=e.data["answer"],
        timed_out=_flag(e.data, "timed_out"),
        focused_out=_flag(e.data, "focused_out"),
        seq=e.seq,
    )
    return _advance(s, answer)


def _item_skipped(s: AttemptState, e: Event) -> AttemptState:
    _need(s, Status.RUNNING)
    item = _current(s, e.data)
    return _advance(s, ItemAnswer(item.id, skipped=True, seq=e.seq))


def _focus_lost(s: AttemptState, e: Event) -> AttemptState:
    return replace(s, focus_losses=s.focus_losses + 1)


def _locked(s: AttemptState, e: Event) -> AttemptState:
    if s.lock_reason is not None:
        raise _refuse("le poste est déjà verrouillé")
    return replace(s, lock_reason=_text(e.data, "reason"))


def _unlocked(s: AttemptState, e: Event) -> AttemptState:
    _by(e.data)
    if s.lock_reason is None:
        raise _refuse("le poste n'est pas verrouillé")
    return replace(s, lock_reason=None)


def _resume_authorised(s: AttemptState, e: Event) -> AttemptState:
    _by(e.data)
    if s.phase is not Status.AWAITING_RESUME or s.pending_problem_seq is not None:
        raise _refuse("aucune reprise n'est attendue")
    return replace(s, phase=Status.RUNNING, lock_reason=None)


def _time_extended(s: AttemptState, e: Event) -> AttemptState:
    _by(e.data)
    _text(e.data, "reason")
    return replace(s, extension_minutes=s.extension_minutes + _int(e.data, "minutes", 1))


def _problem_reported(s: AttemptState, e: Event) -> AttemptState:
    _need(s, Status.RUNNING)
    item = _current(s, e.data)
    category = _text(e.data, "category")
    if not (category.startswith("E") and category[1:].isdigit()):
        raise _refuse(f"catégorie de signalement inconnue : {category}")
    report = ProblemReport(e.seq, item.id, category, _text(e.data, "text", empty=True))
    return replace(s, problems=(*s.problems, report), pending_problem_seq=e.seq)


def _problem_resolved(s: AttemptState, e: Event) -> AttemptState:
    by = _by(e.data)
    report_seq = _int(e.data, "report", 1)
    outcome = _text(e.data, "outcome")
    if outcome not in PROBLEM_OUTCOMES:
        raise _refuse(f"issue de signalement inconnue : {outcome}")
    if s.pending_problem_seq != report_seq:
        raise _refuse(f"aucun signalement n° {report_seq} en attente")
    problems = tuple(
        replace(p, outcome=outcome, resolved_seq=e.seq, by=by) if p.seq == report_seq else p
        for p in s.problems
    )
    out = replace(s, problems=problems, pending_problem_seq=None)
    report = next(p for p in problems if p.seq == report_seq)
    current = out.current_item
    if outcome == "validated" and current is not None and current.id == report.item_id:
        out = _advance(out, ItemAnswer(report.item_id, set_aside=True, seq=e.seq))
    return out


def _heartbeat(s: AttemptState, e: Event) -> AttemptState:
    return s


def _app_started(s: AttemptState, e: Event) -> AttemptState:
    _text(e.data, "boot")
    if s.phase is Status.READY:  # every entry consumes the confirmed presence (DOMAIN §6)
        return replace(
            s, phase=Status.AWAITING_PRESENCE, presence_confirmed=False, boots=s.boots + 1
        )
    phase = Status.AWAITING_RESUME if s.phase is Status.RUNNING else s.phase
    return replace(s, phase=phase, boots=s.boots + 1)


def _ended(s: AttemptState, e: Event) -> AttemptState:
    try:
        reason = EndReason(_text(e.data, "reason"))
    except ValueError:
        raise _refuse(f"motif de fin inconnu : {e.data.get('reason')}") from None
    if reason is EndReason.BY_INVIGILATOR:
        _by(e.data)
    if reason is EndReason.COMPLETED and not s.all_items_done:
        raise _refuse("l'épreuve ne peut être terminée : des questions restent")
    if reason is EndReason.TIME_UP and not s.started:
        raise _refuse("le temps ne peut être écoulé avant le début")
    return replace(s, end_reason=reason)


STEPS: dict[str, Callable[[AttemptState, Event], AttemptState]] = {
    "checked_in": _checked_in,
    "presence_confirmed": _presence(True),
    "presence_revoked": _presence(False),
    "assembled": _assembled,
    "started": _started,
    "item_shown": _item_shown,
    "answer_saved": _answer_saved,
    "item_skipped": _item_skipped,
    "focus_lost": _focus_lost,
    "locked": _locked,
    "unlocked": _unlocked,
    "resume_authorised": _resume_authorised,
    "time_extended": _time_extended,
    "problem_reported": _problem_reported,
    "problem_resolved": _problem_resolved,
    "heartbeat": _heartbeat,
    "app_started": _app_started,
    "ended": _ended,
}
EVENT_TYPES = frozenset(STEPS)
STEP_ANY_TIME = frozenset({"app_started"})  # allowed after the end (a restart is a fact)


def _accrue(state: AttemptState, event: Event) -> AttemptState:
    """Add the running time between the previous event and this one (same boot only)."""
    if state.status is not Status.RUNNING or event.type == "app_started":
        return state
    delta = max(0, event.at_mono_ms - state.last_mono_ms)
    if delta == 0:
        return state
    item = state.current_item
    item_used = state.item_used_ms
    if item is not None and item.id in state.shown:
        changed = dict(item_used)
        changed[item.id] = changed.get(item.id, 0) + delta
        item_used = MappingProxyType(changed)
    return replace(state, used_ms=state.used_ms + delta, item_used_ms=item_used)


def with_time(state: AttemptState, now_mono_ms: int | None = None) -> AttemptState:
    """Fill ``state.time`` as of the last event, or as of ``now_mono_ms`` (same boot) if given."""
    used = state.used_ms
    item = state.current_item
    item_used = state.item_used_ms.get(item.id, 0) if item is not None else None
    if now_mono_ms is not None and state.status is Status.RUNNING:
        extra = max(0, now_mono_ms - state.last_mono_ms)
        used += extra
        if item is not None and item.id in state.shown and item_used is not None:
            item_used += extra
    limit = attempt_limit_ms(state.duration_s, state.extra_time_pct, state.extension_minutes)
    item_limit = None
    if item is not None and item.timer_s is not None:
        item_limit = extended_ms(item.timer_s, state.extra_time_pct)
    return replace(state, time=time_view(limit, used, item_limit, item_used))


def step(state: AttemptState, event: Event) -> AttemptState:
    """Apply one event to ``state`` (the time view is left for ``with_time``).

    Raises:
        TransitionRefused: the event is unknown, malformed or not allowed now.
    """
    apply = STEPS.get(event.type)
    if apply is None:
        raise _refuse(f"type d'événement inconnu : {event.type}")
    if state.last_seq == 0 and event.type != "checked_in":
        raise _refuse("le premier événement d'une épreuve doit être « checked_in »")
    if state.end_reason is not None and event.type not in STEP_ANY_TIME:
        raise _refuse("l'épreuve est terminée")
    accrued = _accrue(state, event)
    after = _effective(apply(accrued, event))
    after = _with_pause_edges(accrued, after, event)
    return replace(after, last_seq=event.seq, last_hash=event.hash, last_mono_ms=event.at_mono_ms)


def fold(events: Iterable[Event], now_mono_ms: int | None = None) -> AttemptState:
    """Replay an attempt's events into its state; time as of ``now_mono_ms`` when given.

    The chain itself is checked by ``verify_chain``; this checks the rules.

    Raises:
        IntegrityError: an event the rules forbid, naming its seq.
    """
    state = AttemptState()
    for event in events:
        try:
            state = step(state, event)
        except TransitionRefused as exc:
            raise IntegrityError(
                f"épreuve : événement n° {event.seq} ({event.type}) refusé : {exc.message}"
            ) from exc
    return with_time(state, now_mono_ms)
