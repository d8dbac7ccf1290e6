"""v2 test assembly (DOMAIN §2–§3) on synthetic banks."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Collection, Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.assembly import AssembledTest, assemble_test, new_seed
from kiosk.core.errors import InvalidInput, RuleViolation
from kiosk.core.framework import default_framework
from kiosk.core.items import Item, ItemType
from kiosk.core.profile import CompetenceProfile, PositioningProfile

FW = default_framework()
ALL = [c.id for c in FW.competences]


def item(competence: str, tube: str, level: int, n: int = 0) -> Item:
    return Item(
        id=f"{competence}{tube}{level}-{n}",
        competence=competence,
        tube=tube,
        level=level,
        type=ItemType.QCU,
        instruction="?",
    )


def bank(
    competences: list[str] = ALL, tubes: int = 4, levels: int = 6, per_skill: int = 3
) -> list[Item]:
    """Every competence × tube @t0.. × level 1..levels, ``per_skill`` items each."""
    return [
        item(c, f"@t{t}", lv, n)
        for c in competences
        for t in range(tubes)
        for lv in range(1, levels + 1)
        for n in range(per_skill)
    ]


def comp(
    competence: str, pix: int, skills: Sequence[str] = (), seen: Collection[str] = ()
) -> CompetenceProfile:
    return CompetenceProfile(competence, pix, tuple(skills), frozenset(seen))


def full_skills(tubes: int = 4, up_to: int = 5) -> list[str]:
    return [f"@t{t}{lv}" for t in range(tubes) for lv in range(1, up_to + 1)]


def profile(
    certifiable: list[str], *, others: Sequence[str] = (), pix: int = 30
) -> PositioningProfile:
    comps = [comp(c, pix, full_skills()) for c in certifiable]
    comps += [comp(c, 7, full_skills()) for c in others]  # level 0: never tested
    return PositioningProfile(tuple(comps))


# --- who may sit -------------------------------------------------------------------------------


def test_fewer_than_5_certifiable_competences_is_refused() -> None:
    with pytest.raises(RuleViolation, match="4 competence"):
        assemble_test(profile(ALL[:4], others=ALL[4:]), bank(), seed=1)


def test_exactly_5_certifiable_competences_gives_15_items() -> None:
    test = assemble_test(profile(ALL[:5]), bank(), seed=1)
    assert len(test.items) == 15
    assert test.competences == tuple(ALL[:5])


def test_all_16_competences_give_48_items_served_competence_by_competence() -> None:
    test = assemble_test(profile(ALL), bank(), seed=7)
    assert len(test.items) == 48
    assert [i.competence for i in test.items] == [c for c in ALL for _ in range(3)]
    assert len(set(test.item_ids)) == 48


def test_level_8_pix_boundary_and_level_0_competences_are_not_tested() -> None:
    comps = [comp(c, 8, full_skills()) for c in ALL[:5]] + [
        comp(c, 7, full_skills()) for c in ALL[5:]
    ]
    test = assemble_test(PositioningProfile(tuple(comps)), bank(), seed=3)
    assert {i.competence for i in test.items} == set(ALL[:5])


def test_competences_are_served_in_framework_order_whatever_the_profile_order() -> None:
    chosen = ["5.2", "1.3", "3.4", "2.1", "4.1"]
    test = assemble_test(profile(chosen), bank(), seed=11)
    expected = sorted(chosen, key=FW.order)
    assert test.competences == tuple(expected)
    assert [i.competence for i in test.items] == [c for c in expected for _ in range(3)]


# --- which items -------------------------------------------------------------------------------


def test_hardest_skills_come_first() -> None:
    skills = ["@a1", "@b2", "@c3", "@d4", "@e5"]
    comps = [comp(c, 30, skills) for c in ALL[:5]]
    items = [
        item(c, f"@{t}", lv) for c in ALL[:5] for t, lv in zip("abcde", range(1, 6), strict=True)
    ]
    test = assemble_test(PositioningProfile(tuple(comps)), items, seed=5)
    assert [i.skill for i in test.items_of("1.1")] == ["@e5", "@d4", "@c3"]


def test_a_large_top_group_is_sampled_and_neighbours_differ() -> None:
    skills = [f"@t{t}6" for t in range(8)] + ["@t05", "@t15"]
    comps = [comp(c, 50, skills) for c in ALL[:5]]
    items = bank(tubes=8, levels=6, per_skill=4)
    draws = {
        assemble_test(PositioningProfile(tuple(comps)), items, seed=s).item_ids for s in range(30)
    }
    assert len(draws) == 30  # 30 neighbours, 30 different tests
    for s in range(30):
        test = assemble_test(PositioningProfile(tuple(comps)), items, seed=s)
        assert {i.level for i in test.items} == {6}


def test_unseen_items_are_preferred() -> None:
    seen = {f"{c}@t{t}{lv}-{n}" for c in ALL[:5] for t in range(4) for lv in (4, 5) for n in (0, 1)}
    comps = [comp(c, 30, full_skills(), seen) for c in ALL[:5]]
    for s in range(40):
        test = assemble_test(PositioningProfile(tuple(comps)), bank(), seed=s)
        assert not set(test.item_ids) & seen
        assert all(i.id.endswith("-2") for i in test.items)


def test_seen_items_are_the_fallback_when_nothing_else_exists() -> None:
    items = bank(per_skill=2)
    seen = {i.id for i in items}
    comps = [comp(c, 30, full_skills(), seen) for c in ALL[:5]]
    test = assemble_test(PositioningProfile(tuple(comps)), items, seed=9)
    assert len(test.items) == 15


def test_seen_items_of_another_competence_count_as_seen() -> None:
    shared = item("1.1", "@t0", 5, 0)
    other = item("1.1", "@t0", 5, 1)
    comps = [comp("1.1", 30, ["@t05"]), comp("1.2", 30, [], {shared.id})] + [
        comp(c, 30, []) for c in ALL[2:5]
    ]
    for s in range(20):
        test = assemble_test(PositioningProfile(tuple(comps)), [shared, other], seed=s)
        assert test.item_ids == (other.id,)


def test_unused_tubes_are_preferred() -> None:
    # Group 5: @a5, @b5 (2 items); group 4: @a4 and @c4 → @c4 (a new tube) takes the third place.
    skills = ["@a5", "@b5", "@a4", "@c4"]
    items = [item(c, f"@{s[1]}", int(s[2])) for c in ALL[:5] for s in skills]
    comps = [comp(c, 40, skills) for c in ALL[:5]]
    for s in range(30):
        test = assemble_test(PositioningProfile(tuple(comps)), items, seed=s)
        picked = test.items_of("1.1")
        assert {i.skill for i in picked[:2]} == {"@a5", "@b5"}
        assert picked[2].skill == "@c4"


def test_a_used_tube_still_serves_when_no_other_remains() -> None:
    skills = ["@a5", "@a4", "@a3", "@a2"]
    items = [item(c, "@a", lv) for c in ALL[:5] for lv in (2, 3, 4, 5)]
    comps = [comp(c, 40, skills) for c in ALL[:5]]
    test = assemble_test(PositioningProfile(tuple(comps)), items, seed=1)
    assert [i.skill for i in test.items_of("1.1")] == ["@a5", "@a4", "@a3"]


def test_a_competence_gets_fewer_items_when_the_bank_lacks_them() -> None:
    comps = [comp("1.1", 30, ["@t05", "@t15", "@t25"]), comp("1.2", 30, ["@t05"])]
    comps += [comp(c, 30, full_skills()) for c in ALL[2:5]]
    items = [i for i in bank() if not (i.competence == "1.1" and i.tube == "@t2")]
    test = assemble_test(PositioningProfile(tuple(comps)), items, seed=2)
    assert Counter(i.competence for i in test.items) == {
        "1.1": 2,
        "1.2": 1,
        "1.3": 3,
        "2.1": 3,
        "2.2": 3,
    }


def test_items_of_a_skill_not_validated_are_never_picked() -> None:
    comps = [comp(c, 30, ["@t01", "@t11"]) for c in ALL[:5]]
    test = assemble_test(PositioningProfile(tuple(comps)), bank(), seed=4)
    assert {i.skill for i in test.items} == {"@t01", "@t11"}
    assert len(test.items) == 10


# --- determinism -------------------------------------------------------------------------------


def test_same_seed_same_test_whatever_the_input_order() -> None:
    items = bank()
    prof = profile(ALL)
    first = assemble_test(prof, items, seed=424242)
    shuffled_items = items[:]
    random.Random(0).shuffle(shuffled_items)
    shuffled_prof = PositioningProfile(
        tuple(
            CompetenceProfile(c.competence, c.pix, tuple(reversed(c.validated_skills)))
            for c in reversed(prof.competences)
        )
    )
    again = assemble_test(shuffled_prof, shuffled_items, seed=424242)
    assert again == first
    assert again.seed == 424242


def test_a_recorded_seed_replays_the_same_items_forever() -> None:
    """Golden replay: the authority must rebuild a kiosk's test from the seed, on any Python."""
    test = assemble_test(profile(ALL[:5]), bank(), seed=20250101)
    assert test.item_ids == (
        "1.1@t35-2", "1.1@t05-0", "1.1@t15-1",
        "1.2@t05-0", "1.2@t15-2", "1.2@t25-1",
        "1.3@t15-1", "1.3@t25-1", "1.3@t35-2",
        "2.1@t15-1", "2.1@t35-0", "2.1@t25-0",
        "2.2@t05-1", "2.2@t15-2", "2.2@t25-2",
    )  # fmt: skip


def test_new_seeds_are_fresh_64_bit_integers() -> None:
    seeds = {new_seed() for _ in range(50)}
    assert len(seeds) == 50
    assert all(0 <= s < 2**64 for s in seeds)


@pytest.mark.parametrize("seed", [-1, 1.5, "7", True])
def test_a_bad_seed_is_refused(seed: object) -> None:
    with pytest.raises(InvalidInput, match="seed"):
        assemble_test(profile(ALL[:5]), bank(), seed=seed)  # type: ignore[arg-type]


def test_profile_problems_are_reported() -> None:
    with pytest.raises(InvalidInput, match="unknown competence"):
        assemble_test(PositioningProfile((comp("7.1", 30),)), bank(), seed=1)
    with pytest.raises(InvalidInput, match="skill name"):
        comp("1.1", 30, ["url4"])
    with pytest.raises(InvalidInput, match="between 0 and 64"):
        comp("1.1", 65)
    with pytest.raises(InvalidInput, match="twice"):
        PositioningProfile((comp("1.1", 30), comp("1.1", 20)))


def test_profile_json_round_trip_and_certifiability() -> None:
    prof = PositioningProfile(
        (
            *(comp(c, 8 + i, ["@t01"], {f"x{i}"}) for i, c in enumerate(ALL[:5])),
            comp("5.2", 3),
        )
    )
    assert PositioningProfile.from_dict(prof.to_dict()) == prof
    assert prof.is_certifiable()
    assert [c.competence for c in prof.certifiable_competences()] == ALL[:5]
    assert prof.seen_item_ids == {f"x{i}" for i in range(5)}
    assert prof.get("5.2") is not None and prof.get("5.2").level == 0  # type: ignore[union-attr]
    assert prof.get("4.1") is None
    with pytest.raises(InvalidInput, match="does not match"):
        PositioningProfile.from_dict({"competences": [{"id": "1.1", "pix": 20, "level": 3}]})
    with pytest.raises(InvalidInput, match="missing 'pix'"):
        PositioningProfile.from_dict({"competences": [{"id": "1.1"}]})


# --- properties --------------------------------------------------------------------------------


@st.composite
def cases(draw: st.DrawFn) -> tuple[PositioningProfile, list[Item]]:
    """A random bank (0–3 items per skill) and a random profile over it."""
    tubes = ["@a", "@b", "@c", "@d"]
    items: list[Item] = []
    comps: list[CompetenceProfile] = []
    for c in ALL:
        skills = [f"{t}{lv}" for t in tubes for lv in range(1, 7)]
        for s in skills:
            for n in range(draw(st.integers(0, 3))):
                items.append(item(c, s[:-1], int(s[-1]), n))
        validated = draw(st.lists(st.sampled_from(skills), unique=True, max_size=8))
        pix = draw(st.integers(0, 64))
        seen_pool = [i.id for i in items if i.competence == c]
        seen = draw(st.sets(st.sampled_from(seen_pool))) if seen_pool else set()
        comps.append(comp(c, pix, validated, seen))
    return PositioningProfile(tuple(comps)), items


def _available(prof: PositioningProfile, items: list[Item], c: CompetenceProfile) -> set[str]:
    have = {i.skill for i in items if i.competence == c.competence}
    return {s for s in c.validated_skills if s in have}


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.integers(0, 2**64 - 1))
def test_assembly_invariants(case: tuple[PositioningProfile, list[Item]], seed: int) -> None:
    prof, items = case
    certifiable = [c for c in prof.competences if c.level >= 1]
    if len(certifiable) < 5:
        with pytest.raises(RuleViolation):
            assemble_test(prof, items, seed)
        return
    test = assemble_test(prof, items, seed)
    assert isinstance(test, AssembledTest)
    assert assemble_test(prof, items, seed) == test  # same seed, same test
    assert len(set(test.item_ids)) == len(test.items) <= 48
    tested = {c.competence for c in certifiable}
    assert {i.competence for i in test.items} <= tested  # never a non-certifiable competence
    order = [FW.order(i.competence) for i in test.items]
    assert order == sorted(order)  # competence by competence, framework order
    seen = prof.seen_item_ids
    for c in certifiable:
        picked = test.items_of(c.competence)
        available = _available(prof, items, c)
        assert len(picked) == min(3, len(available))  # 3 whenever the bank allows
        assert {i.skill for i in picked} <= available
        if picked:
            lowest = min(i.level for i in picked)
            assert {s for s in available if int(s[-1]) > lowest} <= {i.skill for i in picked}
        for i in picked:  # a seen item only when its skill has nothing unseen
            if i.id in seen:
                same_skill = [
                    x for x in items if x.competence == c.competence and x.skill == i.skill
                ]
                assert all(x.id in seen for x in same_skill)
    if all(len(_available(prof, items, c)) >= 3 for c in certifiable):
        assert 15 <= len(test.items) == 3 * len(certifiable) <= 48


def test_item_pool_keeps_only_accessible_items_for_candidates_who_need_them() -> None:
    from dataclasses import replace

    from kiosk.core.assembly import item_pool
    from kiosk.core.items import Accessibility, Item, ItemType

    base = Item(id="a", competence="1.1", tube="@t", level=1, type=ItemType.QROC, instruction="?")
    visual = replace(base, id="b", accessibility=Accessibility(screen_reader=False))
    assert [i.id for i in item_pool([base, visual], accessibility_needs=True)] == ["a"]
    assert [i.id for i in item_pool([base, visual], accessibility_needs=False)] == ["a", "b"]
