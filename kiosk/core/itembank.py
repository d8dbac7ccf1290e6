"""The item bank's YAML source format (``certkiosk/itembank@1``) and its loader.

See docs/formats/itembank.md. Every problem is reported as a ``SourceError`` with file and line;
``read_bank`` collects them all (for linting), ``load_bank`` refuses a bank with any.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.core.errors import InvalidInput, SourceError
from kiosk.core.framework import MAX_LEVEL, Framework, default_framework
from kiosk.core.items import (
    TUBE_RE,
    Accessibility,
    AnswerFormat,
    AnswerKey,
    Attachment,
    Illustration,
    InputField,
    Item,
    ItemType,
    Proposal,
    QcmKey,
    QcuKey,
    QrocKey,
    QrocmDepKey,
    QrocmIndKey,
    key_from_dict,
)
from kiosk.core.yamlsource import LinedDict, LinedList, load_yaml_file

BANK_FORMAT = "certkiosk/itembank@1"
ITEM_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$")
FIELD_NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,39}$")
ATTACHMENT_EXTENSIONS = frozenset(
    {".csv", ".xlsx", ".ods", ".pdf", ".png", ".jpg", ".jpeg", ".txt", ".html", ".htm", ".zip"}
)
IMAGE_EXTENSIONS = frozenset({".png", ".jpg", ".jpeg", ".svg"})
DEFAULT_QROC_LABEL = "Réponse"

_ITEM_KEYS = frozenset(
    {
        "id", "tube", "level", "type", "lang", "instruction", "proposals", "answer", "field",
        "fields", "illustration", "attachments", "timer", "focus", "embed", "accessibility",
    }
)  # fmt: skip
_ANSWER_KEYS = frozenset({"solution", "format", "disabled", "grading"})


@dataclass(frozen=True, slots=True)
class SourceLocation:
    """Where an item was defined."""

    path: str
    line: int


@dataclass(frozen=True)
class Bank:
    """A loaded item bank: items (no solutions), their keys, and where media live."""

    items: tuple[Item, ...]
    keys: dict[str, AnswerKey]
    root: Path
    locations: dict[str, SourceLocation] = field(default_factory=dict)

    def media_files(self) -> list[str]:
        """Relative paths of every illustration and attachment, sorted, without duplicates."""
        files: set[str] = set()
        for item in self.items:
            if item.illustration:
                files.add(item.illustration.file)
            files.update(a.file for a in item.attachments)
        return sorted(files)


class _Collector:
    """Accumulates errors for one file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.errors: list[SourceError] = []

    def add(self, line: int | None, detail: str) -> None:
        self.errors.append(SourceError(self.path, line, detail))


def _line(value: Any, fallback: int) -> int:
    return int(getattr(value, "line", fallback))


def _text(value: Any) -> str | None:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _parse_fields(raw: Any, err: _Collector, line: int) -> tuple[InputField, ...] | None:
    if not isinstance(raw, LinedList) or not raw:
        err.add(line, "'fields' must be a non-empty list of {name, label}")
        return None
    fields: list[InputField] = []
    for entry in raw:
        if not isinstance(entry, LinedDict) or "name" not in entry or "label" not in entry:
            err.add(_line(entry, line), "each field needs 'name' and 'label'")
            return None
        name = str(entry["name"])
        if not FIELD_NAME_RE.match(name):
            err.add(entry.line_of("name"), f"invalid field name '{name}'")
            return None
        fields.append(
            InputField(
                name=name,
                label=str(entry["label"]),
                placeholder=str(entry.get("placeholder", "")),
                numeric=bool(entry.get("numeric", False)),
            )
        )
    names = [f.name for f in fields]
    if len(set(names)) != len(names):
        err.add(line, "field names must be unique")
        return None
    return tuple(fields)


def _check_key(
    item_type: ItemType,
    key: AnswerKey,
    item: LinedDict,
    n_props: int,
    fields: tuple[InputField, ...],
    err: _Collector,
) -> None:
    """Cross-checks between the key and the item's proposals or fields."""
    line = item.line_of("answer")

    def in_range(pid: str) -> bool:
        return pid.isdigit() and 1 <= int(pid) <= n_props

    if isinstance(key, QcuKey) and not in_range(key.solution):
        err.add(line, f"QCU solution {key.solution} is not a proposal number 1..{n_props}")
    elif isinstance(key, QcmKey):
        if not key.solution or not all(in_range(p) for p in key.solution):
            err.add(line, f"QCM solution must list proposal numbers 1..{n_props}")
    elif isinstance(key, QrocKey):
        if not key.accepted:
            err.add(line, "QROC needs at least one accepted answer")
    elif isinstance(key, QrocmIndKey):
        names = {f.name for f in fields}
        given = {n for n, _ in key.fields}
        if names != given:
            err.add(
                line,
                f"QROCM-ind solution fields {sorted(given)} differ from fields {sorted(names)}",
            )
        for name, accepted in key.fields:
            if not accepted:
                err.add(line, f"field '{name}' has no accepted answer")
    elif isinstance(key, QrocmDepKey):
        if len(key.groups) < len(fields):
            err.add(
                line,
                f"QROCM-dep needs at least as many groups ({len(key.groups)}) as fields ({len(fields)})",
            )
        if any(not g for g in key.groups):
            err.add(line, "QROCM-dep has an empty group")
        if key.grading is not None and key.grading.max > len(fields):
            err.add(line, "QROCM-dep grading max exceeds the number of fields")


def _parse_item(raw: Any, competence: str, root: Path, err: _Collector, fallback_line: int
                ) -> tuple[Item, AnswerKey, int] | None:  # fmt: skip
    if not isinstance(raw, LinedDict):
        err.add(fallback_line, "an item must be a mapping")
        return None
    line = raw.line
    before = len(err.errors)
    for name in raw:
        if name not in _ITEM_KEYS:
            err.add(raw.line_of(name), f"unknown item field '{name}'")
    for name in ("id", "tube", "level", "type", "instruction", "answer"):
        if name not in raw:
            err.add(line, f"item is missing '{name}'")
    if len(err.errors) > before:
        return None
    item_id = str(raw["id"])
    if not ITEM_ID_RE.match(item_id):
        err.add(raw.line_of("id"), f"invalid item id '{item_id}'")
    tube = str(raw["tube"])
    if not TUBE_RE.match(tube):
        err.add(raw.line_of("tube"), f"invalid tube '{tube}' (expected '@' then letters/digits)")
    level = raw["level"]
    if not isinstance(level, int) or isinstance(level, bool) or not 1 <= level <= MAX_LEVEL:
        err.add(raw.line_of("level"), f"level must be an integer 1..{MAX_LEVEL}")
        level = 1
    try:
        item_type = ItemType(str(raw["type"]))
    except ValueError:
        err.add(
            raw.line_of("type"),
            f"unknown type '{raw['type']}' (QCU, QCM, QROC, QROCM-ind, QROCM-dep)",
        )
        return None
    instruction = _text(raw["instruction"])
    if not instruction or not instruction.strip():
        err.add(raw.line_of("instruction"), "instruction must be non-empty text")
        instruction = ""

    proposals: tuple[Proposal, ...] = ()
    fields: tuple[InputField, ...] = ()
    if item_type in (ItemType.QCU, ItemType.QCM):
        props = raw.get("proposals")
        minimum = 2 if item_type is ItemType.QCU else 3
        if (
            not isinstance(props, LinedList)
            or len(props) < minimum
            or any(_text(p) is None for p in props)
        ):
            err.add(
                raw.line_of("proposals"),
                f"{item_type} needs 'proposals': a list of at least {minimum} texts",
            )
        else:
            proposals = tuple(Proposal(id=str(i + 1), text=str(p)) for i, p in enumerate(props))
            if len({p.text.strip() for p in proposals}) != len(proposals):
                err.add(raw.line_of("proposals"), "two proposals are identical")
    elif "proposals" in raw:
        err.add(raw.line_of("proposals"), f"{item_type} items have no proposals")
    if item_type is ItemType.QROC:
        f = raw.get("field")
        if f is None:
            fields = (InputField(name="answer", label=DEFAULT_QROC_LABEL),)
        elif isinstance(f, LinedDict):
            fields = (
                InputField(
                    name="answer",
                    label=str(f.get("label", DEFAULT_QROC_LABEL)),
                    placeholder=str(f.get("placeholder", "")),
                    numeric=bool(f.get("numeric", False)),
                ),
            )
        else:
            err.add(raw.line_of("field"), "'field' must be {label, placeholder, numeric}")
    elif item_type in (ItemType.QROCM_IND, ItemType.QROCM_DEP):
        parsed = _parse_fields(raw.get("fields"), err, raw.line_of("fields"))
        if parsed is not None:
            if len(parsed) < 2:
                err.add(raw.line_of("fields"), f"{item_type} needs at least 2 fields")
            fields = parsed

    answer = raw["answer"]
    key: AnswerKey | None = None
    if not isinstance(answer, LinedDict):
        err.add(raw.line_of("answer"), "'answer' must be a mapping with 'solution'")
    else:
        for k in answer:
            if k not in _ANSWER_KEYS:
                err.add(answer.line_of(k), f"unknown answer field '{k}'")
        try:
            key = key_from_dict(item_type, dict(answer))
        except KeyError as exc:
            err.add(answer.line, f"answer is missing {exc}")
        except (TypeError, ValueError) as exc:
            err.add(answer.line, f"invalid answer: {exc}")
        if key is not None:
            if item_type is ItemType.QROC and numeric_key(key):
                fields = tuple(
                    InputField(f.name, f.label, f.placeholder, numeric=True) for f in fields
                )
            _check_key(item_type, key, raw, len(proposals), fields, err)

    illustration = None
    ill = raw.get("illustration")
    if ill is not None:
        if not isinstance(ill, LinedDict) or "file" not in ill:
            err.add(raw.line_of("illustration"), "'illustration' needs 'file' and 'alt'")
        else:
            alt = _text(ill.get("alt"))
            if not alt or not alt.strip():
                err.add(ill.line, "illustration has no alt text")
            _check_media(str(ill["file"]), root, IMAGE_EXTENSIONS, err, ill.line)
            illustration = Illustration(file=str(ill["file"]), alt=alt or "")
    attachments: list[Attachment] = []
    atts = raw.get("attachments")
    if atts is not None:
        if not isinstance(atts, LinedList):
            err.add(raw.line_of("attachments"), "'attachments' must be a list")
        else:
            for a in atts:
                if not isinstance(a, LinedDict) or "file" not in a:
                    err.add(_line(a, raw.line_of("attachments")), "each attachment needs 'file'")
                    continue
                _check_media(str(a["file"]), root, ATTACHMENT_EXTENSIONS, err, a.line)
                attachments.append(Attachment(file=str(a["file"]), title=str(a.get("title", ""))))
    timer = raw.get("timer")
    if timer is not None and (not isinstance(timer, int) or isinstance(timer, bool) or timer <= 0):
        err.add(raw.line_of("timer"), "timer must be a positive number of seconds")
        timer = None
    acc = raw.get("accessibility") or {}
    if not isinstance(acc, dict):
        err.add(raw.line_of("accessibility"), "'accessibility' must be a mapping")
        acc = {}
    if len(err.errors) > before:
        return None
    assert key is not None
    item = Item(
        id=item_id,
        competence=competence,
        tube=tube,
        level=int(level),
        type=item_type,
        instruction=instruction.strip(),
        lang=str(raw.get("lang", "fr")),
        proposals=proposals,
        fields=fields,
        illustration=illustration,
        attachments=tuple(attachments),
        timer_seconds=timer,
        focus=bool(raw.get("focus", False)),
        embed=bool(raw.get("embed", False)),
        accessibility=Accessibility(
            screen_reader=bool(acc.get("screen_reader", True)),
            color_blind=bool(acc.get("color_blind", True)),
        ),
    )
    return item, key, line


def numeric_key(key: AnswerKey) -> bool:
    """Whether a key compares answers as numbers (a QROC with format: number)."""
    return isinstance(key, QrocKey) and key.format is AnswerFormat.NUMBER


def _check_media(rel: str, root: Path, allowed: frozenset[str], err: _Collector, line: int) -> None:
    path = Path(rel)
    if path.is_absolute() or ".." in path.parts:
        err.add(line, f"media path must stay inside the bank: '{rel}'")
        return
    if path.suffix.lower() not in allowed:
        err.add(line, f"unsupported file type '{path.suffix}' for '{rel}'")
    if not (root / path).is_file():
        err.add(line, f"missing file '{rel}'")


def read_bank_file(path: Path, root: Path, framework: Framework,
                   ) -> tuple[list[tuple[Item, AnswerKey, int]], list[SourceError]]:  # fmt: skip
    """Parse one competence file; returns its items (with lines) and every error found."""
    err = _Collector(str(path))
    try:
        data = load_yaml_file(path)
    except SourceError as exc:
        return [], [exc]
    if not isinstance(data, LinedDict) or data.get("format") != BANK_FORMAT:
        err.add(1, f"not an item bank file (expected 'format: {BANK_FORMAT}')")
        return [], err.errors
    competence = str(data.get("competence", ""))
    if not framework.has(competence):
        err.add(data.line_of("competence"), f"unknown competence '{competence}'")
        return [], err.errors
    raw_items = data.get("items")
    if not isinstance(raw_items, LinedList):
        err.add(data.line_of("items"), "'items' must be a list")
        return [], err.errors
    parsed = []
    for raw, line in zip(raw_items, raw_items.item_lines, strict=True):
        result = _parse_item(raw, competence, root, err, line)
        if result is not None:
            parsed.append(result)
    return parsed, err.errors


def read_bank(root: Path, framework: Framework | None = None) -> tuple[Bank, list[SourceError]]:
    """Read every ``*.yaml`` of a bank folder, collecting all errors (for ``lint-bank``)."""
    fw = framework or default_framework()
    if not root.is_dir():
        raise InvalidInput(f"{root}: not an item bank folder")
    items: list[Item] = []
    keys: dict[str, AnswerKey] = {}
    locations: dict[str, SourceLocation] = {}
    errors: list[SourceError] = []
    files = sorted(root.glob("*.yaml"), key=lambda p: _competence_sort(p.stem))
    if not files:
        errors.append(SourceError(str(root), None, "no item bank files (*.yaml)"))
    for path in files:
        parsed, file_errors = read_bank_file(path, root, fw)
        errors.extend(file_errors)
        for item, key, line in parsed:
            if item.id in keys:
                first = locations[item.id]
                errors.append(
                    SourceError(
                        str(path),
                        line,
                        f"duplicate item id '{item.id}' (first at {first.path}:{first.line})",
                    )
                )
                continue
            items.append(item)
            keys[item.id] = key
            locations[item.id] = SourceLocation(str(path), line)
    return Bank(items=tuple(items), keys=keys, root=root, locations=locations), errors


def _competence_sort(stem: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in stem.split("."))
    except ValueError:
        return (1 << 30,)


def load_bank(root: Path, framework: Framework | None = None) -> Bank:
    """Load a bank folder, refusing it when any error is found.

    Raises:
        SourceError: the first error (file:line); ``InvalidInput`` when the folder is missing.
    """
    bank, errors = read_bank(root, framework)
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        first = errors[0]
        raise SourceError(first.path, first.line, first.detail + more)
    return bank


def _main(argv: list[str], out: Callable[[str], None] = print) -> int:
    root = Path(argv[0]) if argv else Path("resources/itembank")
    try:
        bank, errors = read_bank(root)
    except InvalidInput as exc:
        out(exc.message)
        return 2
    for error in errors:
        out(error.message)
    out(f"{len(bank.items)} items, {len(errors)} errors")
    return 0 if not errors else 1


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
