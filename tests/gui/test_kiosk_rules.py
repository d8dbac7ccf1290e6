"""Qt-free pieces of the kiosk: check-in matching, environment checks, the password gate."""

from __future__ import annotations

from kiosk.app.check_in import (
    CheckInForm,
    Refusal,
    match_candidate,
    normalise_name,
    parse_birth_date,
)
from kiosk.app.env_checks import (
    check_remote_session,
    check_screens,
    check_virtual_machine,
    run_checks,
)
from kiosk.app.invigilator_gate import InvigilatorGate
from tests.gui.kiosk_data import PASSWORD, fast_hash, make_session


def _form(**changes: str) -> CheckInForm:
    base = {
        "session_number": "12345",
        "access_code": "bcdf23",
        "last_name": "  dupre ",
        "first_name": "MARIE",
        "birth_date": "12/04/1990",
    }
    base.update(changes)
    return CheckInForm(**base)


def test_names_match_whatever_the_case_accents_and_spaces() -> None:
    session = make_session()
    assert normalise_name("Dupré-Léger ") == normalise_name("dupre leger")
    result = match_candidate(_form(), session.details, session.candidates)
    assert result.candidate is not None and result.candidate.candidate_id == "c1"
    assert match_candidate(
        _form(first_name="élodie marie"), session.details, session.candidates
    ).candidate


def test_check_in_refusals() -> None:
    session = make_session()
    details, people = session.details, session.candidates
    assert match_candidate(_form(first_name=" "), details, people).refusal is Refusal.MISSING_FIELD
    assert (
        match_candidate(_form(birth_date="31/02/1990"), details, people).refusal is Refusal.BAD_DATE
    )
    assert (
        match_candidate(_form(access_code="BCDF24"), details, people).refusal
        is Refusal.WRONG_SESSION
    )
    assert (
        match_candidate(_form(session_number="99"), details, people).refusal
        is Refusal.WRONG_SESSION
    )
    assert (
        match_candidate(_form(birth_date="13/04/1990"), details, people).refusal
        is Refusal.NOT_FOUND
    )
    assert match_candidate(_form(last_name="Durand"), details, people).refusal is Refusal.NOT_FOUND


def test_birth_dates_in_the_forms_people_type() -> None:
    assert parse_birth_date("1/2/2000").isoformat() == "2000-02-01"
    assert parse_birth_date("01-02-2000").isoformat() == "2000-02-01"
    assert parse_birth_date("01022000").isoformat() == "2000-02-01"
    assert parse_birth_date("2000-02-01") is None


def test_environment_checks_warn_without_stopping() -> None:
    assert check_screens(1) == []
    assert check_screens(2)[0].code == "screens"
    files = {"/sys/class/dmi/id/sys_vendor": "QEMU\n", "/proc/cpuinfo": "flags : fpu hypervisor\n"}
    vm = check_virtual_machine(files.get, "linux")
    assert vm[0].code == "virtual_machine" and "QEMU" in vm[0].detail
    assert check_virtual_machine({}.get, "linux") == []
    assert check_virtual_machine(files.get, "win32") == []
    assert check_remote_session({"DISPLAY": ":0"}, "linux") == []
    assert (
        check_remote_session({"SSH_CONNECTION": "1.2.3.4 5 6.7.8.9 22"}, "linux")[0].code
        == "remote_session"
    )
    assert check_remote_session({"DISPLAY": "10.0.0.5:0"}, "linux")
    assert check_remote_session({"SESSIONNAME": "RDP-Tcp#3"}, "win32", lambda: False)
    assert check_remote_session({}, "win32", lambda: True)[0].detail == "SM_REMOTESESSION"
    codes = [w.code for w in run_checks(3, files.get, {"SSH_CLIENT": "x"}, "linux")]
    assert codes == ["screens", "virtual_machine", "remote_session"]


def test_gate_lockout_grows_and_is_reported() -> None:
    now = [100.0]
    events = []
    gate = InvigilatorGate(fast_hash(), clock=lambda: now[0], on_event=events.append)
    for _ in range(4):
        assert gate.check("faux").attempts_left > 0
    result = gate.check("faux")
    assert not result.ok and result.locked_s == 30
    assert not gate.check(PASSWORD).ok  # refused during the lockout
    now[0] += 30
    for _ in range(5):
        result = gate.check("faux")
    assert result.locked_s == 60
    now[0] += 60
    assert gate.check(PASSWORD).ok
    kinds = [e.kind for e in events]
    assert (
        kinds.count("auth_failed") == 10
        and kinds.count("auth_lockout") == 2
        and kinds[-1] == "auth_ok"
    )
