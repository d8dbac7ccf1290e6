"""The audit format ``certkiosk/score-input@1``: one attempt to re-check or re-score (jury work).

``parse_score_input`` turns the decoded JSON into scoring inputs, validating raw answers against their
keys where a challenge carries them; ``score_document`` does that and scores. Every malformed input
raises ``InvalidInput`` with one line naming the place (``challenges[3] (c4): ...``).
See docs/formats/score-input.md.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.core.errors import InvalidInput
from kiosk.core.framework import Framework, default_framework
from kiosk.core.items import Answer, ItemType, key_from_dict
from kiosk.core.scoring import (
    AbortReason,
    ChallengeScoreInput,
    CompetenceScoreInput,
    ScoringResult,
    score_test,
)
from kiosk.core.validation import AnswerStatus, validate_answer

SCORE_INPUT_FORMAT = "certkiosk/score-input@1"

_TOP_KEYS = frozenset(
    {
        "format",
        "max_reachable_level",
        "abort_reason",
        "fraud",
        "cancelled",
        "competences",
        "challenges",
    }
)
_CHALLENGE_KEYS = frozenset(
    {
        "id",
        "competence",
        "type",
        "neutralized",
        "status",
        "key",
        "answer",
        "skipped",
        "timed_out",
        "focus",
        "focused_out",
    }
)
_FLAG_KEYS = ("skipped", "timed_out", "focus", "focused_out")


@dataclass(frozen=True, slots=True)
class ScoreInput:
    """A parsed ``certkiosk/score-input@1`` document, ready for ``score_test``."""

    max_reachable_level: int
    abort_reason: AbortReason | None
    fraud: bool
    cancelled: bool
    competences: tuple[CompetenceScoreInput, ...]
    challenges: tuple[ChallengeScoreInput, ...]

    def score(self, framework: Framework | None = None) -> ScoringResult:
        """Score this attempt by the v2 rules."""
        return score_test(
            competences=self.competences,
            challenges=self.challenges,
            max_reachable_level=self.max_reachable_level,
            abort_reason=self.abort_reason,
            fraud=self.fraud,
            cancelled=self.cancelled,
            framework=framework,
        )


def decode_json(text: str, source: str) -> Any:
    """Decode JSON text, turning every decoding failure into one clear line.

    Raises:
        InvalidInput: not JSON (with line and column), or nested too deeply.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            f"{source}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except (ValueError, RecursionError) as exc:
        raise InvalidInput(f"{source}: not usable JSON ({exc.__class__.__name__})") from None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _flag(data: Mapping[str, Any], key: str, where: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise InvalidInput(f"{where}: '{key}' must be true or false")
    return value


def _require(data: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in data:
        raise InvalidInput(f"{where}: missing '{key}'")
    return data[key]


def _unknown_keys(data: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    extra = sorted(set(data) - allowed)
    if extra:
        raise InvalidInput(f"{where}: unknown key '{extra[0]}'")


def parse_score_input(data: Any, framework: Framework | None = None) -> ScoreInput:
    """Check a decoded ``certkiosk/score-input@1`` document and validate its raw answers.

    Raises:
        InvalidInput: wrong format tag, missing or unknown key, wrong type, unknown competence or
            item type, malformed key or answer.
    """
    fw = framework or default_framework()
    if not isinstance(data, dict):
        raise InvalidInput("score input must be a JSON object")
    tag = _require(data, "format", "score input")
    if tag != SCORE_INPUT_FORMAT:
        raise InvalidInput(f"unsupported format {tag!r} (expected {SCORE_INPUT_FORMAT!r})")
    _unknown_keys(data, _TOP_KEYS, "score input")
    max_level = _require(data, "max_reachable_level", "score input")
    if not _is_int(max_level) or not 1 <= max_level <= 8:
        raise InvalidInput("max_reachable_level must be a whole number from 1 to 8")
    reason_raw = data.get("abort_reason")
    if reason_raw is not None and reason_raw not in {r.value for r in AbortReason}:
        raise InvalidInput(
            f'abort_reason must be null, "candidate" or "technical", got {reason_raw!r}'
        )
    competences_raw = _require(data, "competences", "score input")
    challenges_raw = _require(data, "challenges", "score input")
    if not isinstance(competences_raw, list):
        raise InvalidInput("'competences' must be a list")
    if not isinstance(challenges_raw, list):
        raise InvalidInput("'challenges' must be a list")
    competences = tuple(_competence(c, i, fw) for i, c in enumerate(competences_raw))
    challenges = tuple(_challenge(c, i, fw) for i, c in enumerate(challenges_raw))
    listed = {c.id for c in competences}
    for index, chal in enumerate(challenges):
        if chal.competence not in listed:
            raise InvalidInput(
                f"challenges[{index}] ({chal.id}): competence {chal.competence} is not among the"
                " certifiable competences listed"
            )
    for comp in competences:
        if not any(ch.competence == comp.id for ch in challenges):
            raise InvalidInput(f"competence {comp.id} has no challenge")
    return ScoreInput(
        max_reachable_level=max_level,
        abort_reason=AbortReason(reason_raw) if reason_raw is not None else None,
        fraud=_flag(data, "fraud", "score input"),
        cancelled=_flag(data, "cancelled", "score input"),
        competences=competences,
        challenges=challenges,
    )


def _competence(data: Any, index: int, fw: Framework) -> CompetenceScoreInput:
    where = f"competences[{index}]"
    if not isinstance(data, dict):
        raise InvalidInput(f"{where}: must be an object")
    _unknown_keys(data, frozenset({"id", "pix", "level"}), where)
    comp_id = _require(data, "id", where)
    if not isinstance(comp_id, str) or not fw.has(comp_id):
        raise InvalidInput(f"{where}: unknown competence {comp_id!r}")
    pix, level = _require(data, "pix", where), _require(data, "level", where)
    if not _is_int(pix) or not _is_int(level):
        raise InvalidInput(f"{where} ({comp_id}): pix and level must be whole numbers")
    return CompetenceScoreInput(id=comp_id, pix=pix, level=level)


def _challenge(data: Any, index: int, fw: Framework) -> ChallengeScoreInput:
    where = f"challenges[{index}]"
    if not isinstance(data, dict):
        raise InvalidInput(f"{where}: must be an object")
    chal_id = _require(data, "id", where)
    if not isinstance(chal_id, str) or not chal_id:
        raise InvalidInput(f"{where}: 'id' must be a non-empty text")
    where = f"{where} ({chal_id})"
    _unknown_keys(data, _CHALLENGE_KEYS, where)
    competence = _require(data, "competence", where)
    if not isinstance(competence, str) or not fw.has(competence):
        raise InvalidInput(f"{where}: unknown competence {competence!r}")
    type_raw = _require(data, "type", where)
    try:
        item_type = ItemType(type_raw)
    except ValueError:
        raise InvalidInput(
            f"{where}: unknown item type {type_raw!r} (QCU, QCM, QROC, QROCM-ind, QROCM-dep)"
        ) from None
    return ChallengeScoreInput(
        id=chal_id,
        competence=competence,
        type=item_type,
        status=_status(data, item_type, where),
        neutralized=_flag(data, "neutralized", where),
    )


def _status(data: Mapping[str, Any], item_type: ItemType, where: str) -> AnswerStatus | None:
    flags = {k: _flag(data, k, where) for k in _FLAG_KEYS}
    answer_raw = data.get("answer")
    known = data.get("status")
    if known is not None:
        if answer_raw is not None or flags["skipped"]:
            raise InvalidInput(f"{where}: give either 'status' or 'answer'/'skipped', not both")
        try:
            return AnswerStatus(known)
        except ValueError:
            allowed = ", ".join(s.value for s in AnswerStatus)
            raise InvalidInput(f"{where}: unknown status {known!r} ({allowed})") from None
    if answer_raw is None and not flags["skipped"]:
        return None  # unanswered
    if "key" not in data:
        if flags["skipped"]:
            return AnswerStatus.ABAND
        raise InvalidInput(f"{where}: missing 'key' to validate the answer")
    try:
        key = key_from_dict(item_type, data["key"])
    except KeyError as exc:
        raise InvalidInput(f"{where}: key: missing {exc}") from None
    except (TypeError, ValueError) as exc:
        raise InvalidInput(f"{where}: key: {exc}") from None
    answer = None if answer_raw is None else _answer(answer_raw, item_type, where)
    try:
        return validate_answer(key, answer, **flags).status
    except InvalidInput as exc:
        raise InvalidInput(f"{where}: {exc.message}") from None


def _answer(value: Any, item_type: ItemType, where: str) -> Answer:
    """Accept whole numbers as proposal ids (hand-written files often have them); else exact shapes."""
    if item_type is ItemType.QCU and _is_int(value):
        return str(value)
    if item_type is ItemType.QCM and isinstance(value, list):
        return [str(v) if _is_int(v) else v for v in value]
    if isinstance(value, str | list | dict):
        return value
    raise InvalidInput(f"{where}: an answer must be a text, a list or an object")
