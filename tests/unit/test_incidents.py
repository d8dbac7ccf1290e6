"""The incident codes data agrees with the rules that use it."""

from __future__ import annotations

from kiosk.core.finalisation import NEEDS_DESCRIPTION
from kiosk.core.incidents import incident_codes
from kiosk.core.problem_reports import ALWAYS_NEUTRALISE, ITEM_CODES, SESSION_CODES


def test_codes_match_the_rules() -> None:
    codes = incident_codes()
    assert set(codes) == ITEM_CODES | SESSION_CODES
    assert {c for c, v in codes.items() if v.needs_description} == NEEDS_DESCRIPTION
    assert {c for c, v in codes.items() if v.names_item} == ITEM_CODES
    assert {c for c, v in codes.items() if v.kind == "session"} == SESSION_CODES
    assert codes["E4"].label("fr") == "Le site à visiter est indisponible"
    assert codes["C6"].label("en") == "Suspected fraud"
    assert {c for c, v in codes.items() if v.neutralises_if == "always"} == ALWAYS_NEUTRALISE
