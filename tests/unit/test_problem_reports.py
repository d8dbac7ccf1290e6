"""Problem reports that neutralise (or, E10, validate) an item before scoring (DOMAIN §5)."""

from __future__ import annotations

import pytest

from kiosk.core.errors import InvalidInput
from kiosk.core.items import Attachment, Illustration, Item, ItemType
from kiosk.core.scoring import (
    ChallengeScoreInput,
    CompetenceScoreInput,
    ProblemReport,
    ReportedChallenge,
    ReportEffect,
    ResultStatus,
    resolve_problem_reports,
    score_test,
)
from kiosk.core.validation import AnswerStatus

S = AnswerStatus
WRONG = [S.KO, S.PARTIALLY, S.ABAND, S.TIMEDOUT, S.FOCUSED_OUT, None]
FEATURES = {"E1": "has_image", "E2": "has_embed", "E3": "has_attachment", "E8": "timed"}


def one(code: str, chal: ReportedChallenge) -> tuple[ReportedChallenge, ReportEffect, str]:
    outcome = resolve_problem_reports([chal], [ProblemReport(code, chal.id)])
    (resolution,) = outcome.resolutions
    return outcome.challenges[0], resolution.effect, resolution.reason


@pytest.mark.parametrize("code", ["E4", "E5", "E9", "E11", "E12"])
@pytest.mark.parametrize("status", WRONG)
def test_always_codes_neutralise_a_wrong_or_skipped_answer(code: str, status: S | None) -> None:
    chal, effect, _ = one(code, ReportedChallenge("q", status))
    assert effect is ReportEffect.NEUTRALIZED
    assert chal.neutralized
    assert chal.status == status  # the answer stays as recorded


@pytest.mark.parametrize("code", ["E1", "E2", "E3", "E4", "E5", "E8", "E9", "E11", "E12"])
def test_a_correct_answer_is_never_neutralised(code: str) -> None:
    flags = {FEATURES[code]: True} if code in FEATURES else {}
    chal, effect, reason = one(code, ReportedChallenge("q", S.OK, **flags))
    assert effect is ReportEffect.NONE
    assert not chal.neutralized
    assert reason == "the answer is correct"


@pytest.mark.parametrize(("code", "feature"), sorted(FEATURES.items()))
@pytest.mark.parametrize("status", WRONG)
def test_conditional_codes_need_their_feature(code: str, feature: str, status: S | None) -> None:
    without, effect, reason = one(code, ReportedChallenge("q", status))
    assert effect is ReportEffect.NONE and not without.neutralized
    assert reason.startswith("the item ")
    with_it, effect, _ = one(code, ReportedChallenge("q", status, **{feature: True}))
    assert effect is ReportEffect.NEUTRALIZED and with_it.neutralized


def test_e10_on_a_focus_item_accepts_a_focused_out_answer() -> None:
    chal, effect, _ = one("E10", ReportedChallenge("q", S.FOCUSED_OUT, focus=True))
    assert effect is ReportEffect.VALIDATED
    assert chal.status is S.OK
    assert not chal.neutralized


@pytest.mark.parametrize("status", [S.ABAND, None])
def test_e10_on_a_focus_item_neutralises_a_skip(status: S | None) -> None:
    chal, effect, _ = one("E10", ReportedChallenge("q", status, focus=True))
    assert effect is ReportEffect.NEUTRALIZED and chal.neutralized


@pytest.mark.parametrize("status", [S.OK, S.KO, S.PARTIALLY, S.TIMEDOUT])
def test_e10_does_nothing_to_other_answers(status: S) -> None:
    chal, effect, _ = one("E10", ReportedChallenge("q", status, focus=True))
    assert effect is ReportEffect.NONE
    assert (chal.status, chal.neutralized) == (status, False)


@pytest.mark.parametrize("status", [S.FOCUSED_OUT, S.ABAND])
def test_e10_does_nothing_on_an_item_without_focus(status: S) -> None:
    chal, effect, reason = one("E10", ReportedChallenge("q", status))
    assert effect is ReportEffect.NONE and chal.status is status and not chal.neutralized
    assert reason == "the item is not a focus item"


@pytest.mark.parametrize("code", ["C1", "C2", "C4", "C6", "C7", "C8"])
def test_session_codes_never_touch_an_item(code: str) -> None:
    chal = ReportedChallenge("q", S.KO, has_image=True)
    outcome = resolve_problem_reports([chal], [ProblemReport(code, None), ProblemReport(code, "q")])
    assert outcome.challenges == (chal,)
    assert {r.effect for r in outcome.resolutions} == {ReportEffect.NONE}


def test_reports_apply_in_order_and_a_neutralised_item_stays_so() -> None:
    focus = ReportedChallenge("f", S.FOCUSED_OUT, focus=True)
    other = ReportedChallenge("o", S.KO)
    reports = [
        ProblemReport("E10", "f"),  # focusedOut → ok
        ProblemReport("E4", "f"),  # now correct: nothing to neutralise
        ProblemReport("E4", "o"),
        ProblemReport("E9", "o"),  # already neutralised
    ]
    outcome = resolve_problem_reports([focus, other], reports)
    assert [r.effect for r in outcome.resolutions] == [
        ReportEffect.VALIDATED,
        ReportEffect.NONE,
        ReportEffect.NEUTRALIZED,
        ReportEffect.NONE,
    ]
    assert outcome.resolutions[3].reason == "the item is already neutralised"
    assert [(c.id, c.status, c.neutralized) for c in outcome.challenges] == [
        ("f", S.OK, False),
        ("o", S.KO, True),
    ]


@pytest.mark.parametrize(
    ("report", "message"),
    [
        (ProblemReport("E6", "q"), "unknown incident code"),
        (ProblemReport("X1", "q"), "unknown incident code"),
        (ProblemReport("E4", None), "must name an item"),
        (ProblemReport("E4", "nope"), "not in this test"),
    ],
)
def test_malformed_reports_are_refused(report: ProblemReport, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        resolve_problem_reports([ReportedChallenge("q", S.KO)], [report])


def test_codes_are_read_whatever_their_case_or_spaces() -> None:
    _, effect, _ = one(" e4 ", ReportedChallenge("q", S.KO))
    assert effect is ReportEffect.NEUTRALIZED


def test_challenge_features_come_from_the_item() -> None:
    item = Item(
        id="i",
        competence="1.1",
        tube="@t",
        level=2,
        type=ItemType.QCU,
        instruction="?",
        illustration=Illustration("a.png", "alt"),
        attachments=(Attachment("f.csv"),),
        timer_seconds=30,
        focus=True,
        embed=True,
    )
    chal = ReportedChallenge.from_item(item, S.KO)
    assert chal == ReportedChallenge("i", S.KO, False, True, True, True, True, True)
    bare = ReportedChallenge.from_item(
        Item(id="j", competence="1.1", tube="@t", level=2, type=ItemType.QCU, instruction="?"),
        S.OK,
        neutralized=True,
    )
    assert bare == ReportedChallenge("j", S.OK, neutralized=True)


def test_a_resolved_report_changes_the_result() -> None:
    comps = [CompetenceScoreInput(c, 29, 3) for c in ("1.1", "1.2", "1.3", "2.1", "2.2")]
    statuses = [S.OK] * 9 + [S.KO, S.OK, S.OK] + [S.KO, S.KO, S.OK]
    chals = [
        ChallengeScoreInput(f"q{i}", comps[i // 3].id, ItemType.QCU, st)
        for i, st in enumerate(statuses)
    ]
    before = score_test(competences=comps, challenges=chals)
    assert before.reproducibility_rate == 80  # 12 / 15
    assert before.competences[4].level == -1  # (3, 1, 0)
    outcome = resolve_problem_reports(
        [ReportedChallenge(c.id, c.status) for c in chals], [ProblemReport("E11", "q12")]
    )
    after_chals = [
        ChallengeScoreInput(c.id, c.competence, c.type, r.status, r.neutralized)
        for c, r in zip(chals, outcome.challenges, strict=True)
    ]
    after = score_test(competences=comps, challenges=after_chals)
    assert after.reproducibility_rate == 86  # 12 / 14
    assert after.competences[4].level == 3  # (3, 1, 1) at ≥ 80 → V
    assert after.status is ResultStatus.VALIDATED
    assert after.pix == before.pix + 29
