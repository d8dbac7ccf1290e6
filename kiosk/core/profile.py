"""The positioning profile a candidate brings to the certification, and who may sit (DOMAIN §2).

Per competence: pix (0–64), the level they give, the skills validated directly, and the items already
seen. A candidate is certifiable with level ≥ 1 in at least 5 of the 16 competences; only those
competences are tested.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.core.errors import InvalidInput
from kiosk.core.framework import PIX_PER_COMPETENCE, Framework, default_framework, level_for_pix
from kiosk.core.items import SKILL_RE

MIN_CERTIFIABLE_COMPETENCES = 5
MIN_CERTIFIABLE_LEVEL = 1


def skill_level(skill: str) -> int:
    """Difficulty of a skill from its name (its final digit): ``@url4`` → 4.

    Raises:
        InvalidInput: not a skill name (``@`` + tube name + level 1–8).
    """
    if not SKILL_RE.match(skill):
        raise InvalidInput(f"'{skill}' is not a skill name (expected e.g. @url4)")
    return int(skill[-1])


@dataclass(frozen=True, slots=True)
class CompetenceProfile:
    """One competence of a positioning profile."""

    competence: str
    pix: int
    validated_skills: tuple[str, ...] = ()
    seen_items: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if isinstance(self.pix, bool) or not isinstance(self.pix, int):
            raise InvalidInput(f"competence {self.competence}: pix must be a whole number")
        if not 0 <= self.pix <= PIX_PER_COMPETENCE:
            raise InvalidInput(
                f"competence {self.competence}: pix must be between 0 and {PIX_PER_COMPETENCE},"
                f" got {self.pix}"
            )
        for skill in self.validated_skills:
            skill_level(skill)

    @property
    def level(self) -> int:
        """Level given by the pix: floor(pix / 8)."""
        return level_for_pix(self.pix)

    @property
    def certifiable(self) -> bool:
        """Whether this competence is tested (level ≥ 1)."""
        return self.level >= MIN_CERTIFIABLE_LEVEL


@dataclass(frozen=True, slots=True)
class PositioningProfile:
    """A candidate's positioning profile: the competences they have worked on."""

    competences: tuple[CompetenceProfile, ...]

    def __post_init__(self) -> None:
        ids = [c.competence for c in self.competences]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise InvalidInput(f"competence {duplicates[0]} appears twice in the profile")

    def get(self, competence_id: str) -> CompetenceProfile | None:
        """The profile of one competence, or None if the candidate has none."""
        for comp in self.competences:
            if comp.competence == competence_id:
                return comp
        return None

    @property
    def seen_item_ids(self) -> frozenset[str]:
        """Every item the candidate has already seen, whatever its competence."""
        return frozenset().union(*(c.seen_items for c in self.competences))

    def certifiable_competences(
        self, framework: Framework | None = None
    ) -> tuple[CompetenceProfile, ...]:
        """The competences with level ≥ 1, in framework order.

        Raises:
            InvalidInput: a competence id that the framework does not know.
        """
        order = {c.id: c.index for c in (framework or default_framework()).competences}
        for comp in self.competences:
            if comp.competence not in order:
                raise InvalidInput(f"unknown competence '{comp.competence}' in the profile")
        kept = [c for c in self.competences if c.certifiable]
        return tuple(sorted(kept, key=lambda c: order[c.competence]))

    def is_certifiable(self, framework: Framework | None = None) -> bool:
        """Whether the candidate may sit: level ≥ 1 in at least 5 competences."""
        return len(self.certifiable_competences(framework)) >= MIN_CERTIFIABLE_COMPETENCES

    def to_dict(self) -> dict[str, Any]:
        """JSON form: ``{"competences": [{"id", "pix", "level", "skills", "seen"}, ...]}``."""
        return {
            "competences": [
                {
                    "id": c.competence,
                    "pix": c.pix,
                    "level": c.level,
                    "skills": list(c.validated_skills),
                    "seen": sorted(c.seen_items),
                }
                for c in self.competences
            ]
        }

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> PositioningProfile:
        """Inverse of ``to_dict`` (``level`` is optional; when present it must match the pix).

        Raises:
            InvalidInput: a missing or ill-typed field, or a level that does not match the pix.
        """
        raw = data.get("competences") if isinstance(data, Mapping) else None
        if not isinstance(raw, list):
            raise InvalidInput("a profile needs a 'competences' list")
        return PositioningProfile(tuple(_competence_from_dict(c) for c in raw))


def _str_list(value: Any, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidInput(f"{what} must be a list of texts")
    return tuple(value)


def _competence_from_dict(data: Any) -> CompetenceProfile:
    if not isinstance(data, Mapping) or not isinstance(data.get("id"), str):
        raise InvalidInput("each profile competence needs an 'id' text")
    comp_id: str = data["id"]
    if "pix" not in data:
        raise InvalidInput(f"profile competence {comp_id}: missing 'pix'")
    profile = CompetenceProfile(
        competence=comp_id,
        pix=data["pix"],
        validated_skills=_str_list(
            data.get("skills", []), f"profile competence {comp_id}: 'skills'"
        ),
        seen_items=frozenset(
            _str_list(data.get("seen", []), f"profile competence {comp_id}: 'seen'")
        ),
    )
    level = data.get("level")
    if level is not None and level != profile.level:
        raise InvalidInput(
            f"profile competence {comp_id}: level {level} does not match {profile.pix} pix"
            f" (level {profile.level})"
        )
    return profile
