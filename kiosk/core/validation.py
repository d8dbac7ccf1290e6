"""Answer validation: one candidate answer against its answer key (DOMAIN §4).

``validate_answer`` is pure and deterministic; the authority runs it at ingest (keys never reach a
centre). Statuses: ``ok``, ``ko``, ``partially``, ``aband`` (skipped), ``timedout``, ``focusedOut``;
only ``ok`` counts as correct.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from kiosk.core.errors import InvalidInput
from kiosk.core.items import (
    Answer,
    AnswerFormat,
    AnswerKey,
    QcmKey,
    QcuKey,
    QrocKey,
    QrocmDepKey,
    QrocmIndKey,
    Tolerance,
)
from kiosk.core.normalize import enabled_tolerances, matches, parse_number, treat


class AnswerStatus(StrEnum):
    """The status of one answered (or skipped) challenge."""

    OK = "ok"
    KO = "ko"
    PARTIALLY = "partially"
    ABAND = "aband"
    TIMEDOUT = "timedout"
    FOCUSED_OUT = "focusedOut"


_EMPTY_FIELDS: Mapping[str, bool] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Validation:
    """The outcome of validating one answer.

    ``fields`` holds the per-field results of a QROCM-ind (empty for other types); ``matched`` the
    number of answers that matched a group of a QROCM-dep (None for other types).
    """

    status: AnswerStatus
    fields: Mapping[str, bool] = field(default_factory=lambda: _EMPTY_FIELDS)
    matched: int | None = None

    @property
    def correct(self) -> bool:
        """Whether the answer counts as correct (only ``ok`` does)."""
        return self.status is AnswerStatus.OK


def validate_answer(
    key: AnswerKey,
    answer: Answer | None,
    *,
    skipped: bool = False,
    timed_out: bool = False,
    focus: bool = False,
    focused_out: bool = False,
) -> Validation:
    """Validate one answer against its key.

    Args:
        key: the item's answer key.
        answer: QCU "2"; QCM ["1", "3"]; QROC "text"; QROCM-ind/-dep {"field": "text"}. None
            (nothing recorded) is judged as an empty answer unless ``skipped``.
        skipped: the candidate skipped the item → ``aband`` whatever ``answer`` holds.
        timed_out: the item's own timer ran out; an answer that would be ``ok`` becomes ``timedout``.
        focus: the item is focus-sensitive (only those check ``focused_out``).
        focused_out: the candidate left the kiosk window; on a focus item an answer that would be
            ``ok`` becomes ``focusedOut`` (this wins over ``timedout``).

    Returns:
        The status, plus per-field results (QROCM-ind) or the matched count (QROCM-dep).

    Raises:
        InvalidInput: the answer's shape does not fit the item type (e.g. a list for a QCU).
    """
    if skipped:
        return Validation(AnswerStatus.ABAND)
    raw = _judge(key, answer)
    if raw.status is not AnswerStatus.OK:
        return raw
    status = AnswerStatus.OK
    if timed_out:
        status = AnswerStatus.TIMEDOUT
    if focus and focused_out:
        status = AnswerStatus.FOCUSED_OUT
    return Validation(status, raw.fields, raw.matched)


def _judge(key: AnswerKey, answer: Answer | None) -> Validation:
    if isinstance(key, QcuKey):
        return _ok_if(_as_text(answer, "QCU") == key.solution)
    if isinstance(key, QcmKey):
        return _ok_if(frozenset(_as_choices(answer)) == key.solution)
    if isinstance(key, QrocKey):
        return _ok_if(_qroc_correct(key, _as_text(answer, "QROC")))
    if isinstance(key, QrocmIndKey):
        return _judge_qrocm_ind(key, _as_fields(answer, "QROCM-ind"))
    return _judge_qrocm_dep(key, _as_fields(answer, "QROCM-dep"))


def _ok_if(correct: bool) -> Validation:
    return Validation(AnswerStatus.OK if correct else AnswerStatus.KO)


def _as_text(answer: Answer | None, what: str) -> str:
    if answer is None:
        return ""
    if not isinstance(answer, str):
        raise InvalidInput(f"a {what} answer must be a text, got {type(answer).__name__}")
    return answer


def _as_choices(answer: Answer | None) -> list[str]:
    if answer is None:
        return []
    if not isinstance(answer, list) or not all(isinstance(v, str) for v in answer):
        raise InvalidInput("a QCM answer must be a list of proposal ids")
    return answer


def _as_fields(answer: Answer | None, what: str) -> dict[str, str]:
    if answer is None:
        return {}
    if not isinstance(answer, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in answer.items()
    ):
        raise InvalidInput(f"a {what} answer must map field names to texts")
    return answer


def _text_correct(answer: str, accepted: Sequence[str], disabled: frozenset[Tolerance]) -> bool:
    enabled = enabled_tolerances(disabled)
    return matches(treat(answer, enabled), (treat(a, enabled) for a in accepted), enabled)


def _qroc_correct(key: QrocKey, answer: str) -> bool:
    if key.format is AnswerFormat.NUMBER:
        given = parse_number(answer)
        solutions = [parse_number(a) for a in key.accepted]
        if given is not None and solutions and all(s is not None for s in solutions):
            # Numbers compare by value and nothing else: no tolerance ("123,4" is not "123").
            return given in solutions
    return _text_correct(answer, key.accepted, key.disabled)


def _judge_qrocm_ind(key: QrocmIndKey, answer: dict[str, str]) -> Validation:
    known = {name for name, _ in key.fields}
    unknown = sorted(set(answer) - known)
    if unknown:
        raise InvalidInput(f"answer field '{unknown[0]}' is not a field of this item")
    results = {
        name: _text_correct(answer.get(name, ""), accepted, key.disabled)
        for name, accepted in key.fields
    }
    correct = bool(results) and all(results.values())
    return Validation(
        AnswerStatus.OK if correct else AnswerStatus.KO, fields=MappingProxyType(results)
    )


def _judge_qrocm_dep(key: QrocmDepKey, answer: dict[str, str]) -> Validation:
    enabled = enabled_tolerances(key.disabled)
    groups = [[treat(a, enabled) for a in group] for group in key.groups]
    given = [treat(text, enabled) for text in answer.values()]
    fits = [
        [g for g, group in enumerate(groups) if matches(text, group, enabled)] for text in given
    ]
    matched = _maximum_matching(fits, len(groups))
    if key.grading is not None:
        if matched >= key.grading.max:
            status = AnswerStatus.OK
        elif matched >= key.grading.min:
            status = AnswerStatus.PARTIALLY
        else:
            status = AnswerStatus.KO
    else:
        status = AnswerStatus.OK if given and matched == len(given) else AnswerStatus.KO
    return Validation(status, matched=matched)


def _maximum_matching(fits: list[list[int]], group_count: int) -> int:
    """Largest number of answers that can each take a distinct group they match (Kuhn's algorithm).

    Each group is used at most once; an answer may take any group it matches that is still free,
    or free one by moving its holder to another group that holder also matches.
    """
    holder: list[int | None] = [None] * group_count

    def place(answer: int, seen: set[int]) -> bool:
        for group in fits[answer]:
            if group in seen:
                continue
            seen.add(group)
            current = holder[group]
            if current is None or place(current, seen):
                holder[group] = answer
                return True
        return False

    return sum(1 for answer in range(len(fits)) if place(answer, set()))
