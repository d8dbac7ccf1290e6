"""Challenge/response codes: bound to kiosk, candidate, action, counter and minutes; typos caught."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.codes import (
    ALPHABET,
    Challenge,
    CodeAction,
    check_response,
    parse_challenge,
    response_for,
)
from kiosk.core.errors import AuthenticationError, InvalidInput

SECRET = bytes(range(32))
SESSION = "S-0042"


def test_round_trip_and_acceptance() -> None:
    ch = Challenge(CodeAction.UNLOCK, kiosk=7, candidate=23, counter=4)
    assert parse_challenge(ch.text()) == ch
    code = response_for(SECRET, SESSION, ch)
    assert len(code) == 6 and set(code) <= set(ALPHABET)
    check_response(SECRET, SESSION, ch, code.lower()[:3] + " " + code.lower()[3:])


@pytest.mark.parametrize(
    "other",
    [
        Challenge(CodeAction.END_TEST, kiosk=7, candidate=23, counter=4),
        Challenge(CodeAction.UNLOCK, kiosk=8, candidate=23, counter=4),
        Challenge(CodeAction.UNLOCK, kiosk=7, candidate=24, counter=4),
        Challenge(CodeAction.UNLOCK, kiosk=7, candidate=23, counter=5),
    ],
)
def test_a_code_does_not_answer_another_challenge(other: Challenge) -> None:
    code = response_for(
        SECRET, SESSION, Challenge(CodeAction.UNLOCK, kiosk=7, candidate=23, counter=4)
    )
    with pytest.raises(AuthenticationError, match="code de réponse incorrect"):
        check_response(SECRET, SESSION, other, code)


def test_minutes_are_bound_and_session_and_secret_matter() -> None:
    ch = Challenge(CodeAction.ADD_TIME, kiosk=1, candidate=2, counter=0, minutes=15)
    code = response_for(SECRET, SESSION, ch)
    with pytest.raises(AuthenticationError):
        check_response(
            SECRET,
            SESSION,
            Challenge(CodeAction.ADD_TIME, kiosk=1, candidate=2, counter=0, minutes=50),
            code,
        )
    with pytest.raises(AuthenticationError):
        check_response(SECRET, "S-0043", ch, code)
    with pytest.raises(AuthenticationError):
        check_response(bytes(32), SESSION, ch, code)


def test_typo_in_challenge_is_caught_by_check_digit() -> None:
    text = Challenge(CodeAction.AUTHORISE_RESUME, kiosk=12, candidate=301, counter=9).text()
    body, check = text.rsplit("-", 1)
    wrong = f"{body.replace('301', '310')}-{check}"
    with pytest.raises(InvalidInput, match="mal recopié"):
        parse_challenge(wrong)


@pytest.mark.parametrize("text", ["", "X-1-2-3-4", "U-1-2", "hello", "T-1-2-3-4"])
def test_garbage_challenges_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_challenge(text)


def test_minutes_only_with_added_time() -> None:
    with pytest.raises(InvalidInput):
        Challenge(CodeAction.UNLOCK, kiosk=1, candidate=1, counter=1, minutes=5)
    with pytest.raises(InvalidInput):
        Challenge(CodeAction.ADD_TIME, kiosk=1, candidate=1, counter=1)


@given(
    st.sampled_from(list(CodeAction)),
    st.integers(0, 999),
    st.integers(0, 9999),
    st.integers(0, 999_999),
    st.integers(1, 999),
)
def test_every_challenge_survives_display_and_typing(
    action: CodeAction, kiosk: int, cand: int, counter: int, minutes: int
) -> None:
    ch = Challenge(action, kiosk, cand, counter, minutes if action is CodeAction.ADD_TIME else None)
    assert parse_challenge(" " + ch.text().lower() + " ") == ch
