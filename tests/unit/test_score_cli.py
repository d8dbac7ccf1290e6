"""``authority score FILE.json``: valid input → JSON on stdout, exit 0; malformed → one line, exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from authority.cli import main
from authority.score_input import parse_score_input
from kiosk.core.errors import InvalidInput

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "score-input"
VALID = sorted(
    p for p in (FIXTURES / "valid").glob("*.json") if not p.name.endswith(".expected.json")
)
EXPECTED_ERRORS: dict[str, str] = json.loads(
    (FIXTURES / "malformed" / "expected.json").read_text(encoding="utf-8")
)


def run_main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_every_fixture_is_covered() -> None:
    assert len(VALID) >= 5
    on_disk = {p.name for p in (FIXTURES / "malformed").glob("*.json")} - {"expected.json"}
    assert on_disk == set(EXPECTED_ERRORS)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_input_prints_the_expected_result(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_main(["score", str(path)], capsys)
    assert (code, err) == (0, "")
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert json.loads(out) == expected


@pytest.mark.parametrize("name", sorted(EXPECTED_ERRORS))
def test_malformed_input_is_one_clear_line_and_exit_2(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = FIXTURES / "malformed" / name
    code, out, err = run_main(["score", str(path)], capsys)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.endswith("\n")
    assert err.startswith(f"authority: {path}: ")
    assert EXPECTED_ERRORS[name] in err
    assert "Traceback" not in err


def _run(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "authority", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def test_python_dash_m_authority_score_runs_as_a_program() -> None:
    path = VALID[0]
    done = _run(["score", str(path)])
    assert done.returncode == 0, done.stderr
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert json.loads(done.stdout) == expected


def test_dash_reads_standard_input() -> None:
    path = FIXTURES / "valid" / "fraud.json"
    done = _run(["score", "-"], stdin=path.read_bytes())
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["status"] == "rejected"


def test_bad_standard_input_is_one_line_and_exit_2() -> None:
    done = _run(["score", "-"], stdin=b"[1, 2,")
    assert done.returncode == 2
    assert done.stdout == b""
    lines = done.stderr.decode().splitlines()
    assert lines == [
        "authority: standard input: not valid JSON (line 1, column 7: Expecting value)"
    ]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "absent.json", "no such file"),
        (lambda d: d, "is a folder"),
    ],
)
def test_unreadable_paths(
    tmp_path: Path, make: object, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    code, out, err = run_main(["score", str(path)], capsys)
    assert (code, out) == (2, "")
    assert message in err and err.count("\n") == 1


def test_deeply_nested_json_is_refused_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    code, out, err = run_main(["score", str(path)], capsys)
    assert (code, out) == (2, "")
    assert "not usable JSON" in err and "Traceback" not in err


def test_a_utf8_bom_is_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + (FIXTURES / "valid" / "fraud.json").read_bytes())
    code, out, _ = run_main(["score", str(path)], capsys)
    assert code == 0 and json.loads(out)["status"] == "rejected"


def test_an_attempt_outside_the_rule_table_is_an_internal_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = json.loads((FIXTURES / "valid" / "fraud.json").read_text(encoding="utf-8"))
    doc["fraud"] = False
    doc["challenges"] = [
        {"id": f"d{i}", "competence": "3.1", "type": "QROCM-dep", "status": "ok"} for i in range(2)
    ] + [c for c in doc["challenges"] if c["competence"] != "3.1"]
    path = tmp_path / "two-dep.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, out, err = run_main(["score", str(path)], capsys)
    assert (code, out) == (2, "")
    assert err.startswith("authority: internal error") and err.count("\n") == 1
    assert "4 item(s)" in err


def test_optional_keys_default_and_whole_numbers_are_accepted_as_proposal_ids() -> None:
    doc = {
        "format": "certkiosk/score-input@1",
        "max_reachable_level": 5,
        "competences": [{"id": "1.1", "pix": 20, "level": 2}],
        "challenges": [
            {"id": "a", "competence": "1.1", "type": "QCU", "key": {"solution": 2}, "answer": 2},
            {
                "id": "b",
                "competence": "1.1",
                "type": "QCM",
                "key": {"solution": [1, 3]},
                "answer": [3, 1],
            },
        ],
    }
    parsed = parse_score_input(doc)
    assert (parsed.abort_reason, parsed.fraud, parsed.cancelled) == (None, False, False)
    assert [c.status.value for c in parsed.challenges if c.status] == ["ok", "ok"]


def test_a_skip_needs_no_key_and_a_skip_with_a_key_is_still_aband() -> None:
    base = {
        "format": "certkiosk/score-input@1",
        "max_reachable_level": 5,
        "competences": [{"id": "1.1", "pix": 20, "level": 2}],
    }
    chals = [
        {"id": "a", "competence": "1.1", "type": "QROC", "skipped": True},
        {
            "id": "b",
            "competence": "1.1",
            "type": "QCU",
            "skipped": True,
            "key": {"solution": "1"},
            "answer": "1",
        },
    ]
    parsed = parse_score_input({**base, "challenges": chals})
    assert [c.status.value for c in parsed.challenges if c.status] == ["aband", "aband"]
    with pytest.raises(InvalidInput, match="QCM answer"):
        parse_score_input(
            {
                **base,
                "challenges": [
                    {
                        "id": "c",
                        "competence": "1.1",
                        "type": "QCM",
                        "key": {"solution": ["1"]},
                        "answer": [True],
                    }
                ],
            }
        )
