"""A centre's whole day, end to end, as people would live it (issues 7 and 8).

The certification body (``authority`` CLI) creates its keys, certifies the centre the console
created, builds the pack from the demo bank and schedules a session from an XLSX roster. The
centre (``invigilator`` CLI) imports everything, enrols four kiosks from the records their
enrolment screens wrote, and builds their kits; each kiosk (the real kiosk window on its own data
folder) imports its kit with its code. Four candidates then take the test on the kiosks: one
completes it, one's kiosk crashes mid-test and resumes with a console code, one reports a problem
the invigilator validates, one abandons (the invigilator ends the test by code). Each kiosk
exports to the USB folder; the console collects, finalises and exports; the certification body
ingests and issues. The certificates and the CSV must say what the answers given imply, computed
here from the scoring keys the certification body kept.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from authority.cli import main as authority
from invigilator.cli import main as invigilator
from invigilator.demo import ROSTER_HEADER
from invigilator.home import CentreHome
from invigilator.workspace import Workspace
from kiosk.core.clock import FakeClock
from kiosk.core.codes import CodeAction
from kiosk.core.framework import default_framework
from kiosk.core.itembank import load_bank
from kiosk.core.items import (
    AnswerKey,
    Item,
    ItemType,
    QcmKey,
    QcuKey,
    QrocKey,
    QrocmDepKey,
    QrocmIndKey,
    key_from_dict,
)
from kiosk.core.scoring import ChallengeScoreInput, CompetenceScoreInput, score_test
from kiosk.core.validation import AnswerStatus, validate_answer
from kiosk.resources import resource_path
from tests.gui.kiosk_kit_rig import KitKiosk

PASSWORD = "surveillant-du-jour"
LEVEL, PIX = 3, 29  # every profiled competence: level 3, 29 pix
COMPETENCES = ("1.1", "1.3", "2.1", "3.1", "4.1", "5.1")


@dataclass
class Person:
    """A candidate of the day and what happens to them."""

    last: str
    first: str
    born: str  # JJ/MM/AAAA
    sex: str
    external_id: str
    extra: float | None
    fate: str  # completes | crashes | reports | abandons
    statuses: dict[str, AnswerStatus | None] = field(default_factory=dict)
    neutralised: set[str] = field(default_factory=set)
    served: list[tuple[str, str, str]] = field(default_factory=list)  # id, competence, type
    reported_at: int = 0


PEOPLE = (
    Person("Durand", "Alice", "14/02/1998", "F", "EXT-A", None, "completes"),
    Person("Benali", "Karim", "03/07/1995", "M", "EXT-B", 0.33, "crashes"),
    Person("Morel", "Chloé", "21/09/2000", "F", "EXT-C", None, "reports"),
    Person("Petit", "Hugo", "08/12/1999", "M", "EXT-D", None, "abandons"),
)


def _ok(status: int, what: str) -> None:
    assert status == 0, f"{what} failed (exit {status})"


def _roster_xlsx(path: Path, day: str) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(ROSTER_HEADER.split(";"))
    session = ["", "Centre de la Gare", "Salle 1", day, "09:00", "Mme Leroy", ""]
    for index, p in enumerate(PEOPLE):
        cells = session if index == 0 else [""] * 7
        row = [*cells, p.last, p.first, p.born, p.sex, "69123", "69001", "Lyon", "France",
               "", "", p.external_id, p.extra, "", ""]  # fmt: skip
        sheet.append(row)
        if p.extra is not None:
            sheet.cell(row=index + 2, column=19).number_format = "0%"  # a percentage cell
    book.save(path)


def _profiles(path: Path) -> None:
    bank = load_bank(resource_path("itembank"))
    skills: dict[str, set[str]] = defaultdict(set)
    for item in bank.items:
        if item.level <= LEVEL:
            skills[item.competence].add(item.skill)
    competences = [
        {"id": c, "pix": PIX, "level": LEVEL, "skills": sorted(skills[c]), "seen": []}
        for c in COMPETENCES
    ]
    profiles = []
    for p in PEOPLE:
        day, month, year = p.born.split("/")
        profiles.append({"external_id": p.external_id, "last_name": p.last,
                         "first_names": p.first, "birth_date": f"{year}-{month}-{day}",
                         "competences": competences})  # fmt: skip
    doc = {"format": "certkiosk/profiles", "version": 1, "profiles": profiles}
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def right_answer(item: Item, key: AnswerKey) -> Any:
    """A correct answer in the form the kiosk's item widgets take."""
    if isinstance(key, QcuKey):
        return key.solution
    if isinstance(key, QcmKey):
        return sorted(key.solution)
    if isinstance(key, QrocKey):
        return key.accepted[0]
    if isinstance(key, QrocmIndKey):
        return {name: accepted[0] for name, accepted in key.fields}
    assert isinstance(key, QrocmDepKey)
    names = [f.name for f in item.fields]
    return {name: key.groups[i % len(key.groups)][0] for i, name in enumerate(names)}


def wrong_answer(item: Item, key: AnswerKey) -> Any:
    """Another proposal than the solution (wrong answers are only given to QCU items)."""
    assert isinstance(key, QcuKey)
    return next(p.id for p in item.proposals if p.id != key.solution)


class Day:
    """The shared folders, secrets and CLI arguments of the day."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.auth = ["--home", str(tmp / "authority"), "--passphrase-file", str(tmp / "auth-pp")]
        self.centre = ["--home", str(tmp / "centre"), "--passphrase-file", str(tmp / "centre-pp")]
        (tmp / "auth-pp").write_text("phrase de l'organisme\n", encoding="utf-8")
        (tmp / "centre-pp").write_text("phrase du centre de la gare\n", encoding="utf-8")
        (tmp / "password").write_text(PASSWORD + "\n", encoding="utf-8")
        self.session_id = ""
        self.keys: dict[str, AnswerKey] = {}

    def respond(self, capsys: pytest.CaptureFixture[str], challenge: str) -> str:
        """The console answers a kiosk's challenge (``invigilator respond``)."""
        capsys.readouterr()
        _ok(invigilator(["respond", *self.centre, "--session", self.session_id, challenge]),
            "respond")  # fmt: skip
        match = re.search(r"Code réponse : (\S+)", capsys.readouterr().out)
        assert match is not None
        return match.group(1)


def _code(
    kiosk: KitKiosk, day: Day, capsys: pytest.CaptureFixture[str], action: CodeAction
) -> None:
    """The kiosk shows a challenge for ``action``; the console's response is typed in."""
    w = kiosk.window
    w.open_panel()
    box = w.panel.code_box
    box.action_combo.setCurrentIndex(box.action_combo.findData(action.value))
    box.challenge_button.click()
    kiosk.settle()
    challenge = kiosk.controller.pending_challenge
    assert challenge is not None, box.message.text()
    box.response_edit.setText(day.respond(capsys, challenge.text()))
    box.response_button.click()
    kiosk.settle()


def _panel(kiosk: KitKiosk, action: str) -> None:
    kiosk.password(action, password=PASSWORD)


def _take_test(kiosk: KitKiosk, day: Day, person: Person, stop_at: int | None) -> KitKiosk | None:
    """Answer items from the one on screen; stop before item ``stop_at`` (1-based) if given.

    The plan: a third of the QCU items are answered wrongly, the others rightly; the reporting
    candidate reports a problem on item 4 (validated by the invigilator).
    """
    while kiosk.screen() in ("item", "focus_warning"):
        if kiosk.screen() == "focus_warning":
            kiosk.window.focus_warning.ok_button.click()
            kiosk.wait_screen("item")
        view = kiosk.window.view
        item, position = view.item, view.position
        if stop_at is not None and position == stop_at:
            return kiosk
        key = day.keys[item.id]
        if person.fate == "reports" and position == 4 and not person.reported_at:
            kiosk.window.test.report_button.click()
            dialog = kiosk.window.problem_dialog
            dialog.select("E11")
            dialog.description.setPlainText("La question ne se charge pas.")
            dialog.send.click()
            kiosk.wait_screen("problem_pending")
            _panel(kiosk, "validate_problem")
            kiosk.qtbot.waitUntil(lambda: kiosk.screen() in ("item", "focus_warning", "ended"))
            kiosk.settle()
            person.reported_at = position
            # Set aside: it counts as skipped, and the E11 of the finalisation neutralises it.
            person.statuses[item.id] = AnswerStatus.ABAND
            person.neutralised.add(item.id)
            continue
        wrong = isinstance(key, QcuKey) and position % 3 == 0
        answer = wrong_answer(item, key) if wrong else right_answer(item, key)
        expected = validate_answer(key, answer, focus=item.focus).status
        assert expected is (AnswerStatus.KO if wrong else AnswerStatus.OK), (item.id, answer)
        person.statuses[item.id] = expected
        widget = kiosk.window.test.host.widget
        widget.set_answer(answer)
        kiosk.clock.advance(15_000)
        kiosk.window.test.validate_button.click()
        kiosk.settle()
    return None


def _to_first_item(kiosk: KitKiosk, day: Day, person: Person, access: str) -> None:
    kiosk.check_in(day.session_id, access, person.last.upper(), person.first, person.born)
    kiosk.qtbot.waitUntil(lambda: kiosk.screen() in ("awaiting_presence", "locked"))
    kiosk.settle()
    if kiosk.controller.state.lock_reason is not None:
        _panel(kiosk, "unlock")
    _panel(kiosk, "confirm_presence")
    kiosk.wait_screen("instructions")
    kiosk.window.instructions.start_button.click()
    kiosk.qtbot.waitUntil(lambda: kiosk.screen() in ("item", "focus_warning"))
    kiosk.settle()


def _export(kiosk: KitKiosk, usb: Path, person: Person) -> None:
    person.served = [(i.id, i.competence, i.type) for i in kiosk.controller.state.items]
    panel = kiosk.window.panel
    kiosk.window.open_panel()
    panel.password_edit.setText(PASSWORD)
    panel.open_button.click()
    panel.export_folder.set_folder(usb)
    panel.export_button.click()
    kiosk.settle()
    assert "Export écrit" in panel.export_message.text(), panel.export_message.text()
    kiosk.window.close_panel()


def _expected(person: Person, abort: str | None) -> tuple[str, int, dict[str, int]]:
    challenges = [
        ChallengeScoreInput(
            item_id,
            competence,
            ItemType(kind),
            person.statuses.get(item_id),
            item_id in person.neutralised,
        )
        for item_id, competence, kind in person.served
    ]
    result = score_test(
        competences=[CompetenceScoreInput(c, PIX, LEVEL) for c in COMPETENCES],
        challenges=challenges,
        abort_reason=abort,
    )
    levels = {c.id: max(c.level, 0) for c in result.competences}
    pix = result.pix if result.status.value == "validated" else 0
    return result.status.value, pix, levels


def test_a_centre_day_from_the_authority_keys_to_verified_certificates(
    qtbot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day = Day(tmp_path)
    auth, centre = day.auth, day.centre
    home = CentreHome(tmp_path / "centre")

    # The certification body and the centre: keys, enrolment, certificate, pack, session.
    _ok(authority(["init", *auth, "--name", "Organisme certificateur"]), "authority init")
    _ok(invigilator(["init-centre", *centre, "--centre-id", "CTR-GARE", "--name",
                     "Centre de la Gare", "--authority",
                     str(tmp_path / "authority" / "authority-public.json")]), "init-centre")  # fmt: skip
    cert, pack = tmp_path / "centre.ccrt", tmp_path / "demo.ckpack"
    _ok(authority(["enrol-centre", *auth, str(home.request_path), "-o", str(cert)]), "enrol")
    _ok(authority(["build-pack", *auth, str(resource_path("itembank")), "-o", str(pack)]), "pack")
    today = datetime.now().astimezone()
    _roster_xlsx(tmp_path / "roster.xlsx", f"{today:%d/%m/%Y}")
    _profiles(tmp_path / "profiles.json")
    package = tmp_path / "session.cksess"
    _ok(authority(["schedule", *auth, "--centre", str(cert), "--pack", str(pack), "--roster",
                   str(tmp_path / "roster.xlsx"), "--profiles", str(tmp_path / "profiles.json"),
                   "--invigilator-password-file", str(tmp_path / "password"),
                   "-o", str(package)]), "schedule")  # fmt: skip
    kept = json.loads(Path(f"{pack}.scoring-keys.json").read_text("utf-8"))
    day.keys = {
        item_id: key_from_dict(ItemType(entry["type"]), entry["key"])
        for item_id, entry in kept["keys"].items()
    }

    # The console imports the certificate, the pack and the session.
    _ok(invigilator(["import-certificate", *centre, str(cert)]), "import-certificate")
    _ok(invigilator(["import", *centre, str(package), str(pack)]), "import")
    capsys.readouterr()
    _ok(invigilator(["sessions", *centre]), "sessions")
    line = capsys.readouterr().out.strip()
    day.session_id = line.split("\t")[0]
    assert "4 candidat(s)" in line and "créée" in line
    ws = Workspace.open(home, "phrase du centre de la gare")
    try:
        details = ws.package(day.session_id).details
        extra = {c.external_id: c.extra_time_pct for c in ws.package(day.session_id).candidates}
    finally:
        ws.close()
    assert extra["EXT-B"] == 33 and extra["EXT-A"] == 0

    # Morning routine: four kiosks enrol (records on a stick), the console registers them and
    # builds one kit per kiosk, each kiosk imports its own kit with its code.
    clock = FakeClock(wall=datetime.now(UTC))
    records, kits_usb, exports_usb = (
        tmp_path / "usb-postes",
        tmp_path / "usb-kits",
        tmp_path / "usb-exports",
    )
    for folder in (records, exports_usb):
        folder.mkdir()
    kiosks: list[KitKiosk] = []
    for number in range(1, 5):
        kiosk = KitKiosk(qtbot, tmp_path / f"kiosk-{number}", clock)
        kiosk.wait_screen("enrol")
        kiosk.enrol(number, f"Poste {number}", records)
        kiosk.window.enrol.continue_button.click()
        kiosk.wait_screen("kit")
        kiosks.append(kiosk)
    capsys.readouterr()
    _ok(invigilator(["kiosk-enrol", *centre, str(records)]), "kiosk-enrol")
    assert capsys.readouterr().out.count("enregistré") == 4
    _ok(invigilator(["kits", *centre, "--session", day.session_id, "-o", str(kits_usb)]), "kits")
    printed = [x.split("\t") for x in capsys.readouterr().out.splitlines() if "\t" in x]
    assert [row[0] for row in printed] == [f"Poste n° {n} « Poste {n} »" for n in range(1, 5)]
    for kiosk, (_who, file_name, code) in zip(kiosks, printed, strict=True):
        kiosk.choose_kit(kits_usb, file_name)
        kiosk.type_code(code)
        kiosk.wait_screen("startup")
        assert kiosk.controller.session.details.session_id == day.session_id

    # The test. Kiosk 2 crashes after three items and resumes with a console code; kiosk 4's
    # candidate leaves after five items and the invigilator ends the test by code.
    for kiosk, person in zip(kiosks, PEOPLE, strict=True):
        _to_first_item(kiosk, day, person, details.access_code)
    _take_test(kiosks[0], day, PEOPLE[0], None)
    crashed = _take_test(kiosks[1], day, PEOPLE[1], 4)
    assert crashed is not None
    crashed.close()  # the kiosk process dies on item 4
    clock.advance(120_000)
    kiosks[1] = KitKiosk(qtbot, tmp_path / "kiosk-2", clock)
    kiosks[1].wait_screen("awaiting_resume")
    _code(kiosks[1], day, capsys, CodeAction.AUTHORISE_RESUME)
    kiosks[1].qtbot.waitUntil(lambda: kiosks[1].screen() in ("item", "focus_warning"))
    kiosks[1].settle()
    _take_test(kiosks[1], day, PEOPLE[1], None)
    _take_test(kiosks[2], day, PEOPLE[2], None)
    assert _take_test(kiosks[3], day, PEOPLE[3], 6) is not None
    _code(kiosks[3], day, capsys, CodeAction.END_TEST)
    for kiosk in kiosks:
        kiosk.wait_screen("ended")
    assert PEOPLE[2].reported_at == 4

    # Every kiosk exports to the stick; the console collects (twice: nothing new the second time).
    for kiosk, person in zip(kiosks, PEOPLE, strict=True):
        _export(kiosk, exports_usb, person)
        kiosk.close()
    assert len(PEOPLE[0].served) > 10 and len(PEOPLE[3].statuses) == 5
    capsys.readouterr()
    _ok(invigilator(["collect", *centre, "--session", day.session_id, str(exports_usb)]), "collect")
    out = capsys.readouterr().out
    assert [f"poste n° {n} « Poste {n} »" in out for n in range(1, 5)] == [True] * 4
    _ok(invigilator(["collect", *centre, "--session", day.session_id, str(exports_usb)]), "again")
    assert capsys.readouterr().out.count("rien de nouveau") == 4
    _ok(invigilator(["roster", *centre, "--session", day.session_id]), "roster")
    states = [row.split("\t")[2] for row in capsys.readouterr().out.splitlines()]
    assert states == ["Terminé", "Terminé", "Terminé", "Arrêté par le surveillant"]

    # Finalisation: end screens seen, the abandon's reason, the validated problem as E11.
    draft_path = tmp_path / "finalisation.json"
    _ok(invigilator(["finalise", *centre, "--session", day.session_id, "--draft",
                     str(draft_path)]), "draft")  # fmt: skip
    draft = json.loads(draft_path.read_text("utf-8"))
    assert [c["outcome"] for c in draft["candidates"]] == ["completed"] * 3 + ["unfinished"]
    capsys.readouterr()
    assert invigilator(["finalise", *centre, "--session", day.session_id, "--file",
                        str(draft_path)]) == 2  # fmt: skip
    assert "PETIT Hugo" in capsys.readouterr().err  # no abort reason yet: refused, named
    for entry in draft["candidates"][:3]:
        entry["end_screen_seen"] = True
    draft["candidates"][2]["incidents"] = [
        {"code": "E11", "description": "Question blanche", "item_number": PEOPLE[2].reported_at}
    ]
    draft["candidates"][3]["abort_reason"] = "candidate"
    draft["candidates"][3]["comment"] = "Le candidat a quitté la salle."
    draft["had_incident"] = True
    draft_path.write_text(json.dumps(draft, ensure_ascii=False), encoding="utf-8")
    _ok(invigilator(["finalise", *centre, "--session", day.session_id, "--file",
                     str(draft_path)]), "finalise")  # fmt: skip
    capsys.readouterr()
    _ok(invigilator(["export", *centre, "--session", day.session_id, "-o",
                     str(tmp_path / "envoi")]), "export")  # fmt: skip
    bundle = capsys.readouterr().out.strip().split(" : ", 1)[1]

    # The certification body ingests, issues; the certificates verify; the results are right.
    _ok(authority(["ingest", *auth, bundle]), "ingest")
    capsys.readouterr()
    _ok(authority(["issue", *auth, "--session", day.session_id, "-o", str(tmp_path / "certs")]),
        "issue")  # fmt: skip
    rows = list(csv.reader(io.StringIO(
        (tmp_path / "certs" / f"resultats-{day.session_id}.csv").read_text("utf-8-sig")),
        delimiter=";"))  # fmt: skip
    header, body = rows[0], {r[5]: r for r in rows[1:]}
    competence_columns = [f"competence_{c.id}" for c in default_framework().competences]
    assert header[8:] == competence_columns
    aborts = {"abandons": "candidate"}
    for person in PEOPLE:
        status, pix, levels = _expected(person, aborts.get(person.fate))
        row = body[person.external_id]
        assert (row[6], int(row[7])) == (status, pix), person.fate
        got = dict(zip([c.removeprefix("competence_") for c in competence_columns],
                       map(int, row[8:]), strict=True))  # fmt: skip
        assert {c: got[c] for c in COMPETENCES} == levels, person.fate
        if status == "validated":
            pdf = tmp_path / "certs" / f"certificat-{row[0]}.pdf"
            capsys.readouterr()
            _ok(authority(["verify-certificate", *auth, str(pdf)]), "verify-certificate")
            said = capsys.readouterr().out
            assert f"VALID certificate {row[0]}" in said and f"; {pix} pix" in said
    statuses = [body[p.external_id][6] for p in PEOPLE]
    assert statuses.count("validated") >= 2, statuses
