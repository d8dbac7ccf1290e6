"""Items (challenges) as delivered to a centre, and their answer keys kept apart (DOMAIN §4).

An ``Item`` holds everything a kiosk needs to show a challenge; it never holds the solution.
An ``AnswerKey`` holds the solution and its tolerances; keys stay at the certification body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class ItemType(StrEnum):
    """The five challenge types."""

    QCU = "QCU"
    QCM = "QCM"
    QROC = "QROC"
    QROCM_IND = "QROCM-ind"
    QROCM_DEP = "QROCM-dep"


class Tolerance(StrEnum):
    """Answer tolerances, all enabled unless an item disables one."""

    T1 = "t1"
    T2 = "t2"
    T3 = "t3"


class AnswerFormat(StrEnum):
    """How a QROC answer is compared."""

    TEXT = "text"
    NUMBER = "number"


SKILL_RE = re.compile(r"^@[A-Za-z][A-Za-z0-9_]*[1-8]$")
TUBE_RE = re.compile(r"^@[A-Za-z][A-Za-z0-9_]*$")


def skill_name(tube: str, level: int) -> str:
    """Skill name = tube + level, e.g. ``@url`` + 4 → ``@url4``."""
    return f"{tube}{level}"


@dataclass(frozen=True, slots=True)
class Proposal:
    """One choice of a QCU/QCM; ``id`` is its 1-based position as a string ("1", "2", ...)."""

    id: str
    text: str


@dataclass(frozen=True, slots=True)
class InputField:
    """One input of a QROC/QROCM: ``name`` is the answer key, ``label`` what the candidate reads."""

    name: str
    label: str
    placeholder: str = ""
    numeric: bool = False


@dataclass(frozen=True, slots=True)
class Illustration:
    """An image shown with the instruction; ``alt`` is mandatory."""

    file: str
    alt: str


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file the candidate opens inside the kiosk to answer (CSV, XLSX, ODS, PDF, image, text, HTML)."""

    file: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class Accessibility:
    """Accessibility flags of an item (usable with a screen reader / by colour-blind candidates)."""

    screen_reader: bool = True
    color_blind: bool = True

    @property
    def accessible(self) -> bool:
        """Whether the item suits candidates with accessibility needs."""
        return self.screen_reader and self.color_blind


@dataclass(frozen=True, slots=True)
class Item:
    """A challenge as a kiosk shows it. No solution inside."""

    id: str
    competence: str
    tube: str
    level: int
    type: ItemType
    instruction: str
    lang: str = "fr"
    proposals: tuple[Proposal, ...] = ()
    fields: tuple[InputField, ...] = ()
    illustration: Illustration | None = None
    attachments: tuple[Attachment, ...] = ()
    timer_seconds: int | None = None
    focus: bool = False
    accessibility: Accessibility = field(default_factory=Accessibility)
    embed: bool = False  # an embedded simulator/application (incident E2 applies)

    @property
    def skill(self) -> str:
        """Skill name (tube + level)."""
        return skill_name(self.tube, self.level)

    @property
    def timed(self) -> bool:
        """Whether the item has its own timer."""
        return self.timer_seconds is not None

    @property
    def has_image(self) -> bool:
        """Whether an illustration is shown (incident E1 applies)."""
        return self.illustration is not None

    @property
    def has_attachment(self) -> bool:
        """Whether the candidate must open a file (incident E3 applies)."""
        return bool(self.attachments)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able form (used inside content packs)."""
        out: dict[str, Any] = {
            "id": self.id,
            "competence": self.competence,
            "tube": self.tube,
            "level": self.level,
            "type": self.type.value,
            "instruction": self.instruction,
            "lang": self.lang,
        }
        if self.proposals:
            out["proposals"] = [p.text for p in self.proposals]
        if self.fields:
            out["fields"] = [
                {
                    "name": f.name,
                    "label": f.label,
                    "placeholder": f.placeholder,
                    "numeric": f.numeric,
                }
                for f in self.fields
            ]
        if self.illustration:
            out["illustration"] = {"file": self.illustration.file, "alt": self.illustration.alt}
        if self.attachments:
            out["attachments"] = [{"file": a.file, "title": a.title} for a in self.attachments]
        if self.timer_seconds is not None:
            out["timer"] = self.timer_seconds
        if self.focus:
            out["focus"] = True
        if self.embed:
            out["embed"] = True
        out["accessibility"] = {
            "screen_reader": self.accessibility.screen_reader,
            "color_blind": self.accessibility.color_blind,
        }
        return out

    @staticmethod
    def from_dict(data: dict[str, Any]) -> Item:
        """Inverse of ``to_dict``.

        Raises:
            KeyError, ValueError, TypeError: malformed data (callers wrap these).
        """
        acc = data.get("accessibility") or {}
        ill = data.get("illustration")
        return Item(
            id=str(data["id"]),
            competence=str(data["competence"]),
            tube=str(data["tube"]),
            level=int(data["level"]),
            type=ItemType(data["type"]),
            instruction=str(data["instruction"]),
            lang=str(data.get("lang", "fr")),
            proposals=tuple(
                Proposal(id=str(i + 1), text=str(t))
                for i, t in enumerate(data.get("proposals", []))
            ),
            fields=tuple(
                InputField(
                    name=str(f["name"]),
                    label=str(f.get("label", "")),
                    placeholder=str(f.get("placeholder", "")),
                    numeric=bool(f.get("numeric", False)),
                )
                for f in data.get("fields", [])
            ),
            illustration=Illustration(file=str(ill["file"]), alt=str(ill["alt"])) if ill else None,
            attachments=tuple(
                Attachment(file=str(a["file"]), title=str(a.get("title", "")))
                for a in data.get("attachments", [])
            ),
            timer_seconds=int(data["timer"]) if data.get("timer") is not None else None,
            focus=bool(data.get("focus", False)),
            embed=bool(data.get("embed", False)),
            accessibility=Accessibility(
                screen_reader=bool(acc.get("screen_reader", True)),
                color_blind=bool(acc.get("color_blind", True)),
            ),
        )


@dataclass(frozen=True, slots=True)
class Grading:
    """QROCM-dep grading: matched ≥ max → ok, ≥ min → partially, else ko."""

    min: int
    max: int


@dataclass(frozen=True, slots=True)
class QcuKey:
    """QCU key: the id of the one correct proposal."""

    solution: str
    type: ItemType = ItemType.QCU


@dataclass(frozen=True, slots=True)
class QcmKey:
    """QCM key: the set of correct proposal ids."""

    solution: frozenset[str]
    type: ItemType = ItemType.QCM


@dataclass(frozen=True, slots=True)
class QrocKey:
    """QROC key: accepted answers, format, and disabled tolerances."""

    accepted: tuple[str, ...]
    format: AnswerFormat = AnswerFormat.TEXT
    disabled: frozenset[Tolerance] = frozenset()
    type: ItemType = ItemType.QROC


@dataclass(frozen=True, slots=True)
class QrocmIndKey:
    """QROCM-ind key: accepted answers per field name."""

    fields: tuple[tuple[str, tuple[str, ...]], ...]
    disabled: frozenset[Tolerance] = frozenset()
    type: ItemType = ItemType.QROCM_IND

    def accepted_for(self, name: str) -> tuple[str, ...]:
        """Accepted answers of one field (empty if unknown)."""
        return dict(self.fields).get(name, ())


@dataclass(frozen=True, slots=True)
class QrocmDepKey:
    """QROCM-dep key: groups of interchangeable accepted answers, optional grading."""

    groups: tuple[tuple[str, ...], ...]
    disabled: frozenset[Tolerance] = frozenset()
    grading: Grading | None = None
    type: ItemType = ItemType.QROCM_DEP


AnswerKey = QcuKey | QcmKey | QrocKey | QrocmIndKey | QrocmDepKey

# What a candidate's answer looks like, by type: QCU "2"; QCM ["1", "3"]; QROC "text";
# QROCM-ind / QROCM-dep {"field name": "text", ...}.
Answer = str | list[str] | dict[str, str]


def key_to_dict(key: AnswerKey) -> dict[str, Any]:
    """JSON-able form of a key (the score-input / scoring-keys representation)."""
    if isinstance(key, QcuKey):
        return {"solution": key.solution}
    if isinstance(key, QcmKey):
        return {"solution": sorted(key.solution, key=_id_sort)}
    if isinstance(key, QrocKey):
        return {
            "solution": list(key.accepted),
            "format": key.format.value,
            "disabled": sorted(t.value for t in key.disabled),
        }
    if isinstance(key, QrocmIndKey):
        return {
            "solution": {name: list(acc) for name, acc in key.fields},
            "disabled": sorted(t.value for t in key.disabled),
        }
    out: dict[str, Any] = {
        "solution": [list(g) for g in key.groups],
        "disabled": sorted(t.value for t in key.disabled),
    }
    if key.grading is not None:
        out["grading"] = {"min": key.grading.min, "max": key.grading.max}
    return out


def _id_sort(value: str) -> tuple[int, str]:
    return (int(value), value) if value.isdigit() else (1 << 30, value)


def _tolerances(data: dict[str, Any]) -> frozenset[Tolerance]:
    raw = data.get("disabled", []) or []
    if not isinstance(raw, list):
        raise TypeError("'disabled' must be a list of t1/t2/t3")
    return frozenset(Tolerance(str(t).lower()) for t in raw)


def _str_list(value: Any, what: str) -> tuple[str, ...]:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return (str(value),)
    if not isinstance(value, list) or not all(
        isinstance(v, str | int | float) and not isinstance(v, bool) for v in value
    ):
        raise TypeError(f"{what} must be a list of strings")
    return tuple(str(v) for v in value)


def key_from_dict(item_type: ItemType, data: dict[str, Any]) -> AnswerKey:
    """Parse a key in its JSON form for a given item type.

    Raises:
        KeyError: missing 'solution'. TypeError/ValueError: wrong shapes or unknown tolerance.
    """
    if not isinstance(data, dict):
        raise TypeError("key must be an object")
    sol = data["solution"]
    if item_type is ItemType.QCU:
        if isinstance(sol, list | dict | bool):
            raise TypeError("QCU solution must be one proposal id")
        return QcuKey(solution=str(sol))
    if item_type is ItemType.QCM:
        return QcmKey(solution=frozenset(_str_list(sol, "QCM solution")))
    if item_type is ItemType.QROC:
        return QrocKey(
            accepted=_str_list(sol, "QROC solution"),
            format=AnswerFormat(str(data.get("format", "text"))),
            disabled=_tolerances(data),
        )
    if item_type is ItemType.QROCM_IND:
        if not isinstance(sol, dict):
            raise TypeError("QROCM-ind solution must map field names to accepted answers")
        return QrocmIndKey(
            fields=tuple((str(k), _str_list(v, f"field '{k}'")) for k, v in sol.items()),
            disabled=_tolerances(data),
        )
    if not isinstance(sol, list) or not sol:
        raise TypeError("QROCM-dep solution must be a non-empty list of groups")
    grading_raw = data.get("grading")
    grading = None
    if grading_raw is not None:
        if not isinstance(grading_raw, dict):
            raise TypeError("grading must be {min, max}")
        grading = Grading(min=int(grading_raw["min"]), max=int(grading_raw["max"]))
        if not 0 <= grading.min <= grading.max:
            raise ValueError("grading needs 0 <= min <= max")
    return QrocmDepKey(
        groups=tuple(_str_list(g, "QROCM-dep group") for g in sol),
        disabled=_tolerances(data),
        grading=grading,
    )
