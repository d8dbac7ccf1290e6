"""Assemble and score 10,000 synthetic attempts; time per attempt beside a JSON-decoding baseline.

Targets on a 2-core Debian 12 VM: assembly under 2 ms and scoring under 1 ms per attempt. The
baseline (``json.loads`` of the same attempt's JSON) is measured in the same run, so the ratios
stay comparable on noisy machines. Run with ``python -m bench`` or ``python -m bench.bench_core``.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kiosk.core.assembly import AssembledTest, assemble_test
from kiosk.core.framework import default_framework
from kiosk.core.items import Item, ItemType
from kiosk.core.profile import CompetenceProfile, PositioningProfile
from kiosk.core.scoring import ChallengeScoreInput, CompetenceScoreInput, score_test
from kiosk.core.validation import AnswerStatus

ATTEMPTS = 10_000
TUBES = 4
LEVELS = 6
ITEMS_PER_SKILL = 3
TYPES = list(ItemType)
STATUSES = [AnswerStatus.OK] * 7 + [AnswerStatus.KO, AnswerStatus.PARTIALLY, AnswerStatus.ABAND]


@dataclass(frozen=True, slots=True)
class Attempt:
    """One synthetic candidate: profile, seed, answer statuses, and its JSON form."""

    profile: PositioningProfile
    seed: int
    statuses: tuple[AnswerStatus, ...]
    neutralized: frozenset[int]
    document: str


def synthetic_bank() -> list[Item]:
    """16 competences × 4 tubes × 6 levels × 3 items (1,152 items)."""
    competences = [c.id for c in default_framework().competences]
    return [
        Item(
            id=f"{c}-t{t}-{lv}-{n}",
            competence=c,
            tube=f"@t{t}",
            level=lv,
            type=TYPES[(t + lv + n) % len(TYPES)],
            instruction="?",
        )
        for c in competences
        for t in range(TUBES)
        for lv in range(1, LEVELS + 1)
        for n in range(ITEMS_PER_SKILL)
    ]


def synthetic_attempts(count: int, rng: random.Random) -> list[Attempt]:
    """Random certifiable profiles (5–16 competences) with random answers."""
    competences = [c.id for c in default_framework().competences]
    out: list[Attempt] = []
    for _ in range(count):
        tested = set(rng.sample(competences, rng.randint(5, 16)))
        comps = []
        for c in competences:
            pix = rng.randint(8, 47) if c in tested else rng.randint(0, 7)
            every = [f"@t{t}{lv}" for t in range(TUBES) for lv in range(1, LEVELS + 1)]
            skills = tuple(rng.sample(every, rng.randint(3, len(every) // 2)))
            seen = frozenset(
                f"{c}-t{rng.randrange(TUBES)}-{rng.randint(1, LEVELS)}-0" for _ in range(3)
            )
            comps.append(CompetenceProfile(c, pix, skills, seen))
        profile = PositioningProfile(tuple(comps))
        statuses = tuple(rng.choice(STATUSES) for _ in range(48))
        neutralized = frozenset(i for i in range(48) if rng.random() < 0.03)
        document = json.dumps(
            {
                "profile": profile.to_dict(),
                "statuses": [s.value for s in statuses],
                "neutralized": sorted(neutralized),
            }
        )
        out.append(Attempt(profile, rng.getrandbits(63), statuses, neutralized, document))
    return out


def _timed(label: str, run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    elapsed = time.perf_counter() - start
    sys.stdout.write(f"  {label:<10} {elapsed:7.2f} s total\n")
    return elapsed


def main(count: int = ATTEMPTS) -> None:
    """Run the benchmark and print per-attempt times and ratios to the baseline."""
    rng = random.Random(20250101)
    bank = synthetic_bank()
    attempts = synthetic_attempts(count, rng)
    tests: list[AssembledTest] = []

    def baseline() -> None:
        for a in attempts:
            json.loads(a.document)

    def assemble() -> None:
        tests.clear()
        for a in attempts:
            tests.append(assemble_test(a.profile, bank, a.seed))

    inputs: list[tuple[list[CompetenceScoreInput], list[ChallengeScoreInput]]] = []

    def prepare_scoring() -> None:
        for a, test in zip(attempts, tests, strict=True):
            comps = [
                CompetenceScoreInput(c.competence, c.pix, c.level)
                for c in a.profile.certifiable_competences()
            ]
            chals = [
                ChallengeScoreInput(
                    item.id, item.competence, item.type, a.statuses[i], i in a.neutralized
                )
                for i, item in enumerate(test.items)
            ]
            inputs.append((comps, chals))

    def score() -> None:
        for comps, chals in inputs:
            score_test(competences=comps, challenges=chals)

    sys.stdout.write(f"{count} synthetic attempts, bank of {len(bank)} items\n")
    base = _timed("baseline", baseline)
    t_assembly = _timed("assembly", assemble)
    prepare_scoring()
    t_scoring = _timed("scoring", score)
    sizes: Sequence[int] = [len(t.items) for t in tests]
    sys.stdout.write(
        f"  items per test: {min(sizes)}–{max(sizes)}, mean {sum(sizes) / len(sizes):.1f}\n"
    )
    per = 1000 / count  # seconds total → ms per attempt
    sys.stdout.write(
        f"  per attempt: baseline json.loads {base * per:.3f} ms | "
        f"assembly {t_assembly * per:.3f} ms ({t_assembly / base:.1f}× baseline, target < 2 ms) | "
        f"scoring {t_scoring * per:.3f} ms ({t_scoring / base:.1f}× baseline, target < 1 ms)\n"
    )


if __name__ == "__main__":
    main()
