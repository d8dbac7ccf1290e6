"""The incident codes data agrees with the rules that use it."""

from __future__ import annotations

from kiosk.core.finalisation import NEEDS_DESCRIPTION
from kiosk.core.incidents import incident_codes
from kiosk.core.problem_reports import ITEM_CODES, SESSION_CODES


def test_codes_match_the_rules() -> None:
    codes = incident_codes()
    assert set(codes) == ITEM_CODES | SESSION_CODES
    assert {c for c, v in codes.items() if v.needs == "description"} == NEEDS_DESCRIPTION
    assert {c for c, v in codes.items() if v.needs == "item"} == ITEM_CODES
    assert codes["E4"].fr == "Le site à visiter est indisponible"
    assert codes["C6"].label("en") == "Suspected fraud"
    # a candidate can report item problems, but not the invigilator-only E8 and E10
    assert {c for c, v in codes.items() if v.candidate} == ITEM_CODES - {"E8", "E10"}
