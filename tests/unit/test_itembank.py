"""The item bank source format and its loader: every mistake is reported with file and line."""

from __future__ import annotations

import re
from pathlib import Path
from textwrap import dedent

import pytest

from kiosk.core.errors import SourceError
from kiosk.core.itembank import load_bank, read_bank
from kiosk.core.items import (
    AnswerFormat,
    Item,
    ItemType,
    QcmKey,
    QcuKey,
    QrocKey,
    QrocmDepKey,
    QrocmIndKey,
    Tolerance,
)

GOOD = """\
format: certkiosk/itembank@1
competence: "1.1"
items:
  - id: "1.1-op-2-a"
    tube: "@op"
    level: 2
    type: QCU
    instruction: Quelle requête cherche l'expression exacte ?
    proposals: [energie solaire, '"énergie solaire"', energie OR solaire]
    answer: {solution: 2}
    illustration: {file: media/shot.png, alt: "Une page de résultats"}
  - id: "1.1-op-3-a"
    tube: "@op"
    level: 3
    type: QCM
    instruction: Lesquels sont des moteurs de recherche ?
    proposals: [Qwant, Excel, Ecosia, Word]
    answer: {solution: [1, 3]}
    timer: 60
    focus: true
  - id: "1.1-src-3-a"
    tube: "@src"
    level: 3
    type: QROC
    instruction: Combien de lignes ?
    answer: {solution: ["12"], format: number}
    attachments: [{file: media/data.csv, title: "Données"}]
  - id: "1.1-src-4-a"
    tube: "@src"
    level: 4
    type: QROCM-ind
    instruction: Auteur et date ?
    fields: [{name: auteur, label: Auteur}, {name: annee, label: Année}]
    answer: {solution: {auteur: [Dupont], annee: ["2021"]}, disabled: [t3]}
    accessibility: {screen_reader: false}
  - id: "1.1-src-5-a"
    tube: "@src"
    level: 5
    type: QROCM-dep
    instruction: Citez deux navigateurs.
    fields: [{name: n1, label: Navigateur 1}, {name: n2, label: Navigateur 2}]
    answer: {solution: [[Firefox], [Chrome, Google Chrome], [Edge]], grading: {min: 1, max: 2}}
"""


def _bank(tmp_path: Path, text: str, name: str = "1.1.yaml") -> Path:
    (tmp_path / "media").mkdir(exist_ok=True)
    (tmp_path / "media" / "shot.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "media" / "data.csv").write_text("a;b\n1;2\n", encoding="utf-8")
    (tmp_path / name).write_text(dedent(text), encoding="utf-8")
    return tmp_path


def test_loads_every_type_with_separate_keys(tmp_path: Path) -> None:
    bank = load_bank(_bank(tmp_path, GOOD))
    by_id = {i.id: i for i in bank.items}
    assert [i.type for i in bank.items] == [
        ItemType.QCU, ItemType.QCM, ItemType.QROC, ItemType.QROCM_IND, ItemType.QROCM_DEP
    ]  # fmt: skip
    qcu = by_id["1.1-op-2-a"]
    assert qcu.skill == "@op2" and qcu.competence == "1.1"
    assert [p.id for p in qcu.proposals] == ["1", "2", "3"]
    assert qcu.illustration is not None and qcu.illustration.alt == "Une page de résultats"
    assert bank.keys["1.1-op-2-a"] == QcuKey(solution="2")
    assert bank.keys["1.1-op-3-a"] == QcmKey(solution=frozenset({"1", "3"}))
    assert by_id["1.1-op-3-a"].timer_seconds == 60 and by_id["1.1-op-3-a"].focus
    qroc = bank.keys["1.1-src-3-a"]
    assert isinstance(qroc, QrocKey) and qroc.format is AnswerFormat.NUMBER
    assert by_id["1.1-src-3-a"].fields[0].numeric  # number items hint a numeric keyboard
    ind = bank.keys["1.1-src-4-a"]
    assert isinstance(ind, QrocmIndKey) and ind.disabled == frozenset({Tolerance.T3})
    assert not by_id["1.1-src-4-a"].accessibility.accessible
    dep = bank.keys["1.1-src-5-a"]
    assert isinstance(dep, QrocmDepKey) and dep.grading is not None and dep.grading.max == 2
    assert bank.media_files() == ["media/data.csv", "media/shot.png"]
    assert bank.locations["1.1-src-3-a"].line == 21


def test_items_carry_no_solution_and_round_trip(tmp_path: Path) -> None:
    bank = load_bank(_bank(tmp_path, GOOD))
    for item in bank.items:
        data = item.to_dict()
        assert "answer" not in data and "solution" not in str(data)
        assert Item.from_dict(data) == item


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "answer: {solution: 2}",
            "answer: {solution: 4}",
            r"1\.1\.yaml:10: QCU solution 4 is not a proposal",
        ),
        ("    type: QCU\n", "    type: QCX\n", r":7: unknown type 'QCX'"),
        ('alt: "Une page de résultats"', 'alt: ""', r":11: illustration has no alt text"),
        ("media/data.csv", "media/absent.csv", r":27: missing file 'media/absent.csv'"),
        ("    timer: 60\n", "    timer: -5\n", r":19: timer must be a positive"),
        ("    level: 5\n", "    level: 9\n", r":38: level must be an integer 1\.\.8"),
        ('tube: "@op"\n    level: 2', 'tube: "op"\n    level: 2', r":5: invalid tube 'op'"),
        (
            '{solution: {auteur: [Dupont], annee: ["2021"]}',
            "{solution: {auteur: [Dupont]}",
            r"solution fields \['auteur'\] differ",
        ),
        (
            "[[Firefox], [Chrome, Google Chrome], [Edge]]",
            "[[Firefox]]",
            r"at least as many groups \(1\) as fields \(2\)",
        ),
        (
            "    focus: true\n",
            "    focus: true\n    colour: red\n",
            r":21: unknown item field 'colour'",
        ),
        ("media/shot.png", "../shot.png", r"must stay inside the bank"),
        ("[Qwant, Excel, Ecosia, Word]", "[Qwant, Qwant, Ecosia]", r"two proposals are identical"),
        ("disabled: [t3]", "disabled: [t9]", r"invalid answer"),
    ],
)
def test_mistakes_are_located(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in GOOD
    _bank(tmp_path, GOOD.replace(old, new, 1))
    _, errors = read_bank(tmp_path)
    assert errors, "the mistake was not detected"
    assert any(re.search(message, e.message) for e in errors), [e.message for e in errors]
    with pytest.raises(SourceError):
        load_bank(tmp_path)


def test_yaml_syntax_error_has_line(tmp_path: Path) -> None:
    _bank(tmp_path, GOOD.replace("    level: 3\n", "    level: [3\n", 1))
    with pytest.raises(SourceError, match=r"1\.1\.yaml:\d+: invalid YAML"):
        load_bank(tmp_path)


def test_duplicate_ids_across_files_name_both_places(tmp_path: Path) -> None:
    _bank(tmp_path, GOOD)
    other = GOOD.replace('competence: "1.1"', 'competence: "1.2"')
    (tmp_path / "1.2.yaml").write_text(other, encoding="utf-8")
    _, errors = read_bank(tmp_path)
    assert any(
        "duplicate item id '1.1-op-2-a' (first at" in e.message and "1.1.yaml:4" in e.message
        for e in errors
    )


def test_unknown_competence_and_wrong_format(tmp_path: Path) -> None:
    _bank(tmp_path, GOOD.replace('competence: "1.1"', 'competence: "6.1"'))
    _, errors = read_bank(tmp_path)
    assert [e.message.split(": ", 1)[1] for e in errors] == ["unknown competence '6.1'"]
    _bank(tmp_path, GOOD.replace("itembank@1", "itembank@9"))
    _, errors = read_bank(tmp_path)
    assert "expected 'format: certkiosk/itembank@1'" in errors[0].message


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    _, errors = read_bank(tmp_path)
    assert errors and "no item bank files" in errors[0].message
