"""Text treatments of DOMAIN §4: pre-treatment, T1, T2, T3 and number parsing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.items import Tolerance
from kiosk.core.normalize import (
    ALL_TOLERANCES,
    close_enough,
    enabled_tolerances,
    matches,
    parse_number,
    pre_treat,
    t1,
    t2,
    treat,
)

T1, T2, T3 = Tolerance.T1, Tolerance.T2, Tolerance.T3


def test_pre_treatment_composes_to_nfc_and_turns_non_breaking_spaces_into_spaces() -> None:
    assert pre_treat("e\u0301t\u00e9") == "\u00e9t\u00e9"
    assert pre_treat("New\u00a0York") == "New York"
    assert pre_treat("1\u202f000") == "1 000"
    assert pre_treat("  garde  les espaces ") == "  garde  les espaces "


def test_t1_trims_lowercases_strips_accents_and_removes_every_space() -> None:
    assert t1("  Élève Été ") == "eleveete"
    assert t1("New\tYork\nCity") == "newyorkcity"
    assert t1("ÇA VA") == "cava"
    assert t1("e\u0301\u0327") == "e"
    assert t1("v\u20d7") == "v"  # every combining mark goes, not only those of U+0300–U+036F


def test_t1_keeps_punctuation_for_t2() -> None:
    assert t1("L'Œuvre-d'Art") == "l'œuvre-d'art"


def test_t2_keeps_letters_digits_and_spaces_and_collapses_spaces() -> None:
    assert t2("l'école, c'est   bien ! 42") == "lécole cest bien 42"
    assert t2("a_b-c.d") == "abcd"
    assert t2("tab\there") == "tabhere"  # a tab is not a space
    assert t2("  deux  ") == " deux "  # T2 collapses, it does not trim


def test_treat_applies_t1_then_t2_only_when_enabled() -> None:
    text = " L'Été\u00a0Indien! "
    assert treat(text, ALL_TOLERANCES) == "lete" + "indien"
    assert treat(text, frozenset({T2})) == " LÉté Indien "
    assert treat(text, frozenset({T1})) == "l'eteindien!"
    assert treat(text, frozenset()) == " L'Été Indien! "


def test_enabled_tolerances_removes_disabled_ones() -> None:
    assert enabled_tolerances([]) == {T1, T2, T3}
    assert enabled_tolerances([T3]) == {T1, T2}
    assert enabled_tolerances([T1, T2, T3]) == frozenset()


@pytest.mark.parametrize(
    ("answer", "accepted", "close"),
    [
        ("abcd", "abce", True),  # 1 / 4 = 0.25: accepted (≤)
        ("abc", "abd", False),  # 1 / 3 > 0.25
        ("abcdefgh", "abcdefXY", True),  # 2 / 8
        ("abcdefgh", "abcdeXYZ", False),  # 3 / 8
        ("abcd", "abc", True),  # the ratio divides by the answer's length ...
        ("abc", "abcd", False),  # ... not the accepted answer's
        ("ordinatuer", "ordinateur", True),  # a swap is 2 edits: 2 / 10
        ("", "", True),
        ("", "a", False),
        ("abcdefgh", "", False),
    ],
)
def test_t3_levenshtein_ratio_against_the_answer_length(
    answer: str, accepted: str, close: bool
) -> None:
    assert close_enough(answer, accepted) is close


def test_matches_uses_t3_only_when_enabled_and_never_for_an_empty_answer() -> None:
    assert matches("abcd", ["abce"], ALL_TOLERANCES)
    assert not matches("abcd", ["abce"], frozenset({T1, T2}))
    assert matches("abcd", ["zzzz", "abcd"], frozenset())
    assert matches("", [""], ALL_TOLERANCES)
    assert not matches("", ["a"], ALL_TOLERANCES)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", Decimal(12)),
        ("1 234,5", Decimal("1234.5")),
        ("1\u202f234\u00a0567", Decimal(1234567)),
        ("-0,25", Decimal("-0.25")),
        ("+3", Decimal(3)),
        (" 12.50 ", Decimal("12.5")),
        (",5", Decimal("0.5")),
        ("5,", Decimal(5)),
    ],
)
def test_numbers_accept_a_decimal_comma_and_ignore_spaces(text: str, value: Decimal) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text", ["", " ", "1,2,3", "1.000,5", "12 €", "douze", "1e5", "٣", "--1", ","]
)
def test_what_is_not_a_number(text: str) -> None:
    assert parse_number(text) is None


tolerance_sets = st.sets(st.sampled_from(list(Tolerance))).map(frozenset)


@given(st.text())
def test_t1_is_idempotent(text: str) -> None:
    assert t1(t1(text)) == t1(text)


@given(st.text())
def test_t2_is_idempotent(text: str) -> None:
    assert t2(t2(text)) == t2(text)


@given(st.text(), tolerance_sets)
def test_treatment_is_idempotent_for_any_tolerances(
    text: str, enabled: frozenset[Tolerance]
) -> None:
    once = treat(text, enabled)
    assert treat(once, enabled) == once


@given(st.text())
def test_t1_output_has_no_whitespace_and_no_combining_mark(text: str) -> None:
    out = t1(pre_treat(text))
    assert not any(c.isspace() for c in out)
    assert out == out.lower()


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=3, min_value=-(10**9), max_value=10**9
    )
)
def test_any_decimal_written_the_french_way_parses_back(value: Decimal) -> None:
    sign = "-" if value < 0 else ""
    whole, _, frac = f"{abs(value):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", "\u202f")
    text = f"{sign}{grouped},{frac}" if frac else f"{sign}{grouped}"
    assert parse_number(text) == value
