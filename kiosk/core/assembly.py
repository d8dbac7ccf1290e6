"""Test assembly (v2): 3 items per certifiable competence, hardest validated skills first (DOMAIN §3).

For each certifiable competence, in framework order:

1. take the skills the candidate validated in it, grouped by difficulty, hardest group first;
2. in each group, one item per skill, chosen at random among the items assessing that skill,
   preferring items the candidate has not seen (seen ones only when nothing else exists);
3. put the group's items whose tube is not yet used in this competence before the others;
4. stop as soon as 3 items are gathered (keep the first 3).

Ours: every random choice comes from ``random.Random(seed)`` consumed in a fixed order over sorted
inputs, so the authority replays an assembly exactly from the seed recorded in the attempt. Within a
group the skills are visited in a seeded random order, so candidates with different seeds (every
candidate gets a fresh one from ``new_seed``) get different items wherever the bank allows.
"""

from __future__ import annotations

import os
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from kiosk.core.errors import InvalidInput, RuleViolation
from kiosk.core.framework import Framework, default_framework
from kiosk.core.items import Item
from kiosk.core.profile import (
    MIN_CERTIFIABLE_COMPETENCES,
    CompetenceProfile,
    PositioningProfile,
    skill_level,
)

ITEMS_PER_COMPETENCE = 3
SEED_BYTES = 8


def item_pool(bank_items: Sequence[Item], accessibility_needs: bool) -> list[Item]:
    """The items a candidate may be served: only accessible ones when they have accessibility needs.

    The kiosk and the authority's replay both call this, so a replay assembles from the same pool.
    """
    if accessibility_needs:
        return [i for i in bank_items if i.accessibility.accessible]
    return list(bank_items)


def new_seed() -> int:
    """A fresh 64-bit assembly seed from the operating system's random source."""
    return int.from_bytes(os.urandom(SEED_BYTES), "big")


@dataclass(frozen=True, slots=True)
class AssembledTest:
    """A candidate's fixed list of items, in serving order (competence by competence)."""

    seed: int
    items: tuple[Item, ...]
    competences: tuple[str, ...]  # the certifiable competences tested, in framework order

    @property
    def item_ids(self) -> tuple[str, ...]:
        """The ids of the items in serving order."""
        return tuple(item.id for item in self.items)

    def items_of(self, competence_id: str) -> tuple[Item, ...]:
        """The items of one competence, in serving order."""
        return tuple(item for item in self.items if item.competence == competence_id)


BankIndex = dict[tuple[str, str, int], list[Item]]


def index_bank(bank_items: Sequence[Item], competences: frozenset[str] | None = None) -> BankIndex:
    """Items grouped by (competence, tube, level), in bank order (sorted by id where drawn from)."""
    index: BankIndex = defaultdict(list)
    for item in bank_items:
        if competences is None or item.competence in competences:
            index[(item.competence, item.tube, item.level)].append(item)
    return index


def assemble_test(
    profile: PositioningProfile,
    bank_items: Sequence[Item],
    seed: int,
    framework: Framework | None = None,
) -> AssembledTest:
    """Build a candidate's v2 test from their profile and the item bank, replayably from ``seed``.

    Args:
        profile: the candidate's positioning profile.
        bank_items: the items available (already filtered by language/accessibility if needed).
        seed: the recorded seed (a non-negative integer; see ``new_seed``).
        framework: the competence framework (default: the shipped one).

    Returns:
        15 to 48 items, 3 per certifiable competence where the bank allows (fewer when it lacks items).

    Raises:
        RuleViolation: the candidate is not certifiable (level ≥ 1 in fewer than 5 competences).
        InvalidInput: a bad seed, a profile competence unknown to the framework, or a malformed
            skill name.
    """
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise InvalidInput(f"an assembly seed is a non-negative integer, got {seed!r}")
    fw = framework or default_framework()
    certifiable = profile.certifiable_competences(fw)
    if len(certifiable) < MIN_CERTIFIABLE_COMPETENCES:
        raise RuleViolation(
            f"candidate not certifiable: level 1 or more in {len(certifiable)} competence(s),"
            f" {MIN_CERTIFIABLE_COMPETENCES} needed"
        )
    rng = random.Random(seed)
    seen = profile.seen_item_ids
    index = index_bank(bank_items, frozenset(c.competence for c in certifiable))
    items: list[Item] = []
    for comp in certifiable:
        items.extend(_pick_for_competence(comp, index, seen, rng))
    return AssembledTest(
        seed=seed, items=tuple(items), competences=tuple(c.competence for c in certifiable)
    )


def _item_id(item: Item) -> str:
    return item.id


def _below(rng: random.Random, n: int) -> int:
    """A seeded integer in [0, n), built on ``random()`` alone.

    ``Random.random()`` for an integer seed is the one output Python promises to keep across
    versions; ``choice``/``shuffle`` are not, and the authority must replay a kiosk's assembly.
    """
    return min(int(rng.random() * n), n - 1)


def _shuffle(rng: random.Random, values: list[str]) -> None:
    for i in range(len(values) - 1, 0, -1):
        j = _below(rng, i + 1)
        values[i], values[j] = values[j], values[i]


def _groups_hardest_first(skills: Sequence[str]) -> list[list[str]]:
    by_level: dict[int, set[str]] = defaultdict(set)
    for skill in skills:
        by_level[skill_level(skill)].add(skill)
    return [sorted(by_level[level]) for level in sorted(by_level, reverse=True)]


def _pick_for_competence(
    comp: CompetenceProfile, index: BankIndex, seen: frozenset[str], rng: random.Random
) -> list[Item]:
    picked: list[Item] = []
    for group in _groups_hardest_first(comp.validated_skills):
        _shuffle(rng, group)
        in_group: list[Item] = []
        for skill in group:
            found = index.get((comp.competence, skill[:-1], skill_level(skill)))
            if not found:
                continue
            candidates = sorted(found, key=_item_id)  # a stable order to draw from
            unseen = [item for item in candidates if item.id not in seen]
            pool = unseen or candidates
            in_group.append(pool[_below(rng, len(pool))])
        used_tubes = {item.tube for item in picked}
        picked.extend(item for item in in_group if item.tube not in used_tubes)
        picked.extend(item for item in in_group if item.tube in used_tubes)
        if len(picked) >= ITEMS_PER_COMPETENCE:
            break
    return picked[:ITEMS_PER_COMPETENCE]
