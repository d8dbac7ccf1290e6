"""``authority lint-bank``: errors with file and line, key self-checks, balance, JSON report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import authority.banklint as banklint
from authority.cli import main
from kiosk.core.validation import AnswerStatus, Validation

ITEM = """\
  - id: "{cid}-{tube}-{level}-{n}"
    tube: "@{tube}"
    level: {level}
    type: {type}
    instruction: Question {n}
{body}"""

BODIES = {
    "QCU": "    proposals: [oui, non]\n    answer: {solution: 1}\n",
    "QCM": "    proposals: [a, b, c]\n    answer: {solution: [1, 2]}\n",
    "QROC": "    answer: {solution: [Paris]}\n",
    "QROCM-ind": "    fields: [{name: a, label: A}, {name: b, label: B}]\n    answer: {solution: {a: [x], b: [y]}}\n",
    "QROCM-dep": "    fields: [{name: a, label: A}, {name: b, label: B}]\n    answer: {solution: [[x], [y], [z]]}\n",
}
TYPES = list(BODIES)


def _write_full_bank(root: Path, competences: list[str]) -> None:
    """A bank meeting the balance rules: levels 1–6, 4 items over 4 tubes each, all types."""
    for cid in competences:
        text = f'format: certkiosk/itembank@1\ncompetence: "{cid}"\nitems:\n'
        k = 0
        for level in range(1, 7):
            for n, tube in enumerate(["alpha", "beta", "gamma", "delta"]):
                text += ITEM.format(
                    cid=cid,
                    tube=tube,
                    level=level,
                    n=n,
                    type=TYPES[k % 5],
                    body=BODIES[TYPES[k % 5]],
                )
                k += 1
        (root / f"{cid}.yaml").write_text(text, encoding="utf-8")


ALL = [f"{d}.{c}" for d, n in [(1, 3), (2, 4), (3, 4), (4, 3), (5, 2)] for c in range(1, n + 1)]


def test_balanced_bank_lints_clean_with_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_full_bank(tmp_path, ALL)
    assert main(["lint-bank", str(tmp_path), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["items"] == 16 * 24 and doc["errors"] == []
    assert doc["by_competence_level"]["1.1"] == {str(lv): 4 for lv in range(1, 7)}
    assert sum(doc["by_type"].values()) == 384 and set(doc["by_type"]) == set(TYPES)
    assert doc["with_attachment"] == 0


def test_missing_competence_and_thin_levels_are_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_full_bank(tmp_path, ALL[:-1])
    text = (tmp_path / "1.1.yaml").read_text(encoding="utf-8")
    (tmp_path / "1.1.yaml").write_text(
        text.replace('tube: "@beta"\n    level: 2', 'tube: "@alpha"\n    level: 2'),
        encoding="utf-8",
    )
    assert main(["lint-bank", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "competence 5.2 has no items" in out
    assert "competence 1.1 level 2: 3 tubes" not in out  # alpha, gamma, delta remain: still fine
    (tmp_path / "1.1.yaml").write_text(
        text.replace('tube: "@beta"', 'tube: "@alpha"').replace('tube: "@gamma"', 'tube: "@alpha"'),
        encoding="utf-8",
    )
    main(["lint-bank", str(tmp_path)])
    assert "competence 1.1 level 1: 2 tubes, at least 3 needed" in capsys.readouterr().out


def test_schema_errors_are_printed_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_full_bank(tmp_path, ["1.1"])
    path = tmp_path / "1.1.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "answer: {solution: 1}", "answer: {solution: 7}", 1
        ),
        encoding="utf-8",
    )
    assert main(["lint-bank", str(tmp_path), "--no-balance"]) == 1
    assert f"{path}:10: QCU solution 7 is not a proposal number 1..2" in capsys.readouterr().out


def test_a_key_its_validator_refuses_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_full_bank(tmp_path, ["1.1"])

    def refuse_paris(key: object, answer: object, **_: object) -> Validation:
        return Validation(status=AnswerStatus.KO if answer == "Paris" else AnswerStatus.OK)

    monkeypatch.setattr(banklint, "validate_answer", refuse_paris)
    assert main(["lint-bank", str(tmp_path), "--no-balance"]) == 1
    out = capsys.readouterr().out
    assert "accepted answer 'Paris' is refused" in out
    assert "distractor 2 is accepted" in out  # the fake validator accepts everything else


def test_coverage_markdown_lists_every_competence(tmp_path: Path) -> None:
    _write_full_bank(tmp_path, ALL)
    out = tmp_path / "coverage.md"
    assert main(["lint-bank", str(tmp_path), "--coverage-md", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert (
        "| 1.1 Mener une recherche et une veille d'information | 4 | 4 | 4 | 4 | 4 | 4 | 24 | 4 |"
        in text
    )
    assert text.count("\n| ") >= 16 + 5


def test_missing_folder_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint-bank", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not an item bank folder" in err
