"""Finalisation refuses an incomplete report and says what is missing (DOMAIN §6)."""

from __future__ import annotations

import pytest

from kiosk.core.errors import InvalidInput, RuleViolation
from kiosk.core.finalisation import (
    AbortReason,
    CandidateFinalisation,
    Incident,
    Outcome,
    SessionFinalisation,
    check,
    problems,
)

NAMES = {"c1": "DUPONT Jean", "c2": "MARTIN Léa"}


def _report(
    *cands: CandidateFinalisation, had_incident: bool = False, comment: str = ""
) -> SessionFinalisation:
    return SessionFinalisation(
        session_id="S1", candidates=cands, comment=comment, had_incident=had_incident
    )


def test_complete_report_passes_and_round_trips() -> None:
    report = _report(
        CandidateFinalisation("c1", Outcome.COMPLETED, 30, end_screen_seen=True),
        CandidateFinalisation("c2", Outcome.UNFINISHED, 24, abort_reason=AbortReason.TECHNICAL,
                              incidents=(Incident("E11", item_number=12), Incident("C7", "Coupure de courant à 10 h 12"))),
        had_incident=True,
    )  # fmt: skip
    check(report, NAMES)
    assert SessionFinalisation.from_dict(report.to_dict()) == report


def test_unfinished_test_needs_an_abort_reason() -> None:
    report = _report(CandidateFinalisation("c2", Outcome.UNFINISHED, 24))
    with pytest.raises(RuleViolation, match="MARTIN Léa : test non terminé, indiquez la raison"):
        check(report, NAMES)


@pytest.mark.parametrize(
    ("incident", "message"),
    [
        (Incident("C1"), "l'incident C1 demande une description"),
        (Incident("C8", "   "), "l'incident C8 demande une description"),
        (Incident("E4"), "l'incident E4 doit indiquer le numéro de la question"),
        (Incident("E4", item_number=31), "vise la question 31, le test en compte 30"),
        (Incident("Z9", "x"), "code d'incident inconnu « Z9 »"),
    ],
)
def test_incident_requirements(incident: Incident, message: str) -> None:
    report = _report(
        CandidateFinalisation("c1", Outcome.COMPLETED, 30, incidents=(incident,)),
        had_incident=True,
    )
    found = problems(report, NAMES)
    assert any(message in p for p in found), found


def test_c6_needs_no_description_but_flag_is_required() -> None:
    report = _report(
        CandidateFinalisation("c1", Outcome.COMPLETED, 30, incidents=(Incident("C6"),))
    )
    assert problems(report, NAMES) == [
        "Des incidents sont signalés : cochez « La session a connu un incident »."
    ]


def test_comment_limits_and_absent_candidates() -> None:
    report = _report(
        CandidateFinalisation("c1", Outcome.COMPLETED, 30, comment="x" * 501),
        CandidateFinalisation("c2", Outcome.ABSENT, abort_reason=AbortReason.CANDIDATE),
        comment="y" * 501,
    )
    found = problems(report, NAMES)
    assert "Le commentaire de session dépasse 500 caractères." in found
    assert "DUPONT Jean : le commentaire dépasse 500 caractères." in found
    assert any("MARTIN Léa : absent(e)" in p for p in found)
    assert (
        problems(_report(CandidateFinalisation("c1", Outcome.COMPLETED, 30, comment="x" * 500)))
        == []
    )


def test_every_missing_point_is_listed_at_once() -> None:
    report = _report(
        CandidateFinalisation("c1", Outcome.UNFINISHED, 30, incidents=(Incident("C2"),)),
        CandidateFinalisation("c2", Outcome.UNFINISHED, 30),
    )
    with pytest.raises(RuleViolation) as info:
        check(report, NAMES)
    assert info.value.message.count("\n- ") == 4


def test_time_up_needs_no_abort_reason() -> None:
    check(_report(CandidateFinalisation("c1", Outcome.TIME_UP, 30)))


@pytest.mark.parametrize(
    "doc",
    [
        {},
        {"format": "certkiosk/finalisation@2", "candidates": []},
        {"format": "certkiosk/finalisation@1", "candidates": {}},
        {
            "format": "certkiosk/finalisation@1",
            "candidates": [{"candidate_id": "c1", "outcome": "gone"}],
        },
        {
            "format": "certkiosk/finalisation@1",
            "candidates": [
                {"candidate_id": "c1", "outcome": "completed", "incidents": [{"code": 4}]}
            ],
        },
    ],
)
def test_malformed_documents_are_refused(doc: dict[str, object]) -> None:
    with pytest.raises(InvalidInput):
        SessionFinalisation.from_dict(doc)
