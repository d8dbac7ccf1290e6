"""Checks an item bank beyond its schema: keys that their own validator accepts, balance, coverage."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.core.errors import SourceError
from kiosk.core.framework import Framework, default_framework
from kiosk.core.itembank import Bank, read_bank
from kiosk.core.items import (
    Answer,
    AnswerKey,
    Item,
    ItemType,
    QcmKey,
    QcuKey,
    QrocKey,
    QrocmDepKey,
    QrocmIndKey,
)
from kiosk.core.validation import AnswerStatus, validate_answer

LEVELS = range(1, 7)  # the levels the demo bank must cover
MIN_PER_LEVEL = 4


@dataclass
class LintReport:
    """What ``lint-bank`` found: errors (file:line) and the bank's balance."""

    bank: Bank
    errors: list[SourceError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the bank has no error."""
        return not self.errors

    def by_competence_level(self) -> dict[str, dict[str, int]]:
        """Item counts per competence, then per level."""
        out: dict[str, dict[str, int]] = {}
        for item in self.bank.items:
            per = out.setdefault(item.competence, {})
            per[str(item.level)] = per.get(str(item.level), 0) + 1
        return {c: dict(sorted(v.items(), key=lambda kv: int(kv[0]))) for c, v in out.items()}

    def by_type(self) -> dict[str, int]:
        """Item counts per type."""
        return dict(sorted(Counter(i.type.value for i in self.bank.items).items()))

    def count(self, predicate: str) -> int:
        """Number of items with a given property: attachment, timed, focus, not_accessible."""
        tests: dict[str, Callable[[Item], bool]] = {
            "attachment": lambda i: i.has_attachment,
            "timed": lambda i: i.timed,
            "focus": lambda i: i.focus,
            "not_accessible": lambda i: not i.accessibility.accessible,
        }
        return sum(1 for i in self.bank.items if tests[predicate](i))

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` document."""
        return {
            "items": len(self.bank.items),
            "errors": [e.message for e in self.errors],
            "by_competence_level": self.by_competence_level(),
            "by_type": self.by_type(),
            "with_attachment": self.count("attachment"),
            "timed": self.count("timed"),
            "focus": self.count("focus"),
            "not_accessible": self.count("not_accessible"),
        }


def _ok(key: AnswerKey, answer: Answer) -> bool:
    return validate_answer(key, answer).status is AnswerStatus.OK


def key_problems(item: Item, key: AnswerKey) -> list[str]:
    """Ways a key contradicts its own validator (an accepted answer refused, a distractor accepted)."""
    problems: list[str] = []
    if isinstance(key, QcuKey):
        if not _ok(key, key.solution):
            problems.append(f"the solution {key.solution} is not accepted")
        problems += [
            f"distractor {p.id} is accepted"
            for p in item.proposals
            if p.id != key.solution and _ok(key, p.id)
        ]
    elif isinstance(key, QcmKey):
        if not _ok(key, sorted(key.solution)):
            problems.append("the solution set is not accepted")
        for p in item.proposals:
            if p.id not in key.solution and _ok(key, sorted(key.solution | {p.id})):
                problems.append(f"distractor {p.id} is accepted with the solution")
    elif isinstance(key, QrocKey):
        problems += [f"accepted answer '{a}' is refused" for a in key.accepted if not _ok(key, a)]
    elif isinstance(key, QrocmIndKey):
        first = {name: acc[0] for name, acc in key.fields if acc}
        for name, accepted in key.fields:
            for variant in accepted:
                if not _ok(key, {**first, name: variant}):
                    problems.append(f"accepted answer '{variant}' of field '{name}' is refused")
    elif isinstance(key, QrocmDepKey):
        names = [f.name for f in item.fields]
        base = {name: key.groups[i][0] for i, name in enumerate(names)}
        if not _ok(key, base):
            problems.append("one accepted answer per field is refused")
        for g, group in enumerate(key.groups):
            for variant in group:
                # a spare group (more groups than fields) takes the last field's place
                trial = {**base, names[min(g, len(names) - 1)]: variant}
                if not _ok(key, trial):
                    problems.append(f"accepted answer '{variant}' (group {g + 1}) is refused")
    return problems


def _balance_errors(bank: Bank, framework: Framework) -> list[SourceError]:
    errors: list[SourceError] = []
    root = str(bank.root)
    for comp in framework.competences:
        items = [i for i in bank.items if i.competence == comp.id]
        if not items:
            errors.append(SourceError(root, None, f"competence {comp.id} has no items"))
            continue
        for level in LEVELS:
            at_level = [i for i in items if i.level == level]
            tubes = {i.tube for i in at_level}
            if len(at_level) < MIN_PER_LEVEL:
                errors.append(
                    SourceError(
                        root,
                        None,
                        f"competence {comp.id} level {level}: {len(at_level)} items, at least {MIN_PER_LEVEL} needed",
                    )
                )
            if len(tubes) < 3:
                errors.append(
                    SourceError(
                        root,
                        None,
                        f"competence {comp.id} level {level}: {len(tubes)} tubes, at least 3 needed for assembly",
                    )
                )
        missing = set(ItemType) - {i.type for i in items}
        if missing:
            names = ", ".join(sorted(t.value for t in missing))
            errors.append(SourceError(root, None, f"competence {comp.id} has no {names} item"))
    return errors


def lint_bank(
    root: Path, framework: Framework | None = None, *, balance: bool = True
) -> LintReport:
    """Lint a bank folder: schema (file:line), keys against their own validator, balance.

    Args:
        root: the bank folder.
        framework: defaults to the shipped framework.
        balance: also require the demo bank's coverage (levels 1–6, ≥ 4 items and ≥ 3 tubes each,
            every type in every competence).
    """
    fw = framework or default_framework()
    bank, errors = read_bank(root, fw)
    report = LintReport(bank=bank, errors=list(errors))
    for item in bank.items:
        where = bank.locations[item.id]
        for problem in key_problems(item, bank.keys[item.id]):
            report.errors.append(SourceError(where.path, where.line, f"{item.id}: {problem}"))
    if balance:
        report.errors += _balance_errors(bank, fw)
    return report


def coverage_markdown(report: LintReport, framework: Framework | None = None) -> str:
    """The coverage table of docs/itembank.md, produced from the bank."""
    fw = framework or default_framework()
    counts = report.by_competence_level()
    levels = sorted({int(lv) for per in counts.values() for lv in per} | set(LEVELS))
    lines = [
        "# Demo item bank — coverage",
        "",
        "Produced by `authority lint-bank resources/itembank --coverage-md docs/itembank.md`; "
        "a test checks it matches the bank.",
        "",
        f"{len(report.bank.items)} items; {report.count('attachment')} with a file to open; "
        f"{report.count('timed')} timed; {report.count('focus')} focus; "
        f"{report.count('not_accessible')} not suited to a screen reader or colour-blind candidates.",
        "",
        "| competence | " + " | ".join(f"L{lv}" for lv in levels) + " | total | tubes | types |",
        "|---|" + "---|" * (len(levels) + 3),
    ]
    for comp in fw.competences:
        per = counts.get(comp.id, {})
        items = [i for i in report.bank.items if i.competence == comp.id]
        types = ", ".join(
            f"{t} {n}" for t, n in sorted(Counter(i.type.value for i in items).items())
        )
        lines.append(
            f"| {comp.id} {comp.label} | "
            + " | ".join(str(per.get(str(lv), 0)) for lv in levels)
            + f" | {len(items)} | {len({i.tube for i in items})} | {types} |"
        )
    lines += ["", "| type | items |", "|---|---|"]
    lines += [f"| {t} | {n} |" for t, n in report.by_type().items()]
    return "\n".join(lines) + "\n"
