"""The shipped demo item bank: lints clean, its coverage doc is current, and assembly always finds 3 items."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import pytest

from authority.banklint import coverage_markdown, lint_bank
from kiosk.core.assembly import assemble_test
from kiosk.core.framework import default_framework
from kiosk.core.itembank import Bank, load_bank
from kiosk.core.profile import CompetenceProfile, PositioningProfile

ROOT = Path(__file__).resolve().parents[2]
BANK_DIR = ROOT / "resources" / "itembank"


@cache
def _bank() -> Bank:
    return load_bank(BANK_DIR)


def test_demo_bank_lints_clean() -> None:
    report = lint_bank(BANK_DIR)
    assert [e.message for e in report.errors] == []
    doc = report.to_json()
    assert doc["items"] >= 384
    assert doc["with_attachment"] >= 60
    assert doc["timed"] > 0 and doc["focus"] > 0 and doc["not_accessible"] > 0
    for competence, per_level in doc["by_competence_level"].items():
        assert all(per_level.get(str(level), 0) >= 4 for level in range(1, 7)), competence


def test_coverage_doc_matches_the_bank() -> None:
    expected = coverage_markdown(lint_bank(BANK_DIR))
    actual = (ROOT / "docs" / "itembank.md").read_text(encoding="utf-8")
    assert actual == expected, (
        "docs/itembank.md is stale: run authority lint-bank resources/itembank --coverage-md docs/itembank.md"
    )


def _profile(rng: random.Random, bank: Bank) -> PositioningProfile:
    """A candidate with 5–16 certifiable competences at levels 1–6, having validated every skill up to their level."""
    fw = default_framework()
    chosen = rng.sample([c.id for c in fw.competences], rng.randint(5, 16))
    competences = []
    for cid in chosen:
        level = rng.randint(1, 6)
        skills = sorted({i.skill for i in bank.items if i.competence == cid and i.level <= level})
        competences.append(
            CompetenceProfile(
                competence=cid, pix=8 * level + rng.randint(0, 7), validated_skills=tuple(skills)
            )
        )
    return PositioningProfile(competences=tuple(competences))


@pytest.mark.parametrize("seed", range(40))
def test_assembly_finds_three_items_per_competence(seed: int) -> None:
    bank = _bank()
    rng = random.Random(seed)
    profile = _profile(rng, bank)
    test = assemble_test(profile, bank.items, seed=rng.getrandbits(32))
    tested = [c.competence for c in profile.certifiable_competences()]
    per = {c: 0 for c in tested}
    for item in test.items:
        per[item.competence] += 1
    assert per == {c: 3 for c in tested}
