"""Answer validation for the five item types (DOMAIN §4)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.errors import InvalidInput
from kiosk.core.items import (
    AnswerFormat,
    Grading,
    QcmKey,
    QcuKey,
    QrocKey,
    QrocmDepKey,
    QrocmIndKey,
    Tolerance,
)
from kiosk.core.validation import AnswerStatus, Validation, validate_answer

OK, KO, PARTIALLY = AnswerStatus.OK, AnswerStatus.KO, AnswerStatus.PARTIALLY
T1, T2, T3 = Tolerance.T1, Tolerance.T2, Tolerance.T3


def qroc(*accepted: str, disabled: set[Tolerance] | None = None, number: bool = False) -> QrocKey:
    return QrocKey(
        accepted=accepted,
        format=AnswerFormat.NUMBER if number else AnswerFormat.TEXT,
        disabled=frozenset(disabled or ()),
    )


def status(
    key: QrocKey | QcuKey | QcmKey | QrocmIndKey | QrocmDepKey, answer: object
) -> AnswerStatus:
    return validate_answer(key, answer).status  # type: ignore[arg-type]


# --- QCU / QCM -------------------------------------------------------------------------------


def test_qcu_is_correct_only_for_the_solution() -> None:
    key = QcuKey(solution="2")
    assert status(key, "2") is OK
    assert status(key, "1") is KO
    assert status(key, "") is KO
    assert status(key, None) is KO


def test_qcm_compares_sets_whatever_the_order() -> None:
    key = QcmKey(solution=frozenset({"1", "3"}))
    assert status(key, ["3", "1"]) is OK
    assert status(key, ["1", "3", "3"]) is OK
    assert status(key, ["1"]) is KO
    assert status(key, ["1", "2", "3"]) is KO
    assert status(key, []) is KO
    assert status(key, None) is KO


@pytest.mark.parametrize(
    ("key", "answer"),
    [
        (QcuKey(solution="2"), ["2"]),
        (QcmKey(solution=frozenset({"1"})), "1"),
        (QcmKey(solution=frozenset({"1"})), [1]),
        (qroc("Paris"), ["Paris"]),
        (qroc("Paris"), {"a": "Paris"}),
        (QrocmIndKey(fields=(("nom", ("Dupont",)),)), "Dupont"),
        (QrocmDepKey(groups=(("rouge",),)), ["rouge"]),
        (QrocmDepKey(groups=(("rouge",),)), {"c1": 3}),
    ],
)
def test_an_answer_of_the_wrong_shape_is_refused_not_guessed(key: object, answer: object) -> None:
    with pytest.raises(InvalidInput):
        validate_answer(key, answer)  # type: ignore[arg-type]


# --- QROC tolerances ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "accepted", "disabled", "expected"),
    [
        # T1: case, accents, spaces
        ("PARIS", "Paris", set(), OK),
        ("paris", "Paris", {T1, T3}, KO),
        ("Paris", "Paris", {T1, T3}, OK),
        ("Lutece", "Lutèce", set(), OK),
        ("Lutece", "Lutèce", {T1, T3}, KO),
        ("new   york", "New York", set(), OK),
        ("  Paris  ", "Paris", set(), OK),
        (" Paris", "Paris", {T1, T3}, KO),  # without T1 nothing trims
        # T2: punctuation
        ("l'ordinateur", "lordinateur", {T3}, OK),
        ("l'ordinateur", "lordinateur", {T2, T3}, KO),
        ("www.exemple.fr", "wwwexemplefr", {T3}, OK),
        ("Paris !", "paris", {T3}, OK),
        # T3: spelling slips up to 25 % of the answer's length
        ("ordinatuer", "ordinateur", set(), OK),
        ("ordinatuer", "ordinateur", {T3}, KO),
        ("chat", "chats", set(), OK),
        ("cht", "chat", set(), KO),
        ("fichier.doc", "fichier.docx", set(), OK),
        ("fichier.doc", "fichier.docx", {T3}, KO),
        # several accepted answers
        ("Lutèce", "Paris|Lutèce", set(), OK),
        ("Lyon", "Paris|Lutèce", set(), KO),
        # the pre-treatment is always on: NFC and non-breaking spaces
        ("e\u0301te\u0301", "été", {T1, T2, T3}, OK),
        ("New\u00a0York", "New York", {T1, T2, T3}, OK),
        # empty answers
        ("", "Paris", set(), KO),
        ("   ", "Paris", set(), KO),
        ("?!", "Paris", set(), KO),
        ("", "", set(), OK),
        ("   ", "", set(), OK),
        ("x", "", set(), KO),
    ],
)
def test_qroc_tolerances_and_their_deactivation(
    answer: str, accepted: str, disabled: set[Tolerance], expected: AnswerStatus
) -> None:
    assert status(qroc(*accepted.split("|"), disabled=disabled), answer) is expected


@pytest.mark.parametrize(
    ("answer", "accepted", "expected"),
    [
        ("1234,5", "1234.5", OK),
        ("1 234,5", "1234,5", OK),
        ("1\u202f234,50", "1234.5", OK),
        ("12", "12,0", OK),
        ("-0", "0", OK),
        ("123,4", "123", KO),  # numbers: no tolerance at all
        ("123", "123,4", KO),
        ("124", "123", KO),
        ("7", "3|7", OK),
    ],
)
def test_qroc_numbers_compare_by_value_only(
    answer: str, accepted: str, expected: AnswerStatus
) -> None:
    assert status(qroc(*accepted.split("|"), number=True), answer) is expected


def test_the_number_rule_is_what_stops_t3_from_accepting_a_close_number() -> None:
    # As text, "123,4" → "1234" is one edit from "123" (1/4 ≤ 25 %): it would pass.
    assert status(qroc("123"), "123,4") is OK
    assert status(qroc("123", number=True), "123,4") is KO


def test_number_format_falls_back_to_text_when_a_side_is_not_a_number() -> None:
    assert status(qroc("12", "douze", number=True), "Douze") is OK  # a solution is not a number
    assert status(qroc("12", number=True), "12 ans") is KO  # the answer is not a number
    assert status(qroc("1984", number=True), "l'an 1984") is KO


# --- QROCM-ind ---------------------------------------------------------------------------------


def ind_key(disabled: set[Tolerance] | None = None) -> QrocmIndKey:
    return QrocmIndKey(
        fields=(("nom", ("Dupont",)), ("ville", ("Lyon", "Lugdunum"))),
        disabled=frozenset(disabled or ()),
    )


def test_qrocm_ind_is_correct_when_every_field_is() -> None:
    result = validate_answer(ind_key(), {"nom": "dupont", "ville": "LUGDUNUM"})
    assert result.status is OK
    assert dict(result.fields) == {"nom": True, "ville": True}


def test_qrocm_ind_records_each_field_result() -> None:
    result = validate_answer(ind_key(), {"nom": "Durand", "ville": "Lyon"})
    assert result.status is KO
    assert dict(result.fields) == {"nom": False, "ville": True}


def test_qrocm_ind_missing_field_is_wrong_and_unknown_field_is_refused() -> None:
    result = validate_answer(ind_key(), {"nom": "Dupont"})
    assert result.status is KO
    assert dict(result.fields) == {"nom": True, "ville": False}
    with pytest.raises(InvalidInput, match="pays"):
        validate_answer(ind_key(), {"nom": "Dupont", "ville": "Lyon", "pays": "France"})


def test_qrocm_ind_tolerances_apply_per_field_and_can_be_disabled() -> None:
    assert validate_answer(ind_key(), {"nom": " DUPOND ", "ville": "lyon"}).status is OK  # 1/6
    assert validate_answer(ind_key(), {"nom": "Dupontt", "ville": "Lyon"}).status is OK  # 1/7
    assert validate_answer(ind_key(), {"nom": "Dupont", "ville": "Lyo"}).status is KO  # 1/3
    strict = validate_answer(ind_key({T3}), {"nom": "Dupontt", "ville": "Lyon"})
    assert strict.status is KO
    assert dict(strict.fields) == {"nom": False, "ville": True}


# --- QROCM-dep ---------------------------------------------------------------------------------


def dep_key(
    *groups: str, grading: tuple[int, int] | None = None, disabled: set[Tolerance] | None = None
) -> QrocmDepKey:
    return QrocmDepKey(
        groups=tuple(tuple(g.split("|")) for g in groups),
        grading=Grading(*grading) if grading else None,
        disabled=frozenset(disabled or ()),
    )


def test_qrocm_dep_answers_may_come_in_any_order() -> None:
    key = dep_key("rouge", "vert", "bleu")
    result = validate_answer(key, {"c1": "Bleu", "c2": "rouge", "c3": "VERT"})
    assert result.status is OK
    assert result.matched == 3


def test_qrocm_dep_uses_each_group_once() -> None:
    result = validate_answer(dep_key("rouge", "vert"), {"c1": "rouge", "c2": "rouge"})
    assert result.status is KO
    assert result.matched == 1


def test_qrocm_dep_finds_an_assignment_where_first_fit_would_not() -> None:
    # "paris" fits both groups; taking the first one would leave "lyon" nowhere to go.
    result = validate_answer(dep_key("paris|lyon", "paris"), {"a": "paris", "b": "lyon"})
    assert result.status is OK
    assert result.matched == 2


def test_qrocm_dep_counts_variants_of_a_group() -> None:
    result = validate_answer(
        dep_key("Firefox|Mozilla Firefox", "Chrome|Chromium"),
        {"a": "chromium", "b": "mozilla firefox"},
    )
    assert result.status is OK


def test_qrocm_dep_without_grading_needs_every_answer() -> None:
    key = dep_key("rouge", "vert", "bleu")
    assert validate_answer(key, {"c1": "rouge", "c2": "noir"}).status is KO
    assert (
        validate_answer(key, {"c1": "rouge", "c2": "vert"}).status is OK
    )  # fewer fields than groups
    assert validate_answer(key, {"c1": "rouge", "c2": ""}).status is KO
    assert validate_answer(key, {}).status is KO
    assert validate_answer(key, None).status is KO


@pytest.mark.parametrize(
    ("answers", "expected", "matched"),
    [
        (("rouge", "vert", "bleu"), OK, 3),
        (("rouge", "vert", "noir"), OK, 2),
        (("rouge", "noir", "noir"), PARTIALLY, 1),
        (("noir", "blanc", ""), KO, 0),
    ],
)
def test_qrocm_dep_grading(answers: tuple[str, ...], expected: AnswerStatus, matched: int) -> None:
    key = dep_key("rouge", "vert", "bleu", grading=(1, 2))
    result = validate_answer(key, {f"c{i}": a for i, a in enumerate(answers)})
    assert (result.status, result.matched) == (expected, matched)


def test_qrocm_dep_tolerances_can_be_disabled() -> None:
    assert (
        validate_answer(dep_key("rouge", "vert"), {"a": "rouje", "b": "vert"}).status is OK
    )  # 1/5
    assert validate_answer(dep_key("rouge", "vert"), {"a": "rouge", "b": "ver"}).status is KO  # 1/3
    assert (
        validate_answer(dep_key("ordinateur", "vert"), {"a": "ordinatuer", "b": "vert"}).status
        is OK
    )
    strict = dep_key("ordinateur", "vert", disabled={T3})
    assert validate_answer(strict, {"a": "ordinatuer", "b": "vert"}).status is KO


# --- skip, time-out, focus ---------------------------------------------------------------------


def test_a_skip_is_aband_whatever_was_typed() -> None:
    assert validate_answer(QcuKey(solution="2"), "2", skipped=True).status is AnswerStatus.ABAND
    assert validate_answer(QcuKey(solution="2"), None, skipped=True).status is AnswerStatus.ABAND


def test_a_timed_out_answer_that_would_be_ok_becomes_timedout() -> None:
    key = QcuKey(solution="2")
    assert validate_answer(key, "2", timed_out=True).status is AnswerStatus.TIMEDOUT
    assert validate_answer(key, "1", timed_out=True).status is KO


def test_a_focused_out_answer_that_would_be_ok_becomes_focused_out_on_focus_items_only() -> None:
    key = QcuKey(solution="2")
    assert (
        validate_answer(key, "2", focus=True, focused_out=True).status is AnswerStatus.FOCUSED_OUT
    )
    assert validate_answer(key, "2", focus=False, focused_out=True).status is OK
    assert validate_answer(key, "1", focus=True, focused_out=True).status is KO
    both = validate_answer(key, "2", timed_out=True, focus=True, focused_out=True)
    assert both.status is AnswerStatus.FOCUSED_OUT


def test_downgrades_keep_the_details_and_a_partial_answer_stays_partial() -> None:
    timed = validate_answer(ind_key(), {"nom": "Dupont", "ville": "Lyon"}, timed_out=True)
    assert timed.status is AnswerStatus.TIMEDOUT
    assert dict(timed.fields) == {"nom": True, "ville": True}
    key = dep_key("rouge", "vert", "bleu", grading=(1, 3))
    partial = validate_answer(key, {"a": "rouge", "b": "x", "c": "y"}, timed_out=True)
    assert (partial.status, partial.matched) == (PARTIALLY, 1)


def test_only_ok_counts_as_correct() -> None:
    assert Validation(OK).correct
    assert not any(Validation(s).correct for s in AnswerStatus if s is not OK)


def test_answer_statuses_have_their_recorded_names() -> None:
    assert [s.value for s in AnswerStatus] == [
        "ok",
        "ko",
        "partially",
        "aband",
        "timedout",
        "focusedOut",
    ]


# --- properties --------------------------------------------------------------------------------

BASE = "abcdefghijklmnopqrstuvwxyz0123456789éèêëàâäîïôöùûüçœæ'-"
COMBINING = [chr(c) for c in range(0x300, 0x370)]
SPACES = [" ", "\u00a0", "\u202f", "\t", "\n"]


@st.composite
def perturbed(draw: st.DrawFn) -> tuple[str, str]:
    """An accepted answer and the same answer with random case, accents and spaces."""
    word = draw(st.text(alphabet=BASE, min_size=1, max_size=20))
    out: list[str] = []
    for char in word:
        out.extend(draw(st.lists(st.sampled_from(SPACES), max_size=2)))
        out.append(char.upper() if draw(st.booleans()) else char)
        out.extend(draw(st.lists(st.sampled_from(COMBINING), max_size=2)))
    out.extend(draw(st.lists(st.sampled_from(SPACES), max_size=2)))
    return word, "".join(out)


@settings(max_examples=300)
@given(perturbed(), st.sets(st.sampled_from([T2, T3])))
def test_with_t1_any_case_accent_or_space_perturbation_is_still_ok(
    pair: tuple[str, str], disabled: set[Tolerance]
) -> None:
    accepted, answer = pair
    assert status(qroc(accepted, disabled=disabled), answer) is OK
    ind = QrocmIndKey(fields=(("f", (accepted,)),), disabled=frozenset(disabled))
    assert status(ind, {"f": answer}) is OK
    dep = QrocmDepKey(groups=((accepted,),), disabled=frozenset(disabled))
    assert status(dep, {"f": answer}) is OK


@given(st.text(), st.sets(st.sampled_from(list(Tolerance))))
def test_the_accepted_answer_itself_is_always_ok(text: str, disabled: set[Tolerance]) -> None:
    assert status(qroc("autre chose", text, disabled=disabled), text) is OK


@given(st.text(alphabet=BASE, min_size=1), st.text(alphabet=BASE, min_size=1))
def test_without_any_tolerance_only_an_identical_text_is_ok(accepted: str, answer: str) -> None:
    expected = OK if answer == accepted else KO
    assert status(qroc(accepted, disabled={T1, T2, T3}), answer) is expected


@given(
    st.lists(st.sampled_from(["1", "2", "3", "4", "5"]), unique=True, min_size=1),
    st.permutations(["1", "2", "3", "4", "5"]),
    st.sampled_from(["1", "2", "3", "4", "5"]),
)
def test_qcm_is_order_blind_and_exact(solution: list[str], order: list[str], extra: str) -> None:
    key = QcmKey(solution=frozenset(solution))
    assert status(key, [p for p in order if p in solution]) is OK
    changed = set(solution) ^ {extra}  # one proposal added or removed
    assert status(key, sorted(changed)) is KO
