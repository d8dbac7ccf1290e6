"""Text treatments applied to free answers before comparison (DOMAIN §4).

Always: Unicode NFC and non-breaking spaces turned into spaces (the pre-treatment).
Tolerances, each of which an item may disable:

- T1: trim, lowercase, strip accents (NFD, drop combining marks), remove all whitespace;
- T2: remove every character that is not a letter, a digit or a space, then collapse runs of spaces;
- T3: accept an answer whose Levenshtein distance to an accepted answer is at most 25 % of the
  answer's length (after T1/T2).

Numbers (QROC items in number format): a decimal comma counts as a point and spaces are ignored.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from rapidfuzz.distance import Levenshtein

from kiosk.core.items import Tolerance

# Non-breaking spaces of every width become ordinary spaces in the pre-treatment.
_NBSP = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})
_WHITESPACE_RE = re.compile(r"\s+")
_SPACES_RE = re.compile(r" {2,}")
_NUMBER_RE = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)", re.ASCII)

ALL_TOLERANCES: frozenset[Tolerance] = frozenset(Tolerance)


def pre_treat(text: str) -> str:
    """The treatment every free answer and accepted answer gets: NFC, non-breaking spaces → spaces."""
    return unicodedata.normalize("NFC", text).translate(_NBSP)


def t1(text: str) -> str:
    """T1: trim, lowercase, strip accents (NFD then drop combining marks), remove all whitespace."""
    lowered = text.strip().lower()
    decomposed = unicodedata.normalize("NFD", lowered)
    stripped = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
    return _WHITESPACE_RE.sub("", stripped)


def _kept_by_t2(char: str) -> bool:
    return char == " " or char.isalpha() or char.isdecimal()


def t2(text: str) -> str:
    """T2: drop every character that is not a letter, digit or space; collapse runs of spaces."""
    kept = "".join(c for c in text if _kept_by_t2(c))
    return _SPACES_RE.sub(" ", kept)


def treat(text: str, enabled: frozenset[Tolerance]) -> str:
    """Pre-treatment, then T1 (if enabled), then T2 (if enabled). T3 is a comparison, not a treatment."""
    out = pre_treat(text)
    if Tolerance.T1 in enabled:
        out = t1(out)
    if Tolerance.T2 in enabled:
        out = t2(out)
    return out


def enabled_tolerances(disabled: Iterable[Tolerance]) -> frozenset[Tolerance]:
    """All tolerances except those an item disables."""
    return ALL_TOLERANCES - frozenset(disabled)


def close_enough(answer: str, accepted: str) -> bool:
    """T3 for two already treated strings: Levenshtein(answer, accepted) ≤ 25 % of len(answer).

    An empty answer is close only to an empty accepted answer.
    """
    if not answer:
        return not accepted
    limit = len(answer) // 4  # distance * 4 <= len  <=>  distance <= floor(len / 4)
    return Levenshtein.distance(answer, accepted, score_cutoff=limit) <= limit


def matches(
    treated_answer: str, treated_accepted: Iterable[str], enabled: frozenset[Tolerance]
) -> bool:
    """Whether a treated answer equals one treated accepted answer (or, with T3, is close to one)."""
    accepted = tuple(treated_accepted)
    if treated_answer in accepted:
        return True
    if Tolerance.T3 not in enabled or not treated_answer:
        return False
    return any(close_enough(treated_answer, a) for a in accepted)


def parse_number(text: str) -> Decimal | None:
    """A number written by a person (decimal comma or point, spaces anywhere), or None.

    Examples: "1 234,5" → 1234.5; "-0,25" → -0.25; "12.0" → 12.0; "1,2,3" and "12 €" → None.
    """
    compact = _WHITESPACE_RE.sub("", pre_treat(text)).replace(",", ".")
    if not _NUMBER_RE.fullmatch(compact):
        return None
    try:
        return Decimal(compact)
    except InvalidOperation:  # pragma: no cover - the regex admits only valid decimals
        return None
