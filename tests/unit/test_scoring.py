"""v2 scoring (DOMAIN §5): rate, rule table, QROCM-dep rule, caps, abort reasons, statuses."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest

from kiosk.core.errors import Bug, InvalidInput
from kiosk.core.items import ItemType
from kiosk.core.scoring import (
    ChallengeScoreInput,
    CompetenceScore,
    CompetenceScoreInput,
    LevelAction,
    ResultStatus,
    ScoringResult,
    certified_action,
    minimum_non_neutralized,
    reproducibility_rate,
    score_test,
)
from kiosk.core.validation import AnswerStatus

Row = Sequence[AnswerStatus | None]
OK, KO, PART, ABAND = AnswerStatus.OK, AnswerStatus.KO, AnswerStatus.PARTIALLY, AnswerStatus.ABAND
V, D, X = LevelAction.KEEP, LevelAction.DOWN, LevelAction.INVALID  # X: not certified
COMPETENCES = ("1.1", "1.2", "2.1", "3.1", "5.2")

# The table of DOMAIN §5, typed again here on purpose (not imported from the code under test).
TABLE = {
    (3, 3, 0): (V, V, V),
    (3, 2, 0): (V, D, D),
    (3, 2, 1): (V, V, V),
    (3, 1, 0): (X, X, X),
    (3, 1, 1): (V, D, X),
    (3, 1, 2): (V, V, D),
    (3, 0, 0): (X, X, X),
    (3, 0, 1): (X, X, X),
    (3, 0, 2): (X, X, X),
    (3, 0, 3): (X, X, X),
    (2, 2, 0): (V, V, V),
    (2, 1, 0): (V, D, X),
    (2, 1, 1): (V, V, D),
    (2, 0, 0): (X, X, X),
    (2, 0, 1): (X, X, X),
    (2, 0, 2): (X, X, X),
    (1, 1, 0): (V, V, D),
    (1, 0, 0): (X, X, X),
    (1, 0, 1): (X, X, X),
}
BANDS = ((100, 0), (80, 0), (79, 1), (70, 1), (69, 2), (50, 2))


@pytest.mark.parametrize(("counts", "actions"), sorted(TABLE.items()))
@pytest.mark.parametrize(("rate", "band"), BANDS)
def test_every_row_of_the_rule_table(
    counts: tuple[int, int, int], actions: tuple[LevelAction, ...], rate: int, band: int
) -> None:
    assert certified_action(*counts, rate=rate) is actions[band]


def test_any_other_combination_is_an_error_not_a_guess() -> None:
    others = [c for c in itertools.product(range(6), range(6), range(6)) if c not in TABLE]
    assert len(others) == 216 - len(TABLE)
    for counts in others:
        with pytest.raises(Bug):
            certified_action(*counts, rate=85)


@pytest.mark.parametrize(
    ("correct", "counted", "rate"),
    [
        (2, 3, 67),  # 66.67
        (5, 8, 63),  # 62.5 rounds up
        (1, 8, 13),  # 12.5 rounds up
        (1, 3, 33),  # 33.33
        (7, 8, 88),  # 87.5
        (1, 200, 1),  # 0.5
        (1, 400, 0),  # 0.25
        (0, 15, 0),
        (15, 15, 100),
        (0, 0, 0),  # nothing counts
    ],
)
def test_reproducibility_rate_rounds_half_up(correct: int, counted: int, rate: int) -> None:
    assert reproducibility_rate(correct, counted) == rate


@pytest.mark.parametrize(
    ("items", "needed"), [(0, 0), (1, 1), (3, 2), (15, 10), (16, 11), (48, 32), (50, 33), (100, 66)]
)
def test_minimum_non_neutralised_is_ceil_of_66_percent(items: int, needed: int) -> None:
    assert minimum_non_neutralized(items) == needed


# --- building attempts -------------------------------------------------------------------------


def comp(cid: str, pix: int) -> CompetenceScoreInput:
    return CompetenceScoreInput(id=cid, pix=pix, level=pix // 8)


def chal(
    cid: str,
    competence: str,
    status: AnswerStatus | None,
    *,
    neutralized: bool = False,
    type: ItemType = ItemType.QCU,
) -> ChallengeScoreInput:
    return ChallengeScoreInput(cid, competence, type, status, neutralized)


def attempt(
    statuses: Sequence[Sequence[AnswerStatus | None]],
    *,
    pix: int = 29,
    neutralized: Sequence[str] = (),
) -> tuple[list[CompetenceScoreInput], list[ChallengeScoreInput]]:
    """One competence per row of statuses, ids c<row><col>; all at ``pix``."""
    comps, chals = [], []
    for row, line in enumerate(statuses):
        cid = COMPETENCES[row]
        comps.append(comp(cid, pix))
        for col, st in enumerate(line):
            ident = f"c{row}{col}"
            chals.append(chal(ident, cid, st, neutralized=ident in neutralized))
    return comps, chals


def score(
    statuses: Sequence[Sequence[AnswerStatus | None]],
    *,
    pix: int = 29,
    neutralized: Sequence[str] = (),
    **kwargs: object,
) -> ScoringResult:
    comps, chals = attempt(statuses, pix=pix, neutralized=neutralized)
    return score_test(competences=comps, challenges=chals, **kwargs)  # type: ignore[arg-type]


ALL_OK = [[OK, OK, OK]] * 5


def levels(result: ScoringResult) -> list[tuple[int, int]]:
    return [(c.level, c.pix) for c in result.competences]


# --- whole attempts ----------------------------------------------------------------------------


def test_a_perfect_attempt_keeps_every_profile_level() -> None:
    result = score(ALL_OK)
    assert result.status is ResultStatus.VALIDATED
    assert result.reproducibility_rate == 100
    assert levels(result) == [(3, 29)] * 5
    assert result.pix == 145
    assert result.detail == ""


def test_rate_band_decides_between_keeping_and_lowering_a_level() -> None:
    # 15 items, 12 correct → 80: a 2/3 competence keeps its level.
    rows = [[OK, OK, KO]] * 3 + [[OK, OK, OK]] * 2
    assert score(rows).reproducibility_rate == 80
    assert levels(score(rows))[0] == (3, 29)
    # 11 correct → 73: the same 2/3 competence goes one level down (pix − 8).
    rows = [[OK, OK, KO]] * 4 + [[OK, OK, OK]]
    result = score(rows)
    assert result.reproducibility_rate == 73
    assert levels(result) == [(2, 21)] * 4 + [(3, 29)]
    assert result.pix == 4 * 21 + 29


def test_one_correct_out_of_three_is_not_certified() -> None:
    rows = [[OK, KO, KO]] + [[OK, OK, OK]] * 4
    result = score(rows)
    assert result.reproducibility_rate == 87
    assert result.competences[0] == CompetenceScore("1.1", -1, 0)
    assert result.pix == 4 * 29


def test_neutralised_items_leave_numerator_and_denominator() -> None:
    rows = [[OK, OK, OK]] * 4 + [[OK, KO, KO]]
    plain = score(rows)
    assert plain.reproducibility_rate == 87  # 13 / 15
    result = score(rows, neutralized=["c40", "c41"])  # one right and one wrong neutralised
    assert result.reproducibility_rate == 92  # 12 / 13
    assert result.competences[4] == CompetenceScore("5.2", -1, 0)  # (3, 0, 2) → I
    ok_neutral = score([[OK, OK, KO]] + [[OK, OK, OK]] * 4, neutralized=["c02"])
    assert ok_neutral.competences[0] == CompetenceScore("1.1", 3, 29)  # (3, 2, 1) → V


def test_rate_under_50_certifies_nothing() -> None:
    rows = [[OK, OK, OK], [OK, OK, OK], [KO, KO, OK], [KO, KO, KO], [KO, KO, KO]]
    result = score(rows)
    assert result.reproducibility_rate == 47
    assert result.status is ResultStatus.REJECTED
    assert levels(result) == [(-1, 0)] * 5
    assert result.pix == 0


def test_rate_of_exactly_50_is_enough_to_be_scored() -> None:
    rows = [[OK, OK, OK], [OK, OK, OK], [OK, KO, KO], [KO, KO, KO], [KO, KO]]
    result = score(rows)
    assert result.reproducibility_rate == 50
    assert result.status is ResultStatus.VALIDATED
    assert levels(result) == [(3, 29), (3, 29), (-1, 0), (-1, 0), (-1, 0)]


@pytest.mark.parametrize(
    ("pix", "max_level", "expected"),
    [
        (60, 5, (5, 40)),  # level 7 capped at 5, pix at 40
        (40, 5, (5, 40)),
        (39, 5, (4, 39)),
        (60, 8, (7, 60)),
        (64, 8, (8, 64)),
        (29, 2, (2, 16)),
    ],
)
def test_certified_levels_and_pix_are_capped_at_the_max_reachable_level(
    pix: int, max_level: int, expected: tuple[int, int]
) -> None:
    result = score(ALL_OK, pix=pix, max_reachable_level=max_level)
    assert levels(result) == [expected] * 5
    assert result.pix == 5 * expected[1]


def test_the_cap_applies_after_a_downgrade() -> None:
    rows = [[OK, OK, KO]] * 4 + [[OK, OK, OK]]  # rate 73: 2/3 → D
    assert levels(score(rows, pix=50, max_reachable_level=5))[0] == (5, 40)  # 6/50 → 5/42 → 5/40
    assert levels(score(rows, pix=50, max_reachable_level=8))[0] == (5, 42)
    assert levels(score(rows, pix=12))[0] == (0, 4)  # level 1 down to 0 keeps its remaining pix


def test_competences_come_out_in_framework_order() -> None:
    comps = [comp("5.2", 20), comp("1.1", 20), comp("3.4", 20), comp("2.1", 20), comp("1.3", 20)]
    chals = [chal(f"x{i}", c.id, OK) for i, c in enumerate(comps)]
    result = score_test(competences=comps, challenges=chals)
    assert [c.id for c in result.competences] == ["1.1", "1.3", "2.1", "3.4", "5.2"]
    assert [c.id for c in result.challenges] == [f"x{i}" for i in range(5)]


# --- the QROCM-dep rule ------------------------------------------------------------------------


def small_competence_result(
    statuses: Sequence[tuple[ItemType, AnswerStatus, bool]], rate_filler: int
) -> CompetenceScore:
    """Score 1.1 (a small competence) beside 4 competences of 3 items that set the global rate."""
    comps = [comp(c, 29) for c in COMPETENCES]
    chals = [
        chal(f"s{i}", "1.1", st, neutralized=n, type=t) for i, (t, st, n) in enumerate(statuses)
    ]
    fill = iter([OK] * rate_filler + [KO] * (12 - rate_filler))
    chals += [chal(f"f{c}{j}", c, next(fill)) for c in COMPETENCES[1:] for j in range(3)]
    return score_test(competences=comps, challenges=chals).competences[0]


DEP, QCU = ItemType.QROCM_DEP, ItemType.QCU


@pytest.mark.parametrize(
    ("items", "filler", "expected"),
    [
        # 2 items, a QROCM-dep ok: (3 items, 2 correct) → V at ≥ 80, D below
        ([(DEP, OK, False), (QCU, KO, False)], 12, (3, 29)),
        ([(DEP, OK, False), (QCU, KO, False)], 10, (2, 21)),
        # a partially correct QROCM-dep is one correct answer: (3, 2, 0)
        ([(DEP, PART, False), (QCU, OK, False)], 12, (3, 29)),
        ([(DEP, PART, False), (QCU, OK, False)], 10, (2, 21)),
        # ... and (3, 1, 0) → I with a wrong QCU
        ([(DEP, PART, False), (QCU, KO, False)], 12, (-1, 0)),
        # a neutralised QROCM-dep is 2 neutralised: (3, 1, 2) → V ≥ 70, D < 70
        ([(DEP, KO, True), (QCU, OK, False)], 12, (3, 29)),
        ([(DEP, KO, True), (QCU, OK, False)], 7, (2, 21)),
        # 1 item, a QROCM-dep: (2, 2, 0) ok → V; partially → (2, 1, 0)
        ([(DEP, OK, False)], 7, (3, 29)),
        ([(DEP, PART, False)], 12, (3, 29)),
        ([(DEP, PART, False)], 10, (2, 21)),
        ([(DEP, PART, False)], 7, (-1, 0)),
        ([(DEP, KO, True)], 12, (-1, 0)),  # (2, 0, 2)
    ],
)
def test_a_qrocm_dep_counts_twice_in_a_competence_with_fewer_than_3_items(
    items: list[tuple[ItemType, AnswerStatus, bool]], filler: int, expected: tuple[int, int]
) -> None:
    result = small_competence_result(items, filler)
    assert (result.level, result.pix) == expected


def test_a_qrocm_dep_counts_once_in_a_full_competence() -> None:
    # 3 items: partially is wrong, ok is one correct answer → (3, 2, 0) and (3, 1, 0).
    full = [(DEP, OK, False), (QCU, OK, False), (QCU, KO, False)]
    assert small_competence_result(full, 12).level == 3
    partial = [(DEP, PART, False), (QCU, OK, False), (QCU, KO, False)]
    assert small_competence_result(partial, 12).level == -1


def test_two_qrocm_dep_alone_in_a_competence_fall_outside_the_table() -> None:
    with pytest.raises(Bug, match="4 item"):
        small_competence_result([(DEP, OK, False), (DEP, OK, False)], 12)


def test_the_global_rate_counts_a_qrocm_dep_once() -> None:
    comps = [comp(c, 29) for c in COMPETENCES]
    chals = [chal("d", "1.1", OK, type=DEP)] + [
        chal(f"f{c}{j}", c, OK) for c in COMPETENCES[1:] for j in range(3)
    ]
    chals[-1] = chal("last", "5.2", KO)
    result = score_test(competences=comps, challenges=chals)
    assert result.reproducibility_rate == 92  # 12 / 13, not 13 / 14


# --- abort reasons and unanswered items --------------------------------------------------------


def test_an_unanswered_item_without_abort_reason_is_an_error() -> None:
    result = score([[OK, OK, None]] + [[OK, OK, OK]] * 4)
    assert result.status is ResultStatus.ERROR
    assert "c02" in result.detail
    assert result.pix == 0
    assert levels(result) == [(-1, 0)] * 5
    assert result.challenges[2].status is None


def test_error_comes_before_every_other_status() -> None:
    rows = [[OK, OK, None]] + [[OK, OK, OK]] * 4
    assert score(rows, cancelled=True).status is ResultStatus.ERROR
    assert score(rows, fraud=True).status is ResultStatus.ERROR


def test_candidate_abort_counts_unanswered_items_as_skipped() -> None:
    rows = [[OK, OK, OK]] * 4 + [[OK, None, None]]
    result = score(rows, abort_reason="candidate")
    assert result.reproducibility_rate == 87  # 13 / 15
    assert [c.status for c in result.challenges[-2:]] == [ABAND, ABAND]
    assert not any(c.neutralized for c in result.challenges)
    assert result.competences[4].level == -1  # (3, 1, 0)
    assert result.status is ResultStatus.VALIDATED


def test_technical_abort_neutralises_unanswered_items() -> None:
    rows = [[OK, OK, OK]] * 4 + [[OK, None, None]]
    result = score(rows, abort_reason="technical")
    assert result.reproducibility_rate == 100  # 13 / 13
    assert [(c.status, c.neutralized) for c in result.challenges[-2:]] == [(None, True)] * 2
    assert result.competences[4] == CompetenceScore("5.2", 3, 29)  # (3, 1, 2) at ≥ 80 → V
    assert result.status is ResultStatus.VALIDATED


def test_an_abort_reason_changes_nothing_for_a_finished_test() -> None:
    assert score(ALL_OK, abort_reason="candidate") == score(ALL_OK)


# --- result statuses, in their order -----------------------------------------------------------


def test_status_1_cancelled_by_the_session_comes_first() -> None:
    result = score(ALL_OK, cancelled=True, fraud=True)
    assert result.status is ResultStatus.CANCELLED
    assert result.pix == 145  # the scores are still computed for the record


def test_status_2_fraud_rejects_before_any_other_check() -> None:
    assert score(ALL_OK, fraud=True).status is ResultStatus.REJECTED
    neutral = [f"c{r}{c}" for r in range(2) for c in range(3)]  # 9 of 15 left: would be cancelled
    assert score(ALL_OK, fraud=True, neutralized=neutral).status is ResultStatus.REJECTED


def test_status_3_too_few_non_neutralised_items_cancels() -> None:
    neutral = ["c00", "c01", "c02", "c10", "c11", "c12"]  # 9 of 15 left, 10 needed
    result = score(ALL_OK, neutralized=neutral)
    assert result.status is ResultStatus.CANCELLED
    assert "9 of 15" in result.detail
    assert score(ALL_OK, neutralized=neutral[:5]).status is ResultStatus.VALIDATED  # 10 of 15


def test_status_3_counts_technical_neutralisations() -> None:
    rows: Sequence[Row] = [[OK, OK, OK]] * 3 + [[None, None, None]] * 2
    assert score(rows, abort_reason="technical").status is ResultStatus.CANCELLED  # 9 of 15
    rows = [[OK, OK, OK]] * 3 + [[OK, None, None], [None, None, None]]
    result = score(rows, abort_reason="technical")  # 10 of 15
    assert result.status is ResultStatus.VALIDATED
    assert levels(result)[3:] == [(3, 29), (-1, 0)]  # (3, 1, 2) → V; (3, 0, 3) → I


def test_status_4_technical_abort_with_rate_under_50_cancels() -> None:
    rows: Sequence[Row] = [[KO, KO, KO]] * 3 + [[OK, OK, OK], [OK, KO, None]]
    technical = score(rows, abort_reason="technical")
    assert technical.reproducibility_rate == 29  # 4 / 14
    assert technical.status is ResultStatus.CANCELLED
    assert "technical" in technical.detail


def test_status_5_rate_under_50_rejects_otherwise() -> None:
    rows: Sequence[Row] = [[KO, KO, KO]] * 3 + [[OK, OK, OK], [OK, KO, None]]
    assert score(rows, abort_reason="candidate").status is ResultStatus.REJECTED
    rows = [[KO, KO, KO]] * 3 + [[OK, OK, OK], [OK, KO, KO]]
    assert score(rows).status is ResultStatus.REJECTED


def test_status_6_a_rate_of_50_or_more_with_no_pix_is_rejected() -> None:
    rows = [[OK, KO, KO]] * 5
    neutral = [f"c{r}1" for r in range(5)]  # every competence: (3, 1, 1); rate 5 / 10 = 50 → I
    result = score(rows, neutralized=neutral)
    assert result.reproducibility_rate == 50
    assert result.pix == 0
    assert result.status is ResultStatus.REJECTED
    assert result.detail == "no pix certified"


def test_status_7_validated() -> None:
    assert score(ALL_OK).status is ResultStatus.VALIDATED


# --- input checks ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("comps", "chals", "kwargs", "message"),
    [
        ([comp("9.9", 20)], [], {}, "unknown competence"),
        ([comp("1.1", 20), comp("1.1", 20)], [], {}, "twice"),
        ([CompetenceScoreInput("1.1", 20, 3)], [], {}, "does not match"),
        ([comp("1.1", 5)], [], {}, "not certifiable"),
        ([comp("1.1", 80)], [], {}, "from 0 to 64"),
        ([comp("1.1", 20)], [chal("a", "1.2", OK)], {}, "not among the certifiable"),
        ([comp("1.1", 20)], [chal("a", "1.1", OK), chal("a", "1.1", OK)], {}, "twice"),
        ([comp("1.1", 20)], [], {"abort_reason": "tired"}, "abort reason"),
        ([comp("1.1", 20)], [], {"max_reachable_level": 0}, "max reachable level"),
        ([comp("1.1", 20)], [], {"max_reachable_level": 9}, "max reachable level"),
    ],
)
def test_inconsistent_input_is_refused(
    comps: list[CompetenceScoreInput],
    chals: list[ChallengeScoreInput],
    kwargs: dict[str, object],
    message: str,
) -> None:
    with pytest.raises(InvalidInput, match=message):
        score_test(competences=comps, challenges=chals, **kwargs)  # type: ignore[arg-type]


def test_result_json_form() -> None:
    comps, chals = attempt([[OK, KO, None]] + [[OK, OK, OK]] * 4)
    result = score_test(competences=comps, challenges=chals, abort_reason="technical")
    doc = result.to_dict()
    assert doc["status"] == "validated"
    assert doc["reproducibility_rate"] == 93
    assert doc["pix"] == 29 * 5
    assert doc["competences"][0] == {"id": "1.1", "level": 3, "pix": 29}
    assert doc["challenges"][:3] == [
        {"id": "c00", "status": "ok", "neutralized": False},
        {"id": "c01", "status": "ko", "neutralized": False},
        {"id": "c02", "status": None, "neutralized": True},
    ]
