"""The digital-competence framework: domains, competences, levels and the pix scale (DOMAIN §1)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kiosk.core.errors import SourceError
from kiosk.core.yamlsource import LinedDict, load_yaml_file
from kiosk.resources import resource_path

FRAMEWORK_FORMAT = "certkiosk/framework@1"
PIX_PER_LEVEL = 8
MAX_LEVEL = 8
PIX_PER_COMPETENCE = PIX_PER_LEVEL * MAX_LEVEL  # 64
DEFAULT_MAX_REACHABLE_LEVEL = 5


def level_for_pix(pix: int) -> int:
    """Level reached with ``pix`` pix in one competence: floor(pix / 8), capped at 8.

    Raises:
        ValueError: negative pix or more than 64.
    """
    if pix < 0 or pix > PIX_PER_COMPETENCE:
        raise ValueError(f"pix out of range 0..{PIX_PER_COMPETENCE}: {pix}")
    return pix // PIX_PER_LEVEL


def max_pix_for_level(level: int) -> int:
    """Pix cap for a maximum reachable level (8 per level)."""
    return PIX_PER_LEVEL * level


@dataclass(frozen=True, slots=True)
class Competence:
    """One of the 16 competences, e.g. ``1.1``."""

    id: str
    label: str
    label_en: str
    domain_id: str
    themes: tuple[str, ...]
    index: int  # position in framework order, 0-based


@dataclass(frozen=True, slots=True)
class Domain:
    """One of the 5 domains and its competences in framework order."""

    id: str
    label: str
    label_en: str
    competences: tuple[Competence, ...]


@dataclass(frozen=True, slots=True)
class LevelName:
    """Name of a band of levels (novice, independent, advanced, expert)."""

    levels: tuple[int, ...]
    fr: str
    en: str


@dataclass(frozen=True, slots=True)
class Framework:
    """The whole framework, with lookup by competence id."""

    domains: tuple[Domain, ...]
    level_names: tuple[LevelName, ...]
    default_max_reachable_level: int

    @property
    def competences(self) -> tuple[Competence, ...]:
        """All competences in framework order."""
        return tuple(c for d in self.domains for c in d.competences)

    def competence(self, competence_id: str) -> Competence:
        """The competence with this id.

        Raises:
            KeyError: unknown id.
        """
        for comp in self.competences:
            if comp.id == competence_id:
                return comp
        raise KeyError(competence_id)

    def has(self, competence_id: str) -> bool:
        """Whether ``competence_id`` names a competence of the framework."""
        return any(c.id == competence_id for c in self.competences)

    def order(self, competence_id: str) -> int:
        """Framework position of a competence (for sorting)."""
        return self.competence(competence_id).index

    def level_name(self, level: int, lang: str = "fr") -> str:
        """Name of the band containing ``level``; empty for level 0."""
        for band in self.level_names:
            if level in band.levels:
                return band.fr if lang == "fr" else band.en
        return ""


def _require(mapping: LinedDict, key: str, path: str) -> Any:
    if key not in mapping:
        raise SourceError(path, mapping.line, f"missing '{key}'")
    return mapping[key]


def parse_framework(data: Any, path: str) -> Framework:
    """Build a ``Framework`` from parsed YAML.

    Raises:
        SourceError: wrong format tag, missing field, or not 5 domains / 16 competences.
    """
    if not isinstance(data, LinedDict) or data.get("format") != FRAMEWORK_FORMAT:
        raise SourceError(path, 1, f"not a framework file (expected format {FRAMEWORK_FORMAT})")
    domains: list[Domain] = []
    index = 0
    for d in _require(data, "domains", path):
        comps: list[Competence] = []
        for c in _require(d, "competences", path):
            comps.append(
                Competence(
                    id=str(_require(c, "id", path)),
                    label=str(_require(c, "label", path)),
                    label_en=str(c.get("label_en", c["label"])),
                    domain_id=str(d["id"]),
                    themes=tuple(str(t) for t in _require(c, "themes", path)),
                    index=index,
                )
            )
            index += 1
        domains.append(
            Domain(
                id=str(_require(d, "id", path)),
                label=str(_require(d, "label", path)),
                label_en=str(d.get("label_en", d["label"])),
                competences=tuple(comps),
            )
        )
    if len(domains) != 5 or index != 16:
        raise SourceError(
            path,
            data.line,
            f"expected 5 domains and 16 competences, got {len(domains)} and {index}",
        )
    names = tuple(
        LevelName(levels=tuple(int(x) for x in n["levels"]), fr=str(n["fr"]), en=str(n["en"]))
        for n in _require(data, "level_names", path)
    )
    scale = _require(data, "scale", path)
    return Framework(
        domains=tuple(domains),
        level_names=names,
        default_max_reachable_level=int(
            scale.get("default_max_reachable_level", DEFAULT_MAX_REACHABLE_LEVEL)
        ),
    )


def load_framework(path: Path) -> Framework:
    """Load a framework YAML file.

    Raises:
        SourceError: unreadable or invalid file.
    """
    return parse_framework(load_yaml_file(path), str(path))


@cache
def default_framework() -> Framework:
    """The framework shipped in ``resources/framework/framework.yaml`` (read once)."""
    return load_framework(resource_path("framework", "framework.yaml"))
